"""Pure helpers of the benchmark: the requests the suites send, summaries of timings, the printed table."""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from robot.api import ResultVisitor
from robot.result import Keyword, Message, TestCase, TestSuite

from WsComplianceLibrary.catalogue import Case
from WsComplianceLibrary.wire.http1.request import SAMPLE_KEY, build_upgrade_request, new_key
from WsComplianceLibrary.target import Target
from WsComplianceLibrary.wirelog import OBSERVED_PREFIX

__all__ = [
    "Row",
    "Stats",
    "TimeSplit",
    "answer_complete",
    "case_requests",
    "empty_suite",
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
    observed on the wire (its ``Observed`` log lines).
    """

    tests: float
    library: float
    exchanges: float


def time_split(suite: TestSuite, library: str = "WsComplianceLibrary") -> TimeSplit:
    """Split the test time of the result ``suite`` into time in ``library``'s keywords and on the wire."""
    collector = _TimeCollector(library)
    for test in suite.all_tests:
        test.visit(collector)
    return TimeSplit(collector.tests, collector.library, collector.exchanges)


class _TimeCollector(ResultVisitor):
    def __init__(self, library: str) -> None:
        self.owner = library
        self.tests = self.library = self.exchanges = 0.0

    def start_test(self, test: TestCase) -> None:
        self.tests += test.elapsed_time.total_seconds()

    def start_keyword(self, keyword: Keyword) -> None:
        if keyword.owner == self.owner:
            self.library += keyword.elapsed_time.total_seconds()

    def visit_message(self, message: Message) -> None:
        if message.message.startswith(OBSERVED_PREFIX):
            self.exchanges += json.loads(message.message[len(OBSERVED_PREFIX):])["elapsed"]
