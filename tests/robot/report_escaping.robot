*** Settings ***
Documentation    Server-controlled text in failure messages and in the log. tests/test_logging.py runs this suite
...              against a server whose reason phrase, header values and body carry markup, links, entities, ANSI
...              escapes and invalid UTF-8, and checks log.html and report.html for anything that survived.

Library          WsComplianceLibrary    url=${WS_URL}    timeout=2s

Test Template    Judge The Answer To A POST Upgrade


*** Variables ***
${WS_URL}    ws://127.0.0.1:9/


*** Test Cases ***    ASSERTION    ARGUMENTS
Reason Phrase In A Failure Message    Status Should Not Be 101
    [Documentation]    The reason phrase is quoted in the failure message.
Header Value In A Failure Message    Header Should Be    X-Img    a picture
    [Documentation]    The header values are quoted in the failure message.
Status Line In A Failure Message    Status Should Be    405
    [Documentation]    The status line is described in the failure message.


*** Keywords ***
Judge The Answer To A POST Upgrade
    [Documentation]    Sends the standard handshake with POST and applies one assertion to what came back.
    [Arguments]    ${assertion}    @{arguments}
    ${response}    Send Raw Upgrade With Method    POST
    Run Keyword    ${assertion}    ${response}    @{arguments}
