"""Hostile servers after the 101: every one gets a one-sentence verdict in bounded time, without leaking a descriptor.

Each behaviour of :mod:`hostile_frame_servers` is met by the frame keywords
called in this process (all behaviours at once, a few at a time, their
servers in a child process so floods do not take this process's GIL), by a
real ``robot`` run of a small suite against a few of them (verdicts from
output.xml, nothing unescaped in log.html), and, for the announcements of
2^63 - 1 and 2^62 bytes, by a memory measurement in a child process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from hostile_frame_servers import BY_NAME, CONTROL, HELLO, HOSTILE_FRAMES, HostileFrames, serving
from robot.api import ExecutionResult, ResultVisitor, logger
from robot.api.exceptions import SkipExecution
from robot.libraries.BuiltIn import RobotNotRunningError
from robotrun import ROOT, RunResult, run_robot
from test_logging import FORBIDDEN_TAGS, rendered, robot_strings

from WsComplianceLibrary import WsComplianceLibrary

TIMEOUT = 0.5
BOUND = TIMEOUT + 0.5
"""A case ends within the timeout plus half a second, whatever the server does."""

SUITE = Path(__file__).resolve().parent / "robot" / "hostile_frames.robot"
MEMORY_LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True)
class Met:
    """How a scenario ended: the status, the judging keyword's message, and the seconds from Open WebSocket on.

    A passing keyword's message is the last it logged; ``warning`` marks
    one logged as a warning (Autobahn's non-strict grades).
    """

    status: str
    message: str
    elapsed: float
    warning: bool = False


_LOGGED = threading.local()


def _capturing(level: str):
    """Robot's logger function for ``level``, also keeping each message in the calling thread's list, if any."""
    original = getattr(logger, level)

    def log(msg, *args, **kwargs):
        messages = getattr(_LOGGED, "messages", None)
        if messages is None:
            return original(msg, *args, **kwargs)
        messages.append((level, str(msg)))
        return None

    log.capturing = True
    return log


def _capture_logging() -> None:
    """Route Robot's logger.info and logger.warn through :func:`_capturing` (once; a pass-through elsewhere)."""
    if not getattr(logger.info, "capturing", False):
        logger.info, logger.warn = _capturing("info"), _capturing("warn")


def call(library: WsComplianceLibrary, name: str, *args, **kwargs):
    """Run a keyword by the name a suite uses, as Robot's dynamic API would."""
    registered = {key.replace("_", " ").lower(): key for key in library.get_keyword_names()}
    return library.run_keyword(registered[name.lower()], list(args), kwargs)


def meet(hostile: HostileFrames, url: str, timeout: float = TIMEOUT) -> Met:
    """Run the behaviour's scenario through the library, as a suite's test would, and close the connection after.

    Waits for the library's background echo probe too, so that every
    socket the library opened is closed when this returns.
    """
    _capture_logging()
    library = WsComplianceLibrary(url=url, timeout=timedelta(seconds=timeout))
    _LOGGED.messages = messages = []
    started = time.monotonic()
    try:
        call(library, "Open WebSocket")
        if hostile.scenario == "echo":
            call(library, "Send Message", "text", HELLO)
            judge = "Message Should Be Echoed"
        else:
            call(library, "Send Close", 1000)
            judge = "Server Should Close Cleanly"
        del messages[:]
        try:
            call(library, judge)
        except RobotNotRunningError:
            # A warning tags the running test, and there is none outside Robot: the warning was logged first.
            assert any(level == "warn" for level, _ in messages), messages
        verdicts = [item for item in messages if item[1].startswith("The server")]
        status, message = "PASS", verdicts[-1][1] if verdicts else ""
    except AssertionError as error:
        status, message = "FAIL", str(error)
    except SkipExecution as error:
        status, message = "SKIP", str(error)
    except Exception as error:  # noqa: BLE001 - anything else is a bug the test reports
        status, message = "ERROR", f"{type(error).__name__}: {error}"
    finally:
        elapsed = time.monotonic() - started
        call(library, "Close WebSocket")
        wait(list(library._context._echo_probes.values()), timeout=10)
        _LOGGED.messages = None
    return Met(status, message, elapsed, status == "PASS" and any(level == "warn" for level, _ in messages))


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def assert_one_clear_sentence(message: str) -> None:
    """One printable line ending in a full stop: no traceback, no raw server bytes, no control characters."""
    assert message.endswith("."), message
    assert message.isprintable(), repr(message)
    assert "\n" not in message and "Traceback" not in message, message
    assert len(message) < 600, message


@pytest.fixture(scope="module")
def matrix() -> tuple[dict[str, Met], int, int]:
    """Every behaviour met once, four at a time; the descriptors open before and after."""
    with serving() as urls:
        meet(BY_NAME["ping-flood-then-echo"], urls["ping-flood-then-echo"])  # warm-up: imports, lazy allocations
        before = open_fds()
        with ThreadPoolExecutor(max_workers=4) as pool:
            runs = {hostile.name: pool.submit(meet, hostile, urls[hostile.name]) for hostile in HOSTILE_FRAMES}
            results = {name: run.result() for name, run in runs.items()}
        after = open_fds()
    return results, before, after


@pytest.mark.parametrize("hostile", HOSTILE_FRAMES, ids=[hostile.name for hostile in HOSTILE_FRAMES])
def test_keywords_against_a_hostile_frame_server(hostile: HostileFrames, matrix):
    met = matrix[0][hostile.name]
    assert met.status == hostile.verdict, met
    assert hostile.phrase in met.message, met.message
    assert_one_clear_sentence(met.message)
    assert met.elapsed < BOUND, f"{hostile.name}: {met.elapsed:.3f} s"
    if hostile.at_timeout:
        assert met.elapsed >= TIMEOUT, f"{hostile.name}: {met.elapsed:.3f} s"
    assert met.warning == hostile.warning, met


def test_no_descriptor_is_left_open_by_the_whole_matrix(matrix):
    _, before, after = matrix
    assert after == before, "a descriptor was left open"


# --- a real robot run -----------------------------------------------------------------------------------------

ROBOT_RUNS = ["announce-2^63-1", "ping-flood", "empty-ping-flood", "stall-mid-frame", "reset-mid-frame", "101-then-http",
              "markup-payload", "close-reason-markup", "close-never-answered"]


@pytest.fixture(scope="module")
def robot_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, RunResult]:
    """The small suite against a few behaviours, two robot processes at a time (the machine has two cores)."""
    root = tmp_path_factory.mktemp("hostile-frames")
    with serving(ROBOT_RUNS) as urls, ThreadPoolExecutor(max_workers=2) as pool:
        runs = {name: pool.submit(run_robot, root / name.replace("^", ""), SUITE, url=urls[name],
                                  timeout=f"{TIMEOUT}s", options=("--test", _test_for(BY_NAME[name])))
                for name in ROBOT_RUNS}
        return {name: run.result() for name, run in runs.items()}


class _Verdicts(ResultVisitor):
    def __init__(self) -> None:
        self.texts: list[str] = []

    def visit_message(self, message) -> None:  # noqa: ANN001 - robot's own type
        if message.level in ("INFO", "WARN") and not message.html and message.message.startswith("The server"):
            self.texts.append(message.message)


def verdict_logged(output: Path, test_name: str) -> str:
    """The verdict a passing judge logged (plain INFO or WARN, starting "The server"), from output.xml."""
    test = next(test for test in ExecutionResult(str(output)).suite.all_tests if test.name == test_name)
    messages = _Verdicts()
    test.visit(messages)
    return messages.texts[-1]


def _test_for(hostile: HostileFrames) -> str:
    return "Message Is Echoed" if hostile.scenario == "echo" else "Server Closes Cleanly"


@pytest.mark.parametrize("name", ROBOT_RUNS)
def test_robot_run_against_a_hostile_frame_server(name: str, robot_runs: dict[str, RunResult]):
    hostile = BY_NAME[name]
    result = robot_runs[name]
    verdict = result.verdicts[_test_for(hostile)]
    assert verdict.status == hostile.verdict, (verdict, result.console)
    message = verdict.message if verdict.status == "FAIL" else verdict_logged(result.output, _test_for(hostile))
    assert hostile.phrase in message, message
    assert_one_clear_sentence(message)
    assert verdict.elapsed < BOUND, f"{verdict.elapsed:.3f} s"
    assert "Traceback" not in result.console
    assert "Traceback" not in result.output.read_text(encoding="utf-8")
    log = result.output.parent / "log.html"
    raw = log.read_bytes().decode("utf-8")  # strict: no invalid UTF-8 reached the page
    assert "\x1b" not in raw and "<script>alert" not in raw and "<img src=x" not in raw
    markup = rendered(robot_strings(log))
    for tag, attributes in markup.tags:
        assert tag not in FORBIDDEN_TAGS, (tag, attributes)
        for attribute, value in attributes:
            assert not attribute.startswith("on"), (tag, attributes)
            assert not (value or "").strip().lower().startswith(("javascript:", "data:")), (tag, attributes)
    text = "".join(markup.text)
    assert "\x1b" not in text
    if name.endswith("markup"):
        # The payloads arrived and are shown as text: the checks above are not vacuous.
        assert "<script>alert(1)</script>" in text and "\\x1b[31mred" in text


# --- memory -----------------------------------------------------------------------------------------------------

MEMORY_PROBE = r"""
import json, resource, sys, tracemalloc
sys.path.insert(0, sys.argv[2])
from hostile_frame_servers import BY_NAME
from test_hostile_frames import meet


def resident() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


url, name = sys.argv[1], sys.argv[3]
with open("/proc/self/clear_refs", "w") as clear:
    clear.write("5")  # resets the peak RSS (ru_maxrss) to the current RSS
before = resident()
met = meet(BY_NAME[name], url)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tracemalloc.start()
meet(BY_NAME[name], url)
traced = tracemalloc.get_traced_memory()[1]
print(json.dumps({"rss_growth": (peak - before) * 1024, "traced_peak": traced, "status": met.status,
                  "message": met.message}))
"""


def measure_memory(name: str) -> dict:
    """Peak RSS growth and tracemalloc peak of a fresh Python process (library imported) meeting ``name``.

    The first meeting gives the RSS growth: the peak RSS during it
    (``ru_maxrss``, its high-water mark reset through /proc/self/clear_refs
    just before) minus the RSS before it, so imports do not count and lazy
    allocations do. A second, under tracemalloc, gives the peak of Python
    allocations.
    """
    with serving([name]) as urls:
        completed = subprocess.run(
            [sys.executable, "-c", MEMORY_PROBE, urls[name], str(Path(__file__).parent), name],
            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout.splitlines()[-1])


@pytest.fixture(scope="module")
def control_memory() -> dict:
    """The same keywords against a well-behaved echo server: the run without an announcement."""
    control = measure_memory(CONTROL.name)
    assert control["status"] == "PASS", control
    return control


@pytest.mark.parametrize("name", ["announce-2^63-1", "announce-2^63-1-slowly", "announce-2^62", "endless-fragmented"])
def test_announced_lengths_cost_no_memory(name: str, control_memory: dict, record_property):
    announced = measure_memory(name)
    print(f"\n{name}: peak RSS growth {announced['rss_growth'] / 2**20:.1f} MiB (control "
          f"{control_memory['rss_growth'] / 2**20:.1f} MiB, difference "
          f"{(announced['rss_growth'] - control_memory['rss_growth']) / 2**20:.1f} MiB), traced peak "
          f"{announced['traced_peak'] / 2**20:.2f} MiB (control {control_memory['traced_peak'] / 2**20:.2f} MiB)")
    record_property("rss_growth_bytes", announced["rss_growth"])
    record_property("control_rss_growth_bytes", control_memory["rss_growth"])
    assert announced["status"] == "FAIL" and BY_NAME[name].phrase in announced["message"], announced
    assert announced["rss_growth"] - control_memory["rss_growth"] < MEMORY_LIMIT
    assert announced["traced_peak"] < MEMORY_LIMIT


# --- keywords called while a flood goes on ------------------------------------------------------------------------

FLOODED = [
    ("Message Should Be Echoed",),
    ("Send Message", "text", "again"),
    ("Send Ping", "are you there"),
    ("Server Should Close Cleanly",),
]


@pytest.mark.parametrize("keyword", FLOODED, ids=[keyword[0] for keyword in FLOODED])
@pytest.mark.parametrize("flood", ["empty-ping-flood", "pongs-forever", "small-messages-forever"])
def test_keywords_stay_bounded_while_the_server_floods(flood: str, keyword: tuple):
    """Each keyword, called once the flood runs, returns or fails within the bound: a flood cannot hold it.

    Before 8f67be4 the keywords that poll first (Send Message, Send Ping,
    Server Should Close Cleanly) did not return while an unthrottled flood
    lasted, whenever the client read slower than the server wrote, and
    kept every PING read. A watchdog stops the server after the bound plus
    a second, which ends any flood, so a keyword that hangs cannot hang the
    test run: it returns once it has read what the flood left buffered.
    """
    _capture_logging()
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        with serving([flood]) as urls:
            library = WsComplianceLibrary(url=urls[flood], timeout=timedelta(seconds=TIMEOUT))
            call(library, "Open WebSocket")
            call(library, "Send Message", "text", HELLO)  # the flood starts on this message
            time.sleep(0.1)
            started = time.monotonic()
            running = pool.submit(_run_quietly, library, *keyword)
            done, _ = wait([running], timeout=BOUND + 1)
            elapsed = time.monotonic() - started
    finally:
        pool.shutdown(wait=True)
    call(library, "Close WebSocket")
    assert done, f"{keyword[0]} was still running after {elapsed:.1f} s of a flood"
    result = running.result()
    assert elapsed < BOUND, f"{keyword[0]}: {elapsed:.3f} s ({result})"
    assert not isinstance(result, Exception) or isinstance(result, AssertionError), repr(result)


def _run_quietly(library: WsComplianceLibrary, name: str, *args):
    _LOGGED.messages = []
    try:
        return call(library, name, *args)
    except Exception as error:  # noqa: BLE001 - the caller checks which
        return error
    finally:
        _LOGGED.messages = None
