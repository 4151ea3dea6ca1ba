"""HTTP/2 servers of ours for the tests: one that follows RFC 8441, variants that each break one rule, hostile peers.

Each is a behaviour for :class:`servers.FixtureServer` (``read_request=False``):
a function of ``(connection, head, stop_event)`` that speaks cleartext
HTTP/2 with prior knowledge. :func:`extended_connect_server` runs ``h2``
with inbound validation off, so it sees malformed requests and decides
itself, and echoes WebSocket frames on accepted streams: compliant unless ``violation`` names the one rule to break
(:data:`VIOLATIONS`). The hostile peers write raw frames.
:func:`throwaway_certificate` gives the TLS reference server its certificate.
"""

from __future__ import annotations

import datetime
import ipaddress
import socket
import threading
from collections.abc import Callable
from pathlib import Path

import h2.config
import h2.connection
import h2.events
import h2.exceptions
import h2.settings
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from h2.errors import ErrorCodes
from h2.settings import SettingCodes
from hyperframe.frame import GoAwayFrame, HeadersFrame, SettingsFrame
from hpack import Encoder

from WsComplianceLibrary.wire.http2.frames import CLIENT_PREFACE, FrameDecoder
from WsComplianceLibrary.wire.websocket import CLOSE, PING, PONG, FrameReader, Message, build_frame

Behaviour = Callable[[socket.socket, bytes, threading.Event], None]

VIOLATIONS = {
    "no-setting": "never advertises SETTINGS_ENABLE_CONNECT_PROTOCOL",
    "answers-101": "answers 101 instead of 200 to a correct extended CONNECT",
    "accepts-without-path": "accepts an extended CONNECT without :path",
    "switches-on-h1-upgrade": "switches (101) on an HTTP/1.1-style upgrade inside HTTP/2",
}


def _fields(event: h2.events.RequestReceived) -> dict[bytes, bytes]:
    return {bytes(name): bytes(value) for name, value in event.headers}


def _decide(fields: dict[bytes, bytes], violation: str | None) -> list[tuple[bytes, bytes]] | ErrorCodes:
    """The answer to one request: response fields, or the error code of a stream reset."""
    method, protocol = fields.get(b":method"), fields.get(b":protocol")
    if method != b"CONNECT" or protocol is None:
        if violation == "switches-on-h1-upgrade" and fields.get(b"upgrade") == b"websocket":
            return [(b":status", b"101")]
        return ErrorCodes.PROTOCOL_ERROR
    if b":scheme" not in fields or (b":path" not in fields and violation != "accepts-without-path"):
        return ErrorCodes.PROTOCOL_ERROR
    if protocol != b"websocket":
        return [(b":status", b"400")]
    if fields.get(b"sec-websocket-version") != b"13":
        return [(b":status", b"400"), (b"sec-websocket-version", b"13")]
    answer = [(b":status", b"101" if violation == "answers-101" else b"200")]
    offered = [token.strip() for token in fields.get(b"sec-websocket-protocol", b"").split(b",")]
    if b"chat" in offered:
        answer.append((b"sec-websocket-protocol", b"chat"))
    return answer


class _EchoTunnel:
    """The WebSocket end of one accepted stream: echoes messages, answers Ping with Pong and Close with Close."""

    def __init__(self) -> None:
        self.reader = FrameReader()

    def answer(self, data: bytes) -> bytes:
        self.reader.feed(data)
        replies = b""
        while (event := self.reader.next_event()) is not None:
            if isinstance(event, Message):
                replies += build_frame(event.opcode, event.payload, masked=False)
            elif event.opcode in (PING, CLOSE):
                replies += build_frame(PONG if event.opcode == PING else CLOSE, event.payload, masked=False)
        return replies


def extended_connect_server(violation: str | None = None) -> Behaviour:
    """A behaviour serving extended CONNECT by RFC 8441 except for ``violation`` (a key of :data:`VIOLATIONS`)."""
    if violation is not None and violation not in VIOLATIONS:
        raise KeyError(violation)

    def serve(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
        connection = h2.connection.H2Connection(h2.config.H2Configuration(
            client_side=False, header_encoding=None, validate_inbound_headers=False,
            validate_outbound_headers=False, normalize_outbound_headers=False,
        ))
        settings = {SettingCodes.MAX_CONCURRENT_STREAMS: 100}
        if violation != "no-setting":
            settings[SettingCodes.ENABLE_CONNECT_PROTOCOL] = 1
        connection.local_settings = h2.settings.Settings(client=False, initial_values=settings)
        connection.initiate_connection()
        conn.sendall(connection.data_to_send())
        conn.settimeout(0.1)
        tunnels: dict[int, _EchoTunnel] = {}
        while not stop.is_set():
            try:
                data = conn.recv(65536)
            except TimeoutError:
                continue
            if not data:
                return
            try:
                events = connection.receive_data(data)
            except h2.exceptions.ProtocolError:
                conn.sendall(connection.data_to_send())
                return
            for event in events:
                if isinstance(event, h2.events.DataReceived):
                    connection.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
                    connection.send_data(event.stream_id, tunnels.setdefault(event.stream_id, _EchoTunnel())
                                         .answer(event.data))
                if isinstance(event, h2.events.RequestReceived):
                    answer = _decide(_fields(event), violation)
                    if isinstance(answer, ErrorCodes):
                        connection.reset_stream(event.stream_id, answer)
                    else:
                        # An accepted stream stays open as the tunnel; a refusal ends it.
                        connection.send_headers(event.stream_id, answer,
                                                end_stream=answer[0][1] not in (b"200", b"101"))
            conn.sendall(connection.data_to_send())

    return serve


# Hostile peers: each writes raw frames and breaks HTTP/2 itself, not a WebSocket rule.

def _settings(**values: int) -> bytes:
    return SettingsFrame(0, settings={getattr(SettingCodes, name): value for name, value in values.items()}).serialize()


def _read_request(conn: socket.socket, stop: threading.Event) -> bool:
    """Read the client's preface and frames up to its request's HEADERS; ``False`` if the client left first."""
    conn.settimeout(0.1)
    data = b""
    while len(data) < len(CLIENT_PREFACE) and not stop.is_set():
        try:
            chunk = conn.recv(65536)
        except TimeoutError:
            continue
        if not chunk:
            return False
        data += chunk
    frames = FrameDecoder(sent=True)
    seen = list(frames.feed(data[len(CLIENT_PREFACE):]))
    while not any(record.type == "HEADERS" for record in seen) and not stop.is_set():
        try:
            chunk = conn.recv(65536)
        except TimeoutError:
            continue
        if not chunk:
            return False
        seen += frames.feed(chunk)
    return True


def goaway_at_once(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Sends its SETTINGS and a GOAWAY that processes no stream, then keeps the connection open."""
    conn.sendall(_settings(ENABLE_CONNECT_PROTOCOL=1) + GoAwayFrame(0, last_stream_id=0, error_code=0).serialize())
    stop.wait()


def settings_flood(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Sends SETTINGS frames, each asking for an acknowledgement, until the client goes away."""
    frame = _settings(ENABLE_CONNECT_PROTOCOL=1, MAX_CONCURRENT_STREAMS=100)
    conn.settimeout(1.0)
    for _ in range(200_000):
        if stop.is_set():
            return
        conn.sendall(frame * 64)


def window_zero(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Advertises a stream window of 0, accepts the extended CONNECT with 200, and never opens the window."""
    conn.sendall(_settings(ENABLE_CONNECT_PROTOCOL=1, INITIAL_WINDOW_SIZE=0))
    if not _read_request(conn, stop):
        return
    conn.sendall(HeadersFrame(1, data=Encoder().encode([(":status", "200")]), flags=["END_HEADERS"]).serialize())
    stop.wait()


def garbage_preface(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Answers the HTTP/2 preface with bytes that are neither HTTP/2 frames nor HTTP/1.x."""
    conn.sendall(b"\x00\x00\x04\xff\x00\x00\x00\x00\x00GARBAGE" + bytes(range(256)))
    stop.wait()


def silent(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Accepts the connection and never sends a byte."""
    stop.wait()


HOSTILE = {
    "goaway-at-once": goaway_at_once,
    "settings-flood": settings_flood,
    "window-zero": window_zero,
    "garbage-preface": garbage_preface,
    "silent": silent,
}


def throwaway_certificate(directory: Path) -> tuple[str, str]:
    """A fresh self-signed certificate for 127.0.0.1 and its key, written to ``directory``; their paths."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = directory / "cert.pem", directory / "key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return str(cert_file), str(key_file)
