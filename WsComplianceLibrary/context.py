"""State shared by the keyword components of one library instance."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta

from robot.errors import DataError

from .reference_server import ReferenceServer
from .wire.http1.request import build_upgrade_request, new_key
from .target import Target, TargetError, parse_target
from .transport.http1 import exchange
from .judges.verdicts import handshake_accepted

# Endpoint probes run beside the cases, so a silent target costs one timeout, not two.
_PROBES = ThreadPoolExecutor(max_workers=2, thread_name_prefix="ws-endpoint-probe")

__all__ = ["ImportArgumentError", "KeywordError", "LibraryContext", "seconds"]


class KeywordError(RuntimeError):
    """A keyword cannot do what it was asked; Robot shows only the message."""

    ROBOT_SUPPRESS_NAME = True


class ImportArgumentError(KeywordError, DataError):
    """An import argument is unusable.

    Robot appends a Python traceback to a failed library import unless the
    error is of its own kind, so this one is also a ``DataError``.
    """

    def __init__(self, message: str) -> None:
        DataError.__init__(self, message)


def seconds(timeout: timedelta | float | None, default: float) -> float:
    """``timeout`` in seconds (``default`` when ``None``), refusing zero, negative and non-finite values."""
    if timeout is None:
        return default
    value = timeout.total_seconds() if isinstance(timeout, timedelta) else float(timeout)
    if not 0 < value < float("inf"):
        raise KeywordError(f"Timeout must be a positive time such as 5s or 0.5, got {value:g} seconds.")
    return value


@dataclass
class LibraryContext:
    """The current target, timeout and TLS policy, and the embedded server if one runs."""

    timeout: float = 5.0
    verify: bool = True
    target: Target | None = None
    reference_server: ReferenceServer = field(default_factory=ReferenceServer)
    _endpoint_probes: dict[str, Future[str | None]] = field(default_factory=dict)

    def set_url(self, url: str) -> Target:
        """Parse and remember ``url`` as the target, failing with a clear message if it is unusable."""
        try:
            self.target = parse_target(url)
        except TargetError as error:
            raise KeywordError(str(error)) from None
        return self.target

    def require_target(self) -> Target:
        """The current target, or a clear failure when none was set."""
        if self.target is None:
            raise KeywordError(
                "No target URL is set: import the library with url=ws://host:port/path, "
                "call Set Target URL, or start the embedded target with Start Reference Server."
            )
        return self.target

    def start_endpoint_probe(self) -> None:
        """Start, in the background, finding out whether the target is a WebSocket endpoint (once per URL)."""
        target = self.require_target()
        if target.url not in self._endpoint_probes:
            self._endpoint_probes[target.url] = _PROBES.submit(probe_endpoint, target, self.timeout, self.verify)

    def endpoint_problem(self) -> str | None:
        """Why the target is not a WebSocket endpoint, or ``None`` when it is (see :func:`probe_endpoint`)."""
        self.start_endpoint_probe()
        return self._endpoint_probes[self.require_target().url].result()


def probe_endpoint(target: Target, timeout: float, verify: bool) -> str | None:
    """Send one correct handshake with a fresh key; ``None`` if it gets 101, else the reason it is no endpoint.

    Switching protocols is what makes an endpoint; a wrong accept value is a
    case of its own, not a reason to call the target something else.
    """
    key = new_key()
    request = build_upgrade_request("GET", target.path, target.authority, key=key)
    response = exchange(target, request, timeout, verify)
    return None if response.status == 101 else handshake_accepted(response, key).message

