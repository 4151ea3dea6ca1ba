*** Settings ***
Documentation     Positive control, RFC 6455 §4.1 and §4.2.2: a correct opening handshake must be accepted with 101
...               Switching Protocols and the right Sec-WebSocket-Accept. When it is not, the target is not a
...               WebSocket endpoint at that URL and the other verdicts mean little. Generated from the case
...               catalogue (WsComplianceLibrary/catalogue/); docs/cases.md states each case in full.
...
...               RFC 6455 §4.2.2: a server that accepts the connection answers 101 Switching Protocols with
...               Sec-WebSocket-Accept set to base64(SHA-1(key + 258EAFA5-E914-47DA-95CA-C5AB0DC85B11)). Why it
...               matters: It shows the URL really is a WebSocket endpoint; without it a wrong path gives a green
...               report, because a 404 refuses every bad handshake too.

Resource          ../../resources/handshake/handshake_baseline.resource

Suite Setup       Open Compliance Target
Suite Teardown    Close Compliance Target
Test Template     Correct Handshake Must Switch Protocols


*** Test Cases ***    METHOD    VERSION
COMP-UPGRADE-BASELINE    GET    HTTP/1.1
    [Documentation]    A correct GET handshake with a fresh key is accepted.
    [Tags]    rfc6455-4.1    rfc6455-4.2.2    MUST    baseline    positive
