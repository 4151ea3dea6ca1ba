"""suites/http2, run with robot against real HTTP/2 servers; verdicts read back from output.xml.

Hypercorn is a real server implementing RFC 8441, never assumed compliant:
its verdicts are pinned as measured, with the versions they were measured on.
"""

from __future__ import annotations

from importlib.metadata import version

import pytest
from h2_servers import VIOLATIONS, extended_connect_server, throwaway_certificate
from robotrun import run_robot
from hostile_servers import over_tls
from servers import BEHAVIOURS, FixtureServer

from WsComplianceLibrary.catalogue import CASES
from WsComplianceLibrary.reference_http2 import Http2ReferenceServer
from WsComplianceLibrary.reference_server import ReferenceServer

SUITE = "suites/http2"
HTTP2_CASES = {case.id for case in CASES if case.family == "extended_connect"}
POSITIVE = {case.id for case in CASES if case.family == "extended_connect" and "positive" in case.tags}

# Measured with Hypercorn 0.18.0 and h2 4.4.1: Hypercorn turns every CONNECT into a WebSocket stream without
# reading :protocol, so an extended CONNECT for an unknown protocol gets 200. h2 refuses the malformed requests
# (GOAWAY with PROTOCOL_ERROR), Hypercorn answers 400 to a missing or wrong sec-websocket-version.
HYPERCORN_FAILURES = {"COMP-H2-UNKNOWN-PROTOCOL"}
MEASURED_WITH = {"hypercorn": "0.18.0", "h2": "4.4.1"}

# The one case each single-rule violation must fail; the positive cases beyond the control are not applicable
# when a correct extended CONNECT is not answered 200.
EXPECTED = {
    None: (set(), set()),
    "no-setting": ({"COMP-H2-SETTINGS-ENABLE-CONNECT"}, set()),
    "answers-101": ({"COMP-H2-EXTENDED-CONNECT-ACCEPTED"}, POSITIVE - {"COMP-H2-EXTENDED-CONNECT-ACCEPTED"}),
    "accepts-without-path": ({"COMP-H2-CONNECT-WITHOUT-PATH"}, set()),
    "switches-on-h1-upgrade": ({"COMP-H2-HTTP1-STYLE-UPGRADE"}, set()),
}


def with_status(result, status: str) -> set[str]:
    return {name for name, verdict in result.statuses().items() if verdict == status}


def test_the_embedded_reference_server_passes_every_case(tmp_path):
    result = run_robot(tmp_path, SUITE)
    assert result.returncode == 0, result.console
    assert result.statuses() == dict.fromkeys(HTTP2_CASES, "PASS")
    assert len(HTTP2_CASES) >= 15


@pytest.mark.parametrize("tls", [False, True], ids=["h2c-prior-knowledge", "tls-alpn-h2"])
def test_plain_hypercorn_real_verdicts(tmp_path, tls):
    certfile, keyfile = throwaway_certificate(tmp_path) if tls else (None, None)
    with Http2ReferenceServer(certfile=certfile, keyfile=keyfile, enforce_rules=False) as server:
        result = run_robot(tmp_path / "out", SUITE, url=server.url, options=("--variable", "VERIFY_TLS:False"))
    versions = {name: version(name) for name in MEASURED_WITH}
    assert with_status(result, "FAIL") == HYPERCORN_FAILURES, f"measured with {MEASURED_WITH}, running {versions}"
    assert with_status(result, "PASS") == HTTP2_CASES - HYPERCORN_FAILURES
    assert result.verdicts["COMP-H2-UNKNOWN-PROTOCOL"].message.startswith(
        "RFC 8441 §4, RFC 8441 §5 (MUST): The server accepted ':method=CONNECT :protocol=x-unknown-protocol.example "
        ":scheme=")
    assert result.verdicts["COMP-H2-UNKNOWN-PROTOCOL"].message.endswith("it answered :status 200.")


@pytest.mark.parametrize("violation", list(EXPECTED), ids=lambda violation: violation or "compliant")
def test_a_server_breaking_one_rule_fails_exactly_the_case_guarding_it(tmp_path, violation):
    failed, not_applicable = EXPECTED[violation]
    with FixtureServer(extended_connect_server(violation), read_request=False) as server:
        result = run_robot(tmp_path, SUITE, url=f"h2c://127.0.0.1:{server.port}/", timeout="2s")
    assert with_status(result, "FAIL") == failed, result.console
    assert with_status(result, "SKIP") == not_applicable
    for name in failed:
        assert "\n" not in result.verdicts[name].message and "Traceback" not in result.verdicts[name].message


def test_every_violation_is_exercised():
    assert set(EXPECTED) - {None} == set(VIOLATIONS)


def test_violation_messages_say_what_the_server_did(tmp_path):
    with FixtureServer(extended_connect_server("answers-101"), read_request=False) as server:
        result = run_robot(tmp_path, SUITE, url=server.url, options=("--test", "COMP-H2-EXTENDED-CONNECT-ACCEPTED"))
    assert result.verdicts["COMP-H2-EXTENDED-CONNECT-ACCEPTED"].message == (
        "RFC 8441 §4, RFC 8441 §5, RFC 9113 §8.6 (MUST): To ':method=CONNECT :protocol=websocket :scheme=http "
        f":path=/ :authority=127.0.0.1:{server.port}' the server answered :status 101, which HTTP/2 forbids "
        "(RFC 9113 §8.6); a WebSocket over HTTP/2 is accepted with 200."
    )


def test_a_target_that_speaks_only_http1_makes_every_case_not_applicable(tmp_path):
    with ReferenceServer() as server:
        url = server.url
        result = run_robot(tmp_path, SUITE, url=url, timeout="2s")
    assert result.returncode == 0, result.console
    assert result.statuses() == dict.fromkeys(HTTP2_CASES, "SKIP")
    reason = result.verdicts["COMP-H2-EXTENDED-CONNECT-ACCEPTED"].message
    # websockets reads "PRI * HTTP/2.0" as a request line it cannot serve and closes the connection.
    assert reason == (f"Not applicable: {url} does not speak HTTP/2: the server closed the connection on the HTTP/2 "
                      "preface without a word.")


@pytest.mark.parametrize("tls, reason", [
    (False, "the server answered the HTTP/2 connection preface in HTTP/1.x ('HTTP/1.1 404 Not Found')"),
    (True, "the server chose no protocol in ALPN, not h2, so it does not offer HTTP/2"),
], ids=["http1-answer-to-the-preface", "tls-without-h2-in-alpn"])
def test_other_http1_only_targets_are_not_applicable_with_the_reason(tmp_path, tls, reason):
    behaviour = over_tls(BEHAVIOURS["answer-404"]) if tls else BEHAVIOURS["answer-404"]
    with FixtureServer(behaviour, read_request=not tls) as server:
        url = f"{'wss' if tls else 'ws'}://127.0.0.1:{server.port}/"
        result = run_robot(tmp_path, SUITE, url=url, timeout="2s", options=("--variable", "VERIFY_TLS:False"))
    assert result.statuses() == dict.fromkeys(HTTP2_CASES, "SKIP")
    assert result.verdicts["COMP-H2-VERSION-WRONG"].message == f"Not applicable: {url} does not speak HTTP/2: {reason}."


# Measured with Hypercorn 0.18.0 (wsproto 1.3.2 underneath) on its HTTP/1.1 side: it switches protocols on an
# empty, non-base64, 15- or 17-byte or repeated Sec-WebSocket-Key, on the method token "get", and on
# "Upgrade: h2c" with WebSocket headers but no HTTP2-Settings (RFC 9113 §3.1 removed that upgrade); it refuses an
# unsupported version with 400 but without Sec-WebSocket-Version.
HYPERCORN_HTTP1_FAILURES = {
    "COMP-KEY-EMPTY", "COMP-KEY-NOT-BASE64", "COMP-KEY-15-BYTES", "COMP-KEY-17-BYTES", "COMP-KEY-DUPLICATE",
    "COMP-UPGRADE-LOWERCASE-GET", "COMP-UPGRADE-H2C", "COMP-VERSION-REFUSAL-LISTS-SUPPORTED", "COMP-VERSION-8",
}


def test_plain_hypercorn_real_handshake_verdicts_over_http1(tmp_path):
    with Http2ReferenceServer(enforce_rules=False) as server:
        url = server.url.replace("h2c://", "ws://", 1)
        result = run_robot(tmp_path, "suites/handshake", url=url)
    versions = {name: version(name) for name in (*MEASURED_WITH, "wsproto")}
    assert with_status(result, "FAIL") == HYPERCORN_HTTP1_FAILURES, f"measured with {MEASURED_WITH}, running {versions}"
    # The credentials case is not applicable without credentials configured.
    assert with_status(result, "PASS") | with_status(result, "FAIL") == set(result.verdicts) - {
        "COMP-AUTH-WITHOUT-CREDENTIALS"}
