*** Settings ***
Documentation     RFC 6455 §4.1 and §4.2.1: Sec-WebSocket-Key is base64 of exactly 16 bytes and, by §11.3.1, appears
...               once. Every row sends an invalid key and expects anything but 101 Switching Protocols. Generated
...               from the case catalogue (WsComplianceLibrary/catalogue/); docs/cases.md states each case in full.
...
...               RFC 6455 §4.1: Sec-WebSocket-Key is a nonce of 16 random bytes, base64-encoded; §4.2.1: a
...               handshake without a valid key must be refused; §11.3.1: the header must not appear more than once.
...               Why it matters: The key proves the server read a WebSocket handshake; a server that accepts a
...               missing or malformed key can be made to switch protocols by requests that are not WebSocket
...               handshakes.

Resource          ../../resources/handshake/upgrade_key.resource

Suite Setup       Open Compliance Target
Suite Teardown    Close Compliance Target
Test Template     Handshake With Invalid Key Must Not Switch Protocols

Test Tags         rfc6455-4.1    rfc6455-4.2.1    MUST    key


*** Test Cases ***    HEADERS
COMP-KEY-MISSING    {"Sec-WebSocket-Key": None}
    [Documentation]    A handshake without Sec-WebSocket-Key is not answered 101.
COMP-KEY-EMPTY    {"Sec-WebSocket-Key": ""}
    [Documentation]    An empty Sec-WebSocket-Key is not answered 101.
COMP-KEY-NOT-BASE64    {"Sec-WebSocket-Key": "not base64 at all!"}
    [Documentation]    A Sec-WebSocket-Key that is not base64 is not answered 101.
COMP-KEY-15-BYTES    {"Sec-WebSocket-Key": "AAECAwQFBgcICQoLDA0O"}
    [Documentation]    A Sec-WebSocket-Key of 15 bytes is not answered 101.
COMP-KEY-17-BYTES    {"Sec-WebSocket-Key": "AAECAwQFBgcICQoLDA0ODxA="}
    [Documentation]    A Sec-WebSocket-Key of 17 bytes is not answered 101.
COMP-KEY-DUPLICATE    headers=[("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="), ("Sec-WebSocket-Key", "AAECAwQFBgcICQoLDA0ODw==")]
    [Documentation]    Two Sec-WebSocket-Key headers are not answered 101.
    [Tags]    rfc6455-11.3.1
