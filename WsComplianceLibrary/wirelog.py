"""Showing raw requests and responses in ``log.html``, safely.

Server bytes are untrusted. Everything shown is first made printable by
:mod:`WsComplianceLibrary.wire.printable` (CR and LF made visible, other
control and non-ASCII bytes written as ``\\xNN``), then HTML-escaped, so no byte from the server can become markup, an escape
sequence on a console, or invalid UTF-8 in ``output.xml``.
"""

from __future__ import annotations

import html
import json

from robot.api import logger

from .wire.http1.response import Response
from .wire.printable import BODY_SHOWN, HEAD_SHOWN, printable, show_bytes

__all__ = ["BODY_SHOWN", "HEAD_SHOWN", "OBSERVED_PREFIX", "log_exchange", "observation", "printable", "show_bytes"]

OBSERVED_PREFIX = "Observed "
"""Prefix of the one-line JSON summary each exchange logs, read back by tools that build reports."""

def log_exchange(response: Response) -> None:
    """Log the exact request sent and bytes received, escaped, to ``log.html``."""
    request_head = response.request.find(b"\r\n\r\n") + 4
    received_head = _head_length(response.raw)
    blocks = [
        _block(f"Request sent to {response.url} ({len(response.request)} bytes)",
               show_bytes(response.request, request_head)),
        _block(f"Bytes received ({len(response.raw)} bytes, outcome: {response.outcome}, "
               f"{response.elapsed * 1000:.1f} ms)",
               show_bytes(response.raw, received_head) if response.raw else "(nothing)"),
    ]
    if response.problems:
        notes = "".join(f"<li>{html.escape(problem)}</li>" for problem in response.problems)
        blocks.append(f"<div>Read leniently:<ul>{notes}</ul></div>")
    logger.info("".join(blocks), html=True)
    logger.info(OBSERVED_PREFIX + json.dumps(observation(response)))


def observation(response: Response) -> dict[str, object]:
    """What an exchange showed, as plain data: outcome, status, printable reason, elapsed seconds."""
    return {
        "outcome": str(response.outcome),
        "status": response.status,
        "reason": printable(response.reason, 80),
        "elapsed": round(response.elapsed, 6),
    }


def _block(title: str, body: str) -> str:
    return (
        f"<details open><summary>{html.escape(title)}</summary>"
        f'<pre style="white-space: pre-wrap">{html.escape(body)}</pre></details>'
    )


def _head_length(raw: bytes) -> int:
    end = raw.find(b"\r\n\r\n")
    return len(raw) if end == -1 else end + 4
