"""The cases of WebSockets over HTTP/2 (RFC 8441, RFC 9113), as data.

One family, one suite: ``suites/http2/extended_connect.robot``, its templates
in ``resources/http2/extended_connect.resource``. Each case names its RFC
sections, level, what it sends (the changes it makes to a correct extended
CONNECT, the row's HEADERS cell, or the WebSocket message it sends over the
stream) and the rule that judges the answer (by name, from
:mod:`WsComplianceLibrary.judges.http2`, whose assertion keyword a row of
the correct request names in its ``check`` cell).
"""

from __future__ import annotations

from .model import Case, Family, Template, _headers_cell

__all__ = ["CASES", "FAMILIES"]

# Template keywords of resources/http2/extended_connect.resource, by the rule they check, with their arguments.
_CHECK = Template("Answer To A Correct Extended Connect Must Pass Check", ("check",))
_TEMPLATES = {
    "advertises extended connect": _CHECK,
    "extended connect accepted": _CHECK,
    "stream refused": Template("Malformed Or Unsupported Extended Connect Must Be Refused", ("headers",)),
    "only an offered subprotocol": Template("Extended Connect Must Select Only An Offered Subprotocol", ("headers",)),
    "unknown extension not accepted": Template("Extended Connect Must Not Accept An Unknown Extension", ("headers",)),
    "text echoed": Template("Text Message Must Come Back Over The HTTP/2 Stream", ("text",)),
    "ping answered": Template("Ping Must Get Pong Over The HTTP/2 Stream", ("payload",)),
    "close answered": Template("Close Must Be Answered Over The HTTP/2 Stream", ("reason",)),
}

FAMILIES: tuple[Family, ...] = (
    Family(
        name="extended_connect",
        suite="http2/extended_connect.robot",
        title="Extended CONNECT",
        documentation=(
            "RFC 8441: browsers and proxies open WebSockets over HTTP/2 with an extended CONNECT (:method CONNECT, "
            ":protocol websocket) on a server whose SETTINGS carry SETTINGS_ENABLE_CONNECT_PROTOCOL = 1. A correct "
            "request gets 200, never 101; malformed requests (RFC 9113 §8.1.1) and unsupported ones are refused "
            "with a stream error or a 4xx; once open, the stream carries WebSocket frames both ways. A target that "
            "does not speak HTTP/2 makes every case not applicable."
        ),
        template=_TEMPLATES["stream refused"],
        templates=tuple((rule, template) for rule, template in _TEMPLATES.items() if rule != "stream refused"),
        setup="Open HTTP/2 Compliance Target",
        teardown="Close HTTP/2 Compliance Target",
    ),
)

_SETTING = (
    'RFC 8441 §3: "Upon receipt of SETTINGS_ENABLE_CONNECT_PROTOCOL with a value of 1, a client MAY use the '
    'Extended CONNECT"; without it a client must not send :protocol, since a server that does not support it '
    "treats the request as malformed."
)
_WHY_SETTING = (
    "Browsers open a WebSocket over an existing HTTP/2 connection only when the server advertised the setting; a "
    "server that supports RFC 8441 but does not say so gets every WebSocket on a separate HTTP/1.1 connection."
)
_ACCEPT = (
    "RFC 8441 §5: the server accepts a WebSocket by answering the extended CONNECT with a 2xx, and the stream "
    'becomes the tunnel; RFC 9113 §8.6: "HTTP/2 removes support for the 101 (Switching Protocols) '
    'informational status code".'
)
_WHY_ACCEPT = (
    "It shows the URL really is a WebSocket-over-HTTP/2 endpoint, so the refusals below mean something; a 101 "
    "is a malformed answer every HTTP/2 client must reject."
)
_MALFORMED = (
    'RFC 8441 §4: "On requests that contain the :protocol pseudo-header field, the :scheme and :path '
    'pseudo-header fields of the target URI MUST also be included"; RFC 9113 §8.1.1: a malformed request is '
    "treated as a stream error of type PROTOCOL_ERROR."
)
_WHY_MALFORMED = (
    "A server that opens a tunnel for a request it cannot route by scheme and path lets intermediaries and the "
    "origin disagree about what was requested, and shows it does not check the request."
)
_PROTOCOL = (
    'RFC 8441 §4: :protocol names "the desired protocol to be spoken on the tunnel created by CONNECT"; §5: it '
    '"MUST have a value of websocket to initiate a WebSocket connection". A server must not open a WebSocket '
    "for a request that named another protocol."
)
_WHY_PROTOCOL = (
    "A client asking for another protocol would get WebSocket frames it cannot read; a server that ignores "
    ":protocol cannot serve two protocols on one path safely."
)
_VERSION = (
    "RFC 8441 §5: the WebSocket handshake fields keep their RFC 6455 meaning over HTTP/2; RFC 6455 §4.1, §4.2.1: "
    "Sec-WebSocket-Version must be 13, and §4.4: a server that does not understand the version refuses the "
    "handshake."
)
_WHY_VERSION = (
    "Version negotiation is how a client learns it must retry with another version; a server that accepts a "
    "missing or unknown version speaks a protocol the client may not."
)
_NOT_CONNECT = (
    "RFC 8441 §4 defines :protocol for the CONNECT method only; RFC 9113 §8.3: requests with undefined or "
    "invalid pseudo-header fields are malformed, and §8.1.1: a malformed request is a stream error of type "
    "PROTOCOL_ERROR."
)
_WHY_NOT_CONNECT = (
    "A server that opens a WebSocket on a GET with :protocol can be driven into a tunnel by requests that caches "
    "and proxies treat as plain, cacheable GETs."
)
_H1_UPGRADE = (
    "RFC 9113 §8.2.2: a message with connection-specific fields (Connection, Upgrade) MUST be treated as "
    "malformed; §8.6: HTTP/2 has no 101 (Switching Protocols). The HTTP/1.1 upgrade does not exist in HTTP/2."
)
_WHY_H1_UPGRADE = (
    "A server that switches on an HTTP/1.1-style upgrade inside an HTTP/2 stream lets requests smuggled through "
    "HTTP/2-to-HTTP/1.1 gateways take over the connection."
)
_NEGOTIATION = (
    "RFC 8441 §5: Sec-WebSocket-Protocol and Sec-WebSocket-Extensions work as in RFC 6455; RFC 6455 §4.2.2: the "
    "selected subprotocol is one the client offered, at most one; §9.1: a server accepts only extensions it "
    "supports."
)
_WHY_NEGOTIATION = (
    "A client must fail the connection when the server selects something it did not offer, so such a server "
    "breaks every correct client."
)


def _case(case_id: str, title: str, rfc: tuple[str, ...], expect: str, says: str, why: str,
          headers: tuple[tuple[str, str | None], ...] = (), extra_tags: tuple[str, ...] = (),
          level: str = "MUST", **cells: str) -> Case:
    """A case; ``headers`` change the correct extended CONNECT, ``cells`` are the other arguments of its template."""
    if headers:
        cells["headers"] = _headers_cell(headers)
    return Case(
        id=case_id, family="extended_connect", title=title, rfc=rfc, level=level, recipe=None, expect=expect,
        says=says, why=why, extra_tags=("rfc8441", *extra_tags), cells=tuple(cells.items()),
    )


CASES: tuple[Case, ...] = (
    _case("COMP-H2-SETTINGS-ENABLE-CONNECT", "The server advertises SETTINGS_ENABLE_CONNECT_PROTOCOL = 1",
          ("RFC 8441 §3",), "advertises extended connect", _SETTING, _WHY_SETTING),
    _case("COMP-H2-EXTENDED-CONNECT-ACCEPTED", "A correct extended CONNECT for websocket is answered 200, never 101",
          ("RFC 8441 §4", "RFC 8441 §5", "RFC 9113 §8.6"), "extended connect accepted", _ACCEPT, _WHY_ACCEPT,
          extra_tags=("positive",)),
    _case("COMP-H2-CONNECT-WITHOUT-SCHEME", "An extended CONNECT without :scheme is refused",
          ("RFC 8441 §4", "RFC 9113 §8.1.1"), "stream refused", _MALFORMED, _WHY_MALFORMED, ((":scheme", None),)),
    _case("COMP-H2-CONNECT-WITHOUT-PATH", "An extended CONNECT without :path is refused",
          ("RFC 8441 §4", "RFC 9113 §8.1.1"), "stream refused", _MALFORMED, _WHY_MALFORMED, ((":path", None),)),
    _case("COMP-H2-UNKNOWN-PROTOCOL", "An extended CONNECT for an unknown :protocol is refused",
          ("RFC 8441 §4", "RFC 8441 §5"), "stream refused", _PROTOCOL, _WHY_PROTOCOL,
          ((":protocol", "x-unknown-protocol.example"),)),
    _case("COMP-H2-VERSION-MISSING", "An extended CONNECT without sec-websocket-version is refused",
          ("RFC 8441 §5", "RFC 6455 §4.2.1"), "stream refused", _VERSION, _WHY_VERSION,
          (("sec-websocket-version", None),)),
    _case("COMP-H2-VERSION-WRONG", "An extended CONNECT with sec-websocket-version: 8 is refused",
          ("RFC 8441 §5", "RFC 6455 §4.2.1", "RFC 6455 §4.4"), "stream refused", _VERSION, _WHY_VERSION,
          (("sec-websocket-version", "8"),)),
    _case("COMP-H2-PROTOCOL-ON-GET", ":protocol on a GET is refused, never answered 200",
          ("RFC 8441 §4", "RFC 9113 §8.3"), "stream refused", _NOT_CONNECT, _WHY_NOT_CONNECT, ((":method", "GET"),)),
    _case("COMP-H2-HTTP1-STYLE-UPGRADE", "A GET with upgrade: websocket and connection: upgrade is malformed, never switched",
          ("RFC 9113 §8.2.2", "RFC 9113 §8.6"), "stream refused", _H1_UPGRADE, _WHY_H1_UPGRADE,
          ((":method", "GET"), (":protocol", None), ("connection", "upgrade"), ("upgrade", "websocket"))),
    _case("COMP-H2-PROTOCOL-UNKNOWN-OFFERED", "With an unknown subprotocol offered, none other is selected",
          ("RFC 8441 §5", "RFC 6455 §4.2.2"), "only an offered subprotocol", _NEGOTIATION, _WHY_NEGOTIATION,
          (("sec-websocket-protocol", "x-unknown-protocol.example"),), ("positive",)),
    _case("COMP-H2-PROTOCOL-TWO-OFFERED", "With two subprotocols offered, at most one of them is selected",
          ("RFC 8441 §5", "RFC 6455 §4.2.2"), "only an offered subprotocol", _NEGOTIATION, _WHY_NEGOTIATION,
          (("sec-websocket-protocol", "chat, x-second.example"),), ("positive",)),
    _case("COMP-H2-EXTENSION-UNKNOWN-OFFERED", "An unknown extension offered is not accepted",
          ("RFC 8441 §5", "RFC 6455 §9.1"), "unknown extension not accepted", _NEGOTIATION, _WHY_NEGOTIATION,
          (("sec-websocket-extensions", "x-made-up-ext"),), ("positive",)),
)

_TUNNEL = (
    "RFC 8441 §5: once the server answers 200, the stream's DATA frames carry the WebSocket frames of RFC 6455 §5 "
    "both ways, client frames masked as over HTTP/1.1."
)
_PING = ('RFC 6455 §5.5.2: "Upon receipt of a Ping frame, an endpoint MUST send a Pong frame in response", with the '
         "same application data; over HTTP/2 that Pong travels in DATA frames on the same stream (RFC 8441 §5).")
_CLOSE = ('RFC 6455 §5.5.1: "If an endpoint receives a Close frame and did not previously send a Close frame, the '
          'endpoint MUST send a Close frame in response"; over HTTP/2 it travels in DATA frames (RFC 8441 §5).')
_WHY_TUNNEL = (
    "An endpoint that accepts the extended CONNECT but does not carry frames on the stream, or drops control frames, "
    "leaves browsers with a WebSocket that opens and then hangs."
)

CASES += (
    _case("COMP-H2-WS-TEXT-ECHO", "A text message sent over the HTTP/2 stream comes back from an echo endpoint",
          ("RFC 8441 §5", "RFC 6455 §5.6"), "text echoed", _TUNNEL + " The case needs an endpoint that echoes, like "
          "the embedded reference server; at another endpoint its failure says only that it does not echo.",
          _WHY_TUNNEL, extra_tags=("positive", "echo"), level="MAY", text="Hello over HTTP/2"),
    _case("COMP-H2-WS-PING-PONG", "A Ping sent over the HTTP/2 stream gets a Pong with the same data",
          ("RFC 8441 §5", "RFC 6455 §5.5.2"), "ping answered", _PING, _WHY_TUNNEL, extra_tags=("positive",),
          payload="are you there"),
    _case("COMP-H2-WS-CLOSE", "A Close frame sent over the HTTP/2 stream is answered with a Close frame",
          ("RFC 8441 §5", "RFC 6455 §5.5.1"), "close answered", _CLOSE, _WHY_TUNNEL, extra_tags=("positive",),
          reason="done"),
)
