"""Making untrusted bytes printable: one line for messages, several for logs; no Robot, no sockets.

Control and non-ASCII bytes become ``\\xNN``, CR and LF are made visible,
and nothing a server sends can become an escape sequence on a console or
invalid UTF-8 in ``output.xml``. HTML escaping is the logging layer's job
(:mod:`WsComplianceLibrary.wirelog`).
"""

from __future__ import annotations

__all__ = ["BODY_SHOWN", "HEAD_SHOWN", "printable", "show_bytes"]

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


def _byte(value: int, keep_newline: bool) -> str:
    if value == 0x0A:
        return "\\n\n" if keep_newline else "\\n"
    if value in _SPECIAL:
        return _SPECIAL[value]
    if 0x20 <= value < 0x7F:
        return chr(value)
    return f"\\x{value:02x}"
