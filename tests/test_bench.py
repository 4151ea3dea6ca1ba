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


# --- the frame side: bare frame exchanges, bulk suite, silent after the handshake ---

from bench.measure import (  # noqa: E402
    Await,
    BareTime,
    FrameProbe,
    Pause,
    answers_in,
    bulk_suite,
    case_timeout,
    closing_frame,
    frame_probe,
    keyword_seconds,
    representative_probe,
    scan_frames,
)
from WsComplianceLibrary.catalogue import Case  # noqa: E402
from WsComplianceLibrary.wire.websocket import (  # noqa: E402
    BINARY,
    CLOSE,
    CONTINUATION,
    PING,
    PONG,
    TEXT,
    FrameReader,
    build_frame,
)


def _frame_case(expect: str, case_id: str = "COMP-FRAME-X", **cells: str) -> Case:
    return Case(id=case_id, family="f", title="t", rfc=(), level="MUST", recipe=None, expect=expect, says="",
                why="", cells=tuple((name.replace("_", " "), value) for name, value in cells.items()))


def _sent(probe: FrameProbe) -> list[tuple[int, bool, int, bytes]]:
    """The frames a probe writes, read back (opcode, FIN, RSV bits, payload unmasked)."""
    reader = FrameReader(max_message_size=1 << 24)
    reader.feed(b"".join(step for step in probe.steps if isinstance(step, bytes)))
    frames = []
    while (event := reader.next_event()) is not None:
        if hasattr(event, "fin"):
            frames.append((event.opcode, event.fin, event.rsv1 << 2 | event.rsv2 << 1 | event.rsv3, event.payload))
    return frames


def _waits(probe: FrameProbe) -> list[Await | Pause]:
    return [step for step in probe.steps if not isinstance(step, bytes)]


def test_frames_are_scanned_by_their_length_fields_whatever_the_form():
    frames = [build_frame(TEXT, b"a" * 5, masked=False), build_frame(BINARY, b"b" * 300, masked=False),
              build_frame(PONG, b"", masked=False), build_frame(TEXT, b"c" * 70000, fin=False, masked=False),
              build_frame(CLOSE, b"\x03\xe8")]  # the last masked, as a server must not
    stream = b"".join(frames)
    assert scan_frames(stream) == ([(TEXT, True), (BINARY, True), (PONG, True), (TEXT, False), (CLOSE, True)],
                                   len(stream))
    cut = len(stream) - 1
    assert scan_frames(stream[:cut]) == ([(TEXT, True), (BINARY, True), (PONG, True), (TEXT, False)],
                                         cut - len(frames[-1]) + 1)
    start = len(frames[0])
    assert scan_frames(stream, start)[0][0] == (BINARY, True)
    assert scan_frames(frames[3][:5]) == ([], 0)  # the 64-bit length not whole yet
    assert scan_frames(b"\x81") == ([], 0)


def test_answers_are_last_frames_of_messages_pongs_and_closes():
    frames = [(TEXT, False), (CONTINUATION, False), (CONTINUATION, True), (BINARY, True), (PING, True),
              (PONG, True), (CLOSE, True)]
    assert answers_in(frames) == 4


def test_a_probe_knows_whether_it_sends_a_close_even_when_its_writes_split_frames():
    chopped = build_frame(TEXT, b"*" * 65536)
    pieces = tuple(chopped[start:start + 997] for start in range(0, len(chopped), 997))
    assert not FrameProbe("chopped", (*pieces, Await(1))).sends_close  # masked payload is never read as headers
    close = build_frame(CLOSE, b"\x03\xe8")
    assert FrameProbe("split close", (close[:3], close[3:], Await(1))).sends_close
    assert closing_frame()[0] == 0x88 and _sent(FrameProbe("c", (closing_frame(),)))[0][3] == b"\x03\xe8"


def test_an_echoed_frame_is_derived_with_its_length_and_chops():
    probe = frame_probe(_frame_case("frame echoed", type="binary", hex="fe", length="300", chop="97"))
    assert probe.derived and probe.case_id == "COMP-FRAME-X"
    writes = [step for step in probe.steps if isinstance(step, bytes)]
    assert [len(write) for write in writes] == [97, 97, 97, 17]  # 4 + 4 + 300 bytes of header, key, payload
    assert _sent(probe) == [(BINARY, True, 0, b"\xfe" * 300)]
    assert _waits(probe) == [Await(1)]
    text = frame_probe(_frame_case("frame echoed", type="text", hex="2a", length="0"))
    assert _sent(text) == [(TEXT, True, 0, b"")]


def test_utf8_rows_are_sent_as_text_whole_or_in_fragments_of_their_size():
    whole = frame_probe(_frame_case("invalid utf8 fails", hex="cebae1bdb9cf83cebcceb5eda080656469746564"))
    assert _sent(whole) == [(TEXT, True, 0, bytes.fromhex("cebae1bdb9cf83cebcceb5eda080656469746564"))]
    split = frame_probe(_frame_case("valid utf8 echoed", hex="cebae1", fragment_size="1"))
    assert _sent(split) == [(TEXT, False, 0, b"\xce"), (CONTINUATION, False, 0, b"\xba"),
                            (CONTINUATION, True, 0, b"\xe1")]
    empty = frame_probe(_frame_case("valid utf8 fragments echoed", fragments="||"))
    assert _sent(empty) == [(TEXT, False, 0, b""), (CONTINUATION, False, 0, b""), (CONTINUATION, True, 0, b"")]


def test_pauses_between_fragments_are_kept_in_the_floor():
    fast = frame_probe(_frame_case("invalid utf8 fails fast", fragments="ce|f4908080|65", pause="1s"))
    assert [type(step).__name__ for step in fast.steps] == ["bytes", "Pause", "bytes", "Pause", "bytes", "Await"]
    assert _waits(fast) == [Pause(1.0), Pause(1.0), Await(1)]
    pings = frame_probe(_frame_case("pings between fragments with pause", type="text", fragments="f1|f2|f3|f4|f5",
                                    ping="p1|p2", pause="1s"))
    assert [(opcode, payload) for opcode, _, _, payload in _sent(pings)] == [
        (TEXT, b"f1"), (CONTINUATION, b"f2"), (PING, b"p1"), (CONTINUATION, b"f3"), (CONTINUATION, b"f4"),
        (PING, b"p2"), (CONTINUATION, b"f5")]
    assert _waits(pings) == [Pause(1.0), Await(3)]


def test_control_frames_rsv_bits_opcodes_and_closes_are_derived_from_their_cells():
    assert _sent(frame_probe(_frame_case("ping answered", hex="fe", repeat="125"))) == [(PING, True, 0, b"\xfe" * 125)]
    assert _sent(frame_probe(_frame_case("rsv fails", type="close", rsv="7"))) == [(CLOSE, True, 7, b"")]
    after_echo = frame_probe(_frame_case("opcode after echo fails", opcode="13", payload="x", text_before="Hello"))
    assert _sent(after_echo) == [(TEXT, True, 0, b"Hello"), (13, True, 0, b"x")]
    assert _waits(after_echo) == [Await(2)]
    pings = frame_probe(_frame_case("pings in order", payload="payload-", count="3"))
    assert [payload for *_, payload in _sent(pings)] == [b"payload-0", b"payload-1", b"payload-2"]
    assert _waits(pings) == [Await(3)]
    close = frame_probe(_frame_case("bad close code fails", code="999", reason="*", repeat="3"))
    assert _sent(close) == [(CLOSE, True, 0, b"\x03\xe7***")] and close.sends_close
    no_code = frame_probe(_frame_case("bad close payload fails", reason_hex="61"))
    assert _sent(no_code) == [(CLOSE, True, 0, b"a")]
    after = frame_probe(_frame_case("close after message", code="1000", frame_type="text", frame_payload="Hi"))
    assert _sent(after) == [(TEXT, True, 0, b"Hi"), (CLOSE, True, 0, b"\x03\xe8")]
    assert _waits(after) == [Await(1), Await(1)]


def test_rules_without_a_derivation_get_the_representative_exchange_with_their_pauses():
    probe = frame_probe(_frame_case("unmasked fails", type="text", payload="Hello"))
    assert probe == FrameProbe("COMP-FRAME-X", probe.steps, derived=False)
    assert [(opcode, payload) for opcode, *_, payload in _sent(probe)] == [(TEXT, b"Hello, world!"),
                                                                          (PING, b"Hello, world!")]
    assert _waits(probe) == [Await(1), Await(1)]
    unreadable = frame_probe(_frame_case("frame echoed", type="text", hex="not hex", length="3"))
    assert not unreadable.derived
    paused = frame_probe(_frame_case("some rule", fragments="a|b|c", pause="0.5s"))
    assert _waits(paused) == [Await(1), Await(1), Pause(1.0)]
    assert _waits(representative_probe("X")) == [Await(1), Await(1)]


def test_the_derivations_name_rules_of_the_frame_catalogue():
    frames = pytest.importorskip("WsComplianceLibrary.catalogue.frames")
    from bench.measure import _DERIVATIONS

    rules = {case.expect for case in frames.CASES}
    assert set(_DERIVATIONS) <= rules
    unslowed = [case for case in frames.CASES if "slow" not in case.tags]
    probes = [frame_probe(case) for case in unslowed]
    assert sum(probe.derived for probe in probes) >= 0.8 * len(probes)
    # Every derived row reads back as frames and waits for an answer, but an unsolicited Pong, which gets none.
    for case, probe in zip(unslowed, probes):
        if probe.derived:
            assert _sent(probe), case.id
            assert any(isinstance(step, Await) for step in probe.steps) or case.expect == "pong ignored", case.id


def test_a_case_waits_its_own_timeout_cell_or_the_default():
    assert case_timeout(_frame_case("frame echoed", timeout="10s"), 1.0) == 10.0
    assert case_timeout(_frame_case("frame echoed", timeout=""), 1.0) == 1.0
    assert case_timeout(_frame_case("frame echoed"), 2.5) == 2.5


def test_bare_time_adds_handshakes_and_frames():
    assert BareTime(0.25, 1.5, 1.0).total == 1.75
    assert BareTime(0.25).total == 0.25


def test_the_bulk_suite_echoes_through_the_frame_keywords_and_measures_robot_beside():
    from robot.api import get_model
    from robot.parsing.model.statements import KeywordCall

    text = bulk_suite("WsComplianceLibrary", "ws://127.0.0.1:1/",
                      [("Big", "binary    payload_hex=fe    repeat=16777216", 1), ("Many", "text    payload=hi", 1000)],
                      baseline_rounds=1000)
    model = get_model(text)
    settings, tests = model.sections
    assert "Library    WsComplianceLibrary" in text and "Suite Setup    Set Target URL    ws://127.0.0.1:1/" in text
    assert [test.name for test in tests.body] == ["Big", "Many", "Robot Keyword Calls"]
    big, many, baseline = tests.body
    assert [step.keyword for step in big.body if isinstance(step, KeywordCall)] == [
        "Open WebSocket", "Send Message", "Message Should Be Echoed", "Close WebSocket"]
    assert [step.args for step in big.body if isinstance(step, KeywordCall)][1] == (
        "binary", "payload_hex=fe", "repeat=16777216")
    loop = next(step for step in many.body if type(step).__name__ == "For")
    assert loop.header.values == ("1000",)
    assert [step.keyword for step in loop.body if isinstance(step, KeywordCall)] == [
        "Send Message", "Message Should Be Echoed"]
    baseline_loop = next(step for step in baseline.body if type(step).__name__ == "For")
    assert [step.keyword for step in baseline_loop.body if isinstance(step, KeywordCall)] == [
        "No Operation", "No Operation"]
    assert "Robot Keyword Calls" not in bulk_suite("L", "ws://h/", [("Big", "text", 1)])


def test_keyword_time_sums_the_named_library_keywords_at_any_depth():
    from robot.result import TestSuite

    suite = TestSuite(name="Bulk")
    test = suite.tests.create(name="Many", elapsed_time=1.0)
    test.body.create_keyword(name="Open WebSocket", owner="WsComplianceLibrary", elapsed_time=0.5)
    loop = test.body.create_for(assign=["${round}"], values=["2"], elapsed_time=0.4)
    for _ in range(2):
        iteration = loop.body.create_iteration(elapsed_time=0.2)
        iteration.body.create_keyword(name="Send Message", owner="WsComplianceLibrary", elapsed_time=0.05)
        echoed = iteration.body.create_keyword(name="Message Should Be Echoed", owner="WsComplianceLibrary",
                                               elapsed_time=0.1)
        echoed.body.create_keyword(name="Send Message", owner="WsComplianceLibrary", elapsed_time=0.01)  # not again
        iteration.body.create_keyword(name="Send Message", owner="Other", elapsed_time=1.0)
    assert keyword_seconds(test, ["Send Message", "Message Should Be Echoed"]) == pytest.approx(0.3)
    assert keyword_seconds(test, ["Send Message"], "Other") == pytest.approx(2.0)


def test_pauses_in_builtin_sleep_are_split_out_of_the_test_time():
    from robot.result import TestSuite

    suite = TestSuite(name="Frames")
    test = suite.tests.create(name="COMP-FRAME-6-4-1", elapsed_time=2.1)
    frame = test.body.create_keyword(name="Invalid UTF-8 Must Fail", owner="frames", elapsed_time=2.09)
    frame.body.create_keyword(name="Sleep", owner="BuiltIn", elapsed_time=1.0)
    frame.body.create_keyword(name="Send Frame", owner="WsComplianceLibrary", elapsed_time=0.02)
    frame.body.create_keyword(name="Sleep", owner="BuiltIn", elapsed_time=1.0)
    assert time_split(suite) == TimeSplit(tests=pytest.approx(2.1), library=pytest.approx(0.02), exchanges=0.0,
                                          pauses=pytest.approx(2.0))


def test_the_mute_server_answers_the_clients_key_with_a_correct_101():
    from bench.servers import switching_protocols
    from WsComplianceLibrary.wire.http1.request import accept_for_key

    head = build_upgrade_request("GET", "/", "127.0.0.1:1", key=SAMPLE_KEY)
    answer = switching_protocols(head[:head.index(b"\r\n\r\n") + 4])
    assert answer.startswith(b"HTTP/1.1 101 Switching Protocols\r\n") and answer.endswith(b"\r\n\r\n")
    assert f"Sec-WebSocket-Accept: {accept_for_key(SAMPLE_KEY)}\r\n".encode() in answer
    assert accept_for_key(SAMPLE_KEY) == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="


def test_the_bare_frame_loop_finishes_every_kind_of_probe_without_waiting_for_a_timeout(reference_server):
    from bench.run import bare_echoes, bare_frame_exchanges

    target = parse_target(reference_server.url)
    probes = [
        frame_probe(_frame_case("frame echoed", type="text", hex="2a", length="65536", chop="997")),
        frame_probe(_frame_case("invalid utf8 fails", hex="eda080")),
        frame_probe(_frame_case("close code echoed", code="1000")),
        frame_probe(_frame_case("pong ignored", payload="heartbeat")),
        frame_probe(_frame_case("pings in order", payload="p-", count="10")),
        representative_probe("X", 0.05),
    ]
    spent = bare_frame_exchanges(probes, target, timeout=2.0)
    assert spent.frames < 1.0 and spent.handshakes < 1.0
    assert 0.05 <= spent.pauses < 0.2 and spent.keyword_pauses == 0.0
    assert bare_echoes(target, TEXT, b"*", 70000, 2) < 1.0
    assert bare_echoes(target, BINARY, b"hi", 1, 50) < 1.0


def test_the_bare_compressed_loop_echoes_the_keywords_messages_with_the_agreed_window(reference_server):
    from bench.run import bare_compressed_echoes

    target = parse_target(reference_server.url)
    assert bare_compressed_echoes(target, "json", TEXT, 4096, 20) < 2.0
    assert bare_compressed_echoes(target, "image", BINARY, 70000, 3) < 2.0


def test_every_part_of_the_benchmark_has_its_measurement():
    import bench.run as run

    assert run.PARTS == ("handshake", "embedded", "silent", "parallel", "frames", "bulk", "mute", "compressed")
    for name in ("measure_target", "measure_embedded", "measure_silent", "measure_parallel", "measure_bulk",
                 "measure_compressed", "frame_cases", "frame_test_ids", "frame_area", "handshake_area"):
        assert callable(getattr(run, name)), name
    assert run.parse_arguments(["--quick", "--parts", "frames", "bulk"]).parts == ["frames", "bulk"]
    assert run.parse_arguments([]).parts == list(run.PARTS)


def test_one_frame_written_in_parts_pauses_inside_the_keyword():
    probe = frame_probe(_frame_case("invalid utf8 in one frame fails fast", fragments="ce|f4908080|65", pause="1s"))
    assert probe.derived
    assert _sent(probe) == [(TEXT, False, 0, bytes.fromhex("cef490808065")), (CONTINUATION, True, 0, b"")]
    writes = [step for step in probe.steps if isinstance(step, bytes)]
    assert [len(write) for write in writes] == [2 + 4 + 1, 4, 1, 6]  # header, key and part 1; parts 2 and 3; FIN
    assert _waits(probe) == [Pause(1.0, in_keyword=True), Pause(1.0, in_keyword=True), Await(1)]


def test_a_keywords_own_pause_counts_as_frame_time_in_the_bare_loop(reference_server):
    from bench.run import bare_frame_exchanges

    steps = (build_frame(TEXT, b"hi"), Pause(0.05, in_keyword=True), Await(1), Pause(0.05))
    spent = bare_frame_exchanges([FrameProbe("X", steps)], parse_target(reference_server.url))
    assert 0.1 <= spent.frames < 0.5 and 0.05 <= spent.pauses < 0.1 and 0.05 <= spent.keyword_pauses < 0.1


def test_the_bulk_suite_can_make_the_round_trips_in_one_keyword_call_before_the_baseline():
    from robot.api import get_model
    from robot.parsing.model.statements import KeywordCall

    text = bulk_suite("WsComplianceLibrary", "ws://127.0.0.1:1/", [("Many", "text    payload=hi", 1000)],
                      baseline_rounds=1000, one_call=("text    payload=hi", 1000))
    _, tests = get_model(text).sections
    assert [test.name for test in tests.body] == ["Many", "Round Trips In One Keyword Call", "Robot Keyword Calls"]
    one_call = tests.body[1]
    assert [(step.keyword, step.args) for step in one_call.body if isinstance(step, KeywordCall)] == [
        ("Open WebSocket", ()), ("Round Trips Should Be Echoed", ("1000", "text", "payload=hi")),
        ("Close WebSocket", ())]
