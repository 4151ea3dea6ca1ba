*** Settings ***
Documentation    Bad input from the user, one row per mistake: each row but the last must fail at the keyword or
...              the import with one clear sentence and without sending a byte. tests/test_bad_input.py runs this
...              suite against a server that records every connection and checks the messages and the bytes.

Library          WsComplianceLibrary    url=${WS_URL}    timeout=2s

Test Template    Run Keyword


*** Variables ***
${WS_URL}    ws://127.0.0.1:9/


*** Test Cases ***    KEYWORD    ARGUMENTS
Malformed URL    Set Target URL    ws://[::1/chat
    [Documentation]    An IPv6 literal without its closing bracket.
Unknown Scheme    Set Target URL    ftp://127.0.0.1/
    [Documentation]    Only ws, wss, http and https name a WebSocket target.
Port Zero    Set Target URL    ws://127.0.0.1:0/
    [Documentation]    Port 0 cannot be connected to.
Port Too Large    Set Target URL    ws://127.0.0.1:70000/
    [Documentation]    Ports end at 65535.
Empty Host    Set Target URL    ws:///chat
    [Documentation]    A URL with a path but no host.
Empty URL    Set Target URL    ${EMPTY}
    [Documentation]    Nothing given at all.
Negative Timeout For The Target    Set Target URL    ${WS_URL}    timeout=-2
    [Documentation]    Set Target URL checks its timeout as the Send keywords do.
Verify Neither True Nor False    Set Target URL    ${WS_URL}    verify=maybe
    [Documentation]    A mistyped TLS policy must not be read as true.
Method With A Space    Send Raw Upgrade With Method    PO ST
    [Documentation]    A method that is not an HTTP token would change the request line.
Method With CR LF    Send Raw Upgrade With Method    GET / HTTP/1.1\r\nX-Injected: 1\r\n\r\nGET
    [Documentation]    CR and LF in the method would smuggle a request line and a header.
Header Name With CR LF    Send Raw Upgrade    headers={"X-A\\r\\nX-Injected": "1"}
    [Documentation]    CR and LF in a header name would smuggle another header.
Header Value With CR LF    Send Raw Upgrade    headers={"X-A": "1\\r\\nX-Injected: 1"}
    [Documentation]    CR and LF in a header value would smuggle another header.
Header Value With NUL    Send Raw Upgrade    headers={"X-A": "1\\x002"}
    [Documentation]    NUL has no place in a header value.
Zero Timeout    Send Raw Upgrade With Method    POST    timeout=0
    [Documentation]    A zero timeout would end every exchange before it starts.
Negative Timeout    Send Raw Upgrade With Method    POST    timeout=-1s
    [Documentation]    A negative time is no timeout.
Non-Numeric Timeout    Send Raw Upgrade With Method    POST    timeout=soon
    [Documentation]    A timeout must be a Robot time such as 5s.
Import With Unknown Scheme    Import Library    WsComplianceLibrary    url=gopher://127.0.0.1/    AS    Gopher
    [Documentation]    The import checks the URL as Set Target URL does.
Import With Port Too Large    Import Library    WsComplianceLibrary    url=ws://127.0.0.1:70000/    AS    Port
    [Documentation]    The import checks the port as Set Target URL does.
Import With Zero Timeout    Import Library    WsComplianceLibrary    timeout=0    AS    ZeroTimeout
    [Documentation]    The import checks the timeout as the Send keywords do.
Import With Non-Numeric Timeout    Import Library    WsComplianceLibrary    timeout=soon    AS    Soon
    [Documentation]    The import converts the timeout itself and says why it cannot.
Import With Verify Maybe    Import Library    WsComplianceLibrary    verify=maybe    AS    Maybe
    [Documentation]    The import checks the TLS policy as Set Target URL does.
Send Raw Request Sends What The Builder Refuses    Send Raw Request    PO ST / HTTP/1.1\r\nX-A: 1\rX-B: 2\r\n\r\n
    [Documentation]    The documented way to send such bytes on purpose: these are sent exactly as given.
