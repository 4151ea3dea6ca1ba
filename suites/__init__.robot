*** Settings ***
Documentation    WebSocket protocol compliance: the opening handshake (RFC 6455 §4, RFC 9110 §7.8), the frames
...              after it (RFC 6455 §5-§8, Autobahn|Testsuite sections 1-7, 9 and 10), compression (RFC 7692,
...              Autobahn|Testsuite sections 12 and 13) and WebSockets over HTTP/2 (RFC 8441); and, with the
...              library playing the server, WebSocket clients (suites/client, tag client).
...
...              Each test is one case of the catalogue, named by its case ID and tagged with its RFC
...              sections and requirement level. COMP-UPGRADE-BASELINE is the positive control: when it
...              fails, the target is not a WebSocket endpoint at that URL and the other verdicts mean little.
...              Cases tagged slow move large messages; --exclude slow leaves them out.
Metadata         Library    WsComplianceLibrary

# The top-level suite imports the library so that TARGET_NAME, when set, names this suite: Robot writes a
# suite's name as it starts, right after its imports.
Resource         ../resources/compliance.resource
