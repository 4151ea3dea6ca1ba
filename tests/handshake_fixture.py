"""A small WebSocket handshake responder of our own, correct by default, that breaks rules on request.

Each name in :data:`VIOLATIONS` switches off exactly one check or adds
exactly one fault, so a test can show that the case guarding that rule fails
and the others do not.
"""

from __future__ import annotations

import base64
import binascii
import socket
import threading

from WsComplianceLibrary.wire.http1.request import SAMPLE_KEY, accept_for_key

VIOLATIONS = (
    "any-method",  # switches protocols whatever the method
    "http10",  # switches protocols on HTTP/1.0
    "host",  # ignores missing or repeated Host
    "upgrade-check",  # ignores the Upgrade header's value, even its absence
    "switch-to-any-protocol",  # switches to whatever protocol Upgrade names, as a generic upgrade handler would
    "connection-check",  # ignores the Connection header, even its absence
    "case-sensitive-upgrade",  # accepts only the exact spelling "websocket"
    "connection-exact",  # accepts only the exact value "Upgrade"
    "case-sensitive-names",  # finds header fields only under their canonical spelling
    "key-check",  # accepts any key, even none
    "duplicate-key",  # takes the first of several keys
    "version-check",  # accepts any version, even none
    "duplicate-version",  # takes the first of several versions
    "refusal-without-versions",  # refuses versions with 426 but no Sec-WebSocket-Version
    "version-200",  # answers 200 to an unsupported version
    "wrong-accept",  # always sends the accept value of the RFC's sample key
    "duplicate-accept",  # sends Sec-WebSocket-Accept twice
    "no-upgrade-in-101",  # leaves Upgrade out of the 101
    "no-connection-in-101",  # leaves Connection out of the 101
    "content-length-on-101",  # adds Content-Length: 0 to the 101
    "always-select-protocol",  # selects subprotocol "chat" whatever was offered
    "select-all-offered",  # selects every subprotocol offered
    "echo-extensions",  # accepts every extension offered
    "credentials-check",  # switches protocols without the credentials it asks for
    "origin-check",  # accepts a handshake from any Origin
)

TOKEN = "fixture-token-7f3a"
"""The bearer token the fixture wants when asked to (``behaviour(..., token=True)``)."""

_KNOWN_METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"}
_CANONICAL = {
    name.lower(): name
    for name in ("Host", "Upgrade", "Connection", "Sec-WebSocket-Key", "Sec-WebSocket-Version",
                 "Sec-WebSocket-Protocol", "Sec-WebSocket-Extensions", "Authorization", "Origin")
}


def _tokens(values: list[str]) -> list[str]:
    return [token.strip() for value in values for token in value.split(",") if token.strip()]


def _answer(status: str, *headers: str) -> bytes:
    lines = [f"HTTP/1.1 {status}", *headers, "Content-Length: 0", "Connection: close", "", ""]
    return "\r\n".join(lines).encode("latin-1")


def _valid_key(key: str) -> bool:
    try:
        return len(base64.b64decode(key, validate=True)) == 16
    except (binascii.Error, ValueError):
        return False


def respond(head: bytes, violations: frozenset[str] = frozenset(), token: bool = False) -> bytes:
    """The answer to the request ``head``: correct, except for the named ``violations``.

    With ``token``, a handshake must carry ``Authorization: Bearer`` :data:`TOKEN` (else ``401``), as a
    protected endpoint's must. Any ``Origin`` is refused with ``403``: the fixture serves no web page.
    """
    lines = head.decode("latin-1").split("\r\n")
    method, _, rest = lines[0].partition(" ")
    version = rest.rpartition(" ")[2]
    fields = [(name.strip(), value.strip()) for name, _, value in (line.partition(":") for line in lines[1:])]

    def values(name: str) -> list[str]:
        if "case-sensitive-names" in violations:
            return [value for field, value in fields if field == _CANONICAL[name.lower()]]
        return [value for field, value in fields if field.lower() == name.lower()]

    if token and values("Authorization") != [f"Bearer {TOKEN}"] and "credentials-check" not in violations:
        return _answer("401 Unauthorized", "WWW-Authenticate: Bearer")
    if method != "GET" and "any-method" not in violations:
        if method not in _KNOWN_METHODS:
            return _answer("501 Not Implemented")
        return _answer("405 Method Not Allowed", "Allow: GET")
    if version != "HTTP/1.1" and "http10" not in violations:
        return _answer("426 Upgrade Required", "Upgrade: websocket")
    if len(values("Host")) != 1 and "host" not in violations:
        return _answer("400 Bad Request")
    upgrade = _tokens(values("Upgrade"))
    wanted = upgrade if "case-sensitive-upgrade" in violations else [token.lower() for token in upgrade]
    connection = values("Connection")
    has_upgrade = connection == ["Upgrade"] if "connection-exact" in violations else (
        "upgrade" in [token.lower() for token in _tokens(connection)])
    if upgrade and "websocket" not in wanted and has_upgrade and "switch-to-any-protocol" in violations:
        return ("\r\n".join(["HTTP/1.1 101 Switching Protocols", f"Upgrade: {upgrade[0]}", "Connection: Upgrade",
                             "", ""])).encode("latin-1")
    if "websocket" not in wanted and "upgrade-check" not in violations:
        return _answer("426 Upgrade Required", "Upgrade: websocket")
    if not has_upgrade and "connection-check" not in violations:
        return _answer("400 Bad Request")
    keys = values("Sec-WebSocket-Key")
    if len(keys) > 1 and "duplicate-key" not in violations:
        return _answer("400 Bad Request")
    key = keys[0] if keys else ""
    if not _valid_key(key) and "key-check" not in violations:
        return _answer("400 Bad Request")
    versions = values("Sec-WebSocket-Version")
    if len(versions) > 1 and "duplicate-version" not in violations:
        return _answer("400 Bad Request")
    if versions[:1] != ["13"] and "version-check" not in violations:
        if "version-200" in violations:
            return _answer("200 OK")
        listing = () if "refusal-without-versions" in violations else ("Sec-WebSocket-Version: 13",)
        return _answer("426 Upgrade Required", "Upgrade: websocket", *listing)
    if values("Origin") and "origin-check" not in violations:
        return _answer("403 Forbidden")
    return _switch(key, _tokens(values("Sec-WebSocket-Protocol")), values("Sec-WebSocket-Extensions"), violations)


def _switch(key: str, protocols: list[str], extensions: list[str], violations: frozenset[str]) -> bytes:
    accept = accept_for_key(SAMPLE_KEY if "wrong-accept" in violations else key)
    headers = ["HTTP/1.1 101 Switching Protocols"]
    if "no-upgrade-in-101" not in violations:
        headers.append("Upgrade: websocket")
    if "no-connection-in-101" not in violations:
        headers.append("Connection: Upgrade")
    headers += [f"Sec-WebSocket-Accept: {accept}"] * (2 if "duplicate-accept" in violations else 1)
    if "content-length-on-101" in violations:
        headers.append("Content-Length: 0")
    if "always-select-protocol" in violations:
        headers.append("Sec-WebSocket-Protocol: chat")
    elif "select-all-offered" in violations and protocols:
        headers.append(f"Sec-WebSocket-Protocol: {', '.join(protocols)}")
    if "echo-extensions" in violations and extensions:
        headers.append(f"Sec-WebSocket-Extensions: {', '.join(extensions)}")
    return ("\r\n".join([*headers, "", ""])).encode("latin-1")


def behaviour(*violations: str, token: bool = False):
    """A :class:`servers.FixtureServer` behaviour that answers with :func:`respond`."""
    unknown = set(violations) - set(VIOLATIONS)
    assert not unknown, unknown
    chosen = frozenset(violations)

    def answer(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
        conn.sendall(respond(head, chosen, token))
        stop.wait(0.2)

    return answer
