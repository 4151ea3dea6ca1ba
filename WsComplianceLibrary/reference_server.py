"""The embedded reference target: a real WebSocket server on 127.0.0.1.

Built on the ``websockets`` package (its asyncio server), run on its own
event loop in a background thread so Robot Framework keywords, which are
synchronous, can start it, use it and stop it. It echoes text and binary
messages on any path, up to :data:`MAX_MESSAGE_SIZE`, which is all the
handshake and frame cases need.

It takes messages of up to :data:`MAX_FRAGMENTS` fragments (``websockets`` 17
stops at 4096 by default), which Autobahn's 9.3 and 9.4 cases need.

Plain ``websockets`` breaks a few handshake rules (see
:func:`enforce_handshake_rules`); the reference server adds that one small
hook so it passes every case of the catalogue. ``enforce_rules=False`` runs
the plain library, which the tests use to pin its own behaviour.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import Future
from http import HTTPStatus
from typing import TYPE_CHECKING

from .background_server import BackgroundServer

if TYPE_CHECKING:  # websockets is imported when a server starts: runs aimed at WS_URL never load it
    from websockets.asyncio.server import ServerConnection
    from websockets.http11 import Request, Response

__all__ = ["MAX_MESSAGE_SIZE", "ReferenceServer", "SUPPORTED_VERSION", "enforce_handshake_rules"]

SUPPORTED_VERSION = "13"

MAX_MESSAGE_SIZE = 16 * 1024 * 1024 + 64 * 1024
"""Largest message the reference server takes: Autobahn's 9.x cases send 16 MiB; websockets' default is 1 MiB."""

MAX_FRAGMENTS = 65536 + 1
"""Most fragments in one message the reference server takes: Autobahn 9.3.1 sends 65536 plus an empty last frame."""

# Refused handshakes are the point of the suites, not errors worth a console
# line each; they are in log.html already.
_LOGGER = logging.getLogger("WsComplianceLibrary.reference_server")
_LOGGER.addHandler(logging.NullHandler())
_LOGGER.propagate = False


class ReferenceServer(BackgroundServer):
    """A ``websockets`` echo server on a free port of ``host``.

    Use :meth:`start` and :meth:`stop`, or the object as a context manager.
    :attr:`url` is ``ws://host:port/`` once started.
    """

    thread_name = "ws-reference-server"

    def __init__(self, host: str = "127.0.0.1", port: int = 0, enforce_rules: bool = True) -> None:
        super().__init__()
        self.host = host
        self.port = port
        self.enforce_rules = enforce_rules

    @property
    def url(self) -> str:
        """The ``ws://`` URL of the running server."""
        if not self.running:
            raise RuntimeError("The reference server is not running.")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"ws://{host}:{self.port}/"

    async def _serve(self, ready: Future[None], stopped: asyncio.Event, *arguments: object) -> None:
        from websockets.asyncio import messages
        from websockets.asyncio.server import serve

        # websockets 17 refuses a message of more than 4096 fragments with 1009; Autobahn 9.3.1 sends 65536.
        # The limit is a module global read per message, so raising it here changes nothing else. Earlier
        # versions (the newest for Python 3.10 is 16) have no such limit.
        if hasattr(messages, "MAX_FRAGMENTS"):
            messages.MAX_FRAGMENTS = max(messages.MAX_FRAGMENTS, MAX_FRAGMENTS)

        hook = enforce_handshake_rules if self.enforce_rules else None
        async with serve(_echo, self.host, self.port, logger=_LOGGER, process_request=hook,
                         max_size=MAX_MESSAGE_SIZE) as server:
            self.port = server.sockets[0].getsockname()[1]
            ready.set_result(None)
            await stopped.wait()


def enforce_handshake_rules(connection: ServerConnection, request: Request) -> Response | None:
    """The layer the reference server adds to ``websockets``: rules its plain server does not enforce.

    Plain ``websockets`` switches protocols on a request without ``Host`` or
    with two, and refuses an unsupported ``Sec-WebSocket-Version`` with 400
    but without saying which versions it understands. This hook, run before
    ``websockets`` accepts a handshake, answers such requests as RFC 9112
    §3.2 (400) and RFC 6455 §4.4 (426 with ``Sec-WebSocket-Version: 13``)
    require. Everything else is left to ``websockets``.
    """
    if len(request.headers.get_all("Host")) != 1:
        return connection.respond(HTTPStatus.BAD_REQUEST, "A request must carry exactly one Host header.\n")
    if request.headers.get_all("Sec-WebSocket-Version") != [SUPPORTED_VERSION]:
        response = connection.respond(
            HTTPStatus.UPGRADE_REQUIRED, f"Only WebSocket version {SUPPORTED_VERSION} is supported.\n"
        )
        response.headers["Upgrade"] = "websocket"
        response.headers["Sec-WebSocket-Version"] = SUPPORTED_VERSION
        return response
    return None


async def _echo(connection: ServerConnection) -> None:
    """Send every message back as it came: text as text, binary as binary."""
    from websockets.exceptions import ConnectionClosed

    try:
        async for message in connection:
            await connection.send(message)
    except ConnectionClosed:
        pass
