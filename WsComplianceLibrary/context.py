"""State shared by the keyword components of one library instance."""

from __future__ import annotations

import dataclasses
import re
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta

from robot.errors import DataError
from robot.libraries.BuiltIn import BuiltIn, RobotNotRunningError
from robot.running.context import EXECUTION_CONTEXTS
from robot.utils import timestr_to_secs

from .reference_server import ReferenceServer
from .settings import ConnectionSettings, HandshakeSettings, SettingsError, parse_connection
from .wire.http1.request import build_upgrade_request, new_key
from .target import Target, TargetError, parse_target
from .transport.connection import Deadline
from .transport.http1 import exchange
from .wire.http1.response import Outcome
from .transport.websocket import WebSocketConnection
from .judges.frames import describe_event
from .judges.verdicts import describe, handshake_accepted
from .wire.websocket import CLOSE, PING, TEXT, CloseCode, EndKind, Ended, Message, build_frame, close_payload

# Endpoint probes run beside the cases, so a silent target costs one timeout, not two.
_PROBES = ThreadPoolExecutor(max_workers=3, thread_name_prefix="ws-endpoint-probe")

__all__ = [
    "ECHO_GRACE", "ECHO_PROBE_TEXT", "SETTINGS_HINT", "TARGET_NAME_RULE", "ImportArgumentError", "KeywordError", "LibraryContext",
    "flag", "is_usable_target_name", "name_top_level_suite", "probe_echo", "seconds", "set_suite_metadata",
    "suite_connection_settings", "suite_handshake_settings", "suite_settings", "test_name", "time_in_seconds",
]

TARGET_NAME_RULE = "1 to 64 letters, digits, '_' or '-', starting with a letter or digit"
"""What a target name may be: it heads a report and names a folder, so no character that is special there."""

# No dots: Robot reads a dot in a suite name as a level of the suite's full name.
_TARGET_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")

ECHO_PROBE_TEXT = "WsComplianceLibrary echo check"
"""The text message the echo probe sends and expects back."""

ECHO_PROBE_MAX_MESSAGE = 1 << 20
"""Bytes of one message the echo probe reads at most: a greeting before the echo is small, and a message that
never ends must not cost the probe the 16 MiB a case may read while the case itself runs beside it."""

ProbeKey = tuple[str, HandshakeSettings, ConnectionSettings]
"""What a probe's answer holds for: the target URL, its handshake settings and how it is reached."""

Probe = Callable[[Target, float, bool, HandshakeSettings], "str | None"]
"""A positive control run once per target and settings: ``None`` when the target passes it, else why not."""

SETTINGS_HINT = "check WS_HEADERS, WS_SUBPROTOCOL and the URL"
"""What to look at when the target refuses the correct handshake: its settings may be missing."""

ECHO_GRACE = 0.25
"""Seconds an echo case waits at a target that does not echo, for a frame of its that breaks a rule."""

SILENT_AFTER_101 = "The server answered 101 Switching Protocols and then answered"
"""How the echo probe's sentence starts when the server never sent a byte after its 101."""

REFUSED_BASELINE = "the correct handshake (COMP-UPGRADE-BASELINE)"
"""How the endpoint probe's sentence starts when the target answered the correct handshake with a refusal."""

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


def suite_connection_settings() -> ConnectionSettings:
    """The connection settings the running suite's variables give: ``CA_BUNDLE``, ``CLIENT_CERT``, ``CLIENT_KEY``
    and ``WS_PROXY``; direct, with the system's CAs, outside Robot or where a variable is not set."""
    try:
        value = BuiltIn().get_variable_value
        return parse_connection(value("${CA_BUNDLE}", ""), value("${CLIENT_CERT}", ""), value("${CLIENT_KEY}", ""),
                                value("${WS_PROXY}", ""))
    except RobotNotRunningError:
        return ConnectionSettings()
    except SettingsError as error:
        raise KeywordError(str(error)) from None


def suite_handshake_settings() -> HandshakeSettings:
    """The handshake settings the running suite's variables give: ``WS_HEADERS``, ``WS_SUBPROTOCOL``,
    ``FOREIGN_ORIGIN`` and ``ORIGIN_CHECK``; defaults outside Robot or where a variable is not set.

    The values are read here, not passed as keyword arguments, so Robot never
    logs them (it logs every argument at ``--loglevel TRACE``). The first
    unusable value fails in one sentence naming the variable.
    """
    from .settings import parse_headers, parse_origin_check, parse_subprotocols

    try:
        variables = BuiltIn()
        value = variables.get_variable_value
        return HandshakeSettings(
            header_templates=parse_headers(value("${WS_HEADERS}", "")),
            subprotocols=parse_subprotocols(value("${WS_SUBPROTOCOL}", "")),
            foreign_origin=str(value("${FOREIGN_ORIGIN}", "") or HandshakeSettings.foreign_origin),
            origin_check_required=parse_origin_check(value("${ORIGIN_CHECK}", "")),
        )
    except RobotNotRunningError:
        return HandshakeSettings()
    except SettingsError as error:
        raise KeywordError(str(error)) from None


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


def test_name() -> str:
    """The name of the running test; empty outside a test or outside Robot (a connection's owner, for teardowns)."""
    try:
        return BuiltIn().get_variable_value("${TEST NAME}", "")
    except RobotNotRunningError:
        return ""


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
    """The current target, timeout, TLS policy and handshake settings, and the embedded server if one runs.

    The probes (is the target an endpoint, does it echo, does it speak
    after the 101) run once per target URL and settings, in the
    background, and their answers are reused by every case.
    """

    timeout: float = 5.0
    verify: bool = True
    target: Target | None = None
    settings: HandshakeSettings = field(default_factory=HandshakeSettings)
    connection: ConnectionSettings = field(default_factory=ConnectionSettings)
    reference_server: ReferenceServer = field(default_factory=ReferenceServer)
    _endpoint_probes: dict[ProbeKey, Future[str | None]] = field(default_factory=dict)
    _echo_probes: dict[ProbeKey, Future[str | None]] = field(default_factory=dict)
    _spoken: dict[ProbeKey, threading.Event] = field(default_factory=dict)

    def target_headers(self) -> list[tuple[str, str]]:
        """The headers every handshake adds (see :meth:`HandshakeSettings.headers`), or a one-sentence failure."""
        try:
            return self.settings.headers()
        except SettingsError as error:
            raise KeywordError(f"{error} Nothing was sent.") from None

    def target_http2_fields(self) -> list[tuple[str, str]]:
        """The fields every extended CONNECT adds: :meth:`target_headers` with lower-case names."""
        return [(name.lower(), value) for name, value in self.target_headers()]

    def _probe(self, probes: dict[ProbeKey, Future[str | None]], probe: Probe) -> Future[str | None]:
        target = self.require_target()
        key = (target.url, self.settings, target.connection)
        if key not in probes:
            if probe is probe_echo:
                spoke = self._spoken[key] = threading.Event()
                probes[key] = _PROBES.submit(probe, target, self.timeout, self.verify, self.settings, spoke)
                probes[key].add_done_callback(lambda _: spoke.set())
            else:
                probes[key] = _PROBES.submit(probe, target, self.timeout, self.verify, self.settings)
        return probes[key]

    def set_url(self, url: str) -> Target:
        """Parse and remember ``url`` as the target, failing with a clear message if it is unusable."""
        try:
            self.target = self.connected(parse_target(url))
        except TargetError as error:
            raise KeywordError(str(error)) from None
        return self.target

    def connected(self, target: Target) -> Target:
        """``target`` reached with the current connection settings (TLS trust, client certificate, proxy)."""
        return dataclasses.replace(target, connection=self.connection)

    def read_suite_settings(self) -> None:
        """Take the handshake and connection settings from the running suite's variables (see
        :func:`suite_handshake_settings` and :func:`suite_connection_settings`)."""
        self.settings = suite_handshake_settings()
        self.connection = suite_connection_settings()

    def require_target(self) -> Target:
        """The current target, or a clear failure when none was set."""
        if self.target is None:
            raise KeywordError(
                "No target URL is set: import the library with url=ws://host:port/path, "
                "call Set Target URL, or start the embedded target with Start Reference Server."
            )
        return self.target

    def start_endpoint_probe(self) -> None:
        """Start finding out, in the background, whether the target is a WebSocket endpoint (once per settings)."""
        self._probe(self._endpoint_probes, probe_endpoint)

    def endpoint_problem(self) -> str | None:
        """Why the target is no WebSocket endpoint, or ``None`` when it accepts the correct handshake (see
        :func:`probe_endpoint`)."""
        return _result(self._probe(self._endpoint_probes, probe_endpoint))

    def refusal_problem(self) -> str | None:
        """Why a refusal says nothing about a case's rule: the target answered the correct handshake with a refusal
        too; ``None`` when it accepts the correct handshake or could not be reached to find out."""
        problem = self.endpoint_problem()
        return problem if problem is not None and problem.startswith(REFUSED_BASELINE) else None

    def start_echo_probe(self) -> None:
        """Start finding out, in the background, whether the target echoes a text message (once per settings)."""
        self._probe(self._echo_probes, probe_echo)

    def echo_problem(self) -> str | None:
        """Why the target does not echo, or ``None`` when it does (see :func:`probe_echo`)."""
        return _result(self._probe(self._echo_probes, probe_echo))

    def silence_problem(self) -> str | None:
        """Why the target cannot be judged frame by frame (it never speaks after the 101), or ``None``.

        The echo probe finds out: it waits only until the server sends
        anything at all (a Pong, any frame, a close), so a target that
        speaks costs no time here, and a silent one one timeout, once.
        """
        echo = self._probe(self._echo_probes, probe_echo)
        target = self.require_target()
        self._spoken[(target.url, self.settings, target.connection)].wait()
        problem = _result(echo) if echo.done() else None
        return problem if problem is not None and problem.startswith(SILENT_AFTER_101) else None


def _result(probe: Future[str | None]) -> str | None:
    try:
        return probe.result()
    except SettingsError as error:
        raise KeywordError(str(error)) from None


def probe_endpoint(target: Target, timeout: float, verify: bool, settings: HandshakeSettings) -> str | None:
    """Send one correct handshake with a fresh key and the target's settings; ``None`` if it gets 101, else why not.

    This is COMP-UPGRADE-BASELINE's request. Switching protocols is what
    makes an endpoint; a wrong accept value is a case of its own, not a
    reason to call the target something else. When the answer is a
    refusal, every refusal a case gets says nothing about its rule.
    """
    key = new_key()
    request = build_upgrade_request("GET", target.path, target.authority, key=key, target_headers=settings.headers())
    response = exchange(target, request, timeout, verify)
    if response.status == 101:
        return None
    if response.outcome not in (Outcome.ANSWERED, Outcome.CLOSED, Outcome.RESET):
        # Silence and bytes that are not HTTP are no refusal: the cases' own verdicts on them are worth reporting.
        return handshake_accepted(response, key).message
    return f"{REFUSED_BASELINE} {describe(response)} too, so this answer says nothing about the rule; {SETTINGS_HINT}."


def probe_echo(target: Target, timeout: float, verify: bool, settings: HandshakeSettings,
               spoke: threading.Event | None = None) -> str | None:
    """Send a Ping and one short text message on a new connection; ``None`` if the message comes back, else what
    the server did instead.

    Echo cases mean nothing at a server that does not echo (a chat room, a
    push feed); this positive control tells such a server from one that
    echoes but breaks a case. Other messages before the echo (a greeting)
    are skipped. ``spoke`` is set as soon as the server sends anything; a
    server that sends nothing at all, not even the Pong, gets a sentence
    starting with :data:`SILENT_AFTER_101`: a naive upgrade handler that
    answers 101 and never speaks, at which no frame case can be judged.
    """
    payload = ECHO_PROBE_TEXT.encode()
    request = build_upgrade_request("GET", target.path, target.authority, key=new_key(),
                                    target_headers=settings.headers())
    with WebSocketConnection.open(target, request, timeout, verify, ECHO_PROBE_MAX_MESSAGE) as connection:
        if not connection.is_open:
            return f"its handshake failed ({connection.receive_event().detail.rstrip('.')})"
        connection.send(build_frame(PING, b"WsComplianceLibrary") + build_frame(TEXT, payload))
        deadline = Deadline.after(timeout)
        while True:
            event = connection.receive_event(deadline.remaining())
            silent = isinstance(event, Ended) and event.how is EndKind.TIMEOUT and not connection.reader.pending_bytes
            if silent and (spoke is None or not spoke.is_set()):
                return (f"{SILENT_AFTER_101} neither a Ping nor a text message within {timeout:g} s (probed once "
                        "per target), so no frame case can be judged.")
            if spoke is not None:
                spoke.set()
            if isinstance(event, Message) and event.payload == payload and event.opcode == TEXT:
                connection.send(build_frame(CLOSE, close_payload(CloseCode.NORMAL_CLOSURE)),
                                timeout=min(timeout, 1.0))
                return None
            if isinstance(event, Ended) or (not isinstance(event, Message) and event.opcode == CLOSE):
                return f"to the text message '{ECHO_PROBE_TEXT}' it {describe_event(event, timeout)}"
