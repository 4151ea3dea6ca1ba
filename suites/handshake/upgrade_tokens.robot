*** Settings ***
Documentation     RFC 6455 §4.2.1 and RFC 9110 §7.8: a handshake needs Upgrade naming websocket and Connection
...               carrying the upgrade option, both matched case-insensitively. Rows that break this must not get
...               101; valid variants (mixed case, token lists, lowercase names) must be accepted. Generated from
...               the case catalogue (WsComplianceLibrary/catalogue/); docs/cases.md states each case in full.
...
...               RFC 6455 §4.2.1: the request must have an Upgrade header whose value includes the "websocket"
...               keyword and a Connection header that includes the "Upgrade" token, both matched ASCII
...               case-insensitively. RFC 9110 §7.8: a server must not switch to a protocol the client did not name.
...               Why it matters: A server that switches without both tokens can be driven into WebSocket mode by
...               requests that proxies forward as plain HTTP; one that rejects valid spellings breaks real clients
...               (Firefox sends Connection: keep-alive, Upgrade). A server that sees a valid key and version may
...               switch to WebSocket without reading Upgrade at all; the client asked for another protocol, so it
...               would be talking WebSocket to a peer that is not.
...
...               RFC 9110 §5.1: field names are case-insensitive. Why it matters: A server that switches without
...               both tokens can be driven into WebSocket mode by requests that proxies forward as plain HTTP; one
...               that rejects valid spellings breaks real clients (Firefox sends Connection: keep-alive, Upgrade).

Resource          ../../resources/handshake/upgrade_tokens.resource

Suite Setup       Open Compliance Target
Suite Teardown    Close Compliance Target
Test Template     Handshake Without Both Upgrade Tokens Must Not Switch Protocols

Test Tags         rfc6455-4.2.1    MUST    tokens


*** Test Cases ***    HEADERS
COMP-UPGRADE-MISSING-UPGRADE    {"Upgrade": None}
    [Documentation]    A handshake without an Upgrade header is not answered 101.
    [Tags]    rfc9110-7.8
COMP-UPGRADE-MISSING-CONN    {"Connection": None}
    [Documentation]    Upgrade without Connection: Upgrade is not answered 101.
    [Tags]    rfc9110-7.8    http11probe
COMP-UPGRADE-UNKNOWN    {"Upgrade": "totally-made-up/1.0", "Sec-WebSocket-Key": None, "Sec-WebSocket-Version": None}
    [Documentation]    An upgrade to an unknown protocol is not answered 101.
    [Tags]    rfc9110-7.8    http11probe
COMP-UPGRADE-UNKNOWN-WITH-WS-HEADERS    {"Upgrade": "totally-made-up/1.0"}
    [Documentation]    An upgrade to an unknown protocol carrying every WebSocket header is not answered 101.
    [Tags]    rfc9110-7.8
COMP-UPGRADE-H2C    {"Upgrade": "h2c"}
    [Documentation]    Upgrade: h2c with WebSocket headers is not answered 101.
    [Tags]    rfc9110-7.8
COMP-UPGRADE-CONN-KEEPALIVE    {"Connection": "keep-alive"}
    [Documentation]    Connection: keep-alive without the Upgrade token is not answered 101.
    [Tags]    rfc9110-7.8
COMP-UPGRADE-MIXED-CASE    {"Upgrade": "WebSocket"}
    [Documentation]    Upgrade: WebSocket in mixed case is accepted.
    [Tags]    rfc9110-7.8    positive
    [Template]    Valid Token Spelling Must Be Accepted
COMP-UPGRADE-CONN-LIST    {"Connection": "keep-alive, Upgrade"}
    [Documentation]    Connection: keep-alive, Upgrade as a token list is accepted.
    [Tags]    rfc9110-7.8    positive
    [Template]    Valid Token Spelling Must Be Accepted
COMP-UPGRADE-CONN-LOWERCASE    {"Connection": "upgrade"}
    [Documentation]    Connection: upgrade in lowercase is accepted.
    [Tags]    rfc9110-7.8    positive
    [Template]    Valid Token Spelling Must Be Accepted
COMP-UPGRADE-LOWERCASE-NAMES    {"connection": "Upgrade", "upgrade": "websocket", "sec-websocket-version": "13"}
    [Documentation]    A handshake with lowercase header names (Host aside) is accepted.
    [Tags]    rfc9110-5.1    positive
    [Template]    Valid Token Spelling Must Be Accepted
