"""HTTP/2 on the wire (RFC 9113, RFC 8441): the extended CONNECT request, the client's frames and the reading of the server's, without I/O."""
