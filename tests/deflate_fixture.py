"""A permessage-deflate echo server of ours, correct or breaking one rule of RFC 7692, for the compression suites.

It runs on :class:`servers.FixtureServer`. Correct, it declines every offer
a server must decline, accepts the first valid one (echoing
``server_no_context_takeover`` and ``server_max_window_bits`` when offered),
compresses its echoes with the agreed window and takeover, and fails the
connection (1002, or 1007 for text that is not UTF-8 once inflated) on the
first rule a client frame breaks, as the library's own reader names them.
Each variant in :data:`VIOLATIONS` breaks exactly one rule.
"""

from __future__ import annotations

import socket
import threading

from servers import FixtureServer, client_events, switching_protocols

from WsComplianceLibrary.wire.websocket import (
    CLOSE,
    PING,
    PONG,
    Frame,
    FrameReader,
    Message,
    Role,
    build_frame,
    close_payload,
)
from WsComplianceLibrary.wire.websocket.deflate import (
    EXTENSION,
    Compressor,
    DeflateParameters,
    NegotiationError,
    parse_extensions,
    parse_offers,
)

VIOLATIONS = {
    "accepts unknown parameter": "accepts an offer with a parameter RFC 7692 does not define",
    "ignores server_no_context_takeover": "agrees to server_no_context_takeover but keeps its context",
    "15-bit window after agreeing to 9": "agrees to server_max_window_bits=9 but compresses with a 15-bit window",
    "answers ping with RSV1": "answers a Ping that has RSV1 set instead of failing the connection",
    # Standing for a server whose memory a large enough bomb exhausts: it goes silent instead of answering.
    "inflates without a bound": "inflates a message of any size, and stops answering after one beyond 16 MiB",
}
_BOUND = 16 * 1024 * 1024
"""What the correct server inflates at most: beyond it, it refuses the message with 1009."""


_DEFINED = {"server_no_context_takeover", "client_no_context_takeover", "server_max_window_bits",
            "client_max_window_bits"}


def _offer_header(head: bytes) -> str:
    values = []
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"sec-websocket-extensions":
            values.append(value.strip().decode("latin-1"))
    return ", ".join(values)


def _answer(offer_header: str, variant: str | None) -> tuple[str | None, DeflateParameters | None]:
    """The ``Sec-WebSocket-Extensions`` answer and the agreement, or ``(None, None)`` to decline."""
    try:
        elements = parse_extensions(offer_header)
        offers = parse_offers(offer_header)
    except NegotiationError:
        return None, None
    if variant == "accepts unknown parameter":
        unknown = [element for element in elements if element.name == EXTENSION
                   and any(name not in _DEFINED for name, _ in element.parameters)]
        if unknown and not offers:
            return EXTENSION, DeflateParameters()
    if not offers:
        return None, None
    offer = offers[0]
    parameters = [EXTENSION]
    if offer.server_no_context_takeover:
        parameters.append("server_no_context_takeover")
    if offer.server_max_window_bits is not None:
        parameters.append(f"server_max_window_bits={offer.server_max_window_bits}")
    return "; ".join(parameters), DeflateParameters(
        server_no_context_takeover=offer.server_no_context_takeover,
        server_max_window_bits=offer.server_max_window_bits or 15)


def deflate_server(variant: str | None = None) -> FixtureServer:
    """A fixture server running the correct permessage-deflate echo server, or the named violation."""
    if variant is not None and variant not in VIOLATIONS:
        raise KeyError(f"No deflate fixture variant {variant!r}.")

    def serve(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
        answer, agreed = _answer(_offer_header(head), variant)
        response = switching_protocols(head)
        if answer is not None:
            response = response[:-2] + f"Sec-WebSocket-Extensions: {answer}\r\n\r\n".encode()
        conn.sendall(response)
        _echo(conn, agreed, variant, stop)

    return FixtureServer(serve)


def uncompressed_server() -> FixtureServer:
    """The echo server without permessage-deflate: it declines every offer."""

    def serve(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
        conn.sendall(switching_protocols(head))
        _echo(conn, None, None, stop)

    return FixtureServer(serve)


def _echo(conn: socket.socket, agreed: DeflateParameters | None, variant: str | None, stop: threading.Event) -> None:
    unbounded = variant == "inflates without a bound"
    reader = FrameReader(1 << 40 if unbounded else _BOUND, sender=Role.CLIENT, deflate=agreed)
    compressor = None
    if agreed is not None:
        bits = 15 if variant == "15-bit window after agreeing to 9" else agreed.server_max_window_bits
        reset = agreed.server_no_context_takeover and variant != "ignores server_no_context_takeover"
        compressor = Compressor(bits, reset)
    for event in client_events(conn, reader, stop):
        broken = [rule for rule in reader.violations
                  if not (variant == "answers ping with RSV1" and "RSV1 is set on a control frame" in rule)]
        if broken:
            conn.sendall(build_frame(CLOSE, close_payload(1007 if "UTF-8" in broken[0] else 1002), masked=False))
            return
        if isinstance(event, Message) and unbounded and len(event.payload) > _BOUND:
            stop.wait()
            return
        if isinstance(event, Message):
            payload = event.payload if compressor is None else compressor.compress(event.payload)
            conn.sendall(build_frame(event.opcode, payload, rsv1=compressor is not None, masked=False))
        elif isinstance(event, Frame) and event.opcode == PING:
            conn.sendall(build_frame(PONG, event.payload, masked=False))
        elif isinstance(event, Frame) and event.opcode == CLOSE:
            conn.sendall(build_frame(CLOSE, event.payload[:2], masked=False))
            return
    if reader.too_large is not None:
        conn.sendall(build_frame(CLOSE, close_payload(1009), masked=False))
