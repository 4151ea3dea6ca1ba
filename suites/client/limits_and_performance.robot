*** Settings ***
Documentation     Played to the client, with the roles swapped. Autobahn|Testsuite section 9, Limits/Performance:
...               large messages (up to 16 MiB), many small fragments, slowly written frames and 1000 round trips
...               are echoed. Every case is tagged slow; run without them with --exclude slow. Generated from the
...               case catalogue (WsComplianceLibrary/catalogue/); docs/cases.md states each case in full.
...
...               RFC 6455 §5.2 allows payloads up to 2^63-1 octets; §10.4: implementations with size limits "MUST
...               protect themselves against exceeding those limits" (a refusal with 1009 is compliant). Why it
...               matters: Size, many small frames and fast round trips are where servers run out of memory, time or
...               buffers.

Resource          ../../resources/frames/limits_and_performance.resource

Suite Setup       Open Client Under Test
Suite Teardown    Close Client Under Test
Test Template     Data Frame Must Be Echoed

Test Tags         rfc6455-5.2    rfc6455-10.4    MAY    client_limits_and_performance    slow    client


*** Test Cases ***    TYPE    HEX    LENGTH
COMP-CLIENT-FRAME-9-1-1    text    4241736437266a683233    65536    timeout=10s
    [Documentation]    A 64 KiB text message in one frame is echoed.
    [Tags]    autobahn-9.1.1
COMP-CLIENT-FRAME-9-1-2    text    4241736437266a683233    262144    timeout=10s
    [Documentation]    A 256 KiB text message in one frame is echoed.
    [Tags]    autobahn-9.1.2
COMP-CLIENT-FRAME-9-1-3    text    4241736437266a683233    1048576    timeout=100s
    [Documentation]    A 1 MiB text message in one frame is echoed.
    [Tags]    autobahn-9.1.3
COMP-CLIENT-FRAME-9-1-4    text    4241736437266a683233    4194304    timeout=100s
    [Documentation]    A 4 MiB text message in one frame is echoed.
    [Tags]    autobahn-9.1.4
COMP-CLIENT-FRAME-9-1-5    text    4241736437266a683233    8388608    timeout=100s
    [Documentation]    A 8 MiB text message in one frame is echoed.
    [Tags]    autobahn-9.1.5
COMP-CLIENT-FRAME-9-1-6    text    4241736437266a683233    16777216    timeout=100s
    [Documentation]    A 16 MiB text message in one frame is echoed.
    [Tags]    autobahn-9.1.6
COMP-CLIENT-FRAME-9-2-1    binary    00fe23faf0    65536    timeout=10s
    [Documentation]    A 64 KiB binary message in one frame is echoed.
    [Tags]    autobahn-9.2.1
COMP-CLIENT-FRAME-9-2-2    binary    00fe23faf0    262144    timeout=10s
    [Documentation]    A 256 KiB binary message in one frame is echoed.
    [Tags]    autobahn-9.2.2
COMP-CLIENT-FRAME-9-2-3    binary    00fe23faf0    1048576    timeout=10s
    [Documentation]    A 1 MiB binary message in one frame is echoed.
    [Tags]    autobahn-9.2.3
COMP-CLIENT-FRAME-9-2-4    binary    00fe23faf0    4194304    timeout=10s
    [Documentation]    A 4 MiB binary message in one frame is echoed.
    [Tags]    autobahn-9.2.4
COMP-CLIENT-FRAME-9-2-5    binary    00fe23faf0    8388608    timeout=100s
    [Documentation]    A 8 MiB binary message in one frame is echoed.
    [Tags]    autobahn-9.2.5
COMP-CLIENT-FRAME-9-2-6    binary    00fe23faf0    16777216    timeout=100s
    [Documentation]    A 16 MiB binary message in one frame is echoed.
    [Tags]    autobahn-9.2.6
COMP-CLIENT-FRAME-9-3-1    text    2a    4194304    fragment_size=64    timeout=100s
    [Documentation]    A 4 MiB text message in fragments of 64 octets is echoed.
    [Tags]    autobahn-9.3.1
    [Template]    Message Sent In Fragments Of A Size Must Be Echoed Whole
COMP-CLIENT-FRAME-9-3-2    text    2a    4194304    fragment_size=256    timeout=100s
    [Documentation]    A 4 MiB text message in fragments of 256 octets is echoed.
    [Tags]    autobahn-9.3.2
    [Template]    Message Sent In Fragments Of A Size Must Be Echoed Whole
COMP-CLIENT-FRAME-9-3-3    text    2a    4194304    fragment_size=1024    timeout=100s
    [Documentation]    A 4 MiB text message in fragments of 1024 octets is echoed.
    [Tags]    autobahn-9.3.3
    [Template]    Message Sent In Fragments Of A Size Must Be Echoed Whole
COMP-CLIENT-FRAME-9-3-4    text    2a    4194304    fragment_size=4096    timeout=100s
    [Documentation]    A 4 MiB text message in fragments of 4096 octets is echoed.
    [Tags]    autobahn-9.3.4
    [Template]    Message Sent In Fragments Of A Size Must Be Echoed Whole
COMP-CLIENT-FRAME-9-3-5    text    2a    4194304    fragment_size=16384    timeout=100s
    [Documentation]    A 4 MiB text message in fragments of 16384 octets is echoed.
    [Tags]    autobahn-9.3.5
    [Template]    Message Sent In Fragments Of A Size Must Be Echoed Whole
COMP-CLIENT-FRAME-9-3-6    text    2a    4194304    fragment_size=65536    timeout=100s
    [Documentation]    A 4 MiB text message in fragments of 65536 octets is echoed.
    [Tags]    autobahn-9.3.6
    [Template]    Message Sent In Fragments Of A Size Must Be Echoed Whole
COMP-CLIENT-FRAME-9-3-7    text    2a    4194304    fragment_size=262144    timeout=100s
    [Documentation]    A 4 MiB text message in fragments of 262144 octets is echoed.
    [Tags]    autobahn-9.3.7
    [Template]    Message Sent In Fragments Of A Size Must Be Echoed Whole
COMP-CLIENT-FRAME-9-3-8    text    2a    4194304    fragment_size=1048576    timeout=100s
    [Documentation]    A 4 MiB text message in fragments of 1048576 octets is echoed.
    [Tags]    autobahn-9.3.8
    [Template]    Message Sent In Fragments Of A Size Must Be Echoed Whole
COMP-CLIENT-FRAME-9-3-9    text    2a    4194304    fragment_size=4194304    timeout=100s
    [Documentation]    A 4 MiB text message in fragments of 4194304 octets is echoed.
    [Tags]    autobahn-9.3.9
    [Template]    Message Sent In Fragments Of A Size Must Be Echoed Whole
COMP-CLIENT-FRAME-9-4-1    binary    fe    4194304    fragment_size=64    timeout=100s
    [Documentation]    A 4 MiB binary message in fragments of 64 octets is echoed.
    [Tags]    autobahn-9.4.1
    [Template]    Message Sent In Fragments Of A Size Must Be Echoed Whole
COMP-CLIENT-FRAME-9-4-2    binary    2a    4194304    fragment_size=256    timeout=100s
    [Documentation]    A 4 MiB binary message in fragments of 256 octets is echoed.
    [Tags]    autobahn-9.4.2
    [Template]    Message Sent In Fragments Of A Size Must Be Echoed Whole
COMP-CLIENT-FRAME-9-4-3    binary    2a    4194304    fragment_size=1024    timeout=100s
    [Documentation]    A 4 MiB binary message in fragments of 1024 octets is echoed.
    [Tags]    autobahn-9.4.3
    [Template]    Message Sent In Fragments Of A Size Must Be Echoed Whole
COMP-CLIENT-FRAME-9-4-4    binary    2a    4194304    fragment_size=4096    timeout=100s
    [Documentation]    A 4 MiB binary message in fragments of 4096 octets is echoed.
    [Tags]    autobahn-9.4.4
    [Template]    Message Sent In Fragments Of A Size Must Be Echoed Whole
COMP-CLIENT-FRAME-9-4-5    binary    2a    4194304    fragment_size=16384    timeout=100s
    [Documentation]    A 4 MiB binary message in fragments of 16384 octets is echoed.
    [Tags]    autobahn-9.4.5
    [Template]    Message Sent In Fragments Of A Size Must Be Echoed Whole
COMP-CLIENT-FRAME-9-4-6    binary    2a    4194304    fragment_size=65536    timeout=100s
    [Documentation]    A 4 MiB binary message in fragments of 65536 octets is echoed.
    [Tags]    autobahn-9.4.6
    [Template]    Message Sent In Fragments Of A Size Must Be Echoed Whole
COMP-CLIENT-FRAME-9-4-7    binary    2a    4194304    fragment_size=262144    timeout=100s
    [Documentation]    A 4 MiB binary message in fragments of 262144 octets is echoed.
    [Tags]    autobahn-9.4.7
    [Template]    Message Sent In Fragments Of A Size Must Be Echoed Whole
COMP-CLIENT-FRAME-9-4-8    binary    2a    4194304    fragment_size=1048576    timeout=100s
    [Documentation]    A 4 MiB binary message in fragments of 1048576 octets is echoed.
    [Tags]    autobahn-9.4.8
    [Template]    Message Sent In Fragments Of A Size Must Be Echoed Whole
COMP-CLIENT-FRAME-9-4-9    binary    2a    4194304    fragment_size=4194304    timeout=100s
    [Documentation]    A 4 MiB binary message in fragments of 4194304 octets is echoed.
    [Tags]    autobahn-9.4.9
    [Template]    Message Sent In Fragments Of A Size Must Be Echoed Whole
COMP-CLIENT-FRAME-9-5-1    text    4241736437266a683233    1048576    chop=64    timeout=1000s
    [Documentation]    A 1 MiB text frame written in chops of 64 octets is echoed.
    [Tags]    autobahn-9.5.1
COMP-CLIENT-FRAME-9-5-2    text    4241736437266a683233    1048576    chop=128    timeout=1000s
    [Documentation]    A 1 MiB text frame written in chops of 128 octets is echoed.
    [Tags]    autobahn-9.5.2
COMP-CLIENT-FRAME-9-5-3    text    4241736437266a683233    1048576    chop=256    timeout=1000s
    [Documentation]    A 1 MiB text frame written in chops of 256 octets is echoed.
    [Tags]    autobahn-9.5.3
COMP-CLIENT-FRAME-9-5-4    text    4241736437266a683233    1048576    chop=512    timeout=1000s
    [Documentation]    A 1 MiB text frame written in chops of 512 octets is echoed.
    [Tags]    autobahn-9.5.4
COMP-CLIENT-FRAME-9-5-5    text    4241736437266a683233    1048576    chop=1024    timeout=1000s
    [Documentation]    A 1 MiB text frame written in chops of 1024 octets is echoed.
    [Tags]    autobahn-9.5.5
COMP-CLIENT-FRAME-9-5-6    text    4241736437266a683233    1048576    chop=2048    timeout=1000s
    [Documentation]    A 1 MiB text frame written in chops of 2048 octets is echoed.
    [Tags]    autobahn-9.5.6
COMP-CLIENT-FRAME-9-6-1    binary    00fe23faf0    1048576    chop=64    timeout=1000s
    [Documentation]    A 1 MiB binary frame written in chops of 64 octets is echoed.
    [Tags]    autobahn-9.6.1
COMP-CLIENT-FRAME-9-6-2    binary    00fe23faf0    1048576    chop=128    timeout=1000s
    [Documentation]    A 1 MiB binary frame written in chops of 128 octets is echoed.
    [Tags]    autobahn-9.6.2
COMP-CLIENT-FRAME-9-6-3    binary    00fe23faf0    1048576    chop=256    timeout=1000s
    [Documentation]    A 1 MiB binary frame written in chops of 256 octets is echoed.
    [Tags]    autobahn-9.6.3
COMP-CLIENT-FRAME-9-6-4    binary    00fe23faf0    1048576    chop=512    timeout=1000s
    [Documentation]    A 1 MiB binary frame written in chops of 512 octets is echoed.
    [Tags]    autobahn-9.6.4
COMP-CLIENT-FRAME-9-6-5    binary    00fe23faf0    1048576    chop=1024    timeout=1000s
    [Documentation]    A 1 MiB binary frame written in chops of 1024 octets is echoed.
    [Tags]    autobahn-9.6.5
COMP-CLIENT-FRAME-9-6-6    binary    00fe23faf0    1048576    chop=2048    timeout=1000s
    [Documentation]    A 1 MiB binary frame written in chops of 2048 octets is echoed.
    [Tags]    autobahn-9.6.6
COMP-CLIENT-FRAME-9-7-1    text    2a    0    count=1000
    [Documentation]    1000 round trips of a 0-octet text message are each echoed.
    [Tags]    autobahn-9.7.1
    [Template]    Every Round Trip Must Be Echoed
COMP-CLIENT-FRAME-9-7-2    text    2a    16    count=1000
    [Documentation]    1000 round trips of a 16-octet text message are each echoed.
    [Tags]    autobahn-9.7.2
    [Template]    Every Round Trip Must Be Echoed
COMP-CLIENT-FRAME-9-7-3    text    2a    64    count=1000
    [Documentation]    1000 round trips of a 64-octet text message are each echoed.
    [Tags]    autobahn-9.7.3
    [Template]    Every Round Trip Must Be Echoed
COMP-CLIENT-FRAME-9-7-4    text    2a    256    count=1000
    [Documentation]    1000 round trips of a 256-octet text message are each echoed.
    [Tags]    autobahn-9.7.4
    [Template]    Every Round Trip Must Be Echoed
COMP-CLIENT-FRAME-9-7-5    text    2a    1024    count=1000
    [Documentation]    1000 round trips of a 1024-octet text message are each echoed.
    [Tags]    autobahn-9.7.5
    [Template]    Every Round Trip Must Be Echoed
COMP-CLIENT-FRAME-9-7-6    text    2a    4096    count=1000
    [Documentation]    1000 round trips of a 4096-octet text message are each echoed.
    [Tags]    autobahn-9.7.6
    [Template]    Every Round Trip Must Be Echoed
COMP-CLIENT-FRAME-9-8-1    binary    fe    0    count=1000
    [Documentation]    1000 round trips of a 0-octet binary message are each echoed.
    [Tags]    autobahn-9.8.1
    [Template]    Every Round Trip Must Be Echoed
COMP-CLIENT-FRAME-9-8-2    binary    fe    16    count=1000
    [Documentation]    1000 round trips of a 16-octet binary message are each echoed.
    [Tags]    autobahn-9.8.2
    [Template]    Every Round Trip Must Be Echoed
COMP-CLIENT-FRAME-9-8-3    binary    fe    64    count=1000
    [Documentation]    1000 round trips of a 64-octet binary message are each echoed.
    [Tags]    autobahn-9.8.3
    [Template]    Every Round Trip Must Be Echoed
COMP-CLIENT-FRAME-9-8-4    binary    fe    256    count=1000
    [Documentation]    1000 round trips of a 256-octet binary message are each echoed.
    [Tags]    autobahn-9.8.4
    [Template]    Every Round Trip Must Be Echoed
COMP-CLIENT-FRAME-9-8-5    binary    fe    1024    count=1000
    [Documentation]    1000 round trips of a 1024-octet binary message are each echoed.
    [Tags]    autobahn-9.8.5
    [Template]    Every Round Trip Must Be Echoed
COMP-CLIENT-FRAME-9-8-6    binary    fe    4096    count=1000
    [Documentation]    1000 round trips of a 4096-octet binary message are each echoed.
    [Tags]    autobahn-9.8.6
    [Template]    Every Round Trip Must Be Echoed
