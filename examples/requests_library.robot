*** Settings ***
Documentation     COMP-UPGRADE-POST checked through RequestsLibrary, for suites that already use it (RFC 6455
...               §4.1, §4.2.1). The requests package adds headers of its own (User-Agent, Accept,
...               Accept-Encoding, Content-Length: 0), so these requests are not byte-exact; the catalogue
...               cases use Send Raw Upgrade With Method for that. Status Should Not Be 101 judges a
...               RequestsLibrary response by the same rule. A server that closes the connection without
...               answering makes RequestsLibrary itself fail with a ConnectionError, and one that never
...               answers with a ReadTimeout, before the rule is applied.

Library           DateTime
Library           RequestsLibrary
Resource          ../resources/compliance.resource

Suite Setup       Open Compliance Target
Suite Teardown    Close Compliance Target
Test Template     Upgrade Through RequestsLibrary Must Not Switch Protocols


*** Test Cases ***    METHOD
COMP-UPGRADE-POST via RequestsLibrary    POST
    [Documentation]    A WebSocket upgrade sent with POST by RequestsLibrary is not answered 101. RFC 6455
    ...    §4.1: "The method of the request MUST be GET".
    [Tags]    rfc6455-4.1    rfc6455-4.2.1    MUST    method    requests


*** Keywords ***
Upgrade Through RequestsLibrary Must Not Switch Protocols
    [Documentation]    Sends the upgrade headers with ${method} through RequestsLibrary and applies the
    ...    COMP-UPGRADE-POST rule to its response.
    [Arguments]    ${method}
    ${url}    Get Target HTTP URL
    ${seconds}    Convert Time    ${TIMEOUT}
    ${key}    Generate WebSocket Key
    VAR    &{headers}
    ...    Connection=Upgrade
    ...    Upgrade=websocket
    ...    Sec-WebSocket-Key=${key}
    ...    Sec-WebSocket-Version=13
    ${response}    Run Keyword    ${method}    ${url}    headers=${headers}    verify=${VERIFY_TLS}
    ...    timeout=${seconds}    expected_status=anything
    Status Should Not Be 101    ${response}
