"""The keyword that applies a catalogue rule, with WARN and not-applicable verdicts."""

from __future__ import annotations

from typing import Any

from robot.api import logger
from robot.api.exceptions import SkipExecution
from robot.libraries.BuiltIn import BuiltIn
from robotlibcore import keyword

from ..catalogue import case_by_id
from ..context import KeywordError, LibraryContext
from ..judges.handshake import rule_named
from ..wire.http1.response import Response
from ..judges.verdicts import as_response
from .exchange import ExchangeKeywords, HeaderArgument

WARN_TAG = "warn"


class RuleKeywords:
    """Applying the catalogue's outcome rules."""

    def __init__(self, context: LibraryContext, exchange: ExchangeKeywords) -> None:
        self.ctx = context
        self.exchange = exchange

    @keyword
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

        One keyword for a whole case: a fresh random key (logged) unless
        ``fresh_key=False`` keeps the RFC's sample key, then `Send Raw Upgrade
        With Method` with ``method``, ``http_version``, ``headers`` and
        ``body``, then `Response Should Meet Rule`. Returns the response.

        Example:
        | Handshake Should Meet Rule | 426 preferred | headers={"Sec-WebSocket-Version": "99"} |
        | Handshake Should Meet Rule | not 101 | method=POST | fresh_key=False |
        | ${response} = | Handshake Should Meet Rule | accepted | headers={"Upgrade": "WebSocket"} |
        """
        key = self.exchange.generate_websocket_key() if fresh_key else None
        response = self.exchange.send_raw_upgrade_with_method(method, None, http_version, headers, body, key)
        self.response_should_meet_rule(response, expected)
        return response

    @keyword
    def response_should_meet_rule(self, response: Any, rule: str) -> None:
        """Judges ``response`` by the catalogue rule named ``rule`` and reports PASS, WARN, FAIL or not applicable.

        Rules are named as in the EXPECTED column of the suites, for example
        ``not 101``, ``426 preferred``, ``400``, ``accepted``,
        ``accept matches key`` or ``only an offered protocol``.

        - A rule broken fails the test with one sentence naming what the server did.
        - A SHOULD not met passes, logs a warning and tags the test ``warn``.
        - A rule that only means something at a WebSocket endpoint is not
          applicable when the target refuses even a correct handshake: the
          test is skipped with the reason, never passed.

        Example:
        | ${key} = | Generate WebSocket Key |
        | ${response} = | Send Raw Upgrade | headers={"Sec-WebSocket-Version": "99"} | key=${key} |
        | Response Should Meet Rule | ${response} | 426 preferred |
        """
        try:
            named = rule_named(rule)
        except KeyError as error:
            raise KeywordError(error.args[0]) from None
        observed = as_response(response)
        if named.needs_endpoint and observed.status != 101:
            reason = self.ctx.endpoint_problem()
            if reason:
                raise SkipExecution(f"Not applicable: {reason}")
        verdict = named.judge(observed)
        if not verdict.passed:
            raise AssertionError(f"{_case_reference()}{verdict.message}")
        if verdict.warning:
            logger.warn(verdict.message)
            BuiltIn().set_tags(WARN_TAG)
        else:
            logger.info(verdict.message)


def _case_reference() -> str:
    """``"RFC 6455 §4.1, RFC 6455 §4.2.1 (MUST): "`` when the running test is a catalogue case, else empty."""
    try:
        case = case_by_id(BuiltIn().get_variable_value("${TEST NAME}", ""))
    except KeyError:
        return ""
    return f"{', '.join(case.rfc)} ({case.level}): "
