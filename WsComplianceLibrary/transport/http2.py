"""The one place that touches the network for HTTP/2: one connection, one extended CONNECT, one answer.

:func:`exchange` connects over TLS with ALPN ``h2`` (``wss://``,
``https://``) or over cleartext with prior knowledge (``h2c://``, ``ws://``,
``http://``), lets a :class:`~WsComplianceLibrary.wire.http2.client.ClientConnection`
decide every byte, and reads until the stream is answered or ended, all
under one deadline. It never raises for anything the server does; every
ending is an :class:`H2Outcome` on the returned :class:`H2Response`.
"""

from __future__ import annotations

import socket
import ssl
import time
from collections.abc import Callable

from ..target import Target
from ..wire.http1.response import Outcome
from ..wire.http2.client import ClientConnection
from ..wire.http2.response import H2Outcome, H2Response, StreamEnd
from .connection import Deadline, connect

__all__ = ["exchange"]

_RECV_SIZE = 65536


def exchange(
    target: Target,
    request: list[tuple[bytes, bytes]],
    timeout: float,
    verify: bool = True,
    send_data: bytes = b"",
    enough: Callable[[bytes], bool] | None = None,
) -> H2Response:
    """Open a connection to ``target``, send the extended CONNECT ``request`` on stream 1 and read the answer.

    ``timeout`` (seconds) bounds everything: connecting, TLS, the server's
    SETTINGS, the answer and any DATA. When the server accepts (``2xx``),
    ``send_data`` goes out in DATA frames as its flow-control windows allow
    and reading goes on until ``enough(data received)`` holds or the stream
    ends; without ``send_data`` reading stops at the answer, the stream left open.
    """
    started = time.monotonic()
    deadline = started + timeout
    client = ClientConnection(request)
    response = H2Response(url=target.url, request=request, timeout=timeout)
    sock: socket.socket | None = None
    try:
        sock, failure = _connect(target, deadline, verify, response)
        if sock is None:
            response.outcome, response.detail = failure
        else:
            _converse(sock, client, target, deadline, timeout, send_data, enough, response)
            _say_goodbye(sock, client)
    finally:
        if sock is not None:
            sock.close()
        response.elapsed = time.monotonic() - started
    return client.result(response)


def _converse(sock: socket.socket, client: ClientConnection, target: Target, deadline: float, timeout: float,
              send_data: bytes, enough: Callable[[bytes], bool] | None, response: H2Response) -> None:
    sent_request = sent_data = False
    received_any = False
    ended: StreamEnd | None = None
    try:
        _send(sock, client.open(), deadline)
        while True:
            if client.settings_received and not sent_request:
                # RFC 8441 §3: the client waits for the server's SETTINGS before using :protocol.
                _send(sock, client.outgoing() + client.send_request(), deadline)
                sent_request = True
            if client.status is not None and 200 <= client.status < 300 and send_data and not sent_data:
                client.queue_data(send_data)
                response.sent_data, sent_data = send_data, True
            _send(sock, client.outgoing(), deadline)
            if _finished(client, send_data, enough):
                break
            data = _recv(sock, deadline)
            if data is None:
                ended = StreamEnd.TIMEOUT
                break
            if not data:
                ended = StreamEnd.CLOSED
                break
            received_any = True
            client.receive(data)
    except TimeoutError:
        ended = StreamEnd.TIMEOUT
    except OSError:
        ended = StreamEnd.CLOSED
    _classify(client, target, response, ended, received_any, timeout)


def _finished(client: ClientConnection, send_data: bytes, enough: Callable[[bytes], bool] | None) -> bool:
    if client.invalid or client.not_http2 or client.stream_end is not None:
        return True
    if client.status is None:
        return False
    if not (200 <= client.status < 300 and send_data):
        return True
    return enough is not None and enough(bytes(client.data))


def _classify(client: ClientConnection, target: Target, response: H2Response, ended: StreamEnd | None,
              received_any: bool, timeout: float) -> None:
    response.stream_end = client.stream_end or ended or StreamEnd.OPEN
    within = f"within {timeout:g} s"
    if client.not_http2:
        response.outcome, response.detail = H2Outcome.NOT_HTTP2, f"the server {client.not_http2}"
    elif client.status is not None:
        response.outcome = H2Outcome.ANSWERED
        if client.invalid:
            response.detail = f"after answering, the server {client.invalid}"
        elif ended is StreamEnd.TIMEOUT and client.data_blocked:
            response.detail = f"the server's flow-control window stayed closed, so DATA could not be sent {within}"
        elif ended is StreamEnd.TIMEOUT:
            response.detail = f"no more arrived on the stream {within}"
    elif client.invalid:
        response.outcome, response.detail = H2Outcome.INVALID, f"the server {client.invalid}"
    elif client.stream_end is StreamEnd.RST_STREAM:
        response.outcome, response.detail = H2Outcome.RESET, f"the server reset the stream ({client.error_code})"
    elif client.stream_end is StreamEnd.GOAWAY:
        response.outcome, response.detail = H2Outcome.GOAWAY, f"the server sent GOAWAY ({client.goaway})"
    elif not received_any and not target.tls and ended is StreamEnd.CLOSED:
        response.outcome = H2Outcome.NOT_HTTP2
        response.detail = "the server closed the connection on the HTTP/2 preface without a word"
    elif ended is StreamEnd.CLOSED:
        after = f" after GOAWAY ({client.goaway})" if client.goaway else ""
        response.outcome, response.detail = H2Outcome.CLOSED, f"the server closed the connection{after}"
    elif not client.settings_received:
        response.outcome = H2Outcome.TIMEOUT
        response.detail = f"the server sent no SETTINGS frame {within}"
    else:
        response.outcome, response.detail = H2Outcome.TIMEOUT, f"the server did not answer the stream {within}"


# How connecting failed, in this transport's terms: a reset before the preface closed the connection.
_CONNECT_FAILURES = {
    Outcome.REFUSED: H2Outcome.REFUSED,
    Outcome.RESET: H2Outcome.CLOSED,
    Outcome.UNREACHABLE: H2Outcome.UNREACHABLE,
    Outcome.TLS_FAILED: H2Outcome.TLS_FAILED,
}


def _connect(target: Target, deadline: float, verify: bool,
             response: H2Response) -> tuple[socket.socket | None, tuple[H2Outcome, str]]:
    sock, (outcome, detail) = connect(target, Deadline(deadline, response.timeout or 0.0), verify, alpn=("h2",))
    if sock is None:
        return None, (_CONNECT_FAILURES[outcome], detail)
    if not target.tls:
        return sock, (H2Outcome.ANSWERED, "")
    response.alpn = sock.selected_alpn_protocol()  # type: ignore[attr-defined]
    if response.alpn == "h2":
        return sock, (H2Outcome.ANSWERED, "")
    sock.close()
    chosen = f"'{response.alpn}'" if response.alpn else "no protocol"
    return None, (H2Outcome.NOT_HTTP2, f"the server chose {chosen} in ALPN, not h2, so it does not offer HTTP/2")


def _send(sock: socket.socket, data: bytes, deadline: float) -> None:
    if data:
        sock.settimeout(max(_remaining(deadline), 0.001))
        sock.sendall(data)


def _recv(sock: socket.socket, deadline: float) -> bytes | None:
    """Bytes from the server, ``b""`` when it closed, ``None`` when the deadline passed first."""
    remaining = _remaining(deadline)
    if remaining <= 0:
        return None
    sock.settimeout(remaining)
    try:
        return sock.recv(_RECV_SIZE)
    except TimeoutError:
        return None
    except (ConnectionResetError, ssl.SSLError):
        return b""


def _say_goodbye(sock: socket.socket, client: ClientConnection) -> None:
    """A GOAWAY before closing, if the socket takes it at once; a peer that reads nothing is not waited for."""
    try:
        sock.setblocking(False)
        sock.send(client.close())
    except (OSError, ValueError):
        pass


def _remaining(deadline: float) -> float:
    return max(deadline - time.monotonic(), 0.0)
