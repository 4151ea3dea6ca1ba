"""Keywords that send requests with exact bytes and return what came back."""

from __future__ import annotations

from datetime import timedelta

from robot.api import logger
from robotlibcore import keyword

from ..context import KeywordError, LibraryContext, seconds
from ..wire.http1.request import SAMPLE_KEY, RequestError, build_upgrade_request, new_key
from ..wire.http1.response import Response
from ..target import Target
from ..transport.http1 import exchange
from ..wirelog import log_exchange
from .arguments import HeaderArgument, header_pairs


class ExchangeKeywords:
    """Sending requests."""

    def __init__(self, context: LibraryContext) -> None:
        self.ctx = context

    @keyword(tags=["handshake"])
    def send_raw_upgrade_with_method(
        self,
        method: str,
        path: str | None = None,
        http_version: str = "HTTP/1.1",
        headers: HeaderArgument = None,
        body: bytes | None = None,
        key: str | None = None,
        timeout: timedelta | None = None,
    ) -> Response:
        """Sends the standard opening handshake with ``method`` on a new connection and returns the response.

        The request is, byte for byte, with ``Host`` taken from the target:
        | POST / HTTP/1.1\\r\\n
        | Host: 127.0.0.1:8080\\r\\n
        | Connection: Upgrade\\r\\n
        | Upgrade: websocket\\r\\n
        | Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\n
        | Sec-WebSocket-Version: 13\\r\\n
        | \\r\\n

        ``method`` is sent exactly as given (``POST``, ``get``, ``FOO``).
        ``path`` replaces the target's path and query. ``headers`` changes the
        header block: a dictionary or a list of ``(name, value)`` pairs; a name
        matching a standard header replaces it in place (spelled as given), a
        value of ``None`` removes it, a name listed twice is sent twice, other
        names are appended. ``body`` is sent after the header block as given;
        no ``Content-Length`` is added. ``key`` replaces the sample key (see
        `Generate WebSocket Key`). ``timeout`` bounds the whole exchange.

        The connection is closed after one response is read. The exact bytes
        sent and received are logged. The keyword fails only when the request
        cannot be built or the target cannot be reached; what the server does
        is judged by the assertion keywords.

        Example:
        | ${response} = | Send Raw Upgrade With Method | POST |
        | Status Should Not Be 101 | ${response} |
        | ${response} = | Send Raw Upgrade With Method | POST | headers={"Content-Length": "5"} | body=hello |
        | ${response} = | Send Raw Upgrade With Method | GET | headers={"Connection": None} |
        """
        target = self.ctx.require_target()
        try:
            request = build_upgrade_request(
                method,
                path if path is not None else target.path,
                target.authority,
                http_version,
                header_pairs(headers),
                body,
                key if key is not None else SAMPLE_KEY,
                self.ctx.target_headers(),
            )
        except RequestError as error:
            raise KeywordError(f"{error} Nothing was sent.") from None
        return self._exchange(target, request, timeout, method)

    @keyword(tags=["handshake"])
    def send_raw_upgrade(
        self,
        path: str | None = None,
        http_version: str = "HTTP/1.1",
        headers: HeaderArgument = None,
        body: bytes | None = None,
        key: str | None = None,
        timeout: timedelta | None = None,
    ) -> Response:
        """Sends the standard opening handshake with ``GET``, changed as asked, and returns the response.

        Same as `Send Raw Upgrade With Method` with ``GET``; see it for the
        arguments.

        Example:
        | ${key} = | Generate WebSocket Key |
        | ${response} = | Send Raw Upgrade | key=${key} |
        | Accept Header Should Match Key | ${response} | ${key} |
        | ${response} = | Send Raw Upgrade | headers={"Sec-WebSocket-Version": "99"} |
        """
        return self.send_raw_upgrade_with_method("GET", path, http_version, headers, body, key, timeout)

    @keyword(tags=["handshake"])
    def send_raw_request(self, data: bytes, timeout: timedelta | None = None) -> Response:
        """Sends ``data`` exactly as given on a new connection to the target and returns the response.

        For requests the builder refuses on purpose: CR or LF inside a header,
        a method with spaces, a malformed request line. Robot escapes such as
        ``\\r\\n`` and ``\\x00`` in the argument become those bytes.

        Example:
        | ${response} = | Send Raw Request | GET / HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nX-Bad: a\\rb\\r\\n\\r\\n |
        | Status Should Not Be 101 | ${response} |
        """
        target = self.ctx.require_target()
        method = data.split(b" ", 1)[0].decode("latin-1")
        return self._exchange(target, data, timeout, method)

    @keyword("Generate WebSocket Key", tags=["handshake"])
    def generate_websocket_key(self) -> str:
        """Returns a fresh random ``Sec-WebSocket-Key`` (base64 of 16 random bytes) and logs it.

        Use a fresh key where a server could hard-code the answer to the RFC's sample key.

        Example:
        | ${key} = | Generate WebSocket Key |
        | ${response} = | Send Raw Upgrade | key=${key} |
        """
        key = new_key()
        logger.info(f"Sec-WebSocket-Key for this request: {key}")
        return key

    def _exchange(self, target: Target, request: bytes, timeout: timedelta | None, method: str) -> Response:
        response = exchange(target, request, seconds(timeout, self.ctx.timeout), self.ctx.verify, method)
        log_exchange(response)
        if not response.outcome.connected:
            raise KeywordError(f"Could not reach {target.url}: {response.detail}.")
        return response
