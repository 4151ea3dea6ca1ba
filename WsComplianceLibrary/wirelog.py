"""Showing raw requests and responses in ``log.html``, safely.

Server bytes are untrusted. Everything shown is first made printable by
:mod:`WsComplianceLibrary.wire.printable` (CR and LF made visible, other
control and non-ASCII bytes written as ``\\xNN``), then HTML-escaped, so no byte from the server can become markup, an escape
sequence on a console, or invalid UTF-8 in ``output.xml``.

Secrets are masked before anything is shown (see :mod:`.settings`): the
values of ``Authorization``, ``Proxy-Authorization``, ``Cookie`` and
``Set-Cookie`` lines, and every value that came from a ``%{NAME}``.
"""

from __future__ import annotations

import html
import json

from robot.api import logger

from .settings import SENSITIVE_HEADERS, mask, mask_header_value
from .wire.http1.response import Response
from .wire.printable import BODY_SHOWN, HEAD_SHOWN, printable, show_bytes

__all__ = ["BODY_SHOWN", "HEAD_SHOWN", "OBSERVED_PREFIX", "log_bytes", "log_exchange", "masked_message",
           "observation", "printable", "show_bytes"]

OBSERVED_PREFIX = "Observed "
"""Prefix of the one-line JSON summary each exchange logs, read back by tools that build reports."""

def log_exchange(response: Response) -> None:
    """Log the exact request sent and bytes received, escaped, to ``log.html``."""
    request = masked_message(response.request)
    received = masked_message(response.raw)
    blocks = [
        _block(f"Request sent to {response.url} ({len(response.request)} bytes)",
               show_bytes(request, request.find(b"\r\n\r\n") + 4)),
        _block(f"Bytes received ({len(response.raw)} bytes, outcome: {response.outcome}, "
               f"{response.elapsed * 1000:.1f} ms)",
               show_bytes(received, _head_length(received)) if response.raw else "(nothing)"),
    ]
    if response.problems:
        notes = "".join(f"<li>{html.escape(mask(problem))}</li>" for problem in response.problems)
        blocks.append(f"<div>Read leniently:<ul>{notes}</ul></div>")
    logger.info("".join(blocks), html=True)
    logger.info(OBSERVED_PREFIX + json.dumps(observation(response)))


def log_bytes(title: str, data: bytes, http_message: bool = False) -> None:
    """Log ``data`` under ``title`` as one escaped block; an HTTP message (``http_message``) with its secrets masked."""
    shown = masked_message(data) if http_message else data
    logger.info(_block(title, show_bytes(shown, len(shown))), html=True)


def observation(response: Response) -> dict[str, object]:
    """What an exchange showed, as plain data: outcome, status, printable reason, elapsed seconds."""
    return {
        "outcome": str(response.outcome),
        "status": response.status,
        "reason": printable(response.reason, 80),
        "elapsed": round(response.elapsed, 6),
    }


def masked_message(data: bytes) -> bytes:
    """An HTTP/1.x request or response as it may be shown: credential header values and registered secrets masked.

    Only the copy shown changes; the byte counts in the log are those of the real message.
    """
    text = data.decode("latin-1")
    end = text.find("\r\n\r\n")
    head, rest = (text, "") if end == -1 else (text[:end], text[end:])
    lines = head.split("\r\n")
    for index, line in enumerate(lines[1:], start=1):
        name, colon, value = line.partition(":")
        if colon and name.strip().lower() in SENSITIVE_HEADERS:
            lines[index] = f"{name}: {mask_header_value(name, value.strip())}"
    return mask("\r\n".join(lines) + rest).encode("latin-1", "replace")


def _block(title: str, body: str) -> str:
    return (
        f"<details open><summary>{html.escape(title)}</summary>"
        f'<pre style="white-space: pre-wrap">{html.escape(body)}</pre></details>'
    )


def _head_length(raw: bytes) -> int:
    end = raw.find(b"\r\n\r\n")
    return len(raw) if end == -1 else end + 4
