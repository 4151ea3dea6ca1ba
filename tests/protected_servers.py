"""Servers as they run in production, on 127.0.0.1: real ``websockets`` and ``aiohttp`` servers that want
credentials, a trusted ``Origin`` or a subprotocol, one that does not echo, and one that never speaks after its 101.

Each runs the reference server's own handshake layer after its gate, so,
given the right settings, it must get the reference server's verdicts.
"""

from __future__ import annotations

import asyncio
import datetime
import ipaddress
import socket
import ssl
import threading
from concurrent.futures import Future
from http import HTTPStatus
from pathlib import Path

from WsComplianceLibrary.background_server import BackgroundServer
from WsComplianceLibrary.reference_server import MAX_MESSAGE_SIZE, enforce_handshake_rules
from servers import switching_protocols

TOKEN = "s3cr3t-T0ken-4c9f1e7b2d"
"""The bearer token the protected servers want; a test greps every result file for it."""


class ProtectedServer(BackgroundServer):
    """A ``websockets`` server behind a gate: a bearer ``token``, ``origins`` it trusts, ``subprotocols`` it requires.

    ``echo=False`` makes it a server that reads messages and answers none
    (a sink, or a feed that pushes only on its own schedule), the slowest
    kind to judge: every echo case would wait out its timeout.
    """

    thread_name = "protected-websockets"

    def __init__(self, token: str | None = None, origins: list[str | None] | None = None,
                 subprotocols: list[str] | None = None, echo: bool = True,
                 tls: ssl.SSLContext | None = None) -> None:
        super().__init__()
        self.tls = tls
        self.token = token
        self.origins = origins
        self.subprotocols = subprotocols
        self.echo = echo
        self.port = 0

    @property
    def url(self) -> str:
        return f"{'wss' if self.tls else 'ws'}://127.0.0.1:{self.port}/"

    async def _serve(self, ready: Future[None], stopped: asyncio.Event, *arguments: object) -> None:
        from websockets.asyncio.server import serve

        def gate(connection, request):  # noqa: ANN001, ANN202 - websockets' own types
            if self.token and request.headers.get("Authorization") != f"Bearer {self.token}":
                response = connection.respond(HTTPStatus.UNAUTHORIZED, "A bearer token is required.\n")
                response.headers["WWW-Authenticate"] = "Bearer"
                return response
            return enforce_handshake_rules(connection, request)

        async def handler(connection) -> None:  # noqa: ANN001
            from websockets.exceptions import ConnectionClosed

            try:
                async for message in connection:
                    if self.echo:
                        await connection.send(message)
            except ConnectionClosed:
                pass

        async with serve(handler, "127.0.0.1", 0, process_request=gate, origins=self.origins,
                         subprotocols=self.subprotocols, max_size=MAX_MESSAGE_SIZE, ssl=self.tls) as server:
            self.port = server.sockets[0].getsockname()[1]
            ready.set_result(None)
            await stopped.wait()


class AiohttpAuthServer(BackgroundServer):
    """An ``aiohttp`` WebSocket echo application behind an auth middleware that wants a session ``cookie``
    (none with ``cookie=None``)."""

    thread_name = "aiohttp-auth"

    def __init__(self, cookie: str | None) -> None:
        super().__init__()
        self.cookie = cookie
        self.port = 0

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    async def _serve(self, ready: Future[None], stopped: asyncio.Event, *arguments: object) -> None:
        from aiohttp import WSMsgType, web

        @web.middleware
        async def require_session(request, handler):  # noqa: ANN001, ANN202
            if request.cookies.get("session") != self.cookie:
                raise web.HTTPUnauthorized(text="A session cookie is required.\n")
            return await handler(request)

        async def echo(request):  # noqa: ANN001, ANN202
            socket_ = web.WebSocketResponse()
            await socket_.prepare(request)
            async for message in socket_:
                if message.type == WSMsgType.TEXT:
                    await socket_.send_str(message.data)
                elif message.type == WSMsgType.BINARY:
                    await socket_.send_bytes(message.data)
            return socket_

        app = web.Application(middlewares=[require_session] if self.cookie else [])
        app.router.add_get("/ws", echo)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # noqa: SLF001 - aiohttp has no public accessor
        ready.set_result(None)
        await stopped.wait()
        await runner.cleanup()


class SilentAfter101Server:
    """A naive upgrade handler: answers every request with 101 and then never reads or writes."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._connections: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self._listener.getsockname()[1]}/"

    def start(self) -> str:
        self._thread.start()
        return self.url

    def _accept(self) -> None:
        self._listener.settimeout(0.1)
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            connection.settimeout(2)
            head = b""
            try:
                while b"\r\n\r\n" not in head:
                    chunk = connection.recv(4096)
                    if not chunk:
                        break
                    head += chunk
                connection.sendall(switching_protocols(head))
            except OSError:
                pass
            self._connections.append(connection)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self._listener.close()
        for connection in self._connections:
            connection.close()


def private_ca(directory: Path) -> tuple[Path, ssl.SSLContext]:
    """A throwaway private CA in ``directory``: its ``ca.pem``, a client certificate ``client.pem`` (key inside) it
    signed, and the TLS context of a server for 127.0.0.1 that requires a client certificate from that CA."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.timezone.utc)

    def issue(subject: str, issuer: x509.Name | None, issuer_key, ca: bool, san: x509.GeneralName | None = None):  # noqa: ANN001, ANN202
        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
        builder = (x509.CertificateBuilder().subject_name(name).issuer_name(issuer or name)
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))
                   .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
        if san is not None:
            builder = builder.add_extension(x509.SubjectAlternativeName([san]), critical=False)
        return key, builder.sign(issuer_key or key, hashes.SHA256())

    def pem(key, certificate) -> bytes:  # noqa: ANN001
        return certificate.public_bytes(serialization.Encoding.PEM) + key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())

    ca_key, ca_cert = issue("WsComplianceLibrary test CA", None, None, True)
    server_key, server_cert = issue("127.0.0.1", ca_cert.subject, ca_key, False,
                                    x509.IPAddress(ipaddress.ip_address("127.0.0.1")))
    client_key, client_cert = issue("compliance client", ca_cert.subject, ca_key, False)
    (directory / "ca.pem").write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    (directory / "server.pem").write_bytes(pem(server_key, server_cert))
    (directory / "client.pem").write_bytes(pem(client_key, client_cert))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(directory / "server.pem")
    context.load_verify_locations(directory / "ca.pem")
    context.verify_mode = ssl.CERT_REQUIRED
    return directory / "ca.pem", context
