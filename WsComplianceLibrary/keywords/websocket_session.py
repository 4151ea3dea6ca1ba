"""The I/O of one connection opened by `Open WebSocket`: a sans-I/O session driven over one WebSocket connection.

:class:`WebSocketSession` is the only place the frame keywords touch the
socket and the clock. It writes what the keywords send and reads what the
server sends, through :class:`~..transport.websocket.WebSocketConnection`,
and tells each to the :class:`~..wire.websocket.session.Session`, which
keeps the state: what is owed, the closing handshake, the inbox. It also
sends the session's automatic answers, keeps the per-keyword logging
budget, and fails the keyword on the first rule the server's frames break.
"""

from __future__ import annotations

import codecs
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Literal

from robot.api import logger

from ..context import KeywordError
from ..judges.frames import describe_message
from ..judges.verdicts import Verdict
from ..transport.connection import Deadline
from ..transport.websocket import WebSocketConnection
from ..wire.printable import printable
from ..wire.websocket import PONG, TEXT, EndKind, Ended, Frame, Message, OutgoingFrame, describe_frame
from ..wire.websocket.rules import Role
from ..wire.websocket.session import PeerEvent, Observation, Session
from .assertions import report

__all__ = ["WebSocketSession"]

READ_WAIT = 0.001
"""Seconds a read between writes waits for the socket: enough to read what already arrived, too short to slow a case.
Before the Close of `Server Should Close Cleanly` a read only takes what already arrived."""

READ_LIMIT = 0.05
"""Seconds a read between writes lasts at most, so a server that never stops sending (a PING flood) cannot hold a
Send keyword."""

CLOSE_GRACE = 1.0
"""Seconds (within the keyword's timeout) to read on after the server's Close, for frames it wrongly sends after it."""

MASKING_KEYS_KEPT = 1000
"""Masking keys of the peer's frames kept for `Client Frames Should Be Masked`."""

FRAMES_LOGGED = 10
"""Frames logged one by one per keyword call and direction; the rest are counted, so 9.x cases keep log.html small."""


class WebSocketSession:
    """One connection opened by `Open WebSocket`: its socket, its :class:`Session` state, its keyword's log budget.

    ``state`` is the sans-I/O :class:`~..wire.websocket.session.Session`:
    what was sent, what the server owes, what arrived and is not judged
    yet (its inbox), how the connection ended.
    """

    def __init__(self, connection: WebSocketConnection, timeout: float, test: str, role: Role = Role.CLIENT,
                 extensions: str | None = None) -> None:
        self.connection = connection
        self.extensions = extensions
        """The ``Sec-WebSocket-Extensions`` offer the handshake made, if any."""
        self.timeout = timeout
        self.write_deadline: Deadline | None = None
        """The end of the keyword call under way when it bounds every write, automatic answers included (see
        :meth:`writes_within`); ``None``: each write gets :attr:`timeout`."""
        self.test = test
        self.state = Session(role, deflate=connection.deflate)
        self.masking_keys_received: list[bytes | None] = []
        """The masking key of each frame the peer sent, in order (``None`` for an unmasked one), the first thousand."""
        self._logged = {"sent": 0, "received": 0}
        self._unlogged = {"sent": [0, 0], "received": [0, 0]}
        self._messages_logged = 0

    @property
    def masks(self) -> bool:
        """Whether our frames are masked by default: a client's are, a server's are not (RFC 6455 §5.1)."""
        return self.state.role is Role.CLIENT

    @property
    def peer(self) -> Role:
        """The role of the endpoint at the other end, which the verdicts name: the server, or a client under test."""
        return self.state.role.peer

    def __repr__(self) -> str:
        state = "open" if self.connection.is_open else "closed"
        return f"<WebSocket session to {self.connection.target.url}, {state}, {self.state.frames_sent} frames sent>"

    # --- logging ---

    @contextmanager
    def logging_budget(self) -> Iterator[WebSocketSession]:
        """Log at most :data:`FRAMES_LOGGED` frames each way inside the block, then one line counting the rest."""
        self._logged = {"sent": 0, "received": 0}
        self._unlogged = {"sent": [0, 0], "received": [0, 0]}
        self._messages_logged = 0
        try:
            yield self
        finally:
            for direction, (count, size) in self._unlogged.items():
                if count:
                    logger.info(f"... and {count} more frames {direction} ({size} bytes of payload), not logged "
                                "one by one.")

    @contextmanager
    def writes_within(self, deadline: Deadline) -> Iterator[WebSocketSession]:
        """Bound every write inside the block by ``deadline``, so a keyword that has one timeout keeps to it.

        A server that floods Pings and never reads fills the socket's send
        buffer with our Pongs; without this bound the next write (a Pong or
        our Close) would wait a whole timeout of its own before the keyword's
        wait begins.
        """
        self.write_deadline = deadline
        try:
            yield self
        finally:
            self.write_deadline = None

    def _log_frame(self, frame: Frame, direction: Literal["sent", "received"]) -> None:
        if self._logged[direction] < FRAMES_LOGGED:
            self._logged[direction] += 1
            logger.info(describe_frame(frame, direction))
        else:
            self._unlogged[direction][0] += 1
            self._unlogged[direction][1] += frame.length

    # --- sending ---

    def send(self, frames: list[OutgoingFrame], chop: int | None = None, reply: bool = False) -> None:
        """Write ``frames`` in order, each accounted for by the session first.

        Frames go out in one write until one breaks a rule; from then on
        each is written alone after reading what arrived, so what the
        server did in between is seen before the next frame (Autobahn's
        "fail fast"). Nothing is sent once the server has closed, sent its
        Close or stopped taking bytes; ``reply`` (our automatic Pong or
        Close) is sent even after the server's Close.
        """
        batch: list[bytes] = []
        state = self.state
        for index, outgoing in enumerate(frames):
            # Our automatic replies are written at once: reading before them would recurse into more replies.
            one_by_one = chop is not None or (state.first_violation is not None and not reply)
            if one_by_one:
                self._write(batch, chop)
                if state.first_violation is not None:
                    self.read_what_arrived()
            stopped = state.why_not_sending(reply)
            if stopped:
                left = len(frames) - index
                logger.info(f"Not sent ({left} frame{'' if left == 1 else 's'}): {stopped}.")
                break
            data, broke_a_rule = self._account_for(outgoing)
            batch.append(data)
            if one_by_one or broke_a_rule:
                self._write(batch, chop)
        self._write(batch, chop)

    def _account_for(self, outgoing: OutgoingFrame) -> tuple[bytes, bool]:
        """Tell the session about ``outgoing`` before it is written; log it; its bytes and whether it breaks a rule."""
        try:
            sent = self.state.send(outgoing, time.monotonic())
        except ValueError as error:
            raise KeywordError(f"{error} Nothing more was sent.") from None
        self._log_frame(sent.frame, "sent")
        if sent.violation is not None and sent.violation is self.state.first_violation:
            logger.info(f"That frame is the first the {self.peer} must fail the connection for: "
                        f"{sent.violation.summary()}.")
        # Let the server echo anything we send, however large (the cap guards against endless announced lengths).
        reader = self.connection.reader
        size = len(outgoing.payload) if sent.message is None else len(sent.message.payload)
        reader.max_message_size = max(reader.max_message_size, size)
        return sent.data, sent.violation is not None

    def send_in_parts(self, outgoing: OutgoingFrame, parts: list[bytes], pause: float) -> None:
        """Write one frame whose payload is ``parts`` joined, part by part, reading ``pause`` after all but the last.

        The header goes out with the first part. When the payload is text
        starting a message and a part holds its first invalid UTF-8 byte,
        what the server does after the next part went out counts as after
        the following frame, so the judge can tell failing fast from
        failing at the end (Autobahn 6.4.3, 6.4.4). Writing stops once the
        server has closed or sent its Close.
        """
        state = self.state
        with self.logging_budget():
            stopped = state.why_not_sending()
            if stopped:
                logger.info(f"Not sent: {stopped}.")
                return
            data, _ = self._account_for(outgoing)
            invalid_at = _utf8_error_detectable_at(outgoing.payload) if outgoing.opcode == TEXT else None
            offset = len(data) - len(outgoing.payload)
            written = 0
            invalid_written_at = None
            for index, part in enumerate(parts):
                if index and (state.why_not_sending() or state.end is not None):
                    logger.info(f"Parts {index + 1} to {len(parts)} not sent: {state.why_not_sending()}.")
                    return
                state.part_written(invalid_written_at, time.monotonic())
                start = 0 if index == 0 else offset + written
                written += len(part)
                self._write([data[start:offset + written]], None)
                if invalid_at is not None and invalid_written_at is None and written > invalid_at:
                    invalid_written_at = time.monotonic()
                logger.info(f"Wrote part {index + 1} of {len(parts)} of that frame ({len(part)} payload bytes).")
                if index < len(parts) - 1:
                    deadline = Deadline.after(pause)
                    while state.end is None and self._read_next_event(deadline.remaining()) is not None:
                        pass

    def _write(self, batch: list[bytes], chop: int | None) -> None:
        if not batch:
            return
        data = batch[0] if len(batch) == 1 else b"".join(batch)
        batch.clear()
        if self.state.write_failure is not None:
            return
        timeout = self.timeout if self.write_deadline is None else min(self.timeout, self.write_deadline.remaining())
        failure = self.connection.send(data, chop_size=chop, timeout=timeout)
        if failure is not None:
            self.state.write_failure = failure
            logger.info(f"Writing stopped: {failure.detail}")

    # --- receiving ---

    def read_what_arrived(self, wait: float = READ_WAIT) -> None:
        """Read what the server has sent so far, waiting up to ``wait`` for more, for :data:`READ_LIMIT` at most.

        ``wait=0`` takes only what already arrived, without blocking.
        """
        deadline = Deadline.after(READ_LIMIT)
        while (self.state.end is None and deadline.remaining() > 0
               and self._read_next_event(min(wait, deadline.remaining()), look=True) is not None):
            pass

    def _read_next_event(self, timeout: float, look: bool = False) -> Observation | None:
        """Wait up to ``timeout`` for the next frame, message or end; record and log it; ``None`` on timeout.

        Sends the session's automatic answers (a Pong for the server's
        Ping, a Close for its Close), as Autobahn's client does, and fails
        the keyword on the first rule the server's frames break. With no
        time left it reads nothing: the reader may hold thousands of frames
        from one read, and a wait that handled them all would outlast its
        deadline.
        """
        if timeout <= 0 and not look:  # look: a read of what already arrived, bounded by its caller
            return None
        event = self.connection.receive_event(timeout)
        if isinstance(event, Ended) and event.how is EndKind.TIMEOUT:
            return None
        ended_before = self.state.end is not None
        received = self.state.receive(event, time.monotonic(), self.connection.violations)
        if isinstance(event, Ended):
            if not ended_before:
                logger.info(f"Connection ended: {printable(event.detail)}")
        elif isinstance(event, Message):
            if self._messages_logged < FRAMES_LOGGED:
                self._messages_logged += 1
                compressed = ", compressed" if event.compressed else ""
                logger.info(f"Received {describe_message(event.opcode, event.payload)} in {event.frame_count} "
                            f"frame{'' if event.frame_count == 1 else 's'}{compressed}.")
        else:
            self._log_frame(event, "received")
            if len(self.masking_keys_received) < MASKING_KEYS_KEPT:  # a flood must not grow it without end
                self.masking_keys_received.append(event.masking_key)
        if received.broken:
            broken = received.broken[0]
            if self.peer is Role.CLIENT:  # the clause starts "Frame 1 (...)": say whose frame it is
                broken = f"The {self.peer}'s {broken[0].lower()}{broken[1:]}"
            report(Verdict(False, broken))
        if isinstance(event, Ended) and event.how is EndKind.TOO_LARGE:
            report(Verdict(False, event.detail))
        if received.answers:
            self.send(received.answers, reply=True)
        return received.observation

    def wait_for(self, wanted: Callable[[PeerEvent], bool], timeout: float) -> tuple[Observation | None, bool]:
        """The first observation ``wanted`` (taken out of the inbox, ``True``), else what ended the wait (``False``).

        What ended it is the server's Close frame or the end of the
        connection, after which nothing wanted can come, or ``None`` when
        ``timeout`` passed. Taking a message drops the data frames that
        carried it; control frames stay for the keywords that want them.
        """
        state = self.state
        deadline = Deadline.after(timeout)
        taken = state.take_from_inbox(wanted)
        if taken is not None:
            return taken, True
        while state.peer_close is None and state.end is None:
            observation = self._read_next_event(deadline.remaining())
            if observation is None:
                return None, False
            if state.inbox and state.inbox[-1] is observation and wanted(observation.event):
                return state.take_from_inbox(wanted, len(state.inbox) - 1), True
        return state.peer_close or state.end, False

    def wait_for_failure(self, timeout: float, violation: int) -> None:
        """Read until the server's Close frame, the end of the connection, ``timeout``, or a decided failure.

        An echo or pong that answers our frame number ``violation`` or a
        later one decides the case (the server went on after the bad frame),
        so reading stops there instead of waiting out the timeout; answers
        owed for frames sent before it are taken in stride.
        """
        state = self.state
        deadline = Deadline.after(timeout)
        owed = [item for item in state.expected if item.frame < violation]
        while state.peer_close is None and state.end is None:
            observation = self._read_next_event(deadline.remaining())
            if observation is None:
                return
            event = observation.event
            if isinstance(event, Message) or (isinstance(event, Frame) and event.opcode == PONG):
                answer = next((item for item in owed if item.answered_by(event)), None)
                if answer is None:
                    return
                owed.remove(answer)

    def wait_for_end(self, timeout: float) -> Observation | None:
        """Read until the connection ends (returned) or ``timeout`` passes (``None``)."""
        deadline = Deadline.after(timeout)
        while self.state.end is None:
            if self._read_next_event(deadline.remaining()) is None:
                return None
        return self.state.end

    def close(self) -> None:
        self.connection.close()


def _utf8_error_detectable_at(payload: bytes) -> int | None:
    """The offset of the first byte at which a decoder reading ``payload`` byte by byte knows it is not UTF-8.

    That is where a server that fails fast can fail: for ``F4 90`` it is
    the ``90``, since ``F4`` alone may still start a valid sequence.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    for index in range(len(payload)):
        try:
            decoder.decode(payload[index:index + 1])
        except UnicodeDecodeError:
            return index
    return None
