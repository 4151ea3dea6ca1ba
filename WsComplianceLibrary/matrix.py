"""The compliance matrix: every case against every target, read from Robot's ``output.xml`` files.

One :class:`TargetResult` is read per ``output.xml`` with ``robot.api``:
each test's verdict (Robot FAIL is FAIL, SKIP is N/A, PASS tagged ``warn``
is WARN, other PASS is PASS), the last ``Observed {...}`` line its exchanges
logged (outcome, status, reason) and its message. :func:`matrix_data` puts
them in the documented JSON shape (:data:`SCHEMA_VERSION`) and
:func:`render_html` draws it as one self-contained HTML page whose cells
link into each target's ``log.html``.

``python -m WsComplianceLibrary.matrix OUTPUT.xml [OUTPUT.xml ...] --outputdir DIR``
writes ``DIR/matrix.json`` and ``DIR/matrix.html`` from existing outputs,
for example from a ``pabot`` run.
"""

from __future__ import annotations

import argparse
import enum
import html
import json
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from robot.api import ExecutionResult, ResultVisitor
from robot.errors import DataError
from robot.version import get_version as robot_version

from .catalogue import CASES
from .version import __version__
from .wirelog import OBSERVED_PREFIX

__all__ = [
    "SCHEMA_VERSION", "CaseResult", "TargetResult", "Verdict", "main", "matrix_data", "read_target",
    "render_html", "verdict_of", "write_matrix",
]

SCHEMA_VERSION = 1
"""Version of the ``matrix.json`` layout; raised whenever a field changes meaning or goes away."""

WARN_TAG = "warn"
"""Tag a passing SHOULD-level case gets at run time when the server did not do what it should."""


class Verdict(str, enum.Enum):
    """What a case says about one target."""

    PASS = "PASS"
    WARN = "WARN"
    FAIL = "FAIL"
    NOT_APPLICABLE = "N/A"

    def __str__(self) -> str:
        return self.value


def verdict_of(status: str, tags: Iterable[str]) -> Verdict:
    """The verdict of a Robot test with ``status`` and ``tags``: FAIL, SKIP as N/A, PASS or, tagged ``warn``, WARN."""
    if status == "FAIL":
        return Verdict.FAIL
    if status == "SKIP":
        return Verdict.NOT_APPLICABLE
    if any(tag.lower() == WARN_TAG for tag in tags):
        return Verdict.WARN
    return Verdict.PASS


@dataclass(frozen=True)
class CaseResult:
    """One test of one target's run: the case it checks and what it showed."""

    case: str
    test_id: str
    verdict: Verdict
    status: int | None
    reason: str | None
    outcome: str | None
    elapsed: float
    message: str
    documentation: str
    tags: tuple[str, ...]


@dataclass(frozen=True)
class TargetResult:
    """One target's run: its label, where its files are, and one result per test."""

    target: str
    output: Path
    cases: tuple[CaseResult, ...]
    elapsed: float

    @property
    def log(self) -> Path:
        """The ``log.html`` written beside ``output.xml``."""
        return self.output.with_name("log.html")

    @property
    def report(self) -> Path:
        """The ``report.html`` written beside ``output.xml``."""
        return self.output.with_name("report.html")

    def totals(self) -> dict[str, int]:
        """How many cases got each verdict, every verdict listed."""
        return {str(verdict): sum(result.verdict is verdict for result in self.cases) for verdict in Verdict}

    def summary_line(self) -> str:
        """One console line, e.g. ``ws://127.0.0.1:8080/  45 cases: 40 PASS, 2 WARN, 1 FAIL, 2 N/A  (3.2 s)``."""
        counts = ", ".join(f"{count} {verdict}" for verdict, count in self.totals().items())
        return f"{self.target}  {len(self.cases)} cases: {counts}  ({self.elapsed:.1f} s)"


class _TestCollector(ResultVisitor):
    """Collects a :class:`CaseResult` per test, with the last observation logged inside it."""

    def __init__(self) -> None:
        self.results: list[CaseResult] = []
        self._observed: dict[str, object] = {}

    def start_test(self, test) -> None:  # noqa: ANN001 - robot's own result type
        self._observed = {}

    def visit_message(self, message) -> None:  # noqa: ANN001 - robot's own result type
        if message.message.startswith(OBSERVED_PREFIX):
            try:
                observed = json.loads(message.message[len(OBSERVED_PREFIX):])
            except ValueError:
                return
            if isinstance(observed, dict):
                self._observed = observed

    def end_test(self, test) -> None:  # noqa: ANN001 - robot's own result type
        status = self._observed.get("status")
        reason = self._observed.get("reason")
        outcome = self._observed.get("outcome")
        self.results.append(
            CaseResult(
                case=test.name,
                test_id=test.id,
                verdict=verdict_of(test.status, test.tags),
                status=status if isinstance(status, int) else None,
                reason=reason if isinstance(reason, str) else None,
                outcome=outcome if isinstance(outcome, str) else None,
                elapsed=round(test.elapsed_time.total_seconds(), 3),
                message=test.message,
                documentation=test.doc,
                tags=tuple(test.tags),
            )
        )


def read_target(output: Path, target: str | None = None) -> TargetResult:
    """The results in ``output`` (an ``output.xml``), labelled ``target`` or, by default, the run's Target metadata."""
    result = ExecutionResult(str(output))
    collector = _TestCollector()
    result.visit(collector)
    suite = result.suite
    label = target or suite.metadata.get("Target") or suite.name
    return TargetResult(label, Path(output), tuple(collector.results), round(suite.elapsed_time.total_seconds(), 3))


def _case_rows(targets: Sequence[TargetResult]) -> list[dict[str, object]]:
    """Catalogue cases that ran, in catalogue order, then any other tests in the order first seen."""
    ran: dict[str, CaseResult] = {}
    for target in targets:
        for result in target.cases:
            ran.setdefault(result.case, result)
    rows = [
        {"id": case.id, "title": case.title, "rfc": list(case.rfc), "level": case.level, "family": case.family}
        for case in CASES
        if case.id in ran
    ]
    known = {case.id for case in CASES}
    for name, result in ran.items():
        if name not in known:
            title = result.documentation.split(". ")[0].strip().rstrip(".") or name
            level = next((tag for tag in result.tags if tag.isupper()), "")
            rows.append({"id": name, "title": title, "rfc": [], "level": level, "family": ""})
    return rows


def _link(path: Path, base: Path) -> str:
    """A relative URL from a page in ``base`` to ``path``."""
    relative = os.path.relpath(path.resolve(), base.resolve())
    return quote(Path(relative).as_posix())


def matrix_data(targets: Sequence[TargetResult], base: Path, generated: datetime | None = None) -> dict[str, object]:
    """The matrix as plain data (the ``matrix.json`` schema); paths are relative to ``base``."""
    generated = generated or datetime.now(timezone.utc)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": "wscompliance",
        "tool_version": __version__,
        "robot_version": robot_version(),
        "generated": generated.isoformat(timespec="seconds"),
        "cases": _case_rows(targets),
        "targets": [
            {
                "target": target.target,
                "output": _link(target.output, base),
                "log": _link(target.log, base),
                "report": _link(target.report, base),
                "elapsed": target.elapsed,
                "totals": target.totals(),
            }
            for target in targets
        ],
        "results": [
            {
                "case": result.case,
                "target": target.target,
                "verdict": str(result.verdict),
                "status": result.status,
                "reason": result.reason,
                "outcome": result.outcome,
                "elapsed": result.elapsed,
                "message": result.message,
                "test_id": result.test_id,
                "log_link": f"{_link(target.log, base)}#{result.test_id}",
            }
            for target in targets
            for result in target.cases
        ],
    }


_STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.4em; margin-bottom: 0.2em; }
p.meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.5em; vertical-align: top; }
thead th { background: #f3f3f3; position: sticky; top: 0; }
th.target { min-width: 9em; word-break: break-all; }
td.case { font-family: monospace; white-space: nowrap; }
.totals { font-weight: normal; font-size: 0.85em; display: block; }
td.verdict { text-align: center; white-space: nowrap; }
td.verdict a { color: inherit; text-decoration: none; display: block; }
td.verdict a:hover { text-decoration: underline; }
.PASS { background: #c8f0c8; }
.WARN { background: #fde9a6; }
.FAIL { background: #f7b9b9; font-weight: bold; }
.NA { background: #e4e4e4; color: #555; }
.NOTRUN { color: #999; }
small { color: #444; }
"""

_CLASSES = {"PASS": "PASS", "WARN": "WARN", "FAIL": "FAIL", "N/A": "NA"}


def _text(value: object) -> str:
    return html.escape(str(value), quote=True)


def _cell(result: dict[str, object] | None) -> str:
    if result is None:
        return '<td class="verdict NOTRUN" title="not run against this target">&mdash;</td>'
    verdict = str(result["verdict"])
    seen = result["status"] if result["status"] is not None else result["outcome"] or ""
    answer = " ".join(str(part) for part in (result["status"], result["reason"]) if part)
    tip = result["message"] or answer or seen
    return (
        f'<td class="verdict {_CLASSES[verdict]}" title="{_text(tip)}">'
        f'<a href="{_text(result["log_link"])}">{_text(verdict)}<br><small>{_text(seen)}</small></a></td>'
    )


def render_html(data: dict[str, object]) -> str:
    """``data`` (from :func:`matrix_data`) as a self-contained HTML page; every text is HTML-escaped."""
    targets: list[dict[str, object]] = data["targets"]  # type: ignore[assignment]
    cells = {(result["case"], result["target"]): result for result in data["results"]}  # type: ignore[union-attr]
    head = ["<th>Case</th><th>Title</th><th>RFC</th><th>Level</th>"]
    for target in targets:
        totals = ", ".join(f"{count} {verdict}" for verdict, count in target["totals"].items())  # type: ignore[union-attr]
        head.append(
            f'<th class="target"><a href="{_text(target["log"])}">{_text(target["target"])}</a>'
            f'<span class="totals">{_text(totals)}</span>'
            f'<span class="totals"><a href="{_text(target["report"])}">report</a> &middot; '
            f'{float(target["elapsed"]):.1f} s</span></th>'
        )
    rows = []
    for case in data["cases"]:  # type: ignore[union-attr]
        row = [
            f'<td class="case">{_text(case["id"])}</td><td>{_text(case["title"])}</td>'
            f'<td>{_text(", ".join(case["rfc"]))}</td><td>{_text(case["level"])}</td>'
        ]
        row += [_cell(cells.get((case["id"], target["target"]))) for target in targets]
        rows.append("<tr>" + "".join(row) + "</tr>")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>WebSocket handshake compliance matrix</title>"
        f"<style>{_STYLE}</style></head><body>"
        "<h1>WebSocket handshake compliance matrix</h1>"
        f'<p class="meta">RFC 6455 §4 and RFC 9110 §7.8 &middot; wscompliance {_text(data["tool_version"])} &middot; '
        f'Robot Framework {_text(data["robot_version"])} &middot; generated {_text(data["generated"])}. '
        "Each cell links to the test in that target's log; hover for the message.</p>"
        f"<table><thead><tr>{''.join(head)}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        "</body></html>\n"
    )


def write_matrix(targets: Sequence[TargetResult], outputdir: Path) -> tuple[Path, Path]:
    """Write ``matrix.json`` and ``matrix.html`` for ``targets`` into ``outputdir``; return both paths."""
    outputdir.mkdir(parents=True, exist_ok=True)
    data = matrix_data(targets, outputdir)
    json_path = outputdir / "matrix.json"
    html_path = outputdir / "matrix.html"
    json_path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    html_path.write_text(render_html(data), encoding="utf-8")
    return json_path, html_path


def main(argv: list[str] | None = None) -> int:
    """Build the matrix from existing ``output.xml`` files; exit 0, or 252 when an output cannot be read."""
    parser = argparse.ArgumentParser(prog="python -m WsComplianceLibrary.matrix", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outputs", nargs="+", type=Path, help="output.xml files, one per target")
    parser.add_argument("--outputdir", type=Path, default=Path("results"), help="where to write (default: results)")
    args = parser.parse_args(argv)
    try:
        targets = [read_target(output) for output in args.outputs]
    except DataError as error:  # missing or unreadable output: one line, no traceback
        print(f"Cannot read Robot output: {error}", file=sys.stderr)
        return 252
    for path in write_matrix(targets, args.outputdir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
