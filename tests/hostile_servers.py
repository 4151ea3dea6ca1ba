"""Hostile servers on 127.0.0.1: the ways a server can misbehave during a handshake, and what each must get.

Each :class:`Hostile` names a behaviour for :class:`servers.FixtureServer`
(or none, for a port where nothing listens), how the exchange must end, the
verdict COMP-UPGRADE-POST must get against it and a phrase the message must
contain. Behaviours that stream forever check the stop event between writes,
so the fixture server can always be shut down, and stop as soon as the client
has gone (their next write fails).
"""

from __future__ import annotations

import datetime
import functools
import ipaddress
import itertools
import socket
import ssl
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from servers import Behaviour, FixtureServer, switching_protocols

from WsComplianceLibrary.wire.http1.response import Outcome

REFUSED_405 = b"HTTP/1.1 405 Method Not Allowed\r\nAllow: GET\r\nContent-Length: 0\r\n\r\n"


def _send_then_linger(data: bytes) -> Behaviour:
    """Send ``data`` and keep the connection open a little, so the client reads it before any close."""

    def behaviour(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
        conn.sendall(data)
        stop.wait(0.2)

    return behaviour


def close_at_once(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Accept the connection and close it without reading or writing anything."""


def reset_at_once(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Accept the connection and reset it: SO_LINGER with a zero timeout makes close() send RST."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")


def stay_silent(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Neither read nor write (or, after reading the request, never answer) until the server stops."""
    stop.wait()


def _stream(conn: socket.socket, stop: threading.Event, pieces: Iterator[bytes], pause: float) -> None:
    """Send ``pieces`` one after another, ``pause`` seconds apart, until the server stops or the client leaves."""
    for piece in pieces:
        if stop.wait(pause):
            return
        conn.sendall(piece)


def dribble(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Answer one byte every 200 ms, forever: a status line, then a header that never ends."""
    answer = itertools.chain(b"HTTP/1.1 200 OK\r\nX-Slow: ", itertools.repeat(ord("a")))
    _stream(conn, stop, (bytes([byte]) for byte in answer), 0.2)


def endless_header_block(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """A status line, then header fields as fast as the client takes them, never the blank line."""
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    _stream(conn, stop, itertools.repeat(b"X-Filler: " + b"a" * 500 + b"\r\n"), 0)


def huge_header_line(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """A status line, then one header line of 10 MB."""
    conn.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nX-Huge: " + b"a" * (10 * 1024 * 1024) + b"\r\n\r\n")
    stop.wait(0.2)


def body_never_sent(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Announce a 100-byte body with Content-Length, then send nothing more."""
    conn.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 100\r\n\r\n")
    stop.wait()


def chunked_never_ends(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Start a chunked body and send a one-byte chunk every 100 ms, never the last chunk."""
    conn.sendall(b"HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n")
    _stream(conn, stop, itertools.repeat(b"1\r\na\r\n"), 0.1)


def half_close(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Shut the write side without answering, and keep reading whatever the client sends."""
    conn.shutdown(socket.SHUT_WR)
    conn.settimeout(0.1)
    while not stop.is_set():
        try:
            if not conn.recv(65536):
                return
        except TimeoutError:
            continue


def answer_plain_http_to_tls(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """What a plain HTTP server does with a TLS ClientHello: read it, answer 400, close."""
    conn.settimeout(1)
    conn.recv(65536)
    conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")


def switching_then_frames(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Answer 101 and send a WebSocket text frame right behind it."""
    conn.sendall(switching_protocols(head) + b"\x81\x05hello")
    stop.wait(0.2)


def switching_then_close(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Answer 101 and close the connection at once."""
    conn.sendall(switching_protocols(head))


def continue_then_switching(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Answer 100 Continue, then 101 Switching Protocols."""
    conn.sendall(b"HTTP/1.1 100 Continue\r\n\r\n" + switching_protocols(head))
    stop.wait(0.2)


def interim_flood(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Answer 100 Continue over and over, as fast as the client reads, never a final answer."""
    _stream(conn, stop, itertools.repeat(b"HTTP/1.1 100 Continue\r\n\r\n" * 64), 0)


def refusal_then_switching(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Two responses back to back: 405, then a 101 as if the first had not been sent."""
    conn.sendall(REFUSED_405 + switching_protocols(head))
    stop.wait(0.2)


# An HTTP/2 server's connection preface (an empty SETTINGS frame) and the
# GOAWAY with PROTOCOL_ERROR it sends on reading an HTTP/1.1 request.
HTTP2_PREFACE_REPLY = (
    b"\x00\x00\x00\x04\x00\x00\x00\x00\x00"
    b"\x00\x00\x08\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01"
)


@functools.cache
def self_signed_context() -> ssl.SSLContext:
    """A server TLS context with a fresh self-signed certificate for 127.0.0.1."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .sign(key, hashes.SHA256())
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with tempfile.TemporaryDirectory() as directory:
        cert_file, key_file = Path(directory, "cert.pem"), Path(directory, "key.pem")
        cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
        key_file.write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
        context.load_cert_chain(cert_file, key_file)
    return context


def over_tls(behaviour: Behaviour) -> Behaviour:
    """Run ``behaviour`` inside a TLS connection with the self-signed certificate (use ``read_request=False``)."""

    def behaviour_over_tls(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
        conn.settimeout(2)
        with self_signed_context().wrap_socket(conn, server_side=True) as tls:
            tls.settimeout(2)
            behaviour(tls, _read_request_head(tls), stop)

    return behaviour_over_tls


def _read_request_head(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
    return data.split(b"\r\n\r\n", 1)[0]


@dataclass(frozen=True)
class Hostile:
    """One hostile behaviour and what the library must make of it.

    ``behaviour`` is ``None`` for a port where nothing listens. ``outcomes``
    are the endings the exchange may have (a close racing the request can
    arrive as a reset). ``verdict`` is the status COMP-UPGRADE-POST, and
    every other method case, gets; ``phrase`` is part of its message.
    """

    name: str
    behaviour: Behaviour | None
    outcomes: tuple[Outcome, ...]
    verdict: str
    phrase: str
    read_request: bool = True
    scheme: str = "ws"
    verify: bool = True

    @property
    def reached(self) -> bool:
        """Whether the request gets to the server; when not, the Send keyword itself fails."""
        return self.outcomes[0].connected

    @contextmanager
    def serving(self) -> Iterator[str]:
        """Start the server (or find a port where nothing listens) and yield the URL to test."""
        if self.behaviour is None:
            with socket.create_server(("127.0.0.1", 0)) as placeholder:
                port = placeholder.getsockname()[1]
            yield f"{self.scheme}://127.0.0.1:{port}/"
            return
        with FixtureServer(self.behaviour, read_request=self.read_request) as server:
            yield f"{self.scheme}://127.0.0.1:{server.port}/"


NOT_VALID = "did not send a valid HTTP answer"

HOSTILES: list[Hostile] = [
    Hostile("connection-refused", None, (Outcome.REFUSED,), "FAIL", "was refused: nothing is listening there"),
    Hostile("close-at-once", close_at_once, (Outcome.CLOSED, Outcome.RESET), "PASS",
            "the connection without answering, which refuses the upgrade",
            read_request=False),
    Hostile("reset-at-once", reset_at_once, (Outcome.RESET,), "PASS", "reset the connection without answering",
            read_request=False),
    Hostile("never-read-nor-write", stay_silent, (Outcome.TIMEOUT,), "FAIL",
            "neither answered nor closed the connection within", read_request=False),
    Hostile("read-never-answer", stay_silent, (Outcome.TIMEOUT,), "FAIL",
            "neither answered nor closed the connection within"),
    Hostile("dribble", dribble, (Outcome.TIMEOUT,), "FAIL", "and did not complete it within"),
    Hostile("endless-header-block", endless_header_block, (Outcome.INVALID,), "FAIL",
            f"{NOT_VALID}: it sent a header block longer than 65536 bytes"),
    Hostile("huge-header-line", huge_header_line, (Outcome.INVALID,), "FAIL",
            f"{NOT_VALID}: it sent a header block longer than 65536 bytes"),
    Hostile("body-never-sent", body_never_sent, (Outcome.ANSWERED,), "PASS", "answered 405 Method Not Allowed"),
    Hostile("chunked-never-ends", chunked_never_ends, (Outcome.ANSWERED,), "PASS", "answered 400 Bad Request"),
    Hostile("invalid-chunk-size", _send_then_linger(
        b"HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"),
        (Outcome.ANSWERED,), "PASS", "answered 400 Bad Request"),
    Hostile("garbage", _send_then_linger(b"SSH-2.0-OpenSSH_9.6\r\n"), (Outcome.INVALID,), "FAIL",
            f"{NOT_VALID}: it does not start with an HTTP status line (first bytes: 'SSH-2.0"),
    Hostile("binary-zeros", _send_then_linger(b"\x00" * 1024), (Outcome.INVALID,), "FAIL",
            f"{NOT_VALID}: it does not start with an HTTP status line (first bytes: '\\x00\\x00"),
    Hostile("no-reason-phrase", _send_then_linger(b"HTTP/1.1 405\r\nContent-Length: 0\r\n\r\n"),
            (Outcome.ANSWERED,), "PASS", "the server answered 405: it refused the upgrade"),
    Hostile("interim-flood", interim_flood, (Outcome.INVALID,), "FAIL",
            f"{NOT_VALID}: it sent more than 16 interim 1xx answers without a final one"),
    Hostile("switching-then-frames", switching_then_frames, (Outcome.ANSWERED,), "FAIL",
            "it answered 101 Switching Protocols"),
    Hostile("switching-then-close", switching_then_close, (Outcome.ANSWERED,), "FAIL",
            "it answered 101 Switching Protocols"),
    Hostile("continue-then-switching", continue_then_switching, (Outcome.ANSWERED,), "FAIL",
            "it answered 100 Continue, then 101 Switching Protocols"),
    Hostile("two-responses", refusal_then_switching, (Outcome.ANSWERED,), "PASS", "answered 405 Method Not Allowed"),
    Hostile("lf-line-ends", _send_then_linger(
        b"HTTP/1.1 405 Method Not Allowed\nAllow: GET\nContent-Length: 0\n\n"),
        (Outcome.ANSWERED,), "PASS", "answered 405 Method Not Allowed"),
    Hostile("header-without-colon", _send_then_linger(
        b"HTTP/1.1 400 Bad Request\r\nNo colon in this line\r\nContent-Length: 0\r\n\r\n"),
        (Outcome.ANSWERED,), "PASS", "answered 400 Bad Request"),
    Hostile("obs-fold", _send_then_linger(
        b"HTTP/1.1 400 Bad Request\r\nX-Folded: a\r\n b\r\nContent-Length: 0\r\n\r\n"),
        (Outcome.ANSWERED,), "PASS", "answered 400 Bad Request"),
    Hostile("status-999", _send_then_linger(b"HTTP/1.1 999 Odd\r\nContent-Length: 0\r\n\r\n"),
            (Outcome.ANSWERED,), "PASS", "answered 999 Odd"),
    Hostile("status-abc", _send_then_linger(b"HTTP/1.1 abc Odd\r\nContent-Length: 0\r\n\r\n"),
            (Outcome.INVALID,), "FAIL", f"{NOT_VALID}: it sent a first line that is not an HTTP status line"),
    Hostile("http2-preface", _send_then_linger(HTTP2_PREFACE_REPLY), (Outcome.INVALID,), "FAIL",
            f"{NOT_VALID}: it does not start with an HTTP status line"),
    Hostile("plain-behind-wss", answer_plain_http_to_tls, (Outcome.TLS_FAILED,), "FAIL",
            "so the server may not be speaking TLS", read_request=False, scheme="wss"),
    Hostile("tls-self-signed-verified", over_tls(_send_then_linger(REFUSED_405)), (Outcome.TLS_FAILED,), "FAIL",
            "was not accepted (self-signed certificate); give its CA in CA_BUNDLE, or use verify=False",
            read_request=False, scheme="wss"),
    Hostile("tls-self-signed-unverified", over_tls(_send_then_linger(REFUSED_405)), (Outcome.ANSWERED,), "PASS",
            "answered 405 Method Not Allowed", read_request=False, scheme="wss", verify=False),
    Hostile("tls-stalls", stay_silent, (Outcome.TLS_FAILED,), "FAIL", "did not finish within", read_request=False,
            scheme="wss"),
    Hostile("half-close", half_close, (Outcome.CLOSED,), "PASS", "closed the connection without answering",
            read_request=False),
]

BY_NAME: dict[str, Hostile] = {hostile.name: hostile for hostile in HOSTILES}

__all__ = ["BY_NAME", "HOSTILES", "Hostile", "self_signed_context"]


def main() -> None:
    """Print each behaviour's outcome, COMP-UPGRADE-POST verdict and time to verdict (timeout 0.5 s)."""
    from WsComplianceLibrary.wire.http1.request import build_upgrade_request
    from WsComplianceLibrary.target import parse_target
    from WsComplianceLibrary.transport.http1 import exchange
    from WsComplianceLibrary.judges.verdicts import not_switching_protocols

    print(f"{'behaviour':28} {'outcome':11} {'verdict':8} time to verdict")
    for hostile in HOSTILES:
        with hostile.serving() as url:
            target = parse_target(url)
            request = build_upgrade_request("POST", target.path, target.authority)
            response = exchange(target, request, 0.5, hostile.verify, "POST")
        verdict = "PASS" if response.outcome.connected and not_switching_protocols(response).passed else "FAIL"
        print(f"{hostile.name:28} {response.outcome.value:11} {verdict:8} {response.elapsed * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
