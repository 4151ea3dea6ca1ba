*** Settings ***
Documentation     RFC 9112 §3.2: an HTTP/1.1 request without exactly one Host gets 400 Bad Request. RFC 6455 §4.1
...               and RFC 9110 §7.8: an upgrade in HTTP/1.0 is ignored. Generated from the case catalogue
...               (WsComplianceLibrary/catalogue/); docs/cases.md states each case in full.
...
...               RFC 9112 §3.2: a server must answer 400 (Bad Request) to an HTTP/1.1 request that lacks a Host
...               header; RFC 6455 §4.1: the handshake must contain Host. Why it matters: Host decides which site a
...               request is for; a server guessing it is open to routing and cache confusion.
...
...               RFC 9112 §3.2: a server must answer 400 (Bad Request) to a request with more than one Host header
...               line. Why it matters: Two Host values let a proxy and the server disagree about the target, a
...               classic request-smuggling lever.
...
...               RFC 6455 §4.1: "the HTTP version MUST be at least 1.1"; RFC 9110 §7.8: a server must ignore an
...               Upgrade header received in an HTTP/1.0 request. Why it matters: HTTP/1.0 intermediaries do not
...               understand Upgrade; switching on such a request desynchronises them.

Resource          ../../resources/handshake/host_and_http_version.resource

Suite Setup       Open Compliance Target
Suite Teardown    Close Compliance Target
Test Template     Request Without Exactly One Host Must Get 400

Test Tags         MUST    host


*** Test Cases ***    HEADERS
COMP-HOST-MISSING    {"Host": None}
    [Documentation]    A handshake without Host is answered 400.
    [Tags]    rfc9112-3.2    rfc6455-4.1
COMP-HOST-DUPLICATE    headers=[("Host", "localhost"), ("Host", "localhost")]
    [Documentation]    A handshake with two Host headers is answered 400.
    [Tags]    rfc9112-3.2
COMP-UPGRADE-HTTP10    version=HTTP/1.0
    [Documentation]    An upgrade sent in HTTP/1.0 is not answered 101.
    [Tags]    rfc6455-4.1    rfc9110-7.8    http11probe
    [Template]    Upgrade In An Older HTTP Version Must Not Switch Protocols
