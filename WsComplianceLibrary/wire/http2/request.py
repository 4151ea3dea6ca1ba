"""The header list of an extended CONNECT request (RFC 8441 §4), changed as a case asks; pure functions.

Nothing is normalised: names, values and order are sent exactly as listed,
pseudo-header fields included, so a case can remove ``:path``, put
``:protocol`` on a GET or add HTTP/1.1 connection fields, all of which an
HTTP/2 server must refuse.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..http1.request import HeaderOverrides, RequestError, add_target_headers, apply_header_overrides

__all__ = ["WEBSOCKET_VERSION", "extended_connect_fields", "field_values"]

WEBSOCKET_VERSION = "13"


def extended_connect_fields(
    scheme: str, path: str, authority: str, overrides: HeaderOverrides | None = None,
    target_fields: Iterable[tuple[str, str]] = (),
) -> list[tuple[bytes, bytes]]:
    """The fields of a correct extended CONNECT for WebSocket, then ``overrides`` applied.

    The correct request (RFC 8441 §4 and §5) is, in this order:
    ``:method: CONNECT``, ``:protocol: websocket``, ``:scheme``, ``:path``,
    ``:authority``, ``sec-websocket-version: 13``. ``overrides`` follow
    :data:`~WsComplianceLibrary.wire.http1.request.HeaderOverrides`: a name
    already listed is replaced in place, ``None`` removes it, other names are
    appended. ``target_fields`` (the target's settings, lower-case) follow,
    except those ``overrides`` name. Raises :class:`RequestError` for text
    HPACK cannot carry as given.
    """
    standard = [
        (":method", "CONNECT"),
        (":protocol", "websocket"),
        (":scheme", scheme),
        (":path", path),
        (":authority", authority),
        ("sec-websocket-version", WEBSOCKET_VERSION),
    ]
    fields = []
    for name, value in add_target_headers(apply_header_overrides(standard, overrides), overrides, target_fields):
        try:
            fields.append((name.encode("latin-1"), str(value).encode("latin-1")))
        except UnicodeEncodeError:
            raise RequestError(f"Header field {name!r} has characters outside Latin-1, which are sent as bytes only "
                               "when written as \\xNN escapes.") from None
    return fields


def field_values(fields: list[tuple[bytes, bytes]], name: str) -> list[str]:
    """Every value of field ``name`` (matched case-insensitively) in ``fields``, in order, as text."""
    wanted = name.lower().encode("latin-1")
    return [value.decode("latin-1") for key, value in fields if key.lower() == wanted]
