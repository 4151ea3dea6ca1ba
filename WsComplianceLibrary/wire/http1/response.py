"""Reading one HTTP/1.x response from untrusted bytes, without I/O.

:class:`ResponseParser` is fed whatever the socket delivers and says when it
has read enough: the end of the header block for ``101`` and bodiless
answers, else the body framed by ``Content-Length``, chunked coding or the
close of the connection, always under size caps. Interim ``1xx`` answers
other than ``101`` are kept aside and the final answer is read after them.
The parser is lenient where a lenient reading still says what the server
meant (LF-only line ends, obs-fold, a missing reason phrase) and records
each such liberty in :attr:`Response.problems`; bytes that are not an HTTP
response at all end the reading as :attr:`Outcome.INVALID`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from ..printable import printable

__all__ = [
    "Headers",
    "Interim",
    "MAX_BODY",
    "MAX_HEAD",
    "MAX_INTERIM",
    "Outcome",
    "Response",
    "ResponseParser",
]

MAX_HEAD = 64 * 1024
"""Largest header block read (status line and fields); more is not an answer."""

MAX_BODY = 1024 * 1024
"""Largest body kept; the rest is not read."""

MAX_INTERIM = 16
"""Most interim ``1xx`` answers read before the final one; a server that sends more is not answering."""

_STATUS_LINE = re.compile(rb"^(HTTP/\d(?:\.\d)?) +(\d{3})(?: (.*))?$")
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")
_CHUNK_SIZE = re.compile(rb"^([0-9A-Fa-f]+)[ \t]*(?:;.*)?$")
_HTTP_PREFIX = b"HTTP/"


class Outcome(str, enum.Enum):
    """How an exchange ended."""

    ANSWERED = "answered"
    """A complete status line and header block arrived (the body may be cut short)."""
    CLOSED = "closed"
    """The server closed the connection before a complete header block."""
    RESET = "reset"
    """The connection was reset before a complete header block."""
    TIMEOUT = "timeout"
    """No complete header block within the timeout; the connection was still open."""
    INVALID = "invalid"
    """The server sent bytes that are not an HTTP/1.x response."""
    REFUSED = "refused"
    """Nothing accepted the TCP connection."""
    UNREACHABLE = "unreachable"
    """The host could not be resolved or reached, or connecting took longer than the timeout."""
    TLS_FAILED = "tls_failed"
    """The TLS handshake failed or did not finish within the timeout."""

    def __str__(self) -> str:
        return self.value

    @property
    def connected(self) -> bool:
        """Whether the request reached the server (connection and TLS handshake succeeded)."""
        return self not in (Outcome.REFUSED, Outcome.UNREACHABLE, Outcome.TLS_FAILED)


class Headers(Mapping[str, str]):
    """Response header fields: case-insensitive, in arrival order, duplicates kept.

    ``headers["Upgrade"]`` joins every value of that name with ``", "`` (the
    combined field value of RFC 9110 §5.3); :meth:`get_all` returns them one
    by one and :attr:`pairs` the fields exactly as received.
    """

    def __init__(self, pairs: list[tuple[str, str]] | None = None) -> None:
        self.pairs: list[tuple[str, str]] = list(pairs or [])

    def get_all(self, name: str) -> list[str]:
        """Every value of ``name``, in arrival order."""
        wanted = name.lower()
        return [value for key, value in self.pairs if key.lower() == wanted]

    def count(self, name: str) -> int:
        """How many fields named ``name`` arrived."""
        return len(self.get_all(name))

    def __getitem__(self, name: str) -> str:
        values = self.get_all(name)
        if not values:
            raise KeyError(name)
        return ", ".join(values)

    def __iter__(self) -> Iterator[str]:
        seen: set[str] = set()
        for key, _ in self.pairs:
            if key.lower() not in seen:
                seen.add(key.lower())
                yield key

    def __len__(self) -> int:
        return len({key.lower() for key, _ in self.pairs})

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and any(key.lower() == name.lower() for key, _ in self.pairs)

    def __repr__(self) -> str:
        return f"Headers({self.pairs!r})"


@dataclass
class Interim:
    """An interim ``1xx`` answer read before the final one."""

    status: int
    reason: str
    headers: Headers


@dataclass(repr=False)
class Response:
    """One exchange: what was sent, what came back, and how it ended.

    ``status`` is ``None`` when no complete status line arrived. ``raw``
    holds every byte received (up to the size caps), including bytes after
    the response such as WebSocket frames; ``trailing`` is that remainder.
    ``complete`` is false when the body was cut short by a close, the
    timeout or the size cap. ``problems`` lists departures from HTTP/1.1
    syntax that were read leniently; ``detail`` says in one sentence why a
    reading ended without an answer.
    """

    request: bytes
    outcome: Outcome
    status: int | None = None
    reason: str = ""
    http_version: str = ""
    headers: Headers = field(default_factory=Headers)
    body: bytes = b""
    raw: bytes = b""
    trailing: bytes = b""
    interim: list[Interim] = field(default_factory=list)
    complete: bool = False
    problems: list[str] = field(default_factory=list)
    detail: str = ""
    elapsed: float = 0.0
    url: str = ""
    timeout: float | None = None

    def __repr__(self) -> str:
        # Short on purpose: Robot logs this for every ``${response} =`` assignment.
        # The reason is server text, so it is made printable and link-free first.
        status = f" {self.status} '{printable(self.reason, 80)}'" if self.status is not None else ""
        return f"<Response {self.outcome.value}{status}, {len(self.raw)} bytes received in {self.elapsed * 1000:.1f} ms>"

    @property
    def status_code(self) -> int | None:
        """Alias of :attr:`status`, the name ``requests`` uses."""
        return self.status

    @property
    def text(self) -> str:
        """The body decoded as UTF-8, undecodable bytes replaced."""
        return self.body.decode("utf-8", errors="replace")


class ResponseParser:
    """Incremental reader of one HTTP/1.x response.

    Call :meth:`feed` with each chunk received and :meth:`feed_eof` when the
    peer closes; stop reading when :attr:`done` is true. ``request_method``
    matters for framing only: an answer to ``HEAD`` has no body.
    """

    def __init__(self, request_method: str = "GET", max_head: int = MAX_HEAD, max_body: int = MAX_BODY) -> None:
        self._method = request_method.upper()
        self._max_head = max_head
        self._max_body = max_body
        self._buffer = bytearray()
        self._raw = bytearray()
        self._body = bytearray()
        self._framing: str | None = None
        self._remaining = 0
        self._chunk_state = "size"
        self.done = False
        self.invalid: str | None = None
        self.status: int | None = None
        self.reason = ""
        self.http_version = ""
        self.headers = Headers()
        self.interim: list[Interim] = []
        self.problems: list[str] = []
        self.complete = False
        self.head_complete = False

    @property
    def raw(self) -> bytes:
        """Every byte fed so far, up to the caps."""
        return bytes(self._raw)

    @property
    def trailing(self) -> bytes:
        """Bytes after the end of the response (for example WebSocket frames after ``101``)."""
        return bytes(self._buffer) if self.done and self.invalid is None else b""

    def feed(self, data: bytes) -> None:
        """Take bytes received from the server."""
        if self.done:
            if len(self._raw) < self._max_head + self._max_body:
                self._raw += data
                self._buffer += data
            return
        self._raw += data
        self._buffer += data
        self._advance()

    def feed_eof(self) -> None:
        """The server closed its side: whatever framing was open ends here."""
        if self.done:
            return
        if self.head_complete:
            if self._framing == "close":
                self.complete = True
            else:
                self.problems.append("the connection closed before the body was complete")
            self.done = True

    def _advance(self) -> None:
        while not self.done:
            if not self.head_complete:
                if not self._read_head():
                    return
            elif not self._read_body():
                return

    def _read_head(self) -> bool:
        buffer = self._buffer
        if not _HTTP_PREFIX.startswith(bytes(buffer[: len(_HTTP_PREFIX)])):
            return self._reject("does not start with an HTTP status line")
        end = _BLANK_LINE.search(buffer)
        if end is None:
            newline = buffer.find(b"\n")
            if newline != -1 and self.status is None:
                status_line = self._check_status_line(bytes(buffer[:newline]).rstrip(b"\r"))
                if status_line is None:
                    return False
                # Known before the header block ends, so a server that stalls
                # or closes mid-head is still judged by the status it sent.
                self.http_version, self.status, self.reason = status_line
            if len(buffer) > self._max_head:
                return self._reject(f"sent a header block longer than {self._max_head} bytes without ending it")
            return False
        if end.start() > self._max_head:
            return self._reject(f"sent a header block longer than {self._max_head} bytes")
        head = bytes(buffer[: end.start()])
        bare_lf = end.group() != b"\r\n\r\n" or b"\n" in head.replace(b"\r\n", b"")
        del buffer[: end.end()]
        if bare_lf:
            self._note("line ends are bare LF instead of CRLF (RFC 9112 §2.2)")
        lines = [line.rstrip(b"\r") for line in head.split(b"\n")]
        status_line = self._check_status_line(lines[0])
        if status_line is None:
            return False
        version, status, reason = status_line
        headers = self._parse_fields(lines[1:])
        if 100 <= status < 200 and status != 101:
            self.interim.append(Interim(status, reason, headers))
            self.status = None
            if len(self.interim) > MAX_INTERIM:
                return self._reject(f"sent more than {MAX_INTERIM} interim 1xx answers without a final one")
            return True
        self.http_version, self.status, self.reason, self.headers = version, status, reason, headers
        self.head_complete = True
        self._choose_framing()
        return True

    def _check_status_line(self, line: bytes) -> tuple[str, int, str] | None:
        match = _STATUS_LINE.match(line)
        if match is None:
            self._reject("sent a first line that is not an HTTP status line")
            return None
        version, code, reason = match.groups()
        if reason is None:
            self._note("the status line has no reason phrase and no space after the code")
        return version.decode("ascii"), int(code), (reason or b"").decode("latin-1")

    def _parse_fields(self, lines: list[bytes]) -> Headers:
        pairs: list[tuple[str, str]] = []
        for line in lines:
            if line[:1] in (b" ", b"\t") and pairs:
                self._note("a header value is continued on the next line (obs-fold, RFC 9112 §5.2)")
                name, value = pairs[-1]
                pairs[-1] = (name, f"{value} {line.strip().decode('latin-1')}")
                continue
            name, colon, value = line.partition(b":")
            if not colon or not name or name != name.strip():
                self._note(f"a header line is malformed and was skipped: {line[:80]!r}")
                continue
            pairs.append((name.decode("latin-1"), value.strip(b" \t").decode("latin-1")))
        return Headers(pairs)

    def _choose_framing(self) -> None:
        status = self.status or 0
        if status == 101 or status in (204, 304) or self._method == "HEAD":
            self._finish()
            return
        codings = ",".join(self.headers.get_all("Transfer-Encoding")).lower()
        if codings:
            if codings.replace(" ", "").split(",")[-1] == "chunked":
                self._framing = "chunked"
                return
            self._framing = "close"
            return
        lengths = {value.strip() for value in self.headers.get_all("Content-Length")}
        if lengths:
            if len(lengths) == 1 and next(iter(lengths)).isdigit():
                self._framing = "length"
                self._remaining = int(next(iter(lengths)))
                if self._remaining == 0:
                    self._finish()
                return
            self._note(f"Content-Length is not one decimal number ({sorted(lengths)!r}); body read until close")
        self._framing = "close"

    def _read_body(self) -> bool:
        buffer = self._buffer
        if self._framing == "length":
            take = min(self._remaining, len(buffer))
            self._keep(bytes(buffer[:take]))
            del buffer[:take]
            self._remaining -= take
            if self._remaining == 0 and not self.done:
                self._finish()
            return self.done
        if self._framing == "chunked":
            return self._read_chunk()
        self._keep(bytes(buffer))
        buffer.clear()
        return self.done

    def _read_chunk(self) -> bool:
        buffer = self._buffer
        if self._chunk_state == "size":
            newline = buffer.find(b"\n")
            if newline == -1:
                if len(buffer) > 1024:
                    self._note("a chunk-size line is longer than 1024 bytes; body reading stopped")
                    self._finish(complete=False)
                return self.done
            line = bytes(buffer[:newline]).rstrip(b"\r")
            del buffer[: newline + 1]
            match = _CHUNK_SIZE.match(line)
            if match is None:
                self._note(f"invalid chunk size {line[:40]!r}; body reading stopped")
                self._finish(complete=False)
                return True
            self._remaining = int(match.group(1), 16)
            self._chunk_state = "data" if self._remaining else "trailer"
            return True
        if self._chunk_state == "data":
            take = min(self._remaining, len(buffer))
            self._keep(bytes(buffer[:take]))
            del buffer[:take]
            self._remaining -= take
            if self._remaining:
                return False
            self._chunk_state = "data-end"
            return True
        if self._chunk_state == "data-end":
            if len(buffer) < 2 and not buffer.startswith(b"\n"):
                return False
            ending = 1 if buffer.startswith(b"\n") else 2
            if bytes(buffer[:ending]) not in (b"\r\n", b"\n"):
                self._note("a chunk is not followed by CRLF; body reading stopped")
                self._finish(complete=False)
                return True
            del buffer[:ending]
            self._chunk_state = "size"
            return True
        newline = buffer.find(b"\n")
        while newline != -1:
            line = bytes(buffer[:newline]).rstrip(b"\r")
            del buffer[: newline + 1]
            if not line:
                self._finish()
                return True
            newline = buffer.find(b"\n")
        return False

    def _keep(self, data: bytes) -> None:
        room = self._max_body - len(self._body)
        self._body += data[:room]
        if len(data) > room:
            self._note(f"the body is longer than {self._max_body} bytes; the rest was not read")
            self._finish(complete=False)

    def _finish(self, complete: bool = True) -> None:
        self.complete = complete
        self.done = True

    def _reject(self, reason: str) -> bool:
        self.invalid = reason
        self.done = True
        return False

    def _note(self, problem: str) -> None:
        if problem not in self.problems:
            self.problems.append(problem)

    @property
    def body(self) -> bytes:
        """The body read so far, de-chunked."""
        return bytes(self._body)
