"""Untrusted server bytes never become markup in the log."""

from __future__ import annotations

import base64
import json
import re
import xml.etree.ElementTree as ET
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from robotrun import run_robot
from servers import FixtureServer

HOSTILE = (
    b"HTTP/1.1 101 <script>alert(1)</script>\r\n"
    b"X-Img: <img src=x onerror=alert(2)>\r\n"
    b"X-Ansi: \x1b[31mred\x1b[0m &amp; \xff\xfe\r\n"
    b"Content-Length: 0\r\n\r\n"
    b"<b>frame</b>"
)


def hostile(conn, head, stop):
    conn.sendall(HOSTILE)
    stop.wait(0.2)


def test_server_markup_is_escaped_in_log_messages(tmp_path):
    with FixtureServer(hostile) as server:
        result = run_robot(tmp_path, "suites/handshake/upgrade_method.robot", url=server.url, options=("--test", "COMP-UPGRADE-POST"))
    verdict = result.verdicts["COMP-UPGRADE-POST"]
    assert verdict.status == "FAIL"
    assert "<script>alert(1)</script>" in verdict.message  # failure messages are plain text, escaped by Robot
    messages = ET.parse(result.output).getroot().iter("msg")
    html_messages = [msg.text or "" for msg in messages if msg.get("html") == "true"]
    assert html_messages, "the exchange is logged as an HTML block"
    exchange = next(text for text in html_messages if "Bytes received" in text)
    for markup in ("<script", "<img", "<b>"):
        assert markup not in exchange
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in exchange
    assert "\x1b" not in exchange and "\\x1b[31m" in exchange and "\\xff\\xfe" in exchange
    assert "&amp;amp;" in exchange
    assert (tmp_path / "log.html").exists()


# Server text that would become markup, a link, a terminal escape or broken text if it reached a
# report unescaped: in the reason phrase and header values (quoted in failure messages) and in
# the body (shown only in the log).
PAYLOAD_REASON = b"<script>alert(1)</script> \x1b[31mred\x1b[0m &amp; \xff\xfe javascript://%0aalert(3)"
PAYLOAD_HEADER = b"<img src=x onerror=alert(2)> javascript://%0aalert(4)"
PAYLOAD_BODY = b"<b>frame</b><script>alert(5)</script>"
ESCAPING_SUITE = Path(__file__).resolve().parent / "robot" / "report_escaping.robot"
FORBIDDEN_TAGS = {"script", "img", "iframe", "object", "embed", "svg", "style", "link", "meta", "form", "base"}
_STRINGS_START = 'window.output["strings"] = window.output["strings"].concat('
_JS_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\x3c")


def hostile_markup(conn, head, stop):
    conn.sendall(
        b"HTTP/1.1 101 " + PAYLOAD_REASON + b"\r\nX-Img: " + PAYLOAD_HEADER + b"\r\nX-Img: twice\r\n"
        b"Content-Length: " + str(len(PAYLOAD_BODY)).encode() + b"\r\n\r\n" + PAYLOAD_BODY
    )
    stop.wait(0.2)


def robot_strings(page: Path) -> list[str]:
    """Every string of a Robot log.html or report.html, decoded as the page's JavaScript decodes it.

    Robot keeps messages in a string table written as JavaScript arrays
    (JSON, except that ``</`` is written ``\\x3c/``): a leading ``*`` marks
    plain text, anything else is zlib-compressed and base64-encoded. Each
    decoded string is an HTML fragment the page inserts as markup.
    """
    page_text = page.read_text(encoding="utf-8")
    strings = []
    start = page_text.find(_STRINGS_START)
    while start != -1:
        start += len(_STRINGS_START)
        table, _ = json.JSONDecoder().raw_decode(_JS_ESCAPE.sub(r"\1\\u003c", page_text[start:]))
        for item in table:
            strings.append(item[1:] if item.startswith("*") else zlib.decompress(base64.b64decode(item)).decode())
        start = page_text.find(_STRINGS_START, start)
    assert strings, f"no string table found in {page}"
    return strings


class _Markup(HTMLParser):
    """Collects the tags, attributes and text of an HTML fragment, as a browser would build them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def rendered(fragments: list[str]) -> _Markup:
    markup = _Markup()
    for fragment in fragments:
        markup.feed(fragment)
        markup.close()
        markup.reset()
    return markup


@pytest.fixture(scope="module")
def escaping_run(tmp_path_factory):
    outputdir = tmp_path_factory.mktemp("escaping")
    with FixtureServer(hostile_markup) as server:
        return run_robot(outputdir, ESCAPING_SUITE, url=server.url)


@pytest.mark.parametrize("page", ["log.html", "report.html"])
def test_no_server_markup_survives_in_the_html_reports(escaping_run, page):
    assert set(escaping_run.statuses().values()) == {"FAIL"}
    raw = (escaping_run.output.parent / page).read_bytes().decode("utf-8")  # strict: no invalid UTF-8
    assert "\x1b" not in raw and "<script>alert" not in raw and "<img src=x" not in raw
    markup = rendered(robot_strings(escaping_run.output.parent / page))
    for tag, attributes in markup.tags:
        assert tag not in FORBIDDEN_TAGS, (tag, attributes)
        for name, value in attributes:
            assert not name.startswith("on"), (tag, attributes)
            assert not (value or "").strip().lower().startswith(("javascript:", "data:", "vbscript:")), (tag, attributes)
    # The payloads did arrive, as visible text: the check above is not vacuous.
    text = "".join(markup.text)
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(2)>" in text
    assert "\\x1b[31mred" in text and "&amp;" in text and "\\xff\\xfe" in text
    assert "\x1b" not in text and "\ufffd" not in text
    if page == "log.html":
        assert "<b>frame</b><script>alert(5)</script>" in text
