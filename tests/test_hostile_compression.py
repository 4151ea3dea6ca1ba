"""Hostile servers with permessage-deflate agreed: a bomb, and a compressed message that never ends.

Each is met in a fresh Python process that measures its own peak RSS
growth (``VmHWM``, reset through ``/proc/self/clear_refs`` just before);
the server runs in this process.
Both get a one-sentence FAIL within the timeout and cost less than 64 MiB.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import zlib
from pathlib import Path

import pytest
from servers import FixtureServer, client_events, switching_protocols

from WsComplianceLibrary.wire.websocket import CONTINUATION, TEXT, FrameReader, Message, Role, build_frame
from WsComplianceLibrary.wire.websocket.deflate import DeflateParameters

ROOT = Path(__file__).resolve().parent.parent
MEMORY_LIMIT = 64 * 1024 * 1024
TIMEOUT = 2.0


def _mebibyte_of_zeros() -> bytes:
    """About 1 KiB of DEFLATE blocks that inflate to 1 MiB of zeros from any state (a full flush: no history)."""
    deflater = zlib.compressobj(9, zlib.DEFLATED, -15)
    return deflater.compress(bytes(1 << 20)) + deflater.flush(zlib.Z_FULL_FLUSH)


def _bomb() -> bytes:
    """A compressed message of about 1 MiB that inflates to 1 GiB of zeros."""
    return _mebibyte_of_zeros() * 1024


def _after_first_message(send_answer) -> FixtureServer:  # noqa: ANN001 - a function of (conn, stop)
    """Agrees to permessage-deflate and answers the first message with ``send_answer``; echoes when not offered."""

    def serve(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
        offered = b"permessage-deflate" in head
        answer = b"Sec-WebSocket-Extensions: permessage-deflate\r\n" if offered else b""
        conn.sendall(switching_protocols(head)[:-2] + answer + b"\r\n")
        reader = FrameReader(sender=Role.CLIENT, deflate=DeflateParameters() if offered else None)
        for event in client_events(conn, reader, stop):
            if isinstance(event, Message) and not offered:  # the library's echo probe: a plain echo
                conn.sendall(build_frame(event.opcode, event.payload, masked=False))
            elif isinstance(event, Message):
                send_answer(conn, stop)
                return

    return FixtureServer(serve)


def send_bomb(conn: socket.socket, stop: threading.Event) -> None:
    conn.sendall(build_frame(TEXT, _bomb(), rsv1=True, masked=False))
    stop.wait(TIMEOUT * 2)


def send_endless_message(conn: socket.socket, stop: threading.Event) -> None:
    """One compressed message whose continuation frames never stop (each inflating to 64 MiB of zeros)."""
    chunk = _mebibyte_of_zeros() * 64
    conn.settimeout(1.0)
    conn.sendall(build_frame(TEXT, chunk, fin=False, rsv1=True, masked=False))
    while not stop.is_set():
        try:
            conn.sendall(build_frame(CONTINUATION, chunk, fin=False, masked=False))
        except TimeoutError:
            continue
        except OSError:
            return


PROBE = r"""
import json, sys, time
from datetime import timedelta
from WsComplianceLibrary import WsComplianceLibrary


def memory(field: str) -> int:
    with open("/proc/self/status") as lines:
        return next(int(line.split()[1]) for line in lines if line.startswith(field))


url, timeout = sys.argv[1], float(sys.argv[2])
library = WsComplianceLibrary(url=url, timeout=timedelta(seconds=timeout))
with open("/proc/self/clear_refs", "w") as clear:
    clear.write("5")  # resets the peak RSS of this process's memory (VmHWM) to the current RSS
before = memory("VmRSS:")
started = time.monotonic()
status, message = "PASS", ""
try:
    library.run_keyword("Open WebSocket", [], {"extensions": "permessage-deflate"})
    library.run_keyword("send_message", ["text", "Hello"], {})
    library.run_keyword("message_should_be_echoed", [], {})
except AssertionError as error:
    status, message = "FAIL", str(error)
finally:
    library.run_keyword("Close WebSocket", [], {})
elapsed = time.monotonic() - started
# VmHWM, not ru_maxrss: exec keeps in ru_maxrss the peak of the process that started this one (a large pytest).
peak = memory("VmHWM:")
print(json.dumps({"rss_growth": (peak - before) * 1024, "status": status, "message": message, "elapsed": elapsed}))
"""


@pytest.mark.parametrize(("behaviour", "phrase"), [
    (send_bomb, "inflates to more than 16777216 bytes, the most this reader keeps"),
    (send_endless_message, "more than the 16777216 this reader keeps"),
])
def test_a_hostile_compressed_answer_gets_one_bounded_sentence_and_little_memory(behaviour, phrase):
    with _after_first_message(behaviour) as server:
        completed = subprocess.run([sys.executable, "-c", PROBE, server.url, str(TIMEOUT)], cwd=ROOT,
                                   capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr
    met = json.loads(completed.stdout.splitlines()[-1])
    print(f"\n{behaviour.__name__}: peak RSS growth {met['rss_growth'] / 2**20:.1f} MiB in {met['elapsed']:.2f} s; "
          f"{met['message']}")
    assert met["status"] == "FAIL" and phrase in met["message"], met
    assert met["message"].count(". ") == 0 and "\n" not in met["message"], met
    assert met["rss_growth"] < MEMORY_LIMIT, met
    assert met["elapsed"] < TIMEOUT + 1, met
