"""The outcome rules the handshake cases apply, by name, each with the assertion keyword that states it.

Each :class:`Rule` is a pure judge of one :class:`Response` plus two facts
about it: the library keyword a suite calls to assert it, and whether it only
means something at a WebSocket endpoint. For such rules a refusal of the
handshake is not judged when the target refuses even a correct handshake; the
case is then not applicable rather than passed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from ..wire.http1.response import Outcome, Response
from .verdicts import (
    Verdict,
    accept_matches,
    describe,
    handshake_accepted,
    not_switching_protocols,
    request_line,
    request_values,
)
from ..wire.printable import printable

__all__ = ["RULES", "Rule", "rule_named"]


@dataclass(frozen=True)
class Rule:
    """A named outcome rule: its ``judge``, the ``keyword`` that asserts it, whether it ``needs_endpoint``."""

    name: str
    judge: Callable[[Response], Verdict]
    keyword: str
    needs_endpoint: bool
    summary: str


def _tokens(values: list[str]) -> list[str]:
    return [token.strip() for value in values for token in value.split(",") if token.strip()]


def _names(values: list[str]) -> list[str]:
    """Extension names of ``Sec-WebSocket-Extensions`` values (parameters dropped), lower-cased."""
    return [token.split(";", 1)[0].strip().lower() for token in _tokens(values)]


def _on_101(judge: Callable[[Response], Verdict]) -> Callable[[Response], Verdict]:
    """Wrap a judge of the 101 answer: a correct handshake that got anything else fails first."""

    @functools.wraps(judge)
    def judge_if_accepted(response: Response) -> Verdict:
        if response.status == 101:
            return judge(response)
        return Verdict(
            False,
            f"The server did not accept a correct handshake: to '{request_line(response)}' it "
            f"{describe(response)} instead of 101 Switching Protocols.",
        )

    return judge_if_accepted


def refused_prefer_426(response: Response) -> Verdict:
    """Http11Probe's rule for an unsupported version: 101 fails, 426 ideal, 2xx warns, other refusals pass."""
    return _warn_on_refusal(
        response,
        response.status is not None and 200 <= response.status < 300,
        "an unsupported version should be refused with an error such as 426 Upgrade Required (RFC 6455 §4.4)",
    )


def refused_prefer_501(response: Response) -> Verdict:
    """An unknown method: 101 fails, 501 Not Implemented is what RFC 9110 §9.1 asks for, other refusals warn."""
    return _warn_on_refusal(
        response,
        response.status != 501,
        "a method it does not recognise should be answered 501 Not Implemented (RFC 9110 §9.1)",
    )


def _warn_on_refusal(response: Response, short_of_should: bool, advice: str) -> Verdict:
    """The ``not 101`` verdict, turned into a warning when a passing refusal is ``short_of_should``."""
    verdict = not_switching_protocols(response)
    if verdict.passed and short_of_should:
        return Verdict(
            True,
            f"To '{request_line(response)}' the server {describe(response)}: it did not switch protocols, "
            f"but {advice}.",
            warning=True,
        )
    return verdict


def refused_listing_versions(response: Response) -> Verdict:
    """An unsupported version is refused with ``Sec-WebSocket-Version`` listing the versions understood."""
    verdict = not_switching_protocols(response)
    if not verdict.passed:
        return verdict
    if response.status is None:
        return Verdict(
            False,
            f"To '{request_line(response)}' the server {describe(response)}, so it did not list the versions it "
            "understands in Sec-WebSocket-Version as RFC 6455 §4.4 requires.",
        )
    versions = _tokens(response.headers.get_all("Sec-WebSocket-Version"))
    if not versions or not all(version.isdigit() for version in versions):
        shown = printable(", ".join(versions), 80) or "no such header"
        return Verdict(
            False,
            f"The server refused the unsupported version with {response.status} but its Sec-WebSocket-Version "
            f"lists no versions ({shown}); RFC 6455 §4.4 requires the versions it understands.",
        )
    return Verdict(True, f"The server refused with {response.status} and Sec-WebSocket-Version: {', '.join(versions)}.")


def accepted_or_refused_listing_versions(response: Response) -> Verdict:
    """An older version may be accepted; a refusal must list the versions understood (RFC 6455 §4.4)."""
    if response.status == 101:
        return Verdict(True, f"The server accepted '{request_line(response)}' with an older version, which it may do.")
    return refused_listing_versions(response)


def status_is(expected: int) -> Callable[[Response], Verdict]:
    """A judge that passes only a final answer with status ``expected`` (``101`` fails as switching protocols)."""

    def judge(response: Response) -> Verdict:
        if response.status == expected and response.outcome is Outcome.ANSWERED:
            return Verdict(True, f"To '{request_line(response)}' the server {describe(response)}, as required.")
        if response.status == 101:
            return not_switching_protocols(response)
        return Verdict(False, f"Expected status {expected}, but to '{request_line(response)}' the server {describe(response)}.")

    judge.__name__ = f"status_is_{expected}"
    return judge


@_on_101
def accepted(response: Response) -> Verdict:
    """A valid variant of the handshake is accepted with the right ``Sec-WebSocket-Accept``."""
    return accept_matches(response)


@_on_101
def one_accept_header(response: Response) -> Verdict:
    """Exactly one ``Sec-WebSocket-Accept`` in the 101 (RFC 6455 §11.3.3)."""
    count = response.headers.count("Sec-WebSocket-Accept")
    if count != 1:
        return Verdict(False, f"The 101 answer has {count} Sec-WebSocket-Accept headers; exactly one is allowed.")
    return Verdict(True, "The 101 answer has exactly one Sec-WebSocket-Accept header.")


@_on_101
def upgrade_websocket(response: Response) -> Verdict:
    """The 101 names the protocol switched to: ``Upgrade: websocket`` (RFC 9110 §7.8, §15.2.2)."""
    values = response.headers.get_all("Upgrade")
    if [token.lower() for token in _tokens(values)] != ["websocket"]:
        shown = printable(", ".join(values), 80) if values else "missing"
        return Verdict(False, f"The 101 answer's Upgrade header is {shown}; it must be 'websocket'.")
    return Verdict(True, f"The 101 answer has Upgrade: {printable(values[0], 40)}.")


@_on_101
def connection_upgrade(response: Response) -> Verdict:
    """The 101 carries ``Connection`` with the ``upgrade`` option (RFC 6455 §4.2.2)."""
    values = response.headers.get_all("Connection")
    if "upgrade" not in [token.lower() for token in _tokens(values)]:
        shown = printable(", ".join(values), 80) if values else "missing"
        return Verdict(False, f"The 101 answer's Connection header is {shown}; it must contain 'Upgrade'.")
    return Verdict(True, f"The 101 answer has Connection: {printable(', '.join(values), 60)}.")


@_on_101
def no_body_framing(response: Response) -> Verdict:
    """No ``Content-Length`` or ``Transfer-Encoding`` on a 1xx answer (RFC 9110 §8.6, RFC 9112 §6.1)."""
    present = [name for name in ("Content-Length", "Transfer-Encoding") if name in response.headers]
    if present:
        shown = ", ".join(f"{name}: {printable(response.headers[name], 40)}" for name in present)
        return Verdict(False, f"The 101 answer carries {shown}; a 1xx answer must not.")
    return Verdict(True, "The 101 answer carries neither Content-Length nor Transfer-Encoding.")


@_on_101
def no_protocol_selected(response: Response) -> Verdict:
    """With no subprotocol offered, the 101 selects none (RFC 6455 §4.2.2)."""
    values = response.headers.get_all("Sec-WebSocket-Protocol")
    if values:
        return Verdict(
            False,
            f"No subprotocol was offered, yet the 101 answer selects '{printable(', '.join(values), 80)}'.",
        )
    return Verdict(True, "No subprotocol was offered and the 101 answer selects none.")


def only_offered_protocol(response: Response) -> Verdict:
    """The 101 selects at most one subprotocol, and only one the client offered (RFC 6455 §4.2.2)."""
    if response.status != 101:
        return _refusal_allowed(response, "subprotocol")
    offered = _tokens(request_values(response, "Sec-WebSocket-Protocol"))
    selected = _tokens(response.headers.get_all("Sec-WebSocket-Protocol"))
    if len(selected) > 1:
        return Verdict(False, f"The 101 answer selects {len(selected)} subprotocols ({printable(', '.join(selected), 80)}); at most one is allowed.")
    if selected and selected[0] not in offered:
        return Verdict(
            False,
            f"The 101 answer selects subprotocol '{printable(selected[0], 80)}', which the client did not offer "
            f"(offered: {', '.join(offered)}).",
        )
    chosen = f"selects '{selected[0]}'" if selected else "selects no subprotocol"
    return Verdict(True, f"The server accepted and {chosen}, as allowed.")


def unknown_extension_refused(response: Response) -> Verdict:
    """An extension the server cannot know is not accepted (RFC 6455 §9.1)."""
    if response.status != 101:
        return _refusal_allowed(response, "extension")
    offered = set(_names(request_values(response, "Sec-WebSocket-Extensions")))
    echoed = [name for name in _names(response.headers.get_all("Sec-WebSocket-Extensions")) if name in offered]
    if echoed:
        return Verdict(False, f"The 101 answer accepts the made-up extension '{printable(echoed[0], 60)}', which no server implements.")
    return Verdict(True, "The server accepted the handshake without the made-up extension.")


def deflate_offer_declined(response: Response) -> Verdict:
    """A ``permessage-deflate`` offer with an invalid parameter value is declined (RFC 7692 §7)."""
    if response.status != 101:
        return _refusal_allowed(response, "extension offer")
    if "permessage-deflate" in _names(response.headers.get_all("Sec-WebSocket-Extensions")):
        shown = printable(response.headers["Sec-WebSocket-Extensions"], 100)
        return Verdict(
            False,
            f"The 101 answer accepts permessage-deflate ({shown}) although the offer's server_max_window_bits=7 is "
            "outside 8-15; RFC 7692 §7 requires declining such an offer.",
        )
    return Verdict(True, "The server accepted the handshake and declined the invalid permessage-deflate offer.")


def refused_without_credentials(response: Response) -> Verdict:
    """A correct handshake without the target's credentials must not get 101 (RFC 6455 §10.5)."""
    if response.status == 101:
        return Verdict(False, f"The server switched protocols without credentials: to '{request_line(response)}', "
                              "sent without the Authorization and Cookie headers of WS_HEADERS, it answered 101 "
                              "Switching Protocols.")
    return Verdict(True, f"Without credentials the server {describe(response)}.")


def untrusted_origin_refused(response: Response) -> Verdict:
    """A correct handshake from a foreign Origin should be refused, ideally with 403 (RFC 6455 §4.2.2, §10.2).

    Acceptance is a warning here; ``ORIGIN_CHECK=required`` turns it into a failure (see the assertion keyword).
    """
    origin = printable(", ".join(request_values(response, "Origin")), 80)
    if response.status == 101:
        return Verdict(True, f"The server accepted a handshake from Origin '{origin}', which any web page can "
                             "send; a server not meant for every page should refuse it with 403 (RFC 6455 §4.2.2, "
                             "§10.2).", warning=True)
    if response.status == 403:
        return Verdict(True, f"The server refused Origin '{origin}' with 403 Forbidden.")
    return Verdict(True, f"The server refused Origin '{origin}': it {describe(response)}.")


def _refusal_allowed(response: Response, what: str) -> Verdict:
    verdict = not_switching_protocols(response)
    if not verdict.passed:
        return verdict
    return Verdict(True, f"To '{request_line(response)}' the server {describe(response)}; refusing the {what} this way is allowed.")


RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        Rule("endpoint accepts handshake", handshake_accepted, "Target Should Be A WebSocket Endpoint", False,
             "101 with the right Sec-WebSocket-Accept, else the target is not a WebSocket endpoint"),
        Rule("not 101", not_switching_protocols, "Status Should Not Be 101", False,
             "any answer but 101; closing without answering passes"),
        Rule("426 preferred", refused_prefer_426, "Refusal Should Preferably Be 426", False,
             "101 fails; 426 passes; 2xx warns; other refusals pass"),
        Rule("501 preferred", refused_prefer_501, "Refusal Should Preferably Be 501", False,
             "101 fails; 501 passes; any other refusal warns"),
        Rule("refused listing versions", refused_listing_versions, "Refusal Should List Supported Versions", True,
             "not 101, with Sec-WebSocket-Version listing the versions understood"),
        Rule("101 or refused listing versions", accepted_or_refused_listing_versions,
             "Version Should Be Accepted Or Refused Listing Supported Versions", True,
             "101 allowed; a refusal lists the versions understood"),
        Rule("400", status_is(400), "Status Should Be", False, "400 Bad Request"),
        Rule("accepted", accepted, "Handshake Should Be Accepted", True, "101 with the right Sec-WebSocket-Accept"),
        Rule("accept matches key", accepted, "Accept Header Should Match Key", True,
             "Sec-WebSocket-Accept is base64(SHA-1(key + GUID))"),
        Rule("one accept header", one_accept_header, "Accept Header Should Appear Once", True,
             "exactly one Sec-WebSocket-Accept"),
        Rule("upgrade websocket", upgrade_websocket, "Upgrade Header Should Be WebSocket", True,
             "Upgrade: websocket in the 101"),
        Rule("connection upgrade", connection_upgrade, "Connection Header Should Contain Upgrade", True,
             "Connection: Upgrade in the 101"),
        Rule("no body framing", no_body_framing, "Switching Response Should Not Frame A Body", True,
             "no Content-Length or Transfer-Encoding in the 101"),
        Rule("no protocol selected", no_protocol_selected, "Response Should Select No Subprotocol", True,
             "no Sec-WebSocket-Protocol in the 101"),
        Rule("only an offered protocol", only_offered_protocol, "Response Should Not Offer Unrequested Protocol", True,
             "at most one subprotocol, one that was offered"),
        Rule("unknown extension refused", unknown_extension_refused, "Unknown Extension Should Not Be Accepted", True,
             "the made-up extension is not accepted"),
        Rule("refused without credentials", refused_without_credentials,
             "Handshake Without Credentials Should Be Refused", False,
             "not 101 without the Authorization and Cookie of WS_HEADERS; N/A when none are configured"),
        Rule("untrusted origin refused", untrusted_origin_refused, "Untrusted Origin Should Be Refused", False,
             "403 ideal, any refusal passes; 101 warns, or fails with ORIGIN_CHECK=required"),
        Rule("deflate offer declined", deflate_offer_declined, "Invalid Deflate Offer Should Be Declined", True,
             "the invalid permessage-deflate offer is declined"),
    )
}


def rule_named(name: str) -> Rule:
    """The rule called ``name`` (case-insensitive), or ``KeyError`` listing the known names."""
    try:
        return RULES[name.strip().lower()]
    except KeyError:
        raise KeyError(f"Unknown rule {name!r}; known rules: {', '.join(RULES)}.") from None
