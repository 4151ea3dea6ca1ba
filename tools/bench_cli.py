"""Wall time of ``wscompliance`` on three targets, serial (``--processes 1``) against parallel (``--processes 3``).

``python tools/bench_cli.py [--repetitions 3] [--latency 0.1]`` starts two
local servers on 127.0.0.1 that answer like a compliant server (101 to GET,
405 to anything else), each answer delayed by ``--latency`` seconds as a
server across a network would be, and runs the command on the embedded
reference server plus those two. It prints the median and range of each
mode's wall time and the speed-up. A manual measurement, not part of CI.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The command under measurement is this checkout's; the servers are the tests' fixture servers.
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from servers import FixtureServer, request_method, switching_protocols  # noqa: E402


def compliant_after(latency: float):
    """A fixture behaviour answering 101 to GET and 405 otherwise, ``latency`` seconds after the request."""

    def behave(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
        stop.wait(latency)
        if request_method(head) == b"GET":
            conn.sendall(switching_protocols(head))
        else:
            conn.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nAllow: GET\r\nContent-Length: 0\r\n\r\n")
        stop.wait(0.2)

    return behave


def wall_time(urls: list[str], processes: int, outputdir: Path) -> float:
    """Seconds one ``wscompliance`` run on ``urls`` takes, start to exit."""
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "WsComplianceLibrary.cli", "--outputdir", str(outputdir),
                    "--processes", str(processes), *urls], cwd=ROOT, capture_output=True, check=False)
    return time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/bench_cli.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--latency", type=float, default=0.1, help="seconds each server waits before answering")
    args = parser.parse_args(argv)
    times: dict[int, list[float]] = {1: [], 3: []}
    behaviour = compliant_after(args.latency)
    with FixtureServer(behaviour) as first, FixtureServer(behaviour) as second, \
            tempfile.TemporaryDirectory() as workspace:
        urls = ["embedded", first.url, second.url]
        for repetition in range(args.repetitions):
            for processes in times:
                times[processes].append(wall_time(urls, processes, Path(workspace) / f"{processes}-{repetition}"))
    print(f"wscompliance, 3 targets (embedded + 2 servers answering after {args.latency * 1000:.0f} ms), "
          f"{args.repetitions} runs each, {os.cpu_count()} CPUs")
    for processes, seconds in times.items():
        print(f"  --processes {processes}: median {statistics.median(seconds):.2f} s "
              f"(min {min(seconds):.2f}, max {max(seconds):.2f})")
    print(f"  speed-up: {statistics.median(times[1]) / statistics.median(times[3]):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
