"""Running the WebSocket client under test, one case at a time: a command of the user's, or the embedded client.

:class:`CommandClient` starts ``CLIENT_COMMAND`` with ``{url}`` replaced by
the case's URL, in a process group of its own, and stops the whole group
after the case, so no process outlives it; its exit status and output are
kept for the log, never judged. :class:`EmbeddedClient` is the reference
client: the ``websockets`` client in a background thread, echoing every
message back with its type, as Autobahn's fuzzingserver expects of a
client. Both share :class:`ClientRun`'s interface.
"""

from __future__ import annotations

import logging
import os
import shlex
import signal
import ssl
import subprocess
import tempfile
import threading
from dataclasses import dataclass

__all__ = ["ClientRun", "CommandClient", "EmbeddedClient", "Finished", "OUTPUT_KEPT"]

OUTPUT_KEPT = 4096
"""Bytes of a client command's output kept for the log (the end of it)."""

MAX_FRAGMENTS = 65536 + 1
"""Most fragments in one message the embedded client takes: Autobahn 9.3.1 sends 65536."""

STOP_GRACE = 1.0
"""Seconds a client gets to end by itself after its case, before its process group is killed."""

# A refused handshake is the point of many client cases, not an error worth a console line.
_LOGGER = logging.getLogger("WsComplianceLibrary.embedded_client")
_LOGGER.addHandler(logging.NullHandler())
_LOGGER.propagate = False


@dataclass(frozen=True)
class Finished:
    """How a client run ended, for the log: one sentence, and the output it wrote (printable later)."""

    summary: str
    output: bytes = b""


class ClientRun:
    """One run of the client under test against one URL: :meth:`stop` ends it and says how it ended."""

    def stop(self) -> Finished:
        raise NotImplementedError

    def exited_early(self) -> str | None:
        """One sentence when the client has already ended (so waiting longer for it is pointless), else ``None``."""
        return None


class CommandClient(ClientRun):
    """The user's command, started with ``{url}`` replaced, in its own process group.

    :class:`ValueError` (one sentence) when the command cannot be split or
    started: an unbalanced quote, a program that does not exist.
    """

    def __init__(self, command: str, url: str) -> None:
        try:
            argv = shlex.split(command.replace("{url}", url))
        except ValueError as error:
            raise ValueError(f"The client command {command!r} cannot be split into arguments ({error}).") from None
        if not argv:
            raise ValueError("The client command is empty.")
        self.argv = argv
        self._output = tempfile.TemporaryFile()
        try:
            self._process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=self._output,
                                             stderr=subprocess.STDOUT, start_new_session=True)
        except OSError as error:
            self._output.close()
            raise ValueError(f"The client command {shlex.join(argv)!r} could not be started: "
                             f"{error.strerror or error}.") from None

    def exited_early(self) -> str | None:
        status = self._process.poll()
        if status is None:
            return None
        return f"the client command exited with status {status} before connecting"

    def stop(self) -> Finished:
        """End the process group: at once if the client is done, else after :data:`STOP_GRACE`, TERM then KILL."""
        process = self._process
        try:
            status = process.wait(STOP_GRACE)
            how = f"exited with status {status}"
        except subprocess.TimeoutExpired:
            self._signal(signal.SIGTERM)
            try:
                status = process.wait(STOP_GRACE)
                how = f"was stopped after the case (status {status})"
            except subprocess.TimeoutExpired:
                self._signal(signal.SIGKILL)
                status = process.wait()
                how = "did not stop when asked and was killed"
        self._signal(signal.SIGKILL)  # whatever the client left running in its group
        self._output.seek(0, os.SEEK_END)
        size = self._output.tell()
        self._output.seek(max(size - OUTPUT_KEPT, 0))
        output = self._output.read()
        self._output.close()
        return Finished(f"The client command {shlex.join(self.argv)!r} {how}.", output)

    def _signal(self, number: int) -> None:
        try:
            os.killpg(self._process.pid, number)
        except (ProcessLookupError, PermissionError):
            pass


class EmbeddedClient(ClientRun):
    """The reference client: ``websockets``' client echoing every message in a background thread.

    It offers no extension, so every case applies to it; TLS certificates
    are not verified (the test server's is made for the run).
    """

    def __init__(self, url: str, timeout: float) -> None:
        self.url = url
        self._timeout = timeout
        self._result = "ended"
        self._thread = threading.Thread(target=self._run, name="ws-embedded-client", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from websockets.exceptions import ConnectionClosed, InvalidHandshake
        from websockets.sync import messages
        from websockets.sync.client import connect

        # As the reference server does (see reference_server.py): websockets 17 refuses a message of more than
        # 4096 fragments with 1009, and Autobahn 9.3.1 sends 65536. Earlier versions have no such limit.
        if hasattr(messages, "MAX_FRAGMENTS"):
            messages.MAX_FRAGMENTS = max(messages.MAX_FRAGMENTS, MAX_FRAGMENTS)

        context = None
        if self.url.startswith("wss://"):
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        try:
            with connect(self.url, ssl=context, compression=None, open_timeout=self._timeout,
                         close_timeout=self._timeout, max_size=None, logger=_LOGGER) as connection:
                for message in connection:
                    connection.send(message)
            self._result = "closed the connection"
        except ConnectionClosed as error:
            self._result = f"saw the connection close ({error})"
        except InvalidHandshake as error:
            self._result = f"refused the handshake ({error})"
        except (OSError, TimeoutError) as error:
            self._result = f"failed ({error})"

    def stop(self) -> Finished:
        self._thread.join(STOP_GRACE + self._timeout)
        state = "is still running" if self._thread.is_alive() else self._result
        return Finished(f"The embedded reference client (websockets) {state}.")
