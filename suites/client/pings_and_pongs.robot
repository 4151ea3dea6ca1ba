*** Settings ***
Documentation     Played to the client, with the roles swapped. Autobahn|Testsuite section 2, Pings/Pongs: Pings are
...               answered with their payload, oversized Pings fail the connection, unsolicited Pongs are ignored.
...               Generated from the case catalogue (WsComplianceLibrary/catalogue/); docs/cases.md states each case
...               in full.
...
...               RFC 6455 §5.5.2: "Upon receipt of a Ping frame, an endpoint MUST send a Pong frame in response";
...               §5.5.3: "A Pong frame sent in response to a Ping frame must have identical Application data". Why
...               it matters: Clients and proxies use Ping to keep connections alive and to detect dead peers; a
...               missing or altered Pong makes them drop healthy connections.
...
...               RFC 6455 §5.5: "All control frames MUST have a payload length of 125 bytes or less and MUST NOT be
...               fragmented." Why it matters: A receiver that accepts a long control frame lets a peer slip bulk
...               data past the message limits and breaks the guarantee that control frames fit in a single small
...               frame between fragments.
...
...               RFC 6455 §5.5.3: "A Pong frame MAY be sent unsolicited. This serves as a unidirectional heartbeat.
...               A response to an unsolicited Pong frame is not expected." Why it matters: Browsers and libraries
...               send unsolicited Pongs as heartbeats; a server that answers them, or fails the connection, breaks
...               those clients.
...
...               RFC 6455 §5.5.2 requires a Pong per Ping, but §5.5.3 adds: "the endpoint MAY elect to send a Pong
...               frame for only the most recently processed Ping frame." Autobahn expects every Pong, in order. Why
...               it matters: Clients that match Pongs to their Pings (latency measurement, keep-alive with several
...               outstanding Pings) time out when Pongs are merged; the RFC allows merging, so this is a SHOULD
...               here, not a MUST.

Resource          ../../resources/frames/pings_and_pongs.resource

Suite Setup       Open Client Under Test
Suite Teardown    Close Client Under Test
Test Template     Ping Must Be Answered With Its Payload

Test Tags         client_pings_and_pongs    client


*** Test Cases ***
COMP-CLIENT-FRAME-2-1    payload=
    [Documentation]    A Ping without payload is answered by a Pong without payload.
    [Tags]    rfc6455-5.5.2    rfc6455-5.5.3    MUST    autobahn-2.1
COMP-CLIENT-FRAME-2-2    payload=Hello, world!
    [Documentation]    A Ping with a text payload is answered by a Pong with the same payload.
    [Tags]    rfc6455-5.5.2    rfc6455-5.5.3    MUST    autobahn-2.2
COMP-CLIENT-FRAME-2-3    hex=00fffefdfcfb00ff
    [Documentation]    A Ping with a binary payload is answered by a Pong with the same payload.
    [Tags]    rfc6455-5.5.2    rfc6455-5.5.3    MUST    autobahn-2.3
COMP-CLIENT-FRAME-2-4    hex=fe    repeat=125
    [Documentation]    A Ping with a 125-octet payload is answered by a Pong with the same payload.
    [Tags]    rfc6455-5.5.2    rfc6455-5.5.3    MUST    autobahn-2.4
COMP-CLIENT-FRAME-2-5    hex=fe    repeat=126
    [Documentation]    A Ping with a 126-octet payload fails the connection, unanswered.
    [Tags]    rfc6455-5.5    MUST    autobahn-2.5
    [Template]    Ping Longer Than 125 Octets Must Fail The Connection
COMP-CLIENT-FRAME-2-6    hex=fe    repeat=125    chop=1
    [Documentation]    A 125-octet Ping written one octet at a time is answered with its payload.
    [Tags]    rfc6455-5.5.2    rfc6455-5.5.3    MUST    autobahn-2.6
COMP-CLIENT-FRAME-2-7    payload=
    [Documentation]    An unsolicited Pong without payload is ignored.
    [Tags]    rfc6455-5.5.3    MUST    autobahn-2.7
    [Template]    Unsolicited Pong Must Be Ignored
COMP-CLIENT-FRAME-2-8    payload=unsolicited pong payload
    [Documentation]    An unsolicited Pong with a payload is ignored.
    [Tags]    rfc6455-5.5.3    MUST    autobahn-2.8
    [Template]    Unsolicited Pong Must Be Ignored
COMP-CLIENT-FRAME-2-9    pong=unsolicited pong payload    payload=ping payload
    [Documentation]    A Ping after an unsolicited Pong gets exactly one Pong, with its payload.
    [Tags]    rfc6455-5.5.2    rfc6455-5.5.3    MUST    autobahn-2.9
    [Template]    Ping After An Unsolicited Pong Must Get Exactly One Pong
COMP-CLIENT-FRAME-2-10    payload=payload-    count=10
    [Documentation]    Ten Pings sent back to back get ten Pongs, in order.
    [Tags]    rfc6455-5.5.2    rfc6455-5.5.3    SHOULD    autobahn-2.10
    [Template]    Every Ping Should Be Answered In Order
COMP-CLIENT-FRAME-2-11    payload=payload-    count=10    chop=1
    [Documentation]    Ten Pings sent back to back, each written one octet at a time, get ten Pongs, in order.
    [Tags]    rfc6455-5.5.2    rfc6455-5.5.3    SHOULD    autobahn-2.11
    [Template]    Every Ping Should Be Answered In Order
