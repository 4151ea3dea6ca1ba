"""Reading a server's frames leniently, without I/O, and naming every rule they break.

:class:`FrameReader` is fed whatever the socket delivers and hands back, in
order, each whole :class:`~.frames.Frame` and each completed
:class:`Message`. It reads on where a lenient reading still says what the
server meant, and records each broken rule of RFC 6455 as one sentence in
:attr:`FrameReader.violations`, naming the section and showing the server's
bytes escaped.

Announced lengths never size anything: the reader keeps only bytes that
arrived, and a frame or message larger than ``max_message_size`` stops it
(:attr:`FrameReader.too_large`) before its payload is buffered, so a server
announcing 2**63-1 bytes costs nothing.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Union

from ..printable import printable
from .close import ClosePayload, parse_close_payload
from .frames import BINARY, CLOSE, CONTINUATION, MAX_CONTROL_PAYLOAD, TEXT, Frame, is_control, mask, opcode_name
from .utf8 import Utf8Validator

__all__ = ["DEFAULT_MAX_MESSAGE_SIZE", "Event", "FrameReader", "Message"]

DEFAULT_MAX_MESSAGE_SIZE = 16 * 1024 * 1024
"""Largest frame or message kept: Autobahn's largest messages (cases 9.x) are 16 MiB."""

_EXTENDED_LENGTH_SIZE = {126: 2, 127: 8}
"""Bytes of extended length that follow a 7-bit length of 126 or 127 (RFC 6455 §5.2)."""

_SHOWN = 8
"""Server bytes quoted around an invalid UTF-8 sequence."""


@dataclass(frozen=True, repr=False)
class Message:
    """A completed data message: its opcode (TEXT or BINARY), its payload and how many frames carried it."""

    opcode: int
    payload: bytes
    frame_count: int

    @property
    def text(self) -> str:
        """The payload decoded as UTF-8, undecodable bytes replaced."""
        return self.payload.decode("utf-8", errors="replace")

    def __repr__(self) -> str:
        return f"<Message {opcode_name(self.opcode)}, {len(self.payload)} bytes in {self.frame_count} frames>"


Event = Union[Frame, Message]
"""What :meth:`FrameReader.next_event` returns: each frame, and a message after its last frame."""


@dataclass(frozen=True)
class _Header:
    """A frame header read ahead of its payload."""

    number: int
    fin: bool
    rsv: tuple[bool, bool, bool]
    opcode: int
    masking_key: bytes | None
    length: int
    raw: bytes

    def where(self) -> str:
        return f"Frame {self.number} ({opcode_name(self.opcode)}, header {printable(self.raw)})"


class FrameReader:
    """Incremental, lenient reader of the frames a server sends.

    Call :meth:`feed` with each chunk received, :meth:`feed_eof` when the
    server closes, and :meth:`next_event` until it returns ``None``.
    ``negotiated_rsv`` names the RSV bits (1, 2, 3) an extension
    negotiated in the handshake gave a meaning to; any other set bit is a
    violation.

    Where the server breaks a rule, reading goes on: a masked frame is
    unmasked with its key, a frame after the Close frame is still read, and
    a new data frame in the middle of a fragmented message abandons that
    message (it never becomes a :class:`Message`) and starts a new one.
    """

    def __init__(
        self, max_message_size: int = DEFAULT_MAX_MESSAGE_SIZE, negotiated_rsv: tuple[int, ...] = ()
    ) -> None:
        self.max_message_size = max_message_size
        self.negotiated_rsv = tuple(negotiated_rsv)
        self.violations: list[str] = []
        """One sentence per rule the server broke, in the order seen."""
        self.too_large: str | None = None
        """Why reading stopped, when a frame or message outgrew ``max_message_size``."""
        self.close: ClosePayload | None = None
        """The payload of the server's first Close frame, once it arrived."""
        self.eof = False
        self._buffer = bytearray()
        self._events: deque[Event] = deque()
        self._header: _Header | None = None
        self._frames_read = 0
        self._close_frame_number: int | None = None
        self._message: _OpenMessage | None = None

    @property
    def pending_bytes(self) -> int:
        """Bytes received that do not yet make a whole frame (what a close mid-frame cut short)."""
        header = len(self._header.raw) if self._header is not None else 0
        return header + len(self._buffer)

    def feed(self, data: bytes) -> None:
        """Take bytes received from the server; ignored once reading stopped (too large, or after the end)."""
        if self.too_large is not None or self.eof:
            return
        self._buffer += data
        while self.too_large is None:
            if self._header is None:
                self._header = self._read_header()
                if self._header is None:
                    return
            if len(self._buffer) < self._header.length:
                return
            self._take_payload(self._header)
            self._header = None

    def feed_eof(self) -> None:
        """The server closed the connection: no more bytes will come."""
        self.eof = True

    def next_event(self) -> Event | None:
        """The next whole frame or completed message, or ``None`` until more bytes arrive."""
        return self._events.popleft() if self._events else None

    def _read_header(self) -> _Header | None:
        buffer = self._buffer
        if len(buffer) < 2:
            return None
        extended = _EXTENDED_LENGTH_SIZE.get(buffer[1] & 0x7F, 0)
        masked = bool(buffer[1] & 0x80)
        size = 2 + extended + (4 if masked else 0)
        if len(buffer) < size:
            return None
        raw = bytes(buffer[:size])
        del buffer[:size]
        length = int.from_bytes(raw[2:2 + extended], "big") if extended else raw[1] & 0x7F
        self._frames_read += 1
        header = _Header(
            number=self._frames_read,
            fin=bool(raw[0] & 0x80),
            rsv=(bool(raw[0] & 0x40), bool(raw[0] & 0x20), bool(raw[0] & 0x10)),
            opcode=raw[0] & 0x0F,
            masking_key=raw[size - 4:] if masked else None,
            length=length,
            raw=raw,
        )
        self._check_header(header, extended)
        self._check_size(header)
        return header

    def _check_header(self, header: _Header, extended: int) -> None:
        if self._close_frame_number is not None:
            self._violate(header, f"it arrived after the server's Close frame (frame {self._close_frame_number}), "
                                  "after which a server sends nothing (RFC 6455 §5.5.1)")
        if header.masking_key is not None:
            self._violate(header, f"the server masked it (key {printable(header.masking_key)}), "
                                  "but a server MUST NOT mask the frames it sends (RFC 6455 §5.1)")
        for bit, is_set in enumerate(header.rsv, start=1):
            if is_set and bit not in self.negotiated_rsv:
                self._violate(header, f"RSV{bit} is set but no extension giving it a meaning was negotiated "
                                      "(RFC 6455 §5.2)")
        if 0x3 <= header.opcode <= 0x7 or header.opcode >= 0xB:
            self._violate(header, f"opcode 0x{header.opcode:x} is reserved for further definition (RFC 6455 §5.2)")
        if extended == 8 and header.length >> 63:
            self._violate(header, "the 64-bit length has its most significant bit set, which MUST be 0 "
                                  "(RFC 6455 §5.2)")
        if (extended == 2 and header.length <= MAX_CONTROL_PAYLOAD) or (extended == 8 and header.length <= 0xFFFF):
            self._violate(header, f"the length {header.length} is written in the {extended * 8}-bit form, "
                                  "but the minimal number of bytes MUST be used (RFC 6455 §5.2)")
        if is_control(header.opcode):
            if header.length > MAX_CONTROL_PAYLOAD:
                self._violate(header, f"a control frame carries {header.length} bytes, more than "
                                      f"{MAX_CONTROL_PAYLOAD} (RFC 6455 §5.5)")
            if not header.fin:
                self._violate(header, "a control frame has FIN clear, but control frames MUST NOT be "
                                      "fragmented (RFC 6455 §5.5)")
        elif header.opcode == CONTINUATION and self._message is None:
            self._violate(header, "a continuation frame arrived with no fragmented message to continue "
                                  "(RFC 6455 §5.4)")
        elif header.opcode in (TEXT, BINARY) and self._message is not None:
            self._violate(header, f"a new data frame arrived while the {opcode_name(self._message.opcode)} "
                                  f"message begun in frame {self._message.first_frame} was unfinished "
                                  "(RFC 6455 §5.4)")

    def _check_size(self, header: _Header) -> None:
        if header.length > self.max_message_size:
            self._stop(f"{header.where()} announces {header.length} bytes, more than the "
                       f"{self.max_message_size} this reader keeps; reading stopped without buffering it.")
        elif header.opcode == CONTINUATION and self._message is not None:
            size = self._message.size + header.length
            if size > self.max_message_size:
                self._stop(f"{header.where()} would grow the message begun in frame {self._message.first_frame} "
                           f"to {size} bytes, more than the {self.max_message_size} this reader keeps; "
                           "reading stopped without buffering it.")

    def _stop(self, reason: str) -> None:
        self.too_large = reason
        self._buffer.clear()
        self._message = None

    def _take_payload(self, header: _Header) -> None:
        with memoryview(self._buffer) as view:  # one copy: slicing the bytearray first would make two
            received = bytes(view[:header.length])
        del self._buffer[:header.length]
        payload = mask(received, header.masking_key) if header.masking_key is not None else received
        self._events.append(Frame(
            fin=header.fin, rsv1=header.rsv[0], rsv2=header.rsv[1], rsv3=header.rsv[2], opcode=header.opcode,
            masked=header.masking_key is not None, masking_key=header.masking_key, length=header.length,
            payload=payload, header=header.raw,
        ))
        if header.opcode == CLOSE:
            self._take_close(header, payload)
        elif header.opcode in (TEXT, BINARY):
            self._message = _OpenMessage(header.opcode, header.number)
            self._continue_message(header, payload)
        elif header.opcode == CONTINUATION and self._message is not None:
            self._continue_message(header, payload)

    def _take_close(self, header: _Header, payload: bytes) -> None:
        close = parse_close_payload(payload)
        for problem in close.problems:
            self._violate(header, problem)
        if self.close is None:
            self.close = close
            self._close_frame_number = header.number

    def _continue_message(self, header: _Header, payload: bytes) -> None:
        message = self._message
        assert message is not None
        message.add(payload)
        if message.validator is not None and not message.invalid_reported:
            invalid_at = message.validator.feed(payload)
            if invalid_at is None and header.fin:
                invalid_at = message.validator.finish()
            if invalid_at is not None:
                message.invalid_reported = True
                shown = printable(message.joined()[invalid_at:invalid_at + _SHOWN])
                self.violations.append(
                    f"Text message begun in frame {message.first_frame}: the payload is not valid UTF-8 "
                    f"from byte {invalid_at} on ({shown}) (RFC 6455 §5.6, §8.1)."
                )
        if header.fin:
            self._events.append(Message(message.opcode, message.joined(), len(message.parts)))
            self._message = None

    def _violate(self, header: _Header, clause: str) -> None:
        self.violations.append(f"{header.where()}: {clause}.")


class _OpenMessage:
    """A data message whose last frame has not arrived yet."""

    def __init__(self, opcode: int, first_frame: int) -> None:
        self.opcode = opcode
        self.first_frame = first_frame
        self.parts: list[bytes] = []
        self.size = 0
        self.validator = Utf8Validator() if opcode == TEXT else None
        self.invalid_reported = False

    def add(self, payload: bytes) -> None:
        self.parts.append(payload)
        self.size += len(payload)

    def joined(self) -> bytes:
        return b"".join(self.parts)
