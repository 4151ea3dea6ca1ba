"""State shared by the keyword components of one library instance."""

from __future__ import annotations

import re
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta

from robot.errors import DataError
from robot.running.context import EXECUTION_CONTEXTS
from robot.utils import timestr_to_secs

from .reference_server import ReferenceServer
from .wire.http1.request import build_upgrade_request, new_key
from .target import Target, TargetError, parse_target
from .transport.connection import Deadline
from .transport.http1 import exchange
from .transport.websocket import Ended, WebSocketConnection
from .judges.frames import describe_event
from .judges.verdicts import handshake_accepted
from .wire.websocket import CLOSE, TEXT, Message, build_frame, close_payload

# Endpoint probes run beside the cases, so a silent target costs one timeout, not two.
_PROBES = ThreadPoolExecutor(max_workers=2, thread_name_prefix="ws-endpoint-probe")

__all__ = [
    "ECHO_PROBE_TEXT", "TARGET_NAME_RULE", "ImportArgumentError", "KeywordError", "LibraryContext", "flag",
    "is_usable_target_name", "name_top_level_suite", "probe_echo", "seconds", "set_suite_metadata", "suite_settings",
    "time_in_seconds",
]

TARGET_NAME_RULE = "1 to 64 letters, digits, '_' or '-', starting with a letter or digit"
"""What a target name may be: it heads a report and names a folder, so no character that is special there."""

# No dots: Robot reads a dot in a suite name as a level of the suite's full name.
_TARGET_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")

ECHO_PROBE_TEXT = "WsComplianceLibrary echo check"
"""The text message the echo probe sends and expects back."""

_TRUE_WORDS = frozenset({"true", "yes", "on", "1"})
_FALSE_WORDS = frozenset({"false", "no", "off", "0"})


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
    return default if timeout is None else time_in_seconds(timeout, "Timeout")


def time_in_seconds(value: timedelta | str | float, name: str) -> float:
    """``value``, a timedelta or a Robot time such as ``5s``, ``500ms`` or ``1.5``, in seconds; it must be positive.

    ``name`` is what the user called the value (``TIMEOUT``, ``Timeout``), so the one-sentence failure names it.
    """
    if isinstance(value, timedelta):
        number = value.total_seconds()
    else:
        try:
            number = timestr_to_secs(value, round_to=None)
        except (DataError, ValueError, TypeError):
            raise KeywordError(f"{name} must be a positive time such as 5s or 0.5, got {str(value)!r}.") from None
    if not 0 < number < float("inf"):
        raise KeywordError(f"{name} must be a positive time such as 5s or 0.5, got {number:g} seconds.")
    return number


def flag(value: bool | str, name: str) -> bool:
    """``value`` as True or False: a bool, or True/False, yes/no, on/off, 1/0 in any case; anything else fails.

    Robot passes a ``bool`` argument it cannot convert through as text, which
    Python reads as true; a mistyped ``maybe`` must not switch TLS checks on
    or off unseen.
    """
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    raise KeywordError(f"{name} {str(value)!r} is neither true nor false; give True or False (yes/no, on/off and 1/0 "
                       "are accepted too).")


def is_usable_target_name(name: str) -> bool:
    """Whether ``name`` follows :data:`TARGET_NAME_RULE`."""
    return _TARGET_NAME.fullmatch(name) is not None


def suite_settings(timeout: timedelta | str | float, verify_tls: bool | str, target_name: str) -> tuple[float, bool]:
    """The suites' ``TIMEOUT`` in seconds and ``VERIFY_TLS`` as a bool, after checking them and ``TARGET_NAME``.

    The first unusable value fails in one sentence naming the variable, its value and what it accepts.
    """
    if target_name and not is_usable_target_name(target_name):
        raise KeywordError(f"TARGET_NAME {target_name!r} is not a usable name; use {TARGET_NAME_RULE}.")
    return time_in_seconds(timeout, "TIMEOUT"), flag(verify_tls, "VERIFY_TLS")


def name_top_level_suite(name: str) -> None:
    """Give the running top-level suite ``name`` when the library is being imported by that suite.

    Robot writes a suite's name to ``output.xml`` as the suite starts, just
    after its imports; an import by the top-level suite (the compliance
    suites' ``__init__.robot`` imports the library) is the last moment its
    name can change. Imported by any other suite, the library leaves names
    alone.
    """
    context = EXECUTION_CONTEXTS.current
    if context is not None and context.suite.parent is None:
        context.suite.name = name


def set_suite_metadata(name: str, value: str, top: bool = False) -> None:
    """Set metadata ``name`` of the running suite, or of the top-level suite with ``top``, to ``value``.

    What BuiltIn's ``Set Suite Metadata`` does, without its log line and its
    ``${SUITE METADATA}`` variable, which no suite reads: the suites' setups
    record their target from the keyword that sets it, not with a user
    keyword's ``IF`` and ``Set Suite Metadata`` in every suite (about 2 ms a
    suite). Called from Python, outside a Robot run, it does nothing.
    """
    context = EXECUTION_CONTEXTS.top if top else EXECUTION_CONTEXTS.current
    if context is not None:
        context.suite.metadata[name] = value


@dataclass
class LibraryContext:
    """The current target, timeout and TLS policy, and the embedded server if one runs."""

    timeout: float = 5.0
    verify: bool = True
    target: Target | None = None
    reference_server: ReferenceServer = field(default_factory=ReferenceServer)
    _endpoint_probes: dict[str, Future[str | None]] = field(default_factory=dict)
    _echo_probes: dict[str, Future[str | None]] = field(default_factory=dict)

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

    def start_echo_probe(self) -> None:
        """Start, in the background, finding out whether the target echoes a text message (once per URL)."""
        target = self.require_target()
        if target.url not in self._echo_probes:
            self._echo_probes[target.url] = _PROBES.submit(probe_echo, target, self.timeout, self.verify)

    def echo_problem(self) -> str | None:
        """Why the target does not echo, or ``None`` when it does (see :func:`probe_echo`)."""
        self.start_echo_probe()
        return self._echo_probes[self.require_target().url].result()


def probe_endpoint(target: Target, timeout: float, verify: bool) -> str | None:
    """Send one correct handshake with a fresh key; ``None`` if it gets 101, else the reason it is no endpoint.

    Switching protocols is what makes an endpoint; a wrong accept value is a
    case of its own, not a reason to call the target something else.
    """
    key = new_key()
    request = build_upgrade_request("GET", target.path, target.authority, key=key)
    response = exchange(target, request, timeout, verify)
    return None if response.status == 101 else handshake_accepted(response, key).message



def probe_echo(target: Target, timeout: float, verify: bool) -> str | None:
    """Send one short text message on a new connection; ``None`` if it comes back, else what the server did instead.

    Echo cases mean nothing at a server that does not echo (a chat room, a
    push feed); this positive control tells such a server from one that
    echoes but breaks a case. Other messages before the echo (a greeting)
    are skipped.
    """
    payload = ECHO_PROBE_TEXT.encode()
    request = build_upgrade_request("GET", target.path, target.authority, key=new_key())
    with WebSocketConnection.open(target, request, timeout, verify) as connection:
        if not connection.is_open:
            return f"its handshake failed ({connection.receive_event().detail.rstrip('.')})"
        connection.send(build_frame(TEXT, payload))
        deadline = Deadline.after(timeout)
        while True:
            event = connection.receive_event(deadline.remaining())
            if isinstance(event, Message) and event.payload == payload and event.opcode == TEXT:
                connection.send(build_frame(CLOSE, close_payload(1000)), timeout=min(timeout, 1.0))
                return None
            if isinstance(event, Ended) or (not isinstance(event, Message) and event.opcode == CLOSE):
                return f"to the text message '{ECHO_PROBE_TEXT}' it {describe_event(event, timeout)}"
