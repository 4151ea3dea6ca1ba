"""HTTP/1.1: the opening-handshake request builder and the lenient response reader."""
