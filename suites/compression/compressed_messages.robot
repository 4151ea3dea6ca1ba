*** Settings ***
Documentation     Autobahn|Testsuite section 12, WebSocket Compression (different payloads): after Autobahn's offer,
...               1000 compressed messages of generated JSON, HTML, image, literary text and PDF data are echoed one
...               by one, whole or fragmented after compression. Rows over 8 KiB are tagged slow. A server that
...               declines permessage-deflate gets N/A. Generated from the case catalogue
...               (WsComplianceLibrary/catalogue/); docs/cases.md states each case in full.
...
...               RFC 7692 §7.2: messages are compressed with raw DEFLATE, the trailing 0x00 0x00 0xff 0xff removed,
...               fragmented after compression with RSV1 on the first frame; the server inflates what it receives
...               and compresses what it sends with the agreed windows and context takeover. Why it matters:
...               Browsers compress every message they can; a server that mishandles a window, a fragment or its
...               context corrupts real traffic.

Resource          ../../resources/compression/compressed_messages.resource

Suite Setup       Open Compliance Target
Suite Teardown    Close Compliance Target
Test Template     Every Compressed Round Trip Must Be Echoed

Test Tags         rfc7692-7.2    MUST    compressed_messages    rfc7692


*** Test Cases ***    TYPE    DATA    LENGTH    COUNT
COMP-DEFLATE-12-1-1    text    json    16    1000
    [Documentation]    1000 compressed 16-byte JSON messages (text) are echoed one by one.
    [Tags]    autobahn-12.1.1
COMP-DEFLATE-12-1-2    text    json    64    1000
    [Documentation]    1000 compressed 64-byte JSON messages (text) are echoed one by one.
    [Tags]    autobahn-12.1.2
COMP-DEFLATE-12-1-3    text    json    256    1000
    [Documentation]    1000 compressed 256-byte JSON messages (text) are echoed one by one.
    [Tags]    autobahn-12.1.3
COMP-DEFLATE-12-1-4    text    json    1024    1000
    [Documentation]    1000 compressed 1 KiB JSON messages (text) are echoed one by one.
    [Tags]    autobahn-12.1.4
COMP-DEFLATE-12-1-5    text    json    4096    1000
    [Documentation]    1000 compressed 4 KiB JSON messages (text) are echoed one by one.
    [Tags]    autobahn-12.1.5
COMP-DEFLATE-12-1-6    text    json    8192    1000
    [Documentation]    1000 compressed 8 KiB JSON messages (text) are echoed one by one.
    [Tags]    autobahn-12.1.6
COMP-DEFLATE-12-1-7    text    json    16384    1000
    [Documentation]    1000 compressed 16 KiB JSON messages (text) are echoed one by one.
    [Tags]    autobahn-12.1.7    slow
COMP-DEFLATE-12-1-8    text    json    32768    1000
    [Documentation]    1000 compressed 32 KiB JSON messages (text) are echoed one by one.
    [Tags]    autobahn-12.1.8    slow
COMP-DEFLATE-12-1-9    text    json    65536    1000
    [Documentation]    1000 compressed 64 KiB JSON messages (text) are echoed one by one.
    [Tags]    autobahn-12.1.9    slow
COMP-DEFLATE-12-1-10    text    json    131072    1000
    [Documentation]    1000 compressed 128 KiB JSON messages (text) are echoed one by one.
    [Tags]    autobahn-12.1.10    slow
COMP-DEFLATE-12-1-11    text    json    8192    1000    fragment_size=256
    [Documentation]    1000 compressed 8 KiB JSON messages (text) are echoed one by one, compressed then fragmented in 256-byte frames.
    [Tags]    autobahn-12.1.11
COMP-DEFLATE-12-1-12    text    json    16384    1000    fragment_size=256
    [Documentation]    1000 compressed 16 KiB JSON messages (text) are echoed one by one, compressed then fragmented in 256-byte frames.
    [Tags]    autobahn-12.1.12    slow
COMP-DEFLATE-12-1-13    text    json    32768    1000    fragment_size=256
    [Documentation]    1000 compressed 32 KiB JSON messages (text) are echoed one by one, compressed then fragmented in 256-byte frames.
    [Tags]    autobahn-12.1.13    slow
COMP-DEFLATE-12-1-14    text    json    65536    1000    fragment_size=256
    [Documentation]    1000 compressed 64 KiB JSON messages (text) are echoed one by one, compressed then fragmented in 256-byte frames.
    [Tags]    autobahn-12.1.14    slow
COMP-DEFLATE-12-1-15    text    json    131072    1000    fragment_size=256
    [Documentation]    1000 compressed 128 KiB JSON messages (text) are echoed one by one, compressed then fragmented in 256-byte frames.
    [Tags]    autobahn-12.1.15    slow
COMP-DEFLATE-12-1-16    text    json    131072    1000    fragment_size=1024
    [Documentation]    1000 compressed 128 KiB JSON messages (text) are echoed one by one, compressed then fragmented in 1024-byte frames.
    [Tags]    autobahn-12.1.16    slow
COMP-DEFLATE-12-1-17    text    json    131072    1000    fragment_size=4096
    [Documentation]    1000 compressed 128 KiB JSON messages (text) are echoed one by one, compressed then fragmented in 4096-byte frames.
    [Tags]    autobahn-12.1.17    slow
COMP-DEFLATE-12-1-18    text    json    131072    1000    fragment_size=32768
    [Documentation]    1000 compressed 128 KiB JSON messages (text) are echoed one by one, compressed then fragmented in 32768-byte frames.
    [Tags]    autobahn-12.1.18    slow
COMP-DEFLATE-12-2-1    text    html    16    1000
    [Documentation]    1000 compressed 16-byte HTML messages (text) are echoed one by one.
    [Tags]    autobahn-12.2.1
COMP-DEFLATE-12-2-2    text    html    64    1000
    [Documentation]    1000 compressed 64-byte HTML messages (text) are echoed one by one.
    [Tags]    autobahn-12.2.2
COMP-DEFLATE-12-2-3    text    html    256    1000
    [Documentation]    1000 compressed 256-byte HTML messages (text) are echoed one by one.
    [Tags]    autobahn-12.2.3
COMP-DEFLATE-12-2-4    text    html    1024    1000
    [Documentation]    1000 compressed 1 KiB HTML messages (text) are echoed one by one.
    [Tags]    autobahn-12.2.4
COMP-DEFLATE-12-2-5    text    html    4096    1000
    [Documentation]    1000 compressed 4 KiB HTML messages (text) are echoed one by one.
    [Tags]    autobahn-12.2.5
COMP-DEFLATE-12-2-6    text    html    8192    1000
    [Documentation]    1000 compressed 8 KiB HTML messages (text) are echoed one by one.
    [Tags]    autobahn-12.2.6
COMP-DEFLATE-12-2-7    text    html    16384    1000
    [Documentation]    1000 compressed 16 KiB HTML messages (text) are echoed one by one.
    [Tags]    autobahn-12.2.7    slow
COMP-DEFLATE-12-2-8    text    html    32768    1000
    [Documentation]    1000 compressed 32 KiB HTML messages (text) are echoed one by one.
    [Tags]    autobahn-12.2.8    slow
COMP-DEFLATE-12-2-9    text    html    65536    1000
    [Documentation]    1000 compressed 64 KiB HTML messages (text) are echoed one by one.
    [Tags]    autobahn-12.2.9    slow
COMP-DEFLATE-12-2-10    text    html    131072    1000
    [Documentation]    1000 compressed 128 KiB HTML messages (text) are echoed one by one.
    [Tags]    autobahn-12.2.10    slow
COMP-DEFLATE-12-2-11    text    html    8192    1000    fragment_size=256
    [Documentation]    1000 compressed 8 KiB HTML messages (text) are echoed one by one, compressed then fragmented in 256-byte frames.
    [Tags]    autobahn-12.2.11
COMP-DEFLATE-12-2-12    text    html    16384    1000    fragment_size=256
    [Documentation]    1000 compressed 16 KiB HTML messages (text) are echoed one by one, compressed then fragmented in 256-byte frames.
    [Tags]    autobahn-12.2.12    slow
COMP-DEFLATE-12-2-13    text    html    32768    1000    fragment_size=256
    [Documentation]    1000 compressed 32 KiB HTML messages (text) are echoed one by one, compressed then fragmented in 256-byte frames.
    [Tags]    autobahn-12.2.13    slow
COMP-DEFLATE-12-2-14    text    html    65536    1000    fragment_size=256
    [Documentation]    1000 compressed 64 KiB HTML messages (text) are echoed one by one, compressed then fragmented in 256-byte frames.
    [Tags]    autobahn-12.2.14    slow
COMP-DEFLATE-12-2-15    text    html    131072    1000    fragment_size=256
    [Documentation]    1000 compressed 128 KiB HTML messages (text) are echoed one by one, compressed then fragmented in 256-byte frames.
    [Tags]    autobahn-12.2.15    slow
COMP-DEFLATE-12-2-16    text    html    131072    1000    fragment_size=1024
    [Documentation]    1000 compressed 128 KiB HTML messages (text) are echoed one by one, compressed then fragmented in 1024-byte frames.
    [Tags]    autobahn-12.2.16    slow
COMP-DEFLATE-12-2-17    text    html    131072    1000    fragment_size=4096
    [Documentation]    1000 compressed 128 KiB HTML messages (text) are echoed one by one, compressed then fragmented in 4096-byte frames.
    [Tags]    autobahn-12.2.17    slow
COMP-DEFLATE-12-2-18    text    html    131072    1000    fragment_size=32768
    [Documentation]    1000 compressed 128 KiB HTML messages (text) are echoed one by one, compressed then fragmented in 32768-byte frames.
    [Tags]    autobahn-12.2.18    slow
COMP-DEFLATE-12-3-1    binary    image    16    1000
    [Documentation]    1000 compressed 16-byte image messages (binary) are echoed one by one.
    [Tags]    autobahn-12.3.1
COMP-DEFLATE-12-3-2    binary    image    64    1000
    [Documentation]    1000 compressed 64-byte image messages (binary) are echoed one by one.
    [Tags]    autobahn-12.3.2
COMP-DEFLATE-12-3-3    binary    image    256    1000
    [Documentation]    1000 compressed 256-byte image messages (binary) are echoed one by one.
    [Tags]    autobahn-12.3.3
COMP-DEFLATE-12-3-4    binary    image    1024    1000
    [Documentation]    1000 compressed 1 KiB image messages (binary) are echoed one by one.
    [Tags]    autobahn-12.3.4
COMP-DEFLATE-12-3-5    binary    image    4096    1000
    [Documentation]    1000 compressed 4 KiB image messages (binary) are echoed one by one.
    [Tags]    autobahn-12.3.5
COMP-DEFLATE-12-3-6    binary    image    8192    1000
    [Documentation]    1000 compressed 8 KiB image messages (binary) are echoed one by one.
    [Tags]    autobahn-12.3.6
COMP-DEFLATE-12-3-7    binary    image    16384    1000
    [Documentation]    1000 compressed 16 KiB image messages (binary) are echoed one by one.
    [Tags]    autobahn-12.3.7    slow
COMP-DEFLATE-12-3-8    binary    image    32768    1000
    [Documentation]    1000 compressed 32 KiB image messages (binary) are echoed one by one.
    [Tags]    autobahn-12.3.8    slow
COMP-DEFLATE-12-3-9    binary    image    65536    1000
    [Documentation]    1000 compressed 64 KiB image messages (binary) are echoed one by one.
    [Tags]    autobahn-12.3.9    slow
COMP-DEFLATE-12-3-10    binary    image    131072    1000
    [Documentation]    1000 compressed 128 KiB image messages (binary) are echoed one by one.
    [Tags]    autobahn-12.3.10    slow
COMP-DEFLATE-12-3-11    binary    image    8192    1000    fragment_size=256
    [Documentation]    1000 compressed 8 KiB image messages (binary) are echoed one by one, compressed then fragmented in 256-byte frames.
    [Tags]    autobahn-12.3.11
COMP-DEFLATE-12-3-12    binary    image    16384    1000    fragment_size=256
    [Documentation]    1000 compressed 16 KiB image messages (binary) are echoed one by one, compressed then fragmented in 256-byte frames.
    [Tags]    autobahn-12.3.12    slow
COMP-DEFLATE-12-3-13    binary    image    32768    1000    fragment_size=256
    [Documentation]    1000 compressed 32 KiB image messages (binary) are echoed one by one, compressed then fragmented in 256-byte frames.
    [Tags]    autobahn-12.3.13    slow
COMP-DEFLATE-12-3-14    binary    image    65536    1000    fragment_size=256
    [Documentation]    1000 compressed 64 KiB image messages (binary) are echoed one by one, compressed then fragmented in 256-byte frames.
    [Tags]    autobahn-12.3.14    slow
COMP-DEFLATE-12-3-15    binary    image    131072    1000    fragment_size=256
    [Documentation]    1000 compressed 128 KiB image messages (binary) are echoed one by one, compressed then fragmented in 256-byte frames.
    [Tags]    autobahn-12.3.15    slow
COMP-DEFLATE-12-3-16    binary    image    131072    1000    fragment_size=1024
    [Documentation]    1000 compressed 128 KiB image messages (binary) are echoed one by one, compressed then fragmented in 1024-byte
    ...    frames.
    [Tags]    autobahn-12.3.16    slow
COMP-DEFLATE-12-3-17    binary    image    131072    1000    fragment_size=4096
    [Documentation]    1000 compressed 128 KiB image messages (binary) are echoed one by one, compressed then fragmented in 4096-byte
    ...    frames.
    [Tags]    autobahn-12.3.17    slow
COMP-DEFLATE-12-3-18    binary    image    131072    1000    fragment_size=32768
    [Documentation]    1000 compressed 128 KiB image messages (binary) are echoed one by one, compressed then fragmented in 32768-byte
    ...    frames.
    [Tags]    autobahn-12.3.18    slow
COMP-DEFLATE-12-4-1    binary    literature    16    1000
    [Documentation]    1000 compressed 16-byte literary text messages (binary) are echoed one by one.
    [Tags]    autobahn-12.4.1
COMP-DEFLATE-12-4-2    binary    literature    64    1000
    [Documentation]    1000 compressed 64-byte literary text messages (binary) are echoed one by one.
    [Tags]    autobahn-12.4.2
COMP-DEFLATE-12-4-3    binary    literature    256    1000
    [Documentation]    1000 compressed 256-byte literary text messages (binary) are echoed one by one.
    [Tags]    autobahn-12.4.3
COMP-DEFLATE-12-4-4    binary    literature    1024    1000
    [Documentation]    1000 compressed 1 KiB literary text messages (binary) are echoed one by one.
    [Tags]    autobahn-12.4.4
COMP-DEFLATE-12-4-5    binary    literature    4096    1000
    [Documentation]    1000 compressed 4 KiB literary text messages (binary) are echoed one by one.
    [Tags]    autobahn-12.4.5
COMP-DEFLATE-12-4-6    binary    literature    8192    1000
    [Documentation]    1000 compressed 8 KiB literary text messages (binary) are echoed one by one.
    [Tags]    autobahn-12.4.6
COMP-DEFLATE-12-4-7    binary    literature    16384    1000
    [Documentation]    1000 compressed 16 KiB literary text messages (binary) are echoed one by one.
    [Tags]    autobahn-12.4.7    slow
COMP-DEFLATE-12-4-8    binary    literature    32768    1000
    [Documentation]    1000 compressed 32 KiB literary text messages (binary) are echoed one by one.
    [Tags]    autobahn-12.4.8    slow
COMP-DEFLATE-12-4-9    binary    literature    65536    1000
    [Documentation]    1000 compressed 64 KiB literary text messages (binary) are echoed one by one.
    [Tags]    autobahn-12.4.9    slow
COMP-DEFLATE-12-4-10    binary    literature    131072    1000
    [Documentation]    1000 compressed 128 KiB literary text messages (binary) are echoed one by one.
    [Tags]    autobahn-12.4.10    slow
COMP-DEFLATE-12-4-11    binary    literature    8192    1000    fragment_size=256
    [Documentation]    1000 compressed 8 KiB literary text messages (binary) are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-12.4.11
COMP-DEFLATE-12-4-12    binary    literature    16384    1000    fragment_size=256
    [Documentation]    1000 compressed 16 KiB literary text messages (binary) are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-12.4.12    slow
COMP-DEFLATE-12-4-13    binary    literature    32768    1000    fragment_size=256
    [Documentation]    1000 compressed 32 KiB literary text messages (binary) are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-12.4.13    slow
COMP-DEFLATE-12-4-14    binary    literature    65536    1000    fragment_size=256
    [Documentation]    1000 compressed 64 KiB literary text messages (binary) are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-12.4.14    slow
COMP-DEFLATE-12-4-15    binary    literature    131072    1000    fragment_size=256
    [Documentation]    1000 compressed 128 KiB literary text messages (binary) are echoed one by one, compressed then fragmented in 256-byte
    ...    frames.
    [Tags]    autobahn-12.4.15    slow
COMP-DEFLATE-12-4-16    binary    literature    131072    1000    fragment_size=1024
    [Documentation]    1000 compressed 128 KiB literary text messages (binary) are echoed one by one, compressed then fragmented in
    ...    1024-byte frames.
    [Tags]    autobahn-12.4.16    slow
COMP-DEFLATE-12-4-17    binary    literature    131072    1000    fragment_size=4096
    [Documentation]    1000 compressed 128 KiB literary text messages (binary) are echoed one by one, compressed then fragmented in
    ...    4096-byte frames.
    [Tags]    autobahn-12.4.17    slow
COMP-DEFLATE-12-4-18    binary    literature    131072    1000    fragment_size=32768
    [Documentation]    1000 compressed 128 KiB literary text messages (binary) are echoed one by one, compressed then fragmented in
    ...    32768-byte frames.
    [Tags]    autobahn-12.4.18    slow
COMP-DEFLATE-12-5-1    binary    pdf    16    1000
    [Documentation]    1000 compressed 16-byte PDF messages (binary) are echoed one by one.
    [Tags]    autobahn-12.5.1
COMP-DEFLATE-12-5-2    binary    pdf    64    1000
    [Documentation]    1000 compressed 64-byte PDF messages (binary) are echoed one by one.
    [Tags]    autobahn-12.5.2
COMP-DEFLATE-12-5-3    binary    pdf    256    1000
    [Documentation]    1000 compressed 256-byte PDF messages (binary) are echoed one by one.
    [Tags]    autobahn-12.5.3
COMP-DEFLATE-12-5-4    binary    pdf    1024    1000
    [Documentation]    1000 compressed 1 KiB PDF messages (binary) are echoed one by one.
    [Tags]    autobahn-12.5.4
COMP-DEFLATE-12-5-5    binary    pdf    4096    1000
    [Documentation]    1000 compressed 4 KiB PDF messages (binary) are echoed one by one.
    [Tags]    autobahn-12.5.5
COMP-DEFLATE-12-5-6    binary    pdf    8192    1000
    [Documentation]    1000 compressed 8 KiB PDF messages (binary) are echoed one by one.
    [Tags]    autobahn-12.5.6
COMP-DEFLATE-12-5-7    binary    pdf    16384    1000
    [Documentation]    1000 compressed 16 KiB PDF messages (binary) are echoed one by one.
    [Tags]    autobahn-12.5.7    slow
COMP-DEFLATE-12-5-8    binary    pdf    32768    1000
    [Documentation]    1000 compressed 32 KiB PDF messages (binary) are echoed one by one.
    [Tags]    autobahn-12.5.8    slow
COMP-DEFLATE-12-5-9    binary    pdf    65536    1000
    [Documentation]    1000 compressed 64 KiB PDF messages (binary) are echoed one by one.
    [Tags]    autobahn-12.5.9    slow
COMP-DEFLATE-12-5-10    binary    pdf    131072    1000
    [Documentation]    1000 compressed 128 KiB PDF messages (binary) are echoed one by one.
    [Tags]    autobahn-12.5.10    slow
COMP-DEFLATE-12-5-11    binary    pdf    8192    1000    fragment_size=256
    [Documentation]    1000 compressed 8 KiB PDF messages (binary) are echoed one by one, compressed then fragmented in 256-byte frames.
    [Tags]    autobahn-12.5.11
COMP-DEFLATE-12-5-12    binary    pdf    16384    1000    fragment_size=256
    [Documentation]    1000 compressed 16 KiB PDF messages (binary) are echoed one by one, compressed then fragmented in 256-byte frames.
    [Tags]    autobahn-12.5.12    slow
COMP-DEFLATE-12-5-13    binary    pdf    32768    1000    fragment_size=256
    [Documentation]    1000 compressed 32 KiB PDF messages (binary) are echoed one by one, compressed then fragmented in 256-byte frames.
    [Tags]    autobahn-12.5.13    slow
COMP-DEFLATE-12-5-14    binary    pdf    65536    1000    fragment_size=256
    [Documentation]    1000 compressed 64 KiB PDF messages (binary) are echoed one by one, compressed then fragmented in 256-byte frames.
    [Tags]    autobahn-12.5.14    slow
COMP-DEFLATE-12-5-15    binary    pdf    131072    1000    fragment_size=256
    [Documentation]    1000 compressed 128 KiB PDF messages (binary) are echoed one by one, compressed then fragmented in 256-byte frames.
    [Tags]    autobahn-12.5.15    slow
COMP-DEFLATE-12-5-16    binary    pdf    131072    1000    fragment_size=1024
    [Documentation]    1000 compressed 128 KiB PDF messages (binary) are echoed one by one, compressed then fragmented in 1024-byte frames.
    [Tags]    autobahn-12.5.16    slow
COMP-DEFLATE-12-5-17    binary    pdf    131072    1000    fragment_size=4096
    [Documentation]    1000 compressed 128 KiB PDF messages (binary) are echoed one by one, compressed then fragmented in 4096-byte frames.
    [Tags]    autobahn-12.5.17    slow
COMP-DEFLATE-12-5-18    binary    pdf    131072    1000    fragment_size=32768
    [Documentation]    1000 compressed 128 KiB PDF messages (binary) are echoed one by one, compressed then fragmented in 32768-byte frames.
    [Tags]    autobahn-12.5.18    slow
