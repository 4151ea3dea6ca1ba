"""Keywords for WebSockets over HTTP/2 (RFC 8441): the target, the extended CONNECT, and the rules that judge it."""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from robot.api import logger
from robot.api.exceptions import SkipExecution
from robotlibcore import keyword

from ..context import KeywordError, LibraryContext, seconds, suite_settings
from ..judges.http2 import RULES, describe, extended_connect_accepted, refused, server_frames
from ..judges.verdicts import Verdict
from ..reference_http2 import Http2ReferenceServer
from ..target import Target, TargetError, parse_target
from ..transport.http2 import exchange
from ..wire.http1.request import RequestError
from ..wire.http2.frames import FrameRecord
from ..wire.http2.request import extended_connect_fields
from ..wire.http2.response import H2Outcome, H2Response
from ..wire.websocket import (
    CLOSE,
    PING,
    PONG,
    TEXT,
    CloseCode,
    Frame,
    Message,
    build_frame,
    close_payload,
    describe_frame,
)
from ..settings import mask_header_value
from ..wirelog import printable
from .arguments import HeaderArgument, header_pairs
from .assertions import report

__all__ = ["Http2Keywords"]

_FRAME_KINDS: dict[str, tuple[int, Callable[[list[Frame], list[Message]], bool]]] = {
    "text": (TEXT, lambda frames, messages: bool(messages)),
    "ping": (PING, lambda frames, messages: any(frame.opcode == PONG for frame in frames)),
    "close": (CLOSE, lambda frames, messages: any(frame.opcode == CLOSE for frame in frames)),
}
"""Each frame kind: its opcode, and when the server's reply to it has arrived."""


class Http2Keywords:
    """WebSockets over HTTP/2."""

    def __init__(self, context: LibraryContext) -> None:
        self.ctx = context
        self.target: Target | None = None
        self.reference_server = Http2ReferenceServer()
        self._endpoint_problems: dict[str, tuple[str | None, bool]] = {}

    @keyword("Set HTTP/2 Target", tags=["http2", "target"])
    def set_http2_target(self, url: str, timeout: timedelta | None = None, verify: bool | None = None) -> str:
        """Sets the target of the HTTP/2 keywords and returns the previous URL.

        ``h2c://host:port/path`` speaks cleartext HTTP/2 with prior knowledge;
        ``wss://`` and ``https://`` speak HTTP/2 over TLS, offering only ``h2``
        in ALPN; ``ws://`` and ``http://`` try cleartext prior knowledge on
        that port. ``timeout`` and ``verify`` replace the library-wide defaults.

        Example:
        | Set HTTP/2 Target | h2c://127.0.0.1:8080/chat |
        | Set HTTP/2 Target | wss://[::1]:8443/ws | verify=False |
        """
        previous = self.target.url if self.target else ""
        new_timeout = seconds(timeout, self.ctx.timeout)
        self.target = self.ctx.connected(_http2_target(url))
        self.ctx.timeout = new_timeout
        if verify is not None:
            self.ctx.verify = verify
        how = "TLS, ALPN h2" if self.target.tls else "cleartext, prior knowledge"
        logger.info(f"HTTP/2 target is {printable(self.target.url)} (connect to {self.target.authority}, {how}, "
                    f"timeout {self.ctx.timeout:g} s).")
        return previous

    @keyword("Set HTTP/2 Target From Suite Variables", tags=["http2", "target"])
    def set_http2_target_from_suite_variables(self, ws_url: str, timeout: str, verify_tls: bool | str,
                                              target_name: str = "") -> str:
        """Checks the compliance suites' variables and targets what they name over HTTP/2; returns the URL.

        Like `Set Target From Suite Variables`, with ``h2c://`` URLs also
        accepted; an empty ``ws_url`` starts the embedded HTTP/2 reference
        server (see `Start HTTP/2 Reference Server`).

        Example:
        | ${url} = | Set HTTP/2 Target From Suite Variables | ${WS_URL} | ${TIMEOUT} | ${VERIFY_TLS} | ${TARGET_NAME} |
        """
        new_timeout, new_verify = suite_settings(timeout, verify_tls, target_name)
        if ws_url:
            try:
                _http2_target(ws_url)
            except KeywordError as error:
                raise KeywordError(f"WS_URL is not a usable target: {error}") from None
        self.ctx.timeout, self.ctx.verify = new_timeout, new_verify
        self.ctx.read_suite_settings()
        if not ws_url:
            return self.start_http2_reference_server()
        self.set_http2_target(ws_url)
        return ws_url

    @keyword("Start HTTP/2 Reference Server", tags=["http2", "target"])
    def start_http2_reference_server(self) -> str:
        """Starts the embedded HTTP/2 reference server on 127.0.0.1, makes it the HTTP/2 target, returns its URL.

        The server is Hypercorn with a WebSocket echo application, speaking
        cleartext HTTP/2 with prior knowledge on a free port, in the
        background until `Stop HTTP/2 Reference Server` or the end of the run.

        Example:
        | ${url} = | Start HTTP/2 Reference Server |
        """
        try:
            url = self.reference_server.start()
        except OSError as error:
            raise KeywordError(f"The HTTP/2 reference server could not start: {error.strerror or error}.") from None
        self.set_http2_target(url)
        logger.info(f"HTTP/2 reference server (Hypercorn) listening at {url}.")
        return url

    @keyword("Stop HTTP/2 Reference Server", tags=["http2", "target"])
    def stop_http2_reference_server(self) -> None:
        """Stops the embedded HTTP/2 reference server if it runs; does nothing otherwise.

        Example:
        | Stop HTTP/2 Reference Server |
        """
        self.reference_server.stop()

    @keyword(tags=["http2"])
    def send_extended_connect(
        self,
        path: str | None = None,
        headers: HeaderArgument = None,
        subprotocols: str | None = None,
        extensions: str | None = None,
        timeout: timedelta | None = None,
    ) -> H2Response:
        """Opens an HTTP/2 connection, sends an extended CONNECT for WebSocket on stream 1 and returns what came back.

        The request is, field by field, in this order (RFC 8441 §4, §5):
        | :method | CONNECT |
        | :protocol | websocket |
        | :scheme | https over TLS, http over cleartext |
        | :path | the target's path and query, or ``path`` |
        | :authority | the target's host and port |
        | sec-websocket-version | 13 |

        ``subprotocols`` and ``extensions`` add ``sec-websocket-protocol`` and
        ``sec-websocket-extensions``. ``headers`` changes any field, pseudo
        fields included: a dictionary or ``(name, value)`` pairs; a name
        listed above is replaced in place, ``None`` removes it, other names
        are appended, spelled and ordered as given. Nothing is normalised,
        so malformed requests go out as written.

        The library waits for the server's SETTINGS before sending the
        request (RFC 8441 §3), then reads until the stream is answered or
        ended, within ``timeout``. The response has ``outcome``, ``settings``
        (by name, such as ``ENABLE_CONNECT_PROTOCOL``), ``status``,
        ``headers``, ``stream_end`` (``END_STREAM``, ``RST_STREAM``,
        ``GOAWAY``, ``connection closed``, ``open`` or ``timeout``),
        ``error_code`` (such as ``PROTOCOL_ERROR``) and ``frames``. Every
        frame sent and received is logged, decoded and escaped. The keyword
        fails only when the request cannot be built or the target cannot be
        reached; a target that does not speak HTTP/2 gives the outcome
        ``not_http2``, which the assertion keywords skip as not applicable.

        Example:
        | ${response} = | Send Extended Connect |
        | Extended Connect Should Be Accepted | ${response} |
        | ${response} = | Send Extended Connect | headers={":path": None} |
        | Stream Should Be Refused | ${response} |
        | ${response} = | Send Extended Connect | subprotocols=chat, superchat |
        """
        return self._send(path, headers, subprotocols, extensions, timeout)

    def _send(self, path: str | None, headers: HeaderArgument, subprotocols: str | None, extensions: str | None,
              timeout: timedelta | None, send_data: bytes = b"",
              enough: Callable[[bytes], bool] | None = None) -> H2Response:
        target = self._require_target()
        overrides = [*(header_pairs(headers) or [])]
        for name, value in (("sec-websocket-protocol", subprotocols), ("sec-websocket-extensions", extensions)):
            if value is not None:
                overrides.insert(0, (name, value))
        try:
            request = extended_connect_fields("https" if target.tls else "http",
                                              path if path is not None else target.path, target.authority, overrides,
                                              self.ctx.target_http2_fields())
        except RequestError as error:
            raise KeywordError(f"{error} Nothing was sent.") from None
        response = exchange(target, request, seconds(timeout, self.ctx.timeout), self.ctx.verify, send_data, enough)
        _log_exchange(response)
        if not response.outcome.connected:
            raise KeywordError(f"Could not reach {target.url}: {response.detail}.")
        return response

    @keyword(tags=["http2", "assertion"])
    def server_should_advertise_extended_connect(self, response: Any, msg: str | None = None) -> None:
        """Fails unless the server's SETTINGS carried ``SETTINGS_ENABLE_CONNECT_PROTOCOL`` = 1 (RFC 8441 §3).

        Example:
        | ${response} = | Send Extended Connect |
        | Server Should Advertise Extended Connect | ${response} |
        """
        self._assert("advertises extended connect", response, msg)

    @keyword(tags=["http2", "assertion"])
    def extended_connect_should_be_accepted(self, response: Any, msg: str | None = None) -> None:
        """Fails unless a correct extended CONNECT got a ``2xx`` (``200``); ``101`` fails (RFC 9113 §8.6).

        This is the positive control: when it fails with anything but
        ``101`` the message says the target is not a WebSocket-over-HTTP/2
        endpoint at that URL.

        Example:
        | ${response} = | Send Extended Connect |
        | Extended Connect Should Be Accepted | ${response} |
        """
        self._assert("extended connect accepted", response, msg)

    @keyword(tags=["http2", "assertion"])
    def stream_should_be_refused(self, response: Any, msg: str | None = None) -> None:
        """Fails unless the server refused the request: RST_STREAM, GOAWAY, a close, or a ``4xx``.

        - ``2xx`` fails: the server opened a tunnel for a request it must refuse,
        - ``101`` fails: it switched protocols, which HTTP/2 forbids,
        - any other status passes (``4xx`` is the usual refusal),
        - silence until the timeout and invalid HTTP/2 fail.

        Example:
        | ${response} = | Send Extended Connect | headers={":path": None} |
        | Stream Should Be Refused | ${response} |
        """
        self._assert("stream refused", response, msg)

    @keyword("HTTP/2 Status Should Be", tags=["http2", "assertion"])
    def http2_status_should_be(self, response: Any, expected: int, msg: str | None = None) -> None:
        """Fails unless the server answered the stream with ``:status`` ``expected``.

        Example:
        | ${response} = | Send Extended Connect | headers={"sec-websocket-version": "8"} |
        | HTTP/2 Status Should Be | ${response} | 400 |
        """
        observed = self._observed(response)
        passed = observed.status == expected
        report(Verdict(passed, f"The server {describe(observed)}." if passed
                       else f"Expected :status {expected}, but the server {describe(observed)}."), msg)

    @keyword(tags=["http2", "assertion"])
    def extended_connect_should_select_only_an_offered_subprotocol(self, response: Any, msg: str | None = None) -> None:
        """Fails if a ``200`` selects a subprotocol the client did not offer, or more than one (RFC 8441 §5, RFC 6455 §4.2.2).

        A refusal passes. Not applicable when the target refuses even a
        correct extended CONNECT.

        Example:
        | ${response} = | Send Extended Connect | subprotocols=chat, superchat |
        | Extended Connect Should Select Only An Offered Subprotocol | ${response} |
        """
        self._assert("only an offered subprotocol", response, msg)

    @keyword(tags=["http2", "assertion"])
    def extended_connect_should_not_accept_unknown_extension(self, response: Any, msg: str | None = None) -> None:
        """Fails if a ``200`` accepts the made-up extension offered (RFC 8441 §5, RFC 6455 §9.1).

        A refusal passes. Not applicable when the target refuses even a
        correct extended CONNECT.

        Example:
        | ${response} = | Send Extended Connect | extensions=x-made-up-ext |
        | Extended Connect Should Not Accept Unknown Extension | ${response} |
        """
        self._assert("unknown extension not accepted", response, msg)

    @keyword("Send WebSocket Frame Over HTTP/2", tags=["http2"])
    def send_websocket_frame_over_http2(
        self,
        kind: str,
        payload: str = "",
        headers: HeaderArgument = None,
        timeout: timedelta | None = None,
    ) -> H2Response:
        """Opens a WebSocket over HTTP/2, sends one masked frame in DATA frames, and reads the server's reply.

        ``kind`` is ``text``, ``ping`` or ``close``; ``payload`` is the text,
        the Ping data, or the Close reason (after code 1000), in UTF-8. The
        extended CONNECT is the one of `Send Extended Connect`, changed by
        ``headers``. Once the server answers ``200`` the frame goes out as
        the server's flow-control windows allow; reading stops when the
        reply arrives (a text message, a Pong, a Close frame), the stream
        ends or ``timeout`` passes. The WebSocket frames both ways are
        logged under the HTTP/2 frames.

        Example:
        | ${response} = | Send WebSocket Frame Over HTTP/2 | ping | are you there |
        | Ping Should Get Pong Over HTTP/2 | ${response} |
        """
        try:
            opcode, replied = _FRAME_KINDS[kind.lower()]
        except KeyError:
            raise KeywordError(f"Frame kind {printable(kind, 40)!r} is not text, ping or close.") from None
        data = payload.encode("utf-8")
        frame = build_frame(opcode, close_payload(CloseCode.NORMAL_CLOSURE, data) if opcode == CLOSE else data)
        return self._send(None, headers, None, None, timeout, frame,
                          lambda received: replied(*server_frames(received)[:2]))

    @keyword("Text Message Should Come Back Over HTTP/2", tags=["http2", "assertion"])
    def text_message_should_come_back_over_http2(self, response: Any, msg: str | None = None) -> None:
        """Fails unless the text message sent with `Send WebSocket Frame Over HTTP/2` came back on the stream.

        For echo endpoints such as the embedded reference server: it shows
        the tunnel carries WebSocket frames both ways (RFC 8441 §5). Not
        applicable when the target refuses even a correct extended CONNECT.

        Example:
        | ${response} = | Send WebSocket Frame Over HTTP/2 | text | Hello |
        | Text Message Should Come Back Over HTTP/2 | ${response} |
        """
        self._assert("text echoed", response, msg)

    @keyword("Ping Should Get Pong Over HTTP/2", tags=["http2", "assertion"])
    def ping_should_get_pong_over_http2(self, response: Any, msg: str | None = None) -> None:
        """Fails unless the Ping sent over the stream got a Pong with the same data (RFC 6455 §5.5.2).

        Example:
        | ${response} = | Send WebSocket Frame Over HTTP/2 | ping | are you there |
        | Ping Should Get Pong Over HTTP/2 | ${response} |
        """
        self._assert("ping answered", response, msg)

    @keyword("Close Should Be Answered Over HTTP/2", tags=["http2", "assertion"])
    def close_should_be_answered_over_http2(self, response: Any, msg: str | None = None) -> None:
        """Fails unless the Close frame sent over the stream was answered with a Close frame (RFC 6455 §5.5.1).

        Example:
        | ${response} = | Send WebSocket Frame Over HTTP/2 | close | done |
        | Close Should Be Answered Over HTTP/2 | ${response} |
        """
        self._assert("close answered", response, msg)

    def _assert(self, name: str, response: Any, msg: str | None) -> None:
        rule = RULES[name]
        observed = self._observed(response)
        accepted = observed.status is not None and 200 <= observed.status < 300
        # The positive control itself is always judged.
        if not accepted and rule.judge is not extended_connect_accepted:
            reason, baseline_refused = self._endpoint_problem()
            # A refusal says nothing when even the correct extended CONNECT (with the target's settings) is refused.
            if reason and (rule.needs_endpoint or (baseline_refused and observed.status != 101)):
                raise SkipExecution(f"Not applicable: {reason}")
        report(rule.judge(observed), msg)

    def _observed(self, response: Any) -> H2Response:
        if not isinstance(response, H2Response):
            raise KeywordError(f"Expected a response from Send Extended Connect, got {type(response).__name__}.")
        if response.outcome is H2Outcome.NOT_HTTP2:
            raise SkipExecution(f"Not applicable: {response.url} does not speak HTTP/2: {printable(response.detail)}.")
        return response

    def _endpoint_problem(self) -> tuple[str | None, bool]:
        """Why the target does not accept a correct extended CONNECT (``None`` when it does), and whether it refused
        it; asked once per URL."""
        target = self._require_target()
        if target.url not in self._endpoint_problems:
            request = extended_connect_fields("https" if target.tls else "http", target.path, target.authority,
                                              target_fields=self.ctx.target_http2_fields())
            probe = exchange(target, request, self.ctx.timeout, self.ctx.verify)
            verdict = extended_connect_accepted(probe)
            self._endpoint_problems[target.url] = (None if verdict.passed else verdict.message, refused(probe))
        return self._endpoint_problems[target.url]

    def _require_target(self) -> Target:
        if self.target is not None:
            return self.target
        if self.ctx.target is not None:
            return self.ctx.target
        raise KeywordError("No HTTP/2 target is set: call Set HTTP/2 Target with h2c://host:port/path or "
                           "wss://host:port/path, or start the embedded one with Start HTTP/2 Reference Server.")


def _http2_target(url: str) -> Target:
    """``url`` as a target; ``h2c://`` is read as ``http://`` (cleartext, prior knowledge) and kept as given."""
    prior_knowledge = isinstance(url, str) and url.strip()[:6].lower() == "h2c://"
    try:
        if not prior_knowledge:
            return parse_target(url)
        return dataclasses.replace(parse_target("http://" + url.strip()[6:]), url=url.strip())
    except TargetError as error:
        raise KeywordError(str(error)) from None


def _log_exchange(response: H2Response) -> None:
    """Log every frame sent and received, decoded, with server bytes made printable and HTML-escaped."""
    how = f"TLS, ALPN {response.alpn}" if response.alpn else "cleartext, prior knowledge"
    lines = [_frame_line(record) for record in response.frames]
    if response.frames_not_kept:
        lines.append(f"[... {response.frames_not_kept} more frames not shown]")
    for data, sent in ((response.sent_data, True), (response.data, False)):
        frames, _, reader = server_frames(data)
        direction = "sent" if sent else "received"
        lines += [f"WebSocket {describe_frame(frame, direction)}" for frame in frames]
        if reader.pending_bytes:
            lines.append(f"WebSocket {direction}: {reader.pending_bytes} bytes that do not make a whole frame")
    ending = f"; {response.detail}" if response.detail else ""
    title = (f"HTTP/2 frames with {response.url} ({how}); outcome: {response.outcome}, stream: {response.stream_end}"
             f"{ending}; {response.elapsed * 1000:.1f} ms")
    logger.info(f"<details open><summary>{html.escape(printable(title, 400))}</summary>"
                f'<pre style="white-space: pre-wrap">{html.escape(chr(10).join(lines) or "(no frames)")}</pre>'
                "</details>", html=True)


def _frame_line(record: FrameRecord) -> str:
    arrow = "sent    " if record.sent else "received"
    flags = f" [{', '.join(record.flags)}]" if record.flags else ""
    detail = f": {printable(record.detail, 300)}" if record.detail else ""
    head = f"{arrow} {record.type} stream {record.stream}{flags}, {record.length} bytes{detail}"
    fields = "".join(f"\n             {printable(name, 100)}: {printable(mask_header_value(name, value), 300)}"
                     for name, value in record.fields)
    return head + fields
