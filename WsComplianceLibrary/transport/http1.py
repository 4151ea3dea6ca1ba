"""HTTP/1.x over the network: send bytes, read one response.

:func:`exchange` opens a fresh TCP (or TLS) connection, writes the request
exactly as given, feeds what comes back to a :class:`ResponseParser` and
closes the connection, all under one deadline; :func:`exchange_on` does
the middle part on a connection that stays open. It never raises for anything
the server does; every ending is an :class:`Outcome` on the returned
:class:`Response`.
"""

from __future__ import annotations

import socket
import ssl
import time

from ..target import Target
from ..wire.http1.response import Outcome, Response, ResponseParser
from .connection import Deadline, connect

__all__ = ["exchange", "exchange_on"]

_RECV_SIZE = 65536


def exchange(
    target: Target,
    request: bytes,
    timeout: float,
    verify: bool = True,
    request_method: str = "GET",
) -> Response:
    """Send ``request`` to ``target`` on a new connection and read one response.

    ``timeout`` (seconds) bounds the whole exchange: connecting, the TLS
    handshake, sending and reading. ``verify`` turns TLS certificate and host
    name checks on or off. ``request_method`` tells the parser whether the
    answer can have a body (``HEAD``).
    """
    started = time.monotonic()
    deadline = Deadline(started + timeout, timeout)
    result = Response(request=request, outcome=Outcome.TIMEOUT, url=target.url, timeout=timeout)
    sock: socket.socket | None = None
    try:
        sock, failure = connect(target, deadline, verify)
        if sock is None:
            result.outcome, result.detail = failure
        else:
            exchange_on(sock, result, deadline, request_method)
    finally:
        if sock is not None:
            sock.close()
        result.elapsed = time.monotonic() - started
    return result


def exchange_on(sock: socket.socket, result: Response, deadline: Deadline, request_method: str = "GET") -> None:
    """Write ``result.request`` on the open ``sock`` and read one response into ``result`` before ``deadline``.

    Sets the outcome, detail and everything parsed; leaves the socket open
    (a ``101`` answer hands it over to another protocol) and does not time
    the exchange. Reading stops at the end of the response: after a
    ``101``, bytes the server sent with the header block are in
    ``result.trailing``.
    """
    parser = ResponseParser(request_method)
    result.outcome, result.detail = _send_and_read(sock, result.request, parser, deadline)
    _fill(result, parser)


def _send_and_read(
    sock: socket.socket, request: bytes, parser: ResponseParser, deadline: Deadline
) -> tuple[Outcome, str]:
    reset_while_sending = False
    try:
        sock.settimeout(deadline.remaining())
        sock.sendall(request)
    except BrokenPipeError:
        # The server may have answered and closed before reading all of the
        # request; what it sent is still worth reading.
        pass
    except ConnectionResetError:
        # Linux reports a reset once: the reads after it see a plain end of stream.
        reset_while_sending = True
    except TimeoutError:
        return _ended(parser, Outcome.TIMEOUT, f"the server did not read the request within {deadline}")
    while not parser.done:
        remaining = deadline.remaining()
        if remaining <= 0:
            return _ended(parser, Outcome.TIMEOUT, f"within {deadline}")
        try:
            sock.settimeout(remaining)
            data = sock.recv(_RECV_SIZE)
        except TimeoutError:
            return _ended(parser, Outcome.TIMEOUT, f"within {deadline}")
        except ConnectionResetError:
            return _ended(parser, Outcome.RESET, "the connection was reset")
        except (ssl.SSLError, OSError) as error:
            return _ended(parser, Outcome.RESET, f"reading failed ({getattr(error, 'reason', None) or error})")
        if not data:
            parser.feed_eof()
            if parser.done:
                break
            if reset_while_sending:
                return _ended(parser, Outcome.RESET, "the connection was reset")
            return _ended(parser, Outcome.CLOSED, "the server closed the connection")
        parser.feed(data)
    if parser.invalid is not None:
        return Outcome.INVALID, f"the server {parser.invalid}"
    return Outcome.ANSWERED, ""


def _ended(parser: ResponseParser, outcome: Outcome, detail: str) -> tuple[Outcome, str]:
    """Classify an exchange cut short: after a complete header block it still counts as answered."""
    if parser.head_complete:
        parser.problems.append(f"the body was not complete: {detail}")
        return Outcome.ANSWERED, ""
    return outcome, detail


def _fill(result: Response, parser: ResponseParser) -> None:
    result.status = parser.status
    result.reason = parser.reason
    result.http_version = parser.http_version
    result.headers = parser.headers
    result.body = parser.body
    result.raw = parser.raw
    result.trailing = parser.trailing
    result.interim = parser.interim
    result.complete = parser.complete
    result.problems = parser.problems
