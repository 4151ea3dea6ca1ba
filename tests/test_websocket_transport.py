"""The WebSocket connection over real sockets: a real ``websockets`` server, and raw fixture servers that misbehave."""

from __future__ import annotations

import os
import socket
import threading
import time

import pytest
from servers import FixtureServer, switching_protocols

from WsComplianceLibrary.target import parse_target
from WsComplianceLibrary.transport.websocket import WebSocketConnection
from WsComplianceLibrary.wire.websocket import EndKind, Ended
from WsComplianceLibrary.wire.http1.request import build_upgrade_request, new_key
from WsComplianceLibrary.wire.websocket import (
    BINARY,
    CLOSE,
    PING,
    PONG,
    TEXT,
    Frame,
    Message,
    build_frame,
    close_payload,
)

TIMEOUT = 2.0
SHORT = 0.3
BOUND = SHORT + 0.5
"""A wait on a silent server returns within its timeout plus half a second."""


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def open_connection(url: str, timeout: float = TIMEOUT) -> WebSocketConnection:
    target = parse_target(url)
    request = build_upgrade_request("GET", target.path, target.authority, key=new_key())
    return WebSocketConnection.open(target, request, timeout)


def next_message(connection: WebSocketConnection) -> Message:
    """Skip frames until a whole message arrives."""
    while True:
        event = connection.receive_event()
        assert not isinstance(event, Ended), event
        if isinstance(event, Message):
            return event


# --- against websockets --------------------------------------------------------------------------------------


def test_handshake_then_text_and_binary_echo(reference_server):
    with open_connection(reference_server.url) as connection:
        assert connection.is_open and connection.handshake.status == 101
        assert b"Sec-WebSocket-Accept" in connection.handshake.raw
        assert connection.send(build_frame(TEXT, "héllo <ws>".encode())) is None
        text = next_message(connection)
        assert (text.opcode, text.text, text.frame_count) == (TEXT, "héllo <ws>", 1)
        payload = bytes(range(256)) * 300
        assert connection.send(build_frame(BINARY, payload)) is None
        assert next_message(connection).payload == payload
        assert connection.violations == []
    assert not connection.is_open


def test_ping_gets_a_pong_with_the_same_payload(reference_server):
    with open_connection(reference_server.url) as connection:
        connection.send(build_frame(PING, b"are you there"))
        event = connection.receive_event()
        assert isinstance(event, Frame) and (event.opcode, event.payload) == (PONG, b"are you there")


def test_chopped_writes_of_a_fragmented_message(reference_server):
    frames = build_frame(TEXT, b"chop", fin=False) + build_frame(0x0, b"ped")
    with open_connection(reference_server.url) as connection:
        started = time.monotonic()
        assert connection.send(frames, chop_size=1, chop_delay=0.01) is None
        assert time.monotonic() - started >= 0.01 * (len(frames) - 1)
        assert next_message(connection).text == "chopped"


def test_close_handshake(reference_server):
    with open_connection(reference_server.url) as connection:
        connection.send(build_frame(CLOSE, close_payload(1000, b"done")))
        event = connection.receive_event()
        assert isinstance(event, Frame) and event.opcode == CLOSE
        assert connection.reader.close.code == 1000
        ended = connection.receive_event()
        assert ended == Ended(EndKind.CLOSED, "The server closed the TCP connection.")
        assert not connection.is_open and connection.receive_event() is ended
        assert connection.violations == []


def test_a_refused_handshake_is_not_open(reference_server):
    target = parse_target(reference_server.url)
    request = build_upgrade_request("POST", target.path, target.authority)
    with WebSocketConnection.open(target, request, TIMEOUT) as connection:
        assert connection.handshake.status == 405 and not connection.is_open
        ended = connection.receive_event()
        assert ended.how is EndKind.NOT_OPEN and "405 instead of 101" in ended.detail
        assert connection.send(b"x") is ended


# --- against raw fixture servers -----------------------------------------------------------------------------


def answer_then(*chunks: bytes, stay: bool = True):
    """A behaviour: the 101 answer with ``chunks[0]`` in the same write, the other chunks after, then wait or close."""

    def behaviour(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
        conn.sendall(switching_protocols(head) + (chunks[0] if chunks else b""))
        for chunk in chunks[1:]:
            conn.sendall(chunk)
        if stay:
            stop.wait()

    return behaviour


def run_against(behaviour, check) -> None:
    """Run ``check(connection)`` against a fixture server, counting descriptors around the server's whole life."""
    with FixtureServer(behaviour) as server:  # warm-up: imports and lazy allocations
        with open_connection(server.url, SHORT) as connection:
            check(connection)
    before = open_fds()
    with FixtureServer(behaviour) as server:
        with open_connection(server.url, SHORT) as connection:
            check(connection)
    assert open_fds() == before


def test_frames_in_the_same_packet_as_the_101_are_read():
    def check(connection):
        event = connection.receive_event()
        assert isinstance(event, Frame) and event.payload == b"early" and not event.masked

    run_against(answer_then(build_frame(TEXT, b"early", masked=False)), check)


def test_a_masked_server_frame_is_read_and_named_a_violation():
    def check(connection):
        event = connection.receive_event()
        assert isinstance(event, Frame) and event.payload == b"masked" and event.masked
        (violation,) = connection.violations
        assert "§5.1" in violation

    run_against(answer_then(build_frame(TEXT, b"masked")), check)


def test_a_stalled_server_times_out_within_the_bound_and_stays_open():
    def check(connection):
        for _ in range(2):
            started = time.monotonic()
            ended = connection.receive_event(SHORT)
            assert time.monotonic() - started < BOUND
            assert ended.how is EndKind.TIMEOUT and connection.is_open

    run_against(answer_then(), check)


def test_a_stall_in_the_middle_of_a_frame_says_so():
    def check(connection):
        ended = connection.receive_event(SHORT)
        assert ended.how is EndKind.TIMEOUT and "(3 bytes of it received)" in ended.detail

    run_against(answer_then(build_frame(TEXT, b"Hello", masked=False)[:3]), check)


def test_a_server_that_never_answers_the_handshake_is_bounded():
    def check(connection):
        assert connection.handshake.elapsed < BOUND and not connection.is_open
        assert connection.receive_event().how is EndKind.NOT_OPEN

    run_against(lambda conn, head, stop: stop.wait(), check)


def test_closing_mid_frame_is_a_clean_tcp_close_mid_frame():
    def check(connection):
        ended = connection.receive_event()
        assert ended.how is EndKind.CLOSED and "(2 bytes of it received)" in ended.detail

    run_against(answer_then(b"\x81\x05", stay=False), check)


def test_a_reset_is_reported():
    def reset(conn, head, stop):
        conn.sendall(switching_protocols(head))
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")

    def check(connection):
        time.sleep(0.1)  # let the reset arrive
        assert connection.receive_event().how is EndKind.RESET and not connection.is_open

    run_against(reset, check)


def test_an_announced_2_63_bytes_ends_as_too_large_without_buffering():
    def check(connection):
        ended = connection.receive_event()
        assert ended.how is EndKind.TOO_LARGE and str(2**63 - 1) in ended.detail
        assert not connection.is_open

    header = build_frame(BINARY, masked=False, announced_length=2**63 - 1)
    run_against(answer_then(header, b"x" * 100_000), check)


def test_sending_to_a_server_that_does_not_read_is_bounded():
    def check(connection):
        started = time.monotonic()
        ended = connection.send(bytes(64 * 1024 * 1024), timeout=SHORT)
        assert time.monotonic() - started < BOUND
        assert ended.how is EndKind.TIMEOUT and "were written" in ended.detail

    run_against(answer_then(), check)


def test_chop_size_must_be_positive(reference_server):
    with open_connection(reference_server.url) as connection, pytest.raises(ValueError):
        connection.send(b"x", chop_size=0)


def test_a_zero_wait_takes_what_already_arrived_without_blocking():
    def check(connection):
        time.sleep(0.2)  # the frame is in the socket by now
        started = time.monotonic()
        frame, message = connection.receive_event(0), connection.receive_event(0)
        assert isinstance(frame, Frame) and isinstance(message, Message) and message.payload == b"queued"
        ended = connection.receive_event(0)
        assert time.monotonic() - started < 0.05
        assert ended.how is EndKind.TIMEOUT and connection.is_open

    run_against(answer_then(build_frame(TEXT, b"queued", masked=False)), check)
