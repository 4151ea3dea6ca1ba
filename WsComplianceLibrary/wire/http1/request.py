"""Building opening-handshake requests as exact bytes.

Pure functions, no I/O. The builder never normalises: method, target,
version, header names and values are written exactly as given, in the order
given, so a case can spell a request the way it needs to.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Iterable, Mapping
from typing import Union

__all__ = [
    "ACCEPT_GUID",
    "HeaderOverrides",
    "RequestError",
    "SAMPLE_KEY",
    "accept_for_key",
    "add_target_headers",
    "apply_header_overrides",
    "build_request",
    "build_upgrade_request",
    "new_key",
    "standard_upgrade_headers",
]

SAMPLE_KEY = "dGhlIHNhbXBsZSBub25jZQ=="
"""The sample nonce of RFC 6455 §1.3, used when a case does not ask for a fresh key."""

ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
"""The GUID RFC 6455 §1.3 appends to the key before hashing it into Sec-WebSocket-Accept."""

HeaderOverrides = Union[Mapping[str, "str | None"], Iterable[tuple[str, "str | None"]]]
"""Header changes: a mapping or a sequence of ``(name, value)`` pairs.

A name that matches a standard header (case-insensitively) replaces it at the
same position, with the name spelled as given; ``None`` removes it. A name
given more than once is sent once per value. Other names are appended in
the order given.
"""

_TOKEN_CHARS = frozenset("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


class RequestError(ValueError):
    """The request cannot be built as asked; the message says why."""


def new_key() -> str:
    """Return a fresh ``Sec-WebSocket-Key``: base64 of 16 random bytes (RFC 6455 §4.1)."""
    return base64.b64encode(os.urandom(16)).decode("ascii")


def accept_for_key(key: str) -> str:
    """Return the ``Sec-WebSocket-Accept`` value a server must send for ``key`` (RFC 6455 §4.2.2)."""
    digest = hashlib.sha1((key + ACCEPT_GUID).encode("latin-1")).digest()
    return base64.b64encode(digest).decode("ascii")


def standard_upgrade_headers(authority: str, key: str = SAMPLE_KEY) -> list[tuple[str, str]]:
    """The header block of a correct client handshake, in the order it is sent."""
    return [
        ("Host", authority),
        ("Connection", "Upgrade"),
        ("Upgrade", "websocket"),
        ("Sec-WebSocket-Key", key),
        ("Sec-WebSocket-Version", "13"),
    ]


def apply_header_overrides(
    base: list[tuple[str, str]], overrides: HeaderOverrides | None
) -> list[tuple[str, str]]:
    """Return ``base`` with ``overrides`` applied (see :data:`HeaderOverrides`)."""
    if not overrides:
        return list(base)
    pairs = _override_pairs(overrides)
    replacements: dict[str, list[tuple[str, str | None]]] = {}
    for pair in pairs:
        if not (isinstance(pair, (tuple, list)) and len(pair) == 2):
            raise RequestError(f"Header override {pair!r} is not a (name, value) pair.")
        name, value = pair
        replacements.setdefault(str(name).lower(), []).append((str(name), value))
    result: list[tuple[str, str]] = []
    for name, value in base:
        replacement = replacements.pop(name.lower(), None)
        if replacement is None:
            result.append((name, value))
        else:
            result.extend((new_name, new_value) for new_name, new_value in replacement if new_value is not None)
    for replacement in replacements.values():
        result.extend((name, value) for name, value in replacement if value is not None)
    return result


def add_target_headers(
    headers: list[tuple[str, str]], overrides: HeaderOverrides | None, target_headers: Iterable[tuple[str, str]]
) -> list[tuple[str, str]]:
    """``headers`` followed by the target's own headers (credentials, ``Origin``, subprotocols).

    A target header is left out when ``overrides`` name it (to set, remove
    or repeat it): a case keeps its own bytes for the header it is about.
    The target's headers come last, so a case's request is byte for byte
    what it was without them, up to the added lines.
    """
    mentioned = {str(name).lower() for name, _ in _override_pairs(overrides)}
    return [*headers, *((name, value) for name, value in target_headers if name.lower() not in mentioned)]


def _override_pairs(overrides: HeaderOverrides | None) -> list[tuple[str, str | None]]:
    if not overrides:
        return []
    return list(overrides.items()) if isinstance(overrides, Mapping) else list(overrides)


def build_request(
    method: str,
    target: str,
    http_version: str,
    headers: Iterable[tuple[str, str]],
    body: bytes | None = None,
) -> bytes:
    """Serialise a request line, headers and optional body, exactly as given.

    Raises :class:`RequestError` when a part would change the framing of the
    request: a method that is not a token, a target or version with white
    space, or a header name or value containing CR, LF or NUL. Requests that
    need such bytes on purpose are sent with ``Send Raw Request``.
    """
    _check_method(method)
    for label, part in (("request target", target), ("HTTP version", http_version)):
        if not part or any(ch in part for ch in " \t\r\n\0"):
            raise RequestError(
                f"The {label} {part!r} is empty or contains white space, CR, LF or NUL; "
                "use Send Raw Request to send such bytes on purpose."
            )
    lines = [f"{method} {target} {http_version}"]
    for name, value in headers:
        _check_header(name, value)
        lines.append(f"{name}: {value}")
    try:
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    except UnicodeEncodeError:
        raise RequestError(
            f"The request line {lines[0]!r} is not ISO-8859-1 text; use Send Raw Request to send other bytes."
        ) from None
    return head + (body or b"")


def build_upgrade_request(
    method: str,
    path: str,
    authority: str,
    http_version: str = "HTTP/1.1",
    headers: HeaderOverrides | None = None,
    body: bytes | None = None,
    key: str = SAMPLE_KEY,
    target_headers: Iterable[tuple[str, str]] = (),
) -> bytes:
    """Build the standard opening handshake with ``method``, changed by ``headers``, then ``target_headers``.

    With no overrides and ``method="POST"`` this is, byte for byte::

        POST / HTTP/1.1\\r\\n
        Host: <authority>\\r\\n
        Connection: Upgrade\\r\\n
        Upgrade: websocket\\r\\n
        Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\n
        Sec-WebSocket-Version: 13\\r\\n
        \\r\\n

    No ``Content-Length`` is added for ``body``: a case that wants one says so.
    ``target_headers`` (the target's settings) follow, as
    :func:`add_target_headers` says.
    """
    header_list = add_target_headers(apply_header_overrides(standard_upgrade_headers(authority, key), headers),
                                     headers, target_headers)
    return build_request(method, path, http_version, header_list, body)


def _check_method(method: str) -> None:
    if not method or not set(method) <= _TOKEN_CHARS:
        raise RequestError(
            f"Method {method!r} is not an HTTP token (RFC 9110 §9.1): it is empty or contains "
            "spaces, CR, LF or other separators; use Send Raw Request to send such bytes on purpose."
        )


def _check_header(name: str, value: str) -> None:
    if not name or not set(name) <= _TOKEN_CHARS:
        raise RequestError(
            f"Header name {name!r} is not an HTTP token (RFC 9110 §5.1); "
            "use Send Raw Request to send such bytes on purpose."
        )
    if any(ch in value for ch in "\r\n\0"):
        raise RequestError(
            f"Header {name!r} has a value containing CR, LF or NUL ({value!r}); "
            "use Send Raw Request to send such bytes on purpose."
        )
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        raise RequestError(
            f"Header {name!r} has a value {value!r} that is not ISO-8859-1 text; "
            "use Send Raw Request to send other bytes."
        ) from None
