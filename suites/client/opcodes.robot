*** Settings ***
Documentation     Played to the client, with the roles swapped. Autobahn|Testsuite section 4, Opcodes: a frame with
...               a reserved opcode fails the connection. Generated from the case catalogue
...               (WsComplianceLibrary/catalogue/); docs/cases.md states each case in full.
...
...               RFC 6455 §5.2: opcodes %x3-7 are "reserved for further non-control frames" and %xB-F "for further
...               control frames"; "If an unknown opcode is received, the receiving endpoint MUST _Fail the
...               WebSocket Connection_." Why it matters: A server that skips unknown opcodes loses track of framing
...               as soon as a peer (or a future extension) uses one, and may treat their payload as data.
...
...               A valid text message goes first: its echo may arrive before the server fails the connection (a
...               server that fails before echoing passes with a warning, which Autobahn grades NON-STRICT). Why it
...               matters: A server that skips unknown opcodes loses track of framing as soon as a peer (or a future
...               extension) uses one, and may treat their payload as data.

Resource          ../../resources/frames/opcodes.resource

Suite Setup       Open Client Under Test
Suite Teardown    Close Client Under Test
Test Template     Frame With Reserved Opcode Must Fail The Connection

Test Tags         rfc6455-5.2    MUST    client_opcodes    client


*** Test Cases ***    OPCODE
COMP-CLIENT-FRAME-4-1-1    3
    [Documentation]    A frame with reserved non-control opcode 3 fails the connection.
    [Tags]    autobahn-4.1.1
COMP-CLIENT-FRAME-4-1-2    4    payload=reserved opcode payload
    [Documentation]    A frame with reserved non-control opcode 4 and a payload fails the connection.
    [Tags]    autobahn-4.1.2
COMP-CLIENT-FRAME-4-1-3    5    text_before=Hello, world!
    [Documentation]    A frame with reserved opcode 5 after a valid message fails the connection.
    [Tags]    autobahn-4.1.3
    [Template]    Reserved Opcode After A Valid Message Must Fail The Connection
COMP-CLIENT-FRAME-4-1-4    6    text_before=Hello, world!    payload=Hello, world!
    [Documentation]    A frame with reserved opcode 6 and a payload after a valid message fails the connection.
    [Tags]    autobahn-4.1.4
    [Template]    Reserved Opcode After A Valid Message Must Fail The Connection
COMP-CLIENT-FRAME-4-1-5    7    text_before=Hello, world!    payload=Hello, world!    chop=1
    [Documentation]    A frame with reserved opcode 7 after a valid message, all written octet by octet, fails the connection.
    [Tags]    autobahn-4.1.5
    [Template]    Reserved Opcode After A Valid Message Must Fail The Connection
COMP-CLIENT-FRAME-4-2-1    11
    [Documentation]    A frame with reserved control opcode 11 fails the connection.
    [Tags]    autobahn-4.2.1
COMP-CLIENT-FRAME-4-2-2    12    payload=reserved opcode payload
    [Documentation]    A frame with reserved control opcode 12 and a payload fails the connection.
    [Tags]    autobahn-4.2.2
COMP-CLIENT-FRAME-4-2-3    13    text_before=Hello, world!
    [Documentation]    A frame with reserved opcode 13 after a valid message fails the connection.
    [Tags]    autobahn-4.2.3
    [Template]    Reserved Opcode After A Valid Message Must Fail The Connection
COMP-CLIENT-FRAME-4-2-4    14    text_before=Hello, world!    payload=Hello, world!
    [Documentation]    A frame with reserved opcode 14 and a payload after a valid message fails the connection.
    [Tags]    autobahn-4.2.4
    [Template]    Reserved Opcode After A Valid Message Must Fail The Connection
COMP-CLIENT-FRAME-4-2-5    15    text_before=Hello, world!    payload=Hello, world!    chop=1
    [Documentation]    A frame with reserved opcode 15 after a valid message, all written octet by octet, fails the connection.
    [Tags]    autobahn-4.2.5
    [Template]    Reserved Opcode After A Valid Message Must Fail The Connection
