"""Showing raw requests and responses in ``log.html``, safely.

Server bytes are untrusted. Everything shown is first made printable (CR and
LF made visible, other control and non-ASCII bytes written as ``\\xNN``),
then HTML-escaped, so no byte from the server can become markup, an escape
sequence on a console, or invalid UTF-8 in ``output.xml``.
"""

from __future__ import annotations

import html
import json

from robot.api import logger

from .wire.http1.response import Response

__all__ = ["OBSERVED_PREFIX", "log_exchange", "observation", "printable", "show_bytes"]

OBSERVED_PREFIX = "Observed "
"""Prefix of the one-line JSON summary each exchange logs, read back by tools that build reports."""

BODY_SHOWN = 2048
"""Bytes of a body (or of anything after the header block) shown before truncating."""

HEAD_SHOWN = 16384
"""Bytes of a header block shown before truncating (servers may send endless ones)."""

_SPECIAL = {0x09: "\\t", 0x0D: "\\r", 0x5C: "\\\\"}


def printable(data: bytes | str, limit: int | None = 200) -> str:
    """One-line printable form of ``data`` for messages: control and non-ASCII bytes escaped.

    The slash after a scheme's colon is written ``\\x2f`` too: Robot turns
    ``scheme://...`` in a plain message into a link in log.html and
    report.html, and a server must not plant one (``javascript://``).
    """
    raw = data.encode("latin-1", errors="replace") if isinstance(data, str) else data
    text = "".join(_byte(b, keep_newline=False) for b in raw[:limit]).replace("://", ":\\x2f/")
    if limit is not None and len(raw) > limit:
        text += f"... ({len(raw) - limit} more bytes)"
    return text


def show_bytes(data: bytes, head_length: int | None = None, limit: int = BODY_SHOWN) -> str:
    """Multi-line printable form of ``data``, each line ending in a visible ``\\r\\n``.

    The first ``head_length`` bytes (the header block) are shown up to
    :data:`HEAD_SHOWN`; at most ``limit`` bytes after them are shown,
    followed by a note of how many were left out.
    """
    head_length = 0 if head_length is None else min(head_length, HEAD_SHOWN)
    shown = data[: head_length + limit]
    text = "".join(_byte(b, keep_newline=True) for b in shown)
    if len(data) > len(shown):
        text += f"\n[... {len(data) - len(shown)} more bytes not shown]"
    return text


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


def _byte(value: int, keep_newline: bool) -> str:
    if value == 0x0A:
        return "\\n\n" if keep_newline else "\\n"
    if value in _SPECIAL:
        return _SPECIAL[value]
    if 0x20 <= value < 0x7F:
        return chr(value)
    return f"\\x{value:02x}"
