"""Hostile HTTP/2 peers: every exchange ends within the timeout with a one-sentence verdict and leaves no socket open."""

from __future__ import annotations

import os
import time

import pytest
from h2_servers import HOSTILE
from robotrun import run_robot
from servers import FixtureServer

from WsComplianceLibrary.context import LibraryContext
from WsComplianceLibrary.keywords.http2 import Http2Keywords
from WsComplianceLibrary.target import parse_target
from WsComplianceLibrary.transport.http2 import exchange
from WsComplianceLibrary.wire.http2.request import extended_connect_fields

TIMEOUT = 1.0

# What the positive control says of each peer (None: it passes), and whether the peer can only end at the timeout.
CONTROL = {
    "goaway-at-once": ("ended the connection with GOAWAY (NO_ERROR, last stream 0) instead of 200", False),
    "settings-flood": ("did not speak valid HTTP/2: it sent more than 256 frames that do not answer the request "
                       "(the last a SETTINGS frame), a flood no answer follows instead of 200", False),
    "window-zero": (None, False),
    "garbage-preface": ("did not speak valid HTTP/2: it sent a type 0xff frame first, where an HTTP/2 server's "
                        "connection preface starts with SETTINGS instead of 200", False),
    "silent": ("sent no SETTINGS frame within 1 s instead of 200", True),
}


def open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_every_hostile_peer_is_covered():
    assert set(CONTROL) == set(HOSTILE)


@pytest.mark.parametrize("peer", list(HOSTILE))
def test_the_keywords_give_one_sentence_within_the_timeout_and_leave_no_socket(peer):
    keywords = Http2Keywords(LibraryContext(timeout=TIMEOUT))
    expected, at_timeout = CONTROL[peer]
    before = open_descriptors()
    with FixtureServer(HOSTILE[peer], read_request=False) as server:
        keywords.set_http2_target(f"h2c://127.0.0.1:{server.port}/")
        started = time.monotonic()
        response = keywords.send_extended_connect()
        elapsed = time.monotonic() - started
        if expected is None:
            keywords.extended_connect_should_be_accepted(response)
        else:
            with pytest.raises(AssertionError) as failure:
                keywords.extended_connect_should_be_accepted(response)
            message = str(failure.value)
            assert expected in message
            assert "\n" not in message and "Traceback" not in message and message.count(". ") <= 2
    assert elapsed <= TIMEOUT + 0.5
    assert (elapsed >= TIMEOUT) == at_timeout
    assert open_descriptors() == before


def test_a_window_that_never_opens_ends_the_data_at_the_timeout_with_the_reason():
    before = open_descriptors()
    with FixtureServer(HOSTILE["window-zero"], read_request=False) as server:
        target = parse_target(f"http://127.0.0.1:{server.port}/")
        response = exchange(target, extended_connect_fields("http", "/", target.authority), TIMEOUT,
                            send_data=b"\x81\x85" + bytes(9), enough=bool)
    assert response.status == 200
    assert response.detail == "the server's flow-control window stayed closed, so DATA could not be sent within 1 s"
    assert TIMEOUT <= response.elapsed <= TIMEOUT + 0.5
    assert open_descriptors() == before


@pytest.mark.parametrize("peer", list(HOSTILE))
def test_the_suite_against_a_hostile_peer_is_bounded_and_speaks_in_sentences(tmp_path, peer):
    with FixtureServer(HOSTILE[peer], read_request=False) as server:
        result = run_robot(tmp_path, "suites/http2", url=f"h2c://127.0.0.1:{server.port}/", timeout="1s")
    assert result.verdicts, result.console
    for name, verdict in result.verdicts.items():
        assert verdict.status in {"PASS", "FAIL", "SKIP"}, name
        assert "\n" not in verdict.message and "Traceback" not in verdict.message, (name, verdict.message)
        # The positive cases may wait once more for the endpoint probe, never longer.
        assert verdict.elapsed <= 2 * TIMEOUT + 0.5, (name, verdict.elapsed)
