"""The committed documentation in docs/ matches the library and the suites, and reads as acceptance text."""

from __future__ import annotations

import html
import re
import sys

from robot.libdoc import LibraryDocumentation
from robotrun import ROOT

from WsComplianceLibrary.catalogue import CASES

sys.path.insert(0, str(ROOT / "tools"))

import gen_docs  # noqa: E402


def test_committed_docs_are_fresh():
    stale = gen_docs.stale_files(gen_docs.render_all())
    assert not stale, f"{', '.join(path.name for path in stale)} stale: run python tools/gen_docs.py"


def test_staleness_ignores_the_generation_time_but_not_the_content():
    page = gen_docs.render_library_doc()
    later = page.replace('"generated": "', '"generated": "1999-01-01T00:00:00+00:00', 1)
    assert later != page
    assert gen_docs.model(later) == gen_docs.model(page)
    edited = page.replace("Switching Protocols", "Switching protocols", 1)
    assert gen_docs.model(edited) != gen_docs.model(page)


def test_case_pages_state_each_case_with_what_it_sends_its_rfc_text_and_why_it_matters():
    markdown = gen_docs.CASES_MARKDOWN.read_text(encoding="utf-8")
    page = html.unescape(re.sub(r"<[^>]+>", "", gen_docs.CASES_HTML.read_text(encoding="utf-8")))
    for text in (markdown, page):
        for case in CASES:
            assert case.id in text and case.title in text and case.says in text and case.why in text, case.id
        assert text.count("Why it matters") == len(CASES)
    assert "POST / HTTP/1.1\\r\\n\nHost: 127.0.0.1:8080" in markdown


def test_library_doc_lists_every_keyword_without_local_paths():
    page = gen_docs.LIBRARY_DOC.read_text(encoding="utf-8")
    for keyword in LibraryDocumentation("WsComplianceLibrary").keywords:
        assert f'"name": "{keyword.name}"' in page, keyword.name
    assert str(ROOT) not in page
    assert str(ROOT) not in gen_docs.CASES_HTML.read_text(encoding="utf-8")


AREAS = {"target", "handshake", "frames", "http2", "client"}
"""The area tags of the keywords, by which libdoc's keyword list can be filtered."""


def test_every_keyword_is_tagged_by_area_and_the_intro_explains_each_area():
    library = LibraryDocumentation("WsComplianceLibrary")
    untagged = [keyword.name for keyword in library.keywords if not AREAS & set(keyword.tags)]
    assert untagged == []
    assert all("assertion" in keyword.tags for keyword in library.keywords if " Should " in keyword.name)
    for section in ("Targets", "WebSocket sessions", "Verdicts", "Opening handshake", "Frames",
                    "WebSockets over HTTP/2", "Checking clients", "Keyword tags"):
        assert f"= {section} =" in library.doc, section
