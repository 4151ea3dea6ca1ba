"""Opening a TCP (or TLS) connection to a target under a deadline; shared by every transport.

:func:`connect` never raises for anything the network or the server does:
a failure comes back as an :class:`~..wire.http1.response.Outcome` and a
one-sentence detail.
"""

from __future__ import annotations

import socket
import ssl
import time

from ..target import Target
from ..wire.http1.response import Outcome

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
    context.set_alpn_protocols(list(alpn))
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
