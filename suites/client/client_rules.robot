*** Settings ***
Documentation     The client's masking and keys, and a masked frame from the server, which Autobahn|Testsuite never
...               sends a client. Generated from the case catalogue (WsComplianceLibrary/catalogue/); docs/cases.md
...               states each case in full.
...
...               RFC 6455 §5.3: "The masking key is a 32-bit value chosen at random by the client. When sending a
...               client-to-server frame, the client MUST pick a fresh masking key from the set of allowed 32-bit
...               values. The masking key needs to be unpredictable"; §5.1: "a client MUST mask all frames that it
...               sends to the server". Why it matters: Masking with unpredictable keys is what stops a script from
...               putting chosen bytes on the wire to poison intermediaries' caches (§10.3); a constant or zero key
...               gives that protection away.
...
...               RFC 6455 §4.1: "The request MUST include a header field with the name |Sec-WebSocket-Key|. The
...               value of this header field MUST be a nonce consisting of a randomly selected 16-byte value that
...               has been base64-encoded ... The nonce MUST be selected randomly for each connection." Why it
...               matters: A repeated or guessable key lets a cached or replayed answer pass for a fresh one.
...
...               RFC 6455 §5.1: "A server MUST NOT mask any frames that it sends to the client. A client MUST close
...               a connection if it detects a masked frame." Why it matters: A client that accepts masked frames
...               hides a broken or spoofed server; Autobahn|Testsuite never sends one, so this is the case its
...               client reports lack.

Resource          ../../resources/client/client_rules.resource

Suite Setup       Open Client Under Test
Suite Teardown    Close Client Under Test
Test Template     Client Frames Must Be Masked With Fresh Keys

Test Tags         MUST    client_rules    client


*** Test Cases ***    COUNT
COMP-CLIENT-MASKING    8
    [Documentation]    Every frame of the client is masked, with keys that differ and are never zero.
    [Tags]    rfc6455-5.1    rfc6455-5.3
COMP-CLIENT-KEY    connections=2
    [Documentation]    The client sends a fresh 16-byte base64 Sec-WebSocket-Key on each connection.
    [Tags]    rfc6455-4.1
    [Template]    Client Must Send A Fresh Key Per Connection
COMP-CLIENT-MASKED-SERVER-FRAME    type=text    payload=Hello, world!
    [Documentation]    A masked text frame from the server fails the connection.
    [Tags]    rfc6455-5.1
    [Template]    Masked Frame From The Server Must Fail The Connection
