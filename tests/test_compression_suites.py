"""suites/compression run with robot against real servers with permessage-deflate on; verdicts read from output.xml.

The embedded reference server (websockets) passes every case. aiohttp and
Hypercorn (wsproto underneath) are real servers, never assumed compliant:
their verdicts are pinned as measured, with the versions they were measured
on, and listed in docs/findings.md. Fixture servers of ours each break one
rule and fail exactly the cases guarding it. The Autobahn rows run here are
the 16-byte and the fragmented 8 KiB rows of each group (``autobahn-1?.?.1``
and ``.11``) for the real servers, the 16-byte rows for the fixtures; CI runs all the fast ones.
"""

from __future__ import annotations

from importlib.metadata import version

import pytest
from deflate_fixture import VIOLATIONS, deflate_server, uncompressed_server
from robotrun import run_robot
from servers import AiohttpServer
from test_frame_suites import verdicts_of, with_verdict

from WsComplianceLibrary.catalogue import CASES
from WsComplianceLibrary.reference_http2 import Http2ReferenceServer

SUITE = "suites/compression"
SAMPLE = ("--include", "rfc7692ANDnot-in-autobahn", "--include", "autobahn-1?.?.1", "--include", "autobahn-1?.?.11")
SAMPLED = {case.id for case in CASES if "rfc7692" in case.tags and (
    "not-in-autobahn" in case.tags or any(tag.startswith("autobahn-1") and tag.rsplit(".", 1)[1] in {"1", "11"}
                                          for tag in case.tags))}
FIXTURE_SAMPLE = ("--include", "rfc7692ANDnot-in-autobahn", "--include", "autobahn-1?.?.1")
"""The fixture servers meet the rule cases and the 16-byte row of each group: enough to show each guard."""
FIXTURE_SAMPLED = {case_id for case_id in SAMPLED if not case_id.endswith("-11")}

# aiohttp 3.14.5 (WebSocketResponse, compress=True by default) as measured:
AIOHTTP_FAILURES = {
    # It accepts offers RFC 7692 §7 makes it decline: a parameter twice, server_max_window_bits without a value,
    # client_max_window_bits=16.
    "COMP-DEFLATE-OFFER-DUPLICATE-PARAM", "COMP-DEFLATE-OFFER-SERVER-BITS-NO-VALUE",
    "COMP-DEFLATE-OFFER-CLIENT-BITS-16",
    # It answers server_max_window_bits=15 without the parameter (RFC 7692 §7.1.2.1), which a client such as
    # websockets refuses: offers 13.4 and 13.6.
    "COMP-DEFLATE-13-4-1", "COMP-DEFLATE-13-4-11", "COMP-DEFLATE-13-6-1", "COMP-DEFLATE-13-6-11",
    # It answers a Ping with RSV1 set instead of failing the connection (RFC 7692 §6.1).
    "COMP-DEFLATE-RSV1-ON-PING",
}
AIOHTTP_WARNINGS = {"COMP-DEFLATE-CORRUPT-DATA": "with a Close frame with code 1000 instead of 1002 or 1007"}
AIOHTTP_MEASURED_WITH = {"aiohttp": "3.14.5"}

# Hypercorn 0.18.0 over wsproto 1.3.2 as measured:
HYPERCORN_FAILURES = {
    # wsproto accepts offers with unknown, duplicate or value-less parameters and a value on
    # server_no_context_takeover (RFC 7692 §7) ...
    "COMP-DEFLATE-OFFER-UNKNOWN-PARAM", "COMP-DEFLATE-OFFER-UNKNOWN-PARAM-NO-VALUE",
    "COMP-DEFLATE-OFFER-DUPLICATE-PARAM", "COMP-DEFLATE-OFFER-SERVER-BITS-NO-VALUE",
    "COMP-DEFLATE-OFFER-NO-CONTEXT-TAKEOVER-WITH-VALUE",
    # ... and drops the connection without an answer on a value that is not a number, quoted or not.
    "COMP-DEFLATE-OFFER-SERVER-BITS-NOT-A-NUMBER", "COMP-DEFLATE-OFFER-QUOTED-VALUE",
}
HYPERCORN_MEASURED_WITH = {"hypercorn": "0.18.0", "wsproto": "1.3.2"}

# Each fixture variant and the cases guarding the rule it breaks, among the sampled ones.
GUARDS = {
    "accepts unknown parameter": {"COMP-DEFLATE-OFFER-UNKNOWN-PARAM", "COMP-DEFLATE-OFFER-UNKNOWN-PARAM-NO-VALUE"},
    # Consecutive JSON messages share keys: even the 16-byte ones refer back to the message before.
    "ignores server_no_context_takeover": {
        "COMP-DEFLATE-SERVER-NO-CONTEXT-TAKEOVER", *(f"COMP-DEFLATE-13-{group}-1" for group in (2, 5, 6, 7))},
    # With context takeover even 16-byte messages refer back beyond 512 bytes; without it (13.5, 13.7) they
    # cannot, and only larger messages would.
    "15-bit window after agreeing to 9": {"COMP-DEFLATE-SERVER-WINDOW-BITS", "COMP-DEFLATE-13-3-1"},
    "answers ping with RSV1": {"COMP-DEFLATE-RSV1-ON-PING"},
    "inflates without a bound": {"COMP-DEFLATE-BOMB"},
}


def test_the_reference_server_passes_every_sampled_case(tmp_path):
    result = run_robot(tmp_path, SUITE, options=SAMPLE)
    collected = verdicts_of(result)
    assert result.returncode == 0, result.console
    assert set(collected.verdicts) == SAMPLED
    assert with_verdict(collected, "PASS") == SAMPLED, f"measured with websockets {version('websockets')}"


@pytest.mark.parametrize(("server", "failures", "warnings", "measured_with", "message"), [
    (AiohttpServer, AIOHTTP_FAILURES, AIOHTTP_WARNINGS, AIOHTTP_MEASURED_WITH,
     ("COMP-DEFLATE-13-4-1", "server_max_window_bits=15 was offered, so an answer accepting the offer includes it")),
    (lambda: Http2ReferenceServer(enforce_rules=False), HYPERCORN_FAILURES, {}, HYPERCORN_MEASURED_WITH,
     ("COMP-DEFLATE-OFFER-UNKNOWN-PARAM",
      "which it must decline: the offer 'permessage-deflate; x=1' has the unknown parameter 'x'")),
], ids=["aiohttp", "hypercorn"])
def test_real_verdicts(tmp_path, server, failures, warnings, measured_with, message):
    with server() as running:
        result = run_robot(tmp_path, SUITE, url=running.url.replace("h2c://", "ws://", 1), options=SAMPLE)
    collected = verdicts_of(result)
    versions = {name: version(name) for name in measured_with}
    assert set(collected.verdicts) == SAMPLED
    assert with_verdict(collected, "FAIL") == failures, f"measured with {measured_with}, running {versions}"
    assert with_verdict(collected, "WARN") == set(warnings)
    for name, reason in warnings.items():
        assert any(reason in line for line in collected.warnings[name]), (name, collected.warnings[name])
    case, phrase = message
    assert phrase in result.verdicts[case].message


def test_the_correct_fixture_passes_every_sampled_case(tmp_path):
    with deflate_server() as server:
        result = run_robot(tmp_path, SUITE, url=server.url, options=FIXTURE_SAMPLE)
    assert with_verdict(verdicts_of(result), "PASS") == FIXTURE_SAMPLED, result.console


@pytest.mark.parametrize("variant", sorted(VIOLATIONS))
def test_each_fixture_breaking_one_rule_fails_exactly_the_cases_guarding_it(tmp_path, variant):
    with deflate_server(variant) as server:
        result = run_robot(tmp_path, SUITE, url=server.url, options=FIXTURE_SAMPLE)
    collected = verdicts_of(result)
    assert with_verdict(collected, "FAIL") == GUARDS[variant], result.console
    assert with_verdict(collected, "PASS") == FIXTURE_SAMPLED - GUARDS[variant]


def test_a_server_without_the_extension_gets_not_applicable_on_every_case(tmp_path):
    with uncompressed_server() as server:
        result = run_robot(tmp_path, SUITE, url=server.url, options=FIXTURE_SAMPLE)
    collected = verdicts_of(result)
    assert with_verdict(collected, "N/A") == FIXTURE_SAMPLED
    assert "Not applicable: the server declined permessage-deflate" in result.verdicts["COMP-DEFLATE-12-1-1"].message
