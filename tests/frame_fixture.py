"""A WebSocket echo server of ours, correct by default, with named violations that each break one server rule.

:func:`frame_server` runs it on a free 127.0.0.1 port (a
:class:`servers.FixtureServer`). Correct, it completes the handshake, echoes
text and binary messages, answers pings with pongs, fails the connection
with 1002 (1007 for invalid UTF-8, checked as fragments arrive) on a
protocol error, echoes the close code of a valid Close and closes TCP
first. :data:`VIOLATIONS` names what each variant does wrong; the frame
keywords must catch every one. :data:`BEHAVIOURS` are variants that are
allowed, or that make a case not applicable.
"""

from __future__ import annotations

import socket
import threading
import time

from servers import FixtureServer, switching_protocols

from WsComplianceLibrary.wire.websocket import (
    BINARY,
    CLOSE,
    CONTINUATION,
    PING,
    PONG,
    TEXT,
    build_frame,
    close_payload,
    is_control,
    mask,
    parse_close_payload,
)
from WsComplianceLibrary.wire.websocket.utf8 import Utf8Validator

VIOLATIONS: dict[str, str] = {
    "no-utf8-check": "echoes text messages that are not valid UTF-8 instead of failing with 1007",
    "utf8-check-at-end": "fails invalid UTF-8 only when the message ends, not as the bad fragment arrives",
    "accept-rsv": "ignores RSV bits no extension gave a meaning",
    "accept-reserved-opcode": "ignores frames with reserved opcodes",
    "accept-unmasked": "takes unmasked client frames",
    "accept-big-control": "ignores control frames of more than 125 bytes instead of failing the connection",
    "accept-fragmented-control": "takes control frames with FIN clear",
    "accept-bad-continuation": "takes a continuation frame with nothing to continue, and a new data frame mid-message",
    "accept-bad-close-code": "answers a Close with an invalid code or a one-byte payload as if it were valid",
    "ignore-ping": "never answers a ping",
    "pong-wrong-payload": "answers a ping with a pong whose payload differs",
    "close-code-1000-always": "answers every Close with 1000, also when failing the connection",
    "no-close-reply": "closes TCP without answering a Close frame",
    "ignore-close": "neither answers a Close frame nor closes the connection",
    "keep-tcp-open": "answers a Close frame but leaves the TCP connection open",
    "echo-before-close": "echoes the message of a bad frame before failing the connection",
    "masked-server-frames": "masks the frames it sends",
    "rsv-on-server-frames": "sets RSV1 on the frames it sends",
    "oversized-pong": "pads its pongs to 126 bytes, more than a control frame may carry",
    "data-after-close": "sends a text frame after its own Close frame",
    "invalid-close-code-from-server": "fails the connection with close code 1006, which may not be sent",
}
"""Each variant breaks exactly one rule a server must keep."""

BEHAVIOURS: dict[str, str] = {
    "drop-on-error": "fails the connection by closing TCP without a Close frame, which is allowed",
    "fail-before-echo": "holds echoes back 0.3 s and drops them when a protocol error comes first (NON-STRICT)",
    "no-echo": "a correct server that does not echo messages (a chat room, not an echo service)",
}
"""Variants that break no MUST: allowed behaviours, and one that makes echo cases not applicable."""

_ECHO_DELAY = 0.3
"""How long ``fail-before-echo`` holds an echo, so a bad frame sent right after the message arrives first."""

_DRAIN = 1.0
"""Seconds the server reads on after its Close before closing, so unread client bytes do not turn FIN into RST."""


class ProtocolError(Exception):
    """The client broke a rule: fail the connection with ``code``."""

    def __init__(self, code: int, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


class _ClientFrame:
    def __init__(self, fin: bool, rsv: int, opcode: int, masked: bool, payload: bytes) -> None:
        self.fin, self.rsv, self.opcode, self.masked, self.payload = fin, rsv, opcode, masked, payload


def _parse(buffer: bytearray) -> _ClientFrame | None:
    """Take one whole frame off the front of ``buffer``, or ``None`` while it is incomplete."""
    if len(buffer) < 2:
        return None
    length = buffer[1] & 0x7F
    offset = 2
    if length == 126:
        offset, length = 4, int.from_bytes(buffer[2:4], "big") if len(buffer) >= 4 else -1
    elif length == 127:
        offset, length = 10, int.from_bytes(buffer[2:10], "big") if len(buffer) >= 10 else -1
    masked = bool(buffer[1] & 0x80)
    key_end = offset + (4 if masked else 0)
    if length < 0 or len(buffer) < key_end + length:
        return None
    payload = bytes(buffer[key_end:key_end + length])
    if masked:
        key = buffer[offset:key_end]
        payload = mask(payload, bytes(key))
    frame = _ClientFrame(bool(buffer[0] & 0x80), (buffer[0] >> 4) & 0x7, buffer[0] & 0x0F, masked, payload)
    del buffer[:key_end + length]
    return frame


class _Connection:
    """One client connection served by a variant (``None``: the correct server)."""

    def __init__(self, conn: socket.socket, variant: str | None, stop: threading.Event) -> None:
        self.conn = conn
        self.variant = variant
        self.stop = stop
        self.buffer = bytearray()
        self.message_opcode: int | None = None
        self.message_parts: list[bytes] = []
        self.validator: Utf8Validator | None = None
        self.held_echoes: list[tuple[float, int, bytes]] = []

    def send(self, opcode: int, payload: bytes = b"") -> None:
        self.conn.sendall(build_frame(opcode, payload, masked=self.variant == "masked-server-frames",
                                      rsv1=self.variant == "rsv-on-server-frames"))

    def serve(self) -> None:
        self.conn.settimeout(0.05)
        while not self.stop.is_set():
            self.release_held_echoes()
            try:
                data = self.conn.recv(65536)
            except TimeoutError:
                continue
            if not data:
                return
            self.buffer += data
            try:
                while (frame := _parse(self.buffer)) is not None:
                    if self.handle(frame):
                        return
            except ProtocolError as error:
                self.fail(error)
                return

    def release_held_echoes(self) -> None:
        while self.held_echoes and self.held_echoes[0][0] <= time.monotonic():
            _, opcode, payload = self.held_echoes.pop(0)
            self.send(opcode, payload)

    def check(self, allowed_by: str, broken: bool, code: int, reason: str) -> None:
        if broken and self.variant != allowed_by:
            raise ProtocolError(code, reason)

    def handle(self, frame: _ClientFrame) -> bool:
        """Act on one client frame; ``True`` once the connection is over."""
        self.check("accept-unmasked", not frame.masked, 1002, "unmasked client frame")
        if frame.rsv and self.variant == "echo-before-close" and not is_control(frame.opcode):
            self.send(frame.opcode, frame.payload)
        self.check("accept-rsv", bool(frame.rsv), 1002, "reserved bits set")
        reserved = 0x3 <= frame.opcode <= 0x7 or frame.opcode >= 0xB
        self.check("accept-reserved-opcode", reserved, 1002, "reserved opcode")
        if reserved:
            return False
        if is_control(frame.opcode):
            oversized = len(frame.payload) > 125
            self.check("accept-big-control", oversized, 1002, "control frame too long")
            if oversized:
                return False
            self.check("accept-fragmented-control", not frame.fin, 1002, "fragmented control frame")
            return self.control(frame)
        return self.data(frame)

    def control(self, frame: _ClientFrame) -> bool:
        if frame.opcode == PING and self.variant != "ignore-ping":
            payload = frame.payload
            if self.variant == "pong-wrong-payload":
                payload = b"not " + payload
            elif self.variant == "oversized-pong":
                payload = payload.ljust(126, b"-")
            self.send(PONG, payload)
        elif frame.opcode == CLOSE:
            self.closing(frame.payload)
            return True
        return False

    def closing(self, payload: bytes) -> None:
        close = parse_close_payload(payload)
        code = close.code
        if close.problems:
            invalid_reason = code is not None and close.problems[0].startswith("the close reason")
            self.check("accept-bad-close-code", True, 1007 if invalid_reason else 1002, "bad close payload")
            code = 1000
        if self.variant == "ignore-close":
            self.stop.wait()
            return
        if self.variant != "no-close-reply":
            self.send(CLOSE, close_payload(1000 if self.variant == "close-code-1000-always" else code))
        if self.variant == "keep-tcp-open":
            self.stop.wait()
            return
        self.finish()

    def data(self, frame: _ClientFrame) -> bool:
        if frame.opcode == CONTINUATION:
            self.check("accept-bad-continuation", self.message_opcode is None, 1002, "nothing to continue")
            if self.message_opcode is None:
                return False
        else:
            self.check("accept-bad-continuation", self.message_opcode is not None, 1002, "message unfinished")
            self.message_opcode, self.message_parts = frame.opcode, []
            self.validator = Utf8Validator() if frame.opcode == TEXT else None
        self.message_parts.append(frame.payload)
        if self.validator is not None:
            invalid = self.validator.feed(frame.payload) is not None or (frame.fin and self.validator.finish() is not None)
            when_checked = frame.fin if self.variant == "utf8-check-at-end" else True
            self.check("no-utf8-check", invalid and when_checked, 1007, "invalid UTF-8")
        if frame.fin:
            opcode, payload = self.message_opcode, b"".join(self.message_parts)
            self.message_opcode, self.validator = None, None
            assert opcode in (TEXT, BINARY)
            if self.variant == "fail-before-echo":
                self.held_echoes.append((time.monotonic() + _ECHO_DELAY, opcode, payload))
            elif self.variant != "no-echo":
                self.send(opcode, payload)
        return False

    def fail(self, error: ProtocolError) -> None:
        if self.variant == "drop-on-error":
            return
        code = {"close-code-1000-always": 1000, "invalid-close-code-from-server": 1006}.get(self.variant or "",
                                                                                             error.code)
        self.send(CLOSE, close_payload(code, error.reason.encode()))
        if self.variant == "data-after-close":
            self.send(TEXT, b"after close")
        self.finish()

    def finish(self) -> None:
        """Close TCP first, as a server should (RFC 6455 §7.1.1), reading on so unread bytes do not cause a reset."""
        self.conn.shutdown(socket.SHUT_WR)
        deadline = time.monotonic() + _DRAIN
        while time.monotonic() < deadline and not self.stop.is_set():
            try:
                if not self.conn.recv(65536):
                    return
            except TimeoutError:
                continue


def frame_server(variant: str | None = None) -> FixtureServer:
    """A fixture server running the correct echo server, or the named violation or behaviour."""
    if variant is not None and variant not in VIOLATIONS and variant not in BEHAVIOURS:
        raise KeyError(f"No frame fixture variant {variant!r}.")

    def serve(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
        conn.sendall(switching_protocols(head))
        _Connection(conn, variant, stop).serve()

    return FixtureServer(serve)
