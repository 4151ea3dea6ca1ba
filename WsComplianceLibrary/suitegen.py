"""Writing the ``.robot`` suites from the case catalogue.

``python -m WsComplianceLibrary.suitegen [DIR]`` writes one suite per
family into ``DIR`` (default ``suites``); ``--check`` writes nothing and
exits 1 when a suite differs from what the catalogue gives.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from .catalogue import CASES, FAMILIES, Family

__all__ = ["render_suite", "render_all", "main"]

_SEPARATOR = "    "
_WIDTH = 116


def render_suite(family: Family) -> str:
    """The full text of ``family``'s suite file."""
    cases = [case for case in CASES if case.family == family.name]
    name_width = max(len(case.id) for case in cases) + len(_SEPARATOR)
    header = "*** Test Cases ***".ljust(name_width) + _SEPARATOR.join(column.upper() for column in family.columns)
    lines = [
        "*** Settings ***",
        *_continued(
            "Documentation       ",
            "...                 ",
            f"{family.documentation} Generated from the case catalogue (WsComplianceLibrary/catalogue.py).",
        ),
        "Resource            ../resources/compliance.resource",
        "",
        "Suite Setup         Open Compliance Target",
        "Suite Teardown      Close Compliance Target",
        f"Test Template       {family.template}",
        "",
        "",
        header.rstrip(),
    ]
    for case in cases:
        lines.append((case.id.ljust(name_width) + _SEPARATOR.join(_cell(value) for value in family.row(case))).rstrip())
        lines.extend(_continued("    [Documentation]    ", "    ...    ", case.documentation))
        lines.append("    [Tags]" + "".join(f"{_SEPARATOR}{tag}" for tag in case.tags))
    return "\n".join(lines) + "\n"


def render_all() -> dict[str, str]:
    """Suite file name to text, for every family."""
    return {family.suite: render_suite(family) for family in FAMILIES}


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
    stale = []
    for name, text in render_all().items():
        path = args.directory / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(name)
        if not args.check:
            path.write_text(text, encoding="utf-8")
    verb = "differ from the catalogue" if args.check else "written"
    for name in stale:
        print(f"{args.directory / name}: {verb}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
