*** Settings ***
Documentation     RFC 6455 §4.2.2, §10.2 and §10.5: a protected endpoint does not switch protocols for a handshake
...               without its credentials, and a server that is not meant for every web page refuses a handshake
...               from a foreign Origin (Cross-Site WebSocket Hijacking). The rows judge only a configured target:
...               the credentials are those of WS_HEADERS, the foreign Origin is FOREIGN_ORIGIN, and ORIGIN_CHECK
...               says whether refusing it is required. Generated from the case catalogue
...               (WsComplianceLibrary/catalogue/); docs/cases.md states each case in full.
...
...               RFC 6455 §10.5: a server may authenticate the client with any mechanism an HTTP server can use,
...               such as cookies or HTTP authentication; §4.2.2: a server that does not accept the handshake
...               answers with an HTTP error. The case sends the correct handshake with the target's settings but
...               without its Authorization and Cookie headers; it is not applicable when WS_HEADERS carries
...               neither. Why it matters: An endpoint that asks for credentials only on some paths, or checks them
...               after switching protocols, gives its messages to anyone who can reach it.
...
...               RFC 6455 §4.2.2: a server may check the Origin header and, if it does not accept the origin,
...               answer with an HTTP error such as 403 Forbidden; §10.2: servers that are not meant to serve every
...               web page should check it, because a browser sends the page's origin with every WebSocket it opens.
...               Accepting a foreign origin is a warning, a failure when ORIGIN_CHECK is required. The foreign
...               origin is FOREIGN_ORIGIN (https://attacker.invalid unless set). Why it matters: Browsers send
...               cookies with a WebSocket handshake from any page; a server that accepts any Origin lets a page on
...               another site open the victim's authenticated connection and read its messages (Cross-Site
...               WebSocket Hijacking).
...
...               RFC 6455 §4.2.2: a server may check the Origin header and, if it does not accept the origin,
...               answer with an HTTP error such as 403 Forbidden; §10.2: servers that are not meant to serve every
...               web page should check it, because a browser sends the page's origin with every WebSocket it opens.
...               Accepting a foreign origin is a warning, a failure when ORIGIN_CHECK is required. Browsers send
...               Origin: null from sandboxed frames and file: pages, which any attacker can make. Why it matters:
...               Browsers send cookies with a WebSocket handshake from any page; a server that accepts any Origin
...               lets a page on another site open the victim's authenticated connection and read its messages
...               (Cross-Site WebSocket Hijacking).

Resource          ../../resources/handshake/security.resource

Suite Setup       Open Compliance Target
Suite Teardown    Close Compliance Target
Test Template     Handshake From An Untrusted Origin Should Be Refused

Test Tags         rfc6455-4.2.2    security


*** Test Cases ***    ORIGIN
COMP-AUTH-WITHOUT-CREDENTIALS    headers={"Authorization": None, "Cookie": None}
    [Documentation]    A correct handshake without the target's credentials is not answered 101.
    [Tags]    rfc6455-10.5    MUST
    [Template]    Handshake Without The Target's Credentials Must Be Refused
COMP-ORIGIN-FOREIGN    foreign
    [Documentation]    A correct handshake from a foreign Origin is refused with 403.
    [Tags]    rfc6455-10.2    SHOULD
COMP-ORIGIN-NULL    null
    [Documentation]    A correct handshake from Origin: null is refused with 403.
    [Tags]    rfc6455-10.2    SHOULD
