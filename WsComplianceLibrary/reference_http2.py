"""The embedded HTTP/2 reference target: a real server of WebSockets over HTTP/2 (RFC 8441) on 127.0.0.1.

Built on Hypercorn, which advertises ``SETTINGS_ENABLE_CONNECT_PROTOCOL``
and runs WebSocket streams opened by extended CONNECT, with a small ASGI
echo application. It runs on its own event loop in a background thread so
Robot Framework keywords, which are synchronous, can start and stop it.
Cleartext with prior knowledge (``h2c://``) needs no certificate; given a
``certfile`` and ``keyfile`` it serves TLS with ALPN ``h2`` instead.

The application accepts the subprotocol ``chat`` when offered and no
other, and echoes every message.

Plain Hypercorn opens a WebSocket for every CONNECT, whatever its
``:protocol`` names (an ASGI application never sees pseudo-header fields).
The reference server adds one hook (:func:`_refuse_other_protocols`) that
answers ``400`` to an extended CONNECT for another protocol, so it passes
every case of the catalogue; ``enforce_rules=False`` runs plain Hypercorn,
which the tests use to pin its own behaviour.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Awaitable, Callable, MutableMapping
from concurrent.futures import Future
from typing import Any

from .background_server import BackgroundServer

__all__ = ["Http2ReferenceServer", "PROTOCOL", "SUBPROTOCOL", "echo_app"]

PROTOCOL = b"websocket"
"""The one ``:protocol`` the reference server tunnels."""

SUBPROTOCOL = "chat"
"""The one subprotocol the echo application speaks."""

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

# Refused streams are the point of the suite, not errors worth a console line each.
_LOGGER = logging.getLogger("WsComplianceLibrary.reference_http2")
_LOGGER.addHandler(logging.NullHandler())
_LOGGER.propagate = False


async def echo_app(scope: Scope, receive: Receive, send: Send) -> None:
    """ASGI: accept WebSocket connections (selecting ``chat`` only if offered) and echo every message."""
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            else:
                await send({"type": "lifespan.shutdown.complete"})
                return
    if scope["type"] != "websocket":
        await send({"type": "http.response.start", "status": 404, "headers": [(b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})
        return
    while True:
        message = await receive()
        if message["type"] == "websocket.connect":
            chosen = SUBPROTOCOL if SUBPROTOCOL in scope.get("subprotocols", []) else None
            await send({"type": "websocket.accept", "subprotocol": chosen})
        elif message["type"] == "websocket.receive":
            text, data = message.get("text"), message.get("bytes")
            await send({"type": "websocket.send", **({"text": text} if text is not None else {"bytes": data})})
        else:
            return


class Http2ReferenceServer(BackgroundServer):
    """Hypercorn serving :func:`echo_app` on a free port of ``host``, cleartext or (with a certificate) TLS.

    Use :meth:`start` and :meth:`stop`, or the object as a context manager.
    :attr:`url` is ``h2c://host:port/`` or ``wss://host:port/`` once started.
    """

    thread_name = "h2-reference-server"

    def __init__(self, host: str = "127.0.0.1", certfile: str | None = None, keyfile: str | None = None,
                 enforce_rules: bool = True) -> None:
        super().__init__()
        self.host = host
        self.enforce_rules = enforce_rules
        self.certfile = certfile
        self.keyfile = keyfile
        self.port = 0

    @property
    def url(self) -> str:
        """``h2c://`` (cleartext, prior knowledge) or ``wss://`` (TLS, ALPN h2) URL of the running server."""
        if not self.running:
            raise RuntimeError("The HTTP/2 reference server is not running.")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{'wss' if self.certfile else 'h2c'}://{host}:{self.port}/"

    def _before_start(self) -> tuple[object, ...]:
        # Hypercorn takes the listening socket by descriptor, so the free port is known before it starts.
        listener = socket.create_server((self.host, 0), family=socket.AF_INET6 if ":" in self.host else socket.AF_INET)
        self.port = listener.getsockname()[1]
        return (listener.detach(),)

    async def _serve(self, ready: Future[None], stopped: asyncio.Event, *arguments: object) -> None:
        from hypercorn.asyncio import serve
        from hypercorn.config import Config

        (listener_fd,) = arguments
        config = Config()
        config.bind = [f"fd://{listener_fd}"]
        config.certfile, config.keyfile = self.certfile, self.keyfile
        config.graceful_timeout = 1.0
        config.accesslog = config.errorlog = _LOGGER
        if self.enforce_rules:
            _refuse_other_protocols()
            config.extended_connect_protocols = {PROTOCOL}  # read by the hook; plain configs lack it
        asyncio.get_running_loop().call_soon(ready.set_result, None)
        await serve(echo_app, config, shutdown_trigger=stopped.wait)  # type: ignore[arg-type]


def _refuse_other_protocols() -> None:
    """Make Hypercorn answer 400 to an extended CONNECT whose ``:protocol`` its server does not tunnel.

    Hypercorn has no hook before it turns a CONNECT into a WebSocket stream,
    so this wraps ``H2Protocol._create_stream`` once per process. The check
    applies only to servers whose config carries ``extended_connect_protocols``:
    every other Hypercorn in the process keeps its own behaviour.
    """
    from hypercorn.protocol.h2 import H2Protocol

    create_stream = H2Protocol._create_stream
    if getattr(create_stream, "refuses_other_protocols", False):
        return

    async def create_stream_for_known_protocols(self: H2Protocol, request: Any) -> None:
        known = getattr(self.config, "extended_connect_protocols", None)
        fields = dict(request.headers)
        if known is not None and b":protocol" in fields and fields[b":protocol"] not in known:
            self.connection.send_headers(request.stream_id, [(b":status", b"400"), (b"content-length", b"0")],
                                         end_stream=True)
            await self._flush()
            return
        await create_stream(self, request)

    create_stream_for_known_protocols.refuses_other_protocols = True  # type: ignore[attr-defined]
    H2Protocol._create_stream = create_stream_for_known_protocols  # type: ignore[method-assign]
