*** Settings ***
Documentation     RFC 6455 §4.2.2, RFC 9110 §7.8, §8.6 and §15.2.2: the 101 answer to a correct handshake with a
...               fresh random key carries the right Sec-WebSocket-Accept once, Upgrade: websocket, Connection:
...               Upgrade, and no body framing. Generated from the case catalogue (WsComplianceLibrary/catalogue/);
...               docs/cases.md states each case in full.
...
...               RFC 6455 §4.2.2: the 101 answer has Upgrade: websocket, Connection: Upgrade and one
...               Sec-WebSocket-Accept equal to base64(SHA-1(key + 258EAFA5-E914-47DA-95CA-C5AB0DC85B11)); RFC 9110
...               §15.2.2: a 101 must name the new protocol in Upgrade; §8.6 and RFC 9112 §6.1: a 1xx answer has no
...               Content-Length or Transfer-Encoding. Why it matters: Clients must fail the connection on any of
...               these faults (RFC 6455 §4.1), so a server that gets them wrong works with lenient clients and
...               breaks with strict ones. A fresh random key catches servers that hard-code the RFC's sample
...               answer.

Resource          ../../resources/handshake/response_shape.resource

Suite Setup       Open Compliance Target
Suite Teardown    Close Compliance Target
Test Template     Answer To A Correct Handshake Must Pass Check

Test Tags         response    positive


*** Test Cases ***    CHECK
COMP-RESPONSE-ACCEPT-MATCHES    Accept Header Should Match Key
    [Documentation]    Sec-WebSocket-Accept is computed from a fresh key.
    [Tags]    rfc6455-4.2.2    MUST
COMP-RESPONSE-ACCEPT-SINGLE    Accept Header Should Appear Once
    [Documentation]    The 101 answer has exactly one Sec-WebSocket-Accept.
    [Tags]    rfc6455-4.2.2    rfc6455-11.3.3    MUST
COMP-RESPONSE-UPGRADE-HEADER    Upgrade Header Should Be WebSocket
    [Documentation]    The 101 answer has Upgrade: websocket.
    [Tags]    rfc6455-4.2.2    rfc9110-7.8    rfc9110-15.2.2    MUST
COMP-RESPONSE-CONNECTION-HEADER    Connection Header Should Contain Upgrade
    [Documentation]    The 101 answer has Connection: Upgrade.
    [Tags]    rfc6455-4.2.2    MUST
COMP-RESPONSE-NO-BODY-FRAMING    Switching Response Should Not Frame A Body
    [Documentation]    The 101 answer has no Content-Length or Transfer-Encoding.
    [Tags]    rfc9110-8.6    rfc9112-6.1    MUST-NOT
