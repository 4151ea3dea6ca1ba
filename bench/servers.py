"""Local targets for the benchmark, served from a child process on 127.0.0.1.

The benchmark's own timing loop must not share a Python process (and its
GIL) with the servers it measures against, so the servers run in a child:
``python -m bench.servers KIND COUNT`` starts ``COUNT`` servers of ``KIND``,
prints their URLs as one JSON line and serves until its standard input is
closed. :class:`ServerProcess` is the parent's side of that.

Kinds:

``reference``
    The embedded reference server, :class:`WsComplianceLibrary.reference_server.ReferenceServer`.
``aiohttp``
    An ``aiohttp`` WebSocket echo application routed with ``add_get``, as its documentation does.
``silent``
    Accepts connections and reads requests but never answers nor closes, until stopped.
``mute``
    Completes every opening handshake with a correct ``101``, then reads frames and never sends one nor closes.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from pathlib import Path
from types import TracebackType

from WsComplianceLibrary.reference_server import ReferenceServer
from WsComplianceLibrary.wire.http1.request import accept_for_key

__all__ = ["KINDS", "ServerProcess", "ThreadedServer", "switching_protocols"]

ROOT = Path(__file__).resolve().parent.parent

Serve = Callable[["Future[str]", asyncio.Event], Awaitable[None]]
"""A coroutine function that serves until the event is set, reporting its URL through the future first."""


async def _serve_aiohttp(ready: Future[str], stopped: asyncio.Event) -> None:
    from aiohttp import WSMsgType, web

    # Refusing bad handshakes is what the suites make it do, not an error worth a traceback on the console.
    logging.getLogger("aiohttp").setLevel(logging.CRITICAL)

    async def echo(request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        async for message in socket:
            if message.type == WSMsgType.TEXT:
                await socket.send_str(message.data)
        return socket

    app = web.Application()
    app.router.add_get("/", echo)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        ready.set_result(f"ws://127.0.0.1:{runner.addresses[0][1]}/")
        await stopped.wait()
    finally:
        await runner.cleanup()


async def _hold_silently(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    # Reading keeps the client's send from blocking; answering is what this server never does.
    try:
        while await reader.read(65536):
            pass
    finally:
        writer.close()


async def _switch_then_hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    # A correct 101 for the client's key, then silence: frames are read (so sends never block) and never answered.
    try:
        head = await reader.readuntil(b"\r\n\r\n")
        writer.write(switching_protocols(head))
        await writer.drain()
        while await reader.read(65536):
            pass
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
        pass
    finally:
        writer.close()


def switching_protocols(head: bytes) -> bytes:
    """The ``101`` a correct server sends for the request header block ``head`` (its ``Sec-WebSocket-Key``)."""
    key = ""
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"sec-websocket-key":
            key = value.strip().decode("latin-1")
    return (b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            b"Sec-WebSocket-Accept: " + accept_for_key(key).encode() + b"\r\n\r\n")


async def _serve_mute(ready: Future[str], stopped: asyncio.Event) -> None:
    server = await asyncio.start_server(_switch_then_hold, "127.0.0.1", 0)
    async with server:
        ready.set_result(f"ws://127.0.0.1:{server.sockets[0].getsockname()[1]}/")
        await stopped.wait()


async def _serve_silent(ready: Future[str], stopped: asyncio.Event) -> None:
    server = await asyncio.start_server(_hold_silently, "127.0.0.1", 0)
    async with server:
        ready.set_result(f"ws://127.0.0.1:{server.sockets[0].getsockname()[1]}/")
        await stopped.wait()


class ThreadedServer:
    """Runs a :data:`Serve` coroutine function on its own event loop in a daemon thread."""

    def __init__(self, serve: Serve) -> None:
        self._serve = serve
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopped: asyncio.Event | None = None
        self._thread: threading.Thread | None = None

    def start(self, timeout: float = 10.0) -> str:
        """Start serving; return the server's ``ws://`` URL."""
        ready: Future[str] = Future()
        self._thread = threading.Thread(target=asyncio.run, args=(self._main(ready),), daemon=True)
        self._thread.start()
        return ready.result(timeout)

    def stop(self, timeout: float = 10.0) -> None:
        """Stop serving, close every connection and join the thread."""
        if self._loop is not None and self._stopped is not None:
            self._loop.call_soon_threadsafe(self._stopped.set)
        if self._thread is not None:
            self._thread.join(timeout)

    async def _main(self, ready: Future[str]) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopped = asyncio.Event()
        try:
            await self._serve(ready, self._stopped)
        except BaseException as error:  # reported to start() rather than lost in the thread
            if not ready.done():
                ready.set_exception(error)
            raise


KINDS: dict[str, Callable[[], ReferenceServer | ThreadedServer]] = {
    "reference": ReferenceServer,
    "aiohttp": lambda: ThreadedServer(_serve_aiohttp),
    "silent": lambda: ThreadedServer(_serve_silent),
    "mute": lambda: ThreadedServer(_serve_mute),
}
"""Server kinds by name: each makes an object with ``start() -> url`` and ``stop()``."""


class ServerProcess:
    """``count`` servers of ``kind`` in a child process, for the lifetime of a ``with`` block.

    :attr:`urls` lists their URLs once started.
    """

    def __init__(self, kind: str, count: int = 1) -> None:
        if kind not in KINDS:
            raise ValueError(f"Unknown server kind {kind!r}; known kinds are {', '.join(KINDS)}.")
        self.kind = kind
        self.count = count
        self.urls: list[str] = []
        self._child: subprocess.Popen[str] | None = None

    def __enter__(self) -> ServerProcess:
        self._child = subprocess.Popen(
            [sys.executable, "-m", "bench.servers", self.kind, str(self.count)],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        assert self._child.stdout is not None
        line = self._child.stdout.readline()
        if not line:
            self._close()
            raise RuntimeError(f"The {self.kind} server process exited before reporting its URLs.")
        self.urls = json.loads(line)
        return self

    def cpu_seconds(self) -> float:
        """CPU time the server process has used so far, read from ``/proc`` (Linux)."""
        if self._child is None:
            raise RuntimeError("The server process is not running.")
        # The fields after the parenthesised command name; utime and stime are the 12th and 13th.
        fields = Path(f"/proc/{self._child.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self._close()

    def _close(self) -> None:
        if self._child is None:
            return
        assert self._child.stdin is not None
        self._child.stdin.close()
        try:
            self._child.wait(10)
        except subprocess.TimeoutExpired:
            self._child.kill()
            self._child.wait()
        self._child = None


def main(kind: str, count: str) -> None:
    """Serve ``count`` servers of ``kind``, print their URLs as JSON, stop when standard input closes."""
    servers = [KINDS[kind]() for _ in range(int(count))]
    try:
        print(json.dumps([server.start() for server in servers]), flush=True)
        sys.stdin.read()
    finally:
        for server in servers:
            server.stop()


if __name__ == "__main__":
    main(*sys.argv[1:])
