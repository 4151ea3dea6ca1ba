"""Real servers on 127.0.0.1 for the tests: misbehaving fixtures of ours and third-party WebSocket servers.

A :class:`FixtureServer` accepts TCP connections and hands each one, with
the request head it read, to a behaviour function. Behaviours are small
functions of ``(connection, head, stop_event)``; :data:`BEHAVIOURS` names
them. :class:`AiohttpServer` runs a real ``aiohttp`` WebSocket application.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future

from WsComplianceLibrary.wire.http1.request import accept_for_key
from WsComplianceLibrary.wire.websocket import Event, FrameReader

Behaviour = Callable[[socket.socket, bytes, threading.Event], None]


def request_key(head: bytes) -> str:
    """The ``Sec-WebSocket-Key`` of a request head, or empty."""
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"sec-websocket-key":
            return value.strip().decode("latin-1")
    return ""


def request_method(head: bytes) -> bytes:
    return head.split(b" ", 1)[0]


def switching_protocols(head: bytes) -> bytes:
    """A well-formed 101 answer for the request ``head``."""
    return (
        b"HTTP/1.1 101 Switching Protocols\r\n"
        b"Upgrade: websocket\r\n"
        b"Connection: Upgrade\r\n"
        b"Sec-WebSocket-Accept: " + accept_for_key(request_key(head)).encode() + b"\r\n\r\n"
    )


def answer_101_to_any_method(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Accepts every handshake, whatever its method: the violation COMP-UPGRADE-POST exists to catch."""
    conn.sendall(switching_protocols(head))
    stop.wait(0.2)


def answer_405_unless_get(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Accepts GET handshakes and refuses other methods with 405, as a compliant server may."""
    if request_method(head) == b"GET":
        conn.sendall(switching_protocols(head))
    else:
        conn.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nAllow: GET\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    stop.wait(0.2)


def close_unless_get(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Accepts GET handshakes and closes the connection on any other method without a word."""
    if request_method(head) == b"GET":
        conn.sendall(switching_protocols(head))
        stop.wait(0.2)


def never_answer(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Reads the request and then neither answers nor closes until the server stops."""
    stop.wait()


def answer_404(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """A plain HTTP server with nothing at this path: every handshake gets 404."""
    conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nContent-Type: text/plain\r\n\r\nNot Found")
    stop.wait(0.2)


BEHAVIOURS: dict[str, Behaviour] = {
    "answer-101-to-any-method": answer_101_to_any_method,
    "answer-405-unless-get": answer_405_unless_get,
    "close-unless-get": close_unless_get,
    "never-answer": never_answer,
    "answer-404": answer_404,
}


def client_events(conn: socket.socket, reader: FrameReader, stop: threading.Event) -> Iterator[Event]:
    """Each frame and message the client sends, read with ``reader``, until it closes TCP or the server stops.

    Reading also ends once the reader stopped at its size cap.
    """
    conn.settimeout(0.05)
    while not stop.is_set() and reader.too_large is None:
        event = reader.next_event()
        if event is not None:
            yield event
            continue
        try:
            data = conn.recv(65536)
        except TimeoutError:
            continue
        if not data:
            return
        reader.feed(data)


class FixtureServer:
    """A TCP server on a free 127.0.0.1 port that runs ``behaviour`` on each connection."""

    def __init__(self, behaviour: Behaviour, read_request: bool = True) -> None:
        self.behaviour = behaviour
        self.read_request = read_request
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self._threads: list[threading.Thread] = []
        self._connections: list[socket.socket] = []
        self._accepting = threading.Thread(target=self._accept_loop, daemon=True)

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/"

    def __enter__(self) -> FixtureServer:
        self._accepting.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._accepting.join(5)
        for thread in self._threads:
            thread.join(5)
        for conn in self._connections:
            conn.close()
        self._listener.close()

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._connections.append(conn)
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            head = _read_head(conn, self._stop) if self.read_request else b""
            self.behaviour(conn, head, self._stop)
        except OSError:
            pass
        finally:
            conn.close()


def _read_head(conn: socket.socket, stop: threading.Event) -> bytes:
    conn.settimeout(0.1)
    data = b""
    while b"\r\n\r\n" not in data and not stop.is_set():
        try:
            chunk = conn.recv(65536)
        except TimeoutError:
            continue
        if not chunk:
            break
        data += chunk
    conn.settimeout(None)
    return data.split(b"\r\n\r\n", 1)[0]


class AiohttpServer:
    """A real ``aiohttp`` WebSocket echo application (text and binary) on a free 127.0.0.1 port.

    ``routing="get"`` registers the handler the way aiohttp's documentation
    does (``add_get``); ``routing="any"`` registers it for every method
    (``add_route("*", ...)``), leaving the method check to the WebSocket code.
    """

    def __init__(self, routing: str = "get") -> None:
        self.routing = routing
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._stopped: asyncio.Event | None = None

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/"

    def __enter__(self) -> AiohttpServer:
        ready: Future[None] = Future()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._serve(ready)), daemon=True)
        self._thread.start()
        ready.result(10)
        return self

    def __exit__(self, *exc_info: object) -> None:
        assert self._loop is not None and self._stopped is not None
        self._loop.call_soon_threadsafe(self._stopped.set)
        assert self._thread is not None
        self._thread.join(10)

    async def _serve(self, ready: Future[None]) -> None:
        from aiohttp import WSMsgType, web

        async def echo(request: web.Request) -> web.WebSocketResponse:
            ws = web.WebSocketResponse()
            await ws.prepare(request)
            async for message in ws:
                if message.type == WSMsgType.TEXT:
                    await ws.send_str(message.data)
                elif message.type == WSMsgType.BINARY:
                    await ws.send_bytes(message.data)
            return ws

        app = web.Application()
        if self.routing == "get":
            app.router.add_get("/", echo)
        else:
            app.router.add_route("*", "/", echo)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        self._loop = asyncio.get_running_loop()
        self._stopped = asyncio.Event()
        self.port = runner.addresses[0][1]
        ready.set_result(None)
        await self._stopped.wait()
        await runner.cleanup()
