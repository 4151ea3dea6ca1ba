"""Keywords that judge a handshake response; each accepts this library's responses and RequestsLibrary's.

Every outcome rule of the catalogue has one keyword here whose name states
the rule, so a suite reads as "send this, then this should hold". All of
them report the same way (see :func:`report`): a broken rule fails with one
sentence, a SHOULD not met passes as WARN, and a rule that only means
something at a WebSocket endpoint is not applicable when the target refuses
even a correct handshake.
"""

from __future__ import annotations

from typing import Any

from robot.api import logger
from robot.api.exceptions import SkipExecution
from robot.libraries.BuiltIn import BuiltIn, RobotNotRunningError
from robotlibcore import keyword

from ..context import LibraryContext
from ..judges import verdicts
from ..judges.handshake import RULES, status_is
from ..judges.verdicts import WARN_TAG, Verdict
from ..wire.http1.response import Outcome, Response
from ..wirelog import printable

__all__ = ["AssertionKeywords", "report"]


class AssertionKeywords:
    """Judging handshake responses."""

    def __init__(self, context: LibraryContext) -> None:
        self.ctx = context

    @keyword(tags=["handshake", "assertion"])
    def status_should_not_be_101(self, response: Any, msg: str | None = None) -> None:
        """Fails if the server switched protocols (``101``), stayed silent, or sent no valid HTTP answer.

        The rule of a handshake a server must refuse (RFC 6455 §4.1, §4.2.1):
        - any final status other than ``101`` passes (``400``, ``405`` and
          ``426`` are ideal; ``200`` means the upgrade was ignored, also
          compliant); interim ``1xx`` answers are skipped,
        - the server closing or resetting the connection without answering passes,
        - ``101 Switching Protocols`` fails,
        - no answer and no close within the timeout fails,
        - bytes that are not an HTTP response fail.

        ``response`` comes from a Send keyword or from RequestsLibrary
        (``expected_status=anything``). ``msg`` replaces the failure message.

        Example:
        | ${response} = | Send Raw Upgrade With Method | POST |
        | Status Should Not Be 101 | ${response} |
        | ${response} = | POST On Session | target | / | headers=${upgrade_headers} | expected_status=anything |
        | Status Should Not Be 101 | ${response} |
        """
        self.assert_rule("not 101", response, msg)

    @keyword(tags=["handshake", "assertion"])
    def status_should_be(self, response: Any, expected: int, msg: str | None = None) -> None:
        """Fails unless the server gave a final answer with status ``expected``.

        A ``101`` fails with the message of `Status Should Not Be 101`;
        silence, a close without an answer and bytes that are not HTTP fail
        too. RFC 9112 §3.2 asks ``400`` for a request without exactly one Host.

        Example:
        | ${response} = | Send Raw Upgrade | headers={"Host": None} |
        | Status Should Be | ${response} | 400 |
        """
        observed = verdicts.as_response(response)
        self._skip_unless_refusal_is_judged(observed)
        report(status_is(expected)(observed), msg)

    @keyword(tags=["handshake", "assertion"])
    def refusal_should_preferably_be_426(self, response: Any, msg: str | None = None) -> None:
        """Fails on ``101``; warns on a ``2xx``; passes any other refusal, ``426 Upgrade Required`` being ideal.

        Http11Probe's rule for an unsupported ``Sec-WebSocket-Version``
        (RFC 6455 §4.4 names 426 as the example). A warning passes the test,
        logs why and tags it ``warn``.

        Example:
        | ${response} = | Send Raw Upgrade | headers={"Sec-WebSocket-Version": "99"} |
        | Refusal Should Preferably Be 426 | ${response} |
        """
        self.assert_rule("426 preferred", response, msg)

    @keyword(tags=["handshake", "assertion"])
    def refusal_should_preferably_be_501(self, response: Any, msg: str | None = None) -> None:
        """Fails on ``101``; passes ``501 Not Implemented``; warns on any other refusal.

        RFC 9110 §9.1: a method the server does not recognise SHOULD get 501;
        405 is for a method it knows but does not allow on the resource.

        Example:
        | ${response} = | Send Raw Upgrade With Method | FOO |
        | Refusal Should Preferably Be 501 | ${response} |
        """
        self.assert_rule("501 preferred", response, msg)

    @keyword(tags=["handshake", "assertion"])
    def refusal_should_list_supported_versions(self, response: Any, msg: str | None = None) -> None:
        """Fails unless the server refused and listed the versions it understands in ``Sec-WebSocket-Version`` (RFC 6455 §4.4).

        Example:
        | ${response} = | Send Raw Upgrade | headers={"Sec-WebSocket-Version": "99"} |
        | Refusal Should List Supported Versions | ${response} |
        """
        self.assert_rule("refused listing versions", response, msg)

    @keyword(tags=["handshake", "assertion"])
    def version_should_be_accepted_or_refused_listing_supported_versions(
        self, response: Any, msg: str | None = None
    ) -> None:
        """Passes a ``101``, or a refusal whose ``Sec-WebSocket-Version`` lists the versions understood (RFC 6455 §4.4).

        For versions a server may still speak, such as draft version 8.

        Example:
        | ${response} = | Send Raw Upgrade | headers={"Sec-WebSocket-Version": "8"} |
        | Version Should Be Accepted Or Refused Listing Supported Versions | ${response} |
        """
        self.assert_rule("101 or refused listing versions", response, msg)

    @keyword("Target Should Be A WebSocket Endpoint", tags=["handshake", "assertion"])
    def target_should_be_a_websocket_endpoint(self, response: Any, key: str | None = None, msg: str | None = None) -> None:
        """Fails unless a correct handshake got ``101`` with the right ``Sec-WebSocket-Accept``: the positive control.

        When the answer is not ``101`` the message says the target is not a
        WebSocket endpoint at that URL, so a wrong path cannot produce a
        vacuously green report. ``key`` defaults to the key sent.

        Example:
        | ${key} = | Generate WebSocket Key |
        | ${response} = | Send Raw Upgrade | key=${key} |
        | Target Should Be A WebSocket Endpoint | ${response} | ${key} |
        """
        report(verdicts.handshake_accepted(verdicts.as_response(response), key), msg)

    @keyword(tags=["handshake", "assertion"])
    def handshake_should_be_accepted(self, response: Any, key: str | None = None, msg: str | None = None) -> None:
        """Fails unless a valid variant of the handshake got ``101`` with the right ``Sec-WebSocket-Accept``.

        For spellings a server must accept (mixed-case tokens, token lists,
        lowercase names). Not applicable, rather than failed, when the target
        refuses even a correct handshake: see `Target Should Be A WebSocket
        Endpoint` for that. ``key`` defaults to the key sent.

        Example:
        | ${key} = | Generate WebSocket Key |
        | ${response} = | Send Raw Upgrade | headers={"Upgrade": "WebSocket"} | key=${key} |
        | Handshake Should Be Accepted | ${response} | ${key} |
        """
        self.assert_rule("accepted", response, msg, lambda observed: _accepted_with_key(observed, key))

    @keyword(tags=["handshake", "assertion"])
    def accept_header_should_match_key(self, response: Any, key: str | None = None, msg: str | None = None) -> None:
        """Fails unless the ``101`` carries one ``Sec-WebSocket-Accept`` computed from ``key`` (RFC 6455 §4.2.2).

        ``key`` defaults to the ``Sec-WebSocket-Key`` of the request sent.
        The expected value is base64(SHA-1(key + ``258EAFA5-E914-47DA-95CA-C5AB0DC85B11``)).

        Example:
        | ${key} = | Generate WebSocket Key |
        | ${response} = | Send Raw Upgrade | key=${key} |
        | Accept Header Should Match Key | ${response} | ${key} |
        """
        self.assert_rule("accept matches key", response, msg, lambda observed: _accepted_with_key(observed, key))

    @keyword(tags=["handshake", "assertion"])
    def accept_header_should_appear_once(self, response: Any, msg: str | None = None) -> None:
        """Fails unless the ``101`` carries exactly one ``Sec-WebSocket-Accept`` (RFC 6455 §11.3.3).

        Example:
        | ${response} = | Send Raw Upgrade |
        | Accept Header Should Appear Once | ${response} |
        """
        self.assert_rule("one accept header", response, msg)

    @keyword("Upgrade Header Should Be WebSocket", tags=["handshake", "assertion"])
    def upgrade_header_should_be_websocket(self, response: Any, msg: str | None = None) -> None:
        """Fails unless the ``101`` names the new protocol: ``Upgrade: websocket`` (RFC 9110 §7.8, §15.2.2).

        Example:
        | ${response} = | Send Raw Upgrade |
        | Upgrade Header Should Be WebSocket | ${response} |
        """
        self.assert_rule("upgrade websocket", response, msg)

    @keyword(tags=["handshake", "assertion"])
    def connection_header_should_contain_upgrade(self, response: Any, msg: str | None = None) -> None:
        """Fails unless the ``101`` has ``Connection`` with the ``Upgrade`` option (RFC 6455 §4.2.2).

        Example:
        | ${response} = | Send Raw Upgrade |
        | Connection Header Should Contain Upgrade | ${response} |
        """
        self.assert_rule("connection upgrade", response, msg)

    @keyword(tags=["handshake", "assertion"])
    def switching_response_should_not_frame_a_body(self, response: Any, msg: str | None = None) -> None:
        """Fails if the ``101`` carries ``Content-Length`` or ``Transfer-Encoding`` (RFC 9110 §8.6, RFC 9112 §6.1).

        Example:
        | ${response} = | Send Raw Upgrade |
        | Switching Response Should Not Frame A Body | ${response} |
        """
        self.assert_rule("no body framing", response, msg)

    @keyword(tags=["handshake", "assertion"])
    def response_should_select_no_subprotocol(self, response: Any, msg: str | None = None) -> None:
        """Fails if the ``101`` to a handshake offering no subprotocol selects one (RFC 6455 §4.2.2).

        Example:
        | ${response} = | Send Raw Upgrade |
        | Response Should Select No Subprotocol | ${response} |
        """
        observed = verdicts.as_response(response)
        if observed.status != 101 and self.ctx.settings.subprotocols:
            raise SkipExecution(f"Not applicable: the target requires a subprotocol (WS_SUBPROTOCOL is "
                                f"{', '.join(self.ctx.settings.subprotocols)}), so it may refuse a handshake that "
                                "offers none.")
        self.assert_rule("no protocol selected", observed, msg)

    @keyword(tags=["handshake", "assertion"])
    def response_should_not_offer_unrequested_protocol(self, response: Any, msg: str | None = None) -> None:
        """Fails if a ``101`` selects a subprotocol the client did not offer, or more than one (RFC 6455 §4.2.2).

        A refusal passes: a server may refuse subprotocols it does not speak.

        Example:
        | ${response} = | Send Raw Upgrade | headers={"Sec-WebSocket-Protocol": "chat, superchat"} |
        | Response Should Not Offer Unrequested Protocol | ${response} |
        """
        self.assert_rule("only an offered protocol", response, msg)

    @keyword(tags=["handshake", "assertion"])
    def unknown_extension_should_not_be_accepted(self, response: Any, msg: str | None = None) -> None:
        """Fails if the ``101`` accepts an extension offered in the request that no server implements (RFC 6455 §9.1).

        A refusal of the whole handshake passes.

        Example:
        | ${response} = | Send Raw Upgrade | headers={"Sec-WebSocket-Extensions": "x-made-up-ext"} |
        | Unknown Extension Should Not Be Accepted | ${response} |
        """
        self.assert_rule("unknown extension refused", response, msg)

    @keyword(tags=["handshake", "assertion"])
    def invalid_deflate_offer_should_be_declined(self, response: Any, msg: str | None = None) -> None:
        """Fails if the ``101`` accepts a ``permessage-deflate`` offer with an invalid parameter (RFC 7692 §7).

        Example:
        | ${response} = | Send Raw Upgrade | headers={"Sec-WebSocket-Extensions": "permessage-deflate; server_max_window_bits=7"} |
        | Invalid Deflate Offer Should Be Declined | ${response} |
        """
        self.assert_rule("deflate offer declined", response, msg)

    @keyword(tags=["handshake", "assertion"])
    def handshake_without_credentials_should_be_refused(self, response: Any, msg: str | None = None) -> None:
        """Fails if a handshake sent without the target's credentials got ``101`` (RFC 6455 §10.5).

        Not applicable when the target's settings carry no ``Authorization``
        or ``Cookie`` (see `Set Target Handshake Settings`): an open endpoint
        may accept anyone.

        Example:
        | ${response} = | Send Raw Upgrade | headers={"Authorization": None, "Cookie": None} |
        | Handshake Without Credentials Should Be Refused | ${response} |
        """
        if not self.ctx.settings.credential_names:
            raise SkipExecution("Not applicable: WS_HEADERS carries no credentials (Authorization or Cookie), so "
                                "there is nothing to leave out.")
        self.assert_rule("refused without credentials", response, msg)

    @keyword(tags=["handshake", "assertion"])
    def untrusted_origin_should_be_refused(self, response: Any, msg: str | None = None) -> None:
        """Warns if a handshake from a foreign ``Origin`` got ``101``; fails instead with ``ORIGIN_CHECK=required``.

        RFC 6455 §4.2.2 and §10.2: a server not meant for every web page
        checks ``Origin`` and refuses others, ideally with ``403``; any
        refusal passes.

        Example:
        | ${response} = | Send Raw Upgrade | headers={"Origin": "https://attacker.invalid"} |
        | Untrusted Origin Should Be Refused | ${response} |
        """
        observed = verdicts.as_response(response)
        self._skip_unless_refusal_is_judged(observed)
        verdict = RULES["untrusted origin refused"].judge(observed)
        if verdict.warning and self.ctx.settings.origin_check_required:
            accepted = verdict.message.split(";")[0]
            verdict = Verdict(False, f"{accepted}; ORIGIN_CHECK is required, so it must refuse it, ideally with 403 "
                                     "(RFC 6455 §4.2.2, §10.2).")
        report(verdict, msg)

    @keyword(tags=["handshake", "assertion"])
    def header_should_be(self, response: Any, name: str, expected: str, msg: str | None = None) -> None:
        """Fails unless header ``name`` arrived exactly once with value ``expected``.

        The name is matched case-insensitively, the value exactly.

        Example:
        | ${response} = | Send Raw Upgrade |
        | Header Should Be | ${response} | Upgrade | websocket |
        """
        observed = verdicts.as_response(response)
        values = observed.headers.get_all(name)
        if values == [expected]:
            verdict = Verdict(True, f"Header {name} is '{printable(expected)}'.")
        elif not values:
            verdict = Verdict(False, f"Expected header {name}: '{expected}', but the server "
                                     f"{verdicts.describe(observed)} without that header.")
        else:
            shown = ", ".join(f"'{printable(value, 80)}'" for value in values)
            verdict = Verdict(False, f"Expected header {name}: '{expected}' once, but got {shown}.")
        report(verdict, msg)

    @keyword(tags=["handshake", "assertion"])
    def server_should_close_without_answering(self, response: Any, msg: str | None = None) -> None:
        """Fails unless the server closed or reset the TCP connection without sending a byte of answer.

        About an HTTP exchange (a Send keyword's response); for a WebSocket
        connection see `Connection Should Be Failed` and `Server Should Close
        Cleanly`.

        Example:
        | ${response} = | Send Raw Upgrade With Method | POST | body=hello |
        | Server Should Close Without Answering | ${response} |
        """
        observed = verdicts.as_response(response)
        passed = observed.outcome in (Outcome.CLOSED, Outcome.RESET) and not observed.raw
        report(Verdict(passed, f"Expected the server to close the connection without answering, "
                               f"but it {verdicts.describe(observed)}." if not passed
                       else f"The server {verdicts.describe(observed)}."), msg)

    def assert_rule(self, name: str, response: Any, msg: str | None = None, judge: Any = None) -> None:
        """Judge ``response`` by the catalogue rule ``name`` (or ``judge``, a variant of it) and report."""
        rule = RULES[name]
        observed = verdicts.as_response(response)
        self._skip_unless_refusal_is_judged(observed, rule.needs_endpoint)
        report((judge or rule.judge)(observed), msg)

    def _skip_unless_refusal_is_judged(self, response: Response, needs_endpoint: bool = False) -> None:
        """Skip the case when ``response`` is no 101 and the target refuses even the correct handshake.

        Such a refusal (a 401 for missing credentials, a 404 for a wrong
        path) is what the target answers to everything, so it says nothing
        about the rule; a 101 still is judged. A rule that ``needs_endpoint``
        is skipped too when the target cannot be reached to find out.
        """
        if response.status != 101 and self.ctx.target is not None:
            reason = self.ctx.endpoint_problem() if needs_endpoint else self.ctx.refusal_problem()
            if reason:
                raise SkipExecution(f"Not applicable: {reason}")


def _accepted_with_key(response: Response, key: str | None) -> Verdict:
    if response.status != 101:
        return RULES["accepted"].judge(response)
    return verdicts.accept_matches(response, key)


def report(verdict: Verdict, msg: str | None = None) -> None:
    """Turn ``verdict`` into the test's status: a failure (prefixed with the running case's RFC reference), a WARN, or a pass."""
    if not verdict.passed:
        raise AssertionError(msg or f"{_case_reference()}{verdict.message}")
    if verdict.warning:
        logger.warn(verdict.message)
        try:
            BuiltIn().set_tags(WARN_TAG)
        except RobotNotRunningError:  # a keyword called from Python: the warning is all there is to give
            pass
    else:
        logger.info(verdict.message)


def _case_reference() -> str:
    """``"RFC 6455 §4.1, RFC 6455 §4.2.1 (MUST): "`` when the running test is a catalogue case, else empty."""
    from ..catalogue import case_by_id  # the whole catalogue, loaded only when a case fails

    try:
        case = case_by_id(BuiltIn().get_variable_value("${TEST NAME}", ""))
    except (KeyError, RobotNotRunningError):
        return ""
    return f"{', '.join(case.rfc)} ({case.level}): "
