"""Writing the ``.robot`` suites, and the README's case table, from the case catalogue.

``python -m WsComplianceLibrary.suitegen [DIR]`` writes one suite per
family into ``DIR`` (default ``suites``) and refreshes the case table in the
``README.md`` beside it; ``--check`` writes nothing and exits 1 when a file
differs from what the catalogue gives.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from .catalogue import CASES, FAMILIES, Family

__all__ = ["main", "render_all", "render_case_table", "render_suite", "update_readme"]

_SEPARATOR = "    "
README_START = "<!-- catalogue:start -->"
README_END = "<!-- catalogue:end -->"
_WIDTH = 116


def render_suite(family: Family) -> str:
    """The full text of ``family``'s suite file."""
    cases = [case for case in CASES if case.family == family.name]
    # Tags every row has go to Test Tags, so each row lists only what sets it apart.
    shared = [tag for tag in cases[0].tags if len(cases) > 1 and all(tag in case.tags for case in cases)]
    header = _SEPARATOR.join(("*** Test Cases ***", *(column.upper() for column in family.columns)))
    lines = [
        "*** Settings ***",
        *_continued(
            "Documentation     ",
            "...               ",
            f"{family.documentation} Generated from the case catalogue (WsComplianceLibrary/catalogue/).",
        ),
        "",
        f"Resource          ../../resources/{family.suite.split('/')[0]}.resource",
        "",
        f"Suite Setup       {family.setup}",
        f"Suite Teardown    {family.teardown}",
        f"Test Template     {family.template}",
        *(["", "Test Tags         " + _SEPARATOR.join(shared)] if shared else []),
        "",
        "",
        header,
    ]
    for case in cases:
        lines.append(_SEPARATOR.join((case.id, *(_cell(value) for value in family.row(case)))))
        lines.extend(_continued("    [Documentation]    ", "    ...    ", case.documentation))
        own = [tag for tag in case.tags if tag not in shared]
        if own:
            lines.append("    [Tags]" + "".join(f"{_SEPARATOR}{tag}" for tag in own))
        if family.template_for(case) != family.template:
            lines.append(f"    [Template]    {family.template_for(case)}")
    return "\n".join(lines) + "\n"


def render_all() -> dict[str, str]:
    """Suite file name to text, for every family."""
    return {family.suite: render_suite(family) for family in FAMILIES}


def render_case_table() -> str:
    """The catalogue as a Markdown table, for the README."""
    suites = {family.name: family.suite for family in FAMILIES}
    lines = ["| Case | Level | RFC | Rule | Suite |", "| --- | --- | --- | --- | --- |"]
    lines += [
        f"| {case.id} | {case.level} | {', '.join(case.rfc)} | {case.title} | `suites/{suites[case.family]}` |"
        for case in CASES
    ]
    return "\n".join(lines)


def update_readme(text: str) -> str:
    """``text`` with the part between the catalogue markers replaced by :func:`render_case_table`."""
    head, start, rest = text.partition(README_START)
    _, end, tail = rest.partition(README_END)
    if not start or not end:
        return text
    return f"{head}{start}\n{render_case_table()}\n{end}{tail}"


def _continued(first: str, continuation: str, text: str) -> list[str]:
    chunks = textwrap.wrap(_escape(text), width=_WIDTH - len(first), break_long_words=False, break_on_hyphens=False)
    return [first + chunks[0], *(continuation + chunk for chunk in chunks[1:])]


def _cell(value: str) -> str:
    return _escape(value) if value else "${EMPTY}"


def _escape(cell: str) -> str:
    """Robot data escaping: backslashes and variable syntax are literal text here."""
    cell = cell.replace("\\", "\\\\")
    for start in ("${", "@{", "&{", "%{"):
        cell = cell.replace(start, "\\" + start)
    if cell.startswith("#"):
        cell = "\\" + cell
    return cell


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m WsComplianceLibrary.suitegen", description=__doc__)
    parser.add_argument("directory", nargs="?", default="suites", type=Path)
    parser.add_argument("--check", action="store_true", help="exit 1 if a suite differs from the catalogue")
    args = parser.parse_args(argv)
    readme = args.directory.parent / "README.md"
    outputs = {args.directory / name: text for name, text in render_all().items()}
    if readme.exists():
        outputs[readme] = update_readme(readme.read_text(encoding="utf-8"))
    stale = []
    for path, text in outputs.items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    verb = "differ from the catalogue" if args.check else "written"
    for path in stale:
        print(f"{path}: {verb}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
