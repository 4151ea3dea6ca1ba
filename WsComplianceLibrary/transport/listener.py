"""The server's side of the wire: a listening socket the client under test connects to, on loopback.

:class:`Listener` binds 127.0.0.1 or ``::1`` (a free port unless one is
given), optionally with TLS and a throwaway self-signed certificate for
``wss://``. :meth:`Listener.accept` waits for one client under a deadline
and reads its request head with the sans-I/O
:class:`~..wire.http1.incoming.RequestReader`; nothing here judges or
answers. Every failure is a one-sentence :class:`ListenerError` or an
:class:`Accepted` whose ``detail`` says what the client did.
"""

from __future__ import annotations

import datetime
import os
import socket
import ssl
import tempfile
from dataclasses import dataclass

from ..wire.http1.incoming import RequestReader
from .connection import Deadline

__all__ = ["Accepted", "Listener", "ListenerError"]

_RECV_SIZE = 65536


class ListenerError(RuntimeError):
    """The listener cannot do what was asked; the message is one sentence."""


@dataclass
class Accepted:
    """One client connection accepted: its socket (``None`` once closed) and its request head as read.

    ``detail`` is empty when a whole request head arrived, else one
    sentence on what the client did instead (closed, stayed silent, sent
    something that is not HTTP).
    """

    sock: socket.socket | None
    request: RequestReader
    address: str
    detail: str = ""

    def close(self) -> None:
        """Close the socket; safe to call twice."""
        if self.sock is not None:
            self.sock.close()
            self.sock = None


class Listener:
    """A listening TCP (or TLS) socket on ``host`` (``127.0.0.1`` or ``::1``) for the client under test.

    ``port=0`` takes a free port; :attr:`port` is the one bound once
    :meth:`start` returned. ``tls`` serves ``wss://`` with a self-signed
    certificate made for this run (the ``cryptography`` package makes it).
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0, tls: bool = False) -> None:
        if host not in ("127.0.0.1", "::1", "localhost"):
            raise ListenerError(f"The client test server listens on loopback only (127.0.0.1 or ::1), not {host!r}.")
        self.host = "127.0.0.1" if host == "localhost" else host
        self.port = port
        self.tls = tls
        self._sock: socket.socket | None = None
        self._context: ssl.SSLContext | None = None

    @property
    def running(self) -> bool:
        return self._sock is not None

    @property
    def base_url(self) -> str:
        """``ws://127.0.0.1:PORT`` (``wss://`` with TLS, ``[::1]`` for IPv6), without a path."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{'wss' if self.tls else 'ws'}://{host}:{self.port}"

    def start(self) -> None:
        """Bind and listen; :class:`ListenerError` in one sentence when the address is taken or unusable."""
        if self._sock is not None:
            return
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((self.host, self.port))
            sock.listen(16)
        except OSError as error:
            sock.close()
            raise ListenerError(f"Could not listen on {self.host} port {self.port}: "
                                f"{error.strerror or error}.") from None
        self.port = sock.getsockname()[1]
        if self.tls and self._context is None:
            self._context = _throwaway_tls_context(self.host)
        self._sock = sock

    def stop(self) -> None:
        """Stop listening; connections already accepted are their owners' to close. Safe to call twice."""
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    def accept(self, deadline: Deadline, poll: float | None = None) -> Accepted | None:
        """Wait until ``deadline`` (or ``poll`` seconds) for a client, then for its request head; ``None`` if none came.

        The request head is read until the blank line; bytes after it stay
        in ``request.trailing``. A client that connects but does not finish
        a head in time, closes, or fails the TLS handshake comes back with
        ``detail`` saying so and its socket closed.
        """
        if self._sock is None:
            raise ListenerError("The client test server is not running: start it first.")
        waiting = deadline.remaining() if poll is None else min(poll, deadline.remaining())
        self._sock.settimeout(max(waiting, 0.001))
        try:
            sock, address = self._sock.accept()
        except (TimeoutError, BlockingIOError):
            return None
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        peer = f"{address[0]} port {address[1]}"
        accepted = Accepted(sock, RequestReader(), peer)
        if self._context is not None:
            try:
                sock.settimeout(max(deadline.remaining(), 0.001))
                accepted.sock = self._context.wrap_socket(sock, server_side=True)
            except (ssl.SSLError, OSError) as error:
                sock.close()
                accepted.sock = None
                accepted.detail = (f"The client at {peer} connected but the TLS handshake failed "
                                   f"({getattr(error, 'reason', None) or error}).")
                return accepted
        _read_head(accepted, deadline)
        return accepted

    def __enter__(self) -> Listener:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def _read_head(accepted: Accepted, deadline: Deadline) -> None:
    reader = accepted.request
    sock = accepted.sock
    assert sock is not None
    while not reader.done:
        remaining = deadline.remaining()
        if remaining <= 0:
            accepted.detail = (f"The client connected but sent no whole request head within {deadline} "
                               f"({len(reader.raw) or 'no'} bytes).")
            break
        try:
            sock.settimeout(remaining)
            data = sock.recv(_RECV_SIZE)
        except (TimeoutError, BlockingIOError, ssl.SSLWantReadError):
            continue
        except (ssl.SSLError, OSError) as error:
            accepted.detail = f"The client's connection failed before its request head ended ({error})."
            break
        if not data:
            reader.feed_eof()
            break
        reader.feed(data)
    if reader.invalid is not None and not accepted.detail:
        accepted.detail = f"The client {reader.invalid}."
    if accepted.detail:
        accepted.close()


def _throwaway_tls_context(host: str) -> ssl.SSLContext:
    """A server TLS context with a fresh self-signed certificate for ``host``, valid for one day."""
    try:
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID
    except ImportError:
        raise ListenerError("Serving wss:// needs the 'cryptography' package for its throwaway certificate: "
                            "pip install cryptography.") from None
    import ipaddress

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                    x509.IPAddress(ipaddress.ip_address(host))]), critical=False)
        .sign(key, hashes.SHA256())
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    # load_cert_chain reads files only; the files live for the moment it takes to load them.
    with tempfile.TemporaryDirectory() as directory:
        cert_file, key_file = os.path.join(directory, "cert.pem"), os.path.join(directory, "key.pem")
        with open(cert_file, "wb") as handle:
            handle.write(certificate.public_bytes(serialization.Encoding.PEM))
        with open(key_file, "wb") as handle:
            handle.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
        context.load_cert_chain(cert_file, key_file)
    return context
