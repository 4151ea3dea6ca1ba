"""Keywords that check a WebSocket client: the library plays the server, exactly as each case specifies.

`Start Client Test Server` listens on loopback. Per case, `Client Should
Connect` runs the client under test against the case's URL (the user's
command, or the embedded reference client) or waits for it, and reads its
handshake request; `Answer Handshake With` answers anything, valid or not;
then the frame keywords (`Send Frame`, `Send Message`, `Message Should Be
Echoed`, `Connection Should Be Failed` ...) work on the client's connection
with the roles swapped: our frames go unmasked, the client's are checked
by the same rules as a server checks them. `Client Should Refuse The
Handshake`, `Client Should Close Cleanly`, `Client Frames Should Be
Masked` and `Client Key Should Be Fresh` judge what only a client owes.
"""

from __future__ import annotations

import base64
import binascii
import time
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

from robot.api import logger
from robot.api.exceptions import SkipExecution
from robotlibcore import keyword

from ..client_runner import ClientRun, CommandClient, EmbeddedClient
from ..context import KeywordError, LibraryContext, seconds, test_name
from ..judges.frames import describe_event
from ..judges.verdicts import Verdict
from ..target import parse_target
from ..transport.connection import Deadline
from ..transport.listener import Accepted, Listener, ListenerError
from ..transport.websocket import WebSocketConnection
from ..wire.http1.incoming import build_response
from ..wire.http1.request import RequestError, accept_for_key, apply_header_overrides
from ..wire.http1.response import Outcome, Response
from ..wire.printable import printable
from ..wire.websocket import (
    CLOSE,
    TEXT,
    CloseCode,
    EndKind,
    Ended,
    Frame,
    FrameReader,
    OutgoingFrame,
    Role,
    close_payload,
    describe_frame,
    parse_close_payload,
)
from ..wirelog import log_bytes
from . import arguments
from .arguments import HeaderArgument
from .assertions import report
from .frames import FrameKeywords
from .websocket_session import WebSocketSession

__all__ = ["ClientKeywords"]

_TAGS = ["client"]
_ASSERTION_TAGS = [*_TAGS, "assertion"]

ACCEPT_FORMS = ("correct", "wrong", "swapped case", "missing", "padded")
"""How `Answer Handshake With` writes ``Sec-WebSocket-Accept``."""

PROBE_TEXT = "wscompliance: is this connection open?"
"""The text message sent after an answer the client must refuse: an echo shows it took the connection as open."""

CASE_COUNT = 1000
"""What ``/getCaseCount`` answers in waiting mode: more than any run has, so a driver loop keeps connecting."""


class ClientKeywords:
    """The library as the server a WebSocket client under test connects to."""

    def __init__(self, context: LibraryContext, frames: FrameKeywords) -> None:
        self.ctx = context
        self.frames = frames
        self._listener: Listener | None = None
        self._command = ""
        self._waiting = False
        self._connect_timeout = 10.0
        self._timeout = context.timeout
        self._run: ClientRun | None = None
        self._accepted: Accepted | None = None
        self._accepted_in = ""
        """The test the client's connection belongs to."""
        self._session: WebSocketSession | None = None
        self._keys_seen: list[str] = []
        self._cases = 0

    # --- the server ---

    @keyword(tags=_TAGS)
    def start_client_test_server(self, command: str = "", host: str = "127.0.0.1", port: int = 0,
                                 tls: bool = False, wait: bool = False,
                                 connect_timeout: timedelta = timedelta(seconds=10),
                                 timeout: timedelta | None = None) -> str:
        """Starts listening on loopback for the client under test and returns the server's base URL.

        How the client is run in each case, by `Client Should Connect`:
        - ``command``: a command line, with ``{url}`` replaced by the case's
          URL, started for each case and stopped after it (its whole
          process group); its exit status and output are logged, never
          judged.
        - ``wait=True``: nothing is started; each case waits up to
          ``connect_timeout`` for the client to connect (a device, a
          browser page). Give a fixed ``port`` then. Autobahn's
          fuzzingserver paths work: ``/getCaseCount`` answers a count,
          ``/updateReports`` is accepted and closed, and a connection to
          ``/runCase?case=N&agent=A`` (or any other path) plays the case
          that is running.
        - neither: the embedded reference client (``websockets``, echoing
          every message) connects.
        ``host`` is ``127.0.0.1`` or ``::1``; ``tls=True`` serves ``wss://``
        with a throwaway self-signed certificate. ``port=0`` takes a free
        port. ``timeout`` is the default wait of every keyword on a client's
        connection (the library's timeout when not given).

        Example:
        | Start Client Test Server |
        | Start Client Test Server | command=python my_client.py {url} |
        | Start Client Test Server | port=9001 | wait=True | connect_timeout=60s |
        | ${url} = | Start Client Test Server | host=::1 | tls=True |
        """
        self.stop_client_test_server()
        if wait and port == 0:
            raise KeywordError("A client that is waited for needs a fixed port to connect to: give port=N.")
        try:
            listener = Listener(host, port, tls)
            listener.start()
        except ListenerError as error:
            raise KeywordError(str(error)) from None
        self._listener = listener
        self._command = command.strip()
        self._waiting = wait
        self._connect_timeout = seconds(connect_timeout, 10.0)
        self._timeout = seconds(timeout, self.ctx.timeout)
        how = (f"runs {self._command!r} per case" if self._command else
               "waits for the client to connect" if wait else "runs the embedded reference client")
        logger.info(f"Client test server listening at {listener.base_url}/; it {how}.")
        return f"{listener.base_url}/"

    @keyword(tags=_TAGS)
    def stop_client_test_server(self) -> None:
        """Closes the client's connection, stops the client if it still runs, and stops listening.

        Example:
        | [Teardown] | Stop Client Test Server |
        """
        self.close_client_connection()
        if self._listener is not None:
            self._listener.stop()
            self._listener = None

    # --- one case's connection ---

    @keyword(tags=_ASSERTION_TAGS)
    def client_should_connect(self, path: str | None = None, timeout: timedelta | None = None) -> dict[str, object]:
        """Runs the client under test against this case's URL (or waits for it) and reads its handshake request.

        The URL is the server's base URL and ``path`` (the running test's
        name by default). Fails in one sentence when no client connects
        within ``timeout`` (the server's ``connect_timeout``), or it does not
        send a whole request head. Returns the request: ``method``,
        ``target``, ``version`` and ``headers`` (a dictionary, repeated
        names joined with ``, ``). Nothing is answered yet: see `Answer
        Handshake With`.

        Example:
        | Client Should Connect |
        | ${request} = | Client Should Connect | timeout=30s |
        | Should Be Equal | ${request}[method] | GET |
        """
        listener = self._require_listener()
        self.close_client_connection()
        self._cases += 1
        wait = seconds(timeout, self._connect_timeout)
        url = f"{listener.base_url}{path or '/' + _case_path(self._cases)}"
        if self._command:
            try:
                command = CommandClient(self._command, url)
            except ValueError as error:
                raise KeywordError(f"{error} No client ran.") from None
            self._run = command
            logger.info(f"Started the client: {printable(' '.join(command.argv))}")
        elif not self._waiting:
            self._run = EmbeddedClient(url, min(wait, self._timeout))
        else:
            logger.info(f"Waiting up to {wait:g} s for the client to connect to {listener.base_url}/.")
        accepted = self._accept(listener, Deadline.after(wait), None if self._waiting else urlsplit(url).path)
        if accepted is None:
            early = self._run.exited_early() if self._run is not None else None
            report(Verdict(False, f"No client connected to {url}: {early}." if early else
                                  f"No client connected to {url} within {wait:g} s."))
        assert accepted is not None
        if accepted.detail:
            report(Verdict(False, accepted.detail))
        self._accepted = accepted
        self._accepted_in = test_name()
        request = accepted.request
        log_bytes(f"Request received from the client at {accepted.address} ({len(request.raw)} bytes)", request.raw,
                  http_message=True)
        return {"method": request.method, "target": request.target, "version": request.http_version,
                "headers": {name: request.headers[name] for name in request.headers}}

    def _accept(self, listener: Listener, deadline: Deadline, path: str | None) -> Accepted | None:
        """The case's connection: to ``path`` when given; in waiting mode Autobahn's bookkeeping is answered on the way.

        A connection to another case's path (a client of an earlier case
        that connected again, as some retry a request the server closed) is
        logged and closed, not played.
        """
        while True:
            remaining = deadline.remaining()
            early = self._run.exited_early() if self._run is not None else None
            if remaining <= 0 or early:
                return None
            accepted = listener.accept(deadline, poll=0.25)  # a client command that exits is noticed in time
            if accepted is None:
                continue
            if path is not None and not accepted.detail and urlsplit(accepted.request.target).path != path:
                logger.info(f"Closed a connection to {printable(accepted.request.target, 200)}, which is not this "
                            "case's URL: a client of an earlier case connected again.")
                accepted.close()
                continue
            if not self._waiting or accepted.detail:
                return accepted
            if not self._answer_autobahn_bookkeeping(accepted):
                return accepted

    def _answer_autobahn_bookkeeping(self, accepted: Accepted) -> bool:
        """Answer ``/getCaseCount`` and ``/updateReports`` as Autobahn's fuzzingserver does; whether it was one."""
        path = urlsplit(accepted.request.target).path
        if path not in ("/getCaseCount", "/updateReports"):
            agent = parse_qs(urlsplit(accepted.request.target).query).get("agent", [""])[0]
            if agent:
                logger.info(f"The client calls itself {printable(agent, 80)}.")
            return False
        key = accepted.request.headers.get("Sec-WebSocket-Key", "")
        answer = build_response("HTTP/1.1 101 Switching Protocols", [
            ("Upgrade", "websocket"), ("Connection", "Upgrade"), ("Sec-WebSocket-Accept", accept_for_key(key))])
        frames = [OutgoingFrame(TEXT, str(CASE_COUNT).encode())] if path == "/getCaseCount" else []
        frames.append(OutgoingFrame(CLOSE, close_payload(CloseCode.NORMAL_CLOSURE)))
        data = answer + b"".join(OutgoingFrame(f.opcode, f.payload, masked=False).encode()[0] for f in frames)
        assert accepted.sock is not None
        try:
            accepted.sock.settimeout(1.0)
            accepted.sock.sendall(data)
        except OSError:
            pass
        accepted.close()
        logger.info(f"Answered the client's {path} as Autobahn's fuzzingserver does.")
        return True

    @keyword(tags=_TAGS)
    def answer_handshake_with(self, status: str = "101 Switching Protocols", headers: HeaderArgument = None,
                              accept: str = "correct", then_text: str | None = None,
                              timeout: timedelta | None = None) -> None:
        """Answers the client's handshake request exactly as described, valid or not, and keeps the connection.

        The answer is ``HTTP/1.1`` and ``status`` (code and reason phrase,
        written as given), then ``Upgrade: websocket``, ``Connection:
        Upgrade`` and ``Sec-WebSocket-Accept``, changed by ``headers`` as in
        `Send Raw Upgrade With Method` (same name replaces, ``None``
        removes, new names are appended). ``accept`` writes the accept
        value: ``correct`` (for the client's key), ``wrong`` (for another
        key), ``swapped case`` (the correct base64 with upper and lower case
        swapped), ``padded`` (correct, with spaces around it) or
        ``missing``. ``then_text`` sends a text message in the same TCP
        segment as the answer.

        The connection becomes the current one for the frame keywords, with
        the roles swapped: frames go out unmasked, and the client's frames
        must be masked. ``timeout`` becomes the default wait of the keywords
        on it (the server's, see `Start Client Test Server`, when not given).

        Example:
        | Answer Handshake With |
        | Answer Handshake With | 200 OK |
        | Answer Handshake With | headers={"Upgrade": None} |
        | Answer Handshake With | accept=wrong |
        | Answer Handshake With | headers={"Connection": "keep-alive, Upgrade"} | then_text=Hello |
        """
        accepted = self._require_request()
        if accepted.sock is None:
            raise KeywordError("The client's handshake was answered already: call Client Should Connect for a new "
                               "connection.")
        if accept not in ACCEPT_FORMS:
            raise KeywordError(f"accept is one of {', '.join(ACCEPT_FORMS)}, not {accept!r}.")
        key = accepted.request.headers.get("Sec-WebSocket-Key", "")
        correct = accept_for_key(key)
        values = {"correct": correct, "wrong": accept_for_key(key + "x"), "swapped case": correct.swapcase(),
                  "padded": f"  {correct}  "}
        base = [("Upgrade", "websocket"), ("Connection", "Upgrade")]
        if accept != "missing":
            base.append(("Sec-WebSocket-Accept", values[accept]))
        try:
            pairs = apply_header_overrides(base, arguments.header_pairs(headers))
            data = build_response(f"HTTP/1.1 {status}", pairs)
        except (RequestError, ValueError) as error:
            raise KeywordError(f"{error} Nothing was sent.") from None
        wait = seconds(timeout, self._timeout)
        listener = self._require_listener()
        handshake = Response(request=accepted.request.raw, outcome=Outcome.ANSWERED, raw=data,
                             url=f"{listener.base_url}{accepted.request.target}")
        reader = FrameReader(sender=Role.CLIENT)
        reader.feed(accepted.request.trailing)
        connection = WebSocketConnection.accepted(accepted.sock, parse_target(f"{listener.base_url}/"), handshake,
                                                  reader, wait)
        accepted.sock = None  # the connection owns the socket now
        session = WebSocketSession(connection, wait, test_name(), role=Role.SERVER)
        self._session = session
        self.frames.adopt(session)
        log_bytes(f"Answer sent to the client ({len(data)} bytes)", data, http_message=True)
        if then_text is not None:
            sent = session.state.send(OutgoingFrame(TEXT, then_text.encode(), masked=False), time.monotonic())
            logger.info(describe_frame(sent.frame, "sent") + " (in the same write as the answer)")
            data += sent.data
        failure = connection.send(data)
        if failure is not None:
            session.state.write_failure = failure
            logger.info(f"Writing stopped: {failure.detail}")

    @keyword(tags=_TAGS)
    def get_client_request_header(self, name: str) -> str:
        """Returns the value of the header ``name`` in the client's handshake request, or an empty string.

        Repeated fields are joined with ``, ``.

        Example:
        | ${offered} = | Get Client Request Header | Sec-WebSocket-Protocol |
        | Skip If | not $offered | The client offered no subprotocol. |
        """
        return self._require_request().request.headers.get(name, "")

    @keyword(tags=_TAGS)
    def close_client_connection(self) -> None:
        """Closes the client's connection (no Close frame) and stops the client's run, logging how it ended.

        Meant for test teardowns; does nothing when no client connected.

        Example:
        | [Teardown] | Close Client Connection |
        """
        if self._session is not None:
            self._session.close()
            self._session = None
        if self._accepted is not None:
            self._accepted.close()
            self._accepted = None
        if self._run is not None:
            finished = self._run.stop()
            self._run = None
            logger.info(finished.summary)
            if finished.output:
                log_bytes("Output of the client command (not judged)", finished.output)

    # --- assertions ---

    @keyword(tags=_ASSERTION_TAGS)
    def client_should_refuse_the_handshake(self, timeout: timedelta | None = None) -> None:
        """Fails unless the client failed the connection after our answer, instead of using it (RFC 6455 §4.1).

        A text message goes out right after the answer: a client that took
        the connection as open echoes it. Closing or resetting the TCP
        connection passes, as does a Close frame; an echo or any other
        frame fails, and so does keeping the connection open and silent for
        ``timeout`` (failing the connection means closing it, §7.1.7).

        Example:
        | Answer Handshake With | accept=wrong |
        | Client Should Refuse The Handshake |
        """
        how, what = self._how_the_client_took_the_answer(timeout)
        if how == "opened":
            report(Verdict(False, f"The client took the connection as open after an answer it must refuse: {what}."))
        if how == "silent":
            report(Verdict(False, f"The client {what}, without failing it, after an answer it must refuse."))
        report(Verdict(True, f"The client refused the answer: {what}."))

    @keyword(tags=_TAGS)
    def record_how_the_client_takes_the_answer(self, timeout: timedelta | None = None) -> str:
        """Logs whether the client opened the connection after our answer or refused it, and returns ``opened``, ``refused`` or ``silent``.

        For answers the RFC allows but some clients refuse (no subprotocol
        selected from those offered: browsers fail the connection): the case
        records what the client does and passes either way. The client is
        probed as in `Client Should Refuse The Handshake`.

        Example:
        | Answer Handshake With |
        | ${how} = | Record How The Client Takes The Answer |
        """
        how, what = self._how_the_client_took_the_answer(timeout)
        logger.info(f"Informational: the client {how} the connection: {what}.")
        return how

    def _how_the_client_took_the_answer(self, timeout: timedelta | None) -> tuple[str, str]:
        """Probe with a text message: ``opened`` (it sent a frame other than a Close), ``refused`` or ``silent``."""
        session = self._require_session()
        wait = seconds(timeout, session.timeout)
        with session.logging_budget():
            session.send([OutgoingFrame(TEXT, PROBE_TEXT.encode(), masked=False)])
            deadline = Deadline.after(wait)
            while True:
                event = session.connection.receive_event(deadline.remaining())
                if isinstance(event, Ended):
                    if event.how is EndKind.TIMEOUT:
                        return "silent", f"kept the connection open for {wait:g} s without sending a frame"
                    logger.info(f"Connection ended: {printable(event.detail)}")
                    return "refused", "it closed the connection without sending a frame"
                if isinstance(event, Frame):
                    logger.info(describe_frame(event, "received"))
                    if event.opcode == CLOSE:
                        return "refused", f"it {describe_event(event, wait)} instead of using the connection"
                    return "opened", f"it {describe_event(event, wait)}"

    @keyword(tags=_ASSERTION_TAGS)
    def client_should_close_cleanly(self, code: int | None = int(CloseCode.NORMAL_CLOSURE), strict: bool = False,
                                    timeout: timedelta | None = None) -> None:
        """Sends a Close frame with ``code`` (unless one was sent) and fails unless the client answers it with a Close.

        The answer may carry our code, 1000 or no code at all (RFC 6455
        §5.5.1: an empty Close passes); another code passes with a warning,
        or fails with ``strict=True`` (Autobahn's 7.x close-code cases).
        The client closing TCP without a Close frame, or silence for
        ``timeout``, fails. Then the server closes TCP, as §7.1.1 has it.

        Example:
        | Send Message | text | Hello |
        | Message Should Be Echoed |
        | Client Should Close Cleanly |
        | Client Should Close Cleanly | 3000 | strict=True |
        """
        session = self._require_session()
        wait = seconds(timeout, session.timeout)
        with session.logging_budget():
            state = session.state
            if not state.close_sent:
                session.read_what_arrived(0.0)
                if state.peer_close is None and state.end is None:
                    session.send([OutgoingFrame(CLOSE, close_payload(code), masked=False)])
            observation, _ = session.wait_for(lambda event: isinstance(event, Frame) and event.opcode == CLOSE, wait)
            state.clear_inbox()
        event = None if observation is None else observation.event
        if not (isinstance(event, Frame) and event.opcode == CLOSE):
            what = describe_event(event, wait)
            report(Verdict(False, f"The client did not answer our Close frame with a Close (RFC 6455 §5.5.1): "
                                  f"it {what}."))
        assert isinstance(event, Frame)
        answered = parse_close_payload(event.payload).code
        first = " (the client had started the closing handshake)" if state.peer_closed_first else ""
        if answered in (None, CloseCode.NORMAL_CLOSURE, state.close_code_sent):
            report(Verdict(True, f"The client answered our Close with {describe_event(event, wait)}{first}."))
        else:
            ours = "" if state.close_code_sent in (None, CloseCode.NORMAL_CLOSURE) else f"{state.close_code_sent} or "
            report(Verdict(not strict, f"The client answered our Close with code {answered}, not {ours}1000{first}.",
                           warning=True))

    @keyword(tags=_ASSERTION_TAGS)
    def client_frames_should_be_masked(self) -> None:
        """Fails unless the client masked every frame it sent, with keys that are not all equal and never zero.

        RFC 6455 §5.3: a client MUST pick a fresh, unpredictable masking
        key for each frame. An unmasked frame already failed the keyword
        that read it; this checks the keys of all the frames read on the
        connection, at least two of them.

        Example:
        | Send Message | text | one |
        | Message Should Be Echoed |
        | Send Message | text | two |
        | Message Should Be Echoed |
        | Client Frames Should Be Masked |
        """
        keys = self._require_session().masking_keys_received
        if any(key is None for key in keys):
            report(Verdict(False, "The client sent an unmasked frame (RFC 6455 §5.1)."))
        if len(keys) < 2:
            raise KeywordError(f"Only {len(keys)} frame arrived from the client; masking keys are judged on two "
                               "or more.")
        if any(key == b"\0\0\0\0" for key in keys):
            report(Verdict(False, "The client masked a frame with the key 00000000, which leaves it unmasked on "
                                  "the wire."))
        if len(set(keys)) == 1:
            report(Verdict(False, f"The client masked all {len(keys)} frames with the same key "
                                  f"{printable(keys[0])}: a masking key must be fresh per frame."))
        report(Verdict(True, f"The client masked all {len(keys)} frames, with {len(set(keys))} different keys."))

    @keyword(tags=_ASSERTION_TAGS)
    def client_key_should_be_fresh(self) -> None:
        """Fails unless the client's ``Sec-WebSocket-Key`` is base64 of 16 bytes, unlike every key it sent before.

        RFC 6455 §4.1: the key is "a randomly selected 16-byte value that
        has been base64-encoded", chosen anew for each connection. The keys
        of every connection to this test server are compared.

        Example:
        | Client Should Connect |
        | Client Key Should Be Fresh |
        """
        headers = self._require_request().request.headers
        values = headers.get_all("Sec-WebSocket-Key")
        if len(values) != 1:
            report(Verdict(False, f"The client sent {len(values)} Sec-WebSocket-Key headers instead of one."))
        key = values[0]
        try:
            size = len(base64.b64decode(key, validate=True))
        except (binascii.Error, ValueError):
            size = -1
        if size != 16:
            report(Verdict(False, f"The client's Sec-WebSocket-Key '{printable(key, 80)}' is not base64 of "
                                  "16 bytes."))
        if key in self._keys_seen:
            report(Verdict(False, f"The client sent the Sec-WebSocket-Key '{printable(key, 80)}' again, on a new "
                                  "connection."))
        self._keys_seen.append(key)
        report(Verdict(True, f"The client's key '{key}' is 16 bytes of base64, unlike the "
                             f"{len(self._keys_seen) - 1} keys before it."))

    @keyword(tags=_TAGS)
    def skip_unless_client_offered(self, name: str, offered: bool = True, token: str | None = None) -> str:
        """Skips the test as not applicable unless the client offered ``name`` (``offered=False``: unless it did not).

        With ``token``, what counts is whether the header's comma-separated
        list holds that token (compared case-insensitively, parameters
        ignored), else whether the header is there at all. Returns the
        header's value.

        Example:
        | Skip Unless Client Offered | Sec-WebSocket-Protocol |
        | Skip Unless Client Offered | Sec-WebSocket-Extensions | offered=False | token=permessage-deflate |
        """
        value = self.get_client_request_header(name)
        if token is None:
            present = bool(value)
        else:
            present = token.lower() in (item.split(";")[0].strip().lower() for item in value.split(","))
        if present != offered:
            what = f"{name} {token}" if token else name
            reason = (f"offered {what} ({printable(value, 80)})" if present else f"did not offer {what}")
            raise SkipExecution(f"Not applicable: the client {reason}.")
        return value

    # --- helpers ---

    def _require_listener(self) -> Listener:
        if self._listener is None:
            raise KeywordError("The client test server is not running: call Start Client Test Server first.")
        return self._listener

    def _forget_earlier_tests(self) -> None:
        # A test that forgot its teardown must not hand its client's connection to the next one.
        if self._accepted is not None and self._accepted_in != test_name():
            self.close_client_connection()

    def _require_request(self) -> Accepted:
        self._forget_earlier_tests()
        if self._accepted is None:
            raise KeywordError("No client has connected in this test: call Client Should Connect first.")
        return self._accepted

    def _require_session(self) -> WebSocketSession:
        self._forget_earlier_tests()
        if self._session is None:
            raise KeywordError("The client's handshake was not answered: call Answer Handshake With first.")
        return self._session


def _case_path(number: int) -> str:
    name = test_name()
    return name if name and name.replace("-", "").replace("_", "").isalnum() else f"case-{number}"
