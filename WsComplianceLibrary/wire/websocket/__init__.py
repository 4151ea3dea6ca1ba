"""WebSocket framing (RFC 6455 §5, §7): the frame builder, masking, close payloads and the lenient frame reader.

Everything here is pure: builders return bytes, :class:`FrameReader` is fed
bytes and reports frames, messages and every rule the server's frames break.
"""

from .close import ClosePayload, close_payload, is_valid_close_code, parse_close_payload
from .frames import (
    BINARY,
    CLOSE,
    CONTINUATION,
    PING,
    PONG,
    TEXT,
    Frame,
    build_frame,
    describe_frame,
    is_control,
    mask,
    opcode_name,
)
from .reader import DEFAULT_MAX_MESSAGE_SIZE, Event, FrameReader, Message

__all__ = [
    "BINARY",
    "CLOSE",
    "CONTINUATION",
    "ClosePayload",
    "DEFAULT_MAX_MESSAGE_SIZE",
    "Event",
    "Frame",
    "FrameReader",
    "Message",
    "PING",
    "PONG",
    "TEXT",
    "build_frame",
    "close_payload",
    "describe_frame",
    "is_control",
    "is_valid_close_code",
    "mask",
    "opcode_name",
    "parse_close_payload",
]
