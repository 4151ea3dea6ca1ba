"""Judging what a server did with the frames we sent, as pure functions (RFC 6455 §5-§8; Autobahn 1-7, 9, 10).

Two halves. :class:`ClientRules` applies to the frames the CLIENT sends the
rules a server must enforce on them (masking, RSV bits, opcodes, control
frames, fragmentation, UTF-8, close payloads), so a case knows which of its
frames is the first one the server must fail the connection for, and which
messages and pings the server owes an answer. The judges then take what
the server sent back, as :class:`Observation` records in the order they
arrived, and return a :class:`~.verdicts.Verdict` whose message is one
sentence saying what the server did.

The verdicts follow Autobahn|Testsuite's grading: what Autobahn calls OK
passes, NON-STRICT and WRONG CODE pass with a warning unless the case asks
to be strict, FAILED fails. Where Autobahn's UNCLEAN passes a closing
handshake that breaks a MUST of RFC 6455 §5.5.1 (no Close answering ours,
or TCP left open after it), the verdict fails; a server failing the
connection for a bad frame may still just drop TCP (§7.1.7).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Union

from ..transport.websocket import EndKind, Ended
from ..wire.websocket import (
    CLOSE,
    CONTINUATION,
    PING,
    PONG,
    TEXT,
    ClosePayload,
    Frame,
    Message,
    is_control,
    opcode_name,
    parse_close_payload,
)
from ..wire.websocket.frames import MAX_CONTROL_PAYLOAD
from ..wire.websocket.utf8 import Utf8Validator
from ..wirelog import printable
from .verdicts import Verdict

__all__ = [
    "FAIL_FAST_WINDOW",
    "ClientRules",
    "ClientViolation",
    "Expected",
    "Observation",
    "accepted_close_codes",
    "closed_cleanly",
    "connection_failed",
    "describe_event",
    "describe_message",
    "message_echoed",
    "pong_answers",
]

FAIL_FAST_WINDOW = 0.5
"""Seconds the fragment after an invalid one must wait for "fail fast" to be judged.

Autobahn's 6.4.x cases pause 1 s after the fragment that makes a text
message invalid; a server that has not failed the connection by the time
the next fragment goes out is NON-STRICT. When the next fragment followed
sooner than this, the server had no fair chance, so the timing is not held
against it.
"""

_SHOWN = 40
"""Payload bytes quoted in a verdict sentence."""


@dataclass(frozen=True)
class ClientViolation:
    """The first frame we sent that breaks a rule the server must enforce by failing the connection.

    ``number`` counts the frames we sent on the connection from 1. ``code``
    is the close code RFC 6455 has the server use (1002, or 1007 for
    invalid UTF-8). ``invalid_utf8_in_fragment`` marks an invalid byte in a
    text fragment that is not the message's last: a server that checks as
    it reads can fail the connection before the rest arrives (Autobahn's
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
    """An answer the server owes: the echo of a data message, or the pong of a ping we sent.

    ``frame`` is the number of the frame that completed the message or
    carried the ping.
    """

    kind: Literal["echo", "pong"]
    opcode: int
    payload: bytes
    frame: int

    def answered_by(self, event: Frame | Message) -> bool:
        """Whether ``event`` is this answer: a message of the same type and payload, or a pong with the payload."""
        if self.kind == "echo":
            return isinstance(event, Message) and event.opcode == self.opcode and event.payload == self.payload
        return isinstance(event, Frame) and event.opcode == PONG and event.payload == self.payload

    def describe(self) -> str:
        """``the echo of the 13-byte TEXT message 'Hello'`` or ``the pong of the PING 'x'``."""
        if self.kind == "echo":
            return f"the echo of {describe_message(self.opcode, self.payload)}"
        return f"the pong of {_describe_ping(self.payload)}"


@dataclass(frozen=True)
class Observation:
    """One thing the server did, when it was seen and how many of our frames had been written by then.

    ``event`` is a frame, a completed message, or how the connection ended
    (never a timeout: a wait that times out observes nothing).
    """

    event: Union[Frame, Message, Ended]
    at: float
    frames_sent: int


class ClientRules:
    """The rules a server enforces on a client's frames, applied to the frames we send, in order.

    :meth:`check` takes each frame's fields as written and returns the
    rule it breaks, if any; :attr:`first_violation` keeps the first. Data
    messages and pings sent before any violation, and before our Close,
    become :class:`Expected` answers. Frames after our Close frame are
    not checked: the server must ignore them (RFC 6455 §5.5.1), not fail
    the connection for them.
    """

    def __init__(self) -> None:
        self.frames_sent = 0
        self.first_violation: ClientViolation | None = None
        self.close_sent = False
        self._message_opcode: int | None = None
        self._message_parts: list[bytes] = []
        self._validator: Utf8Validator | None = None

    def check(
        self,
        opcode: int,
        payload: bytes,
        *,
        fin: bool = True,
        rsv: int = 0,
        masked: bool = True,
        announced_length: int | None = None,
        length_form: int | None = None,
    ) -> tuple[ClientViolation | None, Expected | None]:
        """Count one frame we send; return the rule it breaks (or ``None``) and the answer it earns (or ``None``)."""
        self.frames_sent += 1
        if self.close_sent:
            return None, None
        problem = self._problem(opcode, payload, fin, rsv, masked, announced_length, length_form)
        completed = None
        if problem is None and not is_control(opcode):
            completed = self._follow_message(opcode, payload, fin)
            if self._validator is not None:
                problem = self._utf8_problem(payload, fin)
            if fin:
                self._message_opcode, self._validator = None, None
        if opcode == CLOSE:
            self.close_sent = True
        if problem is not None:
            rule, code, in_fragment = problem
            violation = ClientViolation(self.frames_sent, _label(opcode, fin, rsv), rule, code, in_fragment)
            if self.first_violation is None:
                self.first_violation = violation
            return violation, None
        if self.first_violation is not None:
            return None, None
        if opcode == PING:
            return None, Expected("pong", PING, payload, self.frames_sent)
        if completed is not None:
            return None, Expected("echo", completed[0], completed[1], self.frames_sent)
        return None, None

    def _problem(self, opcode: int, payload: bytes, fin: bool, rsv: int, masked: bool,
                 announced_length: int | None, length_form: int | None) -> tuple[str, int, bool] | None:
        if not masked:
            return "a client frame is unmasked, but a client MUST mask every frame (RFC 6455 §5.1)", 1002, False
        if rsv:
            return (f"{_rsv_names(rsv)} set without a negotiated extension giving it a meaning (RFC 6455 §5.2)",
                    1002, False)
        if 0x3 <= opcode <= 0x7 or opcode >= 0xB:
            return f"opcode 0x{opcode:x} is reserved (RFC 6455 §5.2)", 1002, False
        if announced_length is not None and announced_length != len(payload):
            return (f"its length field announces {announced_length} bytes but {len(payload)} follow, so the "
                    "frames after it cannot be read as sent (RFC 6455 §5.2)", 1002, False)
        if length_form is not None and length_form != _shortest_form(len(payload)):
            return (f"the length {len(payload)} is written in the {length_form}-bit form, but the minimal "
                    "form MUST be used (RFC 6455 §5.2)", 1002, False)
        if is_control(opcode):
            if len(payload) > MAX_CONTROL_PAYLOAD:
                return (f"a control frame carries {len(payload)} bytes, more than {MAX_CONTROL_PAYLOAD} "
                        "(RFC 6455 §5.5)", 1002, False)
            if not fin:
                return "a control frame has FIN clear, but control frames MUST NOT be fragmented (RFC 6455 §5.5)", \
                    1002, False
            if opcode == CLOSE:
                return _close_problem(payload)
            return None
        if opcode == CONTINUATION and self._message_opcode is None:
            return "a continuation frame with no fragmented message to continue (RFC 6455 §5.4)", 1002, False
        if opcode != CONTINUATION and self._message_opcode is not None:
            return (f"a new {opcode_name(opcode)} frame while a fragmented {opcode_name(self._message_opcode)} "
                    "message is unfinished (RFC 6455 §5.4)", 1002, False)
        return None

    def _follow_message(self, opcode: int, payload: bytes, fin: bool) -> tuple[int, bytes] | None:
        """Add a data frame to the message it belongs to; the message's type and payload once it is complete."""
        if opcode != CONTINUATION:
            self._message_opcode = opcode
            self._message_parts = []
            self._validator = Utf8Validator() if opcode == TEXT else None
        self._message_parts.append(payload)
        if not fin:
            return None
        assert self._message_opcode is not None
        completed = (self._message_opcode, b"".join(self._message_parts))
        self._message_parts = []
        return completed

    def _utf8_problem(self, payload: bytes, fin: bool) -> tuple[str, int, bool] | None:
        """Feed a text fragment to the validator; the problem when this fragment made the message invalid UTF-8."""
        validator = self._validator
        assert validator is not None
        already_invalid = validator.invalid_at is not None
        invalid_at = validator.feed(payload)
        if invalid_at is None and fin:
            invalid_at = validator.finish()
        if invalid_at is None or already_invalid:
            return None
        return f"the text message is not valid UTF-8 from byte {invalid_at} on (RFC 6455 §8.1)", 1007, not fin


def _close_problem(payload: bytes) -> tuple[str, int, bool] | None:
    close = parse_close_payload(payload)
    if not close.problems:
        return None
    code = 1007 if close.code is not None and close.problems[0].startswith("the close reason") else 1002
    return close.problems[0], code, False


def _shortest_form(length: int) -> int:
    return 7 if length <= 125 else 16 if length <= 0xFFFF else 64


def _rsv_names(rsv: int) -> str:
    names = [name for name, bit in (("RSV1", 4), ("RSV2", 2), ("RSV3", 1)) if rsv & bit]
    return " and ".join(names) + (" are" if len(names) > 1 else " is")


def _label(opcode: int, fin: bool, rsv: int) -> str:
    flags = [opcode_name(opcode)] + ([] if fin else ["FIN clear"]) + ([f"RSV {rsv}"] if rsv else [])
    return ", ".join(flags)


# --- describing what the server sent --------------------------------------------------------------------------


def describe_message(opcode: int, payload: bytes) -> str:
    """``the 13-byte TEXT message 'Hello, world!'`` with the payload escaped and cut short."""
    shown = f" '{printable(payload, _SHOWN)}'" if payload else ""
    return f"the {len(payload)}-byte {opcode_name(opcode)} message{shown}"


def _describe_ping(payload: bytes) -> str:
    return f"the PING '{printable(payload, _SHOWN)}'" if payload else "the empty PING"


def _describe_close(close: ClosePayload | None) -> str:
    if close is None or close.code is None:
        return "a Close frame without a code"
    reason = f" (reason '{printable(close.reason, _SHOWN)}')" if close.reason else ""
    return f"a Close frame with code {close.code}{reason}"


def describe_event(event: Frame | Message | Ended | None, timeout: float) -> str:
    """What the server did, as a phrase after "the server": ``sent the 3-byte TEXT message 'abc'``, ``closed ...``."""
    if event is None:
        return f"sent nothing more within {timeout:g} s"
    if isinstance(event, Message):
        return f"sent {describe_message(event.opcode, event.payload)}"
    if isinstance(event, Ended):
        return _describe_end(event, timeout)
    if event.opcode == CLOSE:
        return f"sent {_describe_close(parse_close_payload(event.payload))}"
    if event.opcode == PONG:
        return f"sent a PONG '{printable(event.payload, _SHOWN)}'" if event.payload else "sent an empty PONG"
    return f"sent a {event.opcode_name} frame of {event.length} bytes"


def _describe_end(end: Ended, timeout: float) -> str:
    if end.how is EndKind.CLOSED:
        return "closed the TCP connection"
    if end.how is EndKind.RESET:
        return "reset the connection"
    if end.how is EndKind.TIMEOUT:
        return f"sent nothing more within {timeout:g} s"
    return f"ended the connection ({end.detail.rstrip('.')})"


def _first_difference(expected: bytes, received: bytes) -> str:
    for index, (want, got) in enumerate(zip(expected, received)):
        if want != got:
            return f"they differ from byte {index} on"
    return f"{len(received)} bytes arrived instead of {len(expected)}"


# --- the judges ----------------------------------------------------------------------------------------------


def message_echoed(expected: Expected, outcome: Frame | Message | Ended | None, timeout: float) -> Verdict:
    """The next data message equals the one we sent (type and payload); ``outcome`` is what ended the wait.

    ``outcome`` is the first data message, or the server's Close frame or
    the end of the connection when no message came first, or ``None``
    when nothing decisive arrived within ``timeout``.
    """
    wanted = describe_message(expected.opcode, expected.payload)
    if isinstance(outcome, Message):
        if expected.answered_by(outcome):
            return Verdict(True, f"The server echoed {wanted}.")
        if outcome.opcode != expected.opcode:
            return Verdict(False, f"Expected the echo of {wanted}, but the server sent "
                                  f"{describe_message(outcome.opcode, outcome.payload)}.")
        return Verdict(False, f"Expected the echo of {wanted}, but the server sent "
                              f"{describe_message(outcome.opcode, outcome.payload)}: "
                              f"{_first_difference(expected.payload, outcome.payload)}.")
    return Verdict(False, f"Expected the echo of {wanted}, but the server {describe_event(outcome, timeout)}.")


def pong_answers(expected: Expected, outcome: Frame | Message | Ended | None, timeout: float,
                 later_pings: tuple[bytes, ...] = ()) -> Verdict:
    """The next pong carries the payload of the oldest unanswered ping (RFC 6455 §5.5.3).

    ``outcome`` is the first pong, or the server's Close frame or the end
    of the connection when no pong came first, or ``None`` on timeout.
    ``later_pings`` are the payloads of pings sent after this one and not
    answered yet: a pong for one of them is named as such, yet still fails,
    as Autobahn expects every ping answered.
    """
    wanted = _describe_ping(expected.payload)
    if isinstance(outcome, Frame) and outcome.opcode == PONG:
        if expected.answered_by(outcome):
            return Verdict(True, f"The server answered {wanted} with a PONG carrying its payload.")
        which = " (that of a later PING, skipping this one)" if outcome.payload in later_pings else ""
        return Verdict(False, f"Expected a PONG answering {wanted}, but the server sent a PONG with the payload "
                              f"'{printable(outcome.payload, _SHOWN)}'{which} (RFC 6455 §5.5.3).")
    return Verdict(False, f"Expected a PONG answering {wanted} (RFC 6455 §5.5.2), but the server "
                          f"{describe_event(outcome, timeout)}.")


def accepted_close_codes(sent_code: int | None) -> frozenset[int]:
    """The codes a server may answer our Close with: 1000, or the code we sent echoed (Autobahn's 7.x close_codes).

    A Close frame without a code is accepted too (RFC 6455 §5.5.1 makes
    the body optional), which callers check separately.
    """
    return frozenset({1000} if sent_code is None else {1000, sent_code})


def connection_failed(
    violation: ClientViolation,
    observations: list[Observation],
    pending: list[Expected],
    codes: frozenset[int],
    strict: bool,
    timeout: float,
    target_echoes: bool = True,
    next_frame_delay: float | None = None,
) -> Verdict:
    """Autobahn's "fail the connection" rule after ``violation`` (RFC 6455 §7.1.7).

    ``observations`` are what the server did from the start of the
    connection, in order, up to its Close frame or the end of the
    connection (an empty or unfinished list means the connection stayed
    open until ``timeout``). ``pending`` are the answers owed for what was
    sent before the violation, oldest first: they may arrive first; if they
    never do, the verdict is a warning (Autobahn NON-STRICT), except for
    echoes when ``target_echoes`` is false.

    Passes on a Close frame with a code in ``codes`` or without a code,
    and on the TCP connection dropped without one. Fails on any other
    answer (an echo or pong of the violating frame or of anything after
    it), on the connection kept open, and on a Close with another code when
    ``strict`` (else a warning, Autobahn's WRONG CODE). For invalid UTF-8
    in a fragment before the message's last (``next_frame_delay`` is how
    long after it our next frame went out), a failure that came only after
    the next frame warns (Autobahn NON-STRICT: not "fail fast").
    """
    owed = list(pending)
    what = violation.summary()
    end: Observation | None = None
    for observation in observations:
        event = observation.event
        answer = isinstance(event, Message) or (isinstance(event, Frame) and event.opcode == PONG)
        if answer:
            match = next((item for item in owed if item.answered_by(event)), None)
            if match is not None:
                owed.remove(match)
            elif observation.frames_sent >= violation.number:
                return Verdict(False, f"The server did not fail the connection after {what}: it "
                                      f"{describe_event(event, timeout)}.")
        elif isinstance(event, Ended) or event.opcode == CLOSE:
            end = observation
            break
    if end is None:
        return Verdict(False, f"The server did not fail the connection after {what}: it neither sent a Close "
                              f"frame nor closed the TCP connection within {timeout:g} s.")
    event = end.event
    if isinstance(event, Ended) and event.how not in (EndKind.CLOSED, EndKind.RESET):
        return Verdict(False, f"After {what} the connection ended without a verdict: {event.detail}")
    close = parse_close_payload(event.payload) if isinstance(event, Frame) else None
    reaction = f"it {describe_event(event, timeout)}"
    if close is not None and close.code is not None and close.code not in codes:
        expected_codes = " or ".join(str(code) for code in sorted(codes))
        sentence = (f"The server failed the connection after {what}, but with {_describe_close(close)} instead of "
                    f"{expected_codes}")
        if strict:
            return Verdict(False, f"{sentence}.")
        return Verdict(True, f"{sentence} (Autobahn: WRONG CODE).", warning=True)
    if (violation.invalid_utf8_in_fragment and end.frames_sent > violation.number
            and next_frame_delay is not None and next_frame_delay >= FAIL_FAST_WINDOW):
        return Verdict(True, f"The server failed the connection after {what}, but only after more of the message "
                             f"had been sent {next_frame_delay:.1f} s later, not as soon as the invalid byte arrived: "
                             f"{reaction} (Autobahn: NON-STRICT, not fail fast).", warning=True)
    unanswered = [item for item in owed if item.kind == "pong" or target_echoes]
    if unanswered:
        return Verdict(True, f"The server failed the connection after {what} ({reaction}), but without first "
                             f"sending {unanswered[0].describe()} sent before it (Autobahn: NON-STRICT).",
                       warning=True)
    return Verdict(True, f"The server failed the connection after {what}: {reaction}.")


def closed_cleanly(
    sent_code: int | None,
    close: ClosePayload | None,
    tcp_end: Ended | None,
    server_first: bool,
    strict: bool,
    timeout: float,
) -> Verdict:
    """The closing handshake we started: the server answers our Close, then closes TCP (RFC 6455 §5.5.1, §7.1.1).

    ``sent_code`` is the code of our Close (``None``: no code). ``close`` is
    the server's Close payload, ``None`` when none arrived; ``tcp_end`` how
    the TCP connection ended afterwards (``None``: still open after
    ``timeout``); ``server_first`` that the server's Close came before ours.

    Fails when the server neither answers nor closes within the timeout,
    when it closes TCP without answering our Close with a Close (§5.5.1:
    an endpoint that receives a Close "MUST send a Close frame in
    response"), and when it answers but keeps the TCP connection open
    (§5.5.1: "The server MUST close the underlying TCP connection
    immediately"); Autobahn grades the last two UNCLEAN, a warning. A Close
    with a code other than 1000 or ours (Autobahn's WRONG CODE; §5.5.1 only
    says the code is "typically" echoed) and a closing handshake started by
    the server (which §7.1.2 allows either endpoint) warn, or fail when
    ``strict``.
    """
    ours = "our Close frame" + (" (no code)" if sent_code is None else f" (code {sent_code})")
    still_open = tcp_end is None or tcp_end.how is EndKind.TIMEOUT
    if close is None:
        if still_open:
            return Verdict(False, f"The server neither answered {ours} with a Close frame nor closed the "
                                  f"connection within {timeout:g} s (RFC 6455 §5.5.1).")
        return Verdict(False, f"The server {_describe_end(tcp_end, timeout)} without answering {ours} with a "
                              "Close frame, though an endpoint that receives a Close MUST send a Close in response "
                              "(RFC 6455 §5.5.1; Autobahn grades this UNCLEAN, a warning).")
    if still_open:
        return Verdict(False, f"The server answered {ours} with {_describe_close(close)} but kept the TCP "
                              f"connection open for {timeout:g} s, though the server MUST close it immediately "
                              "after the closing handshake (RFC 6455 §5.5.1, §7.1.1; Autobahn grades this UNCLEAN, "
                              "a warning).")
    problem: str | None = None
    if close.code is not None and close.code not in accepted_close_codes(sent_code):
        problem = (f"The server answered {ours} with {_describe_close(close)}, neither 1000 nor our code "
                   "(Autobahn: WRONG CODE)")
    elif server_first:
        problem = (f"The server started the closing handshake itself with {_describe_close(close)} before "
                   f"{ours} (Autobahn: closed by the wrong endpoint)")
    if problem is not None:
        return Verdict(not strict, f"{problem}.", warning=not strict)
    assert tcp_end is not None
    return Verdict(True, f"The server answered {ours} with {_describe_close(close)} and then "
                         f"{_describe_end(tcp_end, timeout)}.")
