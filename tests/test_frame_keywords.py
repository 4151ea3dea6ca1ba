"""The frame keywords against the reference server, our frame fixture server and each of its violations.

Scenarios are Autobahn-like cases written as keyword steps. Each runs on a
fresh library against a real server on 127.0.0.1; the verdict the keywords
reach (PASS, WARN, FAIL, SKIP) and its one sentence are compared with what
the server deserves. The judges are also tested on their own, and one Robot
run checks the log, the WARN tag and the skips end to end.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
from frame_fixture import BEHAVIOURS, VIOLATIONS, frame_server
from robot.api.exceptions import SkipExecution
from robotrun import run_robot
from servers import BEHAVIOURS as HANDSHAKE_BEHAVIOURS, FixtureServer

import WsComplianceLibrary.keywords.frames as frame_keywords
import WsComplianceLibrary.keywords.websocket_session as websocket_session
from WsComplianceLibrary import WsComplianceLibrary
from WsComplianceLibrary.context import KeywordError
from WsComplianceLibrary.judges.frames import closed_cleanly, connection_failed, message_echoed
from WsComplianceLibrary.judges.verdicts import Verdict
from WsComplianceLibrary.wire.websocket import (
    CLOSE,
    PING,
    PONG,
    TEXT,
    EndKind,
    Ended,
    Frame,
    Message,
    OutgoingFrame,
    Session,
    close_payload,
    parse_close_payload,
)
from WsComplianceLibrary.wire.websocket.session import Expected, Observation

TIMEOUT = 1.0
"""Library timeout of the scenarios: every wait on a silent server costs this much."""

INVALID_TEXT = "cebae1bdb9cf83cebcceb5eda080656469746564"
"""'κόσμε', an encoded UTF-16 surrogate (ED A0 80), 'edited': Autobahn 6.3.1's invalid text."""

SLEEP = "sleep"

SCENARIOS: dict[str, list[tuple]] = {
    "echo text": [("Send Message", "text", "Hello <b>world</b>"), ("Message Should Be Echoed",)],
    "echo binary": [("Send Message", "binary", {"payload_hex": "00fffefdfcfb00ff"}), ("Message Should Be Echoed",)],
    "echo fragmented": [("Send Message", "text", "*", {"repeat": 300, "fragment_size": 64}),
                        ("Message Should Be Echoed",)],
    "ping": [("Send Ping", "hi"), ("Pong Should Answer Ping",)],
    "round trips": [("Round Trips Should Be Echoed", 50, "binary", {"payload_hex": "fe", "length": 300})],
    "ping inside a fragmented message": [
        ("Send Frame", "text", "fragment1", {"fin": False}), ("Send Ping", "ping payload"),
        ("Send Frame", "continuation", "fragment2"), ("Pong Should Answer Ping",), ("Message Should Be Echoed",)],
    "close": [("Server Should Close Cleanly",)],
    "close 3000": [("Send Close", 3000), ("Server Should Close Cleanly", {"strict": True})],
    "rsv": [("Send Frame", "text", "Hello", {"rsv": 1}), ("Connection Should Be Failed",)],
    "rsv ping": [("Send Frame", "ping", "Hello", {"rsv": 6}), ("Connection Should Be Failed",)],
    "reserved opcode": [("Send Frame", 3), ("Connection Should Be Failed",)],
    "unmasked": [("Send Frame", "text", "Hello", {"masked": False}), ("Connection Should Be Failed",)],
    "big ping": [("Send Ping", {"payload_hex": "fe", "repeat": 126}), ("Send Ping", "after"),
                 ("Connection Should Be Failed",)],
    "fragmented ping": [("Send Frame", "ping", "fragment1", {"fin": False}), ("Send Frame", "continuation", "x"),
                        ("Connection Should Be Failed",)],
    "stray continuation": [("Send Frame", "continuation", "x"), ("Connection Should Be Failed",)],
    "new message mid message": [("Send Frame", "text", "a", {"fin": False}), ("Send Frame", "text", "b"),
                                ("Connection Should Be Failed",)],
    "invalid utf8": [("Send Message", "text", {"payload_hex": INVALID_TEXT}), ("Connection Should Be Failed", 1007)],
    "invalid utf8 in a fragment": [
        ("Send Frame", "text", {"payload_hex": "cebae1bdb9cf83cebcceb5", "fin": False}), (SLEEP, 0.6),
        ("Send Frame", "continuation", {"payload_hex": "f4908080", "fin": False}), (SLEEP, 0.6),
        ("Send Frame", "continuation", {"payload_hex": "656469746564"}), ("Connection Should Be Failed", 1007)],
    "invalid close code": [("Send Close", 999), ("Connection Should Be Failed", {"strict": True})],
    "one-byte close": [("Send Close", {"reason": "a"}), ("Connection Should Be Failed", {"strict": True})],
    "rsv after a message and before a ping": [
        ("Send Message", "text", "Hello"), ("Send Frame", "text", "Hello", {"rsv": 2}), ("Send Ping",),
        ("Connection Should Be Failed",)],
}

CORRECT_EXCEPT = {"invalid utf8 in a fragment": "WARN", "rsv after a message and before a ping": "PASS or WARN"}
"""Where websockets is not Autobahn-OK: it fails invalid UTF-8 only at the message's end (Autobahn 6.4.x
NON-STRICT), and may fail the connection before its echo of an earlier message goes out (3.2 NON-STRICT)."""

VIOLATION_CASES = [
    ("no-utf8-check", "invalid utf8", "FAIL", "the payload is not valid UTF-8 from byte 11 on"),
    ("utf8-check-at-end", "invalid utf8 in a fragment", "WARN", "(Autobahn: NON-STRICT, not fail fast)"),
    ("accept-rsv", "rsv", "FAIL", "did not fail the connection after our frame 1 (TEXT, RSV 1; RSV3 is set without "
                                  "a negotiated extension giving it a meaning (RFC 6455 §5.2)): it sent the 5-byte "
                                  "TEXT message 'Hello'."),
    ("accept-rsv", "rsv ping", "FAIL", "did not fail the connection after our frame 1 (PING, RSV 6; RSV1 and RSV2 "
                                       "are set without a negotiated extension giving it a meaning (RFC 6455 §5.2)): "
                                       "it sent a PONG 'Hello'."),
    ("accept-reserved-opcode", "reserved opcode", "FAIL", "it neither sent a Close frame nor closed the TCP "
                                                          "connection within 1 s."),
    ("accept-unmasked", "unmasked", "FAIL", "a client MUST mask every frame (RFC 6455 §5.1)): it sent the 5-byte"),
    ("accept-big-control", "big ping", "FAIL", "more than 125 (RFC 6455 §5.5)): it sent a PONG 'after'."),
    ("accept-fragmented-control", "fragmented ping", "FAIL", "MUST NOT be fragmented (RFC 6455 §5.5)): it sent a PONG 'fragment1'."),
    ("accept-bad-continuation", "stray continuation", "FAIL", "neither sent a Close frame"),
    ("accept-bad-continuation", "new message mid message", "FAIL", "(RFC 6455 §5.4)): it sent the 1-byte TEXT "
                                                                   "message 'b'."),
    ("accept-bad-close-code", "invalid close code", "FAIL", "but with a Close frame with code 1000 instead of 1002."),
    ("accept-bad-close-code", "one-byte close", "FAIL", "instead of 1002."),
    ("ignore-ping", "ping", "FAIL", "Expected a PONG answering the PING 'hi' (RFC 6455 §5.5.2), but the server sent "
                                    "nothing more within 1 s."),
    ("pong-wrong-payload", "ping", "FAIL", "but the server sent a PONG with the payload 'not hi' (RFC 6455 §5.5.3)."),
    ("close-code-1000-always", "rsv", "WARN", "instead of 1002 (Autobahn: WRONG CODE)."),
    ("close-code-1000-always", "invalid close code", "FAIL", "instead of 1002."),
    ("no-close-reply", "close", "FAIL", "The server closed the TCP connection without answering our Close frame "
                                        "(code 1000) with a Close frame, though an endpoint that receives a Close "
                                        "MUST send a Close in response (RFC 6455 §5.5.1; Autobahn grades this "
                                        "UNCLEAN, a warning)."),
    ("ignore-close", "close", "FAIL", "neither answered our Close frame (code 1000) with a Close frame nor closed "
                                      "the connection within 1 s (RFC 6455 §5.5.1)."),
    ("keep-tcp-open", "close", "FAIL", "but kept the TCP connection open for 1 s, though the server MUST close it "
                                       "immediately after the closing handshake (RFC 6455 §5.5.1, §7.1.1; Autobahn "
                                       "grades this UNCLEAN, a warning)."),
    ("echo-before-close", "rsv", "FAIL", "it sent the 5-byte TEXT message 'Hello'."),
    ("masked-server-frames", "echo text", "FAIL", "the server masked it (key "),
    ("masked-server-frames", "round trips", "FAIL", "the server masked it (key "),
    ("rsv-on-server-frames", "echo text", "FAIL", "RSV1 is set without a negotiated extension giving it a meaning"),
    ("oversized-pong", "ping", "FAIL", "a control frame carries 126 bytes, more than 125 (RFC 6455 §5.5)."),
    ("data-after-close", "rsv", "FAIL", "it arrived after the server's Close frame"),
    ("invalid-close-code-from-server", "rsv", "FAIL", "the close code 1006 may not be sent in a Close frame"),
    ("drop-on-error", "rsv", "PASS", "(RFC 6455 §5.2)): it closed the TCP connection."),
    ("fail-before-echo", "rsv after a message and before a ping", "WARN",
     "but without first sending the echo of the 5-byte TEXT message 'Hello' sent before it (Autobahn: NON-STRICT)."),
    ("no-echo", "echo text", "SKIP", "Not applicable: the target does not echo: to the text message "
                                     "'WsComplianceLibrary echo check' it sent nothing more within 1 s."),
    ("no-echo", "rsv after a message and before a ping", "PASS", "sent a Close frame with code 1002"),
]


class Recorder:
    """Stands in for ``report`` outside Robot: keeps every verdict, raises on a failed one as ``report`` does."""

    def __init__(self) -> None:
        self.verdicts: list[Verdict] = []

    def __call__(self, verdict: Verdict, msg: str | None = None) -> None:
        self.verdicts.append(verdict)
        if not verdict.passed:
            raise AssertionError(verdict.message)


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    recording = Recorder()
    monkeypatch.setattr(frame_keywords, "report", recording)
    monkeypatch.setattr(websocket_session, "report", recording)
    return recording


def call(library: WsComplianceLibrary, name: str, *args, **kwargs):
    """Run a keyword by the name a suite uses, as Robot's dynamic API would."""
    registered = {key.replace("_", " ").lower(): key for key in library.get_keyword_names()}
    return library.run_keyword(registered[name.lower()], list(args), kwargs)


def play(url: str, scenario: str, recorder: Recorder) -> tuple[str, str]:
    """Run ``scenario`` on a new connection to ``url``; its status (PASS, WARN, FAIL, SKIP) and last sentence."""
    library = WsComplianceLibrary(url=url, timeout=timedelta(seconds=TIMEOUT))
    try:
        call(library, "Open WebSocket")
        for step in SCENARIOS[scenario]:
            if step[0] == SLEEP:
                time.sleep(step[1])
                continue
            options = step[-1] if isinstance(step[-1], dict) else {}
            positional = step[1:-1] if options else step[1:]
            call(library, step[0], *positional, **options)
    except SkipExecution as skip:
        return "SKIP", str(skip)
    except AssertionError as failure:
        return "FAIL", str(failure)
    finally:
        call(library, "Close WebSocket")
    last = recorder.verdicts[-1]
    return ("WARN" if last.warning else "PASS"), last.message


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.fixture(scope="module")
def correct_fixture() -> Iterator[FixtureServer]:
    with frame_server() as server:
        yield server


# --- against correct servers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_the_reference_server_passes(scenario, reference_server, recorder):
    started = time.monotonic()
    status, message = play(reference_server.url, scenario, recorder)
    assert status in CORRECT_EXCEPT.get(scenario, "PASS").split(" or "), message
    assert time.monotonic() - started < TIMEOUT + 2


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_the_correct_fixture_passes_without_warnings(scenario, correct_fixture, recorder):
    status, message = play(correct_fixture.url, scenario, recorder)
    assert status == "PASS", message


def test_a_16_mib_binary_message_is_echoed_by_the_reference_server(reference_server, recorder):
    library = WsComplianceLibrary(url=reference_server.url)
    call(library, "Open WebSocket")
    try:
        call(library, "Send Message", "binary", payload_hex="00fe23faf0", length=16 * 1024 * 1024)
        call(library, "Message Should Be Echoed", timeout=timedelta(seconds=20))
        call(library, "Server Should Close Cleanly")
    finally:
        call(library, "Close WebSocket")
    assert recorder.verdicts[0].message == ("The server echoed the 16777216-byte BINARY message "
                                            "'\\x00\\xfe#\\xfa\\xf0\\x00\\xfe#\\xfa\\xf0\\x00\\xfe#\\xfa\\xf0\\x00\\xfe"
                                            "#\\xfa\\xf0\\x00\\xfe#\\xfa\\xf0\\x00\\xfe#\\xfa\\xf0\\x00\\xfe#\\xfa"
                                            "\\xf0\\x00\\xfe#\\xfa\\xf0... (16777176 more bytes)'.")


def test_receive_keywords_return_frames_and_messages(correct_fixture, recorder):
    library = WsComplianceLibrary(url=correct_fixture.url, timeout=timedelta(seconds=TIMEOUT))
    call(library, "Open WebSocket")
    try:
        call(library, "Send Ping", "p")
        call(library, "Send Message", "text", "abc", fragment_size=1)
        frame = call(library, "Receive Frame")
        message = call(library, "Receive Message")
        call(library, "Send Close", 1000)
        close = call(library, "Receive Frame")
        with pytest.raises(AssertionError, match="Expected a frame, but the server had sent its Close frame already."):
            call(library, "Receive Frame")
    finally:
        call(library, "Close WebSocket")
    assert (frame.opcode, frame.payload) == (PONG, b"p")
    assert (message.opcode, message.payload, message.frame_count) == (TEXT, b"abc", 1)
    assert parse_close_payload(close.payload).code == 1000


# --- against the violations ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("variant", "scenario", "expected", "sentence"), VIOLATION_CASES,
                         ids=[f"{case[0]}-{case[1]}" for case in VIOLATION_CASES])
def test_each_violation_gets_its_verdict(variant, scenario, expected, sentence, recorder):
    started = time.monotonic()
    with frame_server(variant) as server:
        status, message = play(server.url, scenario, recorder)
    assert (status, sentence in message) == (expected, True), message
    assert "Traceback" not in message and message.count(". ") == 0, message
    assert time.monotonic() - started < 2 * TIMEOUT + 2.5


def test_every_fixture_variant_is_exercised():
    assert {case[0] for case in VIOLATION_CASES} == set(VIOLATIONS) | set(BEHAVIOURS)


def test_a_non_endpoint_makes_frame_cases_not_applicable(recorder):
    with FixtureServer(HANDSHAKE_BEHAVIOURS["answer-404"]) as server:
        library = WsComplianceLibrary(url=server.url, timeout=timedelta(seconds=TIMEOUT))
        with pytest.raises(SkipExecution, match=r"^Not applicable: the correct handshake \(COMP-UPGRADE-BASELINE\) "
                                                 "answered 404 Not Found too"):
            call(library, "Open WebSocket")


def test_misuse_fails_in_one_sentence(correct_fixture, recorder):
    library = WsComplianceLibrary(url=correct_fixture.url, timeout=timedelta(seconds=TIMEOUT))
    with pytest.raises(KeywordError, match="No WebSocket is open: call Open WebSocket first."):
        call(library, "Send Ping")
    call(library, "Open WebSocket")
    try:
        with pytest.raises(KeywordError, match="Opcode 'texte' is neither a number 0-15 nor one of continuation"):
            call(library, "Send Frame", "texte")
        with pytest.raises(KeywordError, match="rsv is the 3-bit RSV field, 0 to 7"):
            call(library, "Send Frame", "text", rsv=8)
        with pytest.raises(KeywordError, match="is not pairs of hex digits"):
            call(library, "Send Message", "binary", payload_hex="xyz")
        with pytest.raises(KeywordError, match="nothing to judge"):
            call(library, "Connection Should Be Failed")
        with pytest.raises(KeywordError, match="waiting for its echo"):
            call(library, "Message Should Be Echoed")
    finally:
        call(library, "Close WebSocket")
        call(library, "Close WebSocket")


def test_no_socket_is_left_open(reference_server, recorder):
    with frame_server("ignore-close") as server:
        play(server.url, "close", recorder)
        before = open_fds()
        for scenario in ("echo text", "rsv", "close", "invalid utf8 in a fragment"):
            play(reference_server.url, scenario, recorder)
            play(server.url, scenario, recorder)
        time.sleep(TIMEOUT + 0.5)  # the background echo probes end within their timeout
    assert open_fds() <= before


# --- the judges on their own ---------------------------------------------------------------------------------


def sent(session: Session, opcode: int, payload: bytes, **fields):
    """Account for one frame in ``session``; the rule it breaks (or ``None``) and the answer it earned (or ``None``)."""
    owed_before = len(session.expected)
    violation = session.send(OutgoingFrame(opcode, payload, **fields), 0.0).violation
    return violation, (session.expected[-1] if len(session.expected) > owed_before else None)


def test_the_session_finds_the_first_frame_a_server_must_fail():
    session = Session()
    assert sent(session, TEXT, b"Hello") == (None, Expected("echo", TEXT, b"Hello", 1))
    violation, expected = sent(session, TEXT, b"Hello", rsv=2)
    assert expected is None and violation == session.first_violation
    assert violation.summary() == ("our frame 2 (TEXT, RSV 2; RSV2 is set without a negotiated extension giving it "
                                   "a meaning (RFC 6455 §5.2))")
    assert sent(session, PING, b"") == (None, None)  # after a violation nothing is owed


def test_the_session_locates_invalid_utf8_in_a_fragment():
    session = Session()
    assert sent(session, TEXT, bytes.fromhex("cebae1bdb9cf83cebcceb5"), fin=False) == (None, None)
    violation, _ = sent(session, 0x0, bytes.fromhex("f4908080"), fin=False)
    assert (violation.number, violation.code, violation.invalid_utf8_in_fragment) == (2, 1007, True)
    assert sent(session, 0x0, b"edited")[0] is None  # the message was invalid already


@pytest.mark.parametrize(("payload", "code"), [(close_payload(999), 1002), (b"a", 1002),
                                               (close_payload(1000, b"\xff"), 1007),
                                               (close_payload(1000, b"*" * 124), 1002)])
def test_the_session_checks_close_payloads(payload, code):
    violation, _ = sent(Session(), CLOSE, payload)
    assert violation is not None and violation.code == code


def test_frames_after_our_close_are_not_violations():
    session = Session()
    sent(session, CLOSE, close_payload(1000))
    assert sent(session, TEXT, b"", rsv=4) == (None, None) and session.first_violation is None


def _frame(opcode: int, payload: bytes = b"") -> Frame:
    return Frame(True, False, False, False, opcode, False, None, len(payload), payload, b"")


def test_connection_failed_judges_answers_codes_and_timing():
    session = Session()
    _, owed = sent(session, TEXT, b"Hello")
    violation, _ = sent(session, TEXT, b"Hello", rsv=1)
    echo = Observation(Message(TEXT, b"Hello", 1), 0.0, 2)
    close_1002 = Observation(_frame(CLOSE, close_payload(1002)), 0.0, 2)
    close_1000 = Observation(_frame(CLOSE, close_payload(1000)), 0.0, 2)
    dropped = Observation(Ended(EndKind.CLOSED, "The server closed the TCP connection."), 0.0, 2)
    codes = frozenset({1002})

    def judge(observations, strict=False, target_echoes=True):
        return connection_failed(violation, observations, [owed], codes, strict, 1.0, target_echoes)

    assert judge([echo, close_1002]) == Verdict(True, f"The server failed the connection after {violation.summary()}: "
                                                      "it sent a Close frame with code 1002.")
    assert judge([echo, dropped]).passed and not judge([echo, dropped]).warning
    assert judge([echo, echo, close_1002]).message.endswith("it sent the 5-byte TEXT message 'Hello'.")
    assert judge([close_1002]).warning and "NON-STRICT" in judge([close_1002]).message
    assert not judge([close_1002], target_echoes=False).warning
    assert judge([echo, close_1000]).warning and not judge([echo, close_1000], strict=True).passed
    assert judge([echo]).message.endswith("it neither sent a Close frame nor closed the TCP connection within 1 s.")


def test_echo_and_close_judges():
    expected = Expected("echo", TEXT, b"abc", 1)
    assert message_echoed(expected, Message(TEXT, b"abd", 1), 1.0).message == (
        "Expected the echo of the 3-byte TEXT message 'abc', but the server sent the 3-byte TEXT message 'abd': "
        "they differ from byte 2 on.")
    assert not message_echoed(expected, None, 1.0).passed
    closed = Ended(EndKind.CLOSED, "")
    assert closed_cleanly(1001, parse_close_payload(close_payload(1000)), closed, False, False, 1.0) == Verdict(
        True, "The server answered our Close frame (code 1001) with a Close frame with code 1000 and then closed "
              "the TCP connection.")
    wrong = closed_cleanly(1001, parse_close_payload(close_payload(1002)), closed, False, False, 1.0)
    assert wrong.warning and "WRONG CODE" in wrong.message
    assert not closed_cleanly(1001, parse_close_payload(close_payload(1002)), closed, False, True, 1.0).passed
    assert closed_cleanly(None, parse_close_payload(b""), closed, False, False, 1.0).passed


def test_a_close_answered_without_a_close_or_with_tcp_left_open_fails_even_when_not_strict():
    """RFC 6455 §5.5.1 MUSTs that Autobahn grades UNCLEAN; a wrong code and a server-started close only warn."""
    closed, reset = Ended(EndKind.CLOSED, ""), Ended(EndKind.RESET, "")
    for tcp_end in (closed, reset):
        dropped = closed_cleanly(1000, None, tcp_end, False, False, 1.0)
        assert not dropped.passed and "MUST send a Close in response (RFC 6455 §5.5.1; Autobahn grades this UNCLEAN"\
            in dropped.message
    for tcp_end in (None, Ended(EndKind.TIMEOUT, "")):
        left_open = closed_cleanly(1000, parse_close_payload(close_payload(1000)), tcp_end, False, False, 1.0)
        assert not left_open.passed and "MUST close it immediately" in left_open.message
    started_by_server = closed_cleanly(1000, parse_close_payload(close_payload(1000)), closed, True, False, 1.0)
    assert started_by_server.passed and started_by_server.warning and "wrong endpoint" in started_by_server.message


# --- end to end in Robot -------------------------------------------------------------------------------------

ROBOT_SUITE = """\
*** Settings ***
Library           WsComplianceLibrary    timeout=1s
Test Teardown     Close WebSocket

*** Test Cases ***
Echo
    Set Target URL    ${REFERENCE}
    Open WebSocket
    Send Message    text    <script>alert(1)</script>
    Message Should Be Echoed
    Send Message    binary    payload_hex=fe    repeat=1048576    fragment_size=65536
    Message Should Be Echoed

Wrong Code
    Set Target URL    ${WRONG_CODE}
    Open WebSocket
    Send Frame    text    Hello    rsv=4
    Connection Should Be Failed

Not An Endpoint
    Set Target URL    ${NOT_AN_ENDPOINT}
    Open WebSocket
"""


def test_a_robot_run_logs_frames_escaped_and_briefly_warns_and_skips(tmp_path, reference_server):
    suite = tmp_path / "frames.robot"
    suite.write_text(ROBOT_SUITE)
    with frame_server("close-code-1000-always") as wrong_code, \
            FixtureServer(HANDSHAKE_BEHAVIOURS["answer-404"]) as not_an_endpoint:
        result = run_robot(tmp_path, suite, options=(
            "--variable", f"REFERENCE:{reference_server.url}", "--variable", f"WRONG_CODE:{wrong_code.url}",
            "--variable", f"NOT_AN_ENDPOINT:{not_an_endpoint.url}"))
    assert result.statuses() == {"Echo": "PASS", "Wrong Code": "PASS", "Not An Endpoint": "SKIP"}, result.console
    output = result.output.read_text()
    assert "sent TEXT frame (opcode 0x1), FIN, no RSV bits, masked with key" in output
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in output and "<script>" not in output
    assert "... and 6 more frames sent (393216 bytes of payload), not logged one by one." in output
    assert result.output.stat().st_size < 200_000
    assert "(Autobahn: WRONG CODE)." in output and '<tag>warn</tag>' in output
