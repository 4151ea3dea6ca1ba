"""A server on its own asyncio event loop in a daemon thread, so synchronous Robot keywords can start and stop it.

The embedded reference servers (``websockets`` for HTTP/1.1, Hypercorn for
HTTP/2) differ only in what they serve; starting, waiting until they
listen, reporting a failure to start, and stopping are here, once.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future

__all__ = ["BackgroundServer"]


class BackgroundServer:
    """Runs :meth:`_serve` on a new event loop in a background thread between :meth:`start` and :meth:`stop`.

    A subclass implements :meth:`_serve` (listen, set ``ready``, serve until
    ``stopped`` is set) and :attr:`url`; :meth:`_before_start` may prepare
    arguments for :meth:`_serve` in the caller's thread.
    """

    thread_name = "background-server"

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._stopped: asyncio.Event | None = None
        self._listening = False

    @property
    def url(self) -> str:
        raise NotImplementedError

    @property
    def running(self) -> bool:
        """Whether the server is accepting connections."""
        return self._listening

    def start(self, timeout: float = 10.0) -> str:
        """Start serving in a background thread and wait until it listens; return :attr:`url`."""
        if self._listening:
            return self.url
        ready: Future[None] = Future()
        self._thread = threading.Thread(target=self._run, args=(ready, *self._before_start()),
                                        name=self.thread_name, daemon=True)
        self._thread.start()
        try:
            ready.result(timeout)
        except BaseException:
            self.stop()
            raise
        self._listening = True
        return self.url

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the server and its thread; open connections are closed. Does nothing when it is not running."""
        if self._loop is not None and self._stopped is not None:
            try:
                self._loop.call_soon_threadsafe(self._stopped.set)
            except RuntimeError:  # the loop has ended already (the server failed to start): nothing to stop
                pass
        if self._thread is not None:
            self._thread.join(timeout)
        self._loop = self._thread = self._stopped = None
        self._listening = False

    def __enter__(self) -> BackgroundServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _before_start(self) -> tuple[object, ...]:
        """Extra arguments for :meth:`_serve`, made before the thread starts."""
        return ()

    def _run(self, ready: Future[None], *arguments: object) -> None:
        try:
            asyncio.run(self._main(ready, *arguments))
        except BaseException as error:  # reported to start() rather than lost in the thread
            if not ready.done():
                ready.set_exception(error)

    async def _main(self, ready: Future[None], *arguments: object) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopped = asyncio.Event()
        await self._serve(ready, self._stopped, *arguments)

    async def _serve(self, ready: Future[None], stopped: asyncio.Event, *arguments: object) -> None:
        raise NotImplementedError
