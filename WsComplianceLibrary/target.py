"""Where requests go: parsing and validating a target URL.

Pure functions only; nothing here opens a socket.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .settings import ConnectionSettings

__all__ = ["Target", "TargetError", "parse_target"]

_SCHEMES = {
    "ws": (False, 80),
    "http": (False, 80),
    # Cleartext like ws://; it also tells the HTTP/2 cases to speak HTTP/2 with prior knowledge.
    "h2c": (False, 80),
    "wss": (True, 443),
    "https": (True, 443),
}


class TargetError(ValueError):
    """The URL given as a target cannot be used; the message says why."""


@dataclass(frozen=True)
class Target:
    """A parsed target: where to connect and what to put in the request line.

    ``host`` is the bare host name or address (no brackets around IPv6),
    ``authority`` is what goes into the ``Host`` header (brackets kept, port
    kept only when the URL spelled one out), ``path`` is the request target
    (path plus query, ``/`` when the URL has none). ``connection`` says
    how to reach it: TLS trust, client certificate, proxy.
    """

    url: str
    scheme: str
    host: str
    port: int
    path: str
    authority: str
    connection: ConnectionSettings = field(default=ConnectionSettings(), compare=False)

    @property
    def tls(self) -> bool:
        """Whether the connection is wrapped in TLS (``wss://``, ``https://``)."""
        return _SCHEMES[self.scheme][0]

    @property
    def http_url(self) -> str:
        """The same endpoint as an ``http://`` or ``https://`` URL, for HTTP clients."""
        scheme = "https" if self.tls else "http"
        return f"{scheme}://{self.authority}{self.path}"

    @property
    def origin(self) -> str:
        """``scheme://authority`` with the HTTP scheme, without the path."""
        scheme = "https" if self.tls else "http"
        return f"{scheme}://{self.authority}"


def parse_target(url: str) -> Target:
    """Parse ``url`` into a :class:`Target`, or raise :class:`TargetError`.

    Accepts ``ws``, ``wss``, ``http``, ``https`` and ``h2c`` URLs with a host name, an
    IPv4 address or a bracketed IPv6 literal, an optional port (1-65535) and
    an optional path with query. Fragments and user information are refused:
    neither has a place in an opening handshake.
    """
    if not isinstance(url, str) or not url.strip():
        raise TargetError("Target URL is empty; give one like ws://127.0.0.1:8080/chat.")
    text = url.strip()
    if any(ord(ch) < 0x21 or ord(ch) == 0x7F for ch in text):
        raise TargetError(f"Target URL {text!r} contains spaces or control characters.")
    try:
        parts = urlsplit(text)
    except ValueError as error:
        raise TargetError(f"Target URL {text!r} is not a valid URL: {error}.") from None
    scheme = parts.scheme.lower()
    if scheme not in _SCHEMES:
        shown = parts.scheme or "(none)"
        raise TargetError(
            f"Target URL {text!r} has scheme {shown!r}; use ws://, wss://, http://, https:// or h2c://."
        )
    if parts.username is not None or parts.password is not None:
        raise TargetError(f"Target URL {text!r} contains user information, which a handshake cannot use.")
    if parts.fragment:
        raise TargetError(f"Target URL {text!r} contains a fragment (#...), which RFC 6455 §3 forbids.")
    host = parts.hostname or ""
    if not host:
        raise TargetError(f"Target URL {text!r} has no host.")
    try:
        explicit_port = parts.port
    except ValueError:
        raise TargetError(f"Target URL {text!r} has a port that is not a number from 1 to 65535.") from None
    if explicit_port == 0:
        raise TargetError(f"Target URL {text!r} has port 0; give a port from 1 to 65535.")
    port = explicit_port or _SCHEMES[scheme][1]
    bracketed = _bracket_if_ipv6(host)
    authority = bracketed if explicit_port is None else f"{bracketed}:{explicit_port}"
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return Target(url=text, scheme=scheme, host=host, port=port, path=path, authority=authority)


def _bracket_if_ipv6(host: str) -> str:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    return f"[{host}]" if address.version == 6 else host
