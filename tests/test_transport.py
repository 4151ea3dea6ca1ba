"""The exchange over real sockets: outcomes, bounded time and no leaked descriptors."""

from __future__ import annotations

import os
import socket

import pytest
from servers import BEHAVIOURS, FixtureServer

from WsComplianceLibrary.catalogue import CASES
from WsComplianceLibrary.wire.http1.request import build_upgrade_request
from WsComplianceLibrary.wire.http1.response import Outcome
from WsComplianceLibrary.target import parse_target
from WsComplianceLibrary.transport.http1 import exchange


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def send(url: str, method: str = "POST", timeout: float = 2.0, **recipe):
    target = parse_target(url)
    request = build_upgrade_request(method, target.path, target.authority, **recipe)
    return exchange(target, request, timeout, request_method=method)


def test_request_bytes_arrive_exactly_as_built():
    received = []

    def record(conn, head, stop):
        received.append(head + b"\r\n\r\n")
        conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")

    with FixtureServer(record) as server:
        response = send(server.url)
    assert received == [response.request]
    assert response.request.startswith(f"POST / HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n".encode())


@pytest.mark.parametrize(
    ("behaviour", "outcome", "status"),
    [
        ("answer-101-to-any-method", Outcome.ANSWERED, 101),
        ("answer-405-unless-get", Outcome.ANSWERED, 405),
        ("close-unless-get", Outcome.CLOSED, None),
        ("never-answer", Outcome.TIMEOUT, None),
    ],
)
def test_outcomes_of_fixture_servers_without_leaking_descriptors(behaviour, outcome, status):
    with FixtureServer(BEHAVIOURS[behaviour]) as server:
        send(server.url, timeout=0.5)  # warm-up: imports and lazy allocations
    # The fixture server lives in this process too, so count around its whole life.
    before = open_fds()
    with FixtureServer(BEHAVIOURS[behaviour]) as server:
        response = send(server.url, timeout=0.5)
    after = open_fds()
    assert (response.outcome, response.status) == (outcome, status)
    assert after == before
    assert response.elapsed < 0.5 + 0.5


def test_reset_without_answer():
    def reset(conn, head, stop):
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")

    with FixtureServer(reset) as server:
        response = send(server.url)
    assert response.outcome is Outcome.RESET and response.status is None


def test_refused_connection_is_an_outcome_not_an_exception():
    with socket.create_server(("127.0.0.1", 0)) as placeholder:
        port = placeholder.getsockname()[1]
    response = send(f"ws://127.0.0.1:{port}/")
    assert response.outcome is Outcome.REFUSED and "refused" in response.detail
    assert not response.outcome.connected


def test_tls_to_a_plain_server_fails_the_handshake_clearly():
    with FixtureServer(BEHAVIOURS["answer-405-unless-get"]) as server:
        response = send(f"wss://127.0.0.1:{server.port}/", timeout=1.0)
    assert response.outcome is Outcome.TLS_FAILED and "TLS handshake" in response.detail


# The statuses real servers give to each method case, pinned (None: closed without answering).
REAL_STATUSES = {
    "websockets": {
        "COMP-UPGRADE-POST": 405, "COMP-UPGRADE-PUT": 405, "COMP-UPGRADE-DELETE": 405, "COMP-UPGRADE-PATCH": 405,
        "COMP-UPGRADE-OPTIONS": 405, "COMP-UPGRADE-TRACE": 405, "COMP-UPGRADE-CONNECT": 405,
        "COMP-UPGRADE-LOWERCASE-GET": 405, "COMP-UPGRADE-UNKNOWN-METHOD": 405, "COMP-UPGRADE-POST-CL0": 405,
        "COMP-UPGRADE-POST-BODY": None, "COMP-METHOD-UNKNOWN-501": 405,
    },
    "aiohttp-add_get": {
        "COMP-UPGRADE-POST": 405, "COMP-UPGRADE-PUT": 405, "COMP-UPGRADE-DELETE": 405, "COMP-UPGRADE-PATCH": 405,
        "COMP-UPGRADE-OPTIONS": 405, "COMP-UPGRADE-TRACE": 405, "COMP-UPGRADE-CONNECT": 404,
        "COMP-UPGRADE-LOWERCASE-GET": 400, "COMP-UPGRADE-UNKNOWN-METHOD": 400, "COMP-UPGRADE-POST-CL0": 405,
        "COMP-UPGRADE-POST-BODY": 405, "COMP-METHOD-UNKNOWN-501": 400,
    },
    "aiohttp-any-method": {
        "COMP-UPGRADE-POST": 101, "COMP-UPGRADE-PUT": 101, "COMP-UPGRADE-DELETE": 101, "COMP-UPGRADE-PATCH": 101,
        "COMP-UPGRADE-OPTIONS": 101, "COMP-UPGRADE-TRACE": 101, "COMP-UPGRADE-CONNECT": 404,
        "COMP-UPGRADE-LOWERCASE-GET": 400, "COMP-UPGRADE-UNKNOWN-METHOD": 400, "COMP-UPGRADE-POST-CL0": 101,
        "COMP-UPGRADE-POST-BODY": 101, "COMP-METHOD-UNKNOWN-501": 400,
    },
}


def method_statuses(url: str) -> dict[str, int | None]:
    return {
        case.id: send(url, case.recipe.method, headers=case.recipe.headers, body=case.recipe.body).status
        for case in CASES
        if case.family == "method"
    }


def test_how_websockets_answers_each_method_case(reference_server):
    assert method_statuses(reference_server.url) == REAL_STATUSES["websockets"]


def test_how_aiohttp_answers_each_method_case(aiohttp_server, request):
    assert method_statuses(aiohttp_server.url) == REAL_STATUSES[request.node.callspec.id]
