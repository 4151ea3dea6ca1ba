"""One WebSocket connection's state, sans-I/O: what each side sent, what each owes, how the closing handshake stands.

:class:`Session` is told every frame we send (:meth:`Session.send`) and
every frame, message or end the peer produced (:meth:`Session.receive`),
each with the time it happened; it does no I/O and reads no clock. It
keeps, like wsproto's ``Connection``:

- the rules our frames break, checked by :class:`~.rules.FrameRules` for
  our ``role``: the first one is the frame the peer must fail the
  connection for (:attr:`Session.first_violation`);
- the answers the peer owes (:attr:`Session.expected`): the echo of each
  data message and the Pong of each Ping sent before any violation and
  before our Close;
- the answers we owe, returned by :meth:`Session.receive` for the caller
  to send at once: a Pong for the peer's Ping, a Close answering the
  peer's Close (RFC 6455 §5.5.1-§5.5.3);
- the closing handshake: who closed first, the code we sent, the peer's
  Close, the end of the connection;
- the inbox: what the peer sent that no keyword took yet;
- the rules the peer broke, as its :class:`~.reader.FrameReader` named them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Union

from ..printable import printable
from .close import close_payload, is_valid_close_code, parse_close_payload
from .deflate import Compressor, DeflateParameters
from .events import Ended, Message
from .frames import CLOSE, PING, PONG, Frame, OutgoingFrame, is_control, opcode_name
from .rules import BrokenRule, FrameRules, Role

__all__ = ["Expected", "Observation", "PeerEvent", "Received", "SentFrame", "SentViolation", "Session"]

PeerEvent = Union[Frame, Message, Ended]
"""What the peer did: a frame, a completed message, or the end of the connection."""


@dataclass(frozen=True)
class SentViolation:
    """A frame we sent that breaks a rule the peer must enforce by failing the connection.

    ``number`` counts the frames we sent on the connection from 1. ``code``
    is the close code RFC 6455 has the peer use (1002, or 1007 for invalid
    UTF-8). ``invalid_utf8_in_fragment`` marks an invalid byte in a text
    fragment that is not the message's last: a peer that checks as it
    reads can fail the connection before the rest arrives (Autobahn's
    "fail fast").
    """

    number: int
    label: str
    rule: str
    code: int
    invalid_utf8_in_fragment: bool = False

    def summary(self) -> str:
        """``our frame 2 (TEXT, RSV 2; RSV2 is set ... (RFC 6455 §5.2))``: what we sent and the rule it breaks."""
        return f"our frame {self.number} ({self.label}; {self.rule})"


@dataclass(frozen=True)
class Expected:
    """An answer the peer owes: the echo of a data message, or the Pong of a Ping we sent.

    ``frame`` is the number of the frame that completed the message or
    carried the Ping.
    """

    kind: Literal["echo", "pong"]
    opcode: int
    payload: bytes
    frame: int

    def answered_by(self, event: PeerEvent) -> bool:
        """Whether ``event`` is this answer: a message of the same type and payload, or a Pong with the payload."""
        if self.kind == "echo":
            return isinstance(event, Message) and event.opcode == self.opcode and event.payload == self.payload
        return isinstance(event, Frame) and event.opcode == PONG and event.payload == self.payload


@dataclass(frozen=True)
class Observation:
    """One thing the peer did, when it was seen, and how many of our frames had been written by then.

    ``event`` is a frame, a completed message, or how the connection ended
    (never a timeout: a wait that times out observes nothing).
    ``sent_before`` counts our frames written before it was seen (a frame
    written in parts counts one more once its part after an invalid byte
    went out, see :meth:`Session.part_written`).
    """

    event: PeerEvent
    at: float
    sent_before: int


@dataclass(frozen=True)
class SentFrame:
    """A frame :meth:`Session.send` accounted for: its bytes, the frame as the peer reads it, the rule it breaks.

    ``message`` is the message the frame completes, if any (inflated, when compressed).
    """

    data: bytes
    frame: Frame
    violation: SentViolation | None
    message: Message | None = None


@dataclass(frozen=True)
class Received:
    """What :meth:`Session.receive` made of one event.

    ``observation`` is the event recorded; ``broken`` the rules the peer
    broke since the last event, one sentence each; ``answers`` the frames
    we owe at once (a Pong, or the Close answering the peer's Close).
    """

    observation: Observation
    broken: list[str] = field(default_factory=list)
    answers: list[OutgoingFrame] = field(default_factory=list)


class Session:
    """The state of one WebSocket connection, seen from the endpoint playing ``role``.

    ``negotiated_rsv`` names the RSV bits (1, 2, 3) an extension negotiated
    in the handshake gave a meaning to, on our frames as on the peer's.
    ``deflate`` is the permessage-deflate agreement, if any: our
    :attr:`compressor` compresses with our side's agreed window and
    takeover, and our compressed messages are inflated to know what the
    peer must echo and which of them it must fail the connection for.
    Frames we send after our Close frame are counted but not checked: the
    peer must ignore them (RFC 6455 §5.5.1), not fail the connection.
    """

    def __init__(self, role: Role = Role.CLIENT, negotiated_rsv: tuple[int, ...] = (),
                 deflate: DeflateParameters | None = None) -> None:
        self.role = role
        self.deflate = deflate
        self.rules = FrameRules(role, negotiated_rsv, deflate)
        """The rules on our frames, as the peer checks them."""
        self.compressor = None if deflate is None else Compressor(
            deflate.window_bits(role), deflate.no_context_takeover(role))
        """What compresses our messages, once permessage-deflate was agreed."""
        self.frames_sent = 0
        self.frame_times: list[float] = []
        """When each of our frames was accounted for, in order."""
        self.first_violation: SentViolation | None = None
        self.close_sent = False
        self.close_code_sent: int | None = None
        self.expected: list[Expected] = []
        """Answers the peer owes, oldest first."""
        self.inbox: list[Observation] = []
        """What the peer sent, in order, until a keyword takes it (Pings are answered, not kept)."""
        self.peer_close: Observation | None = None
        self.peer_closed_first = False
        self.end: Observation | None = None
        self.write_failure: Ended | None = None
        self.peer_violations: list[str] = []
        """Every rule the peer's frames broke, one sentence each, in the order seen."""
        self.late_parts = 0
        """1 once the part after the one holding a frame's first invalid byte went out (see :meth:`part_written`)."""
        self.late_part_delay: float | None = None

    # --- what we send ---

    def send(self, outgoing: OutgoingFrame, at: float) -> SentFrame:
        """Account for ``outgoing`` before it is written: the rule it breaks, the answer it earns, the Close code.

        Raises :class:`ValueError` for a frame that has no encoding (see
        :func:`~.frames.build_frame`).
        """
        data, frame = outgoing.encode()
        self.frames_sent += 1
        self.frame_times.append(at)
        violation = None
        completed = None
        if not self.close_sent:
            broken = self.rules.check_header(
                fin=outgoing.fin, rsv=outgoing.rsv, opcode=outgoing.opcode, masking_key=frame.masking_key,
                length=frame.length, length_form=frame.length_form, payload_size=len(outgoing.payload))
            more, completed = self.rules.take_payload(outgoing.fin, outgoing.opcode, outgoing.payload, outgoing.rsv)
            broken += more
            if broken:
                violation = self._violation(outgoing, broken[0])
            elif self.first_violation is None:
                if outgoing.opcode == PING:
                    self.expected.append(Expected("pong", PING, outgoing.payload, self.frames_sent))
                elif completed is not None:
                    self.expected.append(Expected("echo", completed.opcode, completed.payload, self.frames_sent))
        if outgoing.opcode == CLOSE and not self.close_sent:
            self.close_sent = True
            self.close_code_sent = parse_close_payload(outgoing.payload).code
        return SentFrame(data, frame, violation, completed)

    def _violation(self, outgoing: OutgoingFrame, rule: BrokenRule) -> SentViolation:
        flags = [opcode_name(outgoing.opcode)] + ([] if outgoing.fin else ["FIN clear"])
        flags += [f"RSV {outgoing.rsv}"] if outgoing.rsv else []
        violation = SentViolation(self.frames_sent, ", ".join(flags), rule.clause, rule.code, rule.in_fragment)
        if self.first_violation is None:
            self.first_violation = violation
        return violation

    def part_written(self, invalid_written_at: float | None, at: float) -> None:
        """A part of a frame written in parts goes out at ``at``; its first invalid byte went at ``invalid_written_at``.

        The first part written after the invalid byte counts as one more
        frame sent, so what the peer does from then on was not "as soon as
        the invalid byte arrived" (Autobahn 6.4.3, 6.4.4).
        """
        if invalid_written_at is not None and not self.late_parts:
            self.late_parts = 1
            self.late_part_delay = at - invalid_written_at

    def why_not_sending(self, reply: bool = False) -> str | None:
        """Why no frame may go out now, or ``None``; a ``reply`` (our automatic answer) may follow the peer's Close."""
        if self.end is not None:
            return f"the connection had ended ({printable(self.end.event.detail.rstrip('.'))})"
        if self.write_failure is not None:
            return f"an earlier write failed ({printable(self.write_failure.detail.rstrip('.'))})"
        if self.peer_close is not None and not reply:
            return (f"the {self.role.peer} had sent its Close frame, after which a {self.role} sends no data "
                    "(RFC 6455 §5.5.1)")
        return None

    def next_frame_delay(self, violation: SentViolation) -> float | None:
        """How long after the frame that broke ``violation`` the next of our frames (or part of it) went out."""
        if self.late_part_delay is not None:  # the invalid byte and what followed it were in one frame
            return self.late_part_delay
        if len(self.frame_times) > violation.number:
            return self.frame_times[violation.number] - self.frame_times[violation.number - 1]
        return None

    # --- what the peer sends ---

    def receive(self, event: PeerEvent, at: float, peer_violations: Sequence[str] = ()) -> Received:
        """Record what the peer did at ``at``; ``peer_violations`` are all the rules its frames broke so far."""
        observation = Observation(event, at, self.frames_sent + self.late_parts)
        if not (isinstance(event, Frame) and event.opcode == PING):  # answered below; a flood must not pile up
            self.inbox.append(observation)
        if isinstance(event, Ended):
            self.end = observation
        broken = list(peer_violations[len(self.peer_violations):])
        self.peer_violations += broken
        answers = []
        if isinstance(event, Frame):
            if event.opcode == PING and self.peer_close is None and not self.close_sent:
                answers.append(OutgoingFrame(PONG, event.payload, masked=self.role is Role.CLIENT))
            elif event.opcode == CLOSE and self.peer_close is None:
                self.peer_close = observation
                if not self.close_sent:
                    self.peer_closed_first = True
                    code = parse_close_payload(event.payload).code
                    echoed = code if code is not None and is_valid_close_code(code) else None
                    answers.append(OutgoingFrame(CLOSE, close_payload(echoed), masked=self.role is Role.CLIENT))
        return Received(observation, broken, answers)

    def owed(self, kind: Literal["echo", "pong"]) -> list[Expected]:
        """The answers of ``kind`` the peer still owes, oldest first."""
        return [item for item in self.expected if item.kind == kind]

    def strike_owed_answer(self, event: PeerEvent) -> None:
        """Strike from :attr:`expected` the oldest answer the peer owed that ``event`` is, if any."""
        for item in self.expected:
            if item.answered_by(event):
                self.expected.remove(item)
                return

    def take_from_inbox(self, wanted: Callable[[PeerEvent], bool], start: int = 0) -> Observation | None:
        """Take out of the inbox the first observation from ``start`` on that is ``wanted``.

        Taking a message drops the data frames before it (they carried it);
        control frames stay for the keywords that want them.
        """
        for index in range(start, len(self.inbox)):
            taken = self.inbox[index]
            if wanted(taken.event):
                before = self.inbox[:index]
                if isinstance(taken.event, Message):
                    before = [item for item in before if not _is_data_frame(item.event)]
                self.inbox = before + self.inbox[index + 1:]
                return taken
        return None

    def clear_inbox(self) -> list[Observation]:
        """Empty the inbox, striking each answer it holds from what the peer owes; what it held, in order."""
        taken, self.inbox = self.inbox, []
        for observation in taken:
            self.strike_owed_answer(observation.event)
        return taken


def _is_data_frame(event: PeerEvent) -> bool:
    return isinstance(event, Frame) and not is_control(event.opcode)
