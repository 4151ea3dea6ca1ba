"""Autobahn 6.4.3 and 6.4.4: one text frame written in parts, judged by when the server fails the connection.

A server of ours that validates UTF-8 byte by byte, as the bytes arrive,
fails the connection while the frame is still incomplete: the case passes.
The reference server (websockets) reads whole frames, so it fails the
connection only once the rest of the frame has arrived: Autobahn's
NON-STRICT, a WARN. Both run through robot; verdicts come from output.xml.
"""

from __future__ import annotations

import codecs
import socket
import threading

from robotrun import run_robot
from servers import FixtureServer, switching_protocols

from WsComplianceLibrary.reference_server import ReferenceServer

CASES = ("COMP-FRAME-6-4-3", "COMP-FRAME-6-4-4")
CLOSE_1007 = b"\x88\x02\x03\xef"


def fail_at_the_first_invalid_byte(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Switch protocols, then read one client frame byte by byte and fail with 1007 at its first invalid byte."""
    conn.sendall(switching_protocols(head))
    conn.settimeout(5)
    header = _read(conn, 2)
    length = header[1] & 0x7F
    key = _read(conn, 4)
    decoder = codecs.getincrementaldecoder("utf-8")()
    for index in range(length):
        octet = _read(conn, 1)[0] ^ key[index % 4]
        try:
            decoder.decode(bytes([octet]))
        except UnicodeDecodeError:
            conn.sendall(CLOSE_1007)
            return
    stop.wait(0.5)


def _read(conn: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            raise ConnectionError("the client closed the connection")
        data += chunk
    return data


def run_cases(tmp_path, url: str):
    options = ("--test", CASES[0], "--test", CASES[1])
    return run_robot(tmp_path, "suites/frames/utf8_handling.robot", url=url, timeout="3s", options=options)


def test_a_server_failing_at_the_first_invalid_byte_passes(tmp_path):
    with FixtureServer(fail_at_the_first_invalid_byte) as server:
        result = run_cases(tmp_path, server.url)
    assert result.statuses() == dict.fromkeys(CASES, "PASS")
    assert "WARN" not in result.console


def test_a_server_failing_once_the_frame_is_whole_warns_as_autobahn_non_strict(tmp_path):
    with ReferenceServer() as server:
        result = run_cases(tmp_path, server.url)
    assert result.statuses() == dict.fromkeys(CASES, "PASS")
    assert result.console.count("(Autobahn: NON-STRICT, not fail fast)") == 2
    assert "more of the message had been sent 1.0 s later" in result.console
