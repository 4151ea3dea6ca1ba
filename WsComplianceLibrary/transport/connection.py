"""Opening a TCP (or TLS) connection to a target under a deadline; shared by every transport.

:func:`connect` never raises for anything the network or the server does:
a failure comes back as an :class:`~..wire.http1.response.Outcome` and a
one-sentence detail.
"""

from __future__ import annotations

import socket
import ssl
import time

from ..settings import Proxy, SettingsError
from ..target import Target
from ..wire.http1.response import Outcome
from ..wire.printable import printable

__all__ = ["Deadline", "connect"]


class Deadline:
    """The moment a wait must end by, and its length for messages."""

    def __init__(self, at: float, length: float) -> None:
        self.at = at
        self.length = length

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        """The deadline ``seconds`` from now."""
        return cls(time.monotonic() + seconds, seconds)

    def remaining(self) -> float:
        """Seconds left, never negative."""
        return max(self.at - time.monotonic(), 0.0)

    def __str__(self) -> str:
        return f"{self.length:g} s"


def connect(
    target: Target, deadline: Deadline, verify: bool, alpn: tuple[str, ...] = ("http/1.1",)
) -> tuple[socket.socket | None, tuple[Outcome, str]]:
    """Open a connection to ``target`` (TLS for ``wss``/``https``) before ``deadline``.

    Returns the connected socket, with ``TCP_NODELAY`` set so each write
    leaves as it is, or ``None`` and how connecting failed. ``verify``
    turns TLS certificate and host name checks on or off; ``alpn`` lists
    the protocols offered in the TLS handshake (the socket's
    ``selected_alpn_protocol()`` says which the server chose).
    """
    where = f"{target.authority}"
    try:
        proxy = target.connection.proxy_for(target.host, target.tls)
    except SettingsError as error:
        return None, (Outcome.UNREACHABLE, str(error).rstrip("."))
    if proxy is not None:
        sock, failure = _tunnel(target, proxy, deadline)
        if sock is None:
            return None, failure
        return _secure(sock, target, deadline, verify, alpn)
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
    return _secure(sock, target, deadline, verify, alpn)


def _tunnel(target: Target, proxy: Proxy, deadline: Deadline) -> tuple[socket.socket | None, tuple[Outcome, str]]:
    """Open a ``CONNECT`` tunnel to ``target`` through ``proxy``; what goes through it afterwards is exact."""
    where = f"the proxy {proxy.host}:{proxy.port}"
    try:
        sock = socket.create_connection((proxy.host, proxy.port), timeout=deadline.remaining())
    except ConnectionRefusedError:
        return None, (Outcome.REFUSED, f"the connection to {where} was refused: nothing is listening there")
    except (OSError, TimeoutError) as error:
        return None, (Outcome.UNREACHABLE, f"could not connect to {where}: {error.strerror or error}")
    authority = f"[{target.host}]:{target.port}" if ":" in target.host else f"{target.host}:{target.port}"
    request = f"CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n"
    if proxy.authorization:
        request += f"Proxy-Authorization: {proxy.authorization}\r\n"
    head = b""
    try:
        sock.settimeout(deadline.remaining())
        sock.sendall((request + "\r\n").encode("latin-1"))
        while b"\r\n\r\n" not in head:
            # One byte at a time: nothing after the proxy's answer may be read, it belongs to the target.
            byte = sock.recv(1)
            if not byte or len(head) > 16384:
                break
            head += byte
    except (OSError, TimeoutError) as error:
        sock.close()
        return None, (Outcome.UNREACHABLE, f"{where} did not open a tunnel to {authority} within {deadline} "
                                           f"({getattr(error, 'strerror', None) or 'no answer'})")
    status_line = head.split(b"\r\n", 1)[0].decode("latin-1", "replace")
    parts = status_line.split(" ", 2)
    if len(parts) < 2 or not parts[1].startswith("2"):
        sock.close()
        shown = printable(status_line, 80) or "nothing"
        return None, (Outcome.UNREACHABLE, f"{where} refused the tunnel to {authority}: it answered '{shown}'")
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock, (Outcome.ANSWERED, "")


def _secure(sock: socket.socket, target: Target, deadline: Deadline, verify: bool,
            alpn: tuple[str, ...]) -> tuple[socket.socket | None, tuple[Outcome, str]]:
    """``sock`` as it is for a cleartext target, else wrapped in TLS with the target's trust and client certificate."""
    where = target.authority
    if not target.tls:
        return sock, (Outcome.ANSWERED, "")
    try:
        context = target.connection.tls_context(verify)
    except (ssl.SSLError, OSError) as error:
        sock.close()
        return None, (Outcome.TLS_FAILED, f"the TLS settings could not be loaded ({error})")
    context.set_alpn_protocols(list(alpn))
    try:
        sock.settimeout(deadline.remaining())
        return context.wrap_socket(sock, server_hostname=target.host), (Outcome.ANSWERED, "")
    except TimeoutError:
        failure = f"the TLS handshake with {where} did not finish within {deadline}"
    except ssl.SSLCertVerificationError as error:
        failure = (
            f"the TLS certificate of {where} was not accepted ({error.verify_message}); "
            "give its CA in CA_BUNDLE, or use verify=False to accept self-signed certificates"
        )
    except (ssl.SSLError, OSError) as error:
        reason = getattr(error, "reason", None) or error.strerror or "the server closed the connection"
        failure = f"the TLS handshake with {where} failed ({reason}), so the server may not be speaking TLS"
    sock.close()
    return None, (Outcome.TLS_FAILED, failure)
