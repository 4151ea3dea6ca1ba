"""Keywords that judge a response; each accepts this library's responses and RequestsLibrary's."""

from __future__ import annotations

from typing import Any

from robot.api import logger
from robotlibcore import keyword

from ..judges import handshake as rules, verdicts
from ..wire.http1.response import Outcome
from ..wirelog import printable


class AssertionKeywords:
    """Judging responses."""

    @keyword
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
        _judge(verdicts.not_switching_protocols(verdicts.as_response(response)), msg)

    @keyword
    def status_should_be(self, response: Any, expected: int, msg: str | None = None) -> None:
        """Fails unless the server answered with status ``expected``.

        Example:
        | ${response} = | Send Raw Upgrade With Method | POST |
        | Status Should Be | ${response} | 405 |
        """
        observed = verdicts.as_response(response)
        passed = observed.status == expected and observed.outcome is Outcome.ANSWERED
        _judge(verdicts.Verdict(passed, f"Expected status {expected}, but the server {verdicts.describe(observed)}."
                                if not passed else f"The server {verdicts.describe(observed)}."), msg)

    @keyword
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
            verdict = verdicts.Verdict(True, f"Header {name} is '{printable(expected)}'.")
        elif not values:
            verdict = verdicts.Verdict(False, f"Expected header {name}: '{expected}', but the server "
                                              f"{verdicts.describe(observed)} without that header.")
        else:
            shown = ", ".join(f"'{printable(value, 80)}'" for value in values)
            verdict = verdicts.Verdict(False, f"Expected header {name}: '{expected}' once, but got {shown}.")
        _judge(verdict, msg)

    @keyword
    def connection_should_be_closed(self, response: Any, msg: str | None = None) -> None:
        """Fails unless the server closed or reset the connection without sending an answer.

        Example:
        | ${response} = | Send Raw Upgrade With Method | POST | body=hello |
        | Connection Should Be Closed | ${response} |
        """
        observed = verdicts.as_response(response)
        passed = observed.outcome in (Outcome.CLOSED, Outcome.RESET) and not observed.raw
        _judge(verdicts.Verdict(passed, f"Expected the server to close the connection without answering, "
                                        f"but it {verdicts.describe(observed)}." if not passed
                                else f"The server {verdicts.describe(observed)}."), msg)

    @keyword
    def accept_header_should_match_key(self, response: Any, key: str | None = None, msg: str | None = None) -> None:
        """Fails unless the answer carries one ``Sec-WebSocket-Accept`` computed from ``key`` (RFC 6455 §4.2.2).

        ``key`` defaults to the ``Sec-WebSocket-Key`` of the request sent.
        The expected value is base64(SHA-1(key + ``258EAFA5-E914-47DA-95CA-C5AB0DC85B11``)).

        Example:
        | ${key} = | Generate WebSocket Key |
        | ${response} = | Send Raw Upgrade | key=${key} |
        | Accept Header Should Match Key | ${response} | ${key} |
        """
        _judge(verdicts.accept_matches(verdicts.as_response(response), key), msg)

    @keyword
    def handshake_should_be_accepted(self, response: Any, key: str | None = None, msg: str | None = None) -> None:
        """Fails unless a correct handshake got ``101`` with the right ``Sec-WebSocket-Accept``.

        This is the positive control: when it fails with anything but ``101``
        the message says the target is not a WebSocket endpoint at that URL,
        so a wrong path cannot produce a vacuously green report.

        Example:
        | ${key} = | Generate WebSocket Key |
        | ${response} = | Send Raw Upgrade | key=${key} |
        | Handshake Should Be Accepted | ${response} | ${key} |
        """
        _judge(verdicts.handshake_accepted(verdicts.as_response(response), key), msg)


    @keyword
    def response_should_not_offer_unrequested_protocol(self, response: Any, msg: str | None = None) -> None:
        """Fails if a ``101`` selects a subprotocol the client did not offer, or more than one (RFC 6455 §4.2.2).

        A refusal passes: a server may refuse subprotocols it does not speak.

        Example:
        | ${response} = | Send Raw Upgrade | headers={"Sec-WebSocket-Protocol": "chat, superchat"} |
        | Response Should Not Offer Unrequested Protocol | ${response} |
        """
        _judge(rules.only_offered_protocol(verdicts.as_response(response)), msg)

    @keyword
    def refusal_should_list_supported_versions(self, response: Any, msg: str | None = None) -> None:
        """Fails unless the server refused and listed the versions it understands in ``Sec-WebSocket-Version`` (RFC 6455 §4.4).

        Example:
        | ${response} = | Send Raw Upgrade | headers={"Sec-WebSocket-Version": "99"} |
        | Refusal Should List Supported Versions | ${response} |
        """
        _judge(rules.refused_listing_versions(verdicts.as_response(response)), msg)


def _judge(verdict: verdicts.Verdict, msg: str | None) -> None:
    if not verdict.passed:
        raise AssertionError(msg or verdict.message)
    logger.info(verdict.message)
