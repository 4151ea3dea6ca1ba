"""How close the handshake and frame suites come to their floors, side by side, in one run.

Run from a checkout, in an environment with the project and its test extras installed::

    python bench/run.py            # 5 repetitions of everything, about six minutes
    python bench/run.py --quick    # 2 repetitions, a sanity run of about three minutes
    python bench/run.py --quick --parts frames bulk mute   # only the frame rows

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
concurrent ``robot`` processes for several targets.

The frame side, against the reference server: ``suites/frames`` without
the cases tagged ``slow`` against the same kind of floor (a bare loop doing
each case's handshake and frames, derived from the catalogue rows); 16 MiB
echoes and 1000 round trips through the frame keywords against a bare loop
doing the same framing and masking; and frame cases against a server that
goes silent after its ``101``. It prints medians with min and max and the
ratios next to the targets, and exits with status 1 when a target was
missed.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import socket
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script, python bench/run.py: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import robot
from robot.api import ExecutionResult, TestSuiteBuilder

from bench.measure import (
    Await,
    BareTime,
    FrameProbe,
    Pause,
    Row,
    Stats,
    TimeSplit,
    answer_complete,
    answers_in,
    bulk_suite,
    case_requests,
    case_timeout,
    closing_frame,
    empty_suite,
    frame_probe,
    keyword_seconds,
    render_table,
    sample_cases,
    scan_frames,
    time_split,
)
from bench.servers import ServerProcess
from WsComplianceLibrary import sample_data
from WsComplianceLibrary.catalogue import Case
from WsComplianceLibrary.catalogue.compression import AUTOBAHN_OFFER
from WsComplianceLibrary.catalogue.handshake import CASES
from WsComplianceLibrary.target import Target, parse_target
from WsComplianceLibrary.wire.http1.request import build_upgrade_request, new_key
from WsComplianceLibrary.wire.websocket import BINARY, TEXT, mask

ROOT = Path(__file__).resolve().parent.parent
SUITES = ROOT / "suites" / "handshake"
"""The handshake suites: what this benchmark measures against the floor."""
FRAME_SUITES = ROOT / "suites" / "frames"
"""The frame suites, measured without the cases tagged ``slow`` (Autobahn's section 9)."""
FRAME_OPTIONS = ("--exclude", "slow")

SILENT_TIMEOUT = 1.0
"""Seconds of ``TIMEOUT`` against the silent server."""
# With every case written as a Send step and an assertion step (readability is the product).
FLOOR_RATIO_TARGET = 1.6
OVERHEAD_TARGET = 0.003
TIMEOUT_TOLERANCE = 0.05
SPEEDUP_TARGET = 1.7
BULK_RATIO_TARGET = 1.5
BULK_SIZE = 16 * 1024 * 1024
"""Bytes of each big message: the largest Autobahn sends (cases 9.1.6, 9.2.6) and the reader's default cap."""
ROUND_TRIPS = 1000
ROUND_TRIP_TEXT = "Hello, world!"
COMPRESSED_SIZE = 128 * 1024
"""Bytes of each compressed round trip's message: Autobahn's largest in sections 12 and 13."""
COMPRESSED_ROUND_TRIPS = 200
COMPRESSED_KINDS = (("text", "json"), ("binary", "image"))
"""The compressed rows: the most and the least compressible sample data."""
BULK_KEYWORDS = ("Send Message", "Message Should Be Echoed")
"""The keywords whose output.xml times make a bulk figure: sending and waiting for the echo, not opening."""


@dataclass(frozen=True)
class Area:
    """Suites measured against a floor: where they are, how ``robot`` selects them, and their bare loop."""

    label: str
    """Prefix of the area's rows after the server kind (empty for the handshake rows, as they always were)."""
    suites: Path
    options: tuple[str, ...]
    bare_label: str
    bare: Callable[[Target], BareTime]


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

    def suites(self, outputdir: str, url: str, *options: str, suites: Path = SUITES) -> list[str]:
        """``robot`` running every suite under ``suites`` (the handshake suites by default) against ``url``."""
        return self.robot(outputdir, "--variable", f"WS_URL:{url}", *options, str(suites))

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


def bare_frame_exchanges(probes: Sequence[FrameProbe], target: Target, timeout: float = 5.0) -> BareTime:
    """Seconds for each probe's handshake, then its frames and answers, on a new connection each: the frames' floor.

    Each connection sends a handshake with a fresh key and reads the
    header block, then follows the probe's steps (writes, pauses, waits
    for answers), sends a Close 1000 unless the probe already sent one and
    reads until the server closes the TCP connection. Requests and frames
    are built before the clock starts.
    """
    requests = [build_upgrade_request("GET", target.path, target.authority, key=new_key()) for _ in probes]
    closing = closing_frame()
    handshakes = frames = 0.0
    pauses = [0.0, 0.0]
    for probe, request in zip(probes, requests):
        started = time.perf_counter()
        with socket.create_connection((target.host, target.port), timeout=timeout) as connection:
            after_head = _bare_handshake(connection, request, probe.case_id)
            switched = time.perf_counter()
            handshakes += switched - started
            paused = _bare_steps(connection, probe, closing, after_head)
            pauses = [pauses[0] + paused[0], pauses[1] + paused[1]]
        frames += time.perf_counter() - switched
    return BareTime(handshakes, frames, *pauses)


def _bare_handshake(connection: socket.socket, request: bytes, what: str) -> bytearray:
    """Send the handshake ``request`` on ``connection`` and read its answer's header block; return the bytes after it."""
    connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    connection.sendall(request)
    received = bytearray()
    while b"\r\n\r\n" not in received:
        chunk = connection.recv(65536)
        if not chunk:
            raise RuntimeError(f"{what}: the server closed the connection during the handshake.")
        received += chunk
    return received[received.index(b"\r\n\r\n") + 4:]


def _bare_steps(connection: socket.socket, probe: FrameProbe, closing: bytes, received: bytearray) -> list[float]:
    """Write, pause and wait as the probe says, close, read until the end; the seconds paused (Sleep, in keywords)."""
    scanned = answers = wanted = 0
    paused = [0.0, 0.0]
    writing = True
    steps = [*probe.steps] if probe.sends_close else [*probe.steps, closing]
    for step in [*steps, None]:
        if isinstance(step, bytes):
            if writing:
                try:
                    connection.sendall(step)
                except (BrokenPipeError, ConnectionResetError):
                    writing = False  # the server failed the connection: read what it said
            continue
        if isinstance(step, Pause):
            slept = time.perf_counter()
            time.sleep(step.seconds)
            # A keyword's own pause is keyword time in output.xml, so it stays frame time here.
            paused[step.in_keyword] += time.perf_counter() - slept
            continue
        wanted = wanted + step.answers if isinstance(step, Await) else None
        while wanted is None or answers < wanted:
            frames, scanned = scan_frames(received, scanned)
            answers += answers_in(frames)
            if wanted is not None and answers >= wanted:
                break
            try:
                chunk = connection.recv(65536)
            except (ConnectionResetError, TimeoutError):
                return paused
            if not chunk:
                return paused
            received += chunk
    return paused


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


def frame_test_ids() -> list[str]:
    """The names (case IDs) of the frame suites' tests that ``--exclude slow`` runs."""
    if not FRAME_SUITES.is_dir():
        return []
    suite = TestSuiteBuilder().build(str(FRAME_SUITES))
    suite.configure(exclude_tags=["slow"])
    return [test.name for test in suite.all_tests]


def frame_cases(test_ids: Sequence[str]) -> list[Case]:
    """The catalogue's frame cases that the suites run as ``test_ids``, in suite order."""
    from WsComplianceLibrary.catalogue.frames import CASES as FRAME_CASES

    by_id = {case.id: case for case in FRAME_CASES}
    return [by_id[test_id] for test_id in test_ids]


def handshake_area() -> Area:
    """The handshake suites and their bare loop: every catalogue case's request on a connection of its own."""
    return Area("", SUITES, (), f"bare exchanges ({len(CASES)} requests)",
                lambda target: BareTime(bare_exchanges(case_requests(CASES, target), target.host, target.port)))


def frame_area(probes: Callable[[], Sequence[FrameProbe]], derived: int, total: int) -> Area:
    """The frame suites without ``slow`` and their bare loop: handshake, the case's frames, Close, read to the end."""
    return Area("frames, ", FRAME_SUITES, FRAME_OPTIONS,
                f"bare exchanges ({total} cases, {derived} derived from their frames)",
                lambda target: bare_frame_exchanges(probes(), target))


def measure_target(kind: str, repetitions: int, workspace: Workspace, empty: Path, test_count: int,
                   area: Area | None = None) -> list[Row]:
    """Floor, full suite, their ratio and the overhead per test against one server of ``kind``, and where it goes.

    The overhead is split so that its parts add up: time outside the tests
    beyond the empty run's (start-up, library imports, suite setups, writing
    output), Robot's keyword frames, the library's own code, and the wire
    time the library observed beyond the bare loop's. The library observes
    (``Observed`` log lines) its handshakes only, so for frames the wire
    after the handshake counts at the bare loop's time and what the
    keywords take beyond that is the library's; the cases' pauses
    (``Sleep`` in the templates, :class:`Pause` in the bare loop) count
    as wire time, not as keyword frames.
    """
    area = area or handshake_area()
    bare: list[BareTime] = []
    empty_wall, full_wall = [], []
    bare_cpu, empty_cpu, full_cpu = [], [], []
    empty_split: list[TimeSplit] = []
    full_split: list[TimeSplit] = []
    failed: set[int] = set()
    name = f"{area.label}{kind}"
    outputdir = f"{area.label.strip(', ') or 'handshake'}-{kind}"
    with ServerProcess(kind) as server:
        url = server.urls[0]
        target = parse_target(url)
        full_command = workspace.suites(outputdir, url, *area.options, suites=area.suites)
        empty_command = workspace.robot("empty", str(empty))
        workspace.run(full_command)  # warm-up: file caches, bytecode cache
        workspace.run(empty_command)
        for _ in range(repetitions):
            started_cpu = time.process_time()
            bare.append(area.bare(target))
            bare_cpu.append(time.process_time() - started_cpu)
            started_cpu = _children_cpu()
            empty_wall.append(workspace.run(empty_command)[0])
            empty_cpu.append(_children_cpu() - started_cpu)
            empty_split.append(workspace.output("empty"))
            started_cpu = _children_cpu()
            elapsed, failures = workspace.run(full_command)
            full_cpu.append(_children_cpu() - started_cpu)
            full_wall.append(elapsed)
            full_split.append(workspace.output(outputdir))
            failed.add(failures)
    runs = list(zip([b.total for b in bare], empty_wall, full_wall, empty_split, full_split, bare))
    floor = Stats.of(b + e for b, e, *_ in runs)
    ratio = Stats.of(f / (b + e) for b, e, f, *_ in runs)
    overhead = Stats.of((f - b - e) / test_count for b, e, f, *_ in runs)
    note = "" if failed == {0} else f" ({'/'.join(map(str, sorted(failed)))} tests failed)"
    return [
        Row(f"{name}: {area.bare_label}", Stats.of(b for b, *_ in runs), "s"),
        Row(f"{name}: robot, {test_count} empty tests", Stats.of(empty_wall), "s"),
        Row(f"{name}: floor (bare + empty robot)", floor, "s"),
        Row(f"{name}: full suite{note}", Stats.of(full_wall), "s"),
        Row(f"{name}: full suite / floor", ratio, "x", f"<= {FLOOR_RATIO_TARGET}", ratio.median <= FLOOR_RATIO_TARGET),
        *([Row(f"{name}:   the same with the cases' pauses ({pauses:.0f} s) left out of both", Stats.of(
            (f - bt.pauses - bt.keyword_pauses) / (b + e - bt.pauses - bt.keyword_pauses)
            for b, e, f, *_, bt in runs), "x")] if (pauses := bare[0].pauses + bare[0].keyword_pauses) else []),
        Row(f"{name}: overhead per test", overhead, "ms", f"<= {OVERHEAD_TARGET * 1000:g} ms",
            overhead.median <= OVERHEAD_TARGET),
        Row(f"{name}:   outside tests (start, imports, setups, output)", Stats.of(
            ((f - fs.tests) - (e - es.tests)) / test_count for _, e, f, es, fs, _ in runs), "ms"),
        Row(f"{name}:   in Robot keyword frames", Stats.of(
            (fs.tests - es.tests - fs.library - fs.pauses) / test_count for *_, es, fs, _ in runs), "ms"),
        Row(f"{name}:   in library keywords beyond the wire", Stats.of(
            (fs.library - fs.exchanges - (bt.frames - bt.pauses)) / test_count for *_, fs, bt in runs), "ms"),
        Row(f"{name}:   on the wire beyond the bare loop", Stats.of(
            (fs.exchanges + fs.pauses - bt.handshakes - bt.pauses) / test_count for *_, fs, bt in runs), "ms"),
        # CPU time leaves out the waits that other work on the machine adds to the wall times above.
        Row(f"{name}: CPU time, full suite / floor", Stats.of(
            f / (b + e) for b, e, f in zip(bare_cpu, empty_cpu, full_cpu)), "x"),
        Row(f"{name}: CPU time, overhead per test", Stats.of(
            (f - b - e) / test_count for b, e, f in zip(bare_cpu, empty_cpu, full_cpu)), "ms"),
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


def measure_silent(repetitions: int, chosen: Sequence[str], workspace: Workspace, server_kind: str = "silent",
                   suites: Path = SUITES, label: str = "silent server",
                   timeouts: dict[str, float] | None = None) -> list[Row]:
    """Per-test time of the ``chosen`` cases against a server of ``server_kind`` that leaves every wait unanswered.

    Each test must end within its timeout (``SILENT_TIMEOUT``, or the
    case's own from ``timeouts``) and the tolerance; the row's note names
    the tests that did not. The row's figures are each test's time over
    its timeout.
    """
    timeouts = timeouts or {}
    selection = [argument for case_id in chosen for argument in ("--test", case_id)]
    low, high = 1 - TIMEOUT_TOLERANCE, 1 + TIMEOUT_TOLERANCE
    per_test: list[float] = []
    outside: set[str] = set()
    with ServerProcess(server_kind) as server:
        command = workspace.suites(server_kind, server.urls[0], "--variable", f"TIMEOUT:{SILENT_TIMEOUT:g}s",
                                   *selection, suites=suites)
        for _ in range(repetitions):
            workspace.run(command)
            for test in ExecutionResult(str(workspace.scratch / server_kind / "output.xml")).suite.all_tests:
                timeout = timeouts.get(test.name, SILENT_TIMEOUT)
                per_test.append(test.elapsed_time.total_seconds() / timeout * SILENT_TIMEOUT)
                if not low <= per_test[-1] / SILENT_TIMEOUT <= high:
                    outside.add(f"{test.name} ({test.elapsed_time.total_seconds():.3f} s of {timeout:g} s)")
    own = [name for name in chosen if timeouts.get(name, SILENT_TIMEOUT) != SILENT_TIMEOUT]
    scaled = f"; {len(own)} at its own timeout, scaled" if own else ""
    note = f"outside the tolerance: {', '.join(sorted(outside))}" if outside else ""
    return [Row(f"{label}, TIMEOUT={SILENT_TIMEOUT:g}s: per test ({len(chosen)} tests x {repetitions}{scaled})",
                Stats.of(per_test), "s", f"{SILENT_TIMEOUT * low:.2f}-{SILENT_TIMEOUT * high:.2f} s",
                not outside, note)]


def bare_echoes(target: Target, opcode: int, unit: bytes, repeat: int, rounds: int, timeout: float = 30.0) -> float:
    """Seconds for ``rounds`` echoes of ``unit * repeat`` on one connection: build, frame, mask, send, read, compare.

    The handshake before and the Close after are not timed, as the keyword
    figures leave out ``Open WebSocket`` and ``Close WebSocket``. Masking
    is the library's :func:`~WsComplianceLibrary.wire.websocket.mask`, the
    fastest pure-Python way ``bench/masking.py`` found.
    """
    request = build_upgrade_request("GET", target.path, target.authority, key=new_key())
    with socket.create_connection((target.host, target.port), timeout=timeout) as connection:
        pending = _bare_handshake(connection, request, "bulk echo")
        started = time.perf_counter()
        for _ in range(rounds):
            payload = unit * repeat
            key = os.urandom(4)
            size = len(payload)
            connection.sendall(_masked_header(0x80 | opcode, size) + key)
            connection.sendall(mask(payload, key))
            echo, pending = _bare_message(connection, pending)
            if echo != payload:
                raise RuntimeError(f"The server's echo differs from the {size}-byte message sent.")
        elapsed = time.perf_counter() - started
        _close_and_drain(connection)
    return elapsed


def _close_and_drain(connection: socket.socket) -> None:
    """Send a Close 1000 and read until the server closes the TCP connection."""
    connection.sendall(closing_frame())
    while connection.recv(65536):
        pass


def _masked_header(first: int, size: int) -> bytes:
    """A client frame's header up to its masking key: the ``first`` byte (FIN, RSV, opcode), MASK and the length."""
    if size <= 125:
        return bytes((first, 0x80 | size))
    if size <= 0xFFFF:
        return bytes((first, 0x80 | 126)) + size.to_bytes(2, "big")
    return bytes((first, 0x80 | 127)) + size.to_bytes(8, "big")


def _bare_message(connection: socket.socket, pending: bytearray) -> tuple[bytes, bytearray]:
    """The next data message's payload (control frames skipped), and the bytes received after it."""
    parts: list[bytes] = []

    def take(count: int) -> bytes:
        nonlocal pending
        if len(pending) >= count:
            data, pending = bytes(pending[:count]), pending[count:]
            return data
        buffer = bytearray(count)
        view = memoryview(buffer)
        view[:len(pending)] = pending
        filled, pending = len(pending), bytearray()
        while filled < count:
            got = connection.recv_into(view[filled:])
            if not got:
                raise RuntimeError("The server closed the connection in the middle of a message.")
            filled += got
        return bytes(buffer) if count < 4096 else buffer

    while True:
        first, second = take(2)
        length = second & 0x7F
        if length >= 126:
            length = int.from_bytes(take(2 if length == 126 else 8), "big")
        payload = take(length) if length else b""
        if first & 0x08:  # a control frame: not part of the message
            continue
        parts.append(payload)
        if first & 0x80:
            return (parts[0] if len(parts) == 1 else b"".join(parts)), pending


def measure_bulk(repetitions: int, workspace: Workspace) -> list[Row]:
    """Big echoes and many small round trips through the frame keywords, against a bare loop, on one server.

    A generated suite runs ``Send Message`` and ``Message Should Be
    Echoed`` for a 16 MiB text message, a 16 MiB binary message, and
    :data:`ROUND_TRIPS` small text messages; their time is the two
    keywords' elapsed time in output.xml. The bare loop does the same
    framing and masking on a plain socket.
    """
    tests = (
        ("Text 16 MiB", f"text    payload=*    repeat={BULK_SIZE}", 1),
        ("Binary 16 MiB", f"binary    payload_hex=fe    repeat={BULK_SIZE}", 1),
        (f"{ROUND_TRIPS} Round Trips", f"text    payload={ROUND_TRIP_TEXT}", ROUND_TRIPS),
    )
    bare_calls = (
        lambda target: bare_echoes(target, TEXT, b"*", BULK_SIZE, 1),
        lambda target: bare_echoes(target, BINARY, b"\xfe", BULK_SIZE, 1),
        lambda target: bare_echoes(target, TEXT, ROUND_TRIP_TEXT.encode(), 1, ROUND_TRIPS),
    )
    labels = ("bulk: 16 MiB text echo", "bulk: 16 MiB binary echo",
              f"bulk: {ROUND_TRIPS} round trips ({len(ROUND_TRIP_TEXT)} bytes)")
    bare: list[list[float]] = [[] for _ in tests]
    keywords: list[list[float]] = [[] for _ in tests]
    loops, robot_own, one_call = [], [], []
    with ServerProcess("reference") as server:
        target = parse_target(server.urls[0])
        suite = workspace.scratch / "bulk.robot"
        suite.write_text(bulk_suite("WsComplianceLibrary", server.urls[0], tests, ROUND_TRIPS,
                                    one_call=(f"text    payload={ROUND_TRIP_TEXT}", ROUND_TRIPS)))
        command = workspace.robot("bulk", str(suite))
        workspace.run(command)  # warm-up
        for _ in range(repetitions):
            for index, call in enumerate(bare_calls):
                bare[index].append(call(target))
            _, failures = workspace.run(command)
            if failures:
                raise SystemExit(f"The bulk suite failed {failures} tests: see {workspace.scratch / 'bulk'}.")
            result = ExecutionResult(str(workspace.scratch / "bulk" / "output.xml")).suite
            for index, test in enumerate(result.tests[:len(tests)]):
                keywords[index].append(keyword_seconds(test, BULK_KEYWORDS))
            loops.append(next(step for step in result.tests[len(tests) - 1].body
                              if step.type == "FOR").elapsed_time.total_seconds())
            robot_own.append(keyword_seconds(result.tests[-1], ["No Operation"], "BuiltIn"))
            one_call.append(keyword_seconds(result.tests[len(tests)], ["Round Trips Should Be Echoed"]))
    rows: list[Row] = []
    for index, (label, own, theirs) in enumerate(zip(labels, keywords, bare)):
        ratio = Stats.of(k / b for k, b in zip(own, theirs))
        rows += [Row(f"{label}: bare loop", Stats.of(theirs), "s"),
                 Row(f"{label}: keywords (output.xml)", Stats.of(own), "s")]
        if index < len(labels) - 1:
            rows.append(Row(f"{label}: keywords / bare loop", ratio, "x", f"<= {BULK_RATIO_TARGET}",
                            ratio.median <= BULK_RATIO_TARGET))
        else:  # two keyword calls per round trip: Robot's own cost decides; the suites make one call
            rows.append(Row(f"{label}: Send Message + Message Should Be Echoed each / bare loop", ratio, "x"))
            one_ratio = Stats.of(k / b for k, b in zip(one_call, theirs))
            rows += [Row(f"{label}: Round Trips Should Be Echoed (one call)", Stats.of(one_call), "s"),
                     Row(f"{label}: one call / bare loop", one_ratio, "x", f"<= {BULK_RATIO_TARGET}",
                         one_ratio.median <= BULK_RATIO_TARGET)]
    rows += [
        Row(f"{labels[-1]}:   Robot's own cost of {2 * ROUND_TRIPS} keyword calls (No Operation)",
            Stats.of(robot_own), "s"),
        Row(f"{labels[-1]}:   keywords beyond Robot's own cost / bare loop",
            Stats.of((k - r) / b for k, r, b in zip(keywords[-1], robot_own, bare[-1])), "x"),
        Row(f"{labels[-1]}:   whole FOR loop (Robot's iterations too)", Stats.of(loops), "s"),
    ]
    return rows


def bare_compressed_echoes(target: Target, kind: str, opcode: int, size: int, rounds: int,
                           timeout: float = 30.0) -> float:
    """Seconds for ``rounds`` compressed echoes of ``kind`` sample data, the same messages the keyword sends.

    The loop offers Autobahn's offer (client_no_context_takeover), then for
    each message compresses it with a fresh raw-DEFLATE compressor, strips
    the sync tail, frames and masks it with RSV1, reads the echo and
    inflates it with one decompressor kept across messages (the server's
    context), and compares. The handshake and the Close are not timed.
    """
    request = build_upgrade_request("GET", target.path, target.authority, key=new_key(),
                                    headers=[("Sec-WebSocket-Extensions", AUTOBAHN_OFFER)])
    messages = sample_data.messages(kind, size)
    with socket.create_connection((target.host, target.port), timeout=timeout) as connection:
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        connection.sendall(request)
        received = bytearray()
        while b"\r\n\r\n" not in received:
            received += connection.recv(65536)
        head, _, rest = bytes(received).partition(b"\r\n\r\n")
        pending = bytearray(rest)
        # The window the server lets the client use (websockets names 12 bits), else the default 15.
        named = re.search(rb"client_max_window_bits=(\d+)", head)
        bits = int(named.group(1)) if named else 15
        inflater = zlib.decompressobj(-15)
        started = time.perf_counter()
        for _, payload in zip(range(rounds), messages):
            deflater = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -bits)
            compressed = (deflater.compress(payload) + deflater.flush(zlib.Z_SYNC_FLUSH))[:-4]
            key = os.urandom(4)
            connection.sendall(_masked_header(0xC0 | opcode, len(compressed)) + key + mask(compressed, key))
            echo, pending = _bare_message(connection, pending)
            if inflater.decompress(echo + b"\x00\x00\xff\xff") != payload:
                raise RuntimeError(f"The server's echo differs from the {size}-byte message sent.")
        elapsed = time.perf_counter() - started
        _close_and_drain(connection)
    return elapsed


def measure_compressed(repetitions: int, workspace: Workspace) -> list[Row]:
    """Compressed round trips of 128 KiB through ``Round Trips Should Be Echoed``, against a bare loop doing the same.

    The keyword's time is its elapsed time in output.xml (one call per
    row, as each Autobahn 12.x and 13.x case makes); the bare loop
    compresses, frames, masks, sends, reads and inflates the same messages
    on a plain socket. The server is the reference server (websockets, which
    agrees to permessage-deflate).
    """
    names = [f"Compressed {kind} {COMPRESSED_SIZE // 1024} KiB" for _, kind in COMPRESSED_KINDS]
    lines = ["*** Settings ***", "Library    WsComplianceLibrary", "Suite Setup    Set Target URL    {url}", "",
             "*** Test Cases ***"]
    for name, (type_, kind) in zip(names, COMPRESSED_KINDS):
        lines += [name, f"    Open WebSocket    extensions={AUTOBAHN_OFFER}",
                  f"    Round Trips Should Be Echoed    {COMPRESSED_ROUND_TRIPS}    {type_}    data={kind}    "
                  f"length={COMPRESSED_SIZE}", "    Close WebSocket"]
    bare: list[list[float]] = [[] for _ in names]
    keywords: list[list[float]] = [[] for _ in names]
    with ServerProcess("reference") as server:
        target = parse_target(server.urls[0])
        suite = workspace.scratch / "compressed.robot"
        suite.write_text("\n".join(lines).replace("{url}", server.urls[0]) + "\n")
        command = workspace.robot("compressed", str(suite))
        workspace.run(command)  # warm-up
        for _ in range(repetitions):
            for index, (type_, kind) in enumerate(COMPRESSED_KINDS):
                opcode = TEXT if type_ == "text" else BINARY
                bare[index].append(bare_compressed_echoes(target, kind, opcode, COMPRESSED_SIZE,
                                                          COMPRESSED_ROUND_TRIPS))
            _, failures = workspace.run(command)
            if failures:
                raise SystemExit(f"The compressed suite failed {failures} tests: see "
                                 f"{workspace.scratch / 'compressed'}.")
            result = ExecutionResult(str(workspace.scratch / "compressed" / "output.xml")).suite
            for index, test in enumerate(result.tests):
                keywords[index].append(keyword_seconds(test, ["Round Trips Should Be Echoed"]))
    rows: list[Row] = []
    for name, own, theirs in zip(names, keywords, bare):
        label = f"compressed: {COMPRESSED_ROUND_TRIPS} round trips of {name.removeprefix('Compressed ')}"
        ratio = Stats.of(k / b for k, b in zip(own, theirs))
        rows += [Row(f"{label}: bare loop", Stats.of(theirs), "s"),
                 Row(f"{label}: Round Trips Should Be Echoed", Stats.of(own), "s"),
                 Row(f"{label}: keyword / bare loop", ratio, "x", f"<= {BULK_RATIO_TARGET}",
                     ratio.median <= BULK_RATIO_TARGET)]
    return rows


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
    parser.add_argument("--parts", nargs="+", choices=PARTS, default=list(PARTS),
                        help="what to measure (default: everything)")
    arguments = parser.parse_args(argv)
    if arguments.quick:
        arguments.repetitions = 2
    if arguments.repetitions < 1 or arguments.silent_per_family < 1 or min(arguments.targets) < 1:
        parser.error("repetitions, silent cases per family and target counts must be at least 1")
    return arguments


PARTS = ("handshake", "embedded", "silent", "parallel", "frames", "bulk", "mute", "compressed")
"""What ``--parts`` can pick: the handshake rows, the frame rows (floor, bulk, silent after the handshake), the compressed rows."""


def main(argv: Sequence[str] = ()) -> int:
    """Measure everything and print the table; 1 when a target was missed."""
    arguments = parse_arguments(argv)
    parts = set(arguments.parts)
    test_count = len(list(TestSuiteBuilder().build(str(SUITES)).all_tests))
    frame_tests = frame_test_ids() if parts & {"frames", "mute"} else []
    print(f"Machine: {machine()}; {load()} at start")
    print(f"Suites: {test_count} handshake tests ({len(CASES)} catalogue cases), {len(frame_tests)} frame tests "
          f"without 'slow'; {arguments.repetitions} repetitions; medians with min and max.\n", flush=True)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="ws-bench-") as directory:
        workspace = Workspace(Path(directory))
        empty = workspace.scratch / "empty_tests.robot"
        empty.write_text(empty_suite(test_count))
        if "handshake" in parts:
            rows += [row for kind in ("reference", "aiohttp")
                     for row in measure_target(kind, arguments.repetitions, workspace, empty, test_count)]
        if "embedded" in parts:
            rows += measure_embedded(arguments.repetitions, workspace)
        if "silent" in parts:
            rows += measure_silent(arguments.repetitions, sample_cases(CASES, arguments.silent_per_family),
                                   workspace)
        if "parallel" in parts:
            rows += measure_parallel(arguments.repetitions, arguments.targets, workspace)
        if "frames" in parts:
            cases = frame_cases(frame_tests)
            derived = sum(frame_probe(case).derived for case in cases)
            empty_frames = workspace.scratch / "empty_frame_tests.robot"
            empty_frames.write_text(empty_suite(len(frame_tests)))
            area = frame_area(lambda: [frame_probe(case) for case in cases], derived, len(cases))
            rows += measure_target("reference", arguments.repetitions, workspace, empty_frames, len(frame_tests),
                                   area)
        if "bulk" in parts:
            rows += measure_bulk(arguments.repetitions, workspace)
        if "compressed" in parts:
            rows += measure_compressed(arguments.repetitions, workspace)
        if "mute" in parts:
            cases = frame_cases(frame_tests)
            chosen = sample_cases(cases, arguments.silent_per_family)
            rows += measure_silent(arguments.repetitions, chosen, workspace, "mute", FRAME_SUITES,
                                   "frames, silent after the handshake",
                                   {case.id: case_timeout(case, SILENT_TIMEOUT) for case in cases})
    print(render_table(rows))
    for row in rows:
        if row.note:
            print(f"{row.label}: {row.note}")
    print(f"\n{load()} at the end")
    return 0 if all(row.met is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
