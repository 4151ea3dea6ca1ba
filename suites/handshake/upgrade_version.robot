*** Settings ***
Documentation     RFC 6455 §4.1, §4.2.1 and §4.4: the version must be 13, sent once; a server refusing a version
...               must say which versions it understands in Sec-WebSocket-Version. Generated from the case catalogue
...               (WsComplianceLibrary/catalogue/); docs/cases.md states each case in full.
...
...               RFC 6455 §4.1: Sec-WebSocket-Version must be 13; §4.4: when the version is not understood, the
...               server must abort the handshake with an error such as 426 Upgrade Required and a
...               Sec-WebSocket-Version header listing the versions it understands; §11.3.5: the header must not
...               appear more than once in a request. Why it matters: Version negotiation is how a client learns it
...               must retry with another version; a server that accepts versions it does not speak, or refuses
...               without saying why, breaks that.

Resource          ../../resources/handshake/upgrade_version.resource

Suite Setup       Open Compliance Target
Suite Teardown    Close Compliance Target
Test Template     Handshake With Invalid Version Must Not Switch Protocols

Test Tags         rfc6455-4.4    MUST    version


*** Test Cases ***    HEADERS
COMP-UPGRADE-INVALID-VER    {"Sec-WebSocket-Version": "99"}
    [Documentation]    Sec-WebSocket-Version: 99 is not answered 101 (426 preferred).
    [Tags]    rfc6455-4.2.1    http11probe
    [Template]    Unsupported Version Must Be Refused With 426 Preferred
COMP-VERSION-REFUSAL-LISTS-SUPPORTED    {"Sec-WebSocket-Version": "99"}
    [Documentation]    A refused version is answered with Sec-WebSocket-Version listing the supported versions.
    [Template]    Version Refusal Must List Supported Versions
COMP-VERSION-8    {"Sec-WebSocket-Version": "8"}
    [Documentation]    Version 8 (an old draft) is accepted or refused with the supported versions.
    [Template]    Older Version Must Be Accepted Or Refused Listing Versions
COMP-VERSION-MISSING    {"Sec-WebSocket-Version": None}
    [Documentation]    A handshake without Sec-WebSocket-Version is not answered 101.
    [Tags]    rfc6455-4.2.1
COMP-VERSION-NON-NUMERIC    {"Sec-WebSocket-Version": "thirteen"}
    [Documentation]    A non-numeric Sec-WebSocket-Version is not answered 101.
    [Tags]    rfc6455-4.2.1
COMP-VERSION-DUPLICATE    headers=[("Sec-WebSocket-Version", "13"), ("Sec-WebSocket-Version", "8")]
    [Documentation]    Two Sec-WebSocket-Version headers with different values are not answered 101.
    [Tags]    rfc6455-4.2.1    rfc6455-11.3.5
