"""Keywords that speak WebSocket frames on an open connection and judge how the server answers (RFC 6455 §5-§8).

A case opens a connection with `Open WebSocket`, sends frames and messages
(valid or not) with the Send keywords, then states what the server should
have done: echo, pong, fail the connection, close cleanly. Each keyword
reads its arguments with :mod:`.arguments`, sends and reads through the
:class:`~.websocket_session.WebSocketSession` of the current connection
(the sans-I/O :class:`~..wire.websocket.session.Session` driven over one
socket), and asks a pure judge of :mod:`..judges.frames` for the verdict.
"""

from __future__ import annotations

import itertools
import time
from datetime import timedelta
from typing import cast

from robot.api import logger
from robot.api.exceptions import SkipExecution
from robotlibcore import keyword

from ..context import ECHO_GRACE, KeywordError, LibraryContext, seconds, test_name
from ..judges import frames as judge
from ..judges.frames import describe_event, describe_message
from ..judges.verdicts import Verdict, describe, request_line
from ..transport.connection import Deadline
from ..transport.websocket import WebSocketConnection
from ..wire.http1.request import RequestError, build_upgrade_request, new_key
from ..wire.websocket import (
    CLOSE,
    CONTINUATION,
    DEFAULT_MAX_MESSAGE_SIZE,
    PING,
    PONG,
    CloseCode,
    Ended,
    Frame,
    Message,
    OutgoingFrame,
    Role,
    close_payload,
    parse_close_payload,
)
from ..wirelog import log_exchange
from . import arguments
from .arguments import HeaderArgument
from .assertions import report
from .websocket_session import CLOSE_GRACE, WebSocketSession

__all__ = ["FrameKeywords"]

_TAGS = ["frames"]
"""The libdoc tag of every keyword here."""
_ASSERTION_TAGS = [*_TAGS, "assertion"]
"""The tags of the keywords that judge the peer."""


class FrameKeywords:
    """Frames and messages on an open WebSocket connection."""

    def __init__(self, context: LibraryContext) -> None:
        self.ctx = context
        self._sessions: list[WebSocketSession] = []

    @property
    def current_session(self) -> WebSocketSession:
        """The session of the current connection (the last opened); fails in one sentence when there is none."""
        return self._current

    @property
    def _current(self) -> WebSocketSession:
        if not self._sessions:
            raise KeywordError("No WebSocket is open: call Open WebSocket first.")
        return self._sessions[-1]

    def _echo_problem(self, session: WebSocketSession) -> str | None:
        """Why the target does not echo at all; a client under test echoes by contract, so it has no such excuse."""
        return self.ctx.echo_problem() if session.masks else None

    def _wait(self, timeout: timedelta | None) -> float:
        return seconds(timeout, self._current.timeout)

    def _echo_wait(self, timeout: timedelta | None) -> float:
        """How long an echo case waits: :meth:`_wait`, or only :data:`ECHO_GRACE` at a target that does not echo,
        enough to see a frame of its that breaks a rule, so such a target is judged in seconds."""
        wait = self._wait(timeout)
        return wait if self._echo_problem(self._current) is None else min(wait, ECHO_GRACE)

    # --- opening and closing ---

    @keyword("Open WebSocket", tags=_TAGS)
    def open_websocket(self, path: str | None = None, headers: HeaderArgument = None,
                       timeout: timedelta | None = None,
                       max_message_size: int = DEFAULT_MAX_MESSAGE_SIZE,
                       extensions: str | None = None) -> WebSocketSession:
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

        ``extensions`` is a ``Sec-WebSocket-Extensions`` offer, such as
        browsers send (``permessage-deflate; client_max_window_bits``). The
        server's answer is judged against the permessage-deflate offers in
        it (RFC 7692 §7) and the agreement is logged; an answer breaking
        §7 fails. Once agreed, `Send Message` compresses and what the
        server sends is inflated and checked: see `Compression`.

        Fails in one sentence when the server does not answer ``101``. When
        the target is no WebSocket endpoint at all (even the endpoint probe's
        correct handshake is refused), frame cases are not applicable and
        the test is skipped instead.

        Example:
        | Open WebSocket |
        | Open WebSocket | path=/chat?room=1 | timeout=2s |
        | ${session} = | Open WebSocket | headers={"Origin": "http://127.0.0.1"} |
        | Open WebSocket | extensions=permessage-deflate; client_max_window_bits |
        """
        target = self.ctx.require_target()
        wait = seconds(timeout, self.ctx.timeout)
        self._close_sessions_of_earlier_tests()
        header_pairs = arguments.header_pairs(headers)
        target_headers = self.ctx.target_headers()
        if extensions is not None:
            header_pairs = [*(header_pairs or []), ("Sec-WebSocket-Extensions", extensions)]
        else:  # an offer written as a header, the case's or the target's, is judged the same way
            extensions = next((value for name, value in [*(header_pairs or []), *target_headers]
                               if name.lower() == "sec-websocket-extensions" and value is not None), None)
        offers = arguments.extension_offers(extensions)
        try:
            request = build_upgrade_request("GET", target.path if path is None else path, target.authority,
                                            headers=header_pairs, key=new_key(), target_headers=target_headers)
        except RequestError as error:
            raise KeywordError(f"{error} Nothing was sent.") from None
        connection = WebSocketConnection.open(target, request, wait, self.ctx.verify, max_message_size,
                                              extensions=extensions)
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
        session = WebSocketSession(connection, wait, test_name(), extensions=extensions)
        self._sessions.append(session)
        if connection.negotiation_error is not None:
            report(Verdict(False, f"The server's answer to the extension offer '{extensions}' breaks the rules: "
                                  f"{connection.negotiation_error}."))
        if connection.deflate is not None:
            logger.info(f"Agreed: {connection.deflate}.")
        elif offers:
            logger.info("The server declined every permessage-deflate offer.")
        silence = self.ctx.silence_problem()
        if silence:
            report(Verdict(False, silence))
        return session

    @keyword("Close WebSocket", tags=_TAGS)
    def close_websocket(self) -> None:
        """Closes the current connection's socket, whatever its state; does nothing when it is closed already.

        No Close frame is sent: use `Send Close` or `Server Should Close
        Cleanly` for the closing handshake. Meant for test teardowns.

        Example:
        | [Teardown] | Close WebSocket |
        """
        if self._sessions:
            self._sessions.pop().close()

    def adopt(self, session: WebSocketSession) -> None:
        """Make ``session``, a connection opened another way (a client's, to us), the current connection."""
        self._close_sessions_of_earlier_tests()
        self._sessions.append(session)

    def _close_sessions_of_earlier_tests(self) -> None:
        # A test that forgot its teardown must not leave sockets open for the rest of the run.
        test = test_name()
        for session in [s for s in self._sessions if s.test != test]:
            session.close()
            self._sessions.remove(session)

    # --- sending ---

    @keyword(tags=_TAGS)
    def send_frame(self, opcode: int | str, payload: str = "", fin: bool = True, rsv: int = 0, masked: bool | None = None,
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
        ``masked=False`` sends the payload in clear, as a client must not,
        and ``masked=True`` masks it, as a server must not; by default the
        frame is masked as our role requires (masked to a server, in clear
        to a client under test). ``masking_key`` is 8 hex digits (a fresh
        random key by default).
        ``length_form`` (7, 16 or 64) writes the length in that form;
        ``announced_length`` puts a length in the header that differs from
        the payload's. ``chop`` writes the frame to TCP in pieces of that
        many bytes.

        `Send Frame` never compresses: with permessage-deflate agreed,
        ``rsv=4`` and ``payload_hex`` send any compressed bytes (corrupt
        data, a stored block, BFINAL set), which are inflated and judged
        as the server must.

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
        | Send Frame | text | payload_hex=010500faff48656c6c6f | rsv=4 |
        """
        data = arguments.payload(payload, payload_hex, repeat, length)
        if masked is None:
            masked = self._current.masks or masking_key is not None
        outgoing = OutgoingFrame(arguments.opcode(opcode), data, fin, arguments.rsv_field(rsv), masked,
                                 arguments.masking_key(masking_key, masked), arguments.length_form(length_form),
                                 announced_length)
        self._send([outgoing], chop)

    @keyword(tags=_TAGS)
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
        parts = arguments.hex_parts(parts_hex)
        outgoing = OutgoingFrame(arguments.opcode(opcode), b"".join(parts), fin=fin,
                                 masked=self._current.masks)
        self._current.send_in_parts(outgoing, parts, seconds(pause, 1.0))

    @keyword(tags=_TAGS)
    def send_message(self, type: str, payload: str = "", repeat: int | None = 1, fragment_size: int | None = None,
                     chop: int | None = None, payload_hex: str | None = None, length: int | None = None,
                     compressed: bool | None = None) -> None:
        """Sends a text or binary message, whole or in fragments, on the current connection.

        ``type`` is ``text`` or ``binary``. The payload is built as in
        `Send Frame` (``payload`` as UTF-8 repeated ``repeat`` times, or
        ``payload_hex``; ``length`` cuts the repetition to that many bytes).
        ``fragment_size`` splits it into frames of that many payload bytes:
        the first frame carries the type, the others are continuation
        frames, FIN is set on the last. ``chop`` writes each frame to TCP in
        pieces of that many bytes.

        Once permessage-deflate is agreed, the message is compressed (RSV1
        on its first frame, the compressed payload fragmented) unless
        ``compressed=False``; ``compressed=True`` without an agreement fails.

        Large messages (Autobahn's 9.x cases send 16 MiB) are fine: only the
        first frames are logged one by one.

        Example:
        | Send Message | text | Hello, world! |
        | Send Message | binary | payload_hex=fe | repeat=65536 |
        | Send Message | text | * | repeat=4194304 | fragment_size=65536 |
        | Send Message | text | BAsd7&jh23 | length=16777216 |
        | Send Message | text | Hello, world! | compressed=False |
        """
        opcode = arguments.message_opcode(type)
        data = arguments.payload(payload, payload_hex, repeat, length)
        self._send(self._message_frames(opcode, data, arguments.fragment_size(fragment_size), compressed), chop)

    def _message_frames(self, opcode: int, data: bytes, fragment_size: int | None,
                        compressed: bool | None = None) -> list[OutgoingFrame]:
        """The frames of one message: compressed when agreed (unless ``compressed`` is false), then fragmented."""
        compressor = self._current.state.compressor
        if compressed and compressor is None:
            raise KeywordError("compressed=True needs permessage-deflate agreed: offer it with Open WebSocket's "
                               "extensions argument.")
        rsv = 0
        if compressor is not None and compressed is not False:
            data, rsv = compressor.compress(data), 4
        step = fragment_size or len(data) or 1
        starts = range(0, len(data), step) if data else range(1)
        masked = self._current.masks
        return [OutgoingFrame(opcode if index == 0 else CONTINUATION, data[start:start + step],
                              fin=start + step >= len(data), rsv=rsv if index == 0 else 0, masked=masked)
                for index, start in enumerate(starts)]

    @keyword(tags=_TAGS)
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
        self._send([OutgoingFrame(PING, arguments.payload(payload, payload_hex, repeat),
                                  masked=self._current.masks)], chop)

    @keyword(tags=_TAGS)
    def send_pong(self, payload: str = "", repeat: int | None = 1, chop: int | None = None,
                  payload_hex: str | None = None) -> None:
        """Sends an unsolicited Pong frame, which the server must not answer (RFC 6455 §5.5.3).

        The payload is built as in `Send Frame`.

        Example:
        | Send Pong | unsolicited pong payload |
        | Send Pong | payload_hex=fe | repeat=125 |
        """
        self._send([OutgoingFrame(PONG, arguments.payload(payload, payload_hex, repeat),
                                  masked=self._current.masks)], chop)

    @keyword(tags=_TAGS)
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
        reason_bytes = arguments.payload(reason, reason_hex, repeat)
        try:
            payload = close_payload(code, reason_bytes)
        except ValueError as error:
            raise KeywordError(f"{error} Nothing was sent.") from None
        self._send([OutgoingFrame(CLOSE, payload, masked=self._current.masks)], chop)

    def _send(self, frames: list[OutgoingFrame], chop: int | None) -> None:
        chop = arguments.chop_size(chop)
        with self._current.logging_budget() as session:
            if session.state.expected or session.state.first_violation is not None:
                session.read_what_arrived()
            session.send(frames, chop)

    # --- receiving ---

    @keyword(tags=_TAGS)
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
            observation, taken = session.wait_for(lambda event: isinstance(event, Frame), wait)
            event = None if observation is None else observation.event
            if not taken:
                what = "had sent its Close frame already" if isinstance(event, Frame) else describe_event(event, wait)
                report(Verdict(False, f"Expected a frame, but the {session.peer} {what}."))
        return cast(Frame, event)

    @keyword(tags=_TAGS)
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
            observation, taken = session.wait_for(lambda event: isinstance(event, Message), wait)
            event = None if observation is None else observation.event
            if not taken:
                report(Verdict(False, f"Expected a message, but the {session.peer} {describe_event(event, wait)}."))
            session.state.strike_owed_answer(cast(Message, event))
        return cast(Message, event)

    # --- assertions ---

    @keyword(tags=_ASSERTION_TAGS)
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
        wait = self._echo_wait(timeout)
        with self._current.logging_budget() as session:
            expected = next(iter(session.state.owed("echo")), None)
            if expected is None:
                raise KeywordError("No message sent on this connection is waiting for its echo: send one with "
                                   "Send Message or Send Frame first (messages after a bad frame or after the "
                                   "Close frame are not echoed).")
            observation, _ = session.wait_for(lambda event: isinstance(event, Message), wait)
            outcome = None if observation is None else observation.event
            if isinstance(outcome, Message):
                session.state.expected.remove(expected)
            verdict = judge.message_echoed(expected, outcome, wait, session.peer)
            if not verdict.passed:
                problem = self._echo_problem(session)
                if problem:
                    raise SkipExecution(f"Not applicable: the target does not echo: {problem}.")
            report(verdict)

    @keyword(tags=_ASSERTION_TAGS)
    def message_should_be_echoed_or_refused(self, code: int | str = int(CloseCode.MESSAGE_TOO_BIG),
                                            timeout: timedelta | None = None) -> None:
        """Fails unless the server echoes the oldest message not echoed yet, or refuses it with a Close with ``code``.

        For a message a server may find too big, such as a decompression
        bomb: the echo (type and payload equal) or a Close with ``code``
        (1009 by default; ``1009 or 1008`` lists several) passes. Another
        Close code, or the connection dropped without a Close, passes with a
        warning; silence for ``timeout`` fails.

        Example:
        | Send Message | binary | payload_hex=00 | length=33554432 |
        | Message Should Be Echoed Or Refused | 1009 | timeout=10s |
        """
        codes = arguments.close_codes(code)
        wait = self._wait(timeout)
        with self._current.logging_budget() as session:
            expected = next(iter(session.state.owed("echo")), None)
            if expected is None:
                raise KeywordError("No message sent on this connection is waiting for its echo: send one with "
                                   "Send Message first.")
            observation, _ = session.wait_for(lambda event: isinstance(event, Message), wait)
            outcome = None if observation is None else observation.event
            if isinstance(outcome, Message):
                session.state.expected.remove(expected)
            report(judge.message_echoed_or_refused(expected, outcome, codes, wait))

    @keyword(tags=_ASSERTION_TAGS)
    def round_trips_should_be_echoed(self, count: int, type: str, payload: str = "", repeat: int | None = 1,
                                     payload_hex: str | None = None, length: int | None = None,
                                     timeout: timedelta | None = None, data: str | None = None,
                                     fragment_size: int | None = None) -> None:
        """Sends ``count`` messages one at a time, each after the echo of the one before, and fails at the first not echoed.

        Autobahn's 9.7 and 9.8 (round trips of small messages), 12.x and
        13.x (compressed round trips). ``type`` and the payload are as in
        `Send Message`, compressed once permessage-deflate is agreed, and
        fragmented with ``fragment_size``; ``timeout`` bounds each round
        trip. ``data`` sends ``length``-byte slices of generated sample
        data instead, one slice after the other: ``json`` or ``html``
        (text), ``image``, ``literature`` or ``pdf`` (binary, Autobahn's
        kinds), or ``window-probe``, data whose repeats lie just beyond the
        server's agreed window (see `Compression`). One keyword call for all of them, so the time measured
        is the server's and the library's, not Robot's per-keyword cost; the
        first frames each way are logged one by one, the rest counted, and a
        last line gives the round trips made and their time.

        Example:
        | Open WebSocket |
        | Round Trips Should Be Echoed | 1000 | text | * | length=64 |
        | Round Trips Should Be Echoed | 1000 | binary | payload_hex=fe | length=4096 |
        | Round Trips Should Be Echoed | 1000 | text | data=json | length=16384 | fragment_size=256 |
        """
        opcode = arguments.message_opcode(type)
        if count < 1:
            raise KeywordError(f"count is at least 1, not {count}.")
        state = self._current.state
        messages = arguments.sample_messages(data, length, state.deflate) if data is not None else \
            itertools.repeat(arguments.payload(payload, payload_hex, repeat, length))
        step = arguments.fragment_size(fragment_size)
        wait = self._echo_wait(timeout)
        started = time.monotonic()
        sent = b""
        with self._current.logging_budget() as session:
            for index, sent in zip(range(count), messages):
                session.send(self._message_frames(opcode, sent, step))
                expected = next(iter(session.state.owed("echo")), None)
                if expected is None:
                    stopped = session.state.why_not_sending() or "the message was not sent"
                    report(Verdict(False, f"Round trip {index + 1} of {count} could not start: {stopped}."))
                    return
                observation, _ = session.wait_for(lambda event: isinstance(event, Message), wait)
                outcome = None if observation is None else observation.event
                if isinstance(outcome, Message):
                    session.state.expected.remove(expected)
                    if expected.answered_by(outcome):  # the usual case, judged without building a sentence
                        continue
                verdict = judge.message_echoed(expected, outcome, wait, session.peer)
                problem = self._echo_problem(session)
                if problem:
                    raise SkipExecution(f"Not applicable: the target does not echo: {problem}.")
                report(Verdict(False, f"Round trip {index + 1} of {count}: {verdict.message}"))
        elapsed = time.monotonic() - started
        what = f"{len(sent)}-byte {data} messages" if data is not None else describe_message(opcode, sent)
        report(Verdict(True, f"The {session.peer} echoed all {count} round trips of {what} "
                             f"in {elapsed:.3f} s ({elapsed / count * 1000:.3f} ms each)."))

    @keyword(tags=_ASSERTION_TAGS)
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
            pings = session.state.owed("pong")
            if not pings:
                raise KeywordError("No Ping sent on this connection is waiting for its Pong: send one with Send "
                                   "Ping first (pings after a bad frame or after the Close frame are not answered).")
            observation, _ = session.wait_for(lambda event: isinstance(event, Frame) and event.opcode == PONG, wait)
            outcome = None if observation is None else observation.event
            if isinstance(outcome, Frame) and outcome.opcode == PONG:
                session.state.expected.remove(pings[0])
            report(judge.pong_answers(pings[0], outcome, wait, tuple(item.payload for item in pings[1:]), session.peer))

    @keyword(tags=_ASSERTION_TAGS)
    def connection_should_be_failed(self, code: int | str = int(CloseCode.PROTOCOL_ERROR), strict: bool = False,
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
        codes = arguments.close_codes(code)
        wait = self._wait(timeout)
        with self._current.logging_budget() as session:
            state = session.state
            violation = state.first_violation
            if violation is None:
                raise KeywordError(f"No frame sent on this connection breaks a rule the {session.peer} must fail the "
                                   "connection for, so there is nothing to judge.")
            deadline = Deadline.after(wait)
            session.wait_for_failure(wait, violation.number)
            observations = list(state.inbox)
            if state.peer_close is not None and state.end is None and session.masks:  # a server closes TCP first
                session.wait_for_end(min(CLOSE_GRACE, deadline.remaining()))
            state.inbox.clear()
            pending = list(state.expected)
            target_echoes = not state.owed("echo") or self._echo_problem(session) is None
            for observation in observations:
                state.strike_owed_answer(observation.event)
            report(judge.connection_failed(violation, observations, pending, codes, strict, wait, target_echoes,
                                     state.next_frame_delay(violation), session.peer))

    @keyword(tags=_ASSERTION_TAGS)
    def server_should_close_cleanly(self, code: int | None = int(CloseCode.NORMAL_CLOSURE), strict: bool = False,
                                    timeout: timedelta | None = None) -> None:
        """Fails unless the server completes the closing handshake and closes the TCP connection.

        If no Close frame was sent on this connection yet, one with ``code``
        is sent first (``code=None``: without a code). Then the server must
        answer with a Close frame carrying 1000, our code, or no code
        (RFC 6455 §5.5.1, §7.4, as Autobahn's 7.x cases expect), send
        nothing after it, and close the TCP connection (§7.1.1).
        - No answer and no close within ``timeout`` fails.
        - The TCP connection closed without a Close frame fails: an endpoint
          that receives a Close MUST answer it with a Close (§5.5.1).
        - The TCP connection left open for ``timeout`` after the Close
          frames fails: the server MUST close it immediately (§5.5.1).
          Autobahn grades both of these UNCLEAN, a warning.
        - A Close with another code (Autobahn's WRONG CODE) or a closing
          handshake the server started itself pass with a warning, or fail
          with ``strict=True``.

        Messages the server sends before its Close frame are logged and
        tolerated. A client's connection to the library is closed with
        `Client Should Close Cleanly` instead: there the server closes TCP.

        Example:
        | Send Message | text | Hello World! |
        | Message Should Be Echoed |
        | Server Should Close Cleanly |
        | Server Should Close Cleanly | 3000 | strict=True |
        """
        if self._current.peer is Role.CLIENT:
            raise KeywordError("Server Should Close Cleanly judges a server closing; a client's connection is "
                               "closed with Client Should Close Cleanly.")
        wait = self._wait(timeout)
        deadline = Deadline.after(wait)
        with self._current.logging_budget() as session, session.writes_within(deadline):
            state = session.state
            if not state.close_sent:
                session.read_what_arrived(0.0)
                if state.peer_close is None and state.end is None:
                    session.send([OutgoingFrame(CLOSE, close_payload(code), masked=session.masks)])
            observation, _ = session.wait_for(lambda event: isinstance(event, Frame) and event.opcode == CLOSE,
                                              deadline.remaining())
            close = None
            tcp_end: Ended | None = None
            if observation is not None and isinstance(observation.event, Frame):
                close = parse_close_payload(observation.event.payload)
                ended = session.wait_for_end(deadline.remaining())
                tcp_end = None if ended is None else ended.event
            elif observation is not None and isinstance(observation.event, Ended):
                tcp_end = observation.event
            state.clear_inbox()
            report(judge.closed_cleanly(state.close_code_sent, close, tcp_end, state.peer_closed_first, strict, wait))

