"""The suites, run with robot against real servers; verdicts read back from output.xml."""

from __future__ import annotations

from robot.api import ExecutionResult
from robotrun import run_robot
from servers import BEHAVIOURS, FixtureServer
from test_frame_suites import REFERENCE_WARNINGS as FRAME_WARNINGS
from test_frame_suites import REFERENCE_WARNINGS_BY_TIMING as FRAME_WARNINGS_BY_TIMING

from WsComplianceLibrary.catalogue import CASES, handshake
from WsComplianceLibrary.reference_server import ReferenceServer

METHOD_CASES = [case.id for case in CASES if case.family == "method"]
POSITIVE_CASES = {case.id for case in handshake.CASES if "positive" in case.tags and case.family != "baseline"}
REQUESTS_CASE = "COMP-UPGRADE-POST via RequestsLibrary"
BASELINE = "COMP-UPGRADE-BASELINE"


def failed(result) -> set[str]:
    return {name for name, status in result.statuses().items() if status == "FAIL"}


def warned(result) -> set[str]:
    suite = ExecutionResult(str(result.output)).suite
    return {test.name for test in suite.all_tests if test.status == "PASS" and "warn" in test.tags}


def test_embedded_reference_server_passes_everything_out_of_the_box(embedded_run):
    # The client cases, against the embedded reference client, are tests/test_client_suites.py's.
    result = embedded_run
    assert result.returncode == 0, result.console
    statuses = {name: status for name, status in result.statuses().items() if not name.startswith("COMP-CLIENT-")}
    assert statuses.pop(AUTH_CASE) == "SKIP"  # no credentials configured
    assert set(statuses.values()) == {"PASS"}
    assert set(statuses) | {AUTH_CASE} == {case.id for case in CASES if not {"client", "slow"} & set(case.tags)}
    assert len(CASES) >= 40
    # websockets answers 405 to a method it does not know; RFC 9110 §9.1 asks for 501, and it accepts any
    # Origin unless told which to trust. The frame cases' WARNs are explained in tests/test_frame_suites.py.
    server_warnings = {name for name in warned(result) if not name.startswith("COMP-CLIENT-")}
    # Which of websockets' timing-dependent NON-STRICT frame cases warn depends on the machine's load; their
    # reason is checked in tests/test_frame_suites.py against the same run.
    expected = {"COMP-METHOD-UNKNOWN-501", *ORIGIN_CASES, *FRAME_WARNINGS}
    assert expected <= server_warnings <= expected | FRAME_WARNINGS_BY_TIMING
    # The setups record the target they test in the report's metadata.
    top = ExecutionResult(str(result.output)).suite
    assert top.metadata["Target"].startswith("embedded reference server (websockets) at ws://127.0.0.1:")
    http2 = next(suite for suite in top.suites if suite.name == "Http2").suites[0]
    assert http2.metadata["HTTP/2 Target"].startswith("embedded HTTP/2 reference server (Hypercorn) at h2c://127.0.0.1:")


def test_a_server_that_switches_protocols_on_any_method_fails_every_method_case(tmp_path):
    with FixtureServer(BEHAVIOURS["answer-101-to-any-method"]) as server:
        result = run_robot(tmp_path, "suites/handshake/upgrade_method.robot", "examples/requests_library.robot", url=server.url)
    assert failed(result) == {*METHOD_CASES, REQUESTS_CASE}
    assert result.verdicts["COMP-UPGRADE-POST"].message == (
        "RFC 6455 §4.1, RFC 6455 §4.2.1 (MUST): The server switched protocols: to 'POST / HTTP/1.1', "
        "a request it must refuse, it answered 101 Switching Protocols."
    )
    assert result.returncode == len(METHOD_CASES) + 1


def test_a_server_that_answers_405_passes_the_method_cases(tmp_path):
    with FixtureServer(BEHAVIOURS["answer-405-unless-get"]) as server:
        result = run_robot(tmp_path, "suites/handshake/upgrade_method.robot", "examples/requests_library.robot", url=server.url)
    assert result.returncode == 0, result.console
    assert set(result.statuses().values()) == {"PASS"}


def test_a_server_that_closes_without_answering_passes_the_raw_cases(tmp_path):
    with FixtureServer(BEHAVIOURS["close-unless-get"]) as server:
        result = run_robot(tmp_path, "suites/handshake/upgrade_method.robot", "examples/requests_library.robot", url=server.url)
    # requests raises before the rule can be applied; the suite documents this.
    assert failed(result) == {REQUESTS_CASE}
    assert "ConnectionError" in result.verdicts[REQUESTS_CASE].message


def test_a_server_that_never_answers_fails_with_the_timeout_message_in_bounded_time(tmp_path):
    with FixtureServer(BEHAVIOURS["never-answer"]) as server:
        result = run_robot(tmp_path, url=server.url, timeout="1s", options=("--test", "COMP-UPGRADE-POST"))
    verdict = result.verdicts["COMP-UPGRADE-POST"]
    assert verdict.status == "FAIL"
    assert verdict.message == (
        "RFC 6455 §4.1, RFC 6455 §4.2.1 (MUST): "
        "To 'POST / HTTP/1.1' the server neither answered nor closed the connection within 1 s."
    )
    assert 1.0 <= verdict.elapsed <= 2.0


def test_a_wrong_path_fails_the_baseline_and_makes_positive_cases_not_applicable(tmp_path):
    with FixtureServer(BEHAVIOURS["answer-404"]) as server:
        result = run_robot(tmp_path, "suites/handshake", url=server.url + "wrong/path")
    baseline = result.verdicts[BASELINE]
    assert baseline.status == "FAIL"
    assert f"{server.url}wrong/path is not a WebSocket endpoint at this URL" in baseline.message
    skipped = {name for name, status in result.statuses().items() if status == "SKIP"}
    assert POSITIVE_CASES <= skipped
    reason = result.verdicts["COMP-RESPONSE-ACCEPT-MATCHES"].message
    assert reason == ("Not applicable: the correct handshake (COMP-UPGRADE-BASELINE) answered 404 Not Found too, so "
                      "this answer says nothing about the rule; check WS_HEADERS, WS_SUBPROTOCOL and the URL.")
    # A 404 refuses every bad handshake too: no case passes.
    assert "PASS" not in result.statuses().values()


def test_requests_library_path_passes_against_the_reference_server(tmp_path, reference_server):
    result = run_robot(tmp_path, "examples/requests_library.robot", url=reference_server.url)
    assert result.statuses() == {REQUESTS_CASE: "PASS"}


AUTH_CASE = "COMP-AUTH-WITHOUT-CREDENTIALS"
ORIGIN_CASES = ("COMP-ORIGIN-FOREIGN", "COMP-ORIGIN-NULL")

# Real verdicts, pinned: which cases each third-party server fails (README, "Findings on real servers").
REAL_FAILURES = {
    "websockets-plain": {
        "COMP-HOST-MISSING", "COMP-HOST-DUPLICATE", "COMP-VERSION-REFUSAL-LISTS-SUPPORTED", "COMP-VERSION-8",
    },
    "aiohttp-add_get": {
        "COMP-UPGRADE-HTTP10", "COMP-KEY-DUPLICATE", "COMP-VERSION-REFUSAL-LISTS-SUPPORTED", "COMP-VERSION-DUPLICATE",
    },
    "aiohttp-any-method": {
        "COMP-UPGRADE-HTTP10", "COMP-KEY-DUPLICATE", "COMP-VERSION-REFUSAL-LISTS-SUPPORTED", "COMP-VERSION-DUPLICATE",
        *METHOD_CASES[:6], "COMP-UPGRADE-POST-CL0", "COMP-UPGRADE-POST-BODY",
    },
}


def test_plain_websockets_real_verdicts(tmp_path):
    with ReferenceServer(enforce_rules=False) as server:
        result = run_robot(tmp_path, "suites/handshake", url=server.url)
    assert failed(result) == REAL_FAILURES["websockets-plain"]
    assert warned(result) == {"COMP-METHOD-UNKNOWN-501", *ORIGIN_CASES}
    assert {status for name, status in result.statuses().items() if name != AUTH_CASE} <= {"PASS", "FAIL"}


def test_aiohttp_real_verdicts(tmp_path, aiohttp_server, request):
    result = run_robot(tmp_path, "suites/handshake", url=aiohttp_server.url)
    assert failed(result) == REAL_FAILURES[request.node.callspec.id]
    # aiohttp's parser answers 400 to the unknown token, not 501; it accepts any Origin.
    assert warned(result) == {"COMP-METHOD-UNKNOWN-501", *ORIGIN_CASES}
    assert result.statuses()[BASELINE] == "PASS"


def test_a_silent_target_makes_positive_cases_not_applicable_within_one_timeout(tmp_path):
    """The endpoint probe runs beside the case, so a silent target costs one timeout per case, not two."""
    with FixtureServer(BEHAVIOURS["never-answer"]) as server:
        result = run_robot(tmp_path, "suites/handshake/response_shape.robot", url=server.url, timeout="1s",
                           options=("--test", "COMP-RESPONSE-ACCEPT-MATCHES"))
    verdict = result.verdicts["COMP-RESPONSE-ACCEPT-MATCHES"]
    assert verdict.status == "SKIP"
    assert verdict.message.startswith("Not applicable: The target ")
    assert "neither answered nor closed the connection within 1 s" in verdict.message
    assert verdict.elapsed < 1.5
