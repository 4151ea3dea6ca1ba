*** Settings ***
Documentation     RFC 6455 §4.1, §4.2.1 and §4.4: the version must be 13, sent once; a server refusing a version
...               must say which versions it understands in Sec-WebSocket-Version. Generated from the case catalogue
...               (WsComplianceLibrary/catalogue.py).

Resource          ../../resources/handshake.resource

Suite Setup       Open Compliance Target
Suite Teardown    Close Compliance Target
Test Template     Version Negotiation Must Follow RFC 6455

Test Tags         rfc6455-4.4    MUST    version


*** Test Cases ***    HEADERS    EXPECTED
COMP-UPGRADE-INVALID-VER    {"Sec-WebSocket-Version": "99"}    426 preferred
    [Documentation]    Sec-WebSocket-Version: 99 is not answered 101 (426 preferred). RFC 6455 §4.1:
    ...    Sec-WebSocket-Version must be 13; §4.4: when the version is not understood, the server must
    ...    abort the handshake with an error such as 426 Upgrade Required and a Sec-WebSocket-Version
    ...    header listing the versions it understands; §11.3.5: the header must not appear more than
    ...    once in a request. Why it matters: Version negotiation is how a client learns it must retry
    ...    with another version; a server that accepts versions it does not speak, or refuses without
    ...    saying why, breaks that.
    [Tags]    rfc6455-4.2.1    http11probe
COMP-VERSION-REFUSAL-LISTS-SUPPORTED    {"Sec-WebSocket-Version": "99"}    refused listing versions
    [Documentation]    A refused version is answered with Sec-WebSocket-Version listing the supported versions. RFC
    ...    6455 §4.1: Sec-WebSocket-Version must be 13; §4.4: when the version is not understood, the
    ...    server must abort the handshake with an error such as 426 Upgrade Required and a
    ...    Sec-WebSocket-Version header listing the versions it understands; §11.3.5: the header must
    ...    not appear more than once in a request. Why it matters: Version negotiation is how a client
    ...    learns it must retry with another version; a server that accepts versions it does not speak,
    ...    or refuses without saying why, breaks that.
COMP-VERSION-8    {"Sec-WebSocket-Version": "8"}    101 or refused listing versions
    [Documentation]    Version 8 (an old draft) is accepted or refused with the supported versions. RFC 6455 §4.1:
    ...    Sec-WebSocket-Version must be 13; §4.4: when the version is not understood, the server must
    ...    abort the handshake with an error such as 426 Upgrade Required and a Sec-WebSocket-Version
    ...    header listing the versions it understands; §11.3.5: the header must not appear more than
    ...    once in a request. Why it matters: Version negotiation is how a client learns it must retry
    ...    with another version; a server that accepts versions it does not speak, or refuses without
    ...    saying why, breaks that.
COMP-VERSION-MISSING    {"Sec-WebSocket-Version": None}    not 101
    [Documentation]    A handshake without Sec-WebSocket-Version is not answered 101. RFC 6455 §4.1:
    ...    Sec-WebSocket-Version must be 13; §4.4: when the version is not understood, the server must
    ...    abort the handshake with an error such as 426 Upgrade Required and a Sec-WebSocket-Version
    ...    header listing the versions it understands; §11.3.5: the header must not appear more than
    ...    once in a request. Why it matters: Version negotiation is how a client learns it must retry
    ...    with another version; a server that accepts versions it does not speak, or refuses without
    ...    saying why, breaks that.
    [Tags]    rfc6455-4.2.1
COMP-VERSION-NON-NUMERIC    {"Sec-WebSocket-Version": "thirteen"}    not 101
    [Documentation]    A non-numeric Sec-WebSocket-Version is not answered 101. RFC 6455 §4.1: Sec-WebSocket-Version
    ...    must be 13; §4.4: when the version is not understood, the server must abort the handshake
    ...    with an error such as 426 Upgrade Required and a Sec-WebSocket-Version header listing the
    ...    versions it understands; §11.3.5: the header must not appear more than once in a request. Why
    ...    it matters: Version negotiation is how a client learns it must retry with another version; a
    ...    server that accepts versions it does not speak, or refuses without saying why, breaks that.
    [Tags]    rfc6455-4.2.1
COMP-VERSION-DUPLICATE    (("Sec-WebSocket-Version", "13"), ("Sec-WebSocket-Version", "8"))    not 101
    [Documentation]    Two Sec-WebSocket-Version headers with different values are not answered 101. RFC 6455 §4.1:
    ...    Sec-WebSocket-Version must be 13; §4.4: when the version is not understood, the server must
    ...    abort the handshake with an error such as 426 Upgrade Required and a Sec-WebSocket-Version
    ...    header listing the versions it understands; §11.3.5: the header must not appear more than
    ...    once in a request. Why it matters: Version negotiation is how a client learns it must retry
    ...    with another version; a server that accepts versions it does not speak, or refuses without
    ...    saying why, breaks that.
    [Tags]    rfc6455-4.2.1    rfc6455-11.3.5
