"""Judging what a peer did with the frames we sent, as pure functions (RFC 6455 §5-§8; Autobahn 1-7, 9, 10).

Which of our frames the peer must fail the connection for, and which
answers it owes, is kept by the sans-I/O :class:`~..wire.websocket.session.Session`.
The judges take what the peer sent back, as
:class:`~..wire.websocket.session.Observation` records in the order they
arrived, and return a :class:`~.verdicts.Verdict` whose message is one
sentence saying what the peer did. The peer is a server unless a judge is
told otherwise (``peer=Role.CLIENT`` when the library plays the server);
its role names it in the sentence, the rules being the same both ways
except for the closing handshake, which :func:`closed_cleanly` judges for
a server only.

The verdicts follow Autobahn|Testsuite's grading: what Autobahn calls OK
passes, NON-STRICT and WRONG CODE pass with a warning unless the case asks
to be strict, FAILED fails. Where Autobahn's UNCLEAN passes a closing
handshake that breaks a MUST of RFC 6455 §5.5.1 (no Close answering ours,
or TCP left open after it), the verdict fails; a peer failing the
connection for a bad frame may still just drop TCP (§7.1.7).
"""

from __future__ import annotations

from ..wire.printable import printable
from ..wire.websocket import CLOSE, PONG, CloseCode, ClosePayload, EndKind, Ended, Frame, Message, Role, \
    opcode_name, parse_close_payload
from ..wire.websocket.session import Expected, Observation, SentViolation
from .verdicts import Verdict

__all__ = [
    "FAIL_FAST_WINDOW",
    "accepted_close_codes",
    "closed_cleanly",
    "connection_failed",
    "describe_event",
    "describe_expected",
    "describe_message",
    "message_echoed",
    "pong_answers",
]

FAIL_FAST_WINDOW = 0.5
"""Seconds the fragment after an invalid one must wait for "fail fast" to be judged.

Autobahn's 6.4.x cases pause 1 s after the fragment that makes a text
message invalid; a peer that has not failed the connection by the time
the next fragment goes out is NON-STRICT. When the next fragment followed
sooner than this, the peer had no fair chance, so the timing is not held
against it.
"""

_SHOWN = 40
"""Payload bytes quoted in a verdict sentence."""


# --- describing what the peer sent ----------------------------------------------------------------------------


def describe_message(opcode: int, payload: bytes) -> str:
    """``the 13-byte TEXT message 'Hello, world!'`` with the payload escaped and cut short."""
    shown = f" '{printable(payload, _SHOWN)}'" if payload else ""
    return f"the {len(payload)}-byte {opcode_name(opcode)} message{shown}"


def describe_expected(expected: Expected) -> str:
    """``the echo of the 13-byte TEXT message 'Hello'`` or ``the pong of the PING 'x'``."""
    if expected.kind == "echo":
        return f"the echo of {describe_message(expected.opcode, expected.payload)}"
    return f"the pong of {_describe_ping(expected.payload)}"


def _describe_ping(payload: bytes) -> str:
    return f"the PING '{printable(payload, _SHOWN)}'" if payload else "the empty PING"


def _describe_close(close: ClosePayload | None) -> str:
    if close is None or close.code is None:
        return "a Close frame without a code"
    reason = f" (reason '{printable(close.reason, _SHOWN)}')" if close.reason else ""
    return f"a Close frame with code {close.code}{reason}"


def describe_event(event: Frame | Message | Ended | None, timeout: float) -> str:
    """What the peer did, as a phrase after "the server" (or "the client"): ``sent the 3-byte TEXT message 'abc'``."""
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


def message_echoed(expected: Expected, outcome: Frame | Message | Ended | None, timeout: float,
                   peer: Role = Role.SERVER) -> Verdict:
    """The next data message equals the one we sent (type and payload); ``outcome`` is what ended the wait.

    ``outcome`` is the first data message, or the ``peer``'s Close frame or
    the end of the connection when no message came first, or ``None``
    when nothing decisive arrived within ``timeout``.
    """
    wanted = describe_message(expected.opcode, expected.payload)
    if isinstance(outcome, Message):
        if expected.answered_by(outcome):
            return Verdict(True, f"The {peer} echoed {wanted}.")
        if outcome.opcode != expected.opcode:
            return Verdict(False, f"Expected the echo of {wanted}, but the {peer} sent "
                                  f"{describe_message(outcome.opcode, outcome.payload)}.")
        return Verdict(False, f"Expected the echo of {wanted}, but the {peer} sent "
                              f"{describe_message(outcome.opcode, outcome.payload)}: "
                              f"{_first_difference(expected.payload, outcome.payload)}.")
    return Verdict(False, f"Expected the echo of {wanted}, but the {peer} {describe_event(outcome, timeout)}.")


def message_echoed_or_refused(expected: Expected, outcome: Frame | Message | Ended | None, codes: frozenset[int],
                              timeout: float) -> Verdict:
    """The message we sent is echoed, or refused with a Close carrying one of ``codes``; anything else within ``timeout`` warns.

    A wait that ends with nothing decisive (the server neither echoes nor
    closes) fails: a server must not leave a message it cannot take
    unanswered. Another Close code, or the connection dropped without a
    Close, passes with a warning (Autobahn's INFORMATIONAL).
    """
    wanted = describe_message(expected.opcode, expected.payload)
    allowed = " or ".join(str(code) for code in sorted(codes))
    if isinstance(outcome, Message):
        return message_echoed(expected, outcome, timeout)
    if isinstance(outcome, Frame) and outcome.opcode == CLOSE:
        close = parse_close_payload(outcome.payload)
        if close.code in codes:
            return Verdict(True, f"The server refused {wanted} with {_describe_close(close)}.")
        return Verdict(True, f"The server neither echoed {wanted} nor refused it with {allowed}: it "
                             f"{describe_event(outcome, timeout)}.", warning=True)
    if isinstance(outcome, Ended):
        return Verdict(True, f"The server neither echoed {wanted} nor refused it with {allowed}: it "
                             f"{describe_event(outcome, timeout)}.", warning=True)
    return Verdict(False, f"Expected the echo of {wanted} or a Close with {allowed}, but the server "
                          f"{describe_event(outcome, timeout)}.")


def pong_answers(expected: Expected, outcome: Frame | Message | Ended | None, timeout: float,
                 later_pings: tuple[bytes, ...] = (), peer: Role = Role.SERVER) -> Verdict:
    """The next pong carries the payload of the oldest unanswered ping (RFC 6455 §5.5.3).

    ``outcome`` is the first pong, or the ``peer``'s Close frame or the end
    of the connection when no pong came first, or ``None`` on timeout.
    ``later_pings`` are the payloads of pings sent after this one and not
    answered yet: a pong for one of them is named as such, yet still fails,
    as Autobahn expects every ping answered.
    """
    wanted = _describe_ping(expected.payload)
    if isinstance(outcome, Frame) and outcome.opcode == PONG:
        if expected.answered_by(outcome):
            return Verdict(True, f"The {peer} answered {wanted} with a PONG carrying its payload.")
        which = " (that of a later PING, skipping this one)" if outcome.payload in later_pings else ""
        return Verdict(False, f"Expected a PONG answering {wanted}, but the {peer} sent a PONG with the payload "
                              f"'{printable(outcome.payload, _SHOWN)}'{which} (RFC 6455 §5.5.3).")
    return Verdict(False, f"Expected a PONG answering {wanted} (RFC 6455 §5.5.2), but the {peer} "
                          f"{describe_event(outcome, timeout)}.")


def accepted_close_codes(sent_code: int | None) -> frozenset[int]:
    """The codes a server may answer our Close with: 1000, or the code we sent echoed (Autobahn's 7.x close_codes).

    A Close frame without a code is accepted too (RFC 6455 §5.5.1 makes
    the body optional), which callers check separately.
    """
    return frozenset({CloseCode.NORMAL_CLOSURE} if sent_code is None else {CloseCode.NORMAL_CLOSURE, sent_code})


def connection_failed(
    violation: SentViolation,
    observations: list[Observation],
    pending: list[Expected],
    codes: frozenset[int],
    strict: bool,
    timeout: float,
    target_echoes: bool = True,
    next_frame_delay: float | None = None,
    peer: Role = Role.SERVER,
) -> Verdict:
    """Autobahn's "fail the connection" rule after ``violation`` (RFC 6455 §7.1.7).

    ``observations`` are what the ``peer`` did from the start of the
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
            elif observation.sent_before >= violation.number:
                return Verdict(False, f"The {peer} did not fail the connection after {what}: it "
                                      f"{describe_event(event, timeout)}.")
        elif isinstance(event, Ended) or event.opcode == CLOSE:
            end = observation
            break
    if end is None:
        return Verdict(False, f"The {peer} did not fail the connection after {what}: it neither sent a Close "
                              f"frame nor closed the TCP connection within {timeout:g} s.")
    event = end.event
    if isinstance(event, Ended) and event.how not in (EndKind.CLOSED, EndKind.RESET):
        return Verdict(False, f"After {what} the connection ended without a verdict: {event.detail}")
    close = parse_close_payload(event.payload) if isinstance(event, Frame) else None
    reaction = f"it {describe_event(event, timeout)}"
    if close is not None and close.code is not None and close.code not in codes:
        expected_codes = " or ".join(str(code) for code in sorted(codes))
        sentence = (f"The {peer} failed the connection after {what}, but with {_describe_close(close)} instead of "
                    f"{expected_codes}")
        if strict:
            return Verdict(False, f"{sentence}.")
        return Verdict(True, f"{sentence} (Autobahn: WRONG CODE).", warning=True)
    if (violation.invalid_utf8_in_fragment and end.sent_before > violation.number
            and next_frame_delay is not None and next_frame_delay >= FAIL_FAST_WINDOW):
        return Verdict(True, f"The {peer} failed the connection after {what}, but only after more of the message "
                             f"had been sent {next_frame_delay:.1f} s later, not as soon as the invalid byte arrived: "
                             f"{reaction} (Autobahn: NON-STRICT, not fail fast).", warning=True)
    unanswered = [item for item in owed if item.kind == "pong" or target_echoes]
    if unanswered:
        return Verdict(True, f"The {peer} failed the connection after {what} ({reaction}), but without first "
                             f"sending {describe_expected(unanswered[0])} sent before it (Autobahn: NON-STRICT).",
                       warning=True)
    return Verdict(True, f"The {peer} failed the connection after {what}: {reaction}.")


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

    The judge is a server's only: the duty to close TCP first is the
    server's (§7.1.1), so a client's closing handshake is judged apart.
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
