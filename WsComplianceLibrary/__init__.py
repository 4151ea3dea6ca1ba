"""WsComplianceLibrary: checks a WebSocket server (or client) against RFC 6455 and RFC 8441 (HTTP/2)."""

from __future__ import annotations

from datetime import timedelta

from robotlibcore import DynamicCore

from .context import ImportArgumentError, KeywordError, LibraryContext, flag, name_top_level_suite, time_in_seconds
from .keywords import AssertionKeywords, ExchangeKeywords, RuleKeywords, TargetKeywords
from .keywords.client import ClientKeywords
from .keywords.compression import CompressionKeywords
from .keywords.frames import FrameKeywords
from .keywords.http2 import Http2Keywords
from .version import __version__

__all__ = ["WsComplianceLibrary", "__version__"]


class WsComplianceLibrary(DynamicCore):
    """Checks whether a WebSocket server obeys RFC 6455 and RFC 8441: handshake, frames, closing, HTTP/2.

    Three areas, each with keywords that send exactly what a case specifies
    (valid or not) and keywords that state what the server should have done:
    - `Opening handshake`: raw HTTP/1.1 upgrade requests and their answers
      (RFC 6455 §4, RFC 9110 §7.8);
    - `Frames`: frames and messages on an open WebSocket connection, the
      rules the server must enforce on them, and the closing handshake
      (RFC 6455 §5-§8, Autobahn|Testsuite's cases);
    - `WebSockets over HTTP/2`: extended CONNECT (RFC 8441).
    The verdicts are PASS, FAIL, WARN and N/A, as `Verdicts` explains.

    %TOC%

    = Importing =

    | Library | WsComplianceLibrary | url=ws://127.0.0.1:8080/chat | timeout=5s |
    | Library | WsComplianceLibrary | url=wss://[::1]:8443/ws | verify=False |

    The URL can be left out and set later with `Set Target URL`, or the
    embedded reference server started with `Start Reference Server`.

    = Targets =

    ``ws://`` and ``http://`` connect over plain TCP (default port 80),
    ``wss://`` and ``https://`` over TLS (default port 443). Hosts may be
    names, IPv4 addresses or bracketed IPv6 literals such as ``[::1]``; a
    path may carry a query. The ``Host`` header is the URL's host, with the
    port when the URL spells one out. TLS certificates are verified unless
    ``verify=False``.

    The HTTP/1.1 and frame keywords use the target set at import, by `Set
    Target URL` or by `Set Target From Suite Variables`; the HTTP/2 keywords
    have their own, set by `Set HTTP/2 Target`. `Start Reference Server` and
    `Start HTTP/2 Reference Server` run embedded servers (``websockets`` and
    Hypercorn with a few documented hooks) on 127.0.0.1 and make them the
    target, for trying cases out. These keywords are tagged ``target``.

    = WebSocket sessions =

    `Open WebSocket` sends a correct opening handshake and, on ``101``,
    starts a session. The last session opened is the *current connection*:
    every frame keyword works on it, and `Close WebSocket` closes its socket
    (a test teardown). Sessions left open by earlier tests are closed when
    the next one opens.

    Everything the server sends goes into the session's *inbox*, in order:
    frames, whole messages (fragments joined) and the end of the connection.
    `Receive Frame` and `Receive Message` take the next item of their kind;
    the judging keywords (`Message Should Be Echoed`, `Pong Should Answer
    Ping`, `Connection Should Be Failed`, `Server Should Close Cleanly`)
    take what they judge. Every frame is checked as it is read: a frame
    from the server that breaks RFC 6455 (masked, RSV bits without an
    extension, a reserved opcode, a control frame over 125 bytes or
    fragmented, invalid UTF-8, an invalid close code, anything after its
    Close) fails the test at once, naming the frame and the rule.

    The session also keeps what the server owes: the echo of each message
    and the Pong of each Ping sent, up to the first frame that breaks a rule
    the server must enforce (after which it must fail the connection
    instead) and up to our Close. Two answers are *automatic*, as a client's
    would be:
    | =The server sends= | =The session answers= |
    | a Ping (before either side sent a Close) | a Pong with the Ping's payload (RFC 6455 §5.5.2) |
    | a Close, before we sent one | a Close echoing its code when the code may be sent, else without a code (§5.5.1) |
    Both are logged like every frame. A closing handshake the server
    started this way is what `Server Should Close Cleanly` warns about.

    = Verdicts =

    Each case is one test, and its status is the verdict:
    | =Verdict= | =Robot status= | =Meaning= |
    | PASS | PASS | The server did what the RFC requires. |
    | FAIL | FAIL | The server broke a rule; the message names the RFC sections and level (``RFC 6455 §5.5.1 (MUST): ...``) and says in one sentence what the server did. |
    | WARN | PASS, tagged ``warn`` | The server kept the MUST but fell short of a SHOULD, or of Autobahn|Testsuite's stricter grading: NON-STRICT (answers owed before a bad frame left out, invalid UTF-8 not failed fast), WRONG CODE (a close code other than the expected). The reason is logged as a warning. |
    | N/A | SKIP, with the reason | The case does not apply to the target: a positive case when the target refuses even a correct handshake, an echo case when the target does not echo, an HTTP/2 case when the target does not speak HTTP/2. |
    Keywords with ``strict=True`` turn WRONG CODE into FAIL, where
    Autobahn escalates it. ``--include warn`` runs, and the report's tag
    statistics count, the warnings.

    = Opening handshake =

    Send keywords (tagged ``handshake``) write the exact request bytes a
    case specifies (method, target, HTTP version, header order and
    spelling) over TCP or TLS, read one response and classify how the
    exchange ended: `Send Raw Upgrade`, `Send Raw Upgrade With Method`,
    `Send Raw Request`, with `Generate WebSocket Key` for a key to check
    the answer against. Assertion keywords (tagged ``handshake`` and
    ``assertion``) judge the response, one rule each: `Target Should Be A
    WebSocket Endpoint` (the positive control), `Status Should Not Be 101`,
    `Status Should Be`, `Handshake Should Be Accepted`, `Accept Header
    Should Match Key`, `Server Should Close Without Answering` and the
    others; `Handshake Should Meet Rule` and `Response Should Meet Rule`
    apply a catalogue rule by name. They also accept responses from
    RequestsLibrary.

    Every Send keyword returns a response whose ``outcome`` says how the
    exchange ended:
    | =Outcome=  | =Meaning= |
    | answered   | A status line and complete header block arrived; ``status``, ``reason``, ``headers`` and ``body`` are set. |
    | closed     | The server closed the connection before a complete header block. |
    | reset      | The connection was reset before a complete header block. |
    | timeout    | No complete header block within the timeout, connection still open. |
    | invalid    | The server sent bytes that are not an HTTP/1.x response. |

    When the target cannot be reached at all (connection refused, unknown
    host, TLS handshake failure), the Send keyword itself fails.

    The response also has ``http_version``, ``raw`` (every byte received),
    ``request`` (every byte sent), ``interim`` (skipped ``1xx`` answers),
    ``problems`` (syntax read leniently), ``complete`` and ``elapsed``
    (seconds). Headers are case-insensitive and keep duplicates:
    ``${response.headers}[Upgrade]`` joins repeated values with ``, ``.

    = Frames =

    On the current connection (see `WebSocket sessions`), Send keywords
    write frames exactly as described, valid or not: `Send Frame`, `Send
    Frame In Parts`, `Send Message` (whole or fragmented), `Send Ping`,
    `Send Pong`, `Send Close`. Then one keyword states what the server
    should have done: `Message Should Be Echoed`, `Round Trips Should Be
    Echoed`, `Pong Should Answer Ping`, `Connection Should Be Failed` (after
    a frame that breaks a rule: a Close with the right code, or the TCP
    connection dropped) or `Server Should Close Cleanly` (our Close answered
    with a Close, then TCP closed by the server; RFC 6455 §5.5.1 makes both
    a MUST). `Receive Frame` and `Receive Message` return what arrived, for
    checks of your own.

    = Compression =

    `Open WebSocket` with ``extensions`` offers permessage-deflate (RFC
    7692), as browsers do: ``permessage-deflate; client_max_window_bits``.
    The server's answer is judged against the offers (at most one
    permessage-deflate element, no unknown or duplicate parameters, window
    values 8-15 without leading zeros, ``client_max_window_bits`` only when
    offered, an offered ``server_no_context_takeover`` or
    ``server_max_window_bits`` echoed) and the agreement is logged.
    `Extension Should Be Agreed` makes a case N/A when the server declined;
    `Agreed Parameters Should Be` checks the parameters;
    `Extension Offer Should Be Declined` sends an offer a server must
    decline.

    Once agreed, `Send Message` and `Round Trips Should Be Echoed` compress
    each message (raw DEFLATE with our agreed window, the ``00 00 ff ff``
    tail stripped, RSV1 on the first frame, fragmented after compression;
    ``compressed=False`` sends one as is), and `Send Frame` still sends any
    RSV bits and any bytes. What the server sends is inflated with the
    window and context takeover it agreed to, never beyond the connection's
    ``max_message_size``, and these fail the test like any broken frame
    rule: RSV1 on a control or continuation frame, data that does not
    inflate, a back-reference farther than the agreed window, and a
    reference to an earlier message after ``server_no_context_takeover``.

    zlib accepts a back-reference that lands in output of the same inflate
    call, so inflation goes in steps of the agreed window: a server that
    uses a larger window than it agreed to is caught by data whose repeats
    lie just beyond that window and a step (``data=window-probe`` in `Round
    Trips Should Be Echoed`). ``data=json``, ``html``, ``image``,
    ``literature`` and ``pdf`` send generated sample data of Autobahn's five
    kinds.

    = WebSockets over HTTP/2 =

    Keywords tagged ``http2`` speak HTTP/2 (h2c with prior knowledge, or TLS
    with ALPN ``h2``) to the HTTP/2 target: `Send Extended Connect` sends
    an extended CONNECT (RFC 8441 §4) and returns what came back; `Send
    WebSocket Frame Over HTTP/2` opens the stream and sends one frame on
    it. Their assertions: `Server Should Advertise Extended Connect`,
    `Extended Connect Should Be Accepted`, `Stream Should Be Refused`,
    `HTTP/2 Status Should Be` and the subprotocol, extension, message, ping
    and close checks over the stream.

    = Checking clients =

    The library can play the server instead, and judge a WebSocket client.
    `Start Client Test Server` listens on 127.0.0.1 (or ``::1``, with TLS
    for ``wss://``); in each case `Client Should Connect` runs the client
    (a command line with ``{url}`` replaced, or the embedded reference
    client, or waits for one started elsewhere) and reads its handshake;
    `Answer Handshake With` answers exactly what the case specifies, valid
    or not. On the connection that follows, the frame keywords work with
    the roles swapped: our frames go unmasked unless asked, and the
    client's frames are checked by the rules a server applies (masked,
    no RSV bits ...). `Client Should Refuse The Handshake`, `Client Should
    Close Cleanly`, `Client Frames Should Be Masked` and `Client Key
    Should Be Fresh` judge what only a client owes; `Close Client
    Connection` ends the case and stops the client.

    | Start Client Test Server | command=python my_client.py {url} |
    | Client Should Connect |
    | Answer Handshake With | accept=wrong |
    | Client Should Refuse The Handshake |
    | [Teardown] | Close Client Connection |

    = Keyword tags =

    Keywords are tagged by area, so the keyword list can be filtered by tag:
    ``target``, ``handshake``, ``frames``, ``http2``, ``client``, plus
    ``assertion`` on every keyword that judges the server or client.

    = Logging =

    Each Send keyword logs the request sent and the bytes received with CR
    and LF made visible and every other control or non-ASCII byte written as
    ``\\xNN``; server bytes are always HTML-escaped. Bodies are truncated
    after 2048 bytes with a note. Frame keywords log the first 10 frames
    sent and received each way, then one line counting the rest.

    = Example =

    | *** Settings ***
    | Library    WsComplianceLibrary    url=ws://127.0.0.1:8080/
    |
    | *** Test Cases ***
    | POST Upgrade Must Not Switch Protocols
    |     ${response} =    Send Raw Upgrade With Method    POST
    |     Status Should Not Be 101    ${response}
    |
    | Close Must Be Answered With A Close
    |     Open WebSocket
    |     Send Message    text    Hello
    |     Message Should Be Echoed
    |     Server Should Close Cleanly
    |     [Teardown]    Close WebSocket
    """

    ROBOT_LIBRARY_SCOPE = "GLOBAL"
    ROBOT_LIBRARY_VERSION = __version__
    ROBOT_LIBRARY_DOC_FORMAT = "ROBOT"

    def __init__(self, url: str | None = None, timeout: timedelta | str = timedelta(seconds=5),
                 verify: bool | str = True, target_name: str = "") -> None:
        """Imports the library with an optional target ``url``, ``timeout``, TLS ``verify`` policy and ``target_name``.

        ``timeout`` bounds each exchange (connect, TLS, send, read). It is a
        Robot time such as ``5s``, ``500ms`` or ``1.5``. ``verify`` is
        ``True`` or ``False`` (``yes``/``no``, ``on``/``off`` and ``1``/``0``
        are accepted too). An unusable value fails the import in one sentence.

        ``target_name``, when not empty, becomes the name of the top-level
        suite if that suite imports the library, so ``log.html`` and
        ``report.html`` are headed by the target's name. The compliance
        suites import the library from ``suites/__init__.robot`` with
        ``target_name=${TARGET_NAME}``; `Set Target From Suite Variables`
        checks the name.
        """
        try:
            # Robot's own timedelta conversion error escapes a Library setting as a crash, so text is converted here.
            self._context = LibraryContext(timeout=time_in_seconds(timeout, "Timeout"), verify=flag(verify, "verify"))
            if url:
                self._context.set_url(url)
        except KeywordError as error:
            raise ImportArgumentError(str(error)) from None
        if target_name:
            name_top_level_suite(target_name)
        self.ROBOT_LIBRARY_LISTENER = self
        exchange = ExchangeKeywords(self._context)
        assertions = AssertionKeywords(self._context)
        frames = FrameKeywords(self._context)
        self._client = ClientKeywords(self._context, frames)
        super().__init__(
            [
                TargetKeywords(self._context),
                exchange,
                assertions,
                RuleKeywords(exchange, assertions),
                Http2Keywords(self._context),
                frames,
                self._client,
                CompressionKeywords(self._context, frames),
            ]
        )

    def _close(self) -> None:
        """Called by Robot when the library goes out of scope: stop the reference server if it still runs."""
        self._context.reference_server.stop()
        self._client.stop_client_test_server()

    ROBOT_LISTENER_API_VERSION = 2
