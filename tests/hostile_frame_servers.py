"""Hostile servers after the 101: correct handshakes, then the ways a server can misbehave with frames.

Every behaviour answers the opening handshake correctly (101 with the right
``Sec-WebSocket-Accept`` for the client's key), then attacks the frame
layer: lengths no one could buffer, messages that never end, floods, frames
that break RFC 6455, closes gone wrong, stalls, resets, and payloads meant
to become markup or terminal escapes in a report.

Each :class:`HostileFrames` names a behaviour, the scenario that meets it
(``echo``: Open WebSocket, Send Message TEXT, Message Should Be Echoed;
``close``: Open WebSocket, Send Close, Server Should Close Cleanly), the
verdict the case must get and a phrase its one-sentence message contains.
Behaviours that stream forever write with short timeouts and check the stop
event between writes, so the server can always shut down, and stop as soon
as the client has gone (their next write fails).

:func:`serving` runs servers in a child process (``python
tests/hostile_frame_servers.py --serve NAME...``), so that flooding
behaviours neither take the GIL from the keywords under test nor count in
the memory or descriptors of the process that runs them. ``python
tests/hostile_frame_servers.py`` prints the matrix with the time to each
verdict, as docs/hostile-frame-peers.md reports it.
"""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

sys.path.insert(0, str(Path(__file__).resolve().parent))

from servers import Behaviour, FixtureServer, switching_protocols  # noqa: E402

from WsComplianceLibrary.context import ECHO_PROBE_TEXT  # noqa: E402
from WsComplianceLibrary.wire.websocket import (  # noqa: E402
    BINARY,
    CLOSE,
    CONTINUATION,
    PING,
    PONG,
    TEXT,
    Frame,
    FrameReader,
    Message,
    build_frame,
    close_payload,
)

# --- writing and reading on the server's side ----------------------------------------------------------------


class _Stopped(OSError):
    """The fixture server is shutting down (an OSError, so the fixture's connection thread ends quietly)."""


def _send(conn: socket.socket, data: bytes, stop: threading.Event) -> None:
    """Write all of ``data``, 50 ms at a time, so a stop is noticed even when the client stops reading."""
    view = memoryview(data)
    conn.settimeout(0.05)
    while view:
        if stop.is_set():
            raise _Stopped("stopped")
        try:
            sent = conn.send(view)
        except TimeoutError:
            continue
        view = view[sent:]


def _drain(conn: socket.socket) -> bool:
    """Read and drop whatever the client sent so far, without waiting; ``False`` once the client has gone."""
    conn.setblocking(False)
    try:
        while True:
            try:
                data = conn.recv(65536)
            except BlockingIOError:
                return True
            if not data:
                return False
    finally:
        conn.settimeout(0.05)


class _ClientFrames:
    """The client's frames as the server reads them (a lenient reader unmasks them)."""

    def __init__(self, conn: socket.socket) -> None:
        self.conn = conn
        self.reader = FrameReader(max_message_size=1 << 20)

    def next(self, stop: threading.Event, wanted: Callable[[Frame | Message], bool]) -> Frame | Message | None:
        """The next event ``wanted`` accepts, or ``None`` when the client left or the server stops."""
        self.conn.settimeout(0.05)
        while True:
            event = self.reader.next_event()
            while event is not None:
                if wanted(event):
                    return event
                event = self.reader.next_event()
            if stop.is_set() or self.reader.too_large:
                return None
            try:
                data = self.conn.recv(65536)
            except TimeoutError:
                continue
            if not data:
                return None
            self.reader.feed(data)


def _is_message(event: Frame | Message) -> bool:
    return isinstance(event, Message)


def _is_close(event: Frame | Message) -> bool:
    return isinstance(event, Frame) and event.opcode == CLOSE


def _frame(opcode: int, payload: bytes = b"", **fields) -> bytes:
    """A server frame: unmasked unless ``masked=True`` is given."""
    fields.setdefault("masked", False)
    return build_frame(opcode, payload, **fields)


def _close_frame(code: int | None, reason: bytes = b"") -> bytes:
    return _frame(CLOSE, close_payload(code, reason))


def _stream(conn: socket.socket, stop: threading.Event, pieces: Iterator[bytes], pause: float) -> None:
    """Send ``pieces`` ``pause`` seconds apart until the server stops or the client leaves; drop what it sends."""
    for piece in pieces:
        if stop.wait(pause) or not _drain(conn):
            return
        _send(conn, piece, stop)


# --- behaviours ----------------------------------------------------------------------------------------------

Echo = Callable[[socket.socket, Message, threading.Event], None]
"""What a server does with the client's first message (instead of, or besides, echoing it)."""


def _after_handshake(preamble: bytes = b"", on_message: Echo | None = None,
                     on_close: Callable[[socket.socket, threading.Event], None] | None = None) -> Behaviour:
    """Answer 101 (with ``preamble`` right behind it), then serve: echo messages, answer Close with 1000.

    ``on_message`` replaces what the server does with the first message
    that is not the library's echo probe (which is echoed, like later
    messages); ``on_close`` replaces the answer to the client's Close
    frame. The behaviour ends (and the connection is closed) after
    answering a Close, or when the client leaves.
    """

    def behaviour(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
        _send(conn, switching_protocols(head) + preamble, stop)
        frames = _ClientFrames(conn)
        hostile = on_message
        while True:
            event = frames.next(stop, lambda event: _is_message(event) or _is_close(event))
            if event is None:
                return
            if isinstance(event, Message):
                if hostile is not None and event.payload != PROBE:
                    hostile, act = None, hostile
                    act(conn, event, stop)
                else:
                    _send(conn, _frame(event.opcode, event.payload), stop)
                continue
            if on_close is not None:
                on_close(conn, stop)
            else:
                _send(conn, _close_frame(1000), stop)
            return

    return behaviour


def _echo_as(build: Callable[[Message], bytes]) -> Echo:
    """Answer the first message with ``build(message)`` instead of its echo, then stay."""

    def on_message(conn: socket.socket, message: Message, stop: threading.Event) -> None:
        _send(conn, build(message), stop)

    return on_message


def _before_echo(frames: bytes) -> Echo:
    """Send ``frames``, then the correct echo of the first message."""
    return _echo_as(lambda message: frames + _frame(message.opcode, message.payload))


def _then_wait(conn: socket.socket, message: Message, stop: threading.Event) -> None:
    stop.wait()


_TCP_CLOSE_WAIT = 8
"""Linux's TCP state once the peer has closed its side (the first byte of ``struct tcp_info``)."""


def _peer_closed(conn: socket.socket) -> bool:
    """Whether the client closed its side, found without reading what it sent (Linux's TCP_INFO)."""
    return conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 1)[0] == _TCP_CLOSE_WAIT


def stall_after_handshake(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Answer 101, then neither read nor write until the client leaves or the server stops.

    The connection is let go once the client has closed it, so twenty
    parallel runs against one stalling server do not pile up a thread and a
    socket for every case they ran.
    """
    _send(conn, switching_protocols(head), stop)
    while not stop.wait(0.05) and not _peer_closed(conn):
        pass


def _announce(length: int, then: Literal["nothing", "slowly", "some"]) -> Behaviour:
    """Answer 101 and a BINARY frame header announcing ``length`` bytes, then send nothing, a trickle or 64 KiB."""
    header = _frame(BINARY, announced_length=length)

    def behaviour(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
        _send(conn, switching_protocols(head) + header, stop)
        if then == "slowly":
            _stream(conn, stop, itertools.repeat(b"\x00" * 1024), 0.05)
        elif then == "some":
            _send(conn, b"\x00" * 65536, stop)
        stop.wait()

    return behaviour


def announce_msb_set(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Answer 101 and a BINARY frame whose 64-bit length has the top bit set over a length of 5, then 5 bytes.

    A reader that drops the top bit instead of refusing the frame reads a
    5-byte message 'hello'.
    """
    header = _frame(BINARY, announced_length=(1 << 63) | 5, length_form=64)
    _send(conn, switching_protocols(head) + header + b"hello", stop)
    stop.wait()


def _endless_fragmented(conn: socket.socket, message: Message, stop: threading.Event) -> None:
    """Instead of the echo, a TEXT message in 16 KiB fragments as fast as the client reads, FIN never set."""
    fragment = b"a" * 16384
    _send(conn, _frame(TEXT, fragment, fin=False), stop)
    _stream(conn, stop, itertools.repeat(_frame(CONTINUATION, fragment, fin=False) * 8), 0)


def _forever(frame: bytes, per_batch: int, pause: float) -> Echo:
    """Instead of the echo, ``frame`` ``per_batch`` times every ``pause`` seconds, forever."""

    def on_message(conn: socket.socket, message: Message, stop: threading.Event) -> None:
        _stream(conn, stop, itertools.repeat(frame * per_batch), pause)

    return on_message


def _ping_flood_then_echo(conn: socket.socket, message: Message, stop: threading.Event) -> None:
    """Flood PINGs (5000 a second) and send the echo 200 ms into the flood."""
    flood = _frame(PING, b"flood") * 50
    started = time.monotonic()
    echoed = False
    while not stop.wait(0.01):
        if not _drain(conn):
            return
        _send(conn, flood, stop)
        if not echoed and time.monotonic() - started >= 0.2:
            _send(conn, _frame(message.opcode, message.payload), stop)
            echoed = True


def _reset_after(data: bytes) -> Echo:
    """Send ``data``, then reset the connection (SO_LINGER 0: close() sends RST)."""

    def on_message(conn: socket.socket, message: Message, stop: threading.Event) -> None:
        _send(conn, data, stop)
        time.sleep(0.05)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        conn.close()
        raise _Stopped("reset")

    return on_message


def _close_tcp(conn: socket.socket, *args: object) -> None:
    """Close the TCP connection (the fixture closes it when the behaviour returns), no Close frame."""
    conn.shutdown(socket.SHUT_RDWR)


def _dribble_echo(conn: socket.socket, message: Message, stop: threading.Event) -> None:
    """The echo of the message, one byte every 200 ms."""
    _stream(conn, stop, (bytes([byte]) for byte in _frame(message.opcode, message.payload * 20)), 0.2)


def _data_forever(conn: socket.socket, stop: threading.Event) -> None:
    """Answer the client's Close with a TEXT message every 20 ms, never a Close frame."""
    _stream(conn, stop, itertools.repeat(_frame(TEXT, b"still here")), 0.02)


def _stay(conn: socket.socket, stop: threading.Event) -> None:
    stop.wait()


def _answer_close(code: int | None, reason: bytes = b"") -> Callable[[socket.socket, threading.Event], None]:
    """Answer the client's Close with a Close frame of ``code`` and ``reason``, then close TCP."""

    def on_close(conn: socket.socket, stop: threading.Event) -> None:
        _send(conn, _close_frame(code, reason), stop)

    return on_close


SCRIPT = b"<script>alert(1)</script>"
ANSI = b"\x1b[31mred\x1b[0m"
INVALID_UTF8 = b"\xff\xfe\xed\xa0\x80"
MARKUP = SCRIPT + b" <img src=x onerror=alert(2)> " + ANSI + b" javascript://%0aalert(3)"
"""Server text (valid UTF-8) that would be markup, a link or a terminal escape if a report showed it raw."""

PROBE = ECHO_PROBE_TEXT.encode()
"""The library's echo probe: every behaviour echoes it, so a case judges the behaviour, not whether echo cases apply."""

HTTP_ANSWER = (b"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n"
               b"Connection: close\r\n\r\nBad Request")


# --- the matrix -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HostileFrames:
    """One behaviour after the 101 and what the library must make of it.

    ``scenario`` is what meets it (see the module docstring); ``verdict``
    the status the scenario's judging keyword gets (``PASS`` with
    ``warning`` for Autobahn's non-strict grades, ``SKIP`` where the
    library finds the target does not echo at all); ``phrase`` is part of
    its one-sentence message. ``at_timeout`` marks behaviours that can only
    end at the timeout.
    """

    name: str
    does: str
    behaviour: Behaviour
    scenario: Literal["echo", "close"]
    verdict: Literal["PASS", "FAIL", "SKIP"]
    phrase: str
    at_timeout: bool = False
    warning: bool = False

    @contextmanager
    def serving(self) -> Iterator[str]:
        """Run this behaviour's server in this process (for single checks); yield its URL."""
        with FixtureServer(self.behaviour) as server:
            yield server.url


HELLO = "Hello, hostile server"
NOTHING = "sent nothing more within 0.5 s"
"""What the judges say of a wait that timed out, at the tests' timeout of 0.5 s."""

HOSTILE_FRAMES: list[HostileFrames] = [
    # Lengths no one could buffer.
    HostileFrames("announce-2^63-1", "announces a frame of 2^63 - 1 bytes and sends nothing more",
                  _announce(2**63 - 1, "nothing"), "echo", "FAIL", "9223372036854775807"),
    HostileFrames("announce-2^63-1-slowly", "announces 2^63 - 1 bytes and sends 1 KiB every 50 ms",
                  _announce(2**63 - 1, "slowly"), "echo", "FAIL", "9223372036854775807"),
    HostileFrames("announce-msb-set", "announces a 64-bit length with the most significant bit set (over 5), "
                  "then 5 bytes", announce_msb_set, "echo", "FAIL", "most significant bit"),
    HostileFrames("announce-2^62", "announces 2^62 bytes and sends 64 KiB", _announce(2**62, "some"), "echo", "FAIL",
                  "4611686018427387904"),
    # Messages and frames without end.
    HostileFrames("endless-fragmented", "sends a TEXT message in 16 KiB fragments, FIN never set",
                  _after_handshake(on_message=_endless_fragmented), "echo", "FAIL", "16777216"),
    HostileFrames("small-messages-forever", "sends a 1-byte TEXT message 5000 times a second, forever",
                  _after_handshake(on_message=_forever(_frame(TEXT, b"."), 50, 0.01)), "echo", "FAIL",
                  "1-byte TEXT message '.'"),
    HostileFrames("pongs-forever", "sends unsolicited empty PONG frames 5000 times a second, never echoes",
                  _after_handshake(on_message=_forever(_frame(PONG), 50, 0.01)), "echo", "FAIL", NOTHING,
                  at_timeout=True),
    HostileFrames("ping-flood", "floods PINGs, 5000 a second, and never echoes",
                  _after_handshake(on_message=_forever(_frame(PING, b"flood"), 50, 0.01)), "echo", "FAIL", NOTHING,
                  at_timeout=True),
    HostileFrames("empty-ping-flood", "floods empty PINGs as fast as the client reads, never echoes",
                  _after_handshake(on_message=_forever(_frame(PING) * 4096, 1, 0)), "echo", "FAIL", NOTHING,
                  at_timeout=True),
    HostileFrames("ping-flood-then-echo", "floods PINGs, 5000 a second, and echoes 200 ms into the flood",
                  _after_handshake(on_message=_ping_flood_then_echo), "echo", "PASS", "echoed"),
    # Frames that break RFC 6455.
    HostileFrames("masked-echo", "echoes in a masked frame", _after_handshake(
        on_message=_echo_as(lambda message: _frame(message.opcode, message.payload, masked=True))),
        "echo", "FAIL", "mask"),
    HostileFrames("rsv1-echo", "echoes with RSV1 set, no extension negotiated", _after_handshake(
        on_message=_echo_as(lambda message: _frame(message.opcode, message.payload, rsv1=True))),
        "echo", "FAIL", "RSV1"),
    HostileFrames("unknown-opcode", "sends a frame with reserved opcode 0x3, then the echo", _after_handshake(
        on_message=_before_echo(_frame(0x3, b"what am I"))), "echo", "FAIL", "0x3"),
    HostileFrames("fragmented-ping", "sends a PING with FIN clear, then the echo", _after_handshake(
        on_message=_before_echo(_frame(PING, b"half", fin=False))), "echo", "FAIL", "FIN clear"),
    HostileFrames("ping-126-bytes", "sends a PING of 126 bytes, then the echo", _after_handshake(
        on_message=_before_echo(_frame(PING, b"p" * 126))), "echo", "FAIL", "126 bytes"),
    HostileFrames("invalid-utf8-text", "echoes as a TEXT frame that is not valid UTF-8", _after_handshake(
        on_message=_echo_as(lambda message: _frame(TEXT, message.payload + INVALID_UTF8))), "echo", "FAIL",
        "UTF-8"),
    HostileFrames("101-then-http", "sends an HTTP 400 answer right behind the 101, then echoes",
                  _after_handshake(preamble=HTTP_ANSWER), "echo", "FAIL", "RSV1"),
    HostileFrames("second-101", "sends a second 101 answer right behind the first, then echoes",
                  _after_handshake(preamble=b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                                            b"Connection: Upgrade\r\n\r\n"), "echo", "FAIL", "RSV1"),
    # Ending badly, or not at all.
    HostileFrames("stall-after-handshake", "completes the handshake, then neither reads nor writes (on every "
                  "connection, the echo probe's too)", stall_after_handshake, "echo", "FAIL",
                  "neither a Ping nor a text message", at_timeout=True),
    HostileFrames("silent-after-handshake", "completes the handshake, then never sends a byte",
                  _after_handshake(on_message=_then_wait), "echo", "FAIL", NOTHING, at_timeout=True),
    HostileFrames("stall-mid-frame", "sends 3 bytes of the echo frame, then stalls forever",
                  _after_handshake(on_message=_echo_as(lambda message: _frame(message.opcode, message.payload)[:3])),
                  "echo", "FAIL", NOTHING, at_timeout=True),
    HostileFrames("dribble", "sends the echo one byte every 200 ms", _after_handshake(on_message=_dribble_echo),
                  "echo", "FAIL", NOTHING, at_timeout=True),
    HostileFrames("tcp-close-no-close-frame", "closes the TCP connection on the first message, no Close frame",
                  _after_handshake(on_message=lambda conn, message, stop: _close_tcp(conn)), "echo", "FAIL",
                  "closed the TCP connection"),
    HostileFrames("reset-mid-frame", "sends half of the echo frame, then resets the connection (RST)",
                  _after_handshake(on_message=_reset_after(_frame(TEXT, HELLO.encode())[:9])), "echo", "FAIL",
                  "reset"),
    HostileFrames("markup-payload", "answers with a TEXT message of <script>, <img onerror>, ANSI escapes and "
                  "javascript://", _after_handshake(on_message=_echo_as(lambda message: _frame(TEXT, MARKUP))),
                  "echo", "FAIL", "<script>alert(1)</script>"),
    # The closing handshake.
    HostileFrames("close-code-0", "answers our Close with code 0", _after_handshake(on_close=_answer_close(0)),
                  "close", "FAIL", "code 0"),
    HostileFrames("close-code-1005", "answers our Close with code 1005",
                  _after_handshake(on_close=_answer_close(1005)), "close", "FAIL", "code 1005"),
    HostileFrames("close-code-1006", "answers our Close with code 1006",
                  _after_handshake(on_close=_answer_close(1006)), "close", "FAIL", "code 1006"),
    HostileFrames("close-code-5000", "answers our Close with code 5000",
                  _after_handshake(on_close=_answer_close(5000)), "close", "FAIL", "code 5000"),
    HostileFrames("close-reason-invalid-utf8", "answers our Close with code 1000 and a reason that is not UTF-8",
                  _after_handshake(on_close=_answer_close(1000, b"bye " + INVALID_UTF8)), "close", "FAIL", "UTF-8"),
    HostileFrames("close-reason-markup", "answers our Close with code 1000 and a reason of <script> and ANSI "
                  "escapes", _after_handshake(on_close=_answer_close(1000, SCRIPT + b" " + ANSI)),
                  "close", "PASS", "<script>alert(1)</script>"),
    HostileFrames("close-answered-with-data", "answers our Close with a TEXT message every 20 ms, never a Close",
                  _after_handshake(on_close=_data_forever), "close", "FAIL", "neither answered",
                  at_timeout=True),
    HostileFrames("close-never-answered", "never answers our Close and keeps the connection open",
                  _after_handshake(on_close=_stay), "close", "FAIL", "neither answered", at_timeout=True),
    HostileFrames("close-tcp-without-close-frame", "answers our Close by closing TCP without a Close frame",
                  _after_handshake(on_close=_close_tcp), "close", "FAIL", "MUST send a Close in response (RFC 6455 "
                  "§5.5.1; Autobahn grades this UNCLEAN"),
]

CONTROL = HostileFrames("well-behaved", "echoes every message and answers Close with 1000, as RFC 6455 says",
                        _after_handshake(), "echo", "PASS", "echoed")
"""Not hostile: the baseline of the memory measurements and a positive control of the harness."""

BY_NAME: dict[str, HostileFrames] = {hostile.name: hostile for hostile in [*HOSTILE_FRAMES, CONTROL]}

__all__ = ["BY_NAME", "CONTROL", "HELLO", "HOSTILE_FRAMES", "HostileFrames", "MARKUP", "serving"]


@contextmanager
def serving(names: list[str] | None = None) -> Iterator[dict[str, str]]:
    """Serve the named behaviours (default: all) from a child process; yield each one's URL by name.

    The child's servers stop when this context exits (it closes the child's
    standard input and waits for it).
    """
    names = [hostile.name for hostile in HOSTILE_FRAMES] if names is None else names
    child = subprocess.Popen([sys.executable, __file__, "--serve", *names], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        urls = {}
        for _ in names:
            name, url = child.stdout.readline().split()
            urls[name] = url
        yield urls
    finally:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.close()
        try:
            child.wait(10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        child.stdout.close()


def _serve(names: list[str]) -> None:
    with ExitStack() as stack:
        for name in names:
            server = stack.enter_context(FixtureServer(BY_NAME[name].behaviour))
            print(name, server.url, flush=True)
        sys.stdin.read()
        # Streaming connections may be mid-write; the kernel closes every socket at exit.
        os._exit(0)


def main() -> None:
    """Print each behaviour's verdict, message and time to verdict (timeout 0.5 s), or serve with ``--serve``."""
    if sys.argv[1:2] == ["--serve"]:
        _serve(sys.argv[2:])
        return
    from test_hostile_frames import TIMEOUT, meet

    with serving() as urls:
        for hostile in HOSTILE_FRAMES:
            met = meet(hostile, urls[hostile.name])
            status = f"{met.status} (warning)" if met.warning else met.status
            print(f"| {hostile.name} | {status} | {met.elapsed * 1000:.0f} ms | {met.message} |", flush=True)
    print(f"(timeout {TIMEOUT} s)")


if __name__ == "__main__":
    main()
