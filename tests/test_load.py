"""Twenty robot processes at once against one target: identical verdicts, bounded time, nothing exhausted.

The measured wall times are printed (``pytest -s``) and recorded as test
properties (``--junitxml``); they are figures, not assertions, apart from a
generous bound that only a hang would break.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from robotrun import RunResult, run_robot
from servers import BEHAVIOURS, FixtureServer

# Twenty robot processes at once take the 2 CPUs for about half a minute: run with --run-slow.
pytestmark = pytest.mark.slow

PROCESSES = 20
SUITE = "suites/handshake/upgrade_method.robot"
TIMEOUT = 0.5


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def run_in_parallel(outputdir: Path, url: str, timeout: str | None = None) -> tuple[list[RunResult], float]:
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=PROCESSES) as pool:
        runs = [pool.submit(run_robot, outputdir / f"run{index}", SUITE, url=url, timeout=timeout)
                for index in range(PROCESSES)]
        results = [run.result() for run in runs]
    return results, time.monotonic() - started


def verdicts(result: RunResult) -> dict[str, tuple[str, str]]:
    return {name: (verdict.status, verdict.message) for name, verdict in result.verdicts.items()}


@pytest.mark.parametrize(
    ("behaviour", "status", "timeout"),
    [("answer-405-unless-get", "PASS", None), ("never-answer", "FAIL", f"{TIMEOUT}s")],
    ids=["refusing-server", "hanging-server"],
)
def test_twenty_parallel_runs_agree(tmp_path, record_property, behaviour, status, timeout):
    before = open_fds()
    with FixtureServer(BEHAVIOURS[behaviour]) as server:
        results, wall = run_in_parallel(tmp_path, server.url, timeout)
    after = open_fds()
    first = verdicts(results[0])
    cases = len(first)
    slowest_run = max(sum(verdict.elapsed for verdict in result.verdicts.values()) for result in results)
    print(f"\n{PROCESSES} parallel runs of {SUITE} ({cases} cases) against {behaviour}: "
          f"wall {wall:.2f} s, slowest run's tests {slowest_run:.2f} s")
    record_property("wall_seconds", round(wall, 3))
    record_property("slowest_run_seconds", round(slowest_run, 3))
    assert cases > 0 and {verdict[0] for verdict in first.values()} == {status}
    assert all(verdicts(result) == first for result in results), "verdicts differ between parallel runs"
    assert all("Traceback" not in result.console for result in results)
    assert after == before, "descriptors left open after the runs"
    # Only a hang or exhaustion breaks this: each case is bounded by the timeout (0.5 s or an answer).
    assert wall < 120
