*** Settings ***
Documentation    The frame keywords against one hostile server after the 101. tests/test_hostile_frames.py runs
...              this suite against servers that announce 2^63 - 1 bytes, flood pings, stall mid-frame, reset,
...              send HTTP after the 101, or send markup, ANSI escapes and invalid UTF-8, and checks the verdict,
...              its time, the console, output.xml and log.html.

Library          WsComplianceLibrary    url=${WS_URL}    timeout=${TIMEOUT}

Test Teardown    Close WebSocket


*** Variables ***
${WS_URL}     ws://127.0.0.1:9/
${TIMEOUT}    0.5s


*** Test Cases ***
Message Is Echoed
    Open WebSocket
    Send Message    text    Hello, hostile server
    Message Should Be Echoed
    [Documentation]    A text message goes out; its echo must come back.

Server Closes Cleanly
    Open WebSocket
    Send Close    1000
    Server Should Close Cleanly
    [Documentation]    A Close frame with code 1000 goes out; the server must answer it and close TCP.
