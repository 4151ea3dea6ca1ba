"""Untrusted server bytes never become markup in the log."""

from __future__ import annotations

import xml.etree.ElementTree as ET

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
        result = run_robot(tmp_path, "suites/upgrade_method.robot", url=server.url, options=("--test", "COMP-UPGRADE-POST"))
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
