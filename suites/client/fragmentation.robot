*** Settings ***
Documentation     Played to the client, with the roles swapped. Autobahn|Testsuite section 5, Fragmentation:
...               fragmented messages are echoed whole, control frames between fragments are answered, fragmented
...               control frames and continuation frames out of place fail the connection. Generated from the case
...               catalogue (WsComplianceLibrary/catalogue/); docs/cases.md states each case in full.
...
...               RFC 6455 §5.4: "Control frames (see Section 5.5) MAY be injected in the middle of a fragmented
...               message. Control frames themselves MUST NOT be fragmented."; §5.5 repeats it as a MUST NOT. Why it
...               matters: A server that reassembles a fragmented Ping or Pong no longer knows where control frames
...               end, so the interleaving rule that lets Pings cross large messages breaks.
...
...               RFC 6455 §5.4: "A fragmented message consists of a single frame with the FIN bit clear and an
...               opcode other than 0, followed by zero or more frames with the FIN bit clear and the opcode set to
...               0, and terminated by a single frame with the FIN bit set and an opcode of 0." Why it matters:
...               Clients and intermediaries fragment messages whenever they stream or buffer; a server that handles
...               only single-frame messages loses or corrupts them.
...
...               RFC 6455 §5.4: "An endpoint MUST be capable of handling control frames in the middle of a
...               fragmented message." Why it matters: Keep-alive Pings do not wait for large messages to finish; a
...               server that cannot interleave them times out connections that are busy sending.
...
...               RFC 6455 §5.4: a fragmented message starts with "a single frame with the FIN bit clear and an
...               opcode other than 0" and continues with frames whose "opcode [is] set to 0"; a continuation frame
...               with no message started, or a new data frame inside one, breaks this and the receiver fails the
...               connection (§7.1.7). Why it matters: A server that appends stray continuation frames to nothing,
...               or to the previous message, accepts data no correct client sends, and its message boundaries no
...               longer match the peer's.
...
...               The complete message goes first: its echo may arrive before the server fails the connection (a
...               server that fails before echoing passes with a warning, which Autobahn grades NON-STRICT). Why it
...               matters: A server that appends stray continuation frames to nothing, or to the previous message,
...               accepts data no correct client sends, and its message boundaries no longer match the peer's.
...
...               RFC 6455 §5.4: "The fragments of one message MUST NOT be interleaved between the fragments of
...               another message unless an extension has been negotiated that can interpret the interleaving." Why
...               it matters: Without an extension there is no way to tell which message a data frame belongs to;
...               accepting one silently merges or reorders messages.

Resource          ../../resources/frames/fragmentation.resource

Suite Setup       Open Client Under Test
Suite Teardown    Close Client Under Test
Test Template     Fragmented Message Must Be Echoed Whole

Test Tags         rfc6455-5.4    MUST    client_fragmentation    client


*** Test Cases ***    TYPE    FRAGMENTS
COMP-CLIENT-FRAME-5-1    ping    fragment1|fragment2
    [Documentation]    A Ping sent in two fragments fails the connection.
    [Tags]    rfc6455-5.5    autobahn-5.1
    [Template]    Fragmented Control Frame Must Fail The Connection
COMP-CLIENT-FRAME-5-2    pong    fragment1|fragment2
    [Documentation]    A Pong sent in two fragments fails the connection.
    [Tags]    rfc6455-5.5    autobahn-5.2
    [Template]    Fragmented Control Frame Must Fail The Connection
COMP-CLIENT-FRAME-5-3    text    fragment1|fragment2
    [Documentation]    A text message in two fragments is echoed whole.
    [Tags]    autobahn-5.3
COMP-CLIENT-FRAME-5-4    text    fragment1|fragment2
    [Documentation]    A text message in two fragments, each frame in its own write is echoed whole.
    [Tags]    autobahn-5.4
COMP-CLIENT-FRAME-5-5    text    fragment1|fragment2    chop=1
    [Documentation]    A text message in two fragments, written one octet at a time is echoed whole.
    [Tags]    autobahn-5.5
COMP-CLIENT-FRAME-5-6    text    fragment1|fragment2    ping=ping payload
    [Documentation]    A Ping between two text fragments is answered, and the message echoed whole.
    [Tags]    autobahn-5.6
    [Template]    Ping Between Fragments Must Be Answered Before The Echo
COMP-CLIENT-FRAME-5-7    text    fragment1|fragment2    ping=ping payload
    [Documentation]    A Ping between two text fragments, each frame in its own write is answered, and the message echoed whole.
    [Tags]    autobahn-5.7
    [Template]    Ping Between Fragments Must Be Answered Before The Echo
COMP-CLIENT-FRAME-5-8    text    fragment1|fragment2    ping=ping payload    chop=1
    [Documentation]    A Ping between two text fragments, written one octet at a time is answered, and the message echoed whole.
    [Tags]    autobahn-5.8
    [Template]    Ping Between Fragments Must Be Answered Before The Echo
COMP-CLIENT-FRAME-5-9    text    Hello, world!    stray=non-continuation payload    stray_fin=True
    [Documentation]    A continuation frame (FIN=1) with no message started, then a text message, fails the connection.
    [Tags]    autobahn-5.9
    [Template]    Continuation Without A Started Message Must Fail The Connection
COMP-CLIENT-FRAME-5-10    text    Hello, world!    stray=non-continuation payload    stray_fin=True
    [Documentation]    A continuation frame (FIN=1) with no message started, then a text message, each frame in its own write, fails the
    ...    connection.
    [Tags]    autobahn-5.10
    [Template]    Continuation Without A Started Message Must Fail The Connection
COMP-CLIENT-FRAME-5-11    text    Hello, world!    stray=non-continuation payload    stray_fin=True    chop=1
    [Documentation]    A continuation frame (FIN=1) with no message started, then a text message, written one octet at a time, fails the
    ...    connection.
    [Tags]    autobahn-5.11
    [Template]    Continuation Without A Started Message Must Fail The Connection
COMP-CLIENT-FRAME-5-12    text    Hello, world!    stray=non-continuation payload    stray_fin=False
    [Documentation]    A continuation frame (FIN=0) with no message started, then a text message, fails the connection.
    [Tags]    autobahn-5.12
    [Template]    Continuation Without A Started Message Must Fail The Connection
COMP-CLIENT-FRAME-5-13    text    Hello, world!    stray=non-continuation payload    stray_fin=False
    [Documentation]    A continuation frame (FIN=0) with no message started, then a text message, each frame in its own write, fails the
    ...    connection.
    [Tags]    autobahn-5.13
    [Template]    Continuation Without A Started Message Must Fail The Connection
COMP-CLIENT-FRAME-5-14    text    Hello, world!    stray=non-continuation payload    stray_fin=False    chop=1
    [Documentation]    A continuation frame (FIN=0) with no message started, then a text message, written one octet at a time, fails the
    ...    connection.
    [Tags]    autobahn-5.14
    [Template]    Continuation Without A Started Message Must Fail The Connection
COMP-CLIENT-FRAME-5-15    text    fragment1|fragment2    stray=fragment3    stray_fin=False    after=fragment4
    [Documentation]    A continuation frame after a complete fragmented message, then a text frame, fails the connection.
    [Tags]    autobahn-5.15
    [Template]    Continuation After A Complete Message Must Fail The Connection
COMP-CLIENT-FRAME-5-16    text    fragment2|fragment3    stray=fragment1    stray_fin=False    times=2
    [Documentation]    Twice: a continuation frame (FIN=0) with no message started, then a fragmented text message, fails the connection.
    [Tags]    autobahn-5.16
    [Template]    Continuation Without A Started Message Must Fail The Connection
COMP-CLIENT-FRAME-5-17    text    fragment2|fragment3    stray=fragment1    stray_fin=True    times=2
    [Documentation]    Twice: a continuation frame (FIN=1) with no message started, then a fragmented text message, fails the connection.
    [Tags]    autobahn-5.17
    [Template]    Continuation Without A Started Message Must Fail The Connection
COMP-CLIENT-FRAME-5-18    text    fragment1|fragment2
    [Documentation]    A text frame that starts a new message inside a fragmented one fails the connection.
    [Tags]    autobahn-5.18
    [Template]    New Message Inside A Fragmented Message Must Fail The Connection
COMP-CLIENT-FRAME-5-19    text    fragment1|fragment2|fragment3|fragment4|fragment5    ping=pongme 1!|pongme 2!    pause=1s
    [Documentation]    Pings between five text fragments sent over a second are answered, then the message is echoed whole.
    [Tags]    autobahn-5.19
    [Template]    Pings Between Fragments Sent Over Time Must Be Answered Before The Echo
COMP-CLIENT-FRAME-5-20    text    fragment1|fragment2|fragment3|fragment4|fragment5    ping=pongme 1!|pongme 2!    pause=1s
    [Documentation]    Pings between five text fragments sent over a second, each frame in its own write are answered, then the message is
    ...    echoed whole.
    [Tags]    autobahn-5.20
    [Template]    Pings Between Fragments Sent Over Time Must Be Answered Before The Echo
