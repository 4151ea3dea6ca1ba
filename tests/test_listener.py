"""The listening side of the wire, for checking clients: loopback only, bounded waits, one sentence per failure."""

from __future__ import annotations

import socket
import time

import pytest

from WsComplianceLibrary.transport.connection import Deadline
from WsComplianceLibrary.transport.listener import Listener, ListenerError


def test_only_loopback_addresses_are_listened_on():
    with pytest.raises(ListenerError, match=r"listens on loopback only \(127.0.0.1 or ::1\), not '0.0.0.0'"):
        Listener("0.0.0.0")


def test_a_port_in_use_is_one_sentence():
    with Listener() as first:
        with pytest.raises(ListenerError, match=rf"Could not listen on 127.0.0.1 port {first.port}: .+\.$"):
            Listener(port=first.port).start()


def test_accept_returns_nothing_when_no_client_connects_by_the_deadline():
    with Listener() as listener:
        started = time.monotonic()
        assert listener.accept(Deadline.after(0.2)) is None
        assert 0.15 < time.monotonic() - started < 1.0


@pytest.mark.parametrize(("sent", "close", "detail"), [
    (b"GET / HTTP/1.1\r\nHost: a\r\n", True, "The client closed the connection before the end of its request head."),
    (b"GET / HTTP/1.1\r\n", False, "The client connected but sent no whole request head within 0.3 s (no bytes)."),
])
def test_a_client_that_does_not_finish_its_request_head_is_said_in_one_sentence(sent, close, detail):
    with Listener() as listener, socket.create_connection(("127.0.0.1", listener.port)) as client:
        client.sendall(sent)
        if close:
            client.shutdown(socket.SHUT_WR)
        accepted = listener.accept(Deadline.after(0.3))
        assert accepted is not None and accepted.detail == detail and accepted.sock is None


def test_a_request_head_is_read_and_the_socket_kept_for_the_answer():
    with Listener("::1") as listener, socket.create_connection(("::1", listener.port)) as client:
        assert listener.base_url == f"ws://[::1]:{listener.port}"
        client.sendall(b"GET /x HTTP/1.1\r\nHost: a\r\n\r\nrest")
        accepted = listener.accept(Deadline.after(1))
        assert accepted is not None and accepted.detail == "" and accepted.request.trailing == b"rest"
        accepted.sock.sendall(b"HTTP/1.1 200 OK\r\n\r\n")
        assert client.recv(100) == b"HTTP/1.1 200 OK\r\n\r\n"
        accepted.close()
