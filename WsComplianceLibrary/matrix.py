"""The compliance matrix: every case against every target, read from Robot's ``output.xml`` files.

One :class:`TargetResult` is read per ``output.xml`` with ``robot.api``:
each test's verdict (Robot FAIL is FAIL, SKIP is N/A, PASS tagged ``warn``
is WARN, other PASS is PASS), the last ``Observed {...}`` line its exchanges
logged (outcome, status, reason) and its message. :func:`matrix_data` puts
them in the documented JSON shape (:data:`SCHEMA_VERSION`), with rows
grouped by the catalogue's areas and families, and, given a
:class:`Baseline` (an earlier ``matrix.json``), what changed since;
:func:`render_html` draws it as one self-contained HTML page whose cells
link into each target's ``log.html``.

``python -m WsComplianceLibrary.matrix OUTPUT.xml [OUTPUT.xml ...] --outputdir DIR [--baseline OLD/matrix.json]``
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

from .catalogue import CASES, FAMILIES
from .judges.verdicts import WARN_TAG
from .version import __version__
from .wirelog import OBSERVED_PREFIX

__all__ = [
    "SCHEMA_VERSION", "Baseline", "BaselineError", "CaseResult", "CaseVerdict", "Change", "TargetResult",
    "baseline_argument", "change_of",
    "changed_cells", "main", "matrix_data", "read_baseline", "read_target", "render_html", "verdict_of",
    "write_matrix",
]

SCHEMA_VERSION = 2
"""Version of the ``matrix.json`` layout; raised whenever a field changes meaning or goes away.

2: ``target`` is the target's name when it has one (the URL otherwise);
targets carry ``name`` and ``url``; cases carry ``area`` and ``group``;
``baseline`` and each result's ``baseline_verdict`` and ``change`` say what
changed since an earlier run.
"""

READABLE_SCHEMA_VERSIONS = (1, 2)
"""The ``matrix.json`` layouts a baseline may have: in both, results name their ``target``, ``case`` and ``verdict``."""

class CaseVerdict(str, enum.Enum):
    """What a case says about one target: PASS, WARN (a PASS tagged ``warn``), FAIL or N/A (a SKIP)."""

    PASS = "PASS"
    WARN = "WARN"
    FAIL = "FAIL"
    NOT_APPLICABLE = "N/A"

    def __str__(self) -> str:
        return self.value


class Change(str, enum.Enum):
    """How a cell's verdict differs from the baseline's verdict for the same target and case."""

    NEW_FAIL = "new-fail"
    """FAIL now, anything else before."""
    FIXED = "fixed"
    """FAIL before, PASS or WARN now."""
    NEW_WARN = "new-warn"
    """WARN now, PASS or N/A before."""
    CHANGED = "changed"
    """Any other change, such as PASS to N/A or WARN to PASS."""
    ADDED = "added"
    """The baseline has no verdict for this target and case."""

    @property
    def label(self) -> str:
        """How the matrix and the console name the change."""
        return _CHANGE_LABELS[self]

    def __str__(self) -> str:
        return self.value


_CHANGE_LABELS = {
    Change.NEW_FAIL: "new FAIL",
    Change.FIXED: "fixed",
    Change.NEW_WARN: "new WARN",
    Change.CHANGED: "changed",
    Change.ADDED: "not in baseline",
}


def change_of(before: CaseVerdict | None, now: CaseVerdict) -> Change | None:
    """What changed from the baseline's verdict ``before`` (None when it had none) to ``now``; None when nothing did."""
    if before is None:
        return Change.ADDED
    if before is now:
        return None
    if now is CaseVerdict.FAIL:
        return Change.NEW_FAIL
    if before is CaseVerdict.FAIL and now in (CaseVerdict.PASS, CaseVerdict.WARN):
        return Change.FIXED
    if now is CaseVerdict.WARN:
        return Change.NEW_WARN
    return Change.CHANGED


def verdict_of(status: str, tags: Iterable[str]) -> CaseVerdict:
    """The verdict of a Robot test with ``status`` and ``tags``: FAIL, SKIP as N/A, PASS or, tagged ``warn``, WARN."""
    if status == "FAIL":
        return CaseVerdict.FAIL
    if status == "SKIP":
        return CaseVerdict.NOT_APPLICABLE
    if any(tag.lower() == WARN_TAG for tag in tags):
        return CaseVerdict.WARN
    return CaseVerdict.PASS


@dataclass(frozen=True)
class CaseResult:
    """One test of one target's run: the case it checks and what it showed."""

    case: str
    test_id: str
    verdict: CaseVerdict
    status: int | None
    reason: str | None
    outcome: str | None
    elapsed: float
    message: str
    documentation: str
    tags: tuple[str, ...]
    suites: tuple[str, ...] = ()
    """Names of the suites the test is in, below the top-level suite (which names the target, not an area)."""


@dataclass(frozen=True)
class TargetResult:
    """One target's run: its URL and name, where its files are, and one result per test."""

    url: str
    """The target's URL, or a description such as ``embedded reference server``."""
    name: str | None
    """The name the target was given, or None."""
    output: Path
    cases: tuple[CaseResult, ...]
    elapsed: float

    @property
    def target(self) -> str:
        """How the target is known in the matrix, its baseline and the console: its name, or its URL without one."""
        return self.name or self.url

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
        return {str(verdict): sum(result.verdict is verdict for result in self.cases) for verdict in CaseVerdict}

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

    @staticmethod
    def _suites_below_top(test) -> tuple[str, ...]:  # noqa: ANN001 - robot's own result type
        names: list[str] = []
        suite = test.parent
        while suite is not None and suite.parent is not None:
            names.append(suite.name)
            suite = suite.parent
        return tuple(reversed(names))

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
                suites=self._suites_below_top(test),
            )
        )


def read_target(output: Path, url: str | None = None, name: str | None = None) -> TargetResult:
    """The results in ``output`` (an ``output.xml``) for the target ``url`` named ``name``.

    Either defaults to what the run recorded: its ``Target`` and ``Target
    Name`` metadata (the suite name stands in for a URL the run did not
    record).
    """
    result = ExecutionResult(str(output))
    collector = _TestCollector()
    result.visit(collector)
    suite = result.suite
    return TargetResult(
        url=url or suite.metadata.get("Target") or suite.name,
        name=name or suite.metadata.get("Target Name") or None,
        output=Path(output),
        cases=tuple(collector.results),
        elapsed=round(suite.elapsed_time.total_seconds(), 3),
    )


class BaselineError(ValueError):
    """A baseline file cannot be used; the message is one sentence saying why."""


@dataclass(frozen=True)
class Baseline:
    """The verdicts of an earlier run, from its ``matrix.json``, by target (name, or URL without one) and case."""

    path: Path
    generated: str
    verdicts: dict[tuple[str, str], CaseVerdict]

    def verdict(self, target: str, case: str) -> CaseVerdict | None:
        """The baseline's verdict for ``case`` against ``target``, or None when it has none."""
        return self.verdicts.get((target, case))


def read_baseline(path: Path) -> Baseline:
    """The earlier run in ``path`` (a ``matrix.json``, schema 1 or 2), or :class:`BaselineError` saying why not."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise BaselineError(f"cannot read the baseline '{path}': {error.strerror or error}.") from None
    except UnicodeDecodeError:
        raise BaselineError(f"the baseline '{path}' is not a matrix.json written by wscompliance: it is not text.") \
            from None
    try:
        data = json.loads(text)
    except ValueError:
        raise BaselineError(f"the baseline '{path}' is not a matrix.json written by wscompliance: it is not JSON.") \
            from None
    foreign = f"the baseline '{path}' is not a matrix.json written by wscompliance"
    if not isinstance(data, dict) or data.get("tool") != "wscompliance":
        raise BaselineError(f"{foreign}: it has no \"tool\": \"wscompliance\".")
    if data.get("schema_version") not in READABLE_SCHEMA_VERSIONS:
        raise BaselineError(f"the baseline '{path}' has schema_version {data.get('schema_version')!r}; this "
                            f"wscompliance reads matrix.json schema {' or '.join(map(str, READABLE_SCHEMA_VERSIONS))}.")
    verdicts: dict[tuple[str, str], CaseVerdict] = {}
    results = data.get("results")
    known = {str(verdict) for verdict in CaseVerdict}
    for result in results if isinstance(results, list) else [None]:
        if not (isinstance(result, dict) and isinstance(result.get("target"), str)
                and isinstance(result.get("case"), str) and result.get("verdict") in known):
            raise BaselineError(f"{foreign}: its results are not a list of target, case and verdict.")
        verdicts[(result["target"], result["case"])] = CaseVerdict(result["verdict"])
    return Baseline(Path(path), str(data.get("generated", "")), verdicts)


def _area_of(suite: str) -> str:
    """The area of a family from its suite path: the folder, ``handshake`` for ``handshake/upgrade_method.robot``."""
    folder = Path(suite).parent.as_posix()
    return "" if folder == "." else folder


def _case_rows(targets: Sequence[TargetResult]) -> list[dict[str, object]]:
    """A row per case that ran, grouped: the catalogue's, family by family in catalogue order, then any others.

    Tests outside the catalogue (another version of it, or suites of one's
    own) are grouped by the suites they ran in, in the order first seen.
    """
    ran: dict[str, CaseResult] = {}
    for target in targets:
        for result in target.cases:
            ran.setdefault(result.case, result)
    families = {family.name: family for family in FAMILIES}
    order = {name: position for position, name in enumerate(families)}
    catalogued = sorted((case for case in CASES if case.id in ran), key=lambda case: order.get(case.family, len(order)))
    rows: list[dict[str, object]] = []
    for case in catalogued:
        family = families.get(case.family)
        area = _area_of(family.suite) if family else ""
        title = family.title if family else case.family
        # The area as its folder is spelled (handshake, http2): title case would make HTTP/2 "Http2".
        rows.append({
            "id": case.id, "title": case.title, "rfc": list(case.rfc), "level": case.level, "family": case.family,
            "area": area, "group": f"{area} \u203a {title}" if area else title,
        })
    known = {case.id for case in CASES}
    others = [result for name, result in ran.items() if name not in known]
    groups = list(dict.fromkeys(result.suites for result in others))
    for result in sorted(others, key=lambda result: groups.index(result.suites)):
        title = result.documentation.split(". ")[0].strip().rstrip(".") or result.case
        level = next((tag for tag in result.tags if tag.isupper()), "")
        rows.append({
            "id": result.case, "title": title, "rfc": [], "level": level, "family": "", "area": "",
            "group": " \u203a ".join(result.suites) or "Other tests",
        })
    return rows


def _link(path: Path, base: Path) -> str:
    """A relative URL from a page in ``base`` to ``path``."""
    relative = os.path.relpath(path.resolve(), base.resolve())
    return quote(Path(relative).as_posix())


def matrix_data(targets: Sequence[TargetResult], base: Path, generated: datetime | None = None,
                baseline: Baseline | None = None) -> dict[str, object]:
    """The matrix as plain data (the ``matrix.json`` schema); paths are relative to ``base``.

    With a ``baseline``, each result also carries the baseline's verdict for
    the same target and case and the :class:`Change` since.
    """
    generated = generated or datetime.now(timezone.utc)

    def compared(target: TargetResult, result: CaseResult) -> dict[str, object]:
        if baseline is None:
            return {"baseline_verdict": None, "change": None}
        before = baseline.verdict(target.target, result.case)
        change = change_of(before, result.verdict)
        return {"baseline_verdict": None if before is None else str(before),
                "change": None if change is None else str(change)}

    return {
        "schema_version": SCHEMA_VERSION,
        "tool": "wscompliance",
        "tool_version": __version__,
        "robot_version": robot_version(),
        "generated": generated.isoformat(timespec="seconds"),
        "baseline": None if baseline is None else {
            "path": _link(baseline.path, base), "generated": baseline.generated,
        },
        "cases": _case_rows(targets),
        "targets": [
            {
                "target": target.target,
                "name": target.name,
                "url": target.url,
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
                **compared(target, result),
            }
            for target in targets
            for result in target.cases
        ],
    }


def changed_cells(data: dict[str, object]) -> list[dict[str, object]]:
    """The results of ``data`` (from :func:`matrix_data`) whose verdict differs from the baseline's, in matrix order.

    Results the baseline has no verdict for (:attr:`Change.ADDED`) are left
    out: nothing changed, there is only nothing to compare with.
    """
    return [result for result in data["results"]  # type: ignore[union-attr]
            if result["change"] not in (None, str(Change.ADDED))]


# Separate borders, because collapsed ones scroll away from sticky cells. The header row sticks to the top and the
# case column to the left, so ten or more targets stay readable; the corner cell covers both.
_STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.4em; margin-bottom: 0.2em; }
p.meta { color: #555; margin-top: 0; }
table { border-collapse: separate; border-spacing: 0; font-size: 0.9em; }
th, td { border-right: 1px solid #ccc; border-bottom: 1px solid #ccc; padding: 0.3em 0.5em; vertical-align: top;
         background: #fff; }
tr > :first-child { border-left: 1px solid #ccc; }
thead th { background: #f3f3f3; position: sticky; top: 0; z-index: 2; border-top: 1px solid #ccc; }
thead th.case, td.case { position: sticky; left: 0; z-index: 1; }
thead th.case { z-index: 3; }
th.target { min-width: 5em; max-width: 7.5em; overflow-wrap: anywhere; font-size: 0.85em; }
h2 { font-size: 1.15em; margin: 1.2em 0 0.4em; }
table.summary { margin-bottom: 1em; }
table.summary thead th { position: static; }
table.summary th.family { text-align: left; white-space: nowrap; font-weight: normal; }
table.summary td.verdict { white-space: normal; font-size: 0.9em; min-width: 4.5em; }
.url { font-weight: normal; font-size: 0.85em; display: block; color: #444; }
td.case { font-family: monospace; font-size: 0.85em; white-space: nowrap; box-shadow: 1px 0 0 #999; }
td.rfc { white-space: nowrap; font-size: 0.8em; }
tr.group th { background: #e8eef7; text-align: left; }
tr.group span { display: inline-block; position: sticky; left: 0.5em; }
.totals { font-weight: normal; font-size: 0.85em; display: block; overflow-wrap: normal; }
.count { white-space: nowrap; }
td.verdict { text-align: center; white-space: nowrap; }
td.verdict a { color: inherit; text-decoration: none; display: block; }
td.verdict a:hover { text-decoration: underline; }
td.PASS { background: #c8f0c8; }
td.WARN { background: #fde9a6; }
td.FAIL { background: #f7b9b9; font-weight: bold; }
td.NA { background: #e4e4e4; color: #555; }
td.NOTRUN { color: #999; }
.change { display: block; font-size: 0.8em; font-weight: bold; }
td.new-fail { box-shadow: inset 0 0 0 3px #b00000; }
td.fixed { box-shadow: inset 0 0 0 3px #1a7f1a; }
td.new-warn { box-shadow: inset 0 0 0 3px #c08000; }
td.changed { box-shadow: inset 0 0 0 3px #3060c0; }
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
    tip = str(result["message"] or answer or seen)
    classes = f"verdict {_CLASSES[verdict]}"
    mark = ""
    if result["change"] not in (None, str(Change.ADDED)):
        change = Change(result["change"])
        classes += f" {change}"
        mark = f'<span class="change">{_text(change.label)}, was {_text(result["baseline_verdict"])}</span>'
        tip = f"{change.label} (was {result['baseline_verdict']} in the baseline). {tip}".strip()
    return (
        f'<td class="{classes}" title="{_text(tip)}">'
        f'<a href="{_text(result["log_link"])}">{_text(verdict)}<br><small>{_text(seen)}</small>{mark}</a></td>'
    )


def _summary(data: dict[str, object], groups: list[str]) -> str:
    """One row per area and family, one column per target: the verdict counts, coloured by the worst, each linking
    to the family's rows below."""
    targets: list[dict[str, object]] = data["targets"]  # type: ignore[assignment]
    group_of = {case["id"]: case["group"] for case in data["cases"]}  # type: ignore[union-attr]
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for result in data["results"]:  # type: ignore[union-attr]
        cell = counts.setdefault((group_of[result["case"]], result["target"]), dict.fromkeys(_CLASSES, 0))
        cell[result["verdict"]] += 1
    head = "".join(f"<th>{_text(target['target'])}</th>" for target in targets)
    rows = []
    for number, group in enumerate(groups, 1):
        row = [f'<th class="family"><a href="#group-{number}">{_text(group)}</a></th>']
        for target in targets:
            tally = counts.get((group, target["target"]))
            if not tally:
                row.append('<td class="verdict NOTRUN">&mdash;</td>')
                continue
            worst = next(verdict for verdict in ("FAIL", "WARN", "PASS", "N/A") if tally[verdict])
            shown = " ".join(f'<span class="count">{count} {_text(verdict)}</span>'
                             for verdict, count in tally.items() if count)
            row.append(f'<td class="verdict {_CLASSES[worst]}"><a href="#group-{number}">{shown}</a></td>')
        rows.append("<tr>" + "".join(row) + "</tr>")
    return (f'<h2>Summary</h2><table class="summary"><thead><tr><th class="family">Area and family</th>{head}'
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _baseline_note(data: dict[str, object]) -> str:
    """The sentence under the title that says what the marked cells were compared with, and how many there are."""
    baseline: dict[str, str] | None = data["baseline"]  # type: ignore[assignment]
    if baseline is None:
        return ""
    counts = {change: 0 for change in Change}
    for result in data["results"]:  # type: ignore[union-attr]
        if result["change"] is not None:
            counts[Change(result["change"])] += 1
    listed = ", ".join(f"{counts[change]} {change.label}" for change in Change)
    generated = baseline["generated"] or "at an unknown time"
    return (f'<p class="meta">Compared with the baseline <a href="{_text(baseline["path"])}">'
            f'{_text(baseline["path"])}</a> (generated {_text(generated)}): '
            f"{_text(listed)}. Outlined cells changed: red a new FAIL, green fixed, amber a new WARN, blue any "
            "other change.</p>")


def render_html(data: dict[str, object]) -> str:
    """``data`` (from :func:`matrix_data`) as a self-contained HTML page; every text is HTML-escaped.

    Rows come under a heading per group (area and family), target columns
    are headed by the target's name with its URL under it (by the URL alone
    when it has no name), and with a baseline the cells that changed are
    outlined and say what they were.
    """
    targets: list[dict[str, object]] = data["targets"]  # type: ignore[assignment]
    cells = {(result["case"], result["target"]): result for result in data["results"]}  # type: ignore[union-attr]
    # The title is the case cell's tooltip: as a column it took the width the verdicts need.
    head = ['<th class="case">Case</th><th>RFC</th><th>Level</th>']
    for target in targets:
        counts: dict[str, int] = target["totals"]  # type: ignore[assignment]
        # A count never breaks across lines: "1" above "0 FAIL" would read as one FAIL.
        totals = ", ".join(f'<span class="count">{count} {_text(verdict)}</span>' for verdict, count in counts.items())
        url = f'<span class="url">{_text(target["url"])}</span>' if target["name"] else ""
        head.append(
            f'<th class="target"><a href="{_text(target["log"])}">{_text(target["target"])}</a>{url}'
            f'<span class="totals">{totals}</span>'
            f'<span class="totals"><a href="{_text(target["report"])}">report</a> &middot; '
            f'{float(target["elapsed"]):.1f} s</span></th>'
        )
    rows = []
    groups: list[str] = []
    for case in data["cases"]:  # type: ignore[union-attr]
        if not groups or case["group"] != groups[-1]:
            groups.append(case["group"])
            rows.append(f'<tr class="group" id="group-{len(groups)}"><th colspan="{3 + len(targets)}">'
                        f'<span>{_text(case["group"])}</span></th></tr>')
        row = [
            f'<td class="case" title="{_text(case["title"])}">{_text(case["id"])}</td>'
            f'<td class="rfc">{"<br>".join(_text(section) for section in case["rfc"])}</td>'
            f'<td>{_text(case["level"])}</td>'
        ]
        row += [_cell(cells.get((case["id"], target["target"]))) for target in targets]
        rows.append("<tr>" + "".join(row) + "</tr>")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>WebSocket compliance matrix</title>"
        f"<style>{_STYLE}</style></head><body>"
        "<h1>WebSocket compliance matrix</h1>"
        f'<p class="meta">wscompliance {_text(data["tool_version"])} &middot; '
        f'Robot Framework {_text(data["robot_version"])} &middot; generated {_text(data["generated"])}. '
        "Each cell links to the test in that target's log; hover for the message.</p>"
        f"{_baseline_note(data)}"
        f"{_summary(data, groups)}"
        "<h2>Every case</h2><p class=\"meta\">Hover a case ID for its title.</p>"
        f"<table><thead><tr>{''.join(head)}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        "</body></html>\n"
    )


def write_matrix(targets: Sequence[TargetResult], outputdir: Path, baseline: Baseline | None = None
                 ) -> tuple[Path, Path, dict[str, object]]:
    """Write ``matrix.json`` and ``matrix.html`` for ``targets`` into ``outputdir``; return both paths and the data."""
    outputdir.mkdir(parents=True, exist_ok=True)
    data = matrix_data(targets, outputdir, baseline=baseline)
    json_path = outputdir / "matrix.json"
    html_path = outputdir / "matrix.html"
    json_path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    html_path.write_text(render_html(data), encoding="utf-8")
    return json_path, html_path, data


def baseline_argument(value: str) -> Baseline:
    """argparse type of ``--baseline``: the ``matrix.json`` of an earlier run, read and checked."""
    try:
        return read_baseline(Path(value))
    except BaselineError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def main(argv: list[str] | None = None) -> int:
    """Build the matrix from existing ``output.xml`` files; exit 0, 2 for a bad argument, 252 for unreadable output."""
    parser = argparse.ArgumentParser(prog="python -m WsComplianceLibrary.matrix", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outputs", nargs="+", type=Path, help="output.xml files, one per target")
    parser.add_argument("--outputdir", type=Path, default=Path("results"), help="where to write (default: results)")
    parser.add_argument("--baseline", type=baseline_argument, metavar="MATRIX_JSON",
                        help="matrix.json of an earlier run: mark every verdict that changed since")
    args = parser.parse_args(argv)
    try:
        targets = [read_target(output) for output in args.outputs]
    except DataError as error:  # missing or unreadable output: one line, no traceback
        print(f"Cannot read Robot output: {error}", file=sys.stderr)
        return 252
    json_path, html_path, _ = write_matrix(targets, args.outputdir, args.baseline)
    print(json_path)
    print(html_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
