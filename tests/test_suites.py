"""The suites, run with robot against real servers; verdicts read back from output.xml."""

from __future__ import annotations

from robotrun import run_robot
from servers import BEHAVIOURS, FixtureServer

from WsComplianceLibrary.catalogue import CASES

METHOD_CASES = [case.id for case in CASES if case.family == "method"]
REQUESTS_CASE = "COMP-UPGRADE-POST via RequestsLibrary"
BASELINE = "COMP-UPGRADE-BASELINE"


def test_embedded_reference_server_passes_everything_out_of_the_box(tmp_path):
    result = run_robot(tmp_path)
    assert result.returncode == 0, result.console
    assert set(result.statuses().values()) == {"PASS"}
    assert set(result.verdicts) == {*(case.id for case in CASES), REQUESTS_CASE}


def test_a_server_that_switches_protocols_on_any_method_fails_every_method_case(tmp_path):
    with FixtureServer(BEHAVIOURS["answer-101-to-any-method"]) as server:
        result = run_robot(tmp_path, url=server.url)
    statuses = result.statuses()
    assert statuses[BASELINE] == "PASS"
    assert {statuses[case] for case in METHOD_CASES} == {"FAIL"}
    assert statuses[REQUESTS_CASE] == "FAIL"
    message = result.verdicts["COMP-UPGRADE-POST"].message
    assert message == (
        "The server switched protocols: to 'POST / HTTP/1.1', a request it must refuse, "
        "it answered 101 Switching Protocols."
    )
    assert result.returncode == len(METHOD_CASES) + 1


def test_a_server_that_answers_405_passes(tmp_path):
    with FixtureServer(BEHAVIOURS["answer-405-unless-get"]) as server:
        result = run_robot(tmp_path, url=server.url)
    assert result.returncode == 0, result.console
    assert set(result.statuses().values()) == {"PASS"}


def test_a_server_that_closes_without_answering_passes_the_raw_cases(tmp_path):
    with FixtureServer(BEHAVIOURS["close-unless-get"]) as server:
        result = run_robot(tmp_path, url=server.url)
    statuses = result.statuses()
    assert {statuses[case] for case in [*METHOD_CASES, BASELINE]} == {"PASS"}
    # requests raises before the rule can be applied; the suite documents this.
    assert statuses[REQUESTS_CASE] == "FAIL"
    assert "ConnectionError" in result.verdicts[REQUESTS_CASE].message


def test_a_server_that_never_answers_fails_with_the_timeout_message_in_bounded_time(tmp_path):
    with FixtureServer(BEHAVIOURS["never-answer"]) as server:
        result = run_robot(tmp_path, url=server.url, timeout="1s", options=("--test", "COMP-UPGRADE-POST"))
    verdict = result.verdicts["COMP-UPGRADE-POST"]
    assert verdict.status == "FAIL"
    assert verdict.message == (
        "To 'POST / HTTP/1.1' the server neither answered nor closed the connection within 1 s."
    )
    assert 1.0 <= verdict.elapsed <= 2.0


def test_a_wrong_path_is_reported_as_not_a_websocket_endpoint(tmp_path):
    with FixtureServer(BEHAVIOURS["answer-404"]) as server:
        result = run_robot(tmp_path, url=server.url + "wrong/path")
    baseline = result.verdicts[BASELINE]
    assert baseline.status == "FAIL"
    assert f"{server.url}wrong/path is not a WebSocket endpoint at this URL" in baseline.message
    assert result.returncode == 1


def test_requests_library_path_passes_against_the_reference_server(tmp_path, reference_server):
    result = run_robot(tmp_path, "suites/requests_library.robot", url=reference_server.url)
    assert result.statuses() == {REQUESTS_CASE: "PASS"}


# Real verdicts of aiohttp 3.14.5, pinned: the router's method check is what
# refuses non-GET upgrades; WebSocketResponse.prepare() itself accepts any
# method, so an application routed for every method switches protocols.
AIOHTTP_FAILS = {
    "aiohttp-add_get": set(),
    "aiohttp-any-method": {
        "COMP-UPGRADE-POST", "COMP-UPGRADE-PUT", "COMP-UPGRADE-DELETE", "COMP-UPGRADE-PATCH",
        "COMP-UPGRADE-OPTIONS", "COMP-UPGRADE-TRACE", "COMP-UPGRADE-POST-CL0", "COMP-UPGRADE-POST-BODY",
        REQUESTS_CASE,
    },
}


def test_aiohttp_real_verdicts(tmp_path, aiohttp_server, request):
    result = run_robot(tmp_path, url=aiohttp_server.url)
    failed = {name for name, status in result.statuses().items() if status == "FAIL"}
    assert failed == AIOHTTP_FAILS[request.node.callspec.id]
    assert result.statuses()[BASELINE] == "PASS"
