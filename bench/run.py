"""How close the compliance suites come to the floor, side by side, in one run.

Run from a checkout, in an environment with the project and its test extras installed::

    python bench/run.py            # 5 repetitions of everything, about a minute and a half
    python bench/run.py --quick    # 2 repetitions, a sanity run of about half a minute

Against each local target (the embedded reference server and an ``aiohttp``
server, each in a child process on 127.0.0.1) it measures, interleaved
repetition by repetition:

* the floor: a bare socket loop sending the catalogue's requests and reading
  each answer, plus ``robot`` running as many empty tests as the suites hold;
* the full suite run with ``robot --variable WS_URL:<target> suites``;

then the per-case time against a server that never answers (``TIMEOUT=1s``)
and serial against concurrent ``robot`` processes for several targets. It
prints medians with min and max and the ratios, next to the targets.
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script, python bench/run.py: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import robot
from robot.api import ExecutionResult, TestSuiteBuilder

from bench.measure import Row, Stats, answer_complete, case_requests, empty_suite, render_table
from bench.servers import ServerProcess
from WsComplianceLibrary.catalogue import CASES
from WsComplianceLibrary.target import parse_target

ROOT = Path(__file__).resolve().parent.parent
SUITES = ROOT / "suites"
SILENT_TIMEOUT = 1.0
"""Seconds of ``TIMEOUT`` against the silent server."""

FLOOR_RATIO_TARGET = 1.3
OVERHEAD_TARGET = 0.001
TIMEOUT_TOLERANCE = 0.05
SPEEDUP_TARGET = 1.7


def robot_command(outputdir: Path, *arguments: str) -> list[str]:
    """``python -m robot`` writing output, log and report to ``outputdir``, console quiet."""
    return [sys.executable, "-m", "robot", "--outputdir", str(outputdir), "--console", "quiet", *arguments]


def target_arguments(url: str, *extra: str) -> list[str]:
    """Robot arguments that run the suites against ``url``."""
    return ["--variable", f"WS_URL:{url}", *extra, str(SUITES)]


def timed_robot(command: list[str]) -> tuple[float, int]:
    """Run one ``robot`` command; return its wall time in seconds and its return code.

    Robot's return code is the number of failed tests; above 250 the run itself failed.
    """
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    if completed.returncode > 250:
        raise SystemExit(f"robot could not run ({completed.returncode}): {completed.stderr.strip()}")
    return elapsed, completed.returncode


def bare_exchanges(requests: Sequence[bytes], host: str, port: int, timeout: float = 5.0) -> float:
    """Seconds to send each request on a new connection and read its whole answer: the network floor."""
    started = time.perf_counter()
    for request in requests:
        with socket.create_connection((host, port), timeout=timeout) as connection:
            connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            connection.sendall(request)
            received = b""
            while not answer_complete(received):
                try:
                    chunk = connection.recv(65536)
                except ConnectionResetError:
                    break
                if not chunk:
                    break
                received += chunk
    return time.perf_counter() - started


def measure_target(kind: str, repetitions: int, scratch: Path, empty: Path, test_count: int) -> list[Row]:
    """Floor, full suite, their ratio and the per-case overhead against one server of ``kind``."""
    bare: list[float] = []
    empty_robot: list[float] = []
    full: list[float] = []
    failed: set[int] = set()
    with ServerProcess(kind) as server:
        url = server.urls[0]
        target = parse_target(url)
        full_command = robot_command(scratch / kind, *target_arguments(url))
        empty_command = robot_command(scratch / "empty", str(empty))
        timed_robot(full_command)  # warm-up: file caches, .pyc files
        timed_robot(empty_command)
        for _ in range(repetitions):
            bare.append(bare_exchanges(case_requests(CASES, target), target.host, target.port))
            empty_robot.append(timed_robot(empty_command)[0])
            elapsed, failures = timed_robot(full_command)
            full.append(elapsed)
            failed.add(failures)
    floor = [b + e for b, e in zip(bare, empty_robot)]
    ratio = [f / fl for f, fl in zip(full, floor)]
    overhead = [(f - fl) / test_count for f, fl in zip(full, floor)]
    note = "" if failed == {0} else f" ({'/'.join(map(str, sorted(failed)))} tests failed)"
    return [
        Row(f"{kind}: bare exchanges ({len(CASES)} requests)", Stats.of(bare), "s"),
        Row(f"{kind}: robot, {test_count} empty tests", Stats.of(empty_robot), "s"),
        Row(f"{kind}: floor (bare + empty robot)", Stats.of(floor), "s"),
        Row(f"{kind}: full suite{note}", Stats.of(full), "s"),
        Row(f"{kind}: full suite / floor", Stats.of(ratio), "x", f"<= {FLOOR_RATIO_TARGET}",
            Stats.of(ratio).median <= FLOOR_RATIO_TARGET),
        Row(f"{kind}: library overhead per test", Stats.of(overhead), "ms", f"<= {OVERHEAD_TARGET * 1000:g} ms",
            Stats.of(overhead).median <= OVERHEAD_TARGET),
    ]


def measure_silent(repetitions: int, case_count: int, scratch: Path) -> list[Row]:
    """Per-test time of the first ``case_count`` method cases against a server that never answers."""
    chosen = [case.id for case in CASES if case.family == "method"][:case_count]
    selection = [argument for case_id in chosen for argument in ("--test", case_id)]
    per_test: list[float] = []
    with ServerProcess("silent") as server:
        command = robot_command(scratch / "silent", *target_arguments(
            server.urls[0], "--variable", f"TIMEOUT:{SILENT_TIMEOUT:g}s", *selection))
        for _ in range(repetitions):
            timed_robot(command)
            result = ExecutionResult(str(scratch / "silent" / "output.xml"))
            per_test += [test.elapsed_time.total_seconds() for test in result.suite.all_tests]
    stats = Stats.of(per_test)
    low, high = SILENT_TIMEOUT * (1 - TIMEOUT_TOLERANCE), SILENT_TIMEOUT * (1 + TIMEOUT_TOLERANCE)
    return [Row(f"silent server, TIMEOUT={SILENT_TIMEOUT:g}s: time per test ({len(chosen)} tests x {repetitions})",
                stats, "s", f"{low:.2f}-{high:.2f} s", low <= stats.low and stats.high <= high)]


def measure_parallel(repetitions: int, target_counts: Sequence[int], scratch: Path) -> list[Row]:
    """Serial against concurrent full-suite ``robot`` runs, one process per reference server."""
    rows: list[Row] = []
    with ServerProcess("reference", max(target_counts)) as servers:
        for count in target_counts:
            commands = [robot_command(scratch / f"parallel-{index}", *target_arguments(url))
                        for index, url in enumerate(servers.urls[:count])]
            serial: list[float] = []
            parallel: list[float] = []
            for _ in range(repetitions):
                serial.append(_wall_time(lambda: [timed_robot(command) for command in commands]))
                parallel.append(_wall_time(lambda: _run_concurrently(commands)))
            speedup = Stats.of(s / p for s, p in zip(serial, parallel))
            rows += [
                Row(f"{count} targets: serial", Stats.of(serial), "s"),
                Row(f"{count} targets: parallel ({count} robot processes)", Stats.of(parallel), "s"),
                Row(f"{count} targets: speed-up", speedup, "x", f">= {SPEEDUP_TARGET}",
                    speedup.median >= SPEEDUP_TARGET),
            ]
    return rows


def _wall_time(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _run_concurrently(commands: Sequence[list[str]]) -> None:
    children = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                for command in commands]
    for child in children:
        if child.wait() > 250:
            raise SystemExit(f"robot could not run ({child.returncode}): {' '.join(child.args)}")


def machine() -> str:
    """The machine the figures come from: usable CPUs, CPU model, Python and Robot Framework versions."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.partition(":")[2].strip()
                break
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (f"{cpus} CPUs ({model}), Python {platform.python_version()}, "
            f"Robot Framework {robot.version.get_version()}")


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="2 repetitions and 2 silent tests: a sanity run")
    parser.add_argument("--repetitions", type=int, default=5, help="repetitions of each measurement (default 5)")
    parser.add_argument("--silent-tests", type=int, default=3, help="method cases run against the silent server")
    parser.add_argument("--targets", type=int, nargs="+", default=[4, 8], help="target counts of the parallel runs")
    arguments = parser.parse_args(argv)
    if arguments.quick:
        arguments.repetitions, arguments.silent_tests = 2, 2
    if arguments.repetitions < 1 or arguments.silent_tests < 1 or min(arguments.targets) < 1:
        parser.error("repetitions, silent tests and target counts must be at least 1")
    return arguments


def main(argv: Sequence[str] = ()) -> int:
    """Measure everything, print the table; exit status 1 when a target was missed."""
    arguments = parse_arguments(argv)
    test_count = len(list(TestSuiteBuilder().build(str(SUITES)).all_tests))
    print(f"Machine: {machine()}")
    print(f"Suites: {test_count} tests ({len(CASES)} catalogue cases); "
          f"{arguments.repetitions} repetitions; medians with min and max.\n", flush=True)
    with tempfile.TemporaryDirectory(prefix="ws-bench-") as directory:
        scratch = Path(directory)
        empty = scratch / "empty_tests.robot"
        empty.write_text(empty_suite(test_count))
        rows = [row for kind in ("reference", "aiohttp")
                for row in measure_target(kind, arguments.repetitions, scratch, empty, test_count)]
        rows += measure_silent(arguments.repetitions, arguments.silent_tests, scratch)
        rows += measure_parallel(arguments.repetitions, arguments.targets, scratch)
    print(render_table(rows))
    return 0 if all(row.met is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
