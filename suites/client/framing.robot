*** Settings ***
Documentation     Played to the client, with the roles swapped. Autobahn|Testsuite section 1, Framing: unfragmented
...               text and binary frames at the edges of the 7-, 16- and 64-bit length forms are echoed. Generated
...               from the case catalogue (WsComplianceLibrary/catalogue/); docs/cases.md states each case in full.
...
...               RFC 6455 §5.2: "Payload length: 7 bits, 7+16 bits, or 7+64 bits"; 0-125 fit the 7 bits, 126
...               announces a 16-bit length and 127 a 64-bit length. §5.6: data frames carry text (UTF-8) or binary
...               application data. Why it matters: Every message crosses one of the three length forms and their
...               boundaries (125/126, 65535/65536); a server that misreads one corrupts or drops exactly the
...               messages of that size.

Resource          ../../resources/frames/framing.resource

Suite Setup       Open Client Under Test
Suite Teardown    Close Client Under Test
Test Template     Data Frame Must Be Echoed

Test Tags         rfc6455-5.2    rfc6455-5.6    MUST    client_framing    client


*** Test Cases ***    TYPE    HEX    LENGTH
COMP-CLIENT-FRAME-1-1-1    text    2a    0
    [Documentation]    An unfragmented empty text frame (7-bit length) is echoed.
    [Tags]    autobahn-1.1.1
COMP-CLIENT-FRAME-1-1-2    text    2a    125
    [Documentation]    An unfragmented 125-octet text frame (largest 7-bit length) is echoed.
    [Tags]    autobahn-1.1.2
COMP-CLIENT-FRAME-1-1-3    text    2a    126
    [Documentation]    An unfragmented 126-octet text frame (smallest 16-bit length) is echoed.
    [Tags]    autobahn-1.1.3
COMP-CLIENT-FRAME-1-1-4    text    2a    127
    [Documentation]    An unfragmented 127-octet text frame (16-bit length) is echoed.
    [Tags]    autobahn-1.1.4
COMP-CLIENT-FRAME-1-1-5    text    2a    128
    [Documentation]    An unfragmented 128-octet text frame (16-bit length) is echoed.
    [Tags]    autobahn-1.1.5
COMP-CLIENT-FRAME-1-1-6    text    2a    65535    timeout=10s
    [Documentation]    An unfragmented 65535-octet text frame (largest 16-bit length) is echoed.
    [Tags]    autobahn-1.1.6
COMP-CLIENT-FRAME-1-1-7    text    2a    65536    timeout=10s
    [Documentation]    An unfragmented 65536-octet text frame (smallest 64-bit length) is echoed.
    [Tags]    autobahn-1.1.7
COMP-CLIENT-FRAME-1-1-8    text    2a    65536    chop=997    timeout=10s
    [Documentation]    An unfragmented 65536-octet text frame (64-bit length, written in 997-octet chops) is echoed.
    [Tags]    autobahn-1.1.8
COMP-CLIENT-FRAME-1-2-1    binary    fe    0
    [Documentation]    An unfragmented empty binary frame (7-bit length) is echoed.
    [Tags]    autobahn-1.2.1
COMP-CLIENT-FRAME-1-2-2    binary    fe    125
    [Documentation]    An unfragmented 125-octet binary frame (largest 7-bit length) is echoed.
    [Tags]    autobahn-1.2.2
COMP-CLIENT-FRAME-1-2-3    binary    fe    126
    [Documentation]    An unfragmented 126-octet binary frame (smallest 16-bit length) is echoed.
    [Tags]    autobahn-1.2.3
COMP-CLIENT-FRAME-1-2-4    binary    fe    127
    [Documentation]    An unfragmented 127-octet binary frame (16-bit length) is echoed.
    [Tags]    autobahn-1.2.4
COMP-CLIENT-FRAME-1-2-5    binary    fe    128
    [Documentation]    An unfragmented 128-octet binary frame (16-bit length) is echoed.
    [Tags]    autobahn-1.2.5
COMP-CLIENT-FRAME-1-2-6    binary    fe    65535    timeout=10s
    [Documentation]    An unfragmented 65535-octet binary frame (largest 16-bit length) is echoed.
    [Tags]    autobahn-1.2.6
COMP-CLIENT-FRAME-1-2-7    binary    fe    65536    timeout=10s
    [Documentation]    An unfragmented 65536-octet binary frame (smallest 64-bit length) is echoed.
    [Tags]    autobahn-1.2.7
COMP-CLIENT-FRAME-1-2-8    binary    fe    65536    chop=997    timeout=10s
    [Documentation]    An unfragmented 65536-octet binary frame (64-bit length, written in 997-octet chops) is echoed.
    [Tags]    autobahn-1.2.8
