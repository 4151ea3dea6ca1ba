"""Close frame payloads (RFC 6455 §5.5.1) and which close codes may go on the wire (§7.4).

Which codes are valid
---------------------
Valid in a Close frame: 1000-1003, 1007-1014 and 3000-4999. Everything
else is invalid: 0-999 (never used, §7.4.2), 1004 (reserved, §7.4.1), 1005,
1006 and 1015 (§7.4.1: they "MUST NOT be set as a status code in a Close
control frame by an endpoint"), 1016-2999 (reserved for future standards,
unassigned), and 5000 and up (outside the range of §7.4.2).

1012 (Service Restart), 1013 (Try Again Later) and 1014 (Bad Gateway) are
not in RFC 6455 but are registered in the IANA WebSocket Close Code Number
registry that §11.7 creates for exactly such additions, so a server that
sends them breaks no rule. Autobahn's case 7.9.x once listed 1012-1015 as
invalid; the testsuite dropped 1012 and 1013 (issue #52) and then 1014 and
1015 (pull request #89), although its long-published Docker image still
carries the old list. We follow the registry for 1012-1014 and keep 1015
invalid, because the RFC's text forbids sending it, which the registry does
not change. 1010 is valid although §7.4.1 says a server does not use it: it
is described, not forbidden.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from ..printable import printable
from .utf8 import Utf8Validator

__all__ = ["CloseCode", "ClosePayload", "close_payload", "is_valid_close_code", "parse_close_payload"]


class CloseCode(enum.IntEnum):
    """The close codes of RFC 6455 §7.4.1 and the IANA registry (§11.7), by the registry's names."""

    NORMAL_CLOSURE = 1000
    GOING_AWAY = 1001
    PROTOCOL_ERROR = 1002
    UNSUPPORTED_DATA = 1003
    NO_STATUS_RCVD = 1005
    """Never on the wire: stands for "the Close frame had no code"."""
    ABNORMAL_CLOSURE = 1006
    """Never on the wire: stands for "the connection ended without a Close frame"."""
    INVALID_FRAME_PAYLOAD_DATA = 1007
    POLICY_VIOLATION = 1008
    MESSAGE_TOO_BIG = 1009
    MANDATORY_EXTENSION = 1010
    INTERNAL_ERROR = 1011
    SERVICE_RESTART = 1012
    TRY_AGAIN_LATER = 1013
    BAD_GATEWAY = 1014
    TLS_HANDSHAKE = 1015
    """Never on the wire: stands for "the TLS handshake failed"."""


def is_valid_close_code(code: int) -> bool:
    """Whether ``code`` may be sent in a Close frame (see the module docstring for the choice of 1012-1015)."""
    return (CloseCode.NORMAL_CLOSURE <= code <= CloseCode.UNSUPPORTED_DATA
            or CloseCode.INVALID_FRAME_PAYLOAD_DATA <= code <= CloseCode.BAD_GATEWAY
            or 3000 <= code <= 4999)


def close_payload(code: int | None, reason: bytes = b"") -> bytes:
    """The payload of a Close frame: ``code`` as two bytes in network order, then ``reason`` as given.

    Any code from 0 to 65535 is written, valid or not, and ``reason`` is
    not checked for UTF-8, so invalid payloads can be built on purpose.
    With ``code=None`` only ``reason`` is written: ``close_payload(None)``
    is the empty payload, ``close_payload(None, b"\\x03")`` the one-byte
    payload §5.5.1 rules out.
    """
    if code is None:
        return reason
    if not 0 <= code <= 0xFFFF:
        raise ValueError(f"Close code {code} does not fit in two bytes (0 to 65535).")
    return code.to_bytes(2, "big") + reason


@dataclass(frozen=True)
class ClosePayload:
    """A Close frame's payload read leniently: the code and reason as sent, and every rule they break.

    ``code`` is ``None`` for a payload shorter than two bytes. ``problems``
    holds one clause per broken rule, naming the rule and showing the
    server's bytes escaped, without a final full stop so a caller can say
    where it was seen first.
    """

    code: int | None
    reason: bytes
    problems: list[str] = field(default_factory=list)

    @property
    def reason_text(self) -> str:
        """The reason decoded as UTF-8, undecodable bytes replaced."""
        return self.reason.decode("utf-8", errors="replace")


def parse_close_payload(payload: bytes) -> ClosePayload:
    """Read a Close frame's payload: a one-byte payload, an invalid code and a reason that is not UTF-8 are problems."""
    if not payload:
        return ClosePayload(None, b"")
    if len(payload) == 1:
        return ClosePayload(None, b"", [
            f"the close payload is one byte ({printable(payload)}), too short for a status code "
            "(RFC 6455 §5.5.1: a body starts with a two-byte code)"
        ])
    code = int.from_bytes(payload[:2], "big")
    reason = bytes(payload[2:])
    problems = []
    if not is_valid_close_code(code):
        problems.append(f"the close code {code} may not be sent in a Close frame (RFC 6455 §7.4)")
    invalid_at = _invalid_utf8_at(reason)
    if invalid_at is not None:
        problems.append(
            f"the close reason is not valid UTF-8 from byte {invalid_at} on "
            f"({printable(reason[invalid_at:invalid_at + 8])}; RFC 6455 §5.5.1, §8.1)"
        )
    return ClosePayload(code, reason, problems)


def _invalid_utf8_at(data: bytes) -> int | None:
    validator = Utf8Validator()
    validator.feed(data)
    return validator.finish()
