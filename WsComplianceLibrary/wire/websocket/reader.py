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
from .deflate import DeflateParameters
from .events import Message
from .frames import CLOSE, CONTINUATION, Frame, mask, opcode_name
from .rules import BrokenRule, FrameRules, Role

__all__ = ["DEFAULT_MAX_MESSAGE_SIZE", "Event", "FrameReader", "Message"]

DEFAULT_MAX_MESSAGE_SIZE = 16 * 1024 * 1024
"""Largest frame or message kept: Autobahn's largest messages (cases 9.x) are 16 MiB."""

_EXTENDED_LENGTH_SIZE = {126: 2, 127: 8}
"""Bytes of extended length that follow a 7-bit length of 126 or 127 (RFC 6455 §5.2)."""

Event = Union[Frame, Message]
"""What :meth:`FrameReader.next_event` returns: each frame, and a message after its last frame."""


@dataclass(frozen=True)
class _Header:
    """A frame header read ahead of its payload."""

    number: int
    fin: bool
    rsv: int
    opcode: int
    masking_key: bytes | None
    length: int
    raw: bytes

    def where(self) -> str:
        return f"Frame {self.number} ({opcode_name(self.opcode)}, header {printable(self.raw)})"


class FrameReader:
    """Incremental, lenient reader of the frames the peer sends (a server's, unless ``sender`` says otherwise).

    Call :meth:`feed` with each chunk received, :meth:`feed_eof` when the
    peer closes, and :meth:`next_event` until it returns ``None``.
    ``negotiated_rsv`` names the RSV bits (1, 2, 3) an extension
    negotiated in the handshake gave a meaning to; any other set bit is a
    violation. ``deflate`` is the permessage-deflate agreement, if any:
    compressed messages are inflated, never beyond ``max_message_size``.
    The rules are :class:`~.rules.FrameRules`' for ``sender``.

    Where the server breaks a rule, reading goes on: a masked frame is
    unmasked with its key, a frame after the Close frame is still read, and
    a new data frame in the middle of a fragmented message abandons that
    message (it never becomes a :class:`Message`) and starts a new one.
    """

    def __init__(
        self,
        max_message_size: int = DEFAULT_MAX_MESSAGE_SIZE,
        negotiated_rsv: tuple[int, ...] = (),
        sender: Role = Role.SERVER,
        deflate: DeflateParameters | None = None,
    ) -> None:
        self.rules = FrameRules(sender, negotiated_rsv, deflate, max_message_size)
        self.max_message_size = max_message_size
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

    @property
    def max_message_size(self) -> int:
        """The largest frame or message kept, compressed or inflated; may be raised while reading."""
        return self._max_message_size

    @max_message_size.setter
    def max_message_size(self, size: int) -> None:
        self._max_message_size = size
        if self.rules.inflater is not None:
            self.rules.inflater.max_size = size

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
        header = _Header(
            number=self.rules.frames + 1,
            fin=bool(raw[0] & 0x80),
            rsv=(raw[0] >> 4) & 0x7,
            opcode=raw[0] & 0x0F,
            masking_key=raw[size - 4:] if masked else None,
            length=length,
            raw=raw,
        )
        self._violate(header, self.rules.check_header(
            fin=header.fin, rsv=header.rsv, opcode=header.opcode, masking_key=header.masking_key,
            length=length, length_form=extended * 8 or 7))
        self._check_size(header)
        return header

    def _check_size(self, header: _Header) -> None:
        message = self.rules.message
        if header.length > self.max_message_size:
            self._stop(f"{header.where()} announces {header.length} bytes, more than the "
                       f"{self.max_message_size} this reader keeps; reading stopped without buffering it.")
        elif header.opcode == CONTINUATION and message is not None:
            size = message.size + header.length
            if size > self.max_message_size:
                self._stop(f"{header.where()} would grow the message begun in frame {message.first_frame} "
                           f"to {size} bytes, more than the {self.max_message_size} this reader keeps; "
                           "reading stopped without buffering it.")

    def _stop(self, reason: str) -> None:
        self.too_large = reason
        self._buffer.clear()
        self.rules.message = None

    def _take_payload(self, header: _Header) -> None:
        with memoryview(self._buffer) as view:  # one copy: slicing the bytearray first would make two
            received = bytes(view[:header.length])
        del self._buffer[:header.length]
        payload = mask(received, header.masking_key) if header.masking_key is not None else received
        self._events.append(Frame(
            fin=header.fin, rsv1=bool(header.rsv & 4), rsv2=bool(header.rsv & 2), rsv3=bool(header.rsv & 1),
            opcode=header.opcode, masked=header.masking_key is not None, masking_key=header.masking_key,
            length=header.length, payload=payload, header=header.raw,
        ))
        broken, message = self.rules.take_payload(header.fin, header.opcode, payload, header.rsv)
        self._violate(header, broken)
        if self.rules.too_large is not None:
            self._stop(f"{header.where()} completes {self.rules.too_large}; reading stopped there.")
        if header.opcode == CLOSE and self.close is None:
            self.close = parse_close_payload(payload)
        if message is not None:
            self._events.append(message)

    def _violate(self, header: _Header, broken: list[BrokenRule]) -> None:
        for rule in broken:
            # A rule on a whole text message's UTF-8 is about the message, whichever frame revealed it.
            where = header.where() if rule.message_begun_in is None else \
                f"Text message begun in frame {rule.message_begun_in}"
            self.violations.append(f"{where}: {rule.clause}.")
