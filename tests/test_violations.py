"""Every case fails against a server that breaks exactly its rule, and only the cases guarding that rule fail."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from handshake_fixture import TOKEN, VIOLATIONS, behaviour
from robotrun import RunResult, run_robot
from servers import FixtureServer

from WsComplianceLibrary.catalogue import case_by_id
from WsComplianceLibrary.catalogue.handshake import CASES

METHOD_CASES = {case.id for case in CASES if case.family == "method"}
ACCEPT_CHECKED = {"COMP-UPGRADE-BASELINE", "COMP-RESPONSE-ACCEPT-MATCHES", "COMP-UPGRADE-MIXED-CASE",
                  "COMP-UPGRADE-CONN-LIST", "COMP-UPGRADE-CONN-LOWERCASE", "COMP-UPGRADE-LOWERCASE-NAMES"}

# The cases each violation must fail, and no others.
EXPECTED_FAILURES: dict[str | None, set[str]] = {
    None: set(),
    "any-method": METHOD_CASES,
    "http10": {"COMP-UPGRADE-HTTP10"},
    "host": {"COMP-HOST-MISSING", "COMP-HOST-DUPLICATE"},
    "upgrade-check": {"COMP-UPGRADE-MISSING-UPGRADE", "COMP-UPGRADE-UNKNOWN-WITH-WS-HEADERS", "COMP-UPGRADE-H2C"},
    "switch-to-any-protocol": {"COMP-UPGRADE-UNKNOWN", "COMP-UPGRADE-UNKNOWN-WITH-WS-HEADERS", "COMP-UPGRADE-H2C"},
    "connection-check": {"COMP-UPGRADE-MISSING-CONN", "COMP-UPGRADE-CONN-KEEPALIVE"},
    "case-sensitive-upgrade": {"COMP-UPGRADE-MIXED-CASE"},
    "connection-exact": {"COMP-UPGRADE-CONN-LIST", "COMP-UPGRADE-CONN-LOWERCASE"},
    "case-sensitive-names": {"COMP-UPGRADE-LOWERCASE-NAMES"},
    "key-check": {"COMP-KEY-MISSING", "COMP-KEY-EMPTY", "COMP-KEY-NOT-BASE64", "COMP-KEY-15-BYTES",
                  "COMP-KEY-17-BYTES"},
    "duplicate-key": {"COMP-KEY-DUPLICATE"},
    "version-check": {"COMP-UPGRADE-INVALID-VER", "COMP-VERSION-REFUSAL-LISTS-SUPPORTED", "COMP-VERSION-MISSING",
                      "COMP-VERSION-NON-NUMERIC"},
    "duplicate-version": {"COMP-VERSION-DUPLICATE"},
    "refusal-without-versions": {"COMP-VERSION-REFUSAL-LISTS-SUPPORTED", "COMP-VERSION-8"},
    "version-200": {"COMP-VERSION-REFUSAL-LISTS-SUPPORTED", "COMP-VERSION-8"},
    "wrong-accept": ACCEPT_CHECKED,
    "duplicate-accept": {*ACCEPT_CHECKED, "COMP-RESPONSE-ACCEPT-SINGLE"},
    "no-upgrade-in-101": {"COMP-RESPONSE-UPGRADE-HEADER"},
    "no-connection-in-101": {"COMP-RESPONSE-CONNECTION-HEADER"},
    "content-length-on-101": {"COMP-RESPONSE-NO-BODY-FRAMING"},
    "always-select-protocol": {"COMP-PROTOCOL-NONE-OFFERED", "COMP-PROTOCOL-UNKNOWN-OFFERED",
                               "COMP-PROTOCOL-TWO-OFFERED"},
    "select-all-offered": {"COMP-PROTOCOL-TWO-OFFERED"},
    "echo-extensions": {"COMP-EXTENSION-UNKNOWN-OFFERED", "COMP-EXTENSION-DEFLATE-BAD-PARAM"},
    "credentials-check": {"COMP-AUTH-WITHOUT-CREDENTIALS"},
    "origin-check": {"COMP-ORIGIN-FOREIGN", "COMP-ORIGIN-NULL"},
}
# Every run is of a protected endpoint, given its token, that must refuse foreign origins.
PROTECTED = ("--variable", f"WS_HEADERS:Authorization: Bearer {TOKEN}", "--variable", "ORIGIN_CHECK:required")


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str | None, RunResult]:
    """One suite run per violation (and one with none), four at a time."""

    outputdirs = {violation: tmp_path_factory.mktemp(violation or "correct") for violation in EXPECTED_FAILURES}

    def run(violation: str | None) -> tuple[str | None, RunResult]:
        outputdir: Path = outputdirs[violation]
        with FixtureServer(behaviour(*([violation] if violation else []), token=True)) as server:
            return violation, run_robot(outputdir, "suites/handshake", url=server.url, timeout="2s",
                                        options=PROTECTED)

    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(pool.map(run, EXPECTED_FAILURES))


def test_every_violation_is_exercised():
    assert set(EXPECTED_FAILURES) - {None} == set(VIOLATIONS)


def test_every_case_has_a_violation_that_fails_it():
    covered = set().union(*EXPECTED_FAILURES.values())
    assert covered == {case.id for case in CASES}


@pytest.mark.parametrize("violation", list(EXPECTED_FAILURES), ids=lambda v: v or "correct")
def test_exactly_the_guarding_cases_fail(runs, violation):
    result = runs[violation]
    failed = {name for name, status in result.statuses().items() if status == "FAIL"}
    assert failed == EXPECTED_FAILURES[violation]
    assert "SKIP" not in result.statuses().values()
    for name in failed:
        case = case_by_id(name)
        assert result.verdicts[name].message.startswith(f"{', '.join(case.rfc)} ({case.level}): "), name


def test_a_2xx_to_an_unsupported_version_is_a_warning_not_a_failure(runs):
    result = runs["version-200"]
    assert result.statuses()["COMP-UPGRADE-INVALID-VER"] == "PASS"
    from robot.api import ExecutionResult

    suite = ExecutionResult(str(result.output)).suite
    warned = {test.name for test in suite.all_tests if "warn" in test.tags}
    assert warned == {"COMP-UPGRADE-INVALID-VER"}
    errors = ExecutionResult(str(result.output)).errors.messages
    assert any(m.level == "WARN" and "426 Upgrade Required" in m.message for m in errors)
