*** Settings ***
Documentation     Played to the client, with the roles swapped. Autobahn|Testsuite section 3, Reserved Bits: a frame
...               with RSV bits set and no extension negotiated fails the connection. Generated from the case
...               catalogue (WsComplianceLibrary/catalogue/); docs/cases.md states each case in full.
...
...               RFC 6455 §5.2: RSV1-3 "MUST be 0 unless an extension is negotiated that defines meanings for
...               non-zero values. If a nonzero value is received and none of the negotiated extensions defines the
...               meaning of such a nonzero value, the receiving endpoint MUST _Fail the WebSocket Connection_." Why
...               it matters: Reserved bits are how extensions such as permessage-deflate mark frames; a server that
...               ignores them reads compressed or extension data as plain payload.
...
...               A valid text message goes first: its echo may arrive before the server fails the connection (a
...               server that fails before echoing passes with a warning, which Autobahn grades NON-STRICT). Why it
...               matters: Reserved bits are how extensions such as permessage-deflate mark frames; a server that
...               ignores them reads compressed or extension data as plain payload.

Resource          ../../resources/frames/reserved_bits.resource

Suite Setup       Open Client Under Test
Suite Teardown    Close Client Under Test
Test Template     Frame With Reserved Bits Must Fail The Connection

Test Tags         rfc6455-5.2    MUST    client_reserved_bits    client


*** Test Cases ***    TYPE    RSV
COMP-CLIENT-FRAME-3-1    text    1    payload=Hello, world!
    [Documentation]    A text frame with RSV3 set fails the connection.
    [Tags]    autobahn-3.1
COMP-CLIENT-FRAME-3-2    text    2    text_before=Hello, world!    payload=Hello, world!
    [Documentation]    A text frame with RSV2 set after a valid message fails the connection.
    [Tags]    autobahn-3.2
    [Template]    Reserved Bits After A Valid Message Must Fail The Connection
COMP-CLIENT-FRAME-3-3    text    3    text_before=Hello, world!    payload=Hello, world!
    [Documentation]    A text frame with RSV2 and RSV3 set after a valid message fails the connection.
    [Tags]    autobahn-3.3
    [Template]    Reserved Bits After A Valid Message Must Fail The Connection
COMP-CLIENT-FRAME-3-4    text    4    text_before=Hello, world!    payload=Hello, world!    chop=1
    [Documentation]    A text frame with RSV1 set after a valid message, all written octet by octet, fails the connection.
    [Tags]    autobahn-3.4
    [Template]    Reserved Bits After A Valid Message Must Fail The Connection
COMP-CLIENT-FRAME-3-5    binary    5    hex=00fffefdfcfb00ff
    [Documentation]    A binary frame with RSV1 and RSV3 set fails the connection.
    [Tags]    autobahn-3.5
COMP-CLIENT-FRAME-3-6    binary    6    payload=Hello, world!
    [Documentation]    A binary frame with RSV1 and RSV2 set fails the connection (Autobahn's text says Ping).
    [Tags]    autobahn-3.6
COMP-CLIENT-FRAME-3-7    close    7
    [Documentation]    A Close frame with all three RSV bits set fails the connection.
    [Tags]    autobahn-3.7
