"""WebSocket framing (RFC 6455 §5, §7): frames, the one rule checker, the reader and the session, all sans-I/O.

Everything here is pure: builders return bytes; :class:`FrameRules` names
every rule a sender's frames break, for either role; :class:`FrameReader` is
fed bytes and reports frames, messages and the peer's broken rules;
:class:`Session` keeps what each side of a connection owes the other.
"""

from .close import CloseCode, ClosePayload, close_payload, is_valid_close_code, parse_close_payload
from .events import EndKind, Ended, Message
from .frames import (
    BINARY,
    CLOSE,
    CONTINUATION,
    PING,
    PONG,
    TEXT,
    Frame,
    OutgoingFrame,
    build_frame,
    describe_frame,
    is_control,
    mask,
    opcode_name,
)
from .reader import DEFAULT_MAX_MESSAGE_SIZE, Event, FrameReader
from .rules import BrokenRule, FrameRules, Role
from .session import Session

__all__ = [
    "BINARY",
    "CLOSE",
    "CONTINUATION",
    "BrokenRule",
    "CloseCode",
    "ClosePayload",
    "DEFAULT_MAX_MESSAGE_SIZE",
    "EndKind",
    "Ended",
    "Event",
    "Frame",
    "FrameReader",
    "FrameRules",
    "Message",
    "OutgoingFrame",
    "PING",
    "PONG",
    "Role",
    "Session",
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
