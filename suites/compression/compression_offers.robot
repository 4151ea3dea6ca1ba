*** Comments ***
# Generated table: one row per case of the family.
# robocop: off=file-too-long,too-many-test-cases


*** Settings ***
Documentation     Autobahn|Testsuite section 13, WebSocket Compression (different parameters): after each of seven
...               offers (context takeover and window sizes), 1000 compressed JSON messages are echoed one by one,
...               and the server's window and context takeover are checked against what it agreed. Rows over 8 KiB
...               are tagged slow. A server that declines permessage-deflate gets N/A. Generated from the case
...               catalogue (WsComplianceLibrary/catalogue/); docs/cases.md states each case in full.
...
...               RFC 7692 §7.2: messages are compressed with raw DEFLATE, the trailing 0x00 0x00 0xff 0xff removed,
...               fragmented after compression with RSV1 on the first frame; the server inflates what it receives
...               and compresses what it sends with the agreed windows and context takeover. Why it matters:
...               Browsers compress every message they can; a server that mishandles a window, a fragment or its
...               context corrupts real traffic.

Resource          ../../resources/compression/compression_offers.resource

Suite Setup       Open Compliance Target
Suite Teardown    Close Compliance Target
Test Template     Every Round Trip After The Offer Must Be Echoed

Test Tags         rfc7692-7.2    MUST    compression_offers    rfc7692


*** Test Cases ***    OFFER    LENGTH    COUNT
COMP-DEFLATE-13-1-1    permessage-deflate; client_no_context_takeover; client_max_window_bits    16    1000
    [Documentation]    After offer 13.1, 1000 compressed 16-byte JSON messages are echoed one by one.
    [Tags]    autobahn-13.1.1
COMP-DEFLATE-13-1-2    permessage-deflate; client_no_context_takeover; client_max_window_bits    64    1000
    [Documentation]    After offer 13.1, 1000 compressed 64-byte JSON messages are echoed one by one.
    [Tags]    autobahn-13.1.2
COMP-DEFLATE-13-1-3    permessage-deflate; client_no_context_takeover; client_max_window_bits    256    1000
    [Documentation]    After offer 13.1, 1000 compressed 256-byte JSON messages are echoed one by one.
    [Tags]    autobahn-13.1.3
COMP-DEFLATE-13-1-4    permessage-deflate; client_no_context_takeover; client_max_window_bits    1024    1000
    [Documentation]    After offer 13.1, 1000 compressed 1 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.1.4
COMP-DEFLATE-13-1-5    permessage-deflate; client_no_context_takeover; client_max_window_bits    4096    1000
    [Documentation]    After offer 13.1, 1000 compressed 4 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.1.5
COMP-DEFLATE-13-1-6    permessage-deflate; client_no_context_takeover; client_max_window_bits    8192    1000
    [Documentation]    After offer 13.1, 1000 compressed 8 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.1.6
COMP-DEFLATE-13-1-7    permessage-deflate; client_no_context_takeover; client_max_window_bits    16384    1000
    [Documentation]    After offer 13.1, 1000 compressed 16 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.1.7    slow
COMP-DEFLATE-13-1-8    permessage-deflate; client_no_context_takeover; client_max_window_bits    32768    1000
    [Documentation]    After offer 13.1, 1000 compressed 32 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.1.8    slow
COMP-DEFLATE-13-1-9    permessage-deflate; client_no_context_takeover; client_max_window_bits    65536    1000
    [Documentation]    After offer 13.1, 1000 compressed 64 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.1.9    slow
COMP-DEFLATE-13-1-10    permessage-deflate; client_no_context_takeover; client_max_window_bits    131072    1000
    [Documentation]    After offer 13.1, 1000 compressed 128 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.1.10    slow
COMP-DEFLATE-13-1-11    permessage-deflate; client_no_context_takeover; client_max_window_bits    8192    1000    fragment_size=256
    [Documentation]    After offer 13.1, 1000 compressed 8 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.1.11
COMP-DEFLATE-13-1-12    permessage-deflate; client_no_context_takeover; client_max_window_bits    16384    1000    fragment_size=256
    [Documentation]    After offer 13.1, 1000 compressed 16 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.1.12    slow
COMP-DEFLATE-13-1-13    permessage-deflate; client_no_context_takeover; client_max_window_bits    32768    1000    fragment_size=256
    [Documentation]    After offer 13.1, 1000 compressed 32 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.1.13    slow
COMP-DEFLATE-13-1-14    permessage-deflate; client_no_context_takeover; client_max_window_bits    65536    1000    fragment_size=256
    [Documentation]    After offer 13.1, 1000 compressed 64 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.1.14    slow
COMP-DEFLATE-13-1-15    permessage-deflate; client_no_context_takeover; client_max_window_bits    131072    1000    fragment_size=256
    [Documentation]    After offer 13.1, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.1.15    slow
COMP-DEFLATE-13-1-16    permessage-deflate; client_no_context_takeover; client_max_window_bits    131072    1000    fragment_size=1024
    [Documentation]    After offer 13.1, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in
    ...    1024-byte frames.
    [Tags]    autobahn-13.1.16    slow
COMP-DEFLATE-13-1-17    permessage-deflate; client_no_context_takeover; client_max_window_bits    131072    1000    fragment_size=4096
    [Documentation]    After offer 13.1, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in
    ...    4096-byte frames.
    [Tags]    autobahn-13.1.17    slow
COMP-DEFLATE-13-1-18    permessage-deflate; client_no_context_takeover; client_max_window_bits    131072    1000    fragment_size=32768
    [Documentation]    After offer 13.1, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in
    ...    32768-byte frames.
    [Tags]    autobahn-13.1.18    slow
COMP-DEFLATE-13-2-1    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover    16    1000
    [Documentation]    After offer 13.2, 1000 compressed 16-byte JSON messages are echoed one by one.
    [Tags]    autobahn-13.2.1
COMP-DEFLATE-13-2-2    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover    64    1000
    [Documentation]    After offer 13.2, 1000 compressed 64-byte JSON messages are echoed one by one.
    [Tags]    autobahn-13.2.2
COMP-DEFLATE-13-2-3    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover    256    1000
    [Documentation]    After offer 13.2, 1000 compressed 256-byte JSON messages are echoed one by one.
    [Tags]    autobahn-13.2.3
COMP-DEFLATE-13-2-4    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover    1024    1000
    [Documentation]    After offer 13.2, 1000 compressed 1 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.2.4
COMP-DEFLATE-13-2-5    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover    4096    1000
    [Documentation]    After offer 13.2, 1000 compressed 4 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.2.5
COMP-DEFLATE-13-2-6    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover    8192    1000
    [Documentation]    After offer 13.2, 1000 compressed 8 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.2.6
COMP-DEFLATE-13-2-7    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover    16384    1000
    [Documentation]    After offer 13.2, 1000 compressed 16 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.2.7    slow
COMP-DEFLATE-13-2-8    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover    32768    1000
    [Documentation]    After offer 13.2, 1000 compressed 32 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.2.8    slow
COMP-DEFLATE-13-2-9    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover    65536    1000
    [Documentation]    After offer 13.2, 1000 compressed 64 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.2.9    slow
COMP-DEFLATE-13-2-10    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover    131072    1000
    [Documentation]    After offer 13.2, 1000 compressed 128 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.2.10    slow
COMP-DEFLATE-13-2-11    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover    8192    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.2, 1000 compressed 8 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.2.11
COMP-DEFLATE-13-2-12    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover    16384    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.2, 1000 compressed 16 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.2.12    slow
COMP-DEFLATE-13-2-13    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover    32768    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.2, 1000 compressed 32 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.2.13    slow
COMP-DEFLATE-13-2-14    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover    65536    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.2, 1000 compressed 64 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.2.14    slow
COMP-DEFLATE-13-2-15    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover    131072    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.2, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.2.15    slow
COMP-DEFLATE-13-2-16    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover    131072    1000    fragment_size=1024    # robocop: off=line-too-long
    [Documentation]    After offer 13.2, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in
    ...    1024-byte frames.
    [Tags]    autobahn-13.2.16    slow
COMP-DEFLATE-13-2-17    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover    131072    1000    fragment_size=4096    # robocop: off=line-too-long
    [Documentation]    After offer 13.2, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in
    ...    4096-byte frames.
    [Tags]    autobahn-13.2.17    slow
COMP-DEFLATE-13-2-18    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover    131072    1000    fragment_size=32768    # robocop: off=line-too-long
    [Documentation]    After offer 13.2, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in
    ...    32768-byte frames.
    [Tags]    autobahn-13.2.18    slow
COMP-DEFLATE-13-3-1    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=9    16    1000
    [Documentation]    After offer 13.3, 1000 compressed 16-byte JSON messages are echoed one by one.
    [Tags]    autobahn-13.3.1
COMP-DEFLATE-13-3-2    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=9    64    1000
    [Documentation]    After offer 13.3, 1000 compressed 64-byte JSON messages are echoed one by one.
    [Tags]    autobahn-13.3.2
COMP-DEFLATE-13-3-3    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=9    256    1000
    [Documentation]    After offer 13.3, 1000 compressed 256-byte JSON messages are echoed one by one.
    [Tags]    autobahn-13.3.3
COMP-DEFLATE-13-3-4    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=9    1024    1000
    [Documentation]    After offer 13.3, 1000 compressed 1 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.3.4
COMP-DEFLATE-13-3-5    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=9    4096    1000
    [Documentation]    After offer 13.3, 1000 compressed 4 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.3.5
COMP-DEFLATE-13-3-6    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=9    8192    1000
    [Documentation]    After offer 13.3, 1000 compressed 8 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.3.6
COMP-DEFLATE-13-3-7    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=9    16384    1000
    [Documentation]    After offer 13.3, 1000 compressed 16 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.3.7    slow
COMP-DEFLATE-13-3-8    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=9    32768    1000
    [Documentation]    After offer 13.3, 1000 compressed 32 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.3.8    slow
COMP-DEFLATE-13-3-9    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=9    65536    1000
    [Documentation]    After offer 13.3, 1000 compressed 64 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.3.9    slow
COMP-DEFLATE-13-3-10    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=9    131072    1000
    [Documentation]    After offer 13.3, 1000 compressed 128 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.3.10    slow
COMP-DEFLATE-13-3-11    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=9    8192    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.3, 1000 compressed 8 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.3.11
COMP-DEFLATE-13-3-12    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=9    16384    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.3, 1000 compressed 16 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.3.12    slow
COMP-DEFLATE-13-3-13    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=9    32768    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.3, 1000 compressed 32 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.3.13    slow
COMP-DEFLATE-13-3-14    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=9    65536    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.3, 1000 compressed 64 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.3.14    slow
COMP-DEFLATE-13-3-15    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=9    131072    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.3, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.3.15    slow
COMP-DEFLATE-13-3-16    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=9    131072    1000    fragment_size=1024    # robocop: off=line-too-long
    [Documentation]    After offer 13.3, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in
    ...    1024-byte frames.
    [Tags]    autobahn-13.3.16    slow
COMP-DEFLATE-13-3-17    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=9    131072    1000    fragment_size=4096    # robocop: off=line-too-long
    [Documentation]    After offer 13.3, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in
    ...    4096-byte frames.
    [Tags]    autobahn-13.3.17    slow
COMP-DEFLATE-13-3-18    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=9    131072    1000    fragment_size=32768    # robocop: off=line-too-long
    [Documentation]    After offer 13.3, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in
    ...    32768-byte frames.
    [Tags]    autobahn-13.3.18    slow
COMP-DEFLATE-13-4-1    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=15    16    1000
    [Documentation]    After offer 13.4, 1000 compressed 16-byte JSON messages are echoed one by one.
    [Tags]    autobahn-13.4.1
COMP-DEFLATE-13-4-2    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=15    64    1000
    [Documentation]    After offer 13.4, 1000 compressed 64-byte JSON messages are echoed one by one.
    [Tags]    autobahn-13.4.2
COMP-DEFLATE-13-4-3    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=15    256    1000
    [Documentation]    After offer 13.4, 1000 compressed 256-byte JSON messages are echoed one by one.
    [Tags]    autobahn-13.4.3
COMP-DEFLATE-13-4-4    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=15    1024    1000
    [Documentation]    After offer 13.4, 1000 compressed 1 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.4.4
COMP-DEFLATE-13-4-5    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=15    4096    1000
    [Documentation]    After offer 13.4, 1000 compressed 4 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.4.5
COMP-DEFLATE-13-4-6    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=15    8192    1000
    [Documentation]    After offer 13.4, 1000 compressed 8 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.4.6
COMP-DEFLATE-13-4-7    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=15    16384    1000
    [Documentation]    After offer 13.4, 1000 compressed 16 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.4.7    slow
COMP-DEFLATE-13-4-8    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=15    32768    1000
    [Documentation]    After offer 13.4, 1000 compressed 32 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.4.8    slow
COMP-DEFLATE-13-4-9    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=15    65536    1000
    [Documentation]    After offer 13.4, 1000 compressed 64 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.4.9    slow
COMP-DEFLATE-13-4-10    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=15    131072    1000
    [Documentation]    After offer 13.4, 1000 compressed 128 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.4.10    slow
COMP-DEFLATE-13-4-11    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=15    8192    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.4, 1000 compressed 8 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.4.11
COMP-DEFLATE-13-4-12    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=15    16384    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.4, 1000 compressed 16 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.4.12    slow
COMP-DEFLATE-13-4-13    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=15    32768    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.4, 1000 compressed 32 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.4.13    slow
COMP-DEFLATE-13-4-14    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=15    65536    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.4, 1000 compressed 64 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.4.14    slow
COMP-DEFLATE-13-4-15    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=15    131072    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.4, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.4.15    slow
COMP-DEFLATE-13-4-16    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=15    131072    1000    fragment_size=1024    # robocop: off=line-too-long
    [Documentation]    After offer 13.4, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in
    ...    1024-byte frames.
    [Tags]    autobahn-13.4.16    slow
COMP-DEFLATE-13-4-17    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=15    131072    1000    fragment_size=4096    # robocop: off=line-too-long
    [Documentation]    After offer 13.4, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in
    ...    4096-byte frames.
    [Tags]    autobahn-13.4.17    slow
COMP-DEFLATE-13-4-18    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=15    131072    1000    fragment_size=32768    # robocop: off=line-too-long
    [Documentation]    After offer 13.4, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in
    ...    32768-byte frames.
    [Tags]    autobahn-13.4.18    slow
COMP-DEFLATE-13-5-1    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9    16    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.5, 1000 compressed 16-byte JSON messages are echoed one by one.
    [Tags]    autobahn-13.5.1
COMP-DEFLATE-13-5-2    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9    64    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.5, 1000 compressed 64-byte JSON messages are echoed one by one.
    [Tags]    autobahn-13.5.2
COMP-DEFLATE-13-5-3    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9    256    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.5, 1000 compressed 256-byte JSON messages are echoed one by one.
    [Tags]    autobahn-13.5.3
COMP-DEFLATE-13-5-4    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9    1024    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.5, 1000 compressed 1 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.5.4
COMP-DEFLATE-13-5-5    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9    4096    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.5, 1000 compressed 4 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.5.5
COMP-DEFLATE-13-5-6    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9    8192    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.5, 1000 compressed 8 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.5.6
COMP-DEFLATE-13-5-7    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9    16384    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.5, 1000 compressed 16 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.5.7    slow
COMP-DEFLATE-13-5-8    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9    32768    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.5, 1000 compressed 32 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.5.8    slow
COMP-DEFLATE-13-5-9    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9    65536    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.5, 1000 compressed 64 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.5.9    slow
COMP-DEFLATE-13-5-10    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9    131072    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.5, 1000 compressed 128 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.5.10    slow
COMP-DEFLATE-13-5-11    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9    8192    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.5, 1000 compressed 8 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.5.11
COMP-DEFLATE-13-5-12    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9    16384    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.5, 1000 compressed 16 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.5.12    slow
COMP-DEFLATE-13-5-13    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9    32768    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.5, 1000 compressed 32 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.5.13    slow
COMP-DEFLATE-13-5-14    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9    65536    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.5, 1000 compressed 64 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.5.14    slow
COMP-DEFLATE-13-5-15    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9    131072    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.5, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.5.15    slow
COMP-DEFLATE-13-5-16    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9    131072    1000    fragment_size=1024    # robocop: off=line-too-long
    [Documentation]    After offer 13.5, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in
    ...    1024-byte frames.
    [Tags]    autobahn-13.5.16    slow
COMP-DEFLATE-13-5-17    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9    131072    1000    fragment_size=4096    # robocop: off=line-too-long
    [Documentation]    After offer 13.5, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in
    ...    4096-byte frames.
    [Tags]    autobahn-13.5.17    slow
COMP-DEFLATE-13-5-18    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9    131072    1000    fragment_size=32768    # robocop: off=line-too-long
    [Documentation]    After offer 13.5, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in
    ...    32768-byte frames.
    [Tags]    autobahn-13.5.18    slow
COMP-DEFLATE-13-6-1    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=15    16    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.6, 1000 compressed 16-byte JSON messages are echoed one by one.
    [Tags]    autobahn-13.6.1
COMP-DEFLATE-13-6-2    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=15    64    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.6, 1000 compressed 64-byte JSON messages are echoed one by one.
    [Tags]    autobahn-13.6.2
COMP-DEFLATE-13-6-3    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=15    256    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.6, 1000 compressed 256-byte JSON messages are echoed one by one.
    [Tags]    autobahn-13.6.3
COMP-DEFLATE-13-6-4    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=15    1024    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.6, 1000 compressed 1 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.6.4
COMP-DEFLATE-13-6-5    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=15    4096    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.6, 1000 compressed 4 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.6.5
COMP-DEFLATE-13-6-6    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=15    8192    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.6, 1000 compressed 8 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.6.6
COMP-DEFLATE-13-6-7    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=15    16384    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.6, 1000 compressed 16 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.6.7    slow
COMP-DEFLATE-13-6-8    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=15    32768    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.6, 1000 compressed 32 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.6.8    slow
COMP-DEFLATE-13-6-9    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=15    65536    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.6, 1000 compressed 64 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.6.9    slow
COMP-DEFLATE-13-6-10    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=15    131072    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.6, 1000 compressed 128 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.6.10    slow
COMP-DEFLATE-13-6-11    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=15    8192    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.6, 1000 compressed 8 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.6.11
COMP-DEFLATE-13-6-12    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=15    16384    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.6, 1000 compressed 16 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.6.12    slow
COMP-DEFLATE-13-6-13    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=15    32768    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.6, 1000 compressed 32 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.6.13    slow
COMP-DEFLATE-13-6-14    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=15    65536    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.6, 1000 compressed 64 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.6.14    slow
COMP-DEFLATE-13-6-15    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=15    131072    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.6, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.6.15    slow
COMP-DEFLATE-13-6-16    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=15    131072    1000    fragment_size=1024    # robocop: off=line-too-long
    [Documentation]    After offer 13.6, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in
    ...    1024-byte frames.
    [Tags]    autobahn-13.6.16    slow
COMP-DEFLATE-13-6-17    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=15    131072    1000    fragment_size=4096    # robocop: off=line-too-long
    [Documentation]    After offer 13.6, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in
    ...    4096-byte frames.
    [Tags]    autobahn-13.6.17    slow
COMP-DEFLATE-13-6-18    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=15    131072    1000    fragment_size=32768    # robocop: off=line-too-long
    [Documentation]    After offer 13.6, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in
    ...    32768-byte frames.
    [Tags]    autobahn-13.6.18    slow
COMP-DEFLATE-13-7-1    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9, permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover, permessage-deflate; client_no_context_takeover; client_max_window_bits    16    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.7, 1000 compressed 16-byte JSON messages are echoed one by one.
    [Tags]    autobahn-13.7.1
COMP-DEFLATE-13-7-2    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9, permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover, permessage-deflate; client_no_context_takeover; client_max_window_bits    64    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.7, 1000 compressed 64-byte JSON messages are echoed one by one.
    [Tags]    autobahn-13.7.2
COMP-DEFLATE-13-7-3    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9, permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover, permessage-deflate; client_no_context_takeover; client_max_window_bits    256    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.7, 1000 compressed 256-byte JSON messages are echoed one by one.
    [Tags]    autobahn-13.7.3
COMP-DEFLATE-13-7-4    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9, permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover, permessage-deflate; client_no_context_takeover; client_max_window_bits    1024    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.7, 1000 compressed 1 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.7.4
COMP-DEFLATE-13-7-5    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9, permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover, permessage-deflate; client_no_context_takeover; client_max_window_bits    4096    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.7, 1000 compressed 4 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.7.5
COMP-DEFLATE-13-7-6    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9, permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover, permessage-deflate; client_no_context_takeover; client_max_window_bits    8192    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.7, 1000 compressed 8 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.7.6
COMP-DEFLATE-13-7-7    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9, permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover, permessage-deflate; client_no_context_takeover; client_max_window_bits    16384    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.7, 1000 compressed 16 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.7.7    slow
COMP-DEFLATE-13-7-8    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9, permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover, permessage-deflate; client_no_context_takeover; client_max_window_bits    32768    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.7, 1000 compressed 32 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.7.8    slow
COMP-DEFLATE-13-7-9    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9, permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover, permessage-deflate; client_no_context_takeover; client_max_window_bits    65536    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.7, 1000 compressed 64 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.7.9    slow
COMP-DEFLATE-13-7-10    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9, permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover, permessage-deflate; client_no_context_takeover; client_max_window_bits    131072    1000    # robocop: off=line-too-long
    [Documentation]    After offer 13.7, 1000 compressed 128 KiB JSON messages are echoed one by one.
    [Tags]    autobahn-13.7.10    slow
COMP-DEFLATE-13-7-11    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9, permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover, permessage-deflate; client_no_context_takeover; client_max_window_bits    8192    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.7, 1000 compressed 8 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.7.11
COMP-DEFLATE-13-7-12    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9, permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover, permessage-deflate; client_no_context_takeover; client_max_window_bits    16384    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.7, 1000 compressed 16 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.7.12    slow
COMP-DEFLATE-13-7-13    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9, permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover, permessage-deflate; client_no_context_takeover; client_max_window_bits    32768    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.7, 1000 compressed 32 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.7.13    slow
COMP-DEFLATE-13-7-14    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9, permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover, permessage-deflate; client_no_context_takeover; client_max_window_bits    65536    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.7, 1000 compressed 64 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.7.14    slow
COMP-DEFLATE-13-7-15    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9, permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover, permessage-deflate; client_no_context_takeover; client_max_window_bits    131072    1000    fragment_size=256    # robocop: off=line-too-long
    [Documentation]    After offer 13.7, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-13.7.15    slow
COMP-DEFLATE-13-7-16    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9, permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover, permessage-deflate; client_no_context_takeover; client_max_window_bits    131072    1000    fragment_size=1024    # robocop: off=line-too-long
    [Documentation]    After offer 13.7, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in
    ...    1024-byte frames.
    [Tags]    autobahn-13.7.16    slow
COMP-DEFLATE-13-7-17    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9, permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover, permessage-deflate; client_no_context_takeover; client_max_window_bits    131072    1000    fragment_size=4096    # robocop: off=line-too-long
    [Documentation]    After offer 13.7, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in
    ...    4096-byte frames.
    [Tags]    autobahn-13.7.17    slow
COMP-DEFLATE-13-7-18    permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9, permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover, permessage-deflate; client_no_context_takeover; client_max_window_bits    131072    1000    fragment_size=32768    # robocop: off=line-too-long
    [Documentation]    After offer 13.7, 1000 compressed 128 KiB JSON messages are echoed one by one, compressed then fragmented in
    ...    32768-byte frames.
    [Tags]    autobahn-13.7.18    slow
