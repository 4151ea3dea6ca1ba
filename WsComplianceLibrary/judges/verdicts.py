"""Judging responses against handshake rules, as pure functions.

Each judge takes a :class:`Response` and returns a :class:`Verdict`: whether
the rule held and one sentence saying what the server did. Keywords turn a
failed verdict into a Robot failure; tests call the judges directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..wire.http1.request import accept_for_key
from ..wire.http1.response import Headers, Outcome, Response
from ..wire.printable import printable

__all__ = [
    "WARN_TAG",
    "NotAResponse",
    "Verdict",
    "accept_matches",
    "as_response",
    "describe",
    "handshake_accepted",
    "not_switching_protocols",
    "request_line",
    "request_values",
    "sent_key",
]


WARN_TAG = "warn"
"""Tag of a test that passed with a warning (a :class:`Verdict` with ``warning``): the report's WARN."""


class NotAResponse(TypeError):
    """A value given as a response is neither ours nor a ``requests`` response."""

    ROBOT_SUPPRESS_NAME = True


@dataclass(frozen=True)
class Verdict:
    """The result of one judgement: ``passed`` and a one-sentence ``message``.

    ``warning`` marks a pass that falls short of a SHOULD: the report shows it as WARN.
    """

    passed: bool
    message: str
    warning: bool = False


def as_response(value: Any) -> Response:
    """Accept this library's :class:`Response` or a ``requests`` response (RequestsLibrary's).

    A ``requests`` response is read through its ``status_code``, ``reason``,
    ``headers`` and ``content``; it always counts as answered.
    """
    if isinstance(value, Response):
        return value
    status = getattr(value, "status_code", None)
    if isinstance(status, int):
        request = getattr(value, "request", None)
        method = getattr(request, "method", None) or "?"
        path = getattr(request, "path_url", None) or "/"
        return Response(
            request=f"{method} {path} HTTP/1.1\r\n\r\n".encode("latin-1", errors="replace"),
            outcome=Outcome.ANSWERED,
            status=status,
            reason=str(getattr(value, "reason", "") or ""),
            http_version="HTTP/1.1",
            headers=Headers([(str(k), str(v)) for k, v in dict(getattr(value, "headers", {}) or {}).items()]),
            body=bytes(getattr(value, "content", b"") or b""),
            complete=True,
            url=str(getattr(value, "url", "") or ""),
        )
    raise NotAResponse(
        f"Expected a response from a Send keyword or from RequestsLibrary, got {type(value).__name__} {value!r:.80}."
    )


def request_line(response: Response) -> str:
    """The request line that was sent, printable."""
    return printable(response.request.split(b"\n", 1)[0].rstrip(b"\r"), limit=120)


def request_values(response: Response, name: str) -> list[str]:
    """Every value of header ``name`` in the request that was sent, in order (name matched case-insensitively)."""
    head = response.request.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    wanted = name.lower()
    return [
        value.strip()
        for field_name, _, value in (line.partition(":") for line in head.split("\r\n")[1:])
        if field_name.strip().lower() == wanted
    ]


def sent_key(response: Response) -> str | None:
    """The ``Sec-WebSocket-Key`` the request carried (the first one), or ``None``."""
    keys = request_values(response, "Sec-WebSocket-Key")
    return keys[0] if keys else None


def describe(response: Response) -> str:
    """What the server did, in a short phrase: ``answered 405 Method Not Allowed``, ``closed ...``."""
    status_text = f"{response.status} {printable(response.reason, 80)}".rstrip()
    outcome = response.outcome
    if outcome is Outcome.ANSWERED:
        interim = "".join(f"{i.status} {printable(i.reason, 40)}, then ".replace(" ,", ",") for i in response.interim)
        return f"answered {interim}{status_text}"
    if not outcome.connected:
        return f"could not be reached: {response.detail}"
    if outcome is Outcome.INVALID:
        return f"did not send a valid HTTP answer: it {response.detail.removeprefix('the server ')} ({_first_bytes(response)})"
    if response.status is not None:
        ended = {Outcome.TIMEOUT: f"stalled for {_timeout(response)}", Outcome.CLOSED: "closed the connection",
                 Outcome.RESET: "reset the connection"}[outcome]
        return f"sent the status line {status_text} and then {ended} before finishing its header block"
    if response.raw:
        ended = {Outcome.TIMEOUT: f"and did not complete it within {_timeout(response)}",
                 Outcome.CLOSED: "then closed the connection", Outcome.RESET: "then reset the connection"}[outcome]
        return f"sent {len(response.raw)} bytes that are not a complete status line ({_first_bytes(response)}), {ended}"
    return {
        Outcome.TIMEOUT: f"neither answered nor closed the connection within {_timeout(response)}",
        Outcome.CLOSED: "closed the connection without answering",
        Outcome.RESET: "reset the connection without answering",
    }[outcome]


def not_switching_protocols(response: Response) -> Verdict:
    """The rule of a handshake that must be refused: anything but ``101``.

    Passes on any final status other than ``101`` and on a close or reset
    without an answer. Fails on ``101``, on silence until the timeout, and on
    bytes that are not an HTTP answer, even after a status line (a header
    block that never ends). A status line followed by a stall or close is
    judged by its status.
    """
    what = describe(response)
    line = request_line(response)
    if response.outcome is Outcome.INVALID:
        return Verdict(False, f"To '{line}' the server {what}.")
    if response.status == 101:
        return Verdict(False, f"The server switched protocols: to '{line}', a request it must refuse, it {what}.")
    if response.status is not None:
        return Verdict(True, f"To '{line}' the server {what}: {_reading(response.status)}.")
    if response.outcome in (Outcome.CLOSED, Outcome.RESET) and not response.raw:
        return Verdict(True, f"To '{line}' the server {what}, which refuses the upgrade.")
    return Verdict(False, f"To '{line}' the server {what}.")


def handshake_accepted(response: Response, key: str | None = None) -> Verdict:
    """The rule of a correct handshake: ``101`` with ``Sec-WebSocket-Accept`` computed from the key.

    ``key`` defaults to the ``Sec-WebSocket-Key`` found in the request sent.
    """
    if response.status != 101:
        target = f"The target {response.url}" if response.url else "The target"
        return Verdict(
            False,
            f"{target} is not a WebSocket endpoint at this URL: to the correct handshake "
            f"'{request_line(response)}' the server {describe(response)} instead of 101 Switching Protocols. "
            "Check the host, port and path, and WS_HEADERS and WS_SUBPROTOCOL when the server wants credentials, "
            "an Origin or a subprotocol; the other cases are not applicable until this passes.",
        )
    return accept_matches(response, key)


def accept_matches(response: Response, key: str | None = None) -> Verdict:
    """``Sec-WebSocket-Accept`` is present once and equals base64(SHA-1(key + GUID)) (RFC 6455 §4.2.2)."""
    key = key if key is not None else sent_key(response)
    if key is None:
        return Verdict(False, "The request carried no Sec-WebSocket-Key, so there is no accept value to compare.")
    expected = accept_for_key(key)
    values = response.headers.get_all("Sec-WebSocket-Accept")
    if not values:
        return Verdict(False, f"The 101 answer has no Sec-WebSocket-Accept header; expected '{expected}' for key '{key}'.")
    if len(values) > 1:
        shown = ", ".join(f"'{printable(v, 60)}'" for v in values)
        return Verdict(False, f"The 101 answer has {len(values)} Sec-WebSocket-Accept headers ({shown}); exactly one is allowed.")
    if values[0] != expected:
        return Verdict(
            False,
            f"Sec-WebSocket-Accept is '{printable(values[0], 60)}' but must be '{expected}' for key '{key}' "
            "(base64 of SHA-1 of the key and 258EAFA5-E914-47DA-95CA-C5AB0DC85B11).",
        )
    return Verdict(True, f"The server answered 101 with Sec-WebSocket-Accept '{expected}', correct for key '{key}'.")


def _reading(status: int) -> str:
    if status in (400, 405, 426):
        return "it refused the upgrade, as it should"
    if 200 <= status < 300:
        return "it ignored the upgrade and answered as plain HTTP, which is allowed"
    if 300 <= status < 400:
        return "it redirected instead of switching protocols, which is allowed"
    if 400 <= status < 500:
        return "it refused the request, which is allowed"
    if 500 <= status < 600:
        return "it did not switch protocols, though a 5xx suggests it did not handle the request cleanly"
    return "it did not switch protocols, though the status is outside the registered range"


def _timeout(response: Response) -> str:
    return f"{response.timeout:g} s" if response.timeout is not None else "the timeout"


def _first_bytes(response: Response) -> str:
    return f"first bytes: '{printable(response.raw, 40)}'"
