"""The client cases: the library plays the server and judges the WebSocket client under test, as data.

Two families of our own: ``handshake`` (RFC 6455 §4.1, what a client must
refuse in a server's answer, and what it must accept) and ``client_rules``
(the client's masking and keys, and a masked frame from the server, which
Autobahn|Testsuite never sends). Then Autobahn's sections 1-7 and 10 (9 too,
tagged slow) played to the client: the frame catalogue's cases and
templates, not a copy of them, with the roles swapped. Our frames go out
unmasked, the client's are checked by the rules a server applies, and
the close after each case is ours (§7.1.1: the server closes TCP first).
The same verdict rules hold: a client failing the connection for a bad
frame may send its Close (1002, or 1007 for UTF-8) or drop TCP; an empty
Close answers a close-code check; in 7.x a wrong code fails.

Section 9 moves up to 16 MiB per case and is tagged slow, as on the server
side. The frame catalogue's own RFC cases (unmasked client frames and the
like) are server rules and are not played; COMP-CLIENT-MASKED-SERVER-FRAME
is their mirror.
"""

from __future__ import annotations

from dataclasses import replace

from . import frames
from .model import Case, Family, Template

__all__ = ["CASES", "FAMILIES"]

_SETUP = "Open Client Under Test"
_TEARDOWN = "Close Client Under Test"


def _template(keyword: str, required: str = "", optional: str = "") -> Template:
    return Template(keyword, tuple(required.split()), tuple(optional.split()))


_T = {
    "refuses": _template("Client Must Refuse The Answer", "status", "headers accept"),
    "refuses unoffered": _template("Client Must Refuse What It Did Not Offer", "header value", "offered"),
    "opens": _template("Client Must Open The Connection", "status", "headers accept then_text"),
    "records no subprotocol": _template("Client Answer Without A Subprotocol Is Recorded", "header"),
    "masks": _template("Client Frames Must Be Masked With Fresh Keys", "count"),
    "fresh key": _template("Client Must Send A Fresh Key Per Connection", "connections"),
    "masked server frame fails": _template("Masked Frame From The Server Must Fail The Connection",
                                           "type payload"),
}


def _cells(values: dict[str, str | None]) -> tuple[tuple[str, str], ...]:
    return tuple((name.replace("_", " "), value) for name, value in values.items() if value is not None)


def _case(case_id: str, family: str, title: str, rfc: tuple[str, ...], level: str, rule: str, says: str, why: str,
          **cells: str | None) -> Case:
    return Case(id=f"COMP-CLIENT-{case_id}", family=family, title=title, rfc=rfc, level=level, recipe=None,
                expect=rule, says=says, why=why, extra_tags=("client",), cells=_cells(cells))


_SWITCHING = "101 Switching Protocols"
_HS = ("RFC 6455 §4.1",)
_MUST_FAIL = (
    'RFC 6455 §4.1: "If the status code received from the server is not 101, the client handles the response per '
    'HTTP procedures"; "If the response lacks an |Upgrade| header field or the |Upgrade| header field contains a '
    'value that is not an ASCII case-insensitive match for the value "websocket", the client MUST _Fail the '
    'WebSocket Connection_"; the same holds for a |Connection| header field without the token "Upgrade", and for '
    'a |Sec-WebSocket-Accept| that is missing or is not the base64 SHA-1 of the key and the GUID (§1.3), '
    'compared exactly.'
)
_WHY_MUST_FAIL = (
    "The accept value proves the server read this client's handshake as WebSocket: a client that skips the checks "
    "can be fooled by a cache, a proxy or a plain HTTP server into reading their bytes as frames."
)
_UNOFFERED = (
    'RFC 6455 §4.1: "If the response includes a |Sec-WebSocket-Extensions| header field and this header field '
    'indicates the use of an extension that was not present in the client\'s handshake ..., the client MUST _Fail '
    'the WebSocket Connection_"; likewise for a |Sec-WebSocket-Protocol| "that was not present in the client\'s '
    'handshake".'
)
_WHY_UNOFFERED = (
    "A client that takes an extension or subprotocol it never offered reads frames (compressed, or in another "
    "application protocol) it cannot understand."
)
_MUST_OPEN = (
    "RFC 6455 §4.1: header field names and the Upgrade value compare case-insensitively, Connection is a list of "
    "tokens (RFC 9110 §7.6.1), the reason phrase carries no meaning and unknown header fields are ignored; "
    "white space around a field value is not part of it (RFC 9110 §5.5). Frames may follow the 101 at once "
    "(§4.1: after the handshake \"the client ... MUST be prepared to receive data\")."
)
_WHY_MUST_OPEN = (
    "Servers, proxies and load balancers spell valid answers in all these ways; a client that insists on one "
    "spelling fails against them in production."
)
_MASKING = (
    'RFC 6455 §5.3: "The masking key is a 32-bit value chosen at random by the client. When sending a client-to-'
    'server frame, the client MUST pick a fresh masking key from the set of allowed 32-bit values. The masking '
    'key needs to be unpredictable"; §5.1: "a client MUST mask all frames that it sends to the server".'
)
_WHY_MASKING = (
    "Masking with unpredictable keys is what stops a script from putting chosen bytes on the wire to poison "
    "intermediaries' caches (§10.3); a constant or zero key gives that protection away."
)
_KEY = (
    'RFC 6455 §4.1: "The request MUST include a header field with the name |Sec-WebSocket-Key|. The value of this '
    'header field MUST be a nonce consisting of a randomly selected 16-byte value that has been base64-encoded '
    '... The nonce MUST be selected randomly for each connection."'
)
_WHY_KEY = "A repeated or guessable key lets a cached or replayed answer pass for a fresh one."
_MASKED_SERVER = (
    'RFC 6455 §5.1: "A server MUST NOT mask any frames that it sends to the client. A client MUST close a '
    'connection if it detects a masked frame."'
)
_WHY_MASKED_SERVER = (
    "A client that accepts masked frames hides a broken or spoofed server; Autobahn|Testsuite never sends one, so "
    "this is the case its client reports lack."
)

_REFUSE = "refuses"
HANDSHAKE = (
    _case("HS-STATUS-200", "handshake", "A 200 OK answer (with an empty body) does not open the connection", _HS,
          "MUST", _REFUSE, _MUST_FAIL, _WHY_MUST_FAIL, status="200 OK", headers='{"Content-Length": "0"}'),
    _case("HS-NO-UPGRADE", "handshake", "A 101 without an Upgrade header field is refused", _HS, "MUST", _REFUSE,
          _MUST_FAIL, _WHY_MUST_FAIL, status=_SWITCHING, headers='{"Upgrade": None}'),
    _case("HS-UPGRADE-OTHER", "handshake", "A 101 upgrading to another protocol (h2c) is refused", _HS, "MUST",
          _REFUSE, _MUST_FAIL, _WHY_MUST_FAIL, status=_SWITCHING, headers='{"Upgrade": "h2c"}'),
    _case("HS-NO-CONNECTION", "handshake", "A 101 without a Connection header field is refused", _HS, "MUST",
          _REFUSE, _MUST_FAIL, _WHY_MUST_FAIL, status=_SWITCHING, headers='{"Connection": None}'),
    _case("HS-CONNECTION-WITHOUT-UPGRADE", "handshake", "A 101 whose Connection lacks the Upgrade token is refused",
          _HS, "MUST", _REFUSE, _MUST_FAIL, _WHY_MUST_FAIL, status=_SWITCHING,
          headers='{"Connection": "keep-alive"}'),
    _case("HS-ACCEPT-WRONG", "handshake", "A 101 with the accept value of another key is refused", _HS, "MUST",
          _REFUSE, _MUST_FAIL, _WHY_MUST_FAIL, status=_SWITCHING, accept="wrong"),
    _case("HS-ACCEPT-CASE", "handshake", "A 101 with the accept value in swapped letter case is refused (base64 is "
          "case-sensitive)", _HS, "MUST", _REFUSE, _MUST_FAIL, _WHY_MUST_FAIL, status=_SWITCHING,
          accept="swapped case"),
    _case("HS-ACCEPT-MISSING", "handshake", "A 101 without Sec-WebSocket-Accept is refused", _HS, "MUST", _REFUSE,
          _MUST_FAIL, _WHY_MUST_FAIL, status=_SWITCHING, accept="missing"),
    _case("HS-UNOFFERED-EXTENSION", "handshake", "A 101 selecting an extension the client did not offer is refused",
          _HS, "MUST", "refuses unoffered", _UNOFFERED, _WHY_UNOFFERED, header="Sec-WebSocket-Extensions",
          value="x-wscompliance-unknown"),
    _case("HS-UNOFFERED-DEFLATE", "handshake", "A 101 selecting permessage-deflate, which the client did not offer, "
          "is refused", ("RFC 6455 §4.1", "RFC 7692 §5"), "MUST", "refuses unoffered", _UNOFFERED, _WHY_UNOFFERED,
          header="Sec-WebSocket-Extensions", value="permessage-deflate"),
    _case("HS-UNOFFERED-SUBPROTOCOL", "handshake", "A 101 selecting a subprotocol when the client offered none is "
          "refused", _HS, "MUST", "refuses unoffered", _UNOFFERED, _WHY_UNOFFERED, header="Sec-WebSocket-Protocol",
          value="x-wscompliance-chat"),
    _case("HS-OTHER-SUBPROTOCOL", "handshake", "A 101 selecting a subprotocol other than those offered is refused",
          _HS, "MUST", "refuses unoffered", _UNOFFERED, _WHY_UNOFFERED, header="Sec-WebSocket-Protocol",
          value="x-wscompliance-other", offered="True"),
    _case("HS-VALID-CASE", "handshake", "A 101 spelling names and the Upgrade value in other letter cases opens the "
          "connection", _HS, "MUST", "opens", _MUST_OPEN, _WHY_MUST_OPEN, status=_SWITCHING,
          headers='{"upgrade": "WebSocket", "connection": "UPGRADE"}'),
    _case("HS-VALID-CONNECTION-LIST", "handshake", "A 101 with Connection: keep-alive, Upgrade opens the connection",
          _HS, "MUST", "opens", _MUST_OPEN, _WHY_MUST_OPEN, status=_SWITCHING,
          headers='{"Connection": "keep-alive, Upgrade"}'),
    _case("HS-VALID-MISC", "handshake", "A 101 with another reason phrase, an extra header field and spaces around "
          "the accept value opens the connection", _HS, "MUST", "opens", _MUST_OPEN, _WHY_MUST_OPEN,
          status="101 Web Socket Protocol Handshake", headers='{"X-Powered-By": "wscompliance"}', accept="padded"),
    _case("HS-FRAME-WITH-101", "handshake", "A text message in the same TCP segment as the 101 is read and echoed",
          _HS + ("RFC 6455 §5.6",), "MUST", "opens", _MUST_OPEN, _WHY_MUST_OPEN, status=_SWITCHING,
          then_text="Hello from the first segment"),
)

_NO_SUBPROTOCOL = (
    'RFC 6455 §4.2.2: a server that does not wish to agree to one of the subprotocols the client offered "MUST '
    "NOT send back a |Sec-WebSocket-Protocol| header field\"; §4.1 has the client fail only on a subprotocol it "
    "did not offer. Browsers (the WHATWG WebSocket standard) fail the connection anyway; either is recorded."
)
_WHY_NO_SUBPROTOCOL = (
    "Whether a client opens the connection when its subprotocol was not chosen decides how a server can refuse a "
    "subprotocol gracefully; the report says which way this client goes."
)
INFORMATIONAL = (
    _case("HS-NO-SUBPROTOCOL-SELECTED", "handshake", "A 101 selecting none of the offered subprotocols: whether the "
          "client opens the connection is recorded", ("RFC 6455 §4.1", "RFC 6455 §4.2.2"), "MAY",
          "records no subprotocol", _NO_SUBPROTOCOL, _WHY_NO_SUBPROTOCOL, header="Sec-WebSocket-Protocol"),
)

CLIENT_RULES = (
    _case("MASKING", "client_rules", "Every frame of the client is masked, with keys that differ and are never zero",
          ("RFC 6455 §5.1", "RFC 6455 §5.3"), "MUST", "masks", _MASKING, _WHY_MASKING, count="8"),
    _case("KEY", "client_rules", "The client sends a fresh 16-byte base64 Sec-WebSocket-Key on each connection",
          _HS, "MUST", "fresh key", _KEY, _WHY_KEY, connections="2"),
    _case("MASKED-SERVER-FRAME", "client_rules", "A masked text frame from the server fails the connection",
          ("RFC 6455 §5.1",), "MUST", "masked server frame fails", _MASKED_SERVER, _WHY_MASKED_SERVER, type="text",
          payload="Hello, world!"),
)

# Sections of the frame catalogue played to the client, by frame family; the RFC cases of our own are a server's.
_PLAYED = ("framing", "pings_and_pongs", "reserved_bits", "opcodes", "fragmentation", "utf8_handling",
           "close_handling", "limits_and_performance", "auto_fragmentation")


def _played(case: Case) -> Case:
    """A frame case played to the client: the same cells and template, its own ID and family, tagged ``client``."""
    return replace(case, id=case.id.replace("COMP-FRAME-", "COMP-CLIENT-FRAME-"), family=f"client_{case.family}",
                   extra_tags=(*case.extra_tags, "client"))


def _played_family(family: Family) -> Family:
    return replace(family, name=f"client_{family.name}", suite=f"client/{family.name}.robot",
                   documentation=f"Played to the client, with the roles swapped. {family.documentation}",
                   setup=_SETUP, teardown=_TEARDOWN, shared_resource=family.resource)


FRAME_CASES = tuple(_played(case) for case in frames.CASES if case.family in _PLAYED)

FAMILIES: tuple[Family, ...] = (
    Family(
        name="handshake", suite="client/handshake.robot", title="The client's opening handshake",
        documentation=(
            "The server's answer as a client must judge it (RFC 6455 §4.1): answers it must refuse by failing the "
            "connection, and valid answers in unusual spellings it must accept."
        ),
        template=_T["refuses"], templates=(("refuses unoffered", _T["refuses unoffered"]), ("opens", _T["opens"]),
                                           ("records no subprotocol", _T["records no subprotocol"])),
        setup=_SETUP, teardown=_TEARDOWN,
    ),
    Family(
        name="client_rules", suite="client/client_rules.robot", title="What only a client owes",
        documentation=(
            "The client's masking and keys, and a masked frame from the server, which Autobahn|Testsuite never "
            "sends a client."
        ),
        template=_T["masks"], templates=(("fresh key", _T["fresh key"]),
                                         ("masked server frame fails", _T["masked server frame fails"])),
        setup=_SETUP, teardown=_TEARDOWN,
    ),
    *(_played_family(family) for family in frames.FAMILIES if family.name in _PLAYED),
)

CASES: tuple[Case, ...] = HANDSHAKE + INFORMATIONAL + CLIENT_RULES + FRAME_CASES
