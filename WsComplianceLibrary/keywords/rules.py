"""The one-line form of a handshake case: send the case's request and apply a catalogue rule by name."""

from __future__ import annotations

from typing import Any

from robotlibcore import keyword

from ..context import KeywordError
from ..judges.handshake import rule_named
from ..wire.http1.response import Response
from .arguments import HeaderArgument
from .assertions import AssertionKeywords
from .exchange import ExchangeKeywords


class RuleKeywords:
    """Applying the catalogue's outcome rules by name."""

    def __init__(self, exchange: ExchangeKeywords, assertions: AssertionKeywords) -> None:
        self.exchange = exchange
        self.assertions = assertions

    @keyword(tags=["handshake", "assertion"])
    def handshake_should_meet_rule(
        self,
        expected: str,
        method: str = "GET",
        http_version: str = "HTTP/1.1",
        headers: HeaderArgument = None,
        body: bytes | None = None,
        fresh_key: bool = True,
    ) -> Response:
        """Sends the standard handshake changed as given and judges the answer by the rule ``expected``.

        One keyword for a whole case, for users who want one line per case
        (the shipped suites are written as a Send step and an assertion
        step instead): a fresh random key (logged) unless ``fresh_key=False``
        keeps the RFC's sample key, then `Send Raw Upgrade With Method` with
        ``method``, ``http_version``, ``headers`` and ``body``, then
        `Response Should Meet Rule`. Returns the response.

        Example:
        | Handshake Should Meet Rule | 426 preferred | headers={"Sec-WebSocket-Version": "99"} |
        | Handshake Should Meet Rule | not 101 | method=POST | fresh_key=False |
        | ${response} = | Handshake Should Meet Rule | accepted | headers={"Upgrade": "WebSocket"} |
        """
        key = self.exchange.generate_websocket_key() if fresh_key else None
        response = self.exchange.send_raw_upgrade_with_method(method, None, http_version, headers, body, key)
        self.response_should_meet_rule(response, expected)
        return response

    @keyword(tags=["handshake", "assertion"])
    def response_should_meet_rule(self, response: Any, rule: str) -> None:
        """Judges ``response`` by the catalogue rule named ``rule`` and reports PASS, WARN, FAIL or not applicable.

        Rules are named as in the case catalogue (``docs/cases.md``), for
        example ``not 101``, ``426 preferred``, ``400``, ``accepted``,
        ``accept matches key`` or ``only an offered protocol``; each is also
        a keyword of its own (``not 101`` is `Status Should Not Be 101`).

        - A rule broken fails the test with one sentence naming what the server did.
        - A SHOULD not met passes, logs a warning and tags the test ``warn``.
        - A rule that only means something at a WebSocket endpoint is not
          applicable when the target refuses even a correct handshake: the
          test is skipped with the reason, never passed.

        Example:
        | ${response} = | Send Raw Upgrade | headers={"Sec-WebSocket-Version": "99"} |
        | Response Should Meet Rule | ${response} | 426 preferred |
        """
        try:
            named = rule_named(rule)
        except KeyError as error:
            raise KeywordError(error.args[0]) from None
        self.assertions.assert_rule(named.name, response)
