"""The server's side of HTTP/1.1, sans-I/O: reading a client's request head, writing any response head."""

from __future__ import annotations

import pytest

from WsComplianceLibrary.wire.http1.incoming import RequestReader, build_response

HEAD = (b"GET /chat?room=1 HTTP/1.1\r\nHost: 127.0.0.1:9001\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")


def test_a_request_head_fed_byte_by_byte_is_read_with_what_follows_it():
    reader = RequestReader()
    frame = b"\x81\x85\x00\x00\x00\x00Hello"
    for index, byte in enumerate(HEAD + frame):
        reader.feed(bytes([byte]))
        assert reader.done == (index >= len(HEAD) - 1)
    assert (reader.method, reader.target, reader.http_version) == ("GET", "/chat?room=1", "HTTP/1.1")
    assert reader.headers["sec-websocket-key"] == "dGhlIHNhbXBsZSBub25jZQ=="
    assert reader.raw == HEAD and reader.trailing == frame and reader.invalid is None


def test_bare_line_feeds_and_repeated_fields_are_read_leniently():
    reader = RequestReader()
    reader.feed(b"GET / HTTP/1.1\nHost: a\nSec-WebSocket-Protocol: chat\nSec-WebSocket-Protocol: superchat\n\n")
    assert reader.done and reader.invalid is None
    assert reader.headers["Sec-WebSocket-Protocol"] == "chat, superchat"


@pytest.mark.parametrize(("data", "eof", "sentence"), [
    (b"SSH-2.0-OpenSSH_9.6\r\n\r\n", False, "sent a first line that is not an HTTP request line (SSH-2.0-OpenSSH_9.6)"),
    (b"GET / HTTP/1.1\r\nHost: a\r\n", True, "closed the connection before the end of its request head"),
    (b"GET / HTTP/1.1\r\n" + b"X: " + b"a" * 70000, False, "sent more than 65536 bytes without ending a request head"),
])
def test_what_is_not_a_request_head_is_said_in_one_sentence(data, eof, sentence):
    reader = RequestReader()
    reader.feed(data)
    if eof:
        reader.feed_eof()
    assert reader.done and reader.invalid == sentence


def test_a_response_head_is_written_exactly_as_given_valid_or_not():
    head = build_response("HTTP/1.1 101 Web Socket Protocol Handshake",
                          [("upgrade", "WebSocket"), ("Sec-WebSocket-Accept", "  x  "), ("Upgrade", "h2c")], b"!")
    assert head == (b"HTTP/1.1 101 Web Socket Protocol Handshake\r\nupgrade: WebSocket\r\nSec-WebSocket-Accept:   x  \r\n"
                    b"Upgrade: h2c\r\n\r\n!")
    with pytest.raises(ValueError, match="is not ISO-8859-1 text"):
        build_response("HTTP/1.1 200 \u2713", [])
