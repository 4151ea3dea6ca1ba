"""Generate the committed documentation: the keyword reference and the acceptance document of the cases.

``docs/WsComplianceLibrary.html`` is libdoc's page of the library;
``docs/cases.md`` and ``docs/cases.html`` list every case of the catalogue
(see :mod:`WsComplianceLibrary.casedoc`). Run from anywhere:
``python tools/gen_docs.py``. ``--check`` writes nothing and exits 1 when a
committed file no longer matches what the code gives. For the libdoc page
only the data model it embeds (the ``libdoc = {...}`` line) is compared,
with its generation time blanked, so a new timestamp or a newer Robot
Framework page template is not a change, but a new keyword or documentation
sentence is; the case pages are compared whole.

Source paths are relative to the repository root, so the files do not
depend on where the checkout lives.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LIBRARY_DOC = DOCS / "WsComplianceLibrary.html"
CASES_MARKDOWN = DOCS / "cases.md"
CASES_HTML = DOCS / "cases.html"

# The docs describe this checkout's library, not whichever version is installed.
sys.path.insert(0, str(ROOT))

from robot.libdoc import LibraryDocumentation  # noqa: E402

from WsComplianceLibrary import casedoc  # noqa: E402

_MODEL_LINE = re.compile(r"^libdoc = .*$", re.MULTILINE)
_GENERATED = re.compile(r'"generated": ?(?:"[^"]*"|\d+)')


def _relative(source: object) -> str | None:
    """``source`` as a POSIX path relative to the repository root (unchanged when outside it)."""
    if not source:
        return None
    path = Path(str(source))
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(source)


def render_library_doc() -> str:
    """The libdoc HTML of ``WsComplianceLibrary``, with repository-relative source paths."""
    doc = LibraryDocumentation("WsComplianceLibrary")
    doc.source = _relative(doc.source)
    for item in [*doc.inits, *doc.keywords]:
        item.source = _relative(item.source)
    with tempfile.TemporaryDirectory() as directory:
        output = Path(directory) / "library.html"
        doc.save(str(output), "HTML")
        return output.read_text(encoding="utf-8")


def model(page: str) -> str:
    """The data model a libdoc page embeds, generation time blanked: what staleness compares."""
    found = _MODEL_LINE.search(page)
    if found is None:
        raise ValueError("the page embeds no libdoc data model")
    return _GENERATED.sub('"generated": null', found.group(0))


def render_all() -> dict[Path, str]:
    """Every generated documentation file and its fresh text."""
    return {
        LIBRARY_DOC: render_library_doc(),
        CASES_MARKDOWN: casedoc.render_markdown(),
        CASES_HTML: casedoc.render_html(),
    }


def stale_files(fresh: dict[Path, str]) -> list[Path]:
    """The files whose committed data model differs from ``fresh`` (missing files included)."""
    def compared(path: Path, text: str) -> str:
        return model(text) if path == LIBRARY_DOC else text

    return [
        path for path, text in fresh.items()
        if not path.exists() or compared(path, path.read_text(encoding="utf-8")) != compared(path, text)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/gen_docs.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a page is stale")
    args = parser.parse_args(argv)
    fresh = render_all()
    stale = stale_files(fresh)
    if args.check:
        for path in stale:
            print(f"{path.relative_to(ROOT)} is stale: run python tools/gen_docs.py")
        return 1 if stale else 0
    DOCS.mkdir(exist_ok=True)
    for path in stale:
        path.write_text(fresh[path], encoding="utf-8")
        print(f"{path.relative_to(ROOT)} written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
