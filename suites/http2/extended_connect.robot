*** Settings ***
Documentation     RFC 8441: browsers and proxies open WebSockets over HTTP/2 with an extended CONNECT (:method
...               CONNECT, :protocol websocket) on a server whose SETTINGS carry SETTINGS_ENABLE_CONNECT_PROTOCOL =
...               1. A correct request gets 200, never 101; malformed requests (RFC 9113 §8.1.1) and unsupported
...               ones are refused with a stream error or a 4xx; once open, the stream carries WebSocket frames both
...               ways. A target that does not speak HTTP/2 makes every case not applicable. Generated from the case
...               catalogue (WsComplianceLibrary/catalogue/); docs/cases.md states each case in full.
...
...               RFC 8441 §3: "Upon receipt of SETTINGS_ENABLE_CONNECT_PROTOCOL with a value of 1, a client MAY use
...               the Extended CONNECT"; without it a client must not send :protocol, since a server that does not
...               support it treats the request as malformed. Why it matters: Browsers open a WebSocket over an
...               existing HTTP/2 connection only when the server advertised the setting; a server that supports RFC
...               8441 but does not say so gets every WebSocket on a separate HTTP/1.1 connection.
...
...               RFC 8441 §5: the server accepts a WebSocket by answering the extended CONNECT with a 2xx, and the
...               stream becomes the tunnel; RFC 9113 §8.6: "HTTP/2 removes support for the 101 (Switching
...               Protocols) informational status code". Why it matters: It shows the URL really is a
...               WebSocket-over-HTTP/2 endpoint, so the refusals below mean something; a 101 is a malformed answer
...               every HTTP/2 client must reject.
...
...               RFC 8441 §4: "On requests that contain the :protocol pseudo-header field, the :scheme and :path
...               pseudo-header fields of the target URI MUST also be included"; RFC 9113 §8.1.1: a malformed
...               request is treated as a stream error of type PROTOCOL_ERROR. Why it matters: A server that opens a
...               tunnel for a request it cannot route by scheme and path lets intermediaries and the origin
...               disagree about what was requested, and shows it does not check the request.
...
...               RFC 8441 §4: :protocol names "the desired protocol to be spoken on the tunnel created by CONNECT";
...               §5: it "MUST have a value of websocket to initiate a WebSocket connection". A server must not open
...               a WebSocket for a request that named another protocol. Why it matters: A client asking for another
...               protocol would get WebSocket frames it cannot read; a server that ignores :protocol cannot serve
...               two protocols on one path safely.
...
...               RFC 8441 §5: the WebSocket handshake fields keep their RFC 6455 meaning over HTTP/2; RFC 6455
...               §4.1, §4.2.1: Sec-WebSocket-Version must be 13, and §4.4: a server that does not understand the
...               version refuses the handshake. Why it matters: Version negotiation is how a client learns it must
...               retry with another version; a server that accepts a missing or unknown version speaks a protocol
...               the client may not.
...
...               RFC 8441 §4 defines :protocol for the CONNECT method only; RFC 9113 §8.3: requests with undefined
...               or invalid pseudo-header fields are malformed, and §8.1.1: a malformed request is a stream error
...               of type PROTOCOL_ERROR. Why it matters: A server that opens a WebSocket on a GET with :protocol
...               can be driven into a tunnel by requests that caches and proxies treat as plain, cacheable GETs.
...
...               RFC 9113 §8.2.2: a message with connection-specific fields (Connection, Upgrade) MUST be treated
...               as malformed; §8.6: HTTP/2 has no 101 (Switching Protocols). The HTTP/1.1 upgrade does not exist
...               in HTTP/2. Why it matters: A server that switches on an HTTP/1.1-style upgrade inside an HTTP/2
...               stream lets requests smuggled through HTTP/2-to-HTTP/1.1 gateways take over the connection.
...
...               RFC 8441 §5: Sec-WebSocket-Protocol and Sec-WebSocket-Extensions work as in RFC 6455; RFC 6455
...               §4.2.2: the selected subprotocol is one the client offered, at most one; §9.1: a server accepts
...               only extensions it supports. Why it matters: A client must fail the connection when the server
...               selects something it did not offer, so such a server breaks every correct client.
...
...               RFC 8441 §5: once the server answers 200, the stream's DATA frames carry the WebSocket frames of
...               RFC 6455 §5 both ways, client frames masked as over HTTP/1.1. The case needs an endpoint that
...               echoes, like the embedded reference server; at another endpoint its failure says only that it does
...               not echo. Why it matters: An endpoint that accepts the extended CONNECT but does not carry frames
...               on the stream, or drops control frames, leaves browsers with a WebSocket that opens and then
...               hangs.
...
...               RFC 6455 §5.5.2: "Upon receipt of a Ping frame, an endpoint MUST send a Pong frame in response",
...               with the same application data; over HTTP/2 that Pong travels in DATA frames on the same stream
...               (RFC 8441 §5). Why it matters: An endpoint that accepts the extended CONNECT but does not carry
...               frames on the stream, or drops control frames, leaves browsers with a WebSocket that opens and
...               then hangs.
...
...               RFC 6455 §5.5.1: "If an endpoint receives a Close frame and did not previously send a Close frame,
...               the endpoint MUST send a Close frame in response"; over HTTP/2 it travels in DATA frames (RFC 8441
...               §5). Why it matters: An endpoint that accepts the extended CONNECT but does not carry frames on
...               the stream, or drops control frames, leaves browsers with a WebSocket that opens and then hangs.

Resource          ../../resources/http2/extended_connect.resource

Suite Setup       Open HTTP/2 Compliance Target
Suite Teardown    Close HTTP/2 Compliance Target
Test Template     Malformed Or Unsupported Extended Connect Must Be Refused

Test Tags         extended_connect    rfc8441


*** Test Cases ***    HEADERS
COMP-H2-SETTINGS-ENABLE-CONNECT    check=Server Should Advertise Extended Connect
    [Documentation]    The server advertises SETTINGS_ENABLE_CONNECT_PROTOCOL = 1.
    [Tags]    rfc8441-3    MUST
    [Template]    Answer To A Correct Extended Connect Must Pass Check
COMP-H2-EXTENDED-CONNECT-ACCEPTED    check=Extended Connect Should Be Accepted
    [Documentation]    A correct extended CONNECT for websocket is answered 200, never 101.
    [Tags]    rfc8441-4    rfc8441-5    rfc9113-8.6    MUST    positive
    [Template]    Answer To A Correct Extended Connect Must Pass Check
COMP-H2-CONNECT-WITHOUT-SCHEME    {":scheme": None}
    [Documentation]    An extended CONNECT without :scheme is refused.
    [Tags]    rfc8441-4    rfc9113-8.1.1    MUST
COMP-H2-CONNECT-WITHOUT-PATH    {":path": None}
    [Documentation]    An extended CONNECT without :path is refused.
    [Tags]    rfc8441-4    rfc9113-8.1.1    MUST
COMP-H2-UNKNOWN-PROTOCOL    {":protocol": "x-unknown-protocol.example"}
    [Documentation]    An extended CONNECT for an unknown :protocol is refused.
    [Tags]    rfc8441-4    rfc8441-5    MUST
COMP-H2-VERSION-MISSING    {"sec-websocket-version": None}
    [Documentation]    An extended CONNECT without sec-websocket-version is refused.
    [Tags]    rfc8441-5    rfc6455-4.2.1    MUST
COMP-H2-VERSION-WRONG    {"sec-websocket-version": "8"}
    [Documentation]    An extended CONNECT with sec-websocket-version: 8 is refused.
    [Tags]    rfc8441-5    rfc6455-4.2.1    rfc6455-4.4    MUST
COMP-H2-PROTOCOL-ON-GET    {":method": "GET"}
    [Documentation]    :protocol on a GET is refused, never answered 200.
    [Tags]    rfc8441-4    rfc9113-8.3    MUST
COMP-H2-HTTP1-STYLE-UPGRADE    {":method": "GET", ":protocol": None, "connection": "upgrade", "upgrade": "websocket"}
    [Documentation]    A GET with upgrade: websocket and connection: upgrade is malformed, never switched.
    [Tags]    rfc9113-8.2.2    rfc9113-8.6    MUST
COMP-H2-PROTOCOL-UNKNOWN-OFFERED    {"sec-websocket-protocol": "x-unknown-protocol.example"}
    [Documentation]    With an unknown subprotocol offered, none other is selected.
    [Tags]    rfc8441-5    rfc6455-4.2.2    MUST    positive
    [Template]    Extended Connect Must Select Only An Offered Subprotocol
COMP-H2-PROTOCOL-TWO-OFFERED    {"sec-websocket-protocol": "chat, x-second.example"}
    [Documentation]    With two subprotocols offered, at most one of them is selected.
    [Tags]    rfc8441-5    rfc6455-4.2.2    MUST    positive
    [Template]    Extended Connect Must Select Only An Offered Subprotocol
COMP-H2-EXTENSION-UNKNOWN-OFFERED    {"sec-websocket-extensions": "x-made-up-ext"}
    [Documentation]    An unknown extension offered is not accepted.
    [Tags]    rfc8441-5    rfc6455-9.1    MUST    positive
    [Template]    Extended Connect Must Not Accept An Unknown Extension
COMP-H2-WS-TEXT-ECHO    text=Hello over HTTP/2
    [Documentation]    A text message sent over the HTTP/2 stream comes back from an echo endpoint.
    [Tags]    rfc8441-5    rfc6455-5.6    MAY    positive    echo
    [Template]    Text Message Must Come Back Over The HTTP/2 Stream
COMP-H2-WS-PING-PONG    payload=are you there
    [Documentation]    A Ping sent over the HTTP/2 stream gets a Pong with the same data.
    [Tags]    rfc8441-5    rfc6455-5.5.2    MUST    positive
    [Template]    Ping Must Get Pong Over The HTTP/2 Stream
COMP-H2-WS-CLOSE    reason=done
    [Documentation]    A Close frame sent over the HTTP/2 stream is answered with a Close frame.
    [Tags]    rfc8441-5    rfc6455-5.5.1    MUST    positive
    [Template]    Close Must Be Answered Over The HTTP/2 Stream
