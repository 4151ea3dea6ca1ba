"""Hostile servers: every one gets a clear verdict in bounded time, without leaking a descriptor.

Each behaviour of :mod:`hostile_servers` is met twice: by the keywords called
in this process (so open descriptors can be counted around the server's whole
life), and by a real ``robot`` run of the method suite, whose verdicts are
read back from output.xml.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest
from robot.api.exceptions import SkipExecution
from hostile_servers import HOSTILES, Hostile, REFUSED_405
from robot.api import ExecutionResult, ResultVisitor
from robotrun import RunResult, run_robot
from servers import FixtureServer
from test_keywords import call

from WsComplianceLibrary import WsComplianceLibrary
from WsComplianceLibrary.context import KeywordError
from WsComplianceLibrary.wire.http1.response import Response

TIMEOUT = 0.5
BOUND = TIMEOUT + 0.5
"""A keyword returns or fails within the timeout plus half a second, whatever the server does."""

RAW_POST = b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n" \
           b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"

# Every assertion keyword, with arguments, applied to whatever came back.
ASSERTIONS = [
    ("Status Should Not Be 101",),
    ("Status Should Be", 405),
    ("Header Should Be", "Upgrade", "websocket"),
    ("Server Should Close Without Answering",),
    ("Accept Header Should Match Key",),
    ("Handshake Should Be Accepted",),
]


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def assert_one_clear_sentence(message: str) -> None:
    """One printable line ending in a full stop: no traceback, no raw server bytes, no control characters."""
    assert message.endswith("."), message
    assert message.isprintable(), repr(message)
    assert "\n" not in message and "Traceback" not in message, message
    assert len(message) < 600, message


def timed(library: WsComplianceLibrary, name: str, *args, **kwargs) -> tuple[Response | Exception, float]:
    """Run a keyword; return its result or the exception it raised, and how long it took."""
    started = time.monotonic()
    try:
        result: Response | Exception = call(library, name, *args, **kwargs)
    except Exception as error:  # noqa: BLE001 - which exception it was is asserted by the caller
        result = error
    return result, time.monotonic() - started


@pytest.fixture(scope="module", autouse=True)
def warm_up() -> None:
    """Imports, the TLS defaults and the certificate are made once, before any descriptor is counted."""
    with FixtureServer(lambda conn, head, stop: conn.sendall(REFUSED_405)) as server:
        call(WsComplianceLibrary(url=server.url), "Send Raw Upgrade With Method", "POST")
    for hostile in HOSTILES:
        if hostile.scheme == "wss" and hostile.behaviour is not None:
            with hostile.serving() as url:
                timed(WsComplianceLibrary(url=url, timeout=timedelta(seconds=TIMEOUT), verify=False),
                      "Send Raw Request", RAW_POST)
            break


def check_send(hostile: Hostile, result: Response | Exception, elapsed: float) -> Response | None:
    assert elapsed < BOUND, f"{hostile.name}: {elapsed:.3f} s"
    if not hostile.reached:
        assert isinstance(result, KeywordError), result
        assert str(result).startswith("Could not reach ") and hostile.phrase in str(result), result
        assert_one_clear_sentence(str(result))
        return None
    assert isinstance(result, Response), result
    assert result.outcome in hostile.outcomes, (hostile.name, result.outcome, result.detail)
    return result


@pytest.mark.parametrize("hostile", HOSTILES, ids=[hostile.name for hostile in HOSTILES])
def test_keywords_against_a_hostile_server(hostile: Hostile):
    before = open_fds()
    with hostile.serving() as url:
        library = WsComplianceLibrary(url=url, timeout=timedelta(seconds=TIMEOUT), verify=hostile.verify)
        upgrade = check_send(hostile, *timed(library, "Send Raw Upgrade With Method", "POST"))
        raw = check_send(hostile, *timed(library, "Send Raw Request", RAW_POST))
    assert open_fds() == before, "a descriptor was left open"
    for response in (upgrade, raw):
        if response is None:
            continue
        verdict, _ = timed(library, "Status Should Not Be 101", response)
        if hostile.verdict == "PASS":
            assert verdict is None, verdict
        else:
            assert isinstance(verdict, AssertionError), verdict
            assert hostile.phrase in str(verdict), str(verdict)
        for name, *args in ASSERTIONS:
            judged, _ = timed(library, name, response, *args)
            # Rules that only mean something at an endpoint are not applicable where there is none.
            assert judged is None or isinstance(judged, (AssertionError, SkipExecution)), (name, judged)
            if judged is not None:
                assert_one_clear_sentence(str(judged))


class _Messages(ResultVisitor):
    def __init__(self) -> None:
        self.texts: list[str] = []

    def visit_message(self, message) -> None:  # noqa: ANN001 - robot's own type
        if message.level == "INFO" and not message.html:
            self.texts.append(message.message)


def passing_message(output: Path, test_name: str) -> str:
    """The verdict a passing rule logged: the last plain INFO message of the test, from output.xml."""
    test = next(test for test in ExecutionResult(str(output)).suite.all_tests if test.name == test_name)
    messages = _Messages()
    test.visit(messages)
    return messages.texts[-1]


def run_method_suite(hostile: Hostile, outputdir: Path) -> RunResult:
    with hostile.serving() as url:
        return run_robot(outputdir, "suites/handshake/upgrade_method.robot", url=url, timeout=f"{TIMEOUT}s",
                         options=("--variable", f"VERIFY_TLS:{hostile.verify}"))


@pytest.fixture(scope="module")
def suite_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, RunResult]:
    """The method suite run against every hostile server, two runs at a time (the machine has two cores)."""
    root = tmp_path_factory.mktemp("hostile")
    with ThreadPoolExecutor(max_workers=3) as pool:
        runs = {hostile.name: pool.submit(run_method_suite, hostile, root / hostile.name) for hostile in HOSTILES}
    return {name: run.result() for name, run in runs.items()}


@pytest.mark.parametrize("hostile", HOSTILES, ids=[hostile.name for hostile in HOSTILES])
def test_method_suite_against_a_hostile_server(hostile: Hostile, suite_runs: dict[str, RunResult]):
    result = suite_runs[hostile.name]
    assert result.verdicts, result.console
    # A refusal that passes a case alone is what these servers answer to the correct handshake too, so in a
    # suite run, where the endpoint probe sends that handshake, the case is not applicable instead.
    expected = "SKIP" if hostile.verdict == "PASS" else hostile.verdict
    assert {name: verdict.status for name, verdict in result.verdicts.items()} == {
        name: expected for name in result.verdicts
    }
    post = result.verdicts["COMP-UPGRADE-POST"]
    message = post.message if post.status != "PASS" else passing_message(result.output, "COMP-UPGRADE-POST")
    if expected == "SKIP":
        assert message.startswith("Not applicable: the correct handshake (COMP-UPGRADE-BASELINE) "), message
    else:
        assert hostile.phrase in message, message
    assert_one_clear_sentence(message)
    slowest = max(verdict.elapsed for verdict in result.verdicts.values())
    assert slowest < BOUND, f"{slowest:.3f} s"
    assert "Traceback" not in result.console
    assert "Traceback" not in result.output.read_text(encoding="utf-8")
