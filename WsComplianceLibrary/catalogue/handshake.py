"""The opening-handshake cases (RFC 6455 §4, RFC 9110 §7.8, RFC 9112 §3.2), as data.

Each family is one suite in ``suites/handshake/``; each case names its RFC
sections, level, the request it sends (a :class:`Recipe`) and the rule that
judges the answer (by name, from :mod:`WsComplianceLibrary.judges.handshake`).
"""

from __future__ import annotations

import base64

from .model import Case, Family, Recipe, Template

__all__ = ["CASES", "FAMILIES"]

_MUST_BE_GET = (
    'RFC 6455 §4.1: "The method of the request MUST be GET, and the HTTP version MUST be at least 1.1." '
    "§4.2.1: a handshake that does not match is not processed further and the server answers with an "
    "HTTP error such as 400 Bad Request."
)
_WHY_METHOD = (
    "A server that switches protocols on another method lets requests that caches, proxies and CSRF "
    "defences treat differently from GET open WebSocket connections, and shows it does not check the handshake."
)

# The templates of resources/handshake/ take the request's changes: most only its header overrides.
_HEADERS = ("headers",)

FAMILIES: tuple[Family, ...] = (
    Family(
        name="baseline",
        suite="handshake/handshake_baseline.robot",
        title="Baseline",
        documentation=(
            "Positive control, RFC 6455 §4.1 and §4.2.2: a correct opening handshake must be accepted "
            "with 101 Switching Protocols and the right Sec-WebSocket-Accept. When it is not, the target "
            "is not a WebSocket endpoint at that URL and the other verdicts mean little."
        ),
        template=Template("Correct Handshake Must Switch Protocols", ("method", "version")),
    ),
    Family(
        name="method",
        suite="handshake/upgrade_method.robot",
        title="Upgrade Method",
        documentation=(
            'RFC 6455 §4.1: "The method of the request MUST be GET"; §4.2.1: a server must refuse any other '
            "handshake, for example with 400. Every row sends the standard handshake with another method "
            "and expects anything but 101 Switching Protocols."
        ),
        template=Template("Upgrade With Method Must Not Switch Protocols", ("method",), ("headers", "body")),
        templates=(("501 preferred", Template("Unknown Method Should Get 501 Not Implemented", ("method",))),),
    ),
    Family(
        name="tokens",
        suite="handshake/upgrade_tokens.robot",
        title="Upgrade And Connection Tokens",
        documentation=(
            "RFC 6455 §4.2.1 and RFC 9110 §7.8: a handshake needs Upgrade naming websocket and Connection "
            "carrying the upgrade option, both matched case-insensitively. Rows that break this must not get "
            "101; valid variants (mixed case, token lists, lowercase names) must be accepted."
        ),
        template=Template("Handshake Without Both Upgrade Tokens Must Not Switch Protocols", _HEADERS),
        templates=(("accepted", Template("Valid Token Spelling Must Be Accepted", _HEADERS)),),
    ),
    Family(
        name="key",
        suite="handshake/upgrade_key.robot",
        title="Sec-WebSocket-Key",
        documentation=(
            "RFC 6455 §4.1 and §4.2.1: Sec-WebSocket-Key is base64 of exactly 16 bytes and, by §11.3.1, appears "
            "once. Every row sends an invalid key and expects anything but 101 Switching Protocols."
        ),
        template=Template("Handshake With Invalid Key Must Not Switch Protocols", _HEADERS),
    ),
    Family(
        name="version",
        suite="handshake/upgrade_version.robot",
        title="Sec-WebSocket-Version",
        documentation=(
            "RFC 6455 §4.1, §4.2.1 and §4.4: the version must be 13, sent once; a server refusing a version "
            "must say which versions it understands in Sec-WebSocket-Version."
        ),
        template=Template("Handshake With Invalid Version Must Not Switch Protocols", _HEADERS),
        templates=(
            ("426 preferred", Template("Unsupported Version Must Be Refused With 426 Preferred", _HEADERS)),
            ("refused listing versions", Template("Version Refusal Must List Supported Versions", _HEADERS)),
            ("101 or refused listing versions",
             Template("Older Version Must Be Accepted Or Refused Listing Versions", _HEADERS)),
        ),
    ),
    Family(
        name="host",
        suite="handshake/host_and_http_version.robot",
        title="Host And HTTP Version",
        documentation=(
            "RFC 9112 §3.2: an HTTP/1.1 request without exactly one Host gets 400 Bad Request. RFC 6455 §4.1 "
            "and RFC 9110 §7.8: an upgrade in HTTP/1.0 is ignored."
        ),
        template=Template("Request Without Exactly One Host Must Get 400", _HEADERS),
        templates=(("not 101", Template("Upgrade In An Older HTTP Version Must Not Switch Protocols", ("version",))),),
    ),
    Family(
        name="response",
        suite="handshake/response_shape.robot",
        title="Response Shape",
        documentation=(
            "RFC 6455 §4.2.2, RFC 9110 §7.8, §8.6 and §15.2.2: the 101 answer to a correct handshake with a "
            "fresh random key carries the right Sec-WebSocket-Accept once, Upgrade: websocket, Connection: "
            "Upgrade, and no body framing."
        ),
        template=Template("Answer To A Correct Handshake Must Pass Check", ("check",)),
    ),
    Family(
        name="negotiation",
        suite="handshake/subprotocols_and_extensions.robot",
        title="Subprotocols And Extensions",
        documentation=(
            "RFC 6455 §4.2.2 and §9.1, RFC 7692 §7: a server selects at most one subprotocol and only one the "
            "client offered, accepts only extensions it implements, and declines invalid permessage-deflate offers."
        ),
        template=Template("Server Must Select Only An Offered Subprotocol", _HEADERS),
        templates=(
            ("no protocol selected", Template("Server Must Select No Subprotocol When None Is Offered", _HEADERS)),
            ("unknown extension refused", Template("Server Must Not Accept An Unknown Extension", _HEADERS)),
            ("deflate offer declined", Template("Server Must Decline An Invalid Deflate Offer", _HEADERS)),
        ),
    ),
    Family(
        name="security",
        suite="handshake/security.robot",
        title="Security",
        documentation=(
            "RFC 6455 §4.2.2, §10.2 and §10.5: a protected endpoint does not switch protocols for a handshake "
            "without its credentials, and a server that is not meant for every web page refuses a handshake "
            "from a foreign Origin (Cross-Site WebSocket Hijacking). The rows judge only a configured target: "
            "the credentials are those of WS_HEADERS, the foreign Origin is FOREIGN_ORIGIN, and ORIGIN_CHECK "
            "says whether refusing it is required."
        ),
        template=Template("Handshake From An Untrusted Origin Should Be Refused", ("origin",)),
        templates=(("refused without credentials",
                    Template("Handshake Without The Target's Credentials Must Be Refused", _HEADERS)),),
    ),
)


def _method_case(case_id: str, method: str, title: str, extra_tags: tuple[str, ...] = (), **recipe: object) -> Case:
    return Case(
        id=case_id,
        family="method",
        title=title,
        rfc=("RFC 6455 §4.1", "RFC 6455 §4.2.1"),
        level="MUST",
        recipe=Recipe(method=method, **recipe),  # type: ignore[arg-type]
        expect="not 101",
        says=_MUST_BE_GET,
        why=_WHY_METHOD,
        extra_tags=extra_tags,
    )


CASES: tuple[Case, ...] = (
    Case(
        id="COMP-UPGRADE-BASELINE",
        family="baseline",
        title="A correct GET handshake with a fresh key is accepted",
        rfc=("RFC 6455 §4.1", "RFC 6455 §4.2.2"),
        level="MUST",
        recipe=Recipe(fresh_key=True),
        expect="endpoint accepts handshake",
        says=(
            "RFC 6455 §4.2.2: a server that accepts the connection answers 101 Switching Protocols with "
            "Sec-WebSocket-Accept set to base64(SHA-1(key + 258EAFA5-E914-47DA-95CA-C5AB0DC85B11))."
        ),
        why=(
            "It shows the URL really is a WebSocket endpoint; without it a wrong path gives a green "
            "report, because a 404 refuses every bad handshake too."
        ),
        extra_tags=("positive",),
    ),
    _method_case("COMP-UPGRADE-POST", "POST", "A WebSocket upgrade sent with POST is not answered 101",
                 extra_tags=("http11probe",)),
    _method_case("COMP-UPGRADE-PUT", "PUT", "A WebSocket upgrade sent with PUT is not answered 101"),
    _method_case("COMP-UPGRADE-DELETE", "DELETE", "A WebSocket upgrade sent with DELETE is not answered 101"),
    _method_case("COMP-UPGRADE-PATCH", "PATCH", "A WebSocket upgrade sent with PATCH is not answered 101"),
    _method_case("COMP-UPGRADE-OPTIONS", "OPTIONS", "A WebSocket upgrade sent with OPTIONS is not answered 101"),
    _method_case("COMP-UPGRADE-TRACE", "TRACE", "A WebSocket upgrade sent with TRACE is not answered 101"),
    _method_case("COMP-UPGRADE-CONNECT", "CONNECT", "A WebSocket upgrade sent with the CONNECT token is not answered 101"),
    _method_case(
        "COMP-UPGRADE-LOWERCASE-GET", "get",
        "A WebSocket upgrade sent with lowercase get is not answered 101 (methods are case-sensitive, RFC 9110 §9.1)",
    ),
    _method_case("COMP-UPGRADE-UNKNOWN-METHOD", "FOO", "A WebSocket upgrade sent with an unknown method token is not answered 101"),
    _method_case(
        "COMP-UPGRADE-POST-CL0", "POST", "A WebSocket upgrade sent with POST and Content-Length: 0 is not answered 101",
        headers=(("Content-Length", "0"),),
    ),
    _method_case(
        "COMP-UPGRADE-POST-BODY", "POST", "A WebSocket upgrade sent with POST and a short body is not answered 101",
        headers=(("Content-Length", "5"),), body=b"hello",
    ),
    Case(
        id="COMP-METHOD-UNKNOWN-501",
        family="method",
        title="A WebSocket upgrade with an unknown method token is refused with 501 Not Implemented",
        rfc=("RFC 9110 §9.1", "RFC 6455 §4.2.1"),
        level="SHOULD",
        recipe=Recipe(method="FOO"),
        expect="501 preferred",
        says=(
            "RFC 9110 §9.1: an origin server that receives a request method that is unrecognized or not "
            "implemented SHOULD respond with 501 (Not Implemented); 405 is for a method it knows but does not "
            "allow on the resource. Switching protocols fails the case; any refusal but 501 is a warning."
        ),
        why=(
            "The status tells a client whether retrying elsewhere with the same method can ever work; a 405 "
            "for a method the server has never heard of claims knowledge it does not have."
        ),
    ),
)


def _b64(size: int) -> str:
    return base64.b64encode(bytes(range(size))).decode("ascii")


_UPGRADE_RULE = (
    "RFC 6455 §4.2.1: the request must have an Upgrade header whose value includes the \"websocket\" keyword "
    "and a Connection header that includes the \"Upgrade\" token, both matched ASCII case-insensitively. "
    "RFC 9110 §7.8: a server must not switch to a protocol the client did not name."
)
_WHY_TOKENS = (
    "A server that switches without both tokens can be driven into WebSocket mode by requests that proxies "
    "forward as plain HTTP; one that rejects valid spellings breaks real clients (Firefox sends "
    "Connection: keep-alive, Upgrade)."
)
_KEY_RULE = (
    "RFC 6455 §4.1: Sec-WebSocket-Key is a nonce of 16 random bytes, base64-encoded; §4.2.1: a handshake "
    "without a valid key must be refused; §11.3.1: the header must not appear more than once."
)
_WHY_KEY = (
    "The key proves the server read a WebSocket handshake; a server that accepts a missing or malformed key "
    "can be made to switch protocols by requests that are not WebSocket handshakes."
)
_VERSION_RULE = (
    "RFC 6455 §4.1: Sec-WebSocket-Version must be 13; §4.4: when the version is not understood, the server "
    "must abort the handshake with an error such as 426 Upgrade Required and a Sec-WebSocket-Version header "
    "listing the versions it understands; §11.3.5: the header must not appear more than once in a request."
)
_WHY_VERSION = (
    "Version negotiation is how a client learns it must retry with another version; a server that accepts "
    "versions it does not speak, or refuses without saying why, breaks that."
)
_RESPONSE_RULE = (
    "RFC 6455 §4.2.2: the 101 answer has Upgrade: websocket, Connection: Upgrade and one Sec-WebSocket-Accept "
    "equal to base64(SHA-1(key + 258EAFA5-E914-47DA-95CA-C5AB0DC85B11)); RFC 9110 §15.2.2: a 101 must name "
    "the new protocol in Upgrade; §8.6 and RFC 9112 §6.1: a 1xx answer has no Content-Length or "
    "Transfer-Encoding."
)
_WHY_RESPONSE = (
    "Clients must fail the connection on any of these faults (RFC 6455 §4.1), so a server that gets them wrong "
    "works with lenient clients and breaks with strict ones. A fresh random key catches servers that "
    "hard-code the RFC's sample answer."
)
_NEGOTIATION_RULE = (
    "RFC 6455 §4.2.2: the selected subprotocol must be one the client offered, at most one; §9.1: a server "
    "accepts only extensions it supports; RFC 7692 §7: a server must decline a permessage-deflate offer with "
    "an invalid parameter value, and §7.1.2.1 allows server_max_window_bits only from 8 to 15."
)
_WHY_NEGOTIATION = (
    "A client must fail the connection when the server selects something it did not offer, so such a "
    "server breaks every correct client; accepting an invalid compression offer corrupts the message stream."
)


def _case(case_id: str, family: str, title: str, rfc: tuple[str, ...], expect: str, says: str, why: str,
          headers: tuple[tuple[str, str | None], ...] = (), http_version: str = "HTTP/1.1",
          level: str = "MUST", extra_tags: tuple[str, ...] = ()) -> Case:
    return Case(
        id=case_id, family=family, title=title, rfc=rfc, level=level,
        recipe=Recipe(http_version=http_version, headers=headers, fresh_key=expect in _POSITIVE),
        expect=expect, says=says, why=why,
        extra_tags=(*extra_tags, "positive") if expect in _POSITIVE else extra_tags,
    )


_POSITIVE = {"accepted", "accept matches key", "one accept header", "upgrade websocket", "connection upgrade",
             "no body framing", "no protocol selected"}
_TOKENS = ("RFC 6455 §4.2.1", "RFC 9110 §7.8")
_KEY = ("RFC 6455 §4.1", "RFC 6455 §4.2.1")
_VERSION = ("RFC 6455 §4.2.1", "RFC 6455 §4.4")
_RESPONSE = ("RFC 6455 §4.2.2",)
_NEGOTIATION = ("RFC 6455 §4.2.2",)

CASES += (
    _case("COMP-UPGRADE-MISSING-UPGRADE", "tokens", "A handshake without an Upgrade header is not answered 101",
          _TOKENS, "not 101", _UPGRADE_RULE, _WHY_TOKENS, (("Upgrade", None),)),
    _case("COMP-UPGRADE-MISSING-CONN", "tokens", "Upgrade without Connection: Upgrade is not answered 101",
          _TOKENS, "not 101", _UPGRADE_RULE, _WHY_TOKENS, (("Connection", None),), extra_tags=("http11probe",)),
    _case("COMP-UPGRADE-UNKNOWN", "tokens", "An upgrade to an unknown protocol is not answered 101",
          _TOKENS, "not 101", _UPGRADE_RULE, _WHY_TOKENS,
          (("Upgrade", "totally-made-up/1.0"), ("Sec-WebSocket-Key", None), ("Sec-WebSocket-Version", None)),
          extra_tags=("http11probe",)),
    _case("COMP-UPGRADE-UNKNOWN-WITH-WS-HEADERS", "tokens",
          "An upgrade to an unknown protocol carrying every WebSocket header is not answered 101",
          _TOKENS, "not 101", _UPGRADE_RULE,
          "A server that sees a valid key and version may switch to WebSocket without reading Upgrade at all; "
          "the client asked for another protocol, so it would be talking WebSocket to a peer that is not.",
          (("Upgrade", "totally-made-up/1.0"),)),
    _case("COMP-UPGRADE-H2C", "tokens", "Upgrade: h2c with WebSocket headers is not answered 101",
          _TOKENS, "not 101", _UPGRADE_RULE, _WHY_TOKENS, (("Upgrade", "h2c"),)),
    _case("COMP-UPGRADE-CONN-KEEPALIVE", "tokens", "Connection: keep-alive without the Upgrade token is not answered 101",
          _TOKENS, "not 101", _UPGRADE_RULE, _WHY_TOKENS, (("Connection", "keep-alive"),)),
    _case("COMP-UPGRADE-MIXED-CASE", "tokens", "Upgrade: WebSocket in mixed case is accepted",
          _TOKENS, "accepted", _UPGRADE_RULE, _WHY_TOKENS, (("Upgrade", "WebSocket"),)),
    _case("COMP-UPGRADE-CONN-LIST", "tokens", "Connection: keep-alive, Upgrade as a token list is accepted",
          _TOKENS, "accepted", _UPGRADE_RULE, _WHY_TOKENS, (("Connection", "keep-alive, Upgrade"),)),
    _case("COMP-UPGRADE-CONN-LOWERCASE", "tokens", "Connection: upgrade in lowercase is accepted",
          _TOKENS, "accepted", _UPGRADE_RULE, _WHY_TOKENS, (("Connection", "upgrade"),)),
    _case("COMP-UPGRADE-LOWERCASE-NAMES", "tokens", "A handshake with lowercase header names (Host aside) is accepted",
          ("RFC 6455 §4.2.1", "RFC 9110 §5.1"), "accepted", _UPGRADE_RULE + " RFC 9110 §5.1: field names are "
          "case-insensitive.", _WHY_TOKENS,
          (("connection", "Upgrade"), ("upgrade", "websocket"), ("sec-websocket-version", "13"))),
    _case("COMP-KEY-MISSING", "key", "A handshake without Sec-WebSocket-Key is not answered 101",
          _KEY, "not 101", _KEY_RULE, _WHY_KEY, (("Sec-WebSocket-Key", None),)),
    _case("COMP-KEY-EMPTY", "key", "An empty Sec-WebSocket-Key is not answered 101",
          _KEY, "not 101", _KEY_RULE, _WHY_KEY, (("Sec-WebSocket-Key", ""),)),
    _case("COMP-KEY-NOT-BASE64", "key", "A Sec-WebSocket-Key that is not base64 is not answered 101",
          _KEY, "not 101", _KEY_RULE, _WHY_KEY, (("Sec-WebSocket-Key", "not base64 at all!"),)),
    _case("COMP-KEY-15-BYTES", "key", "A Sec-WebSocket-Key of 15 bytes is not answered 101",
          _KEY, "not 101", _KEY_RULE, _WHY_KEY, (("Sec-WebSocket-Key", _b64(15)),)),
    _case("COMP-KEY-17-BYTES", "key", "A Sec-WebSocket-Key of 17 bytes is not answered 101",
          _KEY, "not 101", _KEY_RULE, _WHY_KEY, (("Sec-WebSocket-Key", _b64(17)),)),
    _case("COMP-KEY-DUPLICATE", "key", "Two Sec-WebSocket-Key headers are not answered 101",
          (*_KEY, "RFC 6455 §11.3.1"), "not 101", _KEY_RULE, _WHY_KEY,
          (("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="), ("Sec-WebSocket-Key", "AAECAwQFBgcICQoLDA0ODw=="))),
    _case("COMP-UPGRADE-INVALID-VER", "version", "Sec-WebSocket-Version: 99 is not answered 101 (426 preferred)",
          _VERSION, "426 preferred", _VERSION_RULE, _WHY_VERSION, (("Sec-WebSocket-Version", "99"),),
          extra_tags=("http11probe",)),
    _case("COMP-VERSION-REFUSAL-LISTS-SUPPORTED", "version",
          "A refused version is answered with Sec-WebSocket-Version listing the supported versions",
          ("RFC 6455 §4.4",), "refused listing versions", _VERSION_RULE, _WHY_VERSION,
          (("Sec-WebSocket-Version", "99"),)),
    _case("COMP-VERSION-8", "version", "Version 8 (an old draft) is accepted or refused with the supported versions",
          ("RFC 6455 §4.4",), "101 or refused listing versions", _VERSION_RULE, _WHY_VERSION,
          (("Sec-WebSocket-Version", "8"),)),
    _case("COMP-VERSION-MISSING", "version", "A handshake without Sec-WebSocket-Version is not answered 101",
          _VERSION, "not 101", _VERSION_RULE, _WHY_VERSION, (("Sec-WebSocket-Version", None),)),
    _case("COMP-VERSION-NON-NUMERIC", "version", "A non-numeric Sec-WebSocket-Version is not answered 101",
          _VERSION, "not 101", _VERSION_RULE, _WHY_VERSION, (("Sec-WebSocket-Version", "thirteen"),)),
    _case("COMP-VERSION-DUPLICATE", "version", "Two Sec-WebSocket-Version headers with different values are not answered 101",
          (*_VERSION, "RFC 6455 §11.3.5"), "not 101", _VERSION_RULE, _WHY_VERSION,
          (("Sec-WebSocket-Version", "13"), ("Sec-WebSocket-Version", "8"))),
    _case("COMP-HOST-MISSING", "host", "A handshake without Host is answered 400",
          ("RFC 9112 §3.2", "RFC 6455 §4.1"), "400",
          "RFC 9112 §3.2: a server must answer 400 (Bad Request) to an HTTP/1.1 request that lacks a Host header; "
          "RFC 6455 §4.1: the handshake must contain Host.",
          "Host decides which site a request is for; a server guessing it is open to routing and cache confusion.",
          (("Host", None),)),
    _case("COMP-HOST-DUPLICATE", "host", "A handshake with two Host headers is answered 400",
          ("RFC 9112 §3.2",), "400",
          "RFC 9112 §3.2: a server must answer 400 (Bad Request) to a request with more than one Host header line.",
          "Two Host values let a proxy and the server disagree about the target, a classic request-smuggling lever.",
          (("Host", "localhost"), ("Host", "localhost"))),
    _case("COMP-UPGRADE-HTTP10", "host", "An upgrade sent in HTTP/1.0 is not answered 101",
          ("RFC 6455 §4.1", "RFC 9110 §7.8"), "not 101",
          'RFC 6455 §4.1: "the HTTP version MUST be at least 1.1"; RFC 9110 §7.8: a server must ignore an Upgrade '
          "header received in an HTTP/1.0 request.",
          "HTTP/1.0 intermediaries do not understand Upgrade; switching on such a request desynchronises them.",
          http_version="HTTP/1.0", extra_tags=("http11probe",)),
    _case("COMP-RESPONSE-ACCEPT-MATCHES", "response", "Sec-WebSocket-Accept is computed from a fresh key",
          _RESPONSE, "accept matches key", _RESPONSE_RULE, _WHY_RESPONSE),
    _case("COMP-RESPONSE-ACCEPT-SINGLE", "response", "The 101 answer has exactly one Sec-WebSocket-Accept",
          (*_RESPONSE, "RFC 6455 §11.3.3"), "one accept header", _RESPONSE_RULE, _WHY_RESPONSE),
    _case("COMP-RESPONSE-UPGRADE-HEADER", "response", "The 101 answer has Upgrade: websocket",
          (*_RESPONSE, "RFC 9110 §7.8", "RFC 9110 §15.2.2"), "upgrade websocket", _RESPONSE_RULE, _WHY_RESPONSE),
    _case("COMP-RESPONSE-CONNECTION-HEADER", "response", "The 101 answer has Connection: Upgrade",
          _RESPONSE, "connection upgrade", _RESPONSE_RULE, _WHY_RESPONSE),
    _case("COMP-RESPONSE-NO-BODY-FRAMING", "response", "The 101 answer has no Content-Length or Transfer-Encoding",
          ("RFC 9110 §8.6", "RFC 9112 §6.1"), "no body framing", _RESPONSE_RULE, _WHY_RESPONSE, level="MUST NOT"),
    _case("COMP-PROTOCOL-NONE-OFFERED", "negotiation", "With no subprotocol offered, the 101 selects none",
          _NEGOTIATION, "no protocol selected", _NEGOTIATION_RULE, _WHY_NEGOTIATION,
          (("Sec-WebSocket-Protocol", None),)),
    _case("COMP-PROTOCOL-UNKNOWN-OFFERED", "negotiation", "With an unknown subprotocol offered, none other is selected",
          _NEGOTIATION, "only an offered protocol", _NEGOTIATION_RULE, _WHY_NEGOTIATION,
          (("Sec-WebSocket-Protocol", "x-unknown-protocol.example"),)),
    _case("COMP-PROTOCOL-TWO-OFFERED", "negotiation", "With two subprotocols offered, at most one of them is selected",
          _NEGOTIATION, "only an offered protocol", _NEGOTIATION_RULE, _WHY_NEGOTIATION,
          (("Sec-WebSocket-Protocol", "x-first.example, x-second.example"),)),
    _case("COMP-EXTENSION-UNKNOWN-OFFERED", "negotiation", "An unknown extension offered is not accepted",
          ("RFC 6455 §9.1",), "unknown extension refused", _NEGOTIATION_RULE, _WHY_NEGOTIATION,
          (("Sec-WebSocket-Extensions", "x-made-up-ext"),)),
    _case("COMP-EXTENSION-DEFLATE-BAD-PARAM", "negotiation",
          "A permessage-deflate offer with server_max_window_bits=7 is declined",
          ("RFC 7692 §7", "RFC 7692 §7.1.2.1"), "deflate offer declined", _NEGOTIATION_RULE, _WHY_NEGOTIATION,
          (("Sec-WebSocket-Extensions", "permessage-deflate; server_max_window_bits=7"),)),
)


_ORIGIN_RULE = (
    "RFC 6455 §4.2.2: a server may check the Origin header and, if it does not accept the origin, answer with an "
    "HTTP error such as 403 Forbidden; §10.2: servers that are not meant to serve every web page should check "
    "it, because a browser sends the page's origin with every WebSocket it opens. Accepting a foreign origin is "
    "a warning, a failure when ORIGIN_CHECK is required."
)
_WHY_ORIGIN = (
    "Browsers send cookies with a WebSocket handshake from any page; a server that accepts any Origin lets a "
    "page on another site open the victim's authenticated connection and read its messages (Cross-Site "
    "WebSocket Hijacking)."
)
_SECURITY = ("RFC 6455 §4.2.2", "RFC 6455 §10.2")

CASES += (
    Case(
        id="COMP-AUTH-WITHOUT-CREDENTIALS", family="security",
        title="A correct handshake without the target's credentials is not answered 101",
        rfc=("RFC 6455 §4.2.2", "RFC 6455 §10.5"), level="MUST", expect="refused without credentials",
        recipe=Recipe(headers=(("Authorization", None), ("Cookie", None)), fresh_key=True),
        says=(
            "RFC 6455 §10.5: a server may authenticate the client with any mechanism an HTTP server can use, such "
            "as cookies or HTTP authentication; §4.2.2: a server that does not accept the handshake answers with "
            "an HTTP error. The case sends the correct handshake with the target's settings but without its "
            "Authorization and Cookie headers; it is not applicable when WS_HEADERS carries neither."
        ),
        why=(
            "An endpoint that asks for credentials only on some paths, or checks them after switching protocols, "
            "gives its messages to anyone who can reach it."
        ),

    ),
    Case(
        id="COMP-ORIGIN-FOREIGN", family="security",
        title="A correct handshake from a foreign Origin is refused with 403",
        rfc=_SECURITY, level="SHOULD", expect="untrusted origin refused",
        recipe=Recipe(headers=(("Origin", "https://attacker.invalid"),), fresh_key=True),
        cells=(("origin", "foreign"),), says=_ORIGIN_RULE + " The foreign origin is FOREIGN_ORIGIN "
        "(https://attacker.invalid unless set).", why=_WHY_ORIGIN,
    ),
    Case(
        id="COMP-ORIGIN-NULL", family="security",
        title="A correct handshake from Origin: null is refused with 403",
        rfc=_SECURITY, level="SHOULD", expect="untrusted origin refused",
        recipe=Recipe(headers=(("Origin", "null"),), fresh_key=True), cells=(("origin", "null"),),
        says=_ORIGIN_RULE + " Browsers send Origin: null from sandboxed frames and "
        "file: pages, which any attacker can make.", why=_WHY_ORIGIN,
    ),
)
