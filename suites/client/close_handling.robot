*** Settings ***
Documentation     Played to the client, with the roles swapped. Autobahn|Testsuite section 7, Close Handling: a
...               Close is answered with a Close and the server closes TCP; frames after our Close are not answered;
...               malformed Close frames and invalid close codes fail the connection. Generated from the case
...               catalogue (WsComplianceLibrary/catalogue/); docs/cases.md states each case in full.
...
...               RFC 6455 §5.5.1: "If an endpoint receives a Close frame and did not previously send a Close frame,
...               the endpoint MUST send a Close frame in response"; "the server MUST close the underlying TCP
...               connection immediately" after both Close frames. Why it matters: The closing handshake is how both
...               sides know every message arrived; a server that does not answer or does not close TCP leaves
...               clients waiting and leaks connections.
...
...               RFC 6455 §1.4: "after receiving a control frame indicating the connection should be closed, a peer
...               discards any further data received"; §5.5.1: an endpoint answers a Close only "if [it] did not
...               previously send a Close frame". Why it matters: A server that keeps answering after the client's
...               Close sends data the client has stopped reading and delays the end of the connection.
...
...               RFC 6455 §5.4: "An endpoint MUST be capable of handling control frames in the middle of a
...               fragmented message." Why it matters: The closing handshake is how both sides know every message
...               arrived; a server that does not answer or does not close TCP leaves clients waiting and leaks
...               connections.
...
...               RFC 6455 §5.5.1: "If there is a body, the first two bytes of the body MUST be a 2-byte unsigned
...               integer (in network byte order) representing a status code"; §5.5: control frames carry 125 octets
...               or less. Why it matters: A server that accepts a malformed Close echoes garbage back or reads past
...               the frame; clients cannot tell why the connection ended.
...
...               RFC 6455 §5.5: "All control frames MUST have a payload length of 125 bytes or less and MUST NOT be
...               fragmented." Why it matters: A receiver that accepts a long control frame lets a peer slip bulk
...               data past the message limits and breaks the guarantee that control frames fit in a single small
...               frame between fragments.
...
...               RFC 6455 §5.5.1: the Close body after the code "MAY contain UTF-8-encoded data"; §8.1: data that
...               must be UTF-8 but is not makes the endpoint "_Fail the WebSocket Connection_". Why it matters:
...               Close reasons end up in logs and user interfaces; invalid UTF-8 there is as dangerous as in text.
...
...               RFC 6455 §7.4.1 defines 1000-1003 and 1007-1011, §7.4.2 makes 3000-3999 registrable and 4000-4999
...               private use; §5.5.1: the endpoint answers a Close and "typically echos the status code it
...               received". Why it matters: Applications use close codes, their own 4000-4999 included, to say why
...               they leave; a server that refuses valid codes makes the closing handshake fail.
...
...               RFC 6455 §7.4.2: "Status codes in the range 0-999 are not used"; 1004 is reserved and 1005, 1006
...               and 1015 "MUST NOT be set as a status code in a Close control frame by an endpoint" (§7.4.1);
...               other codes below 3000 are reserved for the protocol. A Close carrying one is a protocol error
...               (Autobahn expects 1002). Why it matters: A server that echoes an impossible code hands it to the
...               client's application as if a peer had sent it, and shows it does not validate Close frames.
...
...               RFC 6455 §7.4.2: codes 1000-2999 are "reserved for definition by this protocol, its future
...               revisions, and extensions specified in a permanent and readily available public specification";
...               §11.7 created the IANA registry, which has since added 1012-1014 (1014: Bad Gateway). Why it
...               matters: Gateways close with 1014 today; a server built from Autobahn's list refuses it. Answering
...               1014 cleanly is right; failing with 1002 passes with a warning.

Resource          ../../resources/frames/close_handling.resource

Suite Setup       Open Client Under Test
Suite Teardown    Close Client Under Test
Test Template     Valid Close Code Must Be Echoed

Test Tags         client_close_handling    client


*** Test Cases ***    CODE
COMP-CLIENT-FRAME-7-1-1    1000    frame_type=text    frame_payload=Hello World!
    [Documentation]    After a text message is echoed, a Close(1000) is answered cleanly.
    [Tags]    rfc6455-5.5.1    MUST    autobahn-7.1.1
    [Template]    Close After An Echoed Message Must Be Answered Cleanly
COMP-CLIENT-FRAME-7-1-2    1000    frame_type=close
    [Documentation]    A second Close after our Close(1000) is not answered again.
    [Tags]    rfc6455-1.4    rfc6455-5.5.1    MUST    autobahn-7.1.2
    [Template]    Frames After Our Close Must Not Be Answered
COMP-CLIENT-FRAME-7-1-3    1000    frame_type=ping
    [Documentation]    A Ping after our Close(1000) is not answered.
    [Tags]    rfc6455-1.4    rfc6455-5.5.1    MUST    autobahn-7.1.3
    [Template]    Frames After Our Close Must Not Be Answered
COMP-CLIENT-FRAME-7-1-4    1000    frame_type=text    frame_payload=Hello World!
    [Documentation]    A text message after our Close(1000) is not echoed.
    [Tags]    rfc6455-1.4    rfc6455-5.5.1    MUST    autobahn-7.1.4
    [Template]    Frames After Our Close Must Not Be Answered
COMP-CLIENT-FRAME-7-1-5    1000    frame_type=text    frame_payload=fragment1|fragment2
    [Documentation]    A Close(1000) between the fragments of a text message is answered cleanly with 1000.
    [Tags]    rfc6455-5.4    rfc6455-5.5.1    MUST    autobahn-7.1.5
    [Template]    Close Between Fragments Must Be Answered Cleanly
COMP-CLIENT-FRAME-7-1-6    1000    frame_type=text    frame_payload=Hello World!
    [Documentation]    A Close(1000) sent right behind a 256 KiB message, a text message and before a Ping is answered cleanly
    ...    (informational in Autobahn).
    [Tags]    rfc6455-5.5.1    MUST    autobahn-7.1.6
    [Template]    Close Behind Queued Messages Must Be Answered Cleanly
COMP-CLIENT-FRAME-7-3-1    reason=
    [Documentation]    A Close without payload is answered cleanly.
    [Tags]    rfc6455-5.5.1    MUST    autobahn-7.3.1
    [Template]    Close Must Be Answered Cleanly
COMP-CLIENT-FRAME-7-3-2    reason_hex=61
    [Documentation]    A Close with a one-octet payload fails the connection.
    [Tags]    rfc6455-5.5.1    MUST    autobahn-7.3.2
    [Template]    Close Payload Of One Octet Must Fail The Connection
COMP-CLIENT-FRAME-7-3-3    1000
    [Documentation]    A Close(1000) without reason is answered cleanly.
    [Tags]    rfc6455-5.5.1    MUST    autobahn-7.3.3
    [Template]    Close Must Be Answered Cleanly
COMP-CLIENT-FRAME-7-3-4    1000    reason=Hello World!
    [Documentation]    A Close(1000) with a reason is answered cleanly.
    [Tags]    rfc6455-5.5.1    MUST    autobahn-7.3.4
    [Template]    Close Must Be Answered Cleanly
COMP-CLIENT-FRAME-7-3-5    1000    reason=*    repeat=123
    [Documentation]    A Close(1000) with a 123-octet reason (125-octet payload) is answered cleanly.
    [Tags]    rfc6455-5.5.1    MUST    autobahn-7.3.5
    [Template]    Close Must Be Answered Cleanly
COMP-CLIENT-FRAME-7-3-6    1000    reason=*    repeat=124
    [Documentation]    A Close(1000) with a 124-octet reason (126-octet payload) fails the connection.
    [Tags]    rfc6455-5.5    MUST    autobahn-7.3.6
    [Template]    Close Longer Than 125 Octets Must Fail The Connection
COMP-CLIENT-FRAME-7-5-1    1000    reason_hex=cebae1bdb9cf83cebcceb5eda080656469746564
    [Documentation]    A Close(1000) whose reason is not UTF-8 fails the connection.
    [Tags]    rfc6455-5.5.1    rfc6455-8.1    MUST    autobahn-7.5.1
    [Template]    Close Reason That Is Not UTF-8 Must Fail The Connection
COMP-CLIENT-FRAME-7-7-1    1000
    [Documentation]    A Close with valid code 1000 is answered cleanly.
    [Tags]    rfc6455-5.5.1    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.7.1
COMP-CLIENT-FRAME-7-7-2    1001
    [Documentation]    A Close with valid code 1001 is answered cleanly.
    [Tags]    rfc6455-5.5.1    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.7.2
COMP-CLIENT-FRAME-7-7-3    1002
    [Documentation]    A Close with valid code 1002 is answered cleanly.
    [Tags]    rfc6455-5.5.1    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.7.3
COMP-CLIENT-FRAME-7-7-4    1003
    [Documentation]    A Close with valid code 1003 is answered cleanly.
    [Tags]    rfc6455-5.5.1    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.7.4
COMP-CLIENT-FRAME-7-7-5    1007
    [Documentation]    A Close with valid code 1007 is answered cleanly.
    [Tags]    rfc6455-5.5.1    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.7.5
COMP-CLIENT-FRAME-7-7-6    1008
    [Documentation]    A Close with valid code 1008 is answered cleanly.
    [Tags]    rfc6455-5.5.1    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.7.6
COMP-CLIENT-FRAME-7-7-7    1009
    [Documentation]    A Close with valid code 1009 is answered cleanly.
    [Tags]    rfc6455-5.5.1    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.7.7
COMP-CLIENT-FRAME-7-7-8    1010
    [Documentation]    A Close with valid code 1010 is answered cleanly.
    [Tags]    rfc6455-5.5.1    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.7.8
COMP-CLIENT-FRAME-7-7-9    1011
    [Documentation]    A Close with valid code 1011 is answered cleanly.
    [Tags]    rfc6455-5.5.1    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.7.9
COMP-CLIENT-FRAME-7-7-10    3000
    [Documentation]    A Close with valid code 3000 is answered cleanly.
    [Tags]    rfc6455-5.5.1    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.7.10
COMP-CLIENT-FRAME-7-7-11    3999
    [Documentation]    A Close with valid code 3999 is answered cleanly.
    [Tags]    rfc6455-5.5.1    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.7.11
COMP-CLIENT-FRAME-7-7-12    4000
    [Documentation]    A Close with valid code 4000 is answered cleanly.
    [Tags]    rfc6455-5.5.1    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.7.12
COMP-CLIENT-FRAME-7-7-13    4999
    [Documentation]    A Close with valid code 4999 is answered cleanly.
    [Tags]    rfc6455-5.5.1    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.7.13
COMP-CLIENT-FRAME-7-9-1    0
    [Documentation]    A Close with invalid code 0 fails the connection.
    [Tags]    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.9.1
    [Template]    Invalid Close Code Must Fail The Connection
COMP-CLIENT-FRAME-7-9-2    999
    [Documentation]    A Close with invalid code 999 fails the connection.
    [Tags]    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.9.2
    [Template]    Invalid Close Code Must Fail The Connection
COMP-CLIENT-FRAME-7-9-3    1004
    [Documentation]    A Close with invalid code 1004 fails the connection.
    [Tags]    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.9.3
    [Template]    Invalid Close Code Must Fail The Connection
COMP-CLIENT-FRAME-7-9-4    1005
    [Documentation]    A Close with invalid code 1005 fails the connection.
    [Tags]    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.9.4
    [Template]    Invalid Close Code Must Fail The Connection
COMP-CLIENT-FRAME-7-9-5    1006
    [Documentation]    A Close with invalid code 1006 fails the connection.
    [Tags]    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.9.5
    [Template]    Invalid Close Code Must Fail The Connection
COMP-CLIENT-FRAME-7-9-6    1014
    [Documentation]    A Close with code 1014 is answered cleanly (Autobahn counts 1014 invalid; IANA has registered it since, as Bad
    ...    Gateway).
    [Tags]    rfc6455-7.4.2    rfc6455-11.7    SHOULD    autobahn-7.9.6
    [Template]    Close Code Registered Since RFC 6455 Should Be Answered Cleanly
COMP-CLIENT-FRAME-7-9-7    1015
    [Documentation]    A Close with invalid code 1015 fails the connection.
    [Tags]    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.9.7
    [Template]    Invalid Close Code Must Fail The Connection
COMP-CLIENT-FRAME-7-9-8    1016
    [Documentation]    A Close with invalid code 1016 fails the connection.
    [Tags]    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.9.8
    [Template]    Invalid Close Code Must Fail The Connection
COMP-CLIENT-FRAME-7-9-9    1100
    [Documentation]    A Close with invalid code 1100 fails the connection.
    [Tags]    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.9.9
    [Template]    Invalid Close Code Must Fail The Connection
COMP-CLIENT-FRAME-7-9-10    2000
    [Documentation]    A Close with invalid code 2000 fails the connection.
    [Tags]    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.9.10
    [Template]    Invalid Close Code Must Fail The Connection
COMP-CLIENT-FRAME-7-9-11    2999
    [Documentation]    A Close with invalid code 2999 fails the connection.
    [Tags]    rfc6455-7.4.1    rfc6455-7.4.2    MUST    autobahn-7.9.11
    [Template]    Invalid Close Code Must Fail The Connection
COMP-CLIENT-FRAME-7-13-1    5000
    [Documentation]    A Close with code 5000, beyond every defined range, fails the connection (informational in Autobahn).
    [Tags]    rfc6455-7.4.2    SHOULD    autobahn-7.13.1
    [Template]    Close Code Beyond Every Range Should Fail The Connection
COMP-CLIENT-FRAME-7-13-2    65535
    [Documentation]    A Close with code 65535, beyond every defined range, fails the connection (informational in Autobahn).
    [Tags]    rfc6455-7.4.2    SHOULD    autobahn-7.13.2
    [Template]    Close Code Beyond Every Range Should Fail The Connection
