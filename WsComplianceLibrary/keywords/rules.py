"""The keyword that applies a catalogue rule, with WARN and not-applicable verdicts."""

from __future__ import annotations

from typing import Any

from robot.api import logger
from robot.api.exceptions import SkipExecution
from robot.libraries.BuiltIn import BuiltIn
from robotlibcore import keyword

from ..catalogue import case_by_id
from ..context import KeywordError, LibraryContext
from ..request import build_upgrade_request, new_key
from ..rules import rule_named
from ..transport import exchange
from ..verdicts import as_response, handshake_accepted

WARN_TAG = "warn"


class RuleKeywords:
    """Applying the catalogue's outcome rules."""

    def __init__(self, context: LibraryContext) -> None:
        self.ctx = context
        self._endpoint_checks: dict[str, str | None] = {}

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
            reason = self._not_an_endpoint()
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

    def _not_an_endpoint(self) -> str | None:
        """Why the target is not a WebSocket endpoint, or ``None``.

        One correct handshake per target URL, remembered: the target is an
        endpoint when it answers that handshake with 101.
        """
        target = self.ctx.require_target()
        if target.url not in self._endpoint_checks:
            key = new_key()
            request = build_upgrade_request("GET", target.path, target.authority, key=key)
            probe = exchange(target, request, self.ctx.timeout, self.ctx.verify)
            # Switching protocols is what makes an endpoint; a wrong accept value is a case of its own.
            self._endpoint_checks[target.url] = None if probe.status == 101 else handshake_accepted(probe, key).message
        return self._endpoint_checks[target.url]


def _case_reference() -> str:
    """``"RFC 6455 §4.1, RFC 6455 §4.2.1 (MUST): "`` when the running test is a catalogue case, else empty."""
    try:
        case = case_by_id(BuiltIn().get_variable_value("${TEST NAME}", ""))
    except KeyError:
        return ""
    return f"{', '.join(case.rfc)} ({case.level}): "
