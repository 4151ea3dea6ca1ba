"""Decoding HTTP/2 frames from untrusted bytes into records fit for a log, without I/O.

A :class:`FrameDecoder` is fed one direction of a connection (after the
client's connection preface) and turns it into :class:`FrameRecord` values:
frame type, flags, stream, length and what the frame says, header blocks
decoded through HPACK. Framing is hyperframe's and HPACK is hpack's, the
layers the ``h2`` package is built on; this module adds only the bounds a
tool reading a hostile peer needs, and names for codes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from h2.errors import ErrorCodes
from h2.settings import SettingCodes
from hpack import Decoder, HPACKError
from hyperframe.exceptions import HyperframeError
from hyperframe.frame import (
    ContinuationFrame,
    DataFrame,
    ExtensionFrame,
    Frame,
    GoAwayFrame,
    HeadersFrame,
    PingFrame,
    PushPromiseFrame,
    RstStreamFrame,
    SettingsFrame,
    WindowUpdateFrame,
)

__all__ = [
    "CLIENT_PREFACE",
    "FRAME_HEADER_SIZE",
    "MAX_FRAME_SIZE",
    "MAX_HEADER_BLOCK",
    "FrameDecoder",
    "FrameError",
    "FrameRecord",
    "error_code_name",
    "setting_name",
]

CLIENT_PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
"""The 24 bytes a client sends first (RFC 9113 §3.4)."""

FRAME_HEADER_SIZE = 9

MAX_FRAME_SIZE = 16384
"""The largest frame payload accepted: the default SETTINGS_MAX_FRAME_SIZE, which the library never raises."""

MAX_HEADER_BLOCK = 64 * 1024
"""The largest header block (HEADERS plus CONTINUATION) read; more is not an answer."""

_TYPE_NAMES = {
    0x0: "DATA", 0x1: "HEADERS", 0x2: "PRIORITY", 0x3: "RST_STREAM", 0x4: "SETTINGS", 0x5: "PUSH_PROMISE",
    0x6: "PING", 0x7: "GOAWAY", 0x8: "WINDOW_UPDATE", 0x9: "CONTINUATION", 0xA: "ALTSVC", 0x10: "ORIGIN",
}


class FrameError(ValueError):
    """The bytes are not valid HTTP/2 framing or HPACK; the message says what was wrong."""


def setting_name(code: int) -> str:
    """``ENABLE_CONNECT_PROTOCOL`` for 0x8, ``0x1234`` for a code no RFC defines."""
    try:
        return SettingCodes(code).name
    except ValueError:
        return f"0x{code:x}"


def error_code_name(code: int) -> str:
    """``PROTOCOL_ERROR`` for 0x1, ``0x1234`` for a code no RFC defines."""
    try:
        return ErrorCodes(code).name
    except ValueError:
        return f"0x{code:x}"


@dataclass(frozen=True)
class FrameRecord:
    """One frame as sent or received, decoded.

    ``fields`` holds the decoded header fields of a HEADERS block (with its
    CONTINUATION frames), raw bytes as they were; ``detail`` is a short
    description of any other payload. Nothing here is escaped yet.
    """

    sent: bool
    type: str
    flags: tuple[str, ...]
    stream: int
    length: int
    detail: str = ""
    fields: tuple[tuple[bytes, bytes], ...] = ()
    frame: Frame | None = None

    @property
    def end_stream(self) -> bool:
        return "END_STREAM" in self.flags


class FrameDecoder:
    """Splits one direction of an HTTP/2 connection into frames and decodes header blocks.

    Feed bytes with :meth:`feed`; it yields every complete frame. A frame
    larger than :data:`MAX_FRAME_SIZE`, a frame hyperframe cannot parse, a
    header block interrupted by another frame or larger than
    :data:`MAX_HEADER_BLOCK`, or a block HPACK cannot decode raises
    :class:`FrameError`: such a peer is not speaking HTTP/2 correctly and
    nothing after it can be trusted.
    """

    def __init__(self, sent: bool) -> None:
        self.sent = sent
        self._buffer = bytearray()
        self._hpack = Decoder()
        self._block: bytearray | None = None
        self._block_start: Frame | None = None

    def feed(self, data: bytes) -> Iterator[FrameRecord]:
        self._buffer += data
        while len(self._buffer) >= FRAME_HEADER_SIZE:
            header = memoryview(bytes(self._buffer[:FRAME_HEADER_SIZE]))
            try:
                frame, length = Frame.parse_frame_header(header)
            except HyperframeError as error:
                raise FrameError(f"a frame header could not be read ({error})") from None
            if length > MAX_FRAME_SIZE:
                raise FrameError(
                    f"a {_type_name(frame)} frame of {length} bytes exceeds the maximum frame size of {MAX_FRAME_SIZE}"
                )
            if len(self._buffer) < FRAME_HEADER_SIZE + length:
                return
            body = bytes(self._buffer[FRAME_HEADER_SIZE:FRAME_HEADER_SIZE + length])
            del self._buffer[:FRAME_HEADER_SIZE + length]
            try:
                frame.parse_body(memoryview(body))
            except HyperframeError as error:
                raise FrameError(f"a {_type_name(frame)} frame on stream {frame.stream_id} is malformed ({error})") from None
            record = self._record(frame, length)
            if record is not None:
                yield record

    def _record(self, frame: Frame, length: int) -> FrameRecord | None:
        flags = tuple(sorted(frame.flags))
        if self._block is not None and not isinstance(frame, ContinuationFrame):
            raise FrameError(f"a header block was interrupted by a {_type_name(frame)} frame before END_HEADERS")
        if isinstance(frame, (HeadersFrame, PushPromiseFrame, ContinuationFrame)):
            return self._header_block(frame)
        return FrameRecord(self.sent, _type_name(frame), flags, frame.stream_id, length, _detail(frame), frame=frame)

    def _header_block(self, frame: Frame) -> FrameRecord | None:
        if isinstance(frame, ContinuationFrame):
            if self._block is None or self._block_start is None or frame.stream_id != self._block_start.stream_id:
                raise FrameError(f"a CONTINUATION frame on stream {frame.stream_id} continues no header block")
            self._block += frame.data
        else:
            self._block, self._block_start = bytearray(frame.data), frame
        if len(self._block) > MAX_HEADER_BLOCK:
            raise FrameError(f"a header block on stream {frame.stream_id} exceeds {MAX_HEADER_BLOCK} bytes")
        if "END_HEADERS" not in frame.flags:
            return None
        start, block = self._block_start, bytes(self._block)
        self._block = self._block_start = None
        try:
            fields = tuple((bytes(name), bytes(value)) for name, value in self._hpack.decode(block, raw=True))
        except HPACKError as error:
            raise FrameError(f"the header block on stream {start.stream_id} could not be decoded ({error})") from None
        # The record stands for the whole block: the first frame's type and flags, END_HEADERS from the last.
        detail = f"promised stream {start.promised_stream_id}" if isinstance(start, PushPromiseFrame) else ""
        return FrameRecord(self.sent, _type_name(start), tuple(sorted({*start.flags, "END_HEADERS"})),
                           start.stream_id, len(block), detail, fields, start)


def _type_name(frame: Frame) -> str:
    if isinstance(frame, ExtensionFrame):
        return _TYPE_NAMES.get(frame.type, f"type 0x{frame.type:x}")
    return _TYPE_NAMES.get(frame.type or 0, type(frame).__name__)


def _detail(frame: Frame) -> str:
    if isinstance(frame, SettingsFrame):
        return ", ".join(f"{setting_name(code)}={value}" for code, value in frame.settings.items())
    if isinstance(frame, RstStreamFrame):
        return error_code_name(frame.error_code)
    if isinstance(frame, GoAwayFrame):
        debug = f", debug data '{bytes(frame.additional_data).decode('latin-1')}'" if frame.additional_data else ""
        return f"{error_code_name(frame.error_code)}, last stream {frame.last_stream_id}{debug}"
    if isinstance(frame, WindowUpdateFrame):
        return f"increment {frame.window_increment}"
    if isinstance(frame, PingFrame):
        return f"opaque data {bytes(frame.opaque_data).hex()}"
    if isinstance(frame, DataFrame):
        return f"{len(frame.data)} bytes of data"
    return ""
