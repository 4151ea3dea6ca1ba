*** Settings ***
Documentation     Played to the client, with the roles swapped. Autobahn|Testsuite section 10, Misc: a message
...               fragmented the way a client library auto-fragments (1300-octet frames) is echoed whole. Generated
...               from the case catalogue (WsComplianceLibrary/catalogue/); docs/cases.md states each case in full.
...
...               RFC 6455 §5.4: "A fragmented message consists of a single frame with the FIN bit clear and an
...               opcode other than 0, followed by zero or more frames with the FIN bit clear and the opcode set to
...               0, and terminated by a single frame with the FIN bit set and an opcode of 0." Why it matters:
...               Clients and intermediaries fragment messages whenever they stream or buffer; a server that handles
...               only single-frame messages loses or corrupts them.

Resource          ../../resources/frames/auto_fragmentation.resource

Suite Setup       Open Client Under Test
Suite Teardown    Close Client Under Test
Test Template     Message Sent In Fragments Of A Size Must Be Echoed Whole


*** Test Cases ***    TYPE    HEX    LENGTH    FRAGMENT_SIZE
COMP-CLIENT-FRAME-10-1-1    text    2a    65536    1300    timeout=10s
    [Documentation]    A 64 KiB text message in 1300-octet fragments is echoed whole.
    [Tags]    rfc6455-5.4    MUST    client_auto_fragmentation    autobahn-10.1.1    client
