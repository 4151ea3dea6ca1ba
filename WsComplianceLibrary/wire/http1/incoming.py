"""The server's side of HTTP/1.1, sans-I/O: reading a client's request head, writing any response head.

:class:`RequestReader` is fed what a client sends and reads one request
head (request line and header fields) leniently, as
:class:`~.response.ResponseParser` reads a response: the bytes after the
blank line (a client's first frames) are kept in
:attr:`RequestReader.trailing`. :func:`build_response` writes a status
line and header fields exactly as given, valid or not, so a case can answer
a WebSocket client with precisely the mistake it checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..printable import printable
from .response import MAX_HEAD, Headers

__all__ = ["RequestReader", "build_response"]

_REQUEST_LINE = re.compile(rb"^([!#$%&'*+\-.^_`|~0-9A-Za-z]+) (\S+) (HTTP/\d\.\d)$")
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")


class RequestReader:
    """Incremental reader of one HTTP/1.x request head.

    Call :meth:`feed` with each chunk received until :attr:`done`; then
    :attr:`method`, :attr:`target`, :attr:`http_version` and
    :attr:`headers` hold the request, or :attr:`invalid` says in one
    sentence why the bytes are not one. Heads longer than ``max_head``
    bytes are refused before they are buffered further.
    """

    def __init__(self, max_head: int = MAX_HEAD) -> None:
        self._max_head = max_head
        self._buffer = bytearray()
        self.raw = b""
        """The request head as received, blank line included."""
        self.done = False
        self.invalid: str | None = None
        self.method = ""
        self.target = ""
        self.http_version = ""
        self.headers = Headers()
        self.trailing = b""
        """Bytes received after the head: what the client sent before reading the answer."""

    def feed(self, data: bytes) -> None:
        """Take bytes received from the client; after :attr:`done`, they go to :attr:`trailing`."""
        if self.done:
            self.trailing += data
            return
        self._buffer += data
        end = _BLANK_LINE.search(self._buffer)
        if end is None:
            if len(self._buffer) > self._max_head:
                self._reject(f"sent more than {self._max_head} bytes without ending a request head")
            return
        head = bytes(self._buffer[:end.start()])
        self.raw = bytes(self._buffer[:end.end()])
        self.trailing = bytes(self._buffer[end.end():])
        self._buffer.clear()
        self.done = True
        lines = [line.rstrip(b"\r") for line in head.split(b"\n")]
        match = _REQUEST_LINE.match(lines[0])
        if match is None:
            self.invalid = f"sent a first line that is not an HTTP request line ({printable(lines[0], 80)})"
            return
        method, target, version = (part.decode("latin-1") for part in match.groups())
        self.method, self.target, self.http_version = method, target, version
        pairs = []
        for line in lines[1:]:
            name, colon, value = line.partition(b":")
            if colon and name and name == name.strip():
                pairs.append((name.decode("latin-1"), value.strip(b" \t").decode("latin-1")))
        self.headers = Headers(pairs)

    def feed_eof(self) -> None:
        """The client closed its side before the head ended."""
        if not self.done:
            self._reject("closed the connection before the end of its request head")

    def _reject(self, reason: str) -> None:
        self.invalid = reason
        self.done = True


def build_response(status_line: str, headers: Iterable[tuple[str, str]], body: bytes = b"") -> bytes:
    """A response head (and ``body``), byte for byte: ``status_line``, then each header field as given, in order.

    Nothing is checked or added: a case may send any status line and any
    header spelling. Text is written as ISO-8859-1; :class:`ValueError`
    when it is not.
    """
    lines = [status_line, *(f"{name}: {value}" for name, value in headers)]
    try:
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    except UnicodeEncodeError:
        raise ValueError(f"The response head {lines!r} is not ISO-8859-1 text.") from None
    return head + body
