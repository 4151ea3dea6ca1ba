"""Target-wide handshake settings and keeping their secrets out of every file a run writes.

A protected server (one that wants credentials, an ``Origin`` it trusts or
a subprotocol) refuses every handshake without them, and every "must not
switch protocols" verdict then says nothing. :class:`HandshakeSettings`
holds what the user gives once for the target: headers added to every
request (``WS_HEADERS``) and the subprotocols offered (``WS_SUBPROTOCOL``).
A value may name an environment variable as ``%{NAME}``, resolved each time
a request is built, so a token need not sit on a command line or in a file.

The bytes on the wire are exact; only what is shown is masked. The values
of :data:`SENSITIVE_HEADERS` and every value that came from ``%{NAME}`` are
registered as secrets, and :func:`mask` replaces them wherever they would
be shown.

Pure code, no I/O beyond reading ``os.environ``.
"""

from __future__ import annotations

import base64
import os
import re
import ssl
import threading
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

__all__ = [
    "ORIGIN_CHECKS", "SENSITIVE_HEADERS", "ConnectionSettings", "HandshakeSettings", "Proxy", "SettingsError",
    "mask", "mask_header_value", "parse_connection",
    "parse_headers", "parse_origin_check", "parse_subprotocols", "register_secret", "resolve",
]

SENSITIVE_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})
"""Header names whose values are credentials: masked wherever a request or response is shown."""

_HANDSHAKE_HEADERS = {
    "host": "it comes from WS_URL",
    "connection": "the handshake sets it",
    "upgrade": "the handshake sets it",
    "sec-websocket-key": "the handshake sets it",
    "sec-websocket-version": "the handshake sets it",
    "sec-websocket-protocol": "give subprotocols with WS_SUBPROTOCOL",
}
"""Headers ``WS_HEADERS`` may not set, and why: each case spells them itself."""

ORIGIN_CHECKS = ("optional", "required")
"""Values of ``ORIGIN_CHECK``: whether accepting a foreign ``Origin`` is a warning or a failure."""

_ENVIRONMENT_REFERENCE = re.compile(r"%\{([^}]*)\}")
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9_-]*) (?=\S)")

_secrets: set[str] = set()
_secrets_lock = threading.Lock()


class SettingsError(ValueError):
    """A setting cannot be used; the message is one sentence naming it."""


def register_secret(value: str) -> None:
    """Remember ``value`` as a secret, so :func:`mask` hides it from now on (values shorter than 4 characters are
    not hidden: they would mask ordinary words)."""
    if len(value) >= 4:
        with _secrets_lock:
            _secrets.add(value)


def mask(text: str) -> str:
    """``text`` with every registered secret replaced by ``***``."""
    with _secrets_lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, "***")
    return text


def mask_header_value(name: str | bytes, value: str | bytes) -> str:
    """``value`` as shown in a log: a credential header keeps its scheme word and length (``Bearer *** (36
    characters)``), any other keeps its text with registered secrets masked. Bytes (HTTP/2 fields) are read as
    ISO-8859-1."""
    name = name.decode("latin-1") if isinstance(name, bytes) else name
    value = value.decode("latin-1") if isinstance(value, bytes) else value
    if name.strip().lower() not in SENSITIVE_HEADERS:
        return mask(value)
    scheme = _SCHEME.match(value)
    shown = f"{scheme.group(1)} ***" if scheme and scheme.group(1).lower() in _AUTH_SCHEMES else "***"
    return f"{shown} ({len(value)} characters)"


_AUTH_SCHEMES = frozenset({"basic", "bearer", "digest", "negotiate", "ntlm", "token", "hoba", "mutual",
                           "aws4-hmac-sha256"})


def resolve(template: str, setting: str, environ: Mapping[str, str] | None = None) -> str:
    """``template`` with each ``%{NAME}`` replaced by the environment variable ``NAME``, which becomes a secret.

    Raises :class:`SettingsError` naming ``setting`` and the variable when it is not set.
    """
    environ = os.environ if environ is None else environ

    def value_of(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in environ:
            raise SettingsError(f"{setting} names the environment variable %{{{name}}}, which is not set; "
                                "export it before the run.")
        register_secret(environ[name])
        return environ[name]

    return _ENVIRONMENT_REFERENCE.sub(value_of, template)


def parse_headers(value: object, setting: str = "WS_HEADERS") -> tuple[tuple[str, str], ...]:
    """The headers ``value`` gives, in order, as ``(name, value template)`` pairs, checked.

    ``value`` is empty, one ``Name: value`` text (the command line), a
    dictionary (a variable file) or a list of ``Name: value`` texts or
    ``(name, value)`` pairs. The values keep their ``%{NAME}`` references;
    :meth:`HandshakeSettings.headers` resolves them. A header without a
    colon, a name that is not an HTTP token, a value with CR, LF or NUL, an
    unset ``%{NAME}`` or a header the handshake sets itself raises
    :class:`SettingsError`.
    """
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        items: Iterable[object] = [value]
    elif isinstance(value, Mapping):
        items = list(value.items())
    elif isinstance(value, (list, tuple)):
        items = value
    else:
        raise SettingsError(f"{setting} must be 'Name: value' or a dictionary of headers, not {type(value).__name__}.")
    pairs = []
    for item in items:
        if isinstance(item, str):
            name, colon, text = item.partition(":")
            if not colon:
                raise SettingsError(f"{setting} {_shown(item)} is not a header: write it as 'Name: value'.")
            pair = (name.strip(), text.strip())
        elif isinstance(item, (list, tuple)) and len(item) == 2:
            pair = (str(item[0]).strip(), "" if item[1] is None else str(item[1]))
        else:
            raise SettingsError(f"{setting} item {_shown(str(item))} is neither 'Name: value' nor a (name, value) "
                                "pair.")
        pairs.append(_checked(*pair, setting))
    return tuple(pairs)


def _checked(name: str, template: str, setting: str) -> tuple[str, str]:
    if not _TOKEN.fullmatch(name):
        raise SettingsError(f"{setting} header name {_shown(name)} is not an HTTP token (letters, digits and "
                            "!#$%&'*+-.^_`|~ only).")
    reason = _HANDSHAKE_HEADERS.get(name.lower())
    if reason:
        raise SettingsError(f"{setting} may not set {name}: {reason}.")
    for text in (template, resolve(template, setting)):
        if any(character in text for character in "\r\n\0"):
            raise SettingsError(f"{setting} header {name} has a value with CR, LF or NUL, which would end the "
                                "header early; give the value on one line.")
    return name, template


def parse_subprotocols(value: object, setting: str = "WS_SUBPROTOCOL") -> tuple[str, ...]:
    """The subprotocols ``value`` offers, in order: a comma-separated text or a list; each must be an HTTP token."""
    if value is None or value == "":
        return ()
    parts = value.split(",") if isinstance(value, str) else [str(part) for part in value]  # type: ignore[attr-defined]
    names = tuple(part.strip() for part in parts if part.strip())
    for name in names:
        if not _TOKEN.fullmatch(name):
            raise SettingsError(f"{setting} {_shown(name)} is not a subprotocol name: an HTTP token such as "
                                "graphql-transport-ws, several separated by commas.")
    return names


def parse_origin_check(value: object) -> bool:
    """``ORIGIN_CHECK`` as whether a foreign ``Origin`` must be refused (``required``) or should be (``optional``)."""
    word = str(value or "optional").strip().lower()
    if word not in ORIGIN_CHECKS:
        raise SettingsError(f"ORIGIN_CHECK {_shown(str(value))} is neither 'optional' nor 'required'.")
    return word == "required"


def _shown(text: str) -> str:
    return repr(mask(text[:80]))


@dataclass(frozen=True)
class HandshakeSettings:
    """What every request to the target carries: extra headers and the subprotocols offered.

    ``header_templates`` keep ``%{NAME}`` references; :meth:`headers`
    resolves them at each request, so a variable exported mid-run is used.
    """

    header_templates: tuple[tuple[str, str], ...] = ()
    subprotocols: tuple[str, ...] = ()
    foreign_origin: str = "https://attacker.invalid"
    origin_check_required: bool = False

    def __post_init__(self) -> None:
        for name, template in self.header_templates:
            if name.lower() in SENSITIVE_HEADERS:
                register_secret(resolve(template, "WS_HEADERS"))

    def headers(self) -> list[tuple[str, str]]:
        """The headers added to an HTTP/1.1 handshake, in order: ``WS_HEADERS``, then ``Sec-WebSocket-Protocol``."""
        fields = [(name, resolve(template, "WS_HEADERS")) for name, template in self.header_templates]
        if self.subprotocols:
            fields.append(("Sec-WebSocket-Protocol", ", ".join(self.subprotocols)))
        return fields

    def http2_fields(self) -> list[tuple[str, str]]:
        """The same as :meth:`headers`, with lower-case names as HTTP/2 requires (RFC 9113 §8.2.1)."""
        return [(name.lower(), value) for name, value in self.headers()]

    @property
    def credential_names(self) -> tuple[str, ...]:
        """The configured headers that carry credentials (``Authorization``, ``Cookie``, ...), as spelled."""
        return tuple(name for name, _ in self.header_templates if name.lower() in SENSITIVE_HEADERS)

    def describe(self) -> str:
        """A one-line summary for the log, with every value masked."""
        parts = [f"{name}: {mask_header_value(name, resolve(template, 'WS_HEADERS'))}"
                 for name, template in self.header_templates]
        if self.subprotocols:
            parts.append(f"subprotocols {', '.join(self.subprotocols)}")
        return "; ".join(parts) or "none"


@dataclass(frozen=True)
class Proxy:
    """An HTTP proxy reached with ``CONNECT``: where it listens and the ``Proxy-Authorization`` value, if any."""

    host: str
    port: int
    authorization: str = ""


@dataclass(frozen=True)
class ConnectionSettings:
    """How the connection to the target is made: TLS trust and client certificate, and an HTTP ``CONNECT`` proxy.

    ``ca_bundle`` is a PEM file of the CAs to trust instead of the system's
    (a company's private CA); ``client_cert`` and ``client_key`` are the
    PEM certificate and key shown for mutual TLS (the key may sit in the
    certificate's file). ``proxy`` is ``http://[user:password@]host:port``,
    or ``env`` to take ``HTTPS_PROXY``/``HTTP_PROXY`` and ``NO_PROXY`` from
    the environment, as curl does; empty connects directly.
    """

    ca_bundle: str = ""
    client_cert: str = ""
    client_key: str = ""
    proxy: str = ""

    def tls_context(self, verify: bool) -> ssl.SSLContext:
        """A client TLS context: the CA bundle (or the system's CAs) trusted, the client certificate loaded."""
        context = ssl.create_default_context(cafile=self.ca_bundle or None)
        if not verify:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        if self.client_cert:
            context.load_cert_chain(self.client_cert, self.client_key or None)
        return context

    def proxy_for(self, host: str, tls: bool) -> Proxy | None:
        """The proxy to reach ``host`` through, or ``None`` to connect directly."""
        if not self.proxy:
            return None
        url = self.proxy
        if url.lower() == "env":
            proxies = urllib.request.getproxies_environment()
            url = proxies.get("https" if tls else "http") or proxies.get("https") or ""
            if not url or urllib.request.proxy_bypass_environment(host):
                return None
        return _parse_proxy(url)


def _parse_proxy(url: str) -> Proxy:
    parts = urlsplit(url if "://" in url else f"http://{url}")
    if parts.scheme.lower() != "http" or not parts.hostname:
        raise SettingsError(f"WS_PROXY {_shown(url)} is not an HTTP proxy URL such as http://proxy.example:3128.")
    try:
        port = parts.port or 80
    except ValueError:
        raise SettingsError(f"WS_PROXY {_shown(url)} has a port that is not a number from 1 to 65535.") from None
    authorization = ""
    if parts.username is not None:
        credentials = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        register_secret(unquote(parts.password or ""))
        authorization = "Basic " + base64.b64encode(credentials.encode()).decode("ascii")
        register_secret(authorization.split(" ", 1)[1])
    return Proxy(parts.hostname, port, authorization)


def parse_connection(ca_bundle: object = "", client_cert: object = "", client_key: object = "",
                     proxy: object = "") -> ConnectionSettings:
    """The connection settings ``CA_BUNDLE``, ``CLIENT_CERT``, ``CLIENT_KEY`` and ``WS_PROXY`` give, checked.

    Files must exist and load; a proxy must be an ``http://`` URL or ``env``.
    The first problem raises :class:`SettingsError` in one sentence naming the variable.
    """
    settings = ConnectionSettings(*(str(value or "").strip() for value in (ca_bundle, client_cert, client_key, proxy)))
    for name, path in (("CA_BUNDLE", settings.ca_bundle), ("CLIENT_CERT", settings.client_cert),
                       ("CLIENT_KEY", settings.client_key)):
        if path and not os.path.isfile(path):
            raise SettingsError(f"{name} {path!r} is not a file.")
    if settings.client_key and not settings.client_cert:
        raise SettingsError("CLIENT_KEY is set without CLIENT_CERT; give the client certificate too.")
    try:
        settings.tls_context(verify=True)
    except ssl.SSLError as error:
        which = "CA_BUNDLE" if "cafile" in str(error).lower() or not settings.client_cert else "CLIENT_CERT/CLIENT_KEY"
        raise SettingsError(f"{which} could not be loaded as PEM ({error.reason or error}).") from None
    except OSError as error:
        raise SettingsError(f"The TLS files could not be read ({error.strerror or error}).") from None
    if settings.proxy and settings.proxy.lower() != "env":
        _parse_proxy(settings.proxy)
    return settings
