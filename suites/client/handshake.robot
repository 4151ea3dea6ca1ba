*** Settings ***
Documentation     The server's answer as a client must judge it (RFC 6455 §4.1): answers it must refuse by failing
...               the connection, and valid answers in unusual spellings it must accept. Generated from the case
...               catalogue (WsComplianceLibrary/catalogue/); docs/cases.md states each case in full.
...
...               RFC 6455 §4.1: "If the status code received from the server is not 101, the client handles the
...               response per HTTP procedures"; "If the response lacks an |Upgrade| header field or the |Upgrade|
...               header field contains a value that is not an ASCII case-insensitive match for the value
...               "websocket", the client MUST _Fail the WebSocket Connection_"; the same holds for a |Connection|
...               header field without the token "Upgrade", and for a |Sec-WebSocket-Accept| that is missing or is
...               not the base64 SHA-1 of the key and the GUID (§1.3), compared exactly. Why it matters: The accept
...               value proves the server read this client's handshake as WebSocket: a client that skips the checks
...               can be fooled by a cache, a proxy or a plain HTTP server into reading their bytes as frames.
...
...               RFC 6455 §4.1: "If the response includes a |Sec-WebSocket-Extensions| header field and this header
...               field indicates the use of an extension that was not present in the client's handshake ..., the
...               client MUST _Fail the WebSocket Connection_"; likewise for a |Sec-WebSocket-Protocol| "that was
...               not present in the client's handshake". Why it matters: A client that takes an extension or
...               subprotocol it never offered reads frames (compressed, or in another application protocol) it
...               cannot understand.
...
...               RFC 6455 §4.1: header field names and the Upgrade value compare case-insensitively, Connection is
...               a list of tokens (RFC 9110 §7.6.1), the reason phrase carries no meaning and unknown header fields
...               are ignored; white space around a field value is not part of it (RFC 9110 §5.5). Frames may follow
...               the 101 at once (§4.1: after the handshake "the client ... MUST be prepared to receive data"). Why
...               it matters: Servers, proxies and load balancers spell valid answers in all these ways; a client
...               that insists on one spelling fails against them in production.
...
...               RFC 6455 §4.2.2: a server that does not wish to agree to one of the subprotocols the client
...               offered "MUST NOT send back a |Sec-WebSocket-Protocol| header field"; §4.1 has the client fail
...               only on a subprotocol it did not offer. Browsers (the WHATWG WebSocket standard) fail the
...               connection anyway; either is recorded. Why it matters: Whether a client opens the connection when
...               its subprotocol was not chosen decides how a server can refuse a subprotocol gracefully; the
...               report says which way this client goes.

Resource          ../../resources/client/handshake.resource

Suite Setup       Open Client Under Test
Suite Teardown    Close Client Under Test
Test Template     Client Must Refuse The Answer

Test Tags         rfc6455-4.1    handshake    client


*** Test Cases ***    STATUS
COMP-CLIENT-HS-STATUS-200    200 OK    headers={"Content-Length": "0"}
    [Documentation]    A 200 OK answer (with an empty body) does not open the connection.
    [Tags]    MUST
COMP-CLIENT-HS-NO-UPGRADE    101 Switching Protocols    headers={"Upgrade": None}
    [Documentation]    A 101 without an Upgrade header field is refused.
    [Tags]    MUST
COMP-CLIENT-HS-UPGRADE-OTHER    101 Switching Protocols    headers={"Upgrade": "h2c"}
    [Documentation]    A 101 upgrading to another protocol (h2c) is refused.
    [Tags]    MUST
COMP-CLIENT-HS-NO-CONNECTION    101 Switching Protocols    headers={"Connection": None}
    [Documentation]    A 101 without a Connection header field is refused.
    [Tags]    MUST
COMP-CLIENT-HS-CONNECTION-WITHOUT-UPGRADE    101 Switching Protocols    headers={"Connection": "keep-alive"}
    [Documentation]    A 101 whose Connection lacks the Upgrade token is refused.
    [Tags]    MUST
COMP-CLIENT-HS-ACCEPT-WRONG    101 Switching Protocols    accept=wrong
    [Documentation]    A 101 with the accept value of another key is refused.
    [Tags]    MUST
COMP-CLIENT-HS-ACCEPT-CASE    101 Switching Protocols    accept=swapped case
    [Documentation]    A 101 with the accept value in swapped letter case is refused (base64 is case-sensitive).
    [Tags]    MUST
COMP-CLIENT-HS-ACCEPT-MISSING    101 Switching Protocols    accept=missing
    [Documentation]    A 101 without Sec-WebSocket-Accept is refused.
    [Tags]    MUST
COMP-CLIENT-HS-UNOFFERED-EXTENSION    header=Sec-WebSocket-Extensions    value=x-wscompliance-unknown
    [Documentation]    A 101 selecting an extension the client did not offer is refused.
    [Tags]    MUST
    [Template]    Client Must Refuse What It Did Not Offer
COMP-CLIENT-HS-UNOFFERED-DEFLATE    header=Sec-WebSocket-Extensions    value=permessage-deflate
    [Documentation]    A 101 selecting permessage-deflate, which the client did not offer, is refused.
    [Tags]    rfc7692-5    MUST
    [Template]    Client Must Refuse What It Did Not Offer
COMP-CLIENT-HS-UNOFFERED-SUBPROTOCOL    header=Sec-WebSocket-Protocol    value=x-wscompliance-chat
    [Documentation]    A 101 selecting a subprotocol when the client offered none is refused.
    [Tags]    MUST
    [Template]    Client Must Refuse What It Did Not Offer
COMP-CLIENT-HS-OTHER-SUBPROTOCOL    header=Sec-WebSocket-Protocol    value=x-wscompliance-other    offered=True
    [Documentation]    A 101 selecting a subprotocol other than those offered is refused.
    [Tags]    MUST
    [Template]    Client Must Refuse What It Did Not Offer
COMP-CLIENT-HS-VALID-CASE    101 Switching Protocols    headers={"upgrade": "WebSocket", "connection": "UPGRADE"}
    [Documentation]    A 101 spelling names and the Upgrade value in other letter cases opens the connection.
    [Tags]    MUST
    [Template]    Client Must Open The Connection
COMP-CLIENT-HS-VALID-CONNECTION-LIST    101 Switching Protocols    headers={"Connection": "keep-alive, Upgrade"}
    [Documentation]    A 101 with Connection: keep-alive, Upgrade opens the connection.
    [Tags]    MUST
    [Template]    Client Must Open The Connection
COMP-CLIENT-HS-VALID-MISC    101 Web Socket Protocol Handshake    headers={"X-Powered-By": "wscompliance"}    accept=padded
    [Documentation]    A 101 with another reason phrase, an extra header field and spaces around the accept value opens the connection.
    [Tags]    MUST
    [Template]    Client Must Open The Connection
COMP-CLIENT-HS-FRAME-WITH-101    101 Switching Protocols    then_text=Hello from the first segment
    [Documentation]    A text message in the same TCP segment as the 101 is read and echoed.
    [Tags]    rfc6455-5.6    MUST
    [Template]    Client Must Open The Connection
COMP-CLIENT-HS-NO-SUBPROTOCOL-SELECTED    header=Sec-WebSocket-Protocol
    [Documentation]    A 101 selecting none of the offered subprotocols: whether the client opens the connection is recorded.
    [Tags]    rfc6455-4.2.2    MAY
    [Template]    Client Answer Without A Subprotocol Is Recorded
