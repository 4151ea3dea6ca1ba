"""A WebSocket connection to the server under test: the opening handshake, then frames, over one socket.

:meth:`WebSocketConnection.open` connects (TCP or TLS), writes the
handshake request exactly as given and reads the answer's header block; a
``101`` leaves the connection open and hands every byte the server sent
after the header block to a :class:`~..wire.websocket.FrameReader`. Then
:meth:`~WebSocketConnection.send` writes bytes as given (whole or in chops)
and :meth:`~WebSocketConnection.receive_event` returns the next frame or
message, or an :class:`Ended` saying why there is none. Every wait has its
own deadline, and nothing the server does raises.
"""

from __future__ import annotations

import socket
import ssl
import time

from ..target import Target
from ..wire.http1.response import Outcome, Response
from ..wire.websocket import DEFAULT_MAX_MESSAGE_SIZE, EndKind, Ended, Event, FrameReader
from ..wire.websocket.deflate import DeflateParameters, NegotiationError, agree
from .connection import Deadline, connect
from .http1 import exchange_on

__all__ = ["WebSocketConnection"]

_RECV_SIZE = 65536


class WebSocketConnection:
    """One WebSocket connection; create it with :meth:`open`, always :meth:`close` it (or use ``with``).

    :attr:`handshake` is the handshake exchange as an HTTP
    :class:`~..wire.http1.response.Response` (status, headers, raw bytes)
    for judging and logging; :attr:`reader` holds the violations the
    server's frames committed. ``timeout`` is the default for each wait.
    :attr:`deflate` is the permessage-deflate agreement read from the
    handshake, or ``None``; :attr:`negotiation_error` says in one clause
    why the server's ``Sec-WebSocket-Extensions`` answer could not be
    taken (the frames are then read as if nothing was agreed).
    """

    def __init__(self, target: Target, handshake: Response, reader: FrameReader, timeout: float,
                 peer: str = "server") -> None:
        self.target = target
        self.peer = peer
        """What the other end is, for the sentences saying what it did: ``server``, or ``client``."""
        self.handshake = handshake
        self.reader = reader
        self.timeout = timeout
        self._sock: socket.socket | None = None
        self._ended: Ended | None = None
        self.deflate: DeflateParameters | None = None
        self.negotiation_error: str | None = None

    @classmethod
    def open(
        cls,
        target: Target,
        request: bytes,
        timeout: float,
        verify: bool = True,
        max_message_size: int = DEFAULT_MAX_MESSAGE_SIZE,
        negotiated_rsv: tuple[int, ...] = (),
        extensions: str | None = None,
    ) -> WebSocketConnection:
        """Connect to ``target``, send the handshake ``request`` and read the answer's header block.

        ``timeout`` bounds connecting, the TLS handshake, sending and
        reading the answer. The connection is open (:attr:`is_open`) when
        the answer is ``101``, whatever its headers say: judging them is
        the caller's job. Otherwise the socket is already closed and every
        wait returns :attr:`EndKind.NOT_OPEN`. ``max_message_size`` and
        ``negotiated_rsv`` configure the :class:`FrameReader`.
        ``extensions`` is the ``Sec-WebSocket-Extensions`` value the
        request offers: the answer is judged against it before any frame
        is read.
        """
        started = time.monotonic()
        deadline = Deadline(started + timeout, timeout)
        handshake = Response(request=request, outcome=Outcome.TIMEOUT, url=target.url, timeout=timeout)
        connection = cls(target, handshake, FrameReader(max_message_size, negotiated_rsv), timeout)
        try:
            connection._sock, failure = connect(target, deadline, verify)
            if connection._sock is None:
                handshake.outcome, handshake.detail = failure
            else:
                exchange_on(connection._sock, handshake, deadline)
        except BaseException:
            connection.close()
            raise
        finally:
            handshake.elapsed = time.monotonic() - started
        if handshake.outcome is Outcome.ANSWERED and handshake.status == 101:
            connection._negotiate(extensions or "", max_message_size, negotiated_rsv)
            connection.reader.feed(handshake.trailing)
        else:
            connection._end(EndKind.NOT_OPEN, f"No WebSocket connection: {_handshake_failure(handshake)}.")
        return connection

    @classmethod
    def accepted(cls, sock: socket.socket, target: Target, handshake: Response, reader: FrameReader,
                 timeout: float) -> WebSocketConnection:
        """The connection a client opened to us, once we answered its handshake: ``reader`` reads its frames.

        ``handshake`` holds the client's request (``request``) and our
        answer (``raw``); bytes the client sent after its request head must
        already have been fed to ``reader``.
        """
        connection = cls(target, handshake, reader, timeout, peer="client")
        connection._sock = sock
        return connection

    def _negotiate(self, offered: str, max_message_size: int, negotiated_rsv: tuple[int, ...]) -> None:
        try:
            self.deflate = agree(offered, self.handshake.headers.get_all("Sec-WebSocket-Extensions"))
        except NegotiationError as error:
            self.negotiation_error = str(error)
        if self.deflate is not None:
            self.reader = FrameReader(max_message_size, negotiated_rsv, deflate=self.deflate)

    @property
    def is_open(self) -> bool:
        """Whether the socket is open (after a ``101``, until the connection ended or was closed)."""
        return self._sock is not None

    @property
    def violations(self) -> list[str]:
        """Every rule of RFC 6455 the server's frames broke so far, one sentence each."""
        return self.reader.violations

    def send(
        self, data: bytes, chop_size: int | None = None, chop_delay: float = 0.0, timeout: float | None = None
    ) -> Ended | None:
        """Write ``data`` as given; return ``None`` once every byte is written, else an :class:`Ended` saying why not.

        With ``chop_size`` the bytes go out in writes of that many bytes,
        ``chop_delay`` seconds apart, as Autobahn's chopped writes do. The
        whole send, delays included, is bounded by ``timeout`` (the
        connection's default when ``None``). A failed write leaves the
        socket open: what the server sent before is still to be read.
        """
        if chop_size is not None and chop_size < 1:
            raise ValueError(f"A chop size is at least 1 byte, not {chop_size}.")
        if self._sock is None:
            return self._ended
        deadline = Deadline.after(self.timeout if timeout is None else timeout)
        view = memoryview(data)
        step = chop_size or len(view) or 1
        written = 0
        try:
            for start in range(0, len(view), step):
                if start and chop_delay:
                    time.sleep(min(chop_delay, deadline.remaining()))
                if deadline.remaining() <= 0:
                    raise TimeoutError
                chop = view[start:start + step]
                self._sock.settimeout(deadline.remaining())
                self._sock.sendall(chop)
                written += len(chop)
        except TimeoutError:
            return Ended(EndKind.TIMEOUT, f"The {self.peer} did not take {len(view)} bytes within {deadline} "
                                          f"({written} were written).")
        except BrokenPipeError:
            return Ended(EndKind.CLOSED, f"The {self.peer} closed the connection after {written} of {len(view)} "
                                         "bytes were written.")
        except (ssl.SSLError, OSError) as error:
            return Ended(EndKind.RESET, f"Writing failed after {written} of {len(view)} bytes "
                                        f"({getattr(error, 'reason', None) or error}).")
        return None

    def receive_event(self, timeout: float | None = None) -> Event | Ended:
        """The next frame or completed message from the server, or how the wait for it ended.

        Waits at most ``timeout`` seconds (the connection's default when
        ``None``). Frames that already arrived are returned without waiting;
        ``timeout=0`` (or a wait whose time is up) still takes, without
        blocking, the bytes that are already in the socket.
        """
        event = self._next_event()
        if event is not None:
            return event
        if self._sock is None:
            assert self._ended is not None
            return self._ended
        deadline = Deadline.after(self.timeout if timeout is None else timeout)
        last_look = False
        while True:
            remaining = deadline.remaining()
            if last_look:
                return self._timed_out(deadline)
            last_look = remaining <= 0  # one read without blocking once the time is up, then no more
            try:
                self._sock.settimeout(remaining)
                data = self._sock.recv(_RECV_SIZE)
            except (TimeoutError, BlockingIOError, ssl.SSLWantReadError):
                return self._timed_out(deadline)
            except ConnectionResetError:
                return self._end(EndKind.RESET, f"The connection was reset{self._mid_frame()}.")
            except (ssl.SSLError, OSError) as error:
                return self._end(EndKind.RESET, f"Reading failed ({getattr(error, 'reason', None) or error})"
                                                f"{self._mid_frame()}.")
            if not data:
                self.reader.feed_eof()
                return self._end(EndKind.CLOSED, f"The {self.peer} closed the TCP connection{self._mid_frame()}.")
            self.reader.feed(data)
            event = self._next_event()
            if event is not None:
                return event

    def close(self) -> None:
        """Close the socket (no closing handshake: send a Close frame first for that). Safe to call twice."""
        if self._sock is not None:
            self._end(EndKind.NOT_OPEN, "The connection was closed by this client.")

    def __enter__(self) -> WebSocketConnection:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _next_event(self) -> Event | Ended | None:
        event = self.reader.next_event()
        if event is None and self.reader.too_large is not None and self._sock is not None:
            return self._end(EndKind.TOO_LARGE, self.reader.too_large)
        return event

    def _end(self, how: EndKind, detail: str) -> Ended:
        self._ended = Ended(how, detail)
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        return self._ended

    def _timed_out(self, deadline: Deadline) -> Ended:
        return Ended(EndKind.TIMEOUT, f"No whole frame arrived within {deadline}{self._mid_frame()}.")

    def _mid_frame(self) -> str:
        pending = self.reader.pending_bytes
        return f", in the middle of a frame ({pending} bytes of it received)" if pending else ""


def _handshake_failure(handshake: Response) -> str:
    if handshake.outcome is Outcome.ANSWERED:
        return f"the server answered {handshake.status} instead of 101"
    return handshake.detail or f"the handshake ended as {handshake.outcome}"
