"""The five cases that keep Http11Probe's IDs send Http11Probe's requests byte for byte, through the shipped suites.

The expected bytes are those of Http11Probe's documentation for each test
(header order, the RFC's sample key, no other header), with ``Host`` from
the target. The suites run with robot against a server of ours that records
every request it reads and refuses it with 400.
"""

from __future__ import annotations

import socket
import threading

from robotrun import run_robot
from servers import FixtureServer, switching_protocols

from WsComplianceLibrary.catalogue import CASES

SAMPLE_KEY = b"dGhlIHNhbXBsZSBub25jZQ=="


def http11probe_requests(host: bytes) -> dict[str, bytes]:
    """Http11Probe's documented request of each upgrade test, for ``host``."""
    upgrade = b"Connection: Upgrade\r\nUpgrade: websocket\r\n"
    websocket = b"Sec-WebSocket-Key: " + SAMPLE_KEY + b"\r\nSec-WebSocket-Version: 13\r\n"
    return {
        "COMP-UPGRADE-POST": b"POST / HTTP/1.1\r\nHost: " + host + b"\r\n" + upgrade + websocket + b"\r\n",
        "COMP-UPGRADE-MISSING-CONN": b"GET / HTTP/1.1\r\nHost: " + host + b"\r\nUpgrade: websocket\r\n" + websocket
        + b"\r\n",
        "COMP-UPGRADE-UNKNOWN": b"GET / HTTP/1.1\r\nHost: " + host
        + b"\r\nConnection: Upgrade\r\nUpgrade: totally-made-up/1.0\r\n\r\n",
        "COMP-UPGRADE-INVALID-VER": b"GET / HTTP/1.1\r\nHost: " + host + b"\r\n" + upgrade + b"Sec-WebSocket-Key: "
        + SAMPLE_KEY + b"\r\nSec-WebSocket-Version: 99\r\n\r\n",
        "COMP-UPGRADE-HTTP10": b"GET / HTTP/1.0\r\nHost: " + host + b"\r\n" + upgrade + websocket + b"\r\n",
    }


def test_the_five_http11probe_cases_are_tagged_and_only_they():
    tagged = {case.id for case in CASES if "http11probe" in case.tags}
    assert tagged == set(http11probe_requests(b"h"))


def test_each_http11probe_case_sends_the_documented_bytes(tmp_path):
    received: list[bytes] = []
    lock = threading.Lock()

    def record_and_refuse(conn: socket.socket, _: bytes, stop: threading.Event) -> None:
        conn.settimeout(0.05)
        data = b""
        while not stop.is_set():  # everything the client writes, up to a pause after the header block
            try:
                chunk = conn.recv(65536)
            except TimeoutError:
                if b"\r\n\r\n" in data:
                    break
                continue
            if not chunk:
                break
            data += chunk
        with lock:
            received.append(data)
        if data.startswith(b"GET / HTTP/1.1\r\n") and b"Upgrade: websocket" in data and SAMPLE_KEY not in data:
            # The endpoint probe's correct handshake: accepted, so the cases' refusals are judged.
            conn.sendall(switching_protocols(data))
        else:
            conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

    with FixtureServer(record_and_refuse, read_request=False) as server:
        result = run_robot(tmp_path, url=server.url, options=("--include", "http11probe"))
        expected = http11probe_requests(f"127.0.0.1:{server.port}".encode())
    assert result.statuses() == dict.fromkeys(expected, "PASS")
    # The only other request is the background check that the target is a WebSocket endpoint,
    # a correct GET handshake with a fresh key.
    others = [head for head in received if head not in expected.values()]
    assert all(head.startswith(b"GET / HTTP/1.1\r\n") and SAMPLE_KEY not in head for head in others), others
    for case_id, request in expected.items():
        assert received.count(request) == 1, case_id
