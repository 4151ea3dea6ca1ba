"""Keywords that speak WebSocket frames on an open connection and judge how the server answers (RFC 6455 §5-§8).

A case opens a connection with `Open WebSocket`, sends frames and messages
(valid or not) with the Send keywords, then states what the server should
have done: echo, pong, fail the connection, close cleanly. The judging is
done by the pure functions of :mod:`..judges.frames`; this module does the
I/O, the bookkeeping of what was sent and received, and the logging.
"""

from __future__ import annotations

import codecs
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal, Union, cast

from robot.api import logger
from robot.api.exceptions import SkipExecution
from robot.libraries.BuiltIn import BuiltIn, RobotNotRunningError
from robotlibcore import keyword

from ..context import KeywordError, LibraryContext, seconds
from ..judges import frames as judge
from ..judges.frames import ClientRules, ClientViolation, Expected, Observation, describe_event, describe_message
from ..judges.verdicts import Verdict, describe, request_line
from ..transport.connection import Deadline
from ..transport.websocket import EndKind, Ended, WebSocketConnection
from ..wire.http1.request import RequestError, build_upgrade_request, new_key
from ..wire.websocket import (
    CLOSE,
    CONTINUATION,
    DEFAULT_MAX_MESSAGE_SIZE,
    PING,
    PONG,
    TEXT,
    Frame,
    Message,
    build_frame,
    close_payload,
    describe_frame,
    is_control,
    is_valid_close_code,
    parse_close_payload,
)
from ..wirelog import log_exchange, printable
from .assertions import report
from .exchange import HeaderArgument, _header_pairs

__all__ = ["FrameKeywords", "OutgoingFrame", "WebSocketSession"]

OPCODES = {"continuation": 0x0, "text": 0x1, "binary": 0x2, "close": 0x8, "ping": 0x9, "pong": 0xA}
"""Opcode names the Send keywords accept, besides numbers 0-15."""

POLL_WAIT = 0.001
"""Seconds a poll between writes waits for the socket: enough to read what already arrived, too short to slow a case.
Before the Close of `Server Should Close Cleanly` a poll only takes what already arrived."""

POLL_LIMIT = 0.05
"""Seconds a poll reads at most, so a server that never stops sending (a PING flood) cannot hold a Send keyword."""

CLOSE_GRACE = 1.0
"""Seconds (within the keyword's timeout) to read on after the server's Close, for frames it wrongly sends after it."""

FRAMES_LOGGED = 10
"""Frames logged one by one per keyword call and direction; the rest are counted, so 9.x cases keep log.html small."""

Event = Union[Frame, Message, Ended]


@dataclass(frozen=True)
class OutgoingFrame:
    """One frame to send, with every header field a case may want wrong; ``rsv`` is the 3-bit field (RSV1=4)."""

    opcode: int
    payload: bytes
    fin: bool = True
    rsv: int = 0
    masked: bool = True
    masking_key: bytes | None = None
    length_form: Literal[7, 16, 64] | None = None
    announced_length: int | None = None

    def encode(self) -> tuple[bytes, Frame]:
        """The frame's bytes, and the frame as the server will read it (for the log)."""
        key = (self.masking_key or os.urandom(4)) if self.masked else None
        data = build_frame(self.opcode, self.payload, fin=self.fin, rsv1=bool(self.rsv & 4), rsv2=bool(self.rsv & 2),
                           rsv3=bool(self.rsv & 1), masked=self.masked, masking_key=key, length_form=self.length_form,
                           announced_length=self.announced_length)
        header = data[:len(data) - len(self.payload)]
        length = len(self.payload) if self.announced_length is None else self.announced_length
        return data, Frame(self.fin, bool(self.rsv & 4), bool(self.rsv & 2), bool(self.rsv & 1), self.opcode,
                           self.masked, key, length, self.payload, header)


class WebSocketSession:
    """One connection opened by `Open WebSocket`: what was sent, what arrived and is not judged yet, how it ended.

    ``inbox`` holds what the server sent, in order, until a keyword takes
    it: frames, completed messages, and the end of the connection.
    ``expected`` are the answers the server owes (echoes and pongs).
    """

    def __init__(self, connection: WebSocketConnection, timeout: float, test: str) -> None:
        self.connection = connection
        self.timeout = timeout
        self.test = test
        self.rules = ClientRules()
        self.expected: list[Expected] = []
        self.inbox: list[Observation] = []
        self.frame_times: list[float] = []
        self.server_close: Observation | None = None
        self.server_closed_first = False
        self.close_code_sent: int | None = None
        self.end: Observation | None = None
        self.write_failure: Ended | None = None
        self._violations_reported = 0
        # Parts of one frame written after the part that holds its first invalid byte: what the server
        # does after that was not "as soon as the invalid byte arrived" (see send_in_parts).
        self.late_parts = 0
        self.late_part_delay: float | None = None
        self._logged = {"sent": 0, "received": 0}
        self._unlogged = {"sent": [0, 0], "received": [0, 0]}
        self._messages_logged = 0

    def __repr__(self) -> str:
        state = "open" if self.connection.is_open else "closed"
        return f"<WebSocket session to {self.connection.target.url}, {state}, {self.rules.frames_sent} frames sent>"

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

    def _log_frame(self, frame: Frame, direction: Literal["sent", "received"]) -> None:
        if self._logged[direction] < FRAMES_LOGGED:
            self._logged[direction] += 1
            logger.info(describe_frame(frame, direction))
        else:
            self._unlogged[direction][0] += 1
            self._unlogged[direction][1] += frame.length

    # --- sending ---

    def send(self, frames: list[OutgoingFrame], chop: int | None = None, reply: bool = False) -> None:
        """Write ``frames`` in order, checking each against the rules a server enforces on a client.

        Frames go out in one write until one breaks a rule; from then on
        each is written alone after polling the socket, so what the server
        did in between is seen before the next frame (Autobahn's "fail
        fast"). Nothing is sent once the server has closed, sent its Close
        or stopped taking bytes; ``reply`` (our automatic Pong or Close)
        is sent even after the server's Close.
        """
        batch: list[bytes] = []
        for index, outgoing in enumerate(frames):
            # Our automatic replies are written at once: polling for them would recurse into more replies.
            one_by_one = chop is not None or (self.rules.first_violation is not None and not reply)
            if one_by_one:
                self._write(batch, chop)
                if self.rules.first_violation is not None:
                    self.poll()
            stopped = self.why_not_sending(reply)
            if stopped:
                left = len(frames) - index
                logger.info(f"Not sent ({left} frame{'' if left == 1 else 's'}): {stopped}.")
                break
            data, violation = self._record(outgoing)
            batch.append(data)
            if one_by_one or violation is not None:
                self._write(batch, chop)
        self._write(batch, chop)

    def _record(self, outgoing: OutgoingFrame) -> tuple[bytes, ClientViolation | None]:
        """Encode ``outgoing`` and account for it before it is written: rules, answers owed, times, the log."""
        try:
            data, frame = outgoing.encode()
        except ValueError as error:
            raise KeywordError(f"{error} Nothing more was sent.") from None
        violation, expected = self.rules.check(
            outgoing.opcode, outgoing.payload, fin=outgoing.fin, rsv=outgoing.rsv, masked=outgoing.masked,
            announced_length=outgoing.announced_length, length_form=outgoing.length_form)
        self.frame_times.append(time.monotonic())
        self._log_frame(frame, "sent")
        if violation is not None and violation is self.rules.first_violation:
            logger.info(f"That frame is the first the server must fail the connection for: {violation.summary()}.")
        if expected is not None:
            self.expected.append(expected)
        if outgoing.opcode == CLOSE and self.close_code_sent is None:
            self.close_code_sent = parse_close_payload(outgoing.payload).code
        self._grow_reader_cap(len(outgoing.payload))
        return data, violation

    def send_in_parts(self, outgoing: OutgoingFrame, parts: list[bytes], pause: float) -> None:
        """Write one frame whose payload is ``parts`` joined, part by part, reading for ``pause`` after each but the last.

        The header goes out with the first part. When the payload is text
        starting a message and a part holds its first invalid UTF-8 byte,
        what the server does after the next part went out counts as after
        the following frame, so the judge can tell failing fast from
        failing at the end (Autobahn 6.4.3, 6.4.4). Writing stops once the
        server has closed or sent its Close.
        """
        with self.logging_budget():
            stopped = self.why_not_sending(False)
            if stopped:
                logger.info(f"Not sent: {stopped}.")
                return
            data, _ = self._record(outgoing)
            invalid_at = _utf8_error_detectable_at(outgoing.payload) if outgoing.opcode == TEXT else None
            offset = len(data) - len(outgoing.payload)
            written = 0
            invalid_written_at = None
            for index, part in enumerate(parts):
                if index and (self.why_not_sending(False) or self.end is not None):
                    logger.info(f"Parts {index + 1} to {len(parts)} not sent: {self.why_not_sending(False)}.")
                    return
                if invalid_written_at is not None and not self.late_parts:
                    self.late_parts = 1
                    self.late_part_delay = time.monotonic() - invalid_written_at
                start = 0 if index == 0 else offset + written
                written += len(part)
                self._write([data[start:offset + written]], None)
                if invalid_at is not None and invalid_written_at is None and written > invalid_at:
                    invalid_written_at = time.monotonic()
                logger.info(f"Wrote part {index + 1} of {len(parts)} of that frame ({len(part)} payload bytes).")
                if index < len(parts) - 1:
                    deadline = Deadline.after(pause)
                    while self.end is None and self._pull(deadline.remaining()) is not None:
                        pass

    def _write(self, batch: list[bytes], chop: int | None) -> None:
        if not batch:
            return
        data = batch[0] if len(batch) == 1 else b"".join(batch)
        batch.clear()
        if self.write_failure is not None:
            return
        failure = self.connection.send(data, chop_size=chop, timeout=self.timeout)
        if failure is not None:
            self.write_failure = failure
            logger.info(f"Writing stopped: {failure.detail}")

    def why_not_sending(self, reply: bool = False) -> str | None:
        if self.end is not None:
            return f"the connection had ended ({printable(self.end.event.detail.rstrip('.'))})"
        if self.write_failure is not None:
            return f"an earlier write failed ({printable(self.write_failure.detail.rstrip('.'))})"
        if self.server_close is not None and not reply:
            return "the server had sent its Close frame, after which a client sends no data (RFC 6455 §5.5.1)"
        return None

    def _grow_reader_cap(self, size: int) -> None:
        """Let the server echo anything we send, however large (the cap guards against endless announced lengths)."""
        reader = self.connection.reader
        reader.max_message_size = max(reader.max_message_size, size)

    # --- receiving ---

    def poll(self, wait: float = POLL_WAIT) -> None:
        """Read what the server has sent so far, waiting up to ``wait`` for more, for :data:`POLL_LIMIT` at most.

        ``wait=0`` takes only what already arrived, without blocking.
        """
        deadline = Deadline.after(POLL_LIMIT)
        while (self.end is None and deadline.remaining() > 0
               and self._pull(min(wait, deadline.remaining()), look=True) is not None):
            pass

    def _pull(self, timeout: float, look: bool = False) -> Observation | None:
        """Wait up to ``timeout`` for the next frame, message or end; record and log it; ``None`` on timeout.

        Answers the server's Ping with a Pong and its Close with a Close,
        as Autobahn's client does, and fails the keyword on the first rule
        the server's frames break. With no time left it reads nothing: the
        reader may hold thousands of frames from one read, and a wait that
        handled them all would outlast its deadline.
        """
        if timeout <= 0 and not look:  # look: a poll's read of what already arrived, bounded by the poll
            return None
        event = self.connection.receive_event(timeout)
        if isinstance(event, Ended) and event.how is EndKind.TIMEOUT:
            return None
        observation = Observation(event, time.monotonic(), self.rules.frames_sent + self.late_parts)
        if not (isinstance(event, Frame) and event.opcode == PING):  # answered below; a flood must not pile up
            self.inbox.append(observation)
        if isinstance(event, Ended):
            if self.end is None:
                logger.info(f"Connection ended: {printable(event.detail)}")
            self.end = observation
        elif isinstance(event, Message):
            if self._messages_logged < FRAMES_LOGGED:
                self._messages_logged += 1
                logger.info(f"Received {describe_message(event.opcode, event.payload)} in {event.frame_count} "
                            f"frame{'' if event.frame_count == 1 else 's'}.")
        else:
            self._log_frame(event, "received")
        self._report_new_violation()
        if isinstance(event, Ended) and event.how is EndKind.TOO_LARGE:
            report(Verdict(False, event.detail))
        if isinstance(event, Frame):
            self._answer(event, observation)
        return observation

    def _answer(self, frame: Frame, observation: Observation) -> None:
        if frame.opcode == PING and self.server_close is None and not self.rules.close_sent:
            self.send([OutgoingFrame(PONG, frame.payload)], reply=True)
        elif frame.opcode == CLOSE and self.server_close is None:
            self.server_close = observation
            if not self.rules.close_sent:
                self.server_closed_first = True
                code = parse_close_payload(frame.payload).code
                self.send([OutgoingFrame(CLOSE, close_payload(code if code is not None and
                                                              is_valid_close_code(code) else None))], reply=True)

    def _report_new_violation(self) -> None:
        violations = self.connection.violations
        if len(violations) > self._violations_reported:
            first_new = violations[self._violations_reported]
            self._violations_reported = len(violations)
            report(Verdict(False, first_new))

    def take(self, wanted: Callable[[Event], bool], timeout: float) -> tuple[Observation | None, bool]:
        """The first observation ``wanted`` (taken out of the inbox, ``True``), else what ended the wait (``False``).

        What ended it is the server's Close frame or the end of the
        connection, after which nothing wanted can come, or ``None`` when
        ``timeout`` passed. Taking a message drops the data frames that
        carried it; control frames stay for the keywords that want them.
        """
        deadline = Deadline.after(timeout)
        for index, observation in enumerate(self.inbox):
            if wanted(observation.event):
                return self._take_at(index), True
        while self.server_close is None and self.end is None:
            observation = self._pull(deadline.remaining())
            if observation is None:
                return None, False
            kept = bool(self.inbox) and self.inbox[-1] is observation
            if kept and wanted(observation.event):
                return self._take_at(len(self.inbox) - 1), True
        return self.server_close or self.end, False

    def _take_at(self, index: int) -> Observation:
        taken = self.inbox[index]
        before = self.inbox[:index]
        if isinstance(taken.event, Message):
            before = [item for item in before if not _is_data_frame(item.event)]
        self.inbox = before + self.inbox[index + 1:]
        return taken

    def wait_for_failure(self, timeout: float, violation: int) -> None:
        """Read until the server's Close frame, the end of the connection, ``timeout``, or a decided failure.

        An echo or pong that answers our frame number ``violation`` or a
        later one decides the case (the server went on after the bad frame),
        so reading stops there instead of waiting out the timeout; answers
        owed for frames sent before it are taken in stride.
        """
        deadline = Deadline.after(timeout)
        owed = [item for item in self.expected if item.frame < violation]
        while self.server_close is None and self.end is None:
            observation = self._pull(deadline.remaining())
            if observation is None:
                return
            event = observation.event
            if isinstance(event, Message) or (isinstance(event, Frame) and event.opcode == PONG):
                answered = next((item for item in owed if item.answered_by(event)), None)
                if answered is None:
                    return
                owed.remove(answered)

    def wait_for_end(self, timeout: float) -> Observation | None:
        """Read until the connection ends (returned) or ``timeout`` passes (``None``)."""
        deadline = Deadline.after(timeout)
        while self.end is None:
            if self._pull(deadline.remaining()) is None:
                return None
        return self.end

    def answered(self, event: Event) -> None:
        """Strike the oldest expected answer that ``event`` is."""
        for item in self.expected:
            if not isinstance(event, Ended) and item.answered_by(event):
                self.expected.remove(item)
                return

    def close(self) -> None:
        self.connection.close()


class FrameKeywords:
    """Frames and messages on an open WebSocket connection."""

    def __init__(self, context: LibraryContext) -> None:
        self.ctx = context
        self._sessions: list[WebSocketSession] = []

    @property
    def _current(self) -> WebSocketSession:
        if not self._sessions:
            raise KeywordError("No WebSocket is open: call Open WebSocket first.")
        return self._sessions[-1]

    def _wait(self, timeout: timedelta | None) -> float:
        return seconds(timeout, self._current.timeout)

    # --- opening and closing ---

    @keyword("Open WebSocket")
    def open_websocket(self, path: str | None = None, headers: HeaderArgument = None,
                       timeout: timedelta | None = None,
                       max_message_size: int = DEFAULT_MAX_MESSAGE_SIZE) -> WebSocketSession:
        """Opens a WebSocket connection to the target with a correct handshake and returns the session.

        The handshake is the standard one with a fresh ``Sec-WebSocket-Key``;
        ``path`` replaces the target's path and query, ``headers`` changes the
        header block as in `Send Raw Upgrade With Method`. ``timeout``
        bounds the handshake and becomes the default wait of every keyword
        on this connection (the library's timeout when not given).

        The last connection opened is the current one, which the other
        frame keywords use. Connections opened by earlier tests are closed.

        ``max_message_size`` caps the frames and messages kept from the
        server (16 MiB by default, 16777216 bytes); it grows by itself to
        the largest message the case sends, so an echo always fits.

        Fails in one sentence when the server does not answer ``101``. When
        the target is no WebSocket endpoint at all (even the endpoint probe's
        correct handshake is refused), frame cases are not applicable and
        the test is skipped instead.

        Example:
        | Open WebSocket |
        | Open WebSocket | path=/chat?room=1 | timeout=2s |
        | ${session} = | Open WebSocket | headers={"Origin": "http://127.0.0.1"} |
        """
        target = self.ctx.require_target()
        wait = seconds(timeout, self.ctx.timeout)
        self._close_sessions_of_earlier_tests()
        try:
            request = build_upgrade_request("GET", target.path if path is None else path, target.authority,
                                            headers=_header_pairs(headers), key=new_key(),
                                            target_headers=self.ctx.target_headers())
        except RequestError as error:
            raise KeywordError(f"{error} Nothing was sent.") from None
        connection = WebSocketConnection.open(target, request, wait, self.ctx.verify, max_message_size)
        log_exchange(connection.handshake)
        handshake = connection.handshake
        if not handshake.outcome.connected:
            raise KeywordError(f"Could not reach {target.url}: {handshake.detail}.")
        if not connection.is_open:
            problem = self.ctx.endpoint_problem()
            if problem:
                raise SkipExecution(f"Not applicable: {problem}")
            report(Verdict(False, f"The server did not open a WebSocket connection: to '{request_line(handshake)}' "
                                  f"it {describe(handshake)} instead of 101 Switching Protocols."))
        self.ctx.start_echo_probe()
        session = WebSocketSession(connection, wait, _test_name())
        self._sessions.append(session)
        silence = self.ctx.silence_problem()
        if silence:
            report(Verdict(False, silence))
        return session

    @keyword("Close WebSocket")
    def close_websocket(self) -> None:
        """Closes the current connection's socket, whatever its state; does nothing when it is closed already.

        No Close frame is sent: use `Send Close` or `Server Should Close
        Cleanly` for the closing handshake. Meant for test teardowns.

        Example:
        | [Teardown] | Close WebSocket |
        """
        if self._sessions:
            self._sessions.pop().close()

    def _close_sessions_of_earlier_tests(self) -> None:
        # A test that forgot its teardown must not leave sockets open for the rest of the run.
        test = _test_name()
        for session in [s for s in self._sessions if s.test != test]:
            session.close()
            self._sessions.remove(session)

    # --- sending ---

    @keyword
    def send_frame(self, opcode: int | str, payload: str = "", fin: bool = True, rsv: int = 0, masked: bool = True,
                   masking_key: str | None = None, length_form: int | None = None,
                   announced_length: int | None = None, chop: int | None = None, repeat: int | None = 1,
                   payload_hex: str | None = None, length: int | None = None) -> None:
        """Sends one frame exactly as described, valid or not, on the current connection.

        ``opcode`` is a name (``continuation``, ``text``, ``binary``,
        ``close``, ``ping``, ``pong``) or a number 0-15, reserved ones
        included. ``payload`` is text sent as UTF-8, repeated ``repeat``
        times; ``payload_hex`` gives bytes instead (``ce ba ed a0 80``);
        ``length`` repeats the payload and cuts it to exactly that many
        bytes. ``fin`` is the FIN bit. ``rsv`` is the 3-bit RSV field as
        Autobahn numbers it: RSV1=4, RSV2=2, RSV3=1 (so 7 sets all three).
        ``masked=False`` sends the payload in clear, as a client must not;
        ``masking_key`` is 8 hex digits (a fresh random key by default).
        ``length_form`` (7, 16 or 64) writes the length in that form;
        ``announced_length`` puts a length in the header that differs from
        the payload's. ``chop`` writes the frame to TCP in pieces of that
        many bytes.

        The frame is logged as sent. Frames are checked against the rules
        a server enforces on a client (RFC 6455 §5, §7.4, §8.1); the first
        one that breaks a rule is noted, for `Connection Should Be Failed`.
        Nothing is sent after the server's Close frame or the end of the
        connection (that is logged).

        Example:
        | Send Frame | text | Hello, world! | rsv=2 |
        | Send Frame | 0xb | payload=reserved opcode |
        | Send Frame | text | payload_hex=cebae1bdb9cf83cebcceb5 | fin=False |
        | Send Frame | continuation | payload_hex=f4908080 | fin=False |
        | Send Frame | binary | payload_hex=fe | repeat=65536 | chop=997 |
        """
        data = _payload(payload, payload_hex, repeat, length)
        outgoing = OutgoingFrame(_opcode(opcode), data, fin, _rsv(rsv), masked, _masking_key(masking_key, masked),
                                 _length_form(length_form), announced_length)
        self._send([outgoing], chop)

    @keyword
    def send_frame_in_parts(self, opcode: int | str, parts_hex: str, pause: timedelta = timedelta(seconds=1),
                            fin: bool = True) -> None:
        """Sends one frame whose payload is written in parts, pausing after each part but the last.

        ``parts_hex`` lists the payload's parts in hex, separated by ``|``;
        the frame header (masked, length of the whole payload) goes out with
        the first part. During each ``pause`` what the server sends is read,
        and once it has closed no more parts are sent. For a text frame
        whose invalid UTF-8 sits in one part, `Connection Should Be Failed`
        tells a server that fails as soon as that part arrives (PASS) from
        one that waits for the rest (WARN, Autobahn's NON-STRICT). Meant
        for small frames: a text payload is scanned byte by byte for the
        point where it stops being UTF-8.

        Example:
        | Send Frame In Parts | text | cebae1bdb9cf83cebcceb5|f4908080|656469746564 | pause=1s | fin=False |
        | Send Frame | continuation |
        | Connection Should Be Failed | 1007 |
        """
        try:
            parts = [bytes.fromhex(part) for part in parts_hex.split("|")]
        except ValueError:
            raise KeywordError(f"Parts {printable(parts_hex, 80)!r} are not |-separated pairs of hex digits.") from None
        outgoing = OutgoingFrame(_opcode(opcode), b"".join(parts), fin=fin)
        self._current.send_in_parts(outgoing, parts, seconds(pause, 1.0))

    @keyword
    def send_message(self, type: str, payload: str = "", repeat: int | None = 1, fragment_size: int | None = None,
                     chop: int | None = None, payload_hex: str | None = None, length: int | None = None) -> None:
        """Sends a text or binary message, whole or in fragments, on the current connection.

        ``type`` is ``text`` or ``binary``. The payload is built as in
        `Send Frame` (``payload`` as UTF-8 repeated ``repeat`` times, or
        ``payload_hex``; ``length`` cuts the repetition to that many bytes).
        ``fragment_size`` splits it into frames of that many payload bytes:
        the first frame carries the type, the others are continuation
        frames, FIN is set on the last. ``chop`` writes each frame to TCP in
        pieces of that many bytes.

        Large messages (Autobahn's 9.x cases send 16 MiB) are fine: only the
        first frames are logged one by one.

        Example:
        | Send Message | text | Hello, world! |
        | Send Message | binary | payload_hex=fe | repeat=65536 |
        | Send Message | text | * | repeat=4194304 | fragment_size=65536 |
        | Send Message | text | BAsd7&jh23 | length=16777216 |
        """
        opcode = _message_opcode(type)
        data = _payload(payload, payload_hex, repeat, length)
        if fragment_size is not None and fragment_size < 1:
            raise KeywordError(f"fragment_size is at least 1 byte, not {fragment_size}.")
        step = fragment_size or len(data) or 1
        starts = range(0, len(data), step) if data else range(1)
        frames = [OutgoingFrame(opcode if index == 0 else CONTINUATION, data[start:start + step],
                                fin=start + step >= len(data))
                  for index, start in enumerate(starts)]
        self._send(frames, chop)

    @keyword
    def send_ping(self, payload: str = "", repeat: int | None = 1, chop: int | None = None,
                  payload_hex: str | None = None) -> None:
        """Sends a Ping frame; the server owes a Pong with the same payload (RFC 6455 §5.5.2).

        The payload is built as in `Send Frame`. A payload over 125 bytes
        breaks a rule on purpose (RFC 6455 §5.5).

        Example:
        | Send Ping | Hello, world! |
        | Pong Should Answer Ping |
        | Send Ping | payload_hex=fe | repeat=126 |
        """
        self._send([OutgoingFrame(PING, _payload(payload, payload_hex, repeat))], chop)

    @keyword
    def send_pong(self, payload: str = "", repeat: int | None = 1, chop: int | None = None,
                  payload_hex: str | None = None) -> None:
        """Sends an unsolicited Pong frame, which the server must not answer (RFC 6455 §5.5.3).

        The payload is built as in `Send Frame`.

        Example:
        | Send Pong | unsolicited pong payload |
        | Send Pong | payload_hex=fe | repeat=125 |
        """
        self._send([OutgoingFrame(PONG, _payload(payload, payload_hex, repeat))], chop)

    @keyword
    def send_close(self, code: int | None = None, reason: str = "", reason_hex: str | None = None,
                   chop: int | None = None, repeat: int | None = 1) -> None:
        """Sends a Close frame with ``code`` and ``reason``, valid or not (RFC 6455 §5.5.1, §7.4).

        ``code`` is any number 0-65535, written as two bytes; with no
        ``code`` only the reason is sent, so no code and no reason is the
        empty payload, and no code with a one-byte reason the one-byte
        payload §5.5.1 rules out. ``reason`` is text sent as UTF-8,
        ``reason_hex`` bytes instead, repeated ``repeat`` times.

        Example:
        | Send Close | 1000 |
        | Send Close | 1000 | reason=Hello World! |
        | Send Close | 1000 | reason_hex=cebae1bdb9cf83cebcceb5eda080656469746564 |
        | Send Close | reason=a |
        | Send Close | 999 |
        | Send Close | 1000 | * | repeat=124 |
        """
        reason_bytes = _payload(reason, reason_hex, repeat)
        try:
            payload = close_payload(code, reason_bytes)
        except ValueError as error:
            raise KeywordError(f"{error} Nothing was sent.") from None
        self._send([OutgoingFrame(CLOSE, payload)], chop)

    def _send(self, frames: list[OutgoingFrame], chop: int | None) -> None:
        if chop is not None and chop < 1:
            raise KeywordError(f"chop is at least 1 byte, not {chop}.")
        with self._current.logging_budget() as session:
            if session.expected or session.rules.first_violation is not None:
                session.poll()
            session.send(frames, chop)

    # --- receiving ---

    @keyword
    def receive_frame(self, timeout: timedelta | None = None) -> Frame:
        """Returns the next frame the server sent on the current connection, of any kind.

        Fails when none arrives within ``timeout`` (the connection's default)
        or the connection ends first. The frame has ``opcode``,
        ``opcode_name``, ``fin``, ``rsv1``-``rsv3``, ``payload`` (bytes) and
        ``length``. The server's PINGs are answered with a PONG and logged,
        not returned.

        Example:
        | ${frame} = | Receive Frame |
        | Should Be Equal | ${frame.opcode_name} | PONG |
        """
        wait = self._wait(timeout)
        with self._current.logging_budget() as session:
            observation, taken = session.take(lambda event: isinstance(event, Frame), wait)
            event = None if observation is None else observation.event
            if not taken:
                what = "had sent its Close frame already" if isinstance(event, Frame) else describe_event(event, wait)
                report(Verdict(False, f"Expected a frame, but the server {what}."))
        return cast(Frame, event)

    @keyword
    def receive_message(self, timeout: timedelta | None = None) -> Message:
        """Returns the next whole text or binary message the server sent on the current connection.

        Control frames before it are logged and left for `Pong Should Answer
        Ping`. Fails when no message arrives within ``timeout`` or the
        server closes first. The message has ``opcode``, ``payload``
        (bytes), ``text`` and ``frame_count``.

        Example:
        | ${message} = | Receive Message |
        | Should Be Equal | ${message.text} | Hello, world! |
        """
        wait = self._wait(timeout)
        with self._current.logging_budget() as session:
            observation, taken = session.take(lambda event: isinstance(event, Message), wait)
            event = None if observation is None else observation.event
            if not taken:
                report(Verdict(False, f"Expected a message, but the server {describe_event(event, wait)}."))
            session.answered(cast(Message, event))
        return cast(Message, event)

    # --- assertions ---

    @keyword
    def message_should_be_echoed(self, timeout: timedelta | None = None) -> None:
        """Fails unless the server's next message equals the oldest message sent and not echoed yet.

        Type and payload must both match. Pongs and other control frames
        that arrive first are tolerated (and left for `Pong Should Answer
        Ping`); a Close frame, the end of the connection, another message or
        silence for ``timeout`` fails.

        A target that does not echo at all (a positive control, run once
        per target, sends a short text message and gets nothing back) makes
        the case not applicable: the test is skipped instead of failed.

        Example:
        | Send Message | text | Hello, world! |
        | Message Should Be Echoed |
        | Send Message | binary | payload_hex=fe | repeat=65536 |
        | Message Should Be Echoed | timeout=10s |
        """
        wait = self.ctx.echo_wait(self._wait(timeout))
        with self._current.logging_budget() as session:
            expected = next((item for item in session.expected if item.kind == "echo"), None)
            if expected is None:
                raise KeywordError("No message sent on this connection is waiting for its echo: send one with "
                                   "Send Message or Send Frame first (messages after a bad frame or after the "
                                   "Close frame are not echoed).")
            observation, _ = session.take(lambda event: isinstance(event, Message), wait)
            outcome = None if observation is None else observation.event
            if isinstance(outcome, Message):
                session.expected.remove(expected)
            verdict = judge.message_echoed(expected, outcome, wait)
            if not verdict.passed:
                problem = self.ctx.echo_problem()
                if problem:
                    raise SkipExecution(f"Not applicable: the target does not echo: {problem}.")
            report(verdict)

    @keyword
    def round_trips_should_be_echoed(self, count: int, type: str, payload: str = "", repeat: int | None = 1,
                                     payload_hex: str | None = None, length: int | None = None,
                                     timeout: timedelta | None = None) -> None:
        """Sends ``count`` messages one at a time, each after the echo of the one before, and fails at the first not echoed.

        Autobahn's 9.7 and 9.8 (round trips of small messages). ``type``
        and the payload are as in `Send Message`; ``timeout`` bounds each
        round trip. One keyword call for all of them, so the time measured
        is the server's and the library's, not Robot's per-keyword cost; the
        first frames each way are logged one by one, the rest counted, and a
        last line gives the round trips made and their time.

        Example:
        | Open WebSocket |
        | Round Trips Should Be Echoed | 1000 | text | * | length=64 |
        | Round Trips Should Be Echoed | 1000 | binary | payload_hex=fe | length=4096 |
        """
        opcode = _message_opcode(type)
        if count < 1:
            raise KeywordError(f"count is at least 1, not {count}.")
        data = _payload(payload, payload_hex, repeat, length)
        wait = self.ctx.echo_wait(self._wait(timeout))
        started = time.monotonic()
        with self._current.logging_budget() as session:
            for index in range(count):
                session.send([OutgoingFrame(opcode, data)])
                expected = next((item for item in session.expected if item.kind == "echo"), None)
                if expected is None:
                    stopped = session.why_not_sending() or "the message was not sent"
                    report(Verdict(False, f"Round trip {index + 1} of {count} could not start: {stopped}."))
                    return
                observation, _ = session.take(lambda event: isinstance(event, Message), wait)
                outcome = None if observation is None else observation.event
                if isinstance(outcome, Message):
                    session.expected.remove(expected)
                    if expected.answered_by(outcome):  # the usual case, judged without building a sentence
                        continue
                verdict = judge.message_echoed(expected, outcome, wait)
                problem = self.ctx.echo_problem()
                if problem:
                    raise SkipExecution(f"Not applicable: the target does not echo: {problem}.")
                report(Verdict(False, f"Round trip {index + 1} of {count}: {verdict.message}"))
        elapsed = time.monotonic() - started
        report(Verdict(True, f"The server echoed all {count} round trips of {describe_message(opcode, data)} "
                             f"in {elapsed:.3f} s ({elapsed / count * 1000:.3f} ms each)."))

    @keyword
    def pong_should_answer_ping(self, timeout: timedelta | None = None) -> None:
        """Fails unless the server's next Pong carries the payload of the oldest Ping not answered yet.

        Messages that arrive first are left for the message keywords. A
        Pong with another payload, a Close frame, the end of the connection
        or silence for ``timeout`` fails (RFC 6455 §5.5.2, §5.5.3).

        Example:
        | Send Ping | Hello, world! |
        | Pong Should Answer Ping |
        """
        wait = self._wait(timeout)
        with self._current.logging_budget() as session:
            pings = [item for item in session.expected if item.kind == "pong"]
            if not pings:
                raise KeywordError("No Ping sent on this connection is waiting for its Pong: send one with Send "
                                   "Ping first (pings after a bad frame or after the Close frame are not answered).")
            observation, _ = session.take(lambda event: isinstance(event, Frame) and event.opcode == PONG, wait)
            outcome = None if observation is None else observation.event
            if isinstance(outcome, Frame) and outcome.opcode == PONG:
                session.expected.remove(pings[0])
            report(judge.pong_answers(pings[0], outcome, wait, tuple(item.payload for item in pings[1:])))

    @keyword
    def connection_should_be_failed(self, code: int | str = 1002, strict: bool = False,
                                    timeout: timedelta | None = None) -> None:
        """Fails unless the server failed the connection after the first frame sent that breaks a rule.

        This is Autobahn's rule for a bad frame (RFC 6455 §7.1.7): after it,
        the server sends a Close frame with ``code`` and closes, or just
        drops the TCP connection.
        - A Close frame with ``code`` (or without a code) passes; so does
          the TCP connection closed or reset without one.
        - Any answer to the bad frame or to what was sent after it (an
          echo, a pong) fails, and so does keeping the connection open for
          ``timeout``.
        - A Close with another code passes with a warning (Autobahn's WRONG
          CODE), or fails with ``strict=True`` (as Autobahn's 7.x close-code
          cases do).
        - Messages and pings sent before the bad frame may be answered
          first; when they are not, the case passes with a warning
          (Autobahn's NON-STRICT). A missing echo is not held against a
          target that does not echo at all.
        - For a text message whose invalid UTF-8 sits in a fragment before
          the last, failing only after the next fragment went out (0.5 s or
          more later) passes with a warning: the server did not "fail
          fast" (Autobahn's 6.4.x NON-STRICT).

        ``code`` may list several codes: ``1002 or 1007``.

        Example:
        | Send Frame | text | Hello, world! | rsv=1 |
        | Connection Should Be Failed |
        | Send Message | text | payload_hex=cebae1bdb9cf83cebcceb5eda080656469746564 |
        | Connection Should Be Failed | 1007 |
        | Send Close | 999 |
        | Connection Should Be Failed | 1002 | strict=True |
        """
        codes = _codes(code)
        wait = self._wait(timeout)
        with self._current.logging_budget() as session:
            violation = session.rules.first_violation
            if violation is None:
                raise KeywordError("No frame sent on this connection breaks a rule the server must fail the "
                                   "connection for, so there is nothing to judge.")
            deadline = Deadline.after(wait)
            session.wait_for_failure(wait, violation.number)
            observations = list(session.inbox)
            if session.server_close is not None and session.end is None:
                session.wait_for_end(min(CLOSE_GRACE, deadline.remaining()))
            session.inbox.clear()
            pending = list(session.expected)
            target_echoes = not any(item.kind == "echo" for item in pending) or self.ctx.echo_problem() is None
            times = session.frame_times
            if session.late_part_delay is not None:  # the invalid byte and what followed it were in one frame
                next_frame_delay: float | None = session.late_part_delay
            elif len(times) > violation.number:
                next_frame_delay = times[violation.number] - times[violation.number - 1]
            else:
                next_frame_delay = None
            for observation in observations:
                session.answered(observation.event)
            report(judge.connection_failed(violation, observations, pending, codes, strict, wait, target_echoes,
                                           next_frame_delay))

    @keyword
    def server_should_close_cleanly(self, code: int | None = 1000, strict: bool = False,
                                    timeout: timedelta | None = None) -> None:
        """Fails unless the server completes the closing handshake and closes the TCP connection.

        If no Close frame was sent on this connection yet, one with ``code``
        is sent first (``code=None``: without a code). Then the server must
        answer with a Close frame carrying 1000, our code, or no code
        (RFC 6455 §5.5.1, §7.4, as Autobahn's 7.x cases expect), send
        nothing after it, and close the TCP connection (§7.1.1).
        - No answer and no close within ``timeout`` fails.
        - A Close with another code (Autobahn's WRONG CODE), the TCP
          connection closed without a Close frame or left open after the
          handshake (UNCLEAN), or a closing handshake the server started
          itself, pass with a warning, or fail with ``strict=True``.

        Messages the server sends before its Close frame are logged and
        tolerated.

        Example:
        | Send Message | text | Hello World! |
        | Message Should Be Echoed |
        | Server Should Close Cleanly |
        | Server Should Close Cleanly | 3000 | strict=True |
        """
        wait = self._wait(timeout)
        with self._current.logging_budget() as session:
            if not session.rules.close_sent:
                session.poll(0.0)
                if session.server_close is None and session.end is None:
                    session.send([OutgoingFrame(CLOSE, close_payload(code))])
            deadline = Deadline.after(wait)
            observation, _ = session.take(lambda event: isinstance(event, Frame) and event.opcode == CLOSE, wait)
            close = None
            tcp_end: Ended | None = None
            if observation is not None and isinstance(observation.event, Frame):
                close = parse_close_payload(observation.event.payload)
                ended = session.wait_for_end(deadline.remaining())
                tcp_end = None if ended is None else ended.event
            elif observation is not None and isinstance(observation.event, Ended):
                tcp_end = observation.event
            for item in session.inbox:
                session.answered(item.event)
            session.inbox.clear()
            report(judge.closed_cleanly(session.close_code_sent, close, tcp_end, session.server_closed_first,
                                        strict, wait))


def _test_name() -> str:
    try:
        return BuiltIn().get_variable_value("${TEST NAME}", "")
    except RobotNotRunningError:
        return ""


def _is_data_frame(event: Event) -> bool:
    return isinstance(event, Frame) and not is_control(event.opcode)


def _opcode(opcode: int | str) -> int:
    if isinstance(opcode, int):
        number = opcode
    else:
        name = str(opcode).strip().lower()
        if name in OPCODES:
            return OPCODES[name]
        try:
            number = int(name, 0)
        except ValueError:
            raise KeywordError(f"Opcode {opcode!r} is neither a number 0-15 nor one of "
                               f"{', '.join(OPCODES)}.") from None
    if not 0 <= number <= 0xF:
        raise KeywordError(f"Opcode {number} does not fit in four bits (0 to 15).")
    return number


def _rsv(rsv: int) -> int:
    if not 0 <= rsv <= 7:
        raise KeywordError(f"rsv is the 3-bit RSV field, 0 to 7 (RSV1=4, RSV2=2, RSV3=1), not {rsv}.")
    return rsv


def _length_form(form: int | None) -> Literal[7, 16, 64] | None:
    if form not in (None, 7, 16, 64):
        raise KeywordError(f"length_form is 7, 16 or 64, not {form}.")
    return cast(Literal[7, 16, 64] | None, form)


def _masking_key(key: str | None, masked: bool) -> bytes | None:
    if key is None:
        return None
    if not masked:
        raise KeywordError("An unmasked frame has no masking key; give masked=True or no masking_key.")
    try:
        value = bytes.fromhex(key)
    except ValueError:
        value = b""
    if len(value) != 4:
        raise KeywordError(f"masking_key is 4 bytes as 8 hex digits, such as 0a1b2c3d, not {key!r}.")
    return value


def _message_opcode(type: str) -> int:
    """The opcode of a message ``type``: ``text`` or ``binary``, in any case."""
    kind = str(type).strip().lower()
    if kind not in ("text", "binary"):
        raise KeywordError(f"A message type is text or binary, not {type!r}.")
    return OPCODES[kind]


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


def _payload(text: str, payload_hex: str | None, repeat: int | None, length: int | None = None) -> bytes:
    """The payload: ``text`` as UTF-8 or ``payload_hex`` as bytes, repeated, or repeated and cut to ``length``.

    An empty ``payload_hex`` or ``repeat`` counts as not given, so a table's empty cell can be passed on as it is.
    """
    repeat = 1 if repeat is None else repeat
    if payload_hex:
        try:
            unit = bytes.fromhex(payload_hex)
        except ValueError:
            raise KeywordError(f"Hex payload {printable(payload_hex, 80)!r} is not pairs of hex digits.") from None
    else:
        unit = str(text).encode("utf-8")
    if repeat < 0:
        raise KeywordError(f"repeat is 0 or more, not {repeat}.")
    if length is None:
        return unit * repeat
    if length < 0 or (length and not unit):
        raise KeywordError(f"length {length} cannot be made of the payload {printable(unit, 40)!r}.")
    return (unit * (length // len(unit) + 1))[:length] if unit else b""


def _codes(code: int | str) -> frozenset[int]:
    """``1002``, ``"1002"`` or ``"1002 or 1007"`` as a set of close codes."""
    words = str(code).replace(",", " ").split()
    try:
        codes = frozenset(int(word) for word in words if word.lower() != "or")
    except ValueError:
        codes = frozenset()
    if not codes:
        raise KeywordError(f"code is a close code or several, such as 1002 or '1002 or 1007', not {code!r}.")
    return codes
