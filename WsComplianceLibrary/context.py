"""State shared by the keyword components of one library instance."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from robot.errors import DataError

from .reference_server import ReferenceServer
from .target import Target, TargetError, parse_target

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
