"""The outcome rules of WebSockets over HTTP/2 (RFC 8441, RFC 9113), as pure judges of one exchange.

Each judge takes an :class:`H2Response` and returns a :class:`Verdict` with
one sentence saying what the server did. :data:`RULES` names them for the
catalogue, with the keyword that asserts each and whether it only means
something at an endpoint that accepts a correct extended CONNECT.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..wire.http2.request import field_values
from ..wire.websocket import CLOSE, PONG, TEXT, Frame, FrameReader, Message, describe_frame
from ..wire.http2.response import H2Outcome, H2Response
from ..wire.printable import printable
from .verdicts import Verdict

__all__ = ["RULES", "H2Rule", "describe", "request_summary"]


@dataclass(frozen=True)
class H2Rule:
    """A named outcome rule: its ``judge``, the ``keyword`` that asserts it, whether it ``needs_endpoint``."""

    name: str
    judge: Callable[[H2Response], Verdict]
    keyword: str
    needs_endpoint: bool
    summary: str


def request_summary(response: H2Response) -> str:
    """The request's pseudo-header fields, printable: ``:method=CONNECT :protocol=websocket ...``."""
    shown = " ".join(f"{name.decode('latin-1')}={value.decode('latin-1')}"
                     for name, value in response.request if name.startswith(b":"))
    return printable(shown, 160)


def describe(response: H2Response) -> str:
    """What the server did, in a short phrase: ``answered :status 400``, ``reset the stream (PROTOCOL_ERROR)``."""
    outcome = response.outcome
    if outcome is H2Outcome.ANSWERED:
        interim = "".join(f"{status}, then " for status in response.interim)
        return f"answered :status {interim}{response.status}"
    if outcome is H2Outcome.RESET:
        return f"reset the stream with RST_STREAM ({response.error_code})"
    if outcome is H2Outcome.GOAWAY:
        return f"ended the connection with GOAWAY ({printable(response.goaway or '', 120)})"
    if outcome is H2Outcome.CLOSED:
        after = f" after GOAWAY ({printable(response.goaway, 120)})" if response.goaway else ""
        return f"closed the connection without answering{after}"
    if outcome is H2Outcome.TIMEOUT:
        return printable(response.detail.removeprefix("the server "), 200)
    if outcome is H2Outcome.INVALID:
        return f"did not speak valid HTTP/2: it {printable(response.detail.removeprefix('the server '), 200)}"
    if outcome is H2Outcome.NOT_HTTP2:
        return f"does not speak HTTP/2 there: {printable(response.detail, 200)}"
    return f"could not be reached: {printable(response.detail, 200)}"


def _accepted(response: H2Response) -> bool:
    return response.status is not None and 200 <= response.status < 300


def advertises_extended_connect(response: H2Response) -> Verdict:
    """RFC 8441 §3: the server's SETTINGS carry SETTINGS_ENABLE_CONNECT_PROTOCOL = 1."""
    if not response.settings_received:
        return Verdict(False, f"The server sent no SETTINGS frame: it {describe(response)}.")
    if response.extended_connect_enabled:
        return Verdict(True, "The server's SETTINGS carry SETTINGS_ENABLE_CONNECT_PROTOCOL = 1.")
    value = response.settings.get("ENABLE_CONNECT_PROTOCOL")
    shown = "leave it out" if value is None else f"set it to {value}"
    return Verdict(False, f"The server's SETTINGS {shown} instead of SETTINGS_ENABLE_CONNECT_PROTOCOL = 1, so no "
                          "RFC 8441 client may open a WebSocket over HTTP/2 there.")


def extended_connect_accepted(response: H2Response) -> Verdict:
    """RFC 8441 §5, RFC 9113 §8.5 and §8.6: a correct extended CONNECT gets a 2xx (200), never 101."""
    if _accepted(response):
        return Verdict(True, f"To '{request_summary(response)}' the server answered :status {response.status}, "
                             "opening the WebSocket tunnel.")
    if response.status == 101:
        return Verdict(False, f"To '{request_summary(response)}' the server answered :status 101, which HTTP/2 "
                              "forbids (RFC 9113 §8.6); a WebSocket over HTTP/2 is accepted with 200.")
    return Verdict(False, f"The target {response.url} is not a WebSocket-over-HTTP/2 endpoint at this URL: to the "
                          f"correct extended CONNECT '{request_summary(response)}' the server {describe(response)} "
                          "instead of 200. Check the host, port and path, and WS_HEADERS and WS_SUBPROTOCOL when "
                          "the server wants credentials, an Origin or a subprotocol; the other cases are not "
                          "applicable until this passes.")


def refused(response: H2Response) -> bool:
    """Whether the server refused the request: a final status other than 2xx and 101, a reset stream, a GOAWAY or
    a closed connection (silence, a 101 and bytes that are not HTTP/2 are no refusal)."""
    if response.status is not None:
        return response.status != 101 and not 200 <= response.status < 300
    return response.outcome in (H2Outcome.RESET, H2Outcome.GOAWAY, H2Outcome.CLOSED)


def stream_refused(response: H2Response) -> Verdict:
    """A request the server must refuse: a stream error, a connection error or a 4xx; never 2xx nor 101."""
    what, sent = describe(response), request_summary(response)
    if response.status == 101:
        return Verdict(False, f"The server switched protocols: to '{sent}', a request it must refuse, it answered "
                              ":status 101, which HTTP/2 forbids anyway (RFC 9113 §8.6).")
    if _accepted(response):
        return Verdict(False, f"The server accepted '{sent}', a request it must refuse: it answered "
                              f":status {response.status}.")
    if response.status is not None:
        reading = ("which refuses it" if 400 <= response.status < 500
                   else "so it did not accept, though a status outside 4xx says little about why")
        return Verdict(True, f"To '{sent}' the server {what}, {reading}.")
    if response.outcome in (H2Outcome.RESET, H2Outcome.GOAWAY, H2Outcome.CLOSED):
        return Verdict(True, f"To '{sent}' the server {what}, which refuses it.")
    return Verdict(False, f"To '{sent}' the server {what}.")


def _refusal_allowed(response: H2Response, what: str) -> Verdict:
    verdict = stream_refused(response)
    if not verdict.passed:
        return verdict
    return Verdict(True, f"{verdict.message[:-1]}; refusing the {what} this way is allowed.")


def only_offered_subprotocol(response: H2Response) -> Verdict:
    """RFC 8441 §5 with RFC 6455 §4.2.2: at most one subprotocol selected, and only one the client offered."""
    if not _accepted(response):
        return _refusal_allowed(response, "subprotocol offer")
    offered = _tokens(field_values(response.request, "sec-websocket-protocol"))
    selected = _tokens(response.headers.get_all("sec-websocket-protocol"))
    if len(selected) > 1:
        return Verdict(False, f"The 200 answer selects {len(selected)} subprotocols "
                              f"({printable(', '.join(selected), 80)}); at most one is allowed.")
    if selected and selected[0] not in offered:
        return Verdict(False, f"The 200 answer selects subprotocol '{printable(selected[0], 80)}', which the client "
                              f"did not offer (offered: {printable(', '.join(offered), 80)}).")
    chosen = f"selects '{printable(selected[0], 80)}'" if selected else "selects no subprotocol"
    return Verdict(True, f"The server accepted and {chosen}, as allowed.")


def unknown_extension_not_accepted(response: H2Response) -> Verdict:
    """RFC 8441 §5 with RFC 6455 §9.1: an extension no server implements is not accepted."""
    if not _accepted(response):
        return _refusal_allowed(response, "extension offer")
    offered = {token.split(";", 1)[0].strip().lower()
               for token in _tokens(field_values(response.request, "sec-websocket-extensions"))}
    accepted = [token.split(";", 1)[0].strip().lower()
                for token in _tokens(response.headers.get_all("sec-websocket-extensions"))]
    echoed = [name for name in accepted if name in offered]
    if echoed:
        return Verdict(False, f"The 200 answer accepts the made-up extension '{printable(echoed[0], 60)}', which no "
                              "server implements.")
    return Verdict(True, "The server accepted the extended CONNECT without the made-up extension.")


def server_frames(data: bytes) -> tuple[list[Frame], list[Message], FrameReader]:
    """The WebSocket frames and messages in ``data`` (what a stream's DATA frames carried), and the reader's findings."""
    reader = FrameReader()
    reader.feed(data)
    frames: list[Frame] = []
    messages: list[Message] = []
    while (event := reader.next_event()) is not None:
        (messages if isinstance(event, Message) else frames).append(event)
    return frames, messages, reader


def _tunnel_reply(response: H2Response, wanted: str, found: Callable[[list[Frame], list[Message]], str | None],
                  ) -> Verdict:
    """Judge what came back on an accepted stream after one WebSocket frame was sent in DATA frames."""
    if not _accepted(response):
        return Verdict(False, f"The server did not accept the extended CONNECT: it {describe(response)}.")
    frames, messages, reader = server_frames(response.data)
    if reader.violations:
        return Verdict(False, f"On the HTTP/2 stream the server broke RFC 6455: {reader.violations[0]}")
    passed = found(frames, messages)
    if passed is not None:
        return Verdict(True, passed)
    if response.detail:
        ending = response.detail
    elif response.stream_end.value in ("RST_STREAM", "GOAWAY"):
        ending = f"the server ended the stream with {response.stream_end} ({response.error_code})"
    else:
        ending = f"the stream ended ({response.stream_end})"
    got = ", ".join(describe_frame(frame, "received") for frame in frames[:3]) or "no WebSocket frame"
    return Verdict(False, f"Expected {wanted} on the HTTP/2 stream, but {printable(ending, 200)} after {got}.")


def _sent_frame(response: H2Response) -> Frame | None:
    frames, _, _ = server_frames(response.sent_data)
    return frames[0] if frames else None


def message_echoed(response: H2Response) -> Verdict:
    """Over the tunnel, the echo endpoint returns the text message sent (RFC 8441 §5 carries RFC 6455 frames)."""
    sent = _sent_frame(response)
    payload = sent.payload if sent else b""

    def echoed(frames: list[Frame], messages: list[Message]) -> str | None:
        if any(message.opcode == TEXT and message.payload == payload for message in messages):
            return f"The text message '{printable(payload, 80)}' came back over the HTTP/2 stream."
        return None

    return _tunnel_reply(response, f"the text message '{printable(payload, 80)}' back", echoed)


def ping_answered(response: H2Response) -> Verdict:
    """RFC 6455 §5.5.2 over the tunnel: a Ping gets a Pong with the same application data."""
    sent = _sent_frame(response)
    payload = sent.payload if sent else b""

    def pong(frames: list[Frame], messages: list[Message]) -> str | None:
        if any(frame.opcode == PONG and frame.payload == payload for frame in frames):
            return f"The Ping '{printable(payload, 80)}' got a Pong with the same data over the HTTP/2 stream."
        return None

    return _tunnel_reply(response, f"a Pong carrying '{printable(payload, 80)}'", pong)


def close_answered(response: H2Response) -> Verdict:
    """RFC 6455 §5.5.1 over the tunnel: a Close frame is answered with a Close frame."""

    def close(frames: list[Frame], messages: list[Message]) -> str | None:
        for frame in frames:
            if frame.opcode == CLOSE:
                return f"The Close frame was answered over the HTTP/2 stream: {describe_frame(frame, 'received')}."
        return None

    return _tunnel_reply(response, "a Close frame in answer", close)


def _tokens(values: list[str]) -> list[str]:
    return [token.strip() for value in values for token in value.split(",") if token.strip()]


RULES: dict[str, H2Rule] = {
    rule.name: rule
    for rule in (
        H2Rule("advertises extended connect", advertises_extended_connect,
               "Server Should Advertise Extended Connect", False,
               "the server's SETTINGS carry SETTINGS_ENABLE_CONNECT_PROTOCOL = 1"),
        H2Rule("extended connect accepted", extended_connect_accepted, "Extended Connect Should Be Accepted", False,
               "2xx (200) to a correct extended CONNECT, never 101; else the target is no such endpoint"),
        H2Rule("stream refused", stream_refused, "Stream Should Be Refused", False,
               "RST_STREAM, GOAWAY, a close or a 4xx; never 2xx nor 101"),
        H2Rule("only an offered subprotocol", only_offered_subprotocol,
               "Extended Connect Should Select Only An Offered Subprotocol", True,
               "a 200 selects at most one subprotocol, one the client offered; a refusal passes"),
        H2Rule("unknown extension not accepted", unknown_extension_not_accepted,
               "Extended Connect Should Not Accept Unknown Extension", True,
               "a 200 does not accept the made-up extension; a refusal passes"),
        H2Rule("text echoed", message_echoed, "Text Message Should Come Back Over HTTP/2", True,
               "the text message sent in DATA frames comes back (an echo endpoint)"),
        H2Rule("ping answered", ping_answered, "Ping Should Get Pong Over HTTP/2", True,
               "a Ping sent in DATA frames gets a Pong with the same data"),
        H2Rule("close answered", close_answered, "Close Should Be Answered Over HTTP/2", True,
               "a Close sent in DATA frames gets a Close back"),
    )
}
