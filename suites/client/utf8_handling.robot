*** Comments ***
# Generated table: one row per case of the family.
# robocop: off=file-too-long,too-many-test-cases


*** Settings ***
Documentation     Played to the client, with the roles swapped. Autobahn|Testsuite section 6, UTF-8 Handling: valid
...               UTF-8 text, whole or split anywhere, is echoed; invalid UTF-8 (Markus Kuhn's decoder stress test)
...               fails the connection with 1007, preferably as soon as the offending octet arrives. Generated from
...               the case catalogue (WsComplianceLibrary/catalogue/); docs/cases.md states each case in full.
...
...               RFC 6455 §5.6: "the whole message MUST contain valid UTF-8"; §8.1: an endpoint that finds a text
...               message is not valid UTF-8 "MUST _Fail the WebSocket Connection_"; §7.4.1: 1007 is the code for
...               "data within a message that was not consistent with the type of the message (e.g., non-UTF-8
...               [RFC3629] data within a text message)". Why it matters: Valid text, including code points at the
...               edges of UTF-8 and non-characters, must reach the application unchanged; a server with a too
...               strict decoder drops legitimate messages. Applications trust text messages to be valid UTF-8; a
...               server that passes invalid octets on (or replaces them silently) opens the door to decoder
...               confusion and injection in whatever parses the text next.
...
...               RFC 6455 §5.4: "A fragmented message consists of a single frame with the FIN bit clear and an
...               opcode other than 0, followed by zero or more frames with the FIN bit clear and the opcode set to
...               0, and terminated by a single frame with the FIN bit set and an opcode of 0." Why it matters:
...               Clients and intermediaries fragment messages whenever they stream or buffer; a server that handles
...               only single-frame messages loses or corrupts them.
...
...               RFC 6455 §5.6: "a particular text frame might include a partial UTF-8 sequence; however, the whole
...               message MUST contain valid UTF-8." Why it matters: Clients fragment by octet count, not by code
...               point; a server that validates each fragment on its own rejects valid text from every client that
...               streams.
...
...               Autobahn also expects the server to fail when the offending octet arrives, not only at the end of
...               the message (a late failure passes with a warning here, NON-STRICT in Autobahn). Why it matters: A
...               server that validates only complete messages buffers arbitrary amounts of invalid data before it
...               notices.

Resource          ../../resources/frames/utf8_handling.resource

Suite Setup       Open Client Under Test
Suite Teardown    Close Client Under Test
Test Template     Valid UTF-8 Text Must Be Echoed

Test Tags         rfc6455-5.6    MUST    client_utf8_handling    client


*** Test Cases ***    HEX
COMP-CLIENT-FRAME-6-1-1    hex=
    [Documentation]    An empty text message is echoed.
    [Tags]    autobahn-6.1.1
COMP-CLIENT-FRAME-6-1-2    fragments=||
    [Documentation]    A text message of three empty fragments is echoed as one empty message.
    [Tags]    rfc6455-5.4    autobahn-6.1.2
    [Template]    Valid UTF-8 Text In Fragments Must Be Echoed Whole
COMP-CLIENT-FRAME-6-1-3    fragments=|6d6964646c65206672616d65207061796c6f6164|
    [Documentation]    A text message of an empty, a non-empty and an empty fragment is echoed whole.
    [Tags]    rfc6455-5.4    autobahn-6.1.3
    [Template]    Valid UTF-8 Text In Fragments Must Be Echoed Whole
COMP-CLIENT-FRAME-6-2-1    48656c6c6f2dc2b540c39fc3b6c3a4c3bcc3a0c3a12d5554462d382121
    [Documentation]    Valid multi-octet UTF-8 text in one frame is echoed.
    [Tags]    autobahn-6.2.1
COMP-CLIENT-FRAME-6-2-2    fragments=48656c6c6f2dc2b540c39fc3b6c3a4|c3bcc3a0c3a12d5554462d382121
    [Documentation]    Valid UTF-8 text in two fragments split on a code point boundary is echoed whole.
    [Tags]    autobahn-6.2.2
    [Template]    Valid UTF-8 Text In Fragments Must Be Echoed Whole
COMP-CLIENT-FRAME-6-2-3    48656c6c6f2dc2b540c39fc3b6c3a4c3bcc3a0c3a12d5554462d382121    fragment_size=1
    [Documentation]    Valid UTF-8 text in one-octet fragments, split inside 2-octet code points, is echoed whole.
    [Tags]    autobahn-6.2.3
COMP-CLIENT-FRAME-6-2-4    cebae1bdb9cf83cebcceb5    fragment_size=1
    [Documentation]    Valid UTF-8 text in one-octet fragments, split inside 3-octet code points, is echoed whole.
    [Tags]    autobahn-6.2.4
COMP-CLIENT-FRAME-6-3-1    cebae1bdb9cf83cebcceb5eda080656469746564
    [Documentation]    A text message with a UTF-16 surrogate fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.3.1
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-3-2    cebae1bdb9cf83cebcceb5eda080656469746564    fragment_size=1
    [Documentation]    A text message with a UTF-16 surrogate, in one-octet fragments, fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.3.2
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-4-1    fragments=cebae1bdb9cf83cebcceb5|f4908080|656469746564    pause=1s
    [Documentation]    Three fragments a second apart, the second with a code point above U+10FFFF, fail the connection before the third.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.4.1
    [Template]    Invalid UTF-8 Must Fail The Connection As Soon As It Arrives
COMP-CLIENT-FRAME-6-4-2    fragments=cebae1bdb9cf83cebcceb5f4|90|8080656469746564    pause=1s
    [Documentation]    Three fragments a second apart, the second a lone octet that makes the text invalid, fail the connection before the
    ...    third.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.4.2
    [Template]    Invalid UTF-8 Must Fail The Connection As Soon As It Arrives
COMP-CLIENT-FRAME-6-4-3    fragments=cebae1bdb9cf83cebcceb5|f4908080|656469746564    pause=1s
    [Documentation]    One text frame written in three parts a second apart, the second with a code point above U+10FFFF, fails the
    ...    connection before the third.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.4.3
    [Template]    Invalid UTF-8 Inside One Frame Must Fail The Connection As Soon As It Arrives
COMP-CLIENT-FRAME-6-4-4    fragments=cebae1bdb9cf83cebcceb5f4|90|8080656469746564    pause=1s
    [Documentation]    One text frame written in three parts a second apart, the second a lone octet that makes the text invalid, fails the
    ...    connection before the third.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.4.4
    [Template]    Invalid UTF-8 Inside One Frame Must Fail The Connection As Soon As It Arrives
COMP-CLIENT-FRAME-6-5-1    68656c6c6f24776f726c64
    [Documentation]    Valid UTF-8 text (Some valid UTF-8 sequences: 68656c6c6f24776f726c64) is echoed.
    [Tags]    autobahn-6.5.1
COMP-CLIENT-FRAME-6-5-2    68656c6c6fc2a2776f726c64
    [Documentation]    Valid UTF-8 text (Some valid UTF-8 sequences: 68656c6c6fc2a2776f726c64) is echoed.
    [Tags]    autobahn-6.5.2
COMP-CLIENT-FRAME-6-5-3    68656c6c6fe282ac776f726c64
    [Documentation]    Valid UTF-8 text (Some valid UTF-8 sequences: 68656c6c6fe282ac776f726c64) is echoed.
    [Tags]    autobahn-6.5.3
COMP-CLIENT-FRAME-6-5-4    68656c6c6ff0a4ada2776f726c64
    [Documentation]    Valid UTF-8 text (Some valid UTF-8 sequences: 68656c6c6ff0a4ada2776f726c64) is echoed.
    [Tags]    autobahn-6.5.4
COMP-CLIENT-FRAME-6-5-5    cebae1bdb9cf83cebcceb5
    [Documentation]    Valid UTF-8 text (Some valid UTF-8 sequences: cebae1bdb9cf83cebcceb5) is echoed.
    [Tags]    autobahn-6.5.5
COMP-CLIENT-FRAME-6-6-1    ce
    [Documentation]    A text message of 1 octets that is not UTF-8 (All prefixes of a valid UTF-8 string that contains multi-byte code
    ...    points: ce) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.6.1
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-6-2    ceba
    [Documentation]    Valid UTF-8 text (All prefixes of a valid UTF-8 string that contains multi-byte code points: ceba) is echoed.
    [Tags]    autobahn-6.6.2
COMP-CLIENT-FRAME-6-6-3    cebae1
    [Documentation]    A text message of 3 octets that is not UTF-8 (All prefixes of a valid UTF-8 string that contains multi-byte code
    ...    points: cebae1) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.6.3
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-6-4    cebae1bd
    [Documentation]    A text message of 4 octets that is not UTF-8 (All prefixes of a valid UTF-8 string that contains multi-byte code
    ...    points: cebae1bd) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.6.4
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-6-5    cebae1bdb9
    [Documentation]    Valid UTF-8 text (All prefixes of a valid UTF-8 string that contains multi-byte code points: cebae1bdb9) is echoed.
    [Tags]    autobahn-6.6.5
COMP-CLIENT-FRAME-6-6-6    cebae1bdb9cf
    [Documentation]    A text message of 6 octets that is not UTF-8 (All prefixes of a valid UTF-8 string that contains multi-byte code
    ...    points: cebae1bdb9cf) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.6.6
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-6-7    cebae1bdb9cf83
    [Documentation]    Valid UTF-8 text (All prefixes of a valid UTF-8 string that contains multi-byte code points: cebae1bdb9cf83) is
    ...    echoed.
    [Tags]    autobahn-6.6.7
COMP-CLIENT-FRAME-6-6-8    cebae1bdb9cf83ce
    [Documentation]    A text message of 8 octets that is not UTF-8 (All prefixes of a valid UTF-8 string that contains multi-byte code
    ...    points: cebae1bdb9cf83ce) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.6.8
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-6-9    cebae1bdb9cf83cebc
    [Documentation]    Valid UTF-8 text (All prefixes of a valid UTF-8 string that contains multi-byte code points: cebae1bdb9cf83cebc) is
    ...    echoed.
    [Tags]    autobahn-6.6.9
COMP-CLIENT-FRAME-6-6-10    cebae1bdb9cf83cebcce
    [Documentation]    A text message of 10 octets that is not UTF-8 (All prefixes of a valid UTF-8 string that contains multi-byte code
    ...    points: cebae1bdb9cf83cebcce) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.6.10
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-6-11    cebae1bdb9cf83cebcceb5
    [Documentation]    Valid UTF-8 text (All prefixes of a valid UTF-8 string that contains multi-byte code points: cebae1bdb9cf83cebcceb5)
    ...    is echoed.
    [Tags]    autobahn-6.6.11
COMP-CLIENT-FRAME-6-7-1    00
    [Documentation]    Valid UTF-8 text (First possible sequence of a certain length: 00) is echoed.
    [Tags]    autobahn-6.7.1
COMP-CLIENT-FRAME-6-7-2    c280
    [Documentation]    Valid UTF-8 text (First possible sequence of a certain length: c280) is echoed.
    [Tags]    autobahn-6.7.2
COMP-CLIENT-FRAME-6-7-3    e0a080
    [Documentation]    Valid UTF-8 text (First possible sequence of a certain length: e0a080) is echoed.
    [Tags]    autobahn-6.7.3
COMP-CLIENT-FRAME-6-7-4    f0908080
    [Documentation]    Valid UTF-8 text (First possible sequence of a certain length: f0908080) is echoed.
    [Tags]    autobahn-6.7.4
COMP-CLIENT-FRAME-6-8-1    f888808080
    [Documentation]    A text message of 5 octets that is not UTF-8 (First possible sequence length 5/6 (invalid codepoints): f888808080)
    ...    fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.8.1
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-8-2    fc8480808080
    [Documentation]    A text message of 6 octets that is not UTF-8 (First possible sequence length 5/6 (invalid codepoints): fc8480808080)
    ...    fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.8.2
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-9-1    7f
    [Documentation]    Valid UTF-8 text (Last possible sequence of a certain length: 7f) is echoed.
    [Tags]    autobahn-6.9.1
COMP-CLIENT-FRAME-6-9-2    dfbf
    [Documentation]    Valid UTF-8 text (Last possible sequence of a certain length: dfbf) is echoed.
    [Tags]    autobahn-6.9.2
COMP-CLIENT-FRAME-6-9-3    efbfbf
    [Documentation]    Valid UTF-8 text (Last possible sequence of a certain length: efbfbf) is echoed.
    [Tags]    autobahn-6.9.3
COMP-CLIENT-FRAME-6-9-4    f48fbfbf
    [Documentation]    Valid UTF-8 text (Last possible sequence of a certain length: f48fbfbf) is echoed.
    [Tags]    autobahn-6.9.4
COMP-CLIENT-FRAME-6-10-1    f7bfbfbf
    [Documentation]    A text message of 4 octets that is not UTF-8 (Last possible sequence length 4/5/6 (invalid codepoints): f7bfbfbf)
    ...    fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.10.1
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-10-2    fbbfbfbfbf
    [Documentation]    A text message of 5 octets that is not UTF-8 (Last possible sequence length 4/5/6 (invalid codepoints): fbbfbfbfbf)
    ...    fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.10.2
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-10-3    fdbfbfbfbfbf
    [Documentation]    A text message of 6 octets that is not UTF-8 (Last possible sequence length 4/5/6 (invalid codepoints): fdbfbfbfbfbf)
    ...    fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.10.3
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-11-1    ed9fbf
    [Documentation]    Valid UTF-8 text (Other boundary conditions: ed9fbf) is echoed.
    [Tags]    autobahn-6.11.1
COMP-CLIENT-FRAME-6-11-2    ee8080
    [Documentation]    Valid UTF-8 text (Other boundary conditions: ee8080) is echoed.
    [Tags]    autobahn-6.11.2
COMP-CLIENT-FRAME-6-11-3    efbfbd
    [Documentation]    Valid UTF-8 text (Other boundary conditions: efbfbd) is echoed.
    [Tags]    autobahn-6.11.3
COMP-CLIENT-FRAME-6-11-4    f48fbfbf
    [Documentation]    Valid UTF-8 text (Other boundary conditions: f48fbfbf) is echoed.
    [Tags]    autobahn-6.11.4
COMP-CLIENT-FRAME-6-11-5    f4908080
    [Documentation]    A text message of 4 octets that is not UTF-8 (Other boundary conditions: f4908080) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.11.5
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-12-1    80
    [Documentation]    A text message of 1 octets that is not UTF-8 (Unexpected continuation bytes: 80) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.12.1
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-12-2    bf
    [Documentation]    A text message of 1 octets that is not UTF-8 (Unexpected continuation bytes: bf) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.12.2
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-12-3    80bf
    [Documentation]    A text message of 2 octets that is not UTF-8 (Unexpected continuation bytes: 80bf) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.12.3
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-12-4    80bf80
    [Documentation]    A text message of 3 octets that is not UTF-8 (Unexpected continuation bytes: 80bf80) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.12.4
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-12-5    80bf80bf
    [Documentation]    A text message of 4 octets that is not UTF-8 (Unexpected continuation bytes: 80bf80bf) fails the connection with
    ...    1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.12.5
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-12-6    80bf80bf80
    [Documentation]    A text message of 5 octets that is not UTF-8 (Unexpected continuation bytes: 80bf80bf80) fails the connection with
    ...    1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.12.6
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-12-7    80bf80bf80bf
    [Documentation]    A text message of 6 octets that is not UTF-8 (Unexpected continuation bytes: 80bf80bf80bf) fails the connection with
    ...    1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.12.7
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-12-8    808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbe    # robocop: off=line-too-long
    [Documentation]    A text message of 63 octets that is not UTF-8 (Unexpected continuation bytes:
    ...    808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbe)
    ...    fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.12.8
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-13-1    c020c120c220c320c420c520c620c720c820c920ca20cb20cc20cd20ce20cf20d020d120d220d320d420d520d620d720d820d920da20db20dc20dd20de20    # robocop: off=line-too-long
    [Documentation]    A text message of 62 octets that is not UTF-8 (Lonely start characters:
    ...    c020c120c220c320c420c520c620c720c820c920ca20cb20cc20cd20ce20cf20d020d120d220d320d420d520d620d720d820d920da20db20dc20dd20de20)
    ...    fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.13.1
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-13-2    e020e120e220e320e420e520e620e720e820e920ea20eb20ec20ed20ee20
    [Documentation]    A text message of 30 octets that is not UTF-8 (Lonely start characters:
    ...    e020e120e220e320e420e520e620e720e820e920ea20eb20ec20ed20ee20) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.13.2
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-13-3    f020f120f220f320f420f520f620
    [Documentation]    A text message of 14 octets that is not UTF-8 (Lonely start characters: f020f120f220f320f420f520f620) fails the
    ...    connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.13.3
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-13-4    f820f920fa20
    [Documentation]    A text message of 6 octets that is not UTF-8 (Lonely start characters: f820f920fa20) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.13.4
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-13-5    fc20
    [Documentation]    A text message of 2 octets that is not UTF-8 (Lonely start characters: fc20) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.13.5
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-14-1    c0
    [Documentation]    A text message of 1 octets that is not UTF-8 (Sequences with last continuation byte missing: c0) fails the connection
    ...    with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.14.1
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-14-2    e080
    [Documentation]    A text message of 2 octets that is not UTF-8 (Sequences with last continuation byte missing: e080) fails the
    ...    connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.14.2
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-14-3    f08080
    [Documentation]    A text message of 3 octets that is not UTF-8 (Sequences with last continuation byte missing: f08080) fails the
    ...    connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.14.3
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-14-4    f8808080
    [Documentation]    A text message of 4 octets that is not UTF-8 (Sequences with last continuation byte missing: f8808080) fails the
    ...    connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.14.4
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-14-5    fc80808080
    [Documentation]    A text message of 5 octets that is not UTF-8 (Sequences with last continuation byte missing: fc80808080) fails the
    ...    connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.14.5
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-14-6    df
    [Documentation]    A text message of 1 octets that is not UTF-8 (Sequences with last continuation byte missing: df) fails the connection
    ...    with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.14.6
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-14-7    efbf
    [Documentation]    A text message of 2 octets that is not UTF-8 (Sequences with last continuation byte missing: efbf) fails the
    ...    connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.14.7
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-14-8    f7bfbf
    [Documentation]    A text message of 3 octets that is not UTF-8 (Sequences with last continuation byte missing: f7bfbf) fails the
    ...    connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.14.8
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-14-9    fbbfbfbf
    [Documentation]    A text message of 4 octets that is not UTF-8 (Sequences with last continuation byte missing: fbbfbfbf) fails the
    ...    connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.14.9
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-14-10    fdbfbfbfbf
    [Documentation]    A text message of 5 octets that is not UTF-8 (Sequences with last continuation byte missing: fdbfbfbfbf) fails the
    ...    connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.14.10
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-15-1    c0e080f08080f8808080fc80808080dfefbff7bfbffbbfbfbffdbfbfbfbf
    [Documentation]    A text message of 30 octets that is not UTF-8 (Concatenation of incomplete sequences:
    ...    c0e080f08080f8808080fc80808080dfefbff7bfbffbbfbfbffdbfbfbfbf) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.15.1
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-16-1    fe
    [Documentation]    A text message of 1 octets that is not UTF-8 (Impossible bytes: fe) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.16.1
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-16-2    ff
    [Documentation]    A text message of 1 octets that is not UTF-8 (Impossible bytes: ff) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.16.2
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-16-3    fefeffff
    [Documentation]    A text message of 4 octets that is not UTF-8 (Impossible bytes: fefeffff) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.16.3
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-17-1    c0af
    [Documentation]    A text message of 2 octets that is not UTF-8 (Examples of an overlong ASCII character: c0af) fails the connection
    ...    with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.17.1
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-17-2    e080af
    [Documentation]    A text message of 3 octets that is not UTF-8 (Examples of an overlong ASCII character: e080af) fails the connection
    ...    with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.17.2
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-17-3    f08080af
    [Documentation]    A text message of 4 octets that is not UTF-8 (Examples of an overlong ASCII character: f08080af) fails the connection
    ...    with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.17.3
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-17-4    f8808080af
    [Documentation]    A text message of 5 octets that is not UTF-8 (Examples of an overlong ASCII character: f8808080af) fails the
    ...    connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.17.4
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-17-5    fc80808080af
    [Documentation]    A text message of 6 octets that is not UTF-8 (Examples of an overlong ASCII character: fc80808080af) fails the
    ...    connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.17.5
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-18-1    c1bf
    [Documentation]    A text message of 2 octets that is not UTF-8 (Maximum overlong sequences: c1bf) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.18.1
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-18-2    e09fbf
    [Documentation]    A text message of 3 octets that is not UTF-8 (Maximum overlong sequences: e09fbf) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.18.2
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-18-3    f08fbfbf
    [Documentation]    A text message of 4 octets that is not UTF-8 (Maximum overlong sequences: f08fbfbf) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.18.3
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-18-4    f887bfbfbf
    [Documentation]    A text message of 5 octets that is not UTF-8 (Maximum overlong sequences: f887bfbfbf) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.18.4
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-18-5    fc83bfbfbfbf
    [Documentation]    A text message of 6 octets that is not UTF-8 (Maximum overlong sequences: fc83bfbfbfbf) fails the connection with
    ...    1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.18.5
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-19-1    c080
    [Documentation]    A text message of 2 octets that is not UTF-8 (Overlong representation of the NUL character: c080) fails the
    ...    connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.19.1
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-19-2    e08080
    [Documentation]    A text message of 3 octets that is not UTF-8 (Overlong representation of the NUL character: e08080) fails the
    ...    connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.19.2
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-19-3    f0808080
    [Documentation]    A text message of 4 octets that is not UTF-8 (Overlong representation of the NUL character: f0808080) fails the
    ...    connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.19.3
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-19-4    f880808080
    [Documentation]    A text message of 5 octets that is not UTF-8 (Overlong representation of the NUL character: f880808080) fails the
    ...    connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.19.4
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-19-5    fc8080808080
    [Documentation]    A text message of 6 octets that is not UTF-8 (Overlong representation of the NUL character: fc8080808080) fails the
    ...    connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.19.5
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-20-1    eda080
    [Documentation]    A text message of 3 octets that is not UTF-8 (Single UTF-16 surrogates: eda080) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.20.1
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-20-2    edadbf
    [Documentation]    A text message of 3 octets that is not UTF-8 (Single UTF-16 surrogates: edadbf) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.20.2
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-20-3    edae80
    [Documentation]    A text message of 3 octets that is not UTF-8 (Single UTF-16 surrogates: edae80) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.20.3
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-20-4    edafbf
    [Documentation]    A text message of 3 octets that is not UTF-8 (Single UTF-16 surrogates: edafbf) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.20.4
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-20-5    edb080
    [Documentation]    A text message of 3 octets that is not UTF-8 (Single UTF-16 surrogates: edb080) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.20.5
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-20-6    edbe80
    [Documentation]    A text message of 3 octets that is not UTF-8 (Single UTF-16 surrogates: edbe80) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.20.6
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-20-7    edbfbf
    [Documentation]    A text message of 3 octets that is not UTF-8 (Single UTF-16 surrogates: edbfbf) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.20.7
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-21-1    eda080edb080
    [Documentation]    A text message of 6 octets that is not UTF-8 (Paired UTF-16 surrogates: eda080edb080) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.21.1
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-21-2    eda080edbfbf
    [Documentation]    A text message of 6 octets that is not UTF-8 (Paired UTF-16 surrogates: eda080edbfbf) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.21.2
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-21-3    edadbfedb080
    [Documentation]    A text message of 6 octets that is not UTF-8 (Paired UTF-16 surrogates: edadbfedb080) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.21.3
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-21-4    edadbfedbfbf
    [Documentation]    A text message of 6 octets that is not UTF-8 (Paired UTF-16 surrogates: edadbfedbfbf) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.21.4
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-21-5    edae80edb080
    [Documentation]    A text message of 6 octets that is not UTF-8 (Paired UTF-16 surrogates: edae80edb080) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.21.5
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-21-6    edae80edbfbf
    [Documentation]    A text message of 6 octets that is not UTF-8 (Paired UTF-16 surrogates: edae80edbfbf) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.21.6
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-21-7    edafbfedb080
    [Documentation]    A text message of 6 octets that is not UTF-8 (Paired UTF-16 surrogates: edafbfedb080) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.21.7
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-21-8    edafbfedbfbf
    [Documentation]    A text message of 6 octets that is not UTF-8 (Paired UTF-16 surrogates: edafbfedbfbf) fails the connection with 1007.
    [Tags]    rfc6455-8.1    rfc6455-7.4.1    autobahn-6.21.8
    [Template]    Invalid UTF-8 Must Fail The Connection With 1007
COMP-CLIENT-FRAME-6-22-1    efbfbe
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): efbfbe) is echoed.
    [Tags]    autobahn-6.22.1
COMP-CLIENT-FRAME-6-22-2    efbfbf
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): efbfbf) is echoed.
    [Tags]    autobahn-6.22.2
COMP-CLIENT-FRAME-6-22-3    f09fbfbe
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f09fbfbe) is echoed.
    [Tags]    autobahn-6.22.3
COMP-CLIENT-FRAME-6-22-4    f09fbfbf
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f09fbfbf) is echoed.
    [Tags]    autobahn-6.22.4
COMP-CLIENT-FRAME-6-22-5    f0afbfbe
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f0afbfbe) is echoed.
    [Tags]    autobahn-6.22.5
COMP-CLIENT-FRAME-6-22-6    f0afbfbf
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f0afbfbf) is echoed.
    [Tags]    autobahn-6.22.6
COMP-CLIENT-FRAME-6-22-7    f0bfbfbe
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f0bfbfbe) is echoed.
    [Tags]    autobahn-6.22.7
COMP-CLIENT-FRAME-6-22-8    f0bfbfbf
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f0bfbfbf) is echoed.
    [Tags]    autobahn-6.22.8
COMP-CLIENT-FRAME-6-22-9    f18fbfbe
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f18fbfbe) is echoed.
    [Tags]    autobahn-6.22.9
COMP-CLIENT-FRAME-6-22-10    f18fbfbf
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f18fbfbf) is echoed.
    [Tags]    autobahn-6.22.10
COMP-CLIENT-FRAME-6-22-11    f19fbfbe
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f19fbfbe) is echoed.
    [Tags]    autobahn-6.22.11
COMP-CLIENT-FRAME-6-22-12    f19fbfbf
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f19fbfbf) is echoed.
    [Tags]    autobahn-6.22.12
COMP-CLIENT-FRAME-6-22-13    f1afbfbe
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f1afbfbe) is echoed.
    [Tags]    autobahn-6.22.13
COMP-CLIENT-FRAME-6-22-14    f1afbfbf
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f1afbfbf) is echoed.
    [Tags]    autobahn-6.22.14
COMP-CLIENT-FRAME-6-22-15    f1bfbfbe
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f1bfbfbe) is echoed.
    [Tags]    autobahn-6.22.15
COMP-CLIENT-FRAME-6-22-16    f1bfbfbf
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f1bfbfbf) is echoed.
    [Tags]    autobahn-6.22.16
COMP-CLIENT-FRAME-6-22-17    f28fbfbe
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f28fbfbe) is echoed.
    [Tags]    autobahn-6.22.17
COMP-CLIENT-FRAME-6-22-18    f28fbfbf
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f28fbfbf) is echoed.
    [Tags]    autobahn-6.22.18
COMP-CLIENT-FRAME-6-22-19    f29fbfbe
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f29fbfbe) is echoed.
    [Tags]    autobahn-6.22.19
COMP-CLIENT-FRAME-6-22-20    f29fbfbf
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f29fbfbf) is echoed.
    [Tags]    autobahn-6.22.20
COMP-CLIENT-FRAME-6-22-21    f2afbfbe
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f2afbfbe) is echoed.
    [Tags]    autobahn-6.22.21
COMP-CLIENT-FRAME-6-22-22    f2afbfbf
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f2afbfbf) is echoed.
    [Tags]    autobahn-6.22.22
COMP-CLIENT-FRAME-6-22-23    f2bfbfbe
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f2bfbfbe) is echoed.
    [Tags]    autobahn-6.22.23
COMP-CLIENT-FRAME-6-22-24    f2bfbfbf
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f2bfbfbf) is echoed.
    [Tags]    autobahn-6.22.24
COMP-CLIENT-FRAME-6-22-25    f38fbfbe
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f38fbfbe) is echoed.
    [Tags]    autobahn-6.22.25
COMP-CLIENT-FRAME-6-22-26    f38fbfbf
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f38fbfbf) is echoed.
    [Tags]    autobahn-6.22.26
COMP-CLIENT-FRAME-6-22-27    f39fbfbe
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f39fbfbe) is echoed.
    [Tags]    autobahn-6.22.27
COMP-CLIENT-FRAME-6-22-28    f39fbfbf
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f39fbfbf) is echoed.
    [Tags]    autobahn-6.22.28
COMP-CLIENT-FRAME-6-22-29    f3afbfbe
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f3afbfbe) is echoed.
    [Tags]    autobahn-6.22.29
COMP-CLIENT-FRAME-6-22-30    f3afbfbf
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f3afbfbf) is echoed.
    [Tags]    autobahn-6.22.30
COMP-CLIENT-FRAME-6-22-31    f3bfbfbe
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f3bfbfbe) is echoed.
    [Tags]    autobahn-6.22.31
COMP-CLIENT-FRAME-6-22-32    f3bfbfbf
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f3bfbfbf) is echoed.
    [Tags]    autobahn-6.22.32
COMP-CLIENT-FRAME-6-22-33    f48fbfbe
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f48fbfbe) is echoed.
    [Tags]    autobahn-6.22.33
COMP-CLIENT-FRAME-6-22-34    f48fbfbf
    [Documentation]    Valid UTF-8 text (Non-character code points (valid UTF-8): f48fbfbf) is echoed.
    [Tags]    autobahn-6.22.34
COMP-CLIENT-FRAME-6-23-1    efbfb9
    [Documentation]    Valid UTF-8 text (Unicode specials (i.e. replacement char): efbfb9) is echoed.
    [Tags]    autobahn-6.23.1
COMP-CLIENT-FRAME-6-23-2    efbfba
    [Documentation]    Valid UTF-8 text (Unicode specials (i.e. replacement char): efbfba) is echoed.
    [Tags]    autobahn-6.23.2
COMP-CLIENT-FRAME-6-23-3    efbfbb
    [Documentation]    Valid UTF-8 text (Unicode specials (i.e. replacement char): efbfbb) is echoed.
    [Tags]    autobahn-6.23.3
COMP-CLIENT-FRAME-6-23-4    efbfbc
    [Documentation]    Valid UTF-8 text (Unicode specials (i.e. replacement char): efbfbc) is echoed.
    [Tags]    autobahn-6.23.4
COMP-CLIENT-FRAME-6-23-5    efbfbd
    [Documentation]    Valid UTF-8 text (Unicode specials (i.e. replacement char): efbfbd) is echoed.
    [Tags]    autobahn-6.23.5
COMP-CLIENT-FRAME-6-23-6    efbfbe
    [Documentation]    Valid UTF-8 text (Unicode specials (i.e. replacement char): efbfbe) is echoed.
    [Tags]    autobahn-6.23.6
COMP-CLIENT-FRAME-6-23-7    efbfbf
    [Documentation]    Valid UTF-8 text (Unicode specials (i.e. replacement char): efbfbf) is echoed.
    [Tags]    autobahn-6.23.7
