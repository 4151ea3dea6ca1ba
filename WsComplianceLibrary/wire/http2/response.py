"""What one extended CONNECT exchange over HTTP/2 showed: the server's settings, its answer, how the stream ended."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..http1.response import Headers

if TYPE_CHECKING:
    # Only named in an annotation: the decoder's module loads h2 and hpack, which a response needs none of.
    from .frames import FrameRecord

__all__ = ["H2Outcome", "H2Response", "StreamEnd"]


class H2Outcome(str, enum.Enum):
    """How an exchange ended, as far as the answer to the request goes."""

    ANSWERED = "answered"
    """A final ``:status`` (or a ``101``, which HTTP/2 forbids) arrived on the stream."""
    RESET = "reset"
    """The server reset the stream (RST_STREAM) before answering."""
    GOAWAY = "goaway"
    """The server ended the connection with GOAWAY before answering the stream."""
    CLOSED = "closed"
    """The server closed or reset the TCP connection before answering."""
    TIMEOUT = "timeout"
    """No answer within the timeout, connection still open."""
    INVALID = "invalid"
    """The server sent bytes that are not valid HTTP/2 (framing, HPACK, a flood of control frames)."""
    NOT_HTTP2 = "not_http2"
    """The target does not speak HTTP/2: no ``h2`` in ALPN, or an HTTP/1.x answer (or a close) to the preface."""
    REFUSED = "refused"
    """Nothing accepted the TCP connection."""
    UNREACHABLE = "unreachable"
    """The host could not be resolved or reached within the timeout."""
    TLS_FAILED = "tls_failed"
    """The TLS handshake failed or did not finish within the timeout."""

    def __str__(self) -> str:
        return self.value

    @property
    def connected(self) -> bool:
        """Whether the request reached the server (connection and TLS handshake succeeded)."""
        return self not in (H2Outcome.REFUSED, H2Outcome.UNREACHABLE, H2Outcome.TLS_FAILED)


class StreamEnd(str, enum.Enum):
    """How the request's stream ended, or that it had not when reading stopped."""

    END_STREAM = "END_STREAM"
    RST_STREAM = "RST_STREAM"
    GOAWAY = "GOAWAY"
    CLOSED = "connection closed"
    OPEN = "open"
    TIMEOUT = "timeout"

    def __str__(self) -> str:
        return self.value


@dataclass
class H2Response:
    """One exchange: what was sent, the server's SETTINGS and answer, and every frame both ways.

    ``settings`` maps setting names (``ENABLE_CONNECT_PROTOCOL``) to the
    values of the server's SETTINGS frames; ``status`` and ``headers`` are
    the final answer (pseudo-header fields are in ``fields`` only);
    ``interim`` lists skipped ``1xx`` statuses; ``error_code`` names the code
    of the RST_STREAM or GOAWAY that ended the stream; ``data`` is what DATA
    frames carried on the stream and ``sent_data`` what the client's DATA
    frames carried (WebSocket frames, once accepted); ``detail`` says why
    the exchange ended when nothing was answered.
    """

    url: str
    request: list[tuple[bytes, bytes]]
    outcome: H2Outcome = H2Outcome.TIMEOUT
    stream_end: StreamEnd = StreamEnd.TIMEOUT
    settings_received: bool = False
    settings: dict[str, int] = field(default_factory=dict)
    status: int | None = None
    headers: Headers = field(default_factory=Headers)
    fields: list[tuple[bytes, bytes]] = field(default_factory=list)
    interim: list[int] = field(default_factory=list)
    error_code: str | None = None
    goaway: str | None = None
    data: bytes = b""
    sent_data: bytes = b""
    frames: list[FrameRecord] = field(default_factory=list)
    frames_not_kept: int = 0
    alpn: str | None = None
    detail: str = ""
    elapsed: float = 0.0
    timeout: float | None = None

    def __repr__(self) -> str:
        # Short on purpose: Robot logs returned values, and the fields hold server bytes.
        return f"<H2Response {self.outcome}, :status {self.status}, stream {self.stream_end}>"

    @property
    def extended_connect_enabled(self) -> bool:
        """Whether the server's SETTINGS carried ``SETTINGS_ENABLE_CONNECT_PROTOCOL`` = 1 (RFC 8441 §3)."""
        return self.settings.get("ENABLE_CONNECT_PROTOCOL") == 1
