"""The benchmark's pure helpers: summaries, the table, the requests, when an answer is whole, the time split."""

from __future__ import annotations

import dataclasses

import pytest

from bench.measure import (
    Row,
    Stats,
    TimeSplit,
    answer_complete,
    case_requests,
    empty_suite,
    format_value,
    render_table,
    sample_cases,
    time_split,
)
from WsComplianceLibrary.catalogue import Recipe, case_by_id
from WsComplianceLibrary.catalogue.handshake import CASES
from WsComplianceLibrary.wire.http1.request import SAMPLE_KEY, build_upgrade_request
from WsComplianceLibrary.target import parse_target


def test_stats_are_median_min_and_max_whatever_the_order():
    assert Stats.of([0.3, 0.1, 0.2, 0.5]) == Stats(0.25, 0.1, 0.5)
    assert Stats.of(iter([2.0])) == Stats(2.0, 2.0, 2.0)


def test_stats_of_nothing_is_refused():
    with pytest.raises(ValueError, match="No measurements"):
        Stats.of([])


@pytest.mark.parametrize(("value", "unit", "text"), [
    (0.38412, "s", "0.384 s"), (0.012171, "ms", "12.17 ms"), (1.7049, "x", "1.70 x"),
])
def test_values_are_shown_in_their_unit(value, unit, text):
    assert format_value(value, unit) == text


def test_an_unknown_unit_is_refused():
    with pytest.raises(ValueError, match="Unknown unit 'h'"):
        format_value(1.0, "h")


def test_the_table_aligns_figures_and_says_which_targets_were_missed():
    table = render_table([
        Row("floor", Stats(0.2, 0.19, 0.25), "s"),
        Row("full / floor", Stats(1.7, 1.6, 1.8), "x", "<= 1.3", False),
        Row("per test", Stats(0.0005, 0.0004, 0.0009), "ms", "<= 1 ms", True),
    ])
    assert table.splitlines() == [
        "Measurement    median      min      max  target",
        "floor         0.200 s  0.190 s  0.250 s",
        "full / floor   1.70 x   1.60 x   1.80 x  <= 1.3   MISSED",
        "per test      0.50 ms  0.40 ms  0.90 ms  <= 1 ms  met",
    ]


def test_one_request_per_catalogue_case_built_from_its_recipe(monkeypatch):
    monkeypatch.setattr("bench.measure.new_key", lambda: "RlJFU0hGUkVTSEZSRVNIIQ==")
    target = parse_target("ws://127.0.0.1:8765/chat?room=1")
    requests = case_requests(CASES, target)
    assert len(requests) == len(CASES)
    for case, request in zip(CASES, requests):
        recipe = case.recipe
        key = "RlJFU0hGUkVTSEZSRVNIIQ==" if recipe.fresh_key else SAMPLE_KEY
        assert request == build_upgrade_request(
            recipe.method, "/chat?room=1", "127.0.0.1:8765", recipe.http_version, recipe.headers, recipe.body, key
        )


def test_a_post_with_a_body_is_sent_exactly_as_the_suite_sends_it():
    (request,) = case_requests([case_by_id("COMP-UPGRADE-POST-BODY")], parse_target("ws://127.0.0.1:8765/"))
    assert request == (
        b"POST / HTTP/1.1\r\nHost: 127.0.0.1:8765\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
        b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nContent-Length: 5\r\n\r\nhello"
    )


def test_fresh_keys_differ_from_one_derivation_to_the_next():
    fresh = [case for case in CASES if case.recipe.fresh_key]
    target = parse_target("ws://127.0.0.1:8765/")
    assert fresh and case_requests(fresh, target) != case_requests(fresh, target)


@pytest.mark.parametrize(("received", "whole"), [
    (b"", False),
    (b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n", False),
    (b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n", True),
    (b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 5\r\n\r\nFail", False),
    (b"HTTP/1.1 405 Method Not Allowed\r\ncontent-length: 5\r\n\r\nFailed", True),
    (b"HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n", False),
    (b"HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", True),
    (b"HTTP/1.0 400 Bad Request\r\n\r\nuntil the connection closes", False),
])
def test_an_answer_is_whole_once_its_framing_says_so(received, whole):
    assert answer_complete(received) is whole


def test_the_empty_suite_has_the_asked_number_of_tests_that_do_nothing():
    from robot.api import get_model

    model = get_model(empty_suite(3))
    tests = model.sections[0].body
    assert [test.name for test in tests] == ["Empty 1", "Empty 2", "Empty 3"]
    assert {step.keyword for test in tests for step in test.body if hasattr(step, "keyword")} == {"No Operation"}


def test_test_time_is_split_into_library_keywords_and_the_wire_observed():
    from robot.result import TestSuite

    suite = TestSuite(name="Suites")
    suite.setup.config(name="Set Target URL", owner="WsComplianceLibrary", elapsed_time=0.5)
    test = suite.tests.create(name="COMP-UPGRADE-POST", elapsed_time=0.010)
    frame = test.body.create_keyword(name="Upgrade With Method Must Not Switch Protocols", owner="compliance",
                                     elapsed_time=0.009)
    send = frame.body.create_keyword(name="Send Raw Upgrade With Method", owner="WsComplianceLibrary",
                                     elapsed_time=0.004)
    send.body.create_message(message="<details>request and answer</details>", html=True)
    send.body.create_message(message='Observed {"outcome": "answered", "status": 405, "elapsed": 0.003}')
    frame.body.create_keyword(name="Response Should Meet Rule", owner="WsComplianceLibrary", elapsed_time=0.001)
    split = time_split(suite)
    assert split == TimeSplit(tests=pytest.approx(0.010), library=pytest.approx(0.005), exchanges=pytest.approx(0.003))


def test_the_silent_sample_takes_the_first_cases_of_every_family_in_catalogue_order():
    families = list(dict.fromkeys(case.family for case in CASES))
    one_each = sample_cases(CASES, 1)
    assert [case_by_id(case_id).family for case_id in one_each] == families
    assert one_each == [next(case.id for case in CASES if case.family == family) for family in families]
    two_each = sample_cases(CASES, 2)
    assert set(one_each) < set(two_each)
    assert all(sum(case_by_id(c).family == family for c in two_each) <= 2 for family in families)


def test_the_request_derivation_uses_every_field_a_recipe_has():
    # A recipe field the derivation does not know would make the bare loop send other requests than the suites.
    assert {field.name for field in dataclasses.fields(Recipe)} == {
        "method", "http_version", "headers", "body", "fresh_key",
    }
