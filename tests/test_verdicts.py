"""The verdict rules as pure functions, on responses built in memory."""

import pytest
import requests

from WsComplianceLibrary.wire.http1.request import accept_for_key, build_upgrade_request
from WsComplianceLibrary.wire.http1.response import Headers, Interim, Outcome, Response
from WsComplianceLibrary.judges.verdicts import (
    NotAResponse,
    accept_matches,
    as_response,
    handshake_accepted,
    not_switching_protocols,
)

POST = build_upgrade_request("POST", "/", "127.0.0.1:8080")
GET = build_upgrade_request("GET", "/", "127.0.0.1:8080", key="x3JJHMbDL1EzLkh9GBhXDw==")


def response(outcome=Outcome.ANSWERED, status=None, reason="", raw=b"", request=POST, **kwargs) -> Response:
    return Response(request=request, outcome=outcome, status=status, reason=reason, raw=raw, timeout=5.0, **kwargs)


def test_101_fails_naming_the_request():
    verdict = not_switching_protocols(response(status=101, reason="Switching Protocols"))
    assert not verdict.passed
    assert "switched protocols" in verdict.message and "'POST / HTTP/1.1'" in verdict.message


@pytest.mark.parametrize(
    ("status", "reading"),
    [(400, "as it should"), (405, "as it should"), (426, "as it should"), (200, "ignored the upgrade"),
     (302, "redirected"), (404, "refused the request"), (503, "5xx"), (999, "outside the registered range")],
)
def test_any_other_status_passes_with_a_reading(status, reading):
    verdict = not_switching_protocols(response(status=status, reason="R"))
    assert verdict.passed and reading in verdict.message


@pytest.mark.parametrize(("outcome", "word"), [(Outcome.CLOSED, "closed"), (Outcome.RESET, "reset")])
def test_close_or_reset_without_answer_passes(outcome, word):
    verdict = not_switching_protocols(response(outcome))
    assert verdict.passed and f"{word} the connection without answering" in verdict.message


def test_silence_fails_with_the_timeout_message():
    verdict = not_switching_protocols(response(Outcome.TIMEOUT))
    assert not verdict.passed
    assert "neither answered nor closed the connection within 5 s" in verdict.message


def test_invalid_bytes_fail_as_not_http():
    verdict = not_switching_protocols(
        response(Outcome.INVALID, raw=b"\x1b[31m<b>junk", detail="the server sent a first line that is not an HTTP status line")
    )
    assert not verdict.passed and "did not send a valid HTTP answer" in verdict.message
    assert "\\x1b" in verdict.message


def test_partial_bytes_then_close_fail():
    verdict = not_switching_protocols(response(Outcome.CLOSED, raw=b"HTT"))
    assert not verdict.passed and "not a complete status line" in verdict.message


def test_status_line_then_stall_is_judged_by_its_status():
    assert not not_switching_protocols(response(Outcome.TIMEOUT, status=101, raw=b"HTTP/1.1 101 X\r\n")).passed
    verdict = not_switching_protocols(response(Outcome.TIMEOUT, status=400, raw=b"HTTP/1.1 400 X\r\n"))
    assert verdict.passed and "stalled" in verdict.message


def test_interim_answers_are_mentioned():
    verdict = not_switching_protocols(
        response(status=405, reason="Method Not Allowed", interim=[Interim(100, "Continue", Headers())])
    )
    assert verdict.passed and "100 Continue, then 405 Method Not Allowed" in verdict.message


def test_reason_phrase_is_made_printable():
    verdict = not_switching_protocols(response(status=101, reason="OK\x1b[2J\xff"))
    assert "\x1b" not in verdict.message and "\\x1b[2J\\xff" in verdict.message


def test_handshake_accepted_needs_101_with_the_right_accept():
    good = response(status=101, request=GET, headers=Headers([("Sec-WebSocket-Accept", "HSmrc0sMlYUkAGmm5OPpG2HaGWk=")]))
    assert handshake_accepted(good).passed
    not_ws = handshake_accepted(response(status=404, reason="Not Found", request=GET, url="ws://127.0.0.1:1/x"))
    assert not not_ws.passed and "ws://127.0.0.1:1/x is not a WebSocket endpoint at this URL" in not_ws.message


@pytest.mark.parametrize(
    ("values", "says"),
    [([], "no Sec-WebSocket-Accept"), (["a", "b"], "2 Sec-WebSocket-Accept headers"),
     ([accept_for_key("dGhlIHNhbXBsZSBub25jZQ==")], "must be")],
)
def test_accept_mismatches(values, says):
    verdict = accept_matches(response(status=101, request=GET, headers=Headers([("Sec-WebSocket-Accept", v) for v in values])))
    assert not verdict.passed and says in verdict.message


def test_requests_response_is_accepted():
    upstream = requests.Response()
    upstream.status_code = 101
    upstream.reason = "Switching Protocols"
    upstream.request = requests.Request("POST", "http://127.0.0.1:8080/chat").prepare()
    converted = as_response(upstream)
    assert converted.status == 101 and converted.outcome is Outcome.ANSWERED
    assert "'POST /chat HTTP/1.1'" in not_switching_protocols(converted).message


def test_other_values_are_refused_clearly():
    with pytest.raises(NotAResponse, match="Expected a response"):
        as_response("200")
