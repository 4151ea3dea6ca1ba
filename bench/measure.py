"""Pure helpers of the benchmark: the requests and frames the suites send, summaries of timings, the printed table."""

from __future__ import annotations

import json
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Union

from robot.api import ResultVisitor
from robot.utils import timestr_to_secs
from robot.result import Keyword, Message, TestCase, TestSuite

from WsComplianceLibrary.catalogue import Case
from WsComplianceLibrary.wire.http1.request import SAMPLE_KEY, build_upgrade_request, new_key
from WsComplianceLibrary.target import Target
from WsComplianceLibrary.wire.websocket import (
    BINARY,
    CLOSE,
    CONTINUATION,
    PING,
    PONG,
    TEXT,
    build_frame,
    close_payload,
)
from WsComplianceLibrary.wirelog import OBSERVED_PREFIX

__all__ = [
    "Await",
    "BareTime",
    "FrameProbe",
    "Pause",
    "Row",
    "Stats",
    "TimeSplit",
    "answer_complete",
    "answers_in",
    "bulk_suite",
    "case_requests",
    "case_timeout",
    "empty_suite",
    "frame_probe",
    "keyword_seconds",
    "representative_probe",
    "scan_frames",
    "format_value",
    "render_table",
    "sample_cases",
    "time_split",
]

_BODILESS_STATUSES = frozenset({101, 204, 304})


@dataclass(frozen=True)
class Stats:
    """Median, minimum and maximum of repeated measurements."""

    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: Iterable[float]) -> Stats:
        """Summarise ``values``; there must be at least one."""
        samples = sorted(values)
        if not samples:
            raise ValueError("No measurements to summarise.")
        return cls(statistics.median(samples), samples[0], samples[-1])


@dataclass(frozen=True)
class Row:
    """One line of the table: what was measured, its summary in ``unit``, and the target it is held to.

    ``met`` is ``None`` for figures that have no target of their own;
    ``note`` says more than fits in the table, printed under it.
    """

    label: str
    stats: Stats
    unit: str
    target: str = ""
    met: bool | None = None
    note: str = ""


def format_value(value: float, unit: str) -> str:
    """``value`` (seconds for ``s`` and ``ms``, a plain ratio for ``x``) as text in ``unit``."""
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value * 1000:.2f} ms"
    if unit == "x":
        return f"{value:.2f} x"
    raise ValueError(f"Unknown unit {unit!r}; use s, ms or x.")


def render_table(rows: Sequence[Row]) -> str:
    """The rows as an aligned text table with median, min, max, target and whether it was met."""
    header = ("Measurement", "median", "min", "max", "target", "")
    cells = [header] + [
        (
            row.label,
            format_value(row.stats.median, row.unit),
            format_value(row.stats.low, row.unit),
            format_value(row.stats.high, row.unit),
            row.target,
            {None: "", True: "met", False: "MISSED"}[row.met],
        )
        for row in rows
    ]
    widths = [max(len(line[column]) for line in cells) for column in range(len(header))]
    lines = []
    for line in cells:
        label, *figures, target, met = line
        parts = [label.ljust(widths[0])]
        parts += [figure.rjust(width) for figure, width in zip(figures, widths[1:4])]
        parts += [target.ljust(widths[4]), met]
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)


def case_requests(cases: Iterable[Case], target: Target) -> list[bytes]:
    """The request bytes each case's recipe makes for ``target``, as the suites send them.

    Cases that ask for a fresh key get one each; the others carry the RFC's sample key.
    """
    return [
        build_upgrade_request(
            case.recipe.method,
            target.path,
            target.authority,
            case.recipe.http_version,
            case.recipe.headers,
            case.recipe.body,
            new_key() if case.recipe.fresh_key else SAMPLE_KEY,
        )
        for case in cases
    ]


def case_timeout(case: Case, default: float) -> float:
    """Seconds a case waits for an answer that never comes: its row's own TIMEOUT cell, else ``default``."""
    own = dict(case.cells).get("timeout", "")
    return timestr_to_secs(own) if own else default


def sample_cases(cases: Iterable[Case], per_family: int) -> list[str]:
    """The IDs of the first ``per_family`` cases of every family, in catalogue order.

    One case per family runs every template keyword and rule path the
    suites have, so a slow path anywhere shows up without running them all.
    """
    taken: dict[str, int] = {}
    chosen = []
    for case in cases:
        if taken.get(case.family, 0) < per_family:
            taken[case.family] = taken.get(case.family, 0) + 1
            chosen.append(case.id)
    return chosen


def answer_complete(received: bytes) -> bool:
    """Whether ``received`` holds a whole HTTP/1.1 answer, judged as cheaply as a bare client would.

    A header block followed by ``Content-Length`` bytes of body (none for
    ``101``, ``204`` and ``304``) or by the end of a chunked body is whole.
    An answer framed by the end of the connection is never whole here; the
    caller stops at end of file.
    """
    head, separator, body = received.partition(b"\r\n\r\n")
    if not separator:
        return False
    status_line, *fields = head.split(b"\r\n")
    parts = status_line.split(b" ", 2)
    if len(parts) >= 2 and parts[1].isdigit() and int(parts[1]) in _BODILESS_STATUSES:
        return True
    for field in fields:
        name, _, value = field.partition(b":")
        name = name.strip().lower()
        if name == b"content-length" and value.strip().isdigit():
            return len(body) >= int(value)
        if name == b"transfer-encoding" and b"chunked" in value.lower():
            return body.endswith(b"0\r\n\r\n")
    return False


def empty_suite(test_count: int) -> str:
    """A Robot suite of ``test_count`` tests that do nothing: Robot's own cost per run and per test."""
    lines = ["*** Test Cases ***"]
    for number in range(1, test_count + 1):
        lines += [f"Empty {number}", "    No Operation"]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class TimeSplit:
    """Where the time inside a run's tests went, in seconds summed over all tests.

    ``tests`` is the tests' own elapsed time, ``library`` the part spent in
    keywords of the library, ``exchanges`` the part of that the library
    observed on the wire (its ``Observed`` log lines), ``pauses`` the time
    in BuiltIn's ``Sleep`` (the pauses a case makes between frames, which
    the bare loop makes too).
    """

    tests: float
    library: float
    exchanges: float
    pauses: float = 0.0


def time_split(suite: TestSuite, library: str = "WsComplianceLibrary") -> TimeSplit:
    """Split the test time of the result ``suite`` into time in ``library``'s keywords, on the wire, in pauses."""
    collector = _TimeCollector(library)
    for test in suite.all_tests:
        test.visit(collector)
    return TimeSplit(collector.tests, collector.library, collector.exchanges, collector.pauses)


class _TimeCollector(ResultVisitor):
    def __init__(self, library: str) -> None:
        self.owner = library
        self.tests = self.library = self.exchanges = self.pauses = 0.0

    def start_test(self, test: TestCase) -> None:
        self.tests += test.elapsed_time.total_seconds()

    def start_keyword(self, keyword: Keyword) -> None:
        if keyword.owner == self.owner:
            self.library += keyword.elapsed_time.total_seconds()
        elif keyword.owner == "BuiltIn" and keyword.name == "Sleep":
            self.pauses += keyword.elapsed_time.total_seconds()

    def visit_message(self, message: Message) -> None:
        if message.message.startswith(OBSERVED_PREFIX):
            self.exchanges += json.loads(message.message[len(OBSERVED_PREFIX):])["elapsed"]


@dataclass(frozen=True)
class BareTime:
    """Seconds a bare loop spent on the opening handshakes (connecting included) and on the frames after them.

    ``pauses`` is the part of ``frames`` spent in the cases' own pauses
    (the ``Sleep`` steps of their templates), ``keyword_pauses`` the part
    spent in pauses a keyword makes itself.
    """

    handshakes: float
    frames: float = 0.0
    pauses: float = 0.0
    keyword_pauses: float = 0.0

    @property
    def total(self) -> float:
        return self.handshakes + self.frames


@dataclass(frozen=True)
class Pause:
    """Seconds a case waits between two writes (Autobahn's sleeps, a fragment held back): part of its floor.

    ``in_keyword`` marks a pause a library keyword makes itself (``Send
    Frame In Parts``), which output.xml counts as that keyword's time, not
    as a ``Sleep``: the bare loop counts it as frame time, not as a pause.
    """

    seconds: float
    in_keyword: bool = False


@dataclass(frozen=True)
class Await:
    """Read until this many more answers arrived: whole data messages, Pongs, a Close (see :func:`answers_in`)."""

    answers: int


FrameStep = Union[bytes, Pause, Await]
"""One step of a bare frame exchange after the handshake: bytes to write, a pause, or answers to wait for."""


@dataclass(frozen=True)
class FrameProbe:
    """What the bare loop does for one frame case: its steps after the handshake, then a Close and reading to EOF.

    ``derived`` tells whether the steps come from the case itself (its
    frames, byte for byte up to the random masking keys) or are the
    representative exchange of :func:`representative_probe` standing in for it.
    """

    case_id: str
    steps: tuple[FrameStep, ...]
    derived: bool = True

    @property
    def sends_close(self) -> bool:
        """Whether one of the steps already writes a Close frame (else the bare loop ends with Close 1000)."""
        stream = b"".join(step for step in self.steps if isinstance(step, bytes))  # writes may split frames
        return any(opcode == CLOSE for opcode, _ in scan_frames(stream)[0])


REPRESENTATIVE_TEXT = b"Hello, world!"
"""The text the representative exchange echoes and pings with."""


def representative_probe(case_id: str, pauses: float = 0.0) -> FrameProbe:
    """The stand-in exchange for a case whose frames are not derived: a text echo, a ping answered, its pauses.

    ``pauses`` (seconds) keeps a case's waits in its floor, since a case that
    pauses cannot be quicker than its pauses.
    """
    steps: tuple[FrameStep, ...] = (build_frame(TEXT, REPRESENTATIVE_TEXT), Await(1),
                                    build_frame(PING, REPRESENTATIVE_TEXT), Await(1))
    return FrameProbe(case_id, steps + ((Pause(pauses),) if pauses else ()), derived=False)


_OPCODES = {"continuation": CONTINUATION, "text": TEXT, "binary": BINARY, "close": CLOSE, "ping": PING, "pong": PONG}


def frame_probe(case: Case) -> FrameProbe:
    """The bare loop's steps for a frame ``case``, from its suite row's cells.

    The cells are read as the frame templates send them (payload as text,
    or hex, repeated or cut to a length, in fragments, chopped, paused). The
    rules whose templates are not derived here, and any row whose cells do
    not read, get :func:`representative_probe` with the row's pauses.
    """
    cells = dict(case.cells)
    derive = _DERIVATIONS.get(case.expect)
    if derive is not None:
        try:
            return FrameProbe(case.id, tuple(derive(cells)))
        except (KeyError, ValueError):
            pass
    pause = cells.get("pause", "")
    pauses = timestr_to_secs(pause) * (len(cells.get("fragments", "").split("|")) - 1) if pause else 0.0
    return representative_probe(case.id, pauses)


def _opcode(name: str) -> int:
    return _OPCODES[name.lower()] if name.lower() in _OPCODES else int(name)


def _unit(cells: dict[str, str], text: str = "payload", octets: str = "hex") -> bytes:
    return bytes.fromhex(cells[octets]) if cells.get(octets) else cells.get(text, "").encode()


def _data(cells: dict[str, str]) -> bytes:
    """The payload: text or hex, repeated ``repeat`` times, or repeated and cut to ``length`` octets."""
    unit = _unit(cells)
    if cells.get("length"):
        length = int(cells["length"])
        return (unit * (length // len(unit) + 1))[:length] if unit else b""
    return unit * int(cells.get("repeat") or 1)


def _chopped(data: bytes, chop: str) -> list[FrameStep]:
    """One write, or writes of ``chop`` octets each."""
    if not chop:
        return [data]
    size = int(chop)
    return [data[start:start + size] for start in range(0, len(data), size)]


def _fragments(opcode: int, parts: Sequence[bytes], chop: str = "", rsv: int = 0) -> list[FrameStep]:
    """A message in ``parts`` (one frame when there is one part): first frame ``opcode``, then continuations."""
    steps: list[FrameStep] = []
    for index, part in enumerate(parts):
        frame = build_frame(opcode if index == 0 else CONTINUATION, part, fin=index == len(parts) - 1,
                            rsv1=bool(rsv & 4), rsv2=bool(rsv & 2), rsv3=bool(rsv & 1))
        steps += _chopped(frame, chop)
    return steps


def _split(data: bytes, size: str) -> list[bytes]:
    """``data`` in fragments of ``size`` octets (one fragment, even empty, when there is no size)."""
    if not size:
        return [data]
    step = int(size)
    return [data[start:start + step] for start in range(0, len(data), step)] or [b""]


def _parts(cells: dict[str, str], key: str, octets: bool) -> list[bytes]:
    return [bytes.fromhex(part) if octets else part.encode() for part in cells[key].split("|")]


def _close(cells: dict[str, str]) -> bytes:
    """A Close frame with the row's code (any value, valid or not) and reason (text repeated, or hex)."""
    reason = _unit(cells, "reason", "reason hex") * int(cells.get("repeat") or 1)
    code = int(cells["code"]).to_bytes(2, "big") if cells.get("code") else b""
    return build_frame(CLOSE, code + reason)


def _echo_then(cells: dict[str, str], frame: bytes) -> list[FrameStep]:
    """A valid text message, then ``frame``: the echo and the server's Close are owed."""
    return [build_frame(TEXT, cells["text before"].encode()), *_chopped(frame, cells.get("chop", "")), Await(2)]


def _pings_with_pause(cells: dict[str, str]) -> list[FrameStep]:
    # Autobahn 5.19: two fragments, a Ping, the pause, two fragments, a Ping, the last fragment; two Pongs, one echo.
    fragments = _fragments(_opcode(cells["type"]), _parts(cells, "fragments", False))
    first, second = (build_frame(PING, ping.encode()) for ping in cells["ping"].split("|"))
    return [*fragments[:2], first, Pause(timestr_to_secs(cells["pause"])), *fragments[2:4], second,
            *fragments[4:], Await(3)]


def _paused_fragments(cells: dict[str, str]) -> list[FrameStep]:
    # Autobahn 6.4.x: each fragment after the pause; the server's Close is owed.
    steps: list[FrameStep] = []
    for index, frame in enumerate(_fragments(TEXT, _parts(cells, "fragments", True))):
        steps += [Pause(timestr_to_secs(cells["pause"]))] if index else []
        steps.append(frame)
    return [*steps, Await(1)]


def _frame_in_parts(cells: dict[str, str]) -> list[FrameStep]:
    # Autobahn 6.4.3/6.4.4: one text frame (FIN clear) written in parts a pause apart, then an empty FIN continuation.
    parts = _parts(cells, "fragments", True)
    frame = build_frame(TEXT, b"".join(parts), fin=False)
    pause = Pause(timestr_to_secs(cells["pause"]), in_keyword=True)
    steps: list[FrameStep] = []
    start = len(frame) - sum(map(len, parts))
    for index, part in enumerate(parts):
        end = start + len(part)
        steps += [pause] if index else []
        steps.append(frame[:end] if index == 0 else frame[start:end])
        start = end
    return [*steps, build_frame(CONTINUATION, b""), Await(1)]


_DERIVATIONS: dict[str, Callable[[dict[str, str]], list[FrameStep]]] = {
    "frame echoed": lambda c: [*_chopped(build_frame(_opcode(c["type"]), _data(c)), c.get("chop", "")), Await(1)],
    "fragmented echoed": lambda c: [*_fragments(_opcode(c["type"]), _split(_data(c), c["fragment size"])), Await(1)],
    "ping answered": lambda c: [*_chopped(build_frame(PING, _data(c)), c.get("chop", "")), Await(1)],
    "long ping fails": lambda c: [*_chopped(build_frame(PING, _data(c)), c.get("chop", "")), Await(1)],
    "pong ignored": lambda c: [build_frame(PONG, _data(c))],
    "pong then ping": lambda c: [build_frame(PONG, c["pong"].encode()), build_frame(PING, _data(c)), Await(1)],
    "pings in order": lambda c: [
        *(step for index in range(int(c["count"]))
          for step in _chopped(build_frame(PING, f"{c['payload']}{index}".encode()), c.get("chop", ""))),
        Await(int(c["count"]))],
    "rsv fails": lambda c: [*_fragments(_opcode(c["type"]), [_data(c)], c.get("chop", ""), int(c["rsv"])), Await(1)],
    "rsv after echo fails": lambda c: _echo_then(c, build_frame(
        _opcode(c["type"]), _data(c), rsv1=bool(int(c["rsv"]) & 4), rsv2=bool(int(c["rsv"]) & 2),
        rsv3=bool(int(c["rsv"]) & 1))),
    "opcode fails": lambda c: [*_chopped(build_frame(_opcode(c["opcode"]), _data(c)), c.get("chop", "")), Await(1)],
    "opcode after echo fails": lambda c: _echo_then(c, build_frame(_opcode(c["opcode"]), _data(c))),
    "fragments echoed": lambda c: [*_fragments(_opcode(c["type"]), _parts(c, "fragments", False), c.get("chop", "")),
                                   Await(1)],
    "ping between fragments": lambda c: [
        *(lambda first, *rest: [first, build_frame(PING, c["ping"].encode()), *rest])(
            *_fragments(_opcode(c["type"]), _parts(c, "fragments", False))), Await(2)],
    "pings between fragments with pause": _pings_with_pause,
    "valid utf8 echoed": lambda c: [*_fragments(TEXT, _split(_unit(c), c.get("fragment size", ""))), Await(1)],
    "valid utf8 fragments echoed": lambda c: [*_fragments(TEXT, _parts(c, "fragments", True)), Await(1)],
    "invalid utf8 fails": lambda c: [*_fragments(TEXT, _split(_unit(c), c.get("fragment size", ""))), Await(1)],
    "invalid utf8 fails fast": _paused_fragments,
    "invalid utf8 in one frame fails fast": _frame_in_parts,
    "close answered": lambda c: [_close(c), Await(1)],
    "close code echoed": lambda c: [_close(c), Await(1)],
    "registered close code answered": lambda c: [_close(c), Await(1)],
    "bad close code fails": lambda c: [_close(c), Await(1)],
    "unregistered close code fails": lambda c: [_close(c), Await(1)],
    "bad close payload fails": lambda c: [_close(c), Await(1)],
    "long close fails": lambda c: [_close(c), Await(1)],
    "close reason not utf8 fails": lambda c: [_close(c), Await(1)],
    "close after message": lambda c: [build_frame(_opcode(c["frame type"]), c["frame payload"].encode()), Await(1),
                                      _close(c), Await(1)],
    "frames after close ignored": lambda c: [_close(c), build_frame(_opcode(c["frame type"]),
                                                                    c.get("frame payload", "").encode()), Await(1)],
}
"""How the bare loop sends each rule's rows, by the rule's name in the catalogue (``Case.expect``)."""


def closing_frame() -> bytes:
    """The masked Close frame with code 1000 the bare loop ends every exchange with."""
    return build_frame(CLOSE, close_payload(1000))


def scan_frames(buffer: bytes | bytearray | memoryview, start: int = 0) -> tuple[list[tuple[int, bool]], int]:
    """The ``(opcode, fin)`` of each whole frame in ``buffer`` from ``start``, and the offset after the last one.

    As cheap as a bare client reads: header fields and lengths only, payloads
    skipped, a masked frame (which a server must not send) skipped by its key too.
    """
    frames: list[tuple[int, bool]] = []
    size = len(buffer)
    while size - start >= 2:
        first, second = buffer[start], buffer[start + 1]
        length, offset = second & 0x7F, start + 2
        if length == 126:
            if size - offset < 2:
                break
            length, offset = int.from_bytes(buffer[offset:offset + 2], "big"), offset + 2
        elif length == 127:
            if size - offset < 8:
                break
            length, offset = int.from_bytes(buffer[offset:offset + 8], "big"), offset + 8
        end = offset + (4 if second & 0x80 else 0) + length
        if end > size:
            break
        frames.append((first & 0x0F, bool(first & 0x80)))
        start = end
    return frames, start


def answers_in(frames: Iterable[tuple[int, bool]]) -> int:
    """How many answers the frames make: each data message's last frame, each Pong, each Close."""
    return sum(1 for opcode, fin in frames
               if (fin and opcode in (TEXT, BINARY, CONTINUATION)) or opcode in (PONG, CLOSE))


def bulk_suite(library: str, url: str, tests: Sequence[tuple[str, str, int]], baseline_rounds: int = 0,
               one_call: tuple[str, int] | None = None) -> str:
    """A Robot suite echoing messages through the frame keywords, one test per ``(name, message, count)``.

    Each test opens a WebSocket to ``url``, then ``count`` times sends
    ``message`` (the arguments of ``Send Message`` as Robot cells, such as
    ``binary    payload_hex=fe    repeat=16777216``) and waits for its echo,
    then closes. A count above 1 is a ``FOR`` loop. With
    ``baseline_rounds`` a last test, ``Robot Keyword Calls``, calls ``No
    Operation`` twice per round in the same kind of loop: what Robot itself
    takes for as many keyword calls. With ``one_call`` (message, count) a
    test before it, ``Round Trips In One Keyword Call``, makes the same
    round trips with one ``Round Trips Should Be Echoed``, as the 9.7 and
    9.8 cases do.
    """
    lines = ["*** Settings ***", f"Library    {library}", f"Suite Setup    Set Target URL    {url}", "",
             "*** Test Cases ***"]

    def steps(body: Sequence[str], count: int) -> list[str]:
        if count == 1:
            return [f"    {step}" for step in body]
        return [f"    FOR    ${{round}}    IN RANGE    {count}", *(f"        {step}" for step in body), "    END"]

    for name, message, count in tests:
        lines += [name, "    Open WebSocket", *steps([f"Send Message    {message}", "Message Should Be Echoed"], count),
                  "    Close WebSocket"]
    if one_call:
        message, count = one_call
        lines += ["Round Trips In One Keyword Call", "    Open WebSocket",
                  f"    Round Trips Should Be Echoed    {count}    {message}", "    Close WebSocket"]
    if baseline_rounds:
        lines += ["Robot Keyword Calls", *steps(["No Operation", "No Operation"], baseline_rounds)]
    return "\n".join(lines) + "\n"


def keyword_seconds(test: TestCase, names: Iterable[str], library: str = "WsComplianceLibrary") -> float:
    """Seconds ``test`` spent in ``library``'s keywords called ``names`` (at any depth, FOR iterations included)."""
    collector = _KeywordCollector(library, frozenset(names))
    test.visit(collector)
    return collector.seconds


class _KeywordCollector(ResultVisitor):
    def __init__(self, library: str, names: frozenset[str]) -> None:
        self.owner, self.names, self.seconds = library, names, 0.0

    def start_keyword(self, keyword: Keyword) -> bool:
        if keyword.owner == self.owner and keyword.name in self.names:
            self.seconds += keyword.elapsed_time.total_seconds()
            return False
        return True
