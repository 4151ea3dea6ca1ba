*** Settings ***
Documentation     RFC 6455 §4.1: "The method of the request MUST be GET"; §4.2.1: a server must refuse any other
...               handshake, for example with 400. Every row sends the standard handshake with another method and
...               expects anything but 101 Switching Protocols. Generated from the case catalogue
...               (WsComplianceLibrary/catalogue/); docs/cases.md states each case in full.
...
...               RFC 6455 §4.1: "The method of the request MUST be GET, and the HTTP version MUST be at least 1.1."
...               §4.2.1: a handshake that does not match is not processed further and the server answers with an
...               HTTP error such as 400 Bad Request. Why it matters: A server that switches protocols on another
...               method lets requests that caches, proxies and CSRF defences treat differently from GET open
...               WebSocket connections, and shows it does not check the handshake.
...
...               RFC 9110 §9.1: an origin server that receives a request method that is unrecognized or not
...               implemented SHOULD respond with 501 (Not Implemented); 405 is for a method it knows but does not
...               allow on the resource. Switching protocols fails the case; any refusal but 501 is a warning. Why
...               it matters: The status tells a client whether retrying elsewhere with the same method can ever
...               work; a 405 for a method the server has never heard of claims knowledge it does not have.

Resource          ../../resources/handshake/upgrade_method.resource

Suite Setup       Open Compliance Target
Suite Teardown    Close Compliance Target
Test Template     Upgrade With Method Must Not Switch Protocols

Test Tags         rfc6455-4.2.1    method


*** Test Cases ***    METHOD
COMP-UPGRADE-POST    POST
    [Documentation]    A WebSocket upgrade sent with POST is not answered 101.
    [Tags]    rfc6455-4.1    MUST    http11probe
COMP-UPGRADE-PUT    PUT
    [Documentation]    A WebSocket upgrade sent with PUT is not answered 101.
    [Tags]    rfc6455-4.1    MUST
COMP-UPGRADE-DELETE    DELETE
    [Documentation]    A WebSocket upgrade sent with DELETE is not answered 101.
    [Tags]    rfc6455-4.1    MUST
COMP-UPGRADE-PATCH    PATCH
    [Documentation]    A WebSocket upgrade sent with PATCH is not answered 101.
    [Tags]    rfc6455-4.1    MUST
COMP-UPGRADE-OPTIONS    OPTIONS
    [Documentation]    A WebSocket upgrade sent with OPTIONS is not answered 101.
    [Tags]    rfc6455-4.1    MUST
COMP-UPGRADE-TRACE    TRACE
    [Documentation]    A WebSocket upgrade sent with TRACE is not answered 101.
    [Tags]    rfc6455-4.1    MUST
COMP-UPGRADE-CONNECT    CONNECT
    [Documentation]    A WebSocket upgrade sent with the CONNECT token is not answered 101.
    [Tags]    rfc6455-4.1    MUST
COMP-UPGRADE-LOWERCASE-GET    get
    [Documentation]    A WebSocket upgrade sent with lowercase get is not answered 101 (methods are case-sensitive, RFC 9110 §9.1).
    [Tags]    rfc6455-4.1    MUST
COMP-UPGRADE-UNKNOWN-METHOD    FOO
    [Documentation]    A WebSocket upgrade sent with an unknown method token is not answered 101.
    [Tags]    rfc6455-4.1    MUST
COMP-UPGRADE-POST-CL0    POST    headers={"Content-Length": "0"}
    [Documentation]    A WebSocket upgrade sent with POST and Content-Length: 0 is not answered 101.
    [Tags]    rfc6455-4.1    MUST
COMP-UPGRADE-POST-BODY    POST    headers={"Content-Length": "5"}    body=hello
    [Documentation]    A WebSocket upgrade sent with POST and a short body is not answered 101.
    [Tags]    rfc6455-4.1    MUST
COMP-METHOD-UNKNOWN-501    FOO
    [Documentation]    A WebSocket upgrade with an unknown method token is refused with 501 Not Implemented.
    [Tags]    rfc9110-9.1    SHOULD
    [Template]    Unknown Method Should Get 501 Not Implemented
