"""The one place that touches the network: send bytes, read one response.

:func:`exchange` opens a fresh TCP (or TLS) connection, writes the request
exactly as given, feeds what comes back to a :class:`ResponseParser` and
closes the connection, all under one deadline. It never raises for anything
the server does; every ending is an :class:`Outcome` on the returned
:class:`Response`.
"""

from __future__ import annotations

import socket
import ssl
import time

from ..wire.http1.response import Outcome, Response, ResponseParser
from ..target import Target

__all__ = ["exchange"]

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
    deadline = _Deadline(started + timeout, timeout)
    parser = ResponseParser(request_method)
    result = Response(request=request, outcome=Outcome.TIMEOUT, url=target.url, timeout=timeout)
    sock: socket.socket | None = None
    try:
        sock, failure = _connect(target, deadline, verify)
        if sock is None:
            result.outcome, result.detail = failure
        else:
            result.outcome, result.detail = _send_and_read(sock, request, parser, deadline)
    finally:
        if sock is not None:
            sock.close()
        result.elapsed = time.monotonic() - started
    return _fill(result, parser)


def _connect(
    target: Target, deadline: _Deadline, verify: bool
) -> tuple[socket.socket | None, tuple[Outcome, str]]:
    where = f"{target.authority}"
    try:
        sock = socket.create_connection((target.host, target.port), timeout=deadline.remaining())
    except ConnectionRefusedError:
        return None, (Outcome.REFUSED, f"the connection to {where} was refused: nothing is listening there")
    except ConnectionResetError:
        # The server accepted the connection and reset it before connect() returned:
        # it was reached, and it refused without answering.
        return None, (Outcome.RESET, "the connection was reset")
    except socket.gaierror as error:
        return None, (Outcome.UNREACHABLE, f"the host {target.host!r} could not be resolved ({error.strerror})")
    except TimeoutError:
        return None, (Outcome.UNREACHABLE, f"could not connect to {where} within {deadline}")
    except OSError as error:
        return None, (Outcome.UNREACHABLE, f"could not connect to {where}: {error.strerror or error}")
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if not target.tls:
        return sock, (Outcome.ANSWERED, "")
    context = ssl.create_default_context()
    if not verify:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    context.set_alpn_protocols(["http/1.1"])
    try:
        sock.settimeout(deadline.remaining())
        return context.wrap_socket(sock, server_hostname=target.host), (Outcome.ANSWERED, "")
    except TimeoutError:
        failure = f"the TLS handshake with {where} did not finish within {deadline}"
    except ssl.SSLCertVerificationError as error:
        failure = (
            f"the TLS certificate of {where} was not accepted ({error.verify_message}); "
            "use verify=False to accept self-signed certificates"
        )
    except (ssl.SSLError, OSError) as error:
        reason = getattr(error, "reason", None) or error.strerror or "the server closed the connection"
        failure = f"the TLS handshake with {where} failed ({reason}), so the server may not be speaking TLS"
    sock.close()
    return None, (Outcome.TLS_FAILED, failure)


def _send_and_read(
    sock: socket.socket, request: bytes, parser: ResponseParser, deadline: _Deadline
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


def _fill(result: Response, parser: ResponseParser) -> Response:
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
    return result


class _Deadline:
    """The end of an exchange, and its length for messages."""

    def __init__(self, at: float, length: float) -> None:
        self.at = at
        self.length = length

    def remaining(self) -> float:
        return max(self.at - time.monotonic(), 0.0)

    def __str__(self) -> str:
        return f"{self.length:g} s"
