"""Twenty robot processes at once running frame cases against one server: same verdicts, bounded time, nothing exhausted.

The subset is suites/frames/rfc_rules.robot (22 cases), not every frame
suite: twenty parallel runs of all of them with ``--exclude slow`` (268
cases) take 2 cores about two minutes against the reference server and far
longer against a stalling one, which is too much for every pytest run
(docs/hostile-frame-peers.md has the one-off figures). rfc_rules.robot is
the suite that uses every judging keyword (Message Should Be Echoed, Pong
Should Answer Ping through pings between fragments, Connection Should Be
Failed with codes 1002, 1007 and 1009, Server Should Close Cleanly through
the templates' closing handshake) and the oddest frames the library writes
(64-bit lengths with the top bit set, unmasked frames, masking keys).

The servers: the embedded reference server, and one that answers the
handshake correctly and then neither reads nor writes (every case ends at
the timeout, or is skipped because the target does not echo). The measured
wall times are printed (``pytest -s``) and recorded as test properties;
they are figures, not assertions, apart from a bound only a hang would
break.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
from hostile_frame_servers import stall_after_handshake
from robotrun import RunResult, run_robot
from servers import FixtureServer

from WsComplianceLibrary.reference_server import ReferenceServer

# Twenty robot processes at once take the 2 CPUs for about half a minute: run with --run-slow.
pytestmark = pytest.mark.slow

PROCESSES = 20
SUITE = "suites/frames/rfc_rules.robot"
TIMEOUT = "0.5s"


@contextmanager
def reference() -> Iterator[str]:
    with ReferenceServer() as server:
        yield server.url


@contextmanager
def stalling() -> Iterator[str]:
    with FixtureServer(stall_after_handshake) as server:
        yield server.url


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def run_in_parallel(outputdir: Path, url: str) -> tuple[list[RunResult], float]:
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=PROCESSES) as pool:
        runs = [pool.submit(run_robot, outputdir / f"run{index}", SUITE, url=url, timeout=TIMEOUT,
                            options=("--exclude", "slow"))
                for index in range(PROCESSES)]
        results = [run.result() for run in runs]
    return results, time.monotonic() - started


def verdicts(result: RunResult) -> dict[str, tuple[str, str]]:
    return {name: (verdict.status, verdict.message) for name, verdict in result.verdicts.items()}


@pytest.mark.skipif(not Path(__file__).resolve().parent.parent.joinpath(SUITE).exists(), reason=f"{SUITE} not there")
@pytest.mark.parametrize(("serving", "statuses"), [(reference, {"PASS"}), (stalling, {"FAIL", "SKIP"})],
                         ids=["reference-server", "stalling-server"])
def test_twenty_parallel_frame_runs_agree(tmp_path, record_property, serving, statuses):
    before = open_fds()
    with serving() as url:
        results, wall = run_in_parallel(tmp_path, url)
    after = open_fds()
    first = verdicts(results[0])
    cases = len(first)
    slowest_run = max(sum(verdict.elapsed for verdict in result.verdicts.values()) for result in results)
    slowest_case = max(verdict.elapsed for result in results for verdict in result.verdicts.values())
    counts = {status: sum(1 for verdict in first.values() if verdict[0] == status) for status in statuses}
    print(f"\n{PROCESSES} parallel runs of {SUITE} ({cases} cases: {counts}) against the {serving.__name__} "
          f"server: wall {wall:.2f} s, slowest run's tests {slowest_run:.2f} s, slowest case {slowest_case:.2f} s")
    record_property("wall_seconds", round(wall, 3))
    record_property("slowest_run_seconds", round(slowest_run, 3))
    record_property("slowest_case_seconds", round(slowest_case, 3))
    assert cases > 0 and {verdict[0] for verdict in first.values()} <= statuses, first
    assert all(verdicts(result) == first for result in results), "verdicts differ between parallel runs"
    assert all("Traceback" not in result.console for result in results)
    assert all("Traceback" not in result.output.read_text(encoding="utf-8") for result in results)
    assert after == before, "descriptors left open after the runs"
    # Only a hang or exhaustion breaks these: each case is bounded by its timeouts, whatever the load.
    assert wall < 150
