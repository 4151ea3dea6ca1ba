"""What reading a WebSocket connection yields: completed messages, and how a wait ended without a frame.

Plain records, no I/O: the transport produces them, the session and the
judges read them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .frames import opcode_name

__all__ = ["EndKind", "Ended", "Message"]


@dataclass(frozen=True, repr=False)
class Message:
    """A completed data message: its opcode (TEXT or BINARY), its payload and how many frames carried it.

    ``compressed`` marks a permessage-deflate message; ``payload`` is then
    what it inflated to.
    """

    opcode: int
    payload: bytes
    frame_count: int
    compressed: bool = False

    @property
    def text(self) -> str:
        """The payload decoded as UTF-8, undecodable bytes replaced."""
        return self.payload.decode("utf-8", errors="replace")

    def __repr__(self) -> str:
        compressed = ", compressed" if self.compressed else ""
        return (f"<Message {opcode_name(self.opcode)}, {len(self.payload)} bytes in {self.frame_count} "
                f"frames{compressed}>")


class EndKind(str, enum.Enum):
    """Why a wait returned no frame."""

    CLOSED = "closed"
    """The peer closed the TCP connection cleanly."""
    RESET = "reset"
    """The connection was reset, or reading from it failed."""
    TIMEOUT = "timeout"
    """Nothing whole arrived within the timeout; the connection is still open."""
    TOO_LARGE = "too large"
    """A frame or message outgrew the reader's cap; reading stopped and the connection was closed."""
    NOT_OPEN = "not open"
    """There is no WebSocket connection: the handshake did not end in ``101``, or the connection was closed."""

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Ended:
    """How a wait ended without a frame, with a one-sentence ``detail``.

    Every kind but :attr:`EndKind.TIMEOUT` is final: the socket is closed
    and later waits return the same :class:`Ended`.
    """

    how: EndKind
    detail: str
