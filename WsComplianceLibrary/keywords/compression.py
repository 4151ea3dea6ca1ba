"""Keywords for permessage-deflate (RFC 7692): offers a server must decline, and the parameters it agreed to.

`Open WebSocket` makes the offer and judges the answer; these keywords
state what the answer should have been. Compressing, inflating and the
rules on compressed frames are the frame keywords' and the frame engine's
(:mod:`..wire.websocket.deflate`, :class:`~..wire.websocket.rules.FrameRules`).
"""

from __future__ import annotations

from robot.api.exceptions import SkipExecution
from robotlibcore import keyword

from ..context import KeywordError, LibraryContext
from ..judges.verdicts import Verdict, describe
from ..transport.websocket import WebSocketConnection
from ..wire.http1.request import RequestError, build_upgrade_request, new_key
from ..wire.websocket.deflate import (
    EXTENSION,
    DeflateOffer,
    DeflateParameters,
    NegotiationError,
    agree,
    offer_problem,
    parse_extensions,
)
from ..wirelog import log_exchange
from .assertions import report
from .frames import FrameKeywords

__all__ = ["CompressionKeywords"]

_TAGS = ["frames", "assertion"]

SUPPORT_OFFER = DeflateOffer(client_max_window_bits=True)
"""The offer that tells whether a server speaks permessage-deflate at all: a browser's."""


class CompressionKeywords:
    """permessage-deflate: what the server agreed to, and the offers it must decline."""

    def __init__(self, context: LibraryContext, frames: FrameKeywords) -> None:
        self.ctx = context
        self.frames = frames
        self._support: dict[str, str | None] = {}

    @keyword(tags=_TAGS)
    def extension_should_be_agreed(self) -> DeflateParameters:
        """Passes when the server accepted a permessage-deflate offer on the current connection; returns the agreement.

        When it declined every offer the case is not applicable: the test
        is skipped with the reason, as Autobahn grades a server without
        the extension UNIMPLEMENTED.

        Example:
        | Open WebSocket | extensions=permessage-deflate; client_no_context_takeover; client_max_window_bits |
        | Extension Should Be Agreed |
        """
        session = self.frames.current_session
        connection = session.connection
        if connection.deflate is None:
            if session.extensions is None:
                raise KeywordError(f"No extension was offered on this connection: offer {EXTENSION} with Open "
                                   "WebSocket's extensions argument.")
            raise SkipExecution(f"Not applicable: the server declined {EXTENSION} (offered '{session.extensions}').")
        report(Verdict(True, f"Agreed: {connection.deflate}."))
        return connection.deflate

    @keyword(tags=_TAGS)
    def agreed_parameters_should_be(self, server_no_context_takeover: bool | None = None,
                                    client_no_context_takeover: bool | None = None,
                                    server_max_window_bits: int | None = None,
                                    client_max_window_bits: int | None = None) -> None:
        """Fails unless the permessage-deflate agreement on the current connection has the parameters given.

        Parameters left out are not checked. A window that was not named
        in the answer is 15 bits (RFC 7692 §7.1.2). Without an agreement
        the case is not applicable, as in `Extension Should Be Agreed`.

        Example:
        | Open WebSocket | extensions=permessage-deflate; server_no_context_takeover |
        | Agreed Parameters Should Be | server_no_context_takeover=True |
        """
        agreed = self.extension_should_be_agreed()
        wanted = {"server_no_context_takeover": server_no_context_takeover,
                  "client_no_context_takeover": client_no_context_takeover,
                  "server_max_window_bits": server_max_window_bits,
                  "client_max_window_bits": client_max_window_bits}
        actual = agreed.as_dict()
        wrong = [f"{name} is {actual[name]}, not {value}" for name, value in wanted.items()
                 if value is not None and actual[name] != value]
        if wrong:
            report(Verdict(False, f"The agreed {EXTENSION} parameters differ: {'; '.join(wrong)}."))
        report(Verdict(True, f"The agreed parameters are as expected: {agreed}."))

    @keyword(tags=_TAGS)
    def extension_offer_should_be_declined(self, offer: str) -> None:
        """Fails unless the server declines ``offer``, a permessage-deflate offer a server must not accept.

        An offer with an unknown or duplicate parameter, or a bad value,
        is declined by answering ``101`` without accepting it (RFC 7692
        §5, §7.1). A ``4xx`` refusing the whole handshake passes with a
        warning (the connection could have gone on uncompressed);
        accepting the offer, a ``5xx`` or a dropped connection fails.
        A server that does not agree to a valid offer either is not
        judged: the case is not applicable.

        Example:
        | Extension Offer Should Be Declined | permessage-deflate; x=1 |
        """
        problem = offer_problem(offer)
        if problem is None:
            raise KeywordError(f"'{offer}' is a valid {EXTENSION} offer, which a server may accept.")
        support = self._support_problem()
        if support:
            raise SkipExecution(f"Not applicable: {support}")
        with self._open(offer) as connection:
            handshake = connection.handshake
            log_exchange(handshake)
            if not handshake.outcome.connected or handshake.status is None:
                report(Verdict(False, f"To the offer '{offer}' the server {describe(handshake)} instead of "
                                      "declining it (RFC 7692 §5)."))
            if 400 <= handshake.status < 500:
                report(Verdict(True, f"The server refused the whole handshake with {handshake.status} for the "
                                     f"offer '{offer}', where leaving the offer out of a 101 lets the connection "
                                     "go on uncompressed (RFC 7692 §5).", warning=True))
                return
            if handshake.status != 101:
                report(Verdict(False, f"To the offer '{offer}' the server {describe(handshake)} instead of "
                                      "101 without accepting it (RFC 7692 §5)."))
            accepted = [element for element in parse_extensions(handshake.headers.get_all(
                "Sec-WebSocket-Extensions")) if element.name.lower() == EXTENSION]
            if accepted:
                report(Verdict(False, f"The server accepted the offer '{offer}' (answering '{accepted[0]}'), "
                                      f"which it must decline: {problem}."))
            report(Verdict(True, f"The server declined the offer '{offer}' and opened the connection "
                                 "uncompressed."))

    def _open(self, offer: str) -> WebSocketConnection:
        target = self.ctx.require_target()
        try:
            request = build_upgrade_request("GET", target.path, target.authority,
                                            headers=[("Sec-WebSocket-Extensions", offer)], key=new_key(),
                                            target_headers=self.ctx.target_headers())
        except RequestError as error:
            raise KeywordError(f"{error} Nothing was sent.") from None
        return WebSocketConnection.open(target, request, self.ctx.timeout, self.ctx.verify)

    def _support_problem(self) -> str | None:
        """Why the target cannot be judged on offers: it is no endpoint, or it declines a valid offer."""
        problem = self.ctx.endpoint_problem()
        if problem:
            return problem
        url = self.ctx.require_target().url
        if url not in self._support:
            with self._open(str(SUPPORT_OFFER)) as connection:
                try:
                    agreed = agree(str(SUPPORT_OFFER), connection.handshake.headers.get_all("Sec-WebSocket-Extensions"))
                except NegotiationError:
                    agreed = None
                self._support[url] = None if agreed is not None else \
                    f"the server does not agree to {EXTENSION} (it declined '{SUPPORT_OFFER}')."
        return self._support[url]
