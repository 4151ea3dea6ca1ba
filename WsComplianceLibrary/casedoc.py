"""The acceptance document: every case of the catalogue with what it sends, what it expects, the RFC text and why.

Generated from the catalogue as Markdown (``docs/cases.md``) and as a
standalone HTML page (``docs/cases.html``) by ``python tools/gen_docs.py``;
both are committed and a test fails when they drift from the catalogue.
Neither depends on Robot's ``testdoc``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .catalogue import CASES, FAMILIES, Case, Family
from .wire.http1.request import build_upgrade_request

__all__ = ["CaseEntry", "entries", "render_html", "render_markdown"]

EXAMPLE_AUTHORITY = "127.0.0.1:8080"
"""The ``Host`` shown in example requests; a run sends its target's."""

FRESH_KEY_SHOWN = "<fresh random key>"

_AREA_TITLES = {
    "handshake": "Opening handshake (RFC 6455 §4, RFC 9110 §7.8)",
    "frames": "After the handshake: frames (RFC 6455 §5-§10)",
    "http2": "WebSockets over HTTP/2 (RFC 8441)",
}


@dataclass(frozen=True)
class CaseEntry:
    """One case as the document shows it."""

    case: Case
    family: Family
    sends: str
    expects: str


def entries() -> list[CaseEntry]:
    """Every case, in catalogue order, with what it sends and the template that judges it."""
    families = {family.name: family for family in FAMILIES}
    listed = []
    for case in CASES:
        family = families[case.family]
        listed.append(CaseEntry(case, family, _sends(case, family), _expects(case, family)))
    return listed


def _sends(case: Case, family: Family) -> str:
    if case.recipe is None:
        # The template's arguments that shape what goes out; the row's check names how the answer is judged.
        return "; ".join(f"{name}: {value}"
                         for name, value in family.cells(case).items() if value and name != "check")
    recipe = case.recipe
    key = FRESH_KEY_SHOWN if recipe.fresh_key else None
    request = build_upgrade_request(
        recipe.method, "/", EXAMPLE_AUTHORITY, recipe.http_version, list(recipe.headers), recipe.body,
        **({"key": key} if key else {}),
    )
    return request.decode("latin-1")


def _expects(case: Case, family: Family) -> str:
    """The template that runs the row and, for handshake rules, the assertion keyword and what it accepts."""
    if case.recipe is None:
        check = family.cells(case).get("check")
        return f"template `{family.template_for(case).keyword}`" + (f", asserting `{check}`" if check else "")
    from .judges.handshake import RULES

    rule = RULES[case.expect]
    return f"template `{family.template_for(case).keyword}`, asserting `{rule.keyword}`: {rule.summary}"


def _area(family: Family) -> str:
    return family.suite.split("/", 1)[0]


def _grouped() -> list[tuple[str, list[tuple[Family, list[CaseEntry]]]]]:
    listed = entries()
    areas: dict[str, list[tuple[Family, list[CaseEntry]]]] = {}
    for family in FAMILIES:
        rows = [entry for entry in listed if entry.family.name == family.name]
        areas.setdefault(_area(family), []).append((family, rows))
    return list(areas.items())


def render_markdown() -> str:
    """``docs/cases.md``."""
    lines = [
        "# The cases",
        "",
        "Generated from the case catalogue (`WsComplianceLibrary/catalogue/`) by `python tools/gen_docs.py`;",
        "do not edit. Each case is one test of the suites, named by its ID. Example requests show",
        f"`Host: {EXAMPLE_AUTHORITY}`; a run sends its target's. Cases that check the accept value send a",
        "fresh random key; the others send the RFC's sample key, so their bytes are the same on every run.",
        "",
        f"{len(CASES)} cases.",
        "",
    ]
    for area, families in _grouped():
        lines += [f"## {_AREA_TITLES.get(area, area)}", ""]
        for family, rows in families:
            lines += [f"### {family.title}", "", f"Suite `suites/{family.suite}`. {family.documentation}", "",
                      "| Case | Level | RFC | Rule |", "| --- | --- | --- | --- |"]
            lines += [f"| [{entry.case.id}](#{entry.case.id.lower()}) | {entry.case.level} | "
                      f"{', '.join(entry.case.rfc)} | {_cell(entry.case.title)} |" for entry in rows]
            lines.append("")
            for entry in rows:
                case = entry.case
                lines += [
                    f"#### {case.id}",
                    "",
                    f"**{_cell(case.title)}.** {case.level}; {', '.join(case.rfc)}; tags "
                    + ", ".join(f"`{tag}`" for tag in case.tags) + ".",
                    "",
                    "Sends:",
                    "",
                    "```",
                    _visible(entry.sends),
                    "```",
                    "",
                    f"Expects: {entry.expects}.",
                    "",
                    f"What the RFC says: {case.says}",
                    "",
                    f"Why it matters: {case.why}",
                    "",
                ]
    return "\n".join(lines).rstrip() + "\n"


def render_html() -> str:
    """``docs/cases.html``: the same document as one page with a table of contents, no scripts."""
    toc: list[str] = []
    body: list[str] = []
    for area, families in _grouped():
        title = html.escape(_AREA_TITLES.get(area, area))
        toc.append(f'<li><a href="#{area}">{title}</a><ul>')
        body.append(f'<h2 id="{area}">{title}</h2>')
        for family, rows in families:
            anchor = f"family-{family.name}"
            toc.append(f'<li><a href="#{anchor}">{html.escape(family.title)}</a> ({len(rows)})</li>')
            body.append(f'<h3 id="{anchor}">{html.escape(family.title)}</h3>')
            body.append(f"<p>Suite <code>suites/{html.escape(family.suite)}</code>. "
                        f"{html.escape(family.documentation)}</p>")
            for entry in rows:
                case = entry.case
                tags = " ".join(f"<code>{html.escape(tag)}</code>" for tag in case.tags)
                body.append(
                    f'<section id="{case.id.lower()}"><h4>{html.escape(case.id)}</h4>'
                    f"<p><strong>{html.escape(case.title)}.</strong> {html.escape(case.level)}; "
                    f"{html.escape(', '.join(case.rfc))}; {tags}</p>"
                    f"<p>Sends:</p><pre>{html.escape(_visible(entry.sends))}</pre>"
                    f"<p>Expects: {_code_spans(html.escape(entry.expects))}.</p>"
                    f"<p>What the RFC says: {html.escape(case.says)}</p>"
                    f"<p>Why it matters: {html.escape(case.why)}</p></section>"
                )
        toc.append("</ul></li>")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>WsComplianceLibrary: the cases</title>"
        "<style>body{font-family:sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;line-height:1.45}"
        "pre{background:#f4f4f4;padding:.6rem;overflow-x:auto}section{border-top:1px solid #ddd;margin-top:1rem}"
        "code{background:#f4f4f4;padding:0 .2rem}</style></head><body>\n"
        f"<h1>WsComplianceLibrary: the cases</h1><p>{len(CASES)} cases, generated from the case catalogue. "
        "Each case is one test of the suites, named by its ID.</p>\n"
        f"<nav><ul>{''.join(toc)}</ul></nav>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def _visible(request: str) -> str:
    """A request with its CR LF line ends made visible, one line each."""
    return request.replace("\r\n", "\\r\\n\n").rstrip("\n")


def _code_spans(text: str) -> str:
    """Markdown-style `code` spans as HTML ``<code>`` elements."""
    parts = text.split("`")
    return "".join(f"<code>{part}</code>" if index % 2 else part for index, part in enumerate(parts))


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
