"""WsComplianceLibrary: checks a WebSocket server's opening handshake against RFC 6455 and RFC 9110 §7.8."""

from __future__ import annotations

from datetime import timedelta

from robotlibcore import DynamicCore

from .context import ImportArgumentError, KeywordError, LibraryContext, flag, name_top_level_suite, time_in_seconds
from .keywords import AssertionKeywords, ExchangeKeywords, RuleKeywords, TargetKeywords
from .keywords.frames import FrameKeywords
from .keywords.http2 import Http2Keywords
from .version import __version__

__all__ = ["WsComplianceLibrary", "__version__"]


class WsComplianceLibrary(DynamicCore):
    """Checks whether a WebSocket server obeys the opening-handshake rules of RFC 6455 and RFC 9110 §7.8.

    The library writes the exact request bytes a case specifies (method,
    target, HTTP version, header order and spelling) over TCP or TLS, reads
    one response and classifies how the exchange ended. Assertion keywords
    then judge it; they also accept responses from RequestsLibrary.

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

    = Outcomes =

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

    = Logging =

    Each Send keyword logs the request sent and the bytes received with CR
    and LF made visible and every other control or non-ASCII byte written as
    ``\\xNN``; server bytes are always HTML-escaped. Bodies are truncated
    after 2048 bytes with a note.

    = Example =

    | *** Settings ***
    | Library    WsComplianceLibrary    url=ws://127.0.0.1:8080/
    |
    | *** Test Cases ***
    | POST Upgrade Must Not Switch Protocols
    |     ${response} =    Send Raw Upgrade With Method    POST
    |     Status Should Not Be 101    ${response}
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
        super().__init__(
            [
                TargetKeywords(self._context),
                exchange,
                assertions,
                RuleKeywords(exchange, assertions),
                Http2Keywords(self._context),
                FrameKeywords(self._context),
            ]
        )

    def _close(self) -> None:
        """Called by Robot when the library goes out of scope: stop the reference server if it still runs."""
        self._context.reference_server.stop()

    ROBOT_LISTENER_API_VERSION = 2
