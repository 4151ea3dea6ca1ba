"""How close the handshake suites come to the floor, side by side, in one run.

Run from a checkout, in an environment with the project and its test extras installed::

    python bench/run.py            # 5 repetitions of everything, about two and a half minutes
    python bench/run.py --quick    # 2 repetitions, a sanity run of about a minute

Against each local target (the embedded reference server and an ``aiohttp``
server, each in a child process on 127.0.0.1) it measures, interleaved
repetition by repetition:

* the floor: a bare socket loop sending the catalogue's requests and reading
  each answer, plus ``robot`` running as many empty tests as the suites hold;
* the full suite run with ``robot --variable WS_URL:<target> suites/handshake``, and
  from its output.xml where the time beyond the floor went;

then the suites run as the README runs them (no WS_URL: the embedded
server per suite), the per-test time against a server that never answers
(``TIMEOUT=1s``, the first case of every family) and serial against
concurrent ``robot`` processes for several targets. It
prints medians with min and max and the ratios next to the targets, and
exits with status 1 when a target was missed.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script, python bench/run.py: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import robot
from robot.api import ExecutionResult, TestSuiteBuilder

from bench.measure import (
    Row,
    Stats,
    TimeSplit,
    answer_complete,
    case_requests,
    empty_suite,
    render_table,
    sample_cases,
    time_split,
)
from bench.servers import ServerProcess
from WsComplianceLibrary.catalogue.handshake import CASES
from WsComplianceLibrary.target import parse_target

ROOT = Path(__file__).resolve().parent.parent
SUITES = ROOT / "suites" / "handshake"
"""The handshake suites: what this benchmark measures against the floor."""

SILENT_TIMEOUT = 1.0
"""Seconds of ``TIMEOUT`` against the silent server."""
# With every case written as a Send step and an assertion step (readability is the product).
FLOOR_RATIO_TARGET = 1.6
OVERHEAD_TARGET = 0.003
TIMEOUT_TOLERANCE = 0.05
SPEEDUP_TARGET = 1.7


@dataclass(frozen=True)
class Workspace:
    """Where the ``robot`` children write their output, and the environment they run in.

    Bytecode is cached under the scratch directory, as an installed package
    has it: without a cache (``PYTHONDONTWRITEBYTECODE`` set, a read-only
    checkout) every run would compile the library's modules again, and the
    cache stays out of the checkout.
    """

    scratch: Path

    @property
    def environment(self) -> dict[str, str]:
        """This process's environment, with the bytecode cache moved to the scratch directory."""
        environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
        environment["PYTHONPYCACHEPREFIX"] = str(self.scratch / "pycache")
        return environment

    def robot(self, outputdir: str, *arguments: str) -> list[str]:
        """``python -m robot`` writing output, log and report to ``outputdir`` under the scratch directory."""
        return [sys.executable, "-m", "robot", "--outputdir", str(self.scratch / outputdir), "--console", "quiet",
                *arguments]

    def suites(self, outputdir: str, url: str, *options: str) -> list[str]:
        """``robot`` running every suite against ``url``."""
        return self.robot(outputdir, "--variable", f"WS_URL:{url}", *options, str(SUITES))

    def output(self, outputdir: str) -> TimeSplit:
        """The time split of the last run that wrote to ``outputdir``."""
        return time_split(ExecutionResult(str(self.scratch / outputdir / "output.xml")).suite)

    def run(self, command: list[str]) -> tuple[float, int]:
        """Run one ``robot`` command; return its wall time in seconds and its return code.

        Robot's return code is the number of failed tests; above 250 the run itself failed.
        """
        started = time.perf_counter()
        completed = subprocess.run(command, cwd=ROOT, env=self.environment, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - started
        if completed.returncode > 250:
            raise SystemExit(f"robot could not run ({completed.returncode}): {completed.stderr.strip()}")
        return elapsed, completed.returncode

    def run_concurrently(self, commands: Sequence[list[str]]) -> tuple[float, float]:
        """Start every command at once; return the wall time until the last one ended and the CPU time used."""
        before = _children_cpu()
        started = time.perf_counter()
        children = [subprocess.Popen(command, cwd=ROOT, env=self.environment, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL) for command in commands]
        codes = [child.wait() for child in children]
        elapsed = time.perf_counter() - started
        if max(codes) > 250:
            raise SystemExit(f"robot could not run ({max(codes)}) in one of {len(commands)} concurrent runs.")
        return elapsed, _children_cpu() - before

    def run_pooled(self, commands: Sequence[list[str]], workers: int) -> float:
        """Run the commands ``workers`` at a time; return the wall time until the last one ended."""
        started = time.perf_counter()
        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(self.run, commands))
        return time.perf_counter() - started

    def run_serially(self, commands: Sequence[list[str]]) -> tuple[float, float]:
        """Run the commands one after the other; return the total wall time and the CPU time they used."""
        before = _children_cpu()
        wall = sum(self.run(command)[0] for command in commands)
        return wall, _children_cpu() - before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


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


def measure_target(kind: str, repetitions: int, workspace: Workspace, empty: Path, test_count: int) -> list[Row]:
    """Floor, full suite, their ratio and the overhead per test against one server of ``kind``, and where it goes.

    The overhead is split so that its parts add up: time outside the tests
    beyond the empty run's (start-up, library imports, suite setups, writing
    output), Robot's keyword frames, the library's own code, and the wire
    time the library observed beyond the bare loop's.
    """
    bare, empty_wall, full_wall = [], [], []
    empty_split: list[TimeSplit] = []
    full_split: list[TimeSplit] = []
    failed: set[int] = set()
    with ServerProcess(kind) as server:
        url = server.urls[0]
        target = parse_target(url)
        full_command = workspace.suites(kind, url)
        empty_command = workspace.robot("empty", str(empty))
        workspace.run(full_command)  # warm-up: file caches, bytecode cache
        workspace.run(empty_command)
        for _ in range(repetitions):
            bare.append(bare_exchanges(case_requests(CASES, target), target.host, target.port))
            empty_wall.append(workspace.run(empty_command)[0])
            empty_split.append(workspace.output("empty"))
            elapsed, failures = workspace.run(full_command)
            full_wall.append(elapsed)
            full_split.append(workspace.output(kind))
            failed.add(failures)
    runs = list(zip(bare, empty_wall, full_wall, empty_split, full_split))
    floor = Stats.of(b + e for b, e, *_ in runs)
    ratio = Stats.of(f / (b + e) for b, e, f, *_ in runs)
    overhead = Stats.of((f - b - e) / test_count for b, e, f, *_ in runs)
    note = "" if failed == {0} else f" ({'/'.join(map(str, sorted(failed)))} tests failed)"
    return [
        Row(f"{kind}: bare exchanges ({len(CASES)} requests)", Stats.of(bare), "s"),
        Row(f"{kind}: robot, {test_count} empty tests", Stats.of(empty_wall), "s"),
        Row(f"{kind}: floor (bare + empty robot)", floor, "s"),
        Row(f"{kind}: full suite{note}", Stats.of(full_wall), "s"),
        Row(f"{kind}: full suite / floor", ratio, "x", f"<= {FLOOR_RATIO_TARGET}", ratio.median <= FLOOR_RATIO_TARGET),
        Row(f"{kind}: overhead per test", overhead, "ms", f"<= {OVERHEAD_TARGET * 1000:g} ms",
            overhead.median <= OVERHEAD_TARGET),
        Row(f"{kind}:   outside tests (start, imports, setups, output)", Stats.of(
            ((f - fs.tests) - (e - es.tests)) / test_count for _, e, f, es, fs in runs), "ms"),
        Row(f"{kind}:   in Robot keyword frames", Stats.of(
            (fs.tests - es.tests - fs.library) / test_count for *_, es, fs in runs), "ms"),
        Row(f"{kind}:   in library keywords beyond the wire", Stats.of(
            (fs.library - fs.exchanges) / test_count for *_, fs in runs), "ms"),
        Row(f"{kind}:   on the wire beyond the bare loop", Stats.of(
            (fs.exchanges - b) / test_count for b, *_, fs in runs), "ms"),
    ]


def measure_embedded(repetitions: int, workspace: Workspace) -> list[Row]:
    """The suites as the README runs them, without WS_URL: every suite starts and stops the embedded server.

    Compared, run by run, with the same suites aimed at a reference server
    in another process, so the ratio is what the per-suite start, stop and
    sharing the ``robot`` process with the server cost.
    """
    with ServerProcess("reference") as server:
        aimed = workspace.suites("aimed", server.urls[0])
        embedded = workspace.robot("embedded", str(SUITES))
        workspace.run(embedded)  # warm-up
        workspace.run(aimed)
        pairs = [(workspace.run(embedded)[0], workspace.run(aimed)[0]) for _ in range(repetitions)]
    return [
        Row("embedded server per suite (no WS_URL): full suite", Stats.of(own for own, _ in pairs), "s"),
        Row("embedded server per suite / WS_URL to a server process",
            Stats.of(own / other for own, other in pairs), "x"),
    ]


def measure_silent(repetitions: int, per_family: int, workspace: Workspace) -> list[Row]:
    """Per-test time against a server that never answers, for the first ``per_family`` cases of every family.

    Each test must end within the timeout and its tolerance; the row's note
    names the tests that did not.
    """
    chosen = sample_cases(CASES, per_family)
    selection = [argument for case_id in chosen for argument in ("--test", case_id)]
    low, high = SILENT_TIMEOUT * (1 - TIMEOUT_TOLERANCE), SILENT_TIMEOUT * (1 + TIMEOUT_TOLERANCE)
    per_test: list[float] = []
    too_slow: set[str] = set()
    with ServerProcess("silent") as server:
        command = workspace.suites("silent", server.urls[0], "--variable", f"TIMEOUT:{SILENT_TIMEOUT:g}s", *selection)
        for _ in range(repetitions):
            workspace.run(command)
            for test in ExecutionResult(str(workspace.scratch / "silent" / "output.xml")).suite.all_tests:
                per_test.append(test.elapsed_time.total_seconds())
                if not low <= per_test[-1] <= high:
                    too_slow.add(test.name)
    note = f"outside the tolerance: {', '.join(sorted(too_slow))}" if too_slow else ""
    return [Row(f"silent server, TIMEOUT={SILENT_TIMEOUT:g}s: per test ({len(chosen)} tests x {repetitions})",
                Stats.of(per_test), "s", f"{low:.2f}-{high:.2f} s", not too_slow, note)]


def measure_parallel(repetitions: int, target_counts: Sequence[int], workspace: Workspace) -> list[Row]:
    """Serial against concurrent full-suite ``robot`` runs, one process per reference server.

    Runs that only use CPU cannot end sooner than the CPU time they take
    together, the servers' included, spread over every CPU; and the same
    runs take more CPU time when they share the CPUs (caches, memory, clock
    speed). The ceiling is the serial wall time over the parallel runs' CPU
    time spread that way: what any scheduling of them could reach. Running
    only as many at a time as there are CPUs keeps that growth small.
    """
    cpus = usable_cpus()
    rows: list[Row] = []
    with ServerProcess("reference", max(target_counts)) as servers:
        workspace.run_serially([workspace.suites("warm-up", url) for url in servers.urls])  # caches, every server
        for count in target_counts:
            commands = [workspace.suites(f"target-{index}", url) for index, url in enumerate(servers.urls[:count])]
            serial, parallel, cpu_growth, ceiling, pooled = [], [], [], [], []
            for _ in range(repetitions):
                served = servers.cpu_seconds()
                serial_wall, serial_cpu = workspace.run_serially(commands)
                serial_cpu += servers.cpu_seconds() - served
                served = servers.cpu_seconds()
                parallel_wall, parallel_cpu = workspace.run_concurrently(commands)
                parallel_cpu += servers.cpu_seconds() - served
                serial.append(serial_wall)
                parallel.append(parallel_wall)
                cpu_growth.append(parallel_cpu / serial_cpu)
                ceiling.append(serial_wall / max(parallel_cpu / cpus, serial_wall / count))
                pooled.append(workspace.run_pooled(commands, cpus))
            speedup = Stats.of(s / p for s, p in zip(serial, parallel))
            pooled_speedup = Stats.of(s / p for s, p in zip(serial, pooled))
            rows += [
                Row(f"{count} targets: serial", Stats.of(serial), "s"),
                Row(f"{count} targets: parallel ({count} robot processes)", Stats.of(parallel), "s"),
                Row(f"{count} targets: speed-up", speedup, "x", f">= {SPEEDUP_TARGET}",
                    speedup.median >= SPEEDUP_TARGET),
                Row(f"{count} targets:   CPU time, parallel / serial", Stats.of(cpu_growth), "x"),
                Row(f"{count} targets:   ceiling on {cpus} CPUs (from CPU time)", Stats.of(ceiling), "x"),
                Row(f"{count} targets: {cpus} robot processes at a time", Stats.of(pooled), "s"),
                Row(f"{count} targets: speed-up, {cpus} at a time", pooled_speedup, "x", f">= {SPEEDUP_TARGET}",
                    pooled_speedup.median >= SPEEDUP_TARGET),
            ]
    return rows


def usable_cpus() -> int:
    """The CPUs this process may run on (what ``nproc`` prints)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def machine() -> str:
    """The machine the figures come from: usable CPUs, CPU model, Python and Robot Framework versions."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.partition(":")[2].strip()
                break
    return (f"{usable_cpus()} CPUs ({model}), Python {platform.python_version()}, "
            f"Robot Framework {robot.version.get_version()}")


def load() -> str:
    """How busy the machine is: figures taken while other work competes for the CPUs are not comparable.

    The 1-minute load average, and where the kernel reports it, the share of
    the last 10 s in which some task waited for a CPU.
    """
    text = f"load average {os.getloadavg()[0]:.2f}"
    pressure = Path("/proc/pressure/cpu")
    if pressure.exists():
        fields = dict(item.split("=") for item in pressure.read_text().split()[1:4])
        text += f", CPU pressure {fields['avg10']} %"
    return text


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="2 repetitions: a sanity run")
    parser.add_argument("--repetitions", type=int, default=5, help="repetitions of each measurement (default 5)")
    parser.add_argument("--silent-per-family", type=int, default=1,
                        help="cases of each family run against the silent server (default 1)")
    parser.add_argument("--targets", type=int, nargs="+", default=[4, 8], help="target counts of the parallel runs")
    arguments = parser.parse_args(argv)
    if arguments.quick:
        arguments.repetitions = 2
    if arguments.repetitions < 1 or arguments.silent_per_family < 1 or min(arguments.targets) < 1:
        parser.error("repetitions, silent cases per family and target counts must be at least 1")
    return arguments


def main(argv: Sequence[str] = ()) -> int:
    """Measure everything and print the table; 1 when a target was missed."""
    arguments = parse_arguments(argv)
    test_count = len(list(TestSuiteBuilder().build(str(SUITES)).all_tests))
    print(f"Machine: {machine()}; {load()} at start")
    print(f"Suites: {test_count} tests ({len(CASES)} catalogue cases); "
          f"{arguments.repetitions} repetitions; medians with min and max.\n", flush=True)
    with tempfile.TemporaryDirectory(prefix="ws-bench-") as directory:
        workspace = Workspace(Path(directory))
        empty = workspace.scratch / "empty_tests.robot"
        empty.write_text(empty_suite(test_count))
        rows = [row for kind in ("reference", "aiohttp")
                for row in measure_target(kind, arguments.repetitions, workspace, empty, test_count)]
        rows += measure_embedded(arguments.repetitions, workspace)
        rows += measure_silent(arguments.repetitions, arguments.silent_per_family, workspace)
        rows += measure_parallel(arguments.repetitions, arguments.targets, workspace)
    print(render_table(rows))
    for row in rows:
        if row.note:
            print(f"{row.label}: {row.note}")
    return 0 if all(row.met is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
