"""The HTTP/2 wire code without sockets: the extended CONNECT fields, frame decoding, the client's reading of a server."""

from __future__ import annotations

import pytest
from hpack import Encoder
from hyperframe.frame import (
    ContinuationFrame,
    DataFrame,
    GoAwayFrame,
    HeadersFrame,
    PingFrame,
    RstStreamFrame,
    SettingsFrame,
    WindowUpdateFrame,
)

from WsComplianceLibrary.wire.http1.request import RequestError
from WsComplianceLibrary.wire.http2.client import MAX_CONTROL_FRAMES, ClientConnection
from WsComplianceLibrary.wire.http2.frames import CLIENT_PREFACE, FrameDecoder, FrameError
from WsComplianceLibrary.wire.http2.request import extended_connect_fields
from WsComplianceLibrary.wire.http2.response import StreamEnd

SERVER_SETTINGS = SettingsFrame(0, settings={0x8: 1, 0x3: 100}).serialize()


def headers(stream: int, *fields: tuple[str, str], end_stream: bool = False) -> bytes:
    flags = ["END_HEADERS", *(["END_STREAM"] if end_stream else [])]
    return HeadersFrame(stream, data=Encoder().encode(list(fields)), flags=flags).serialize()


def opened() -> ClientConnection:
    client = ClientConnection(extended_connect_fields("http", "/", "example.com"))
    client.open()
    client.receive(SERVER_SETTINGS)
    client.send_request()
    client.outgoing()
    return client


def test_the_correct_request_in_order_and_changes_in_place():
    assert extended_connect_fields("https", "/chat?x=1", "example.com:8443") == [
        (b":method", b"CONNECT"), (b":protocol", b"websocket"), (b":scheme", b"https"), (b":path", b"/chat?x=1"),
        (b":authority", b"example.com:8443"), (b"sec-websocket-version", b"13"),
    ]
    changed = extended_connect_fields("http", "/", "h", [(":path", None), (":method", "GET"), ("upgrade", "websocket")])
    assert [name for name, _ in changed] == [b":method", b":protocol", b":scheme", b":authority",
                                             b"sec-websocket-version", b"upgrade"]
    assert changed[0] == (b":method", b"GET")
    with pytest.raises(RequestError, match="outside Latin-1"):
        extended_connect_fields("http", "/", "h", {"x": "\u2603"})


def test_the_request_goes_out_exactly_as_listed():
    fields = extended_connect_fields("http", "/", "h", {":method": "GET", "Connection": "upgrade"})
    client = ClientConnection(fields)
    sent = client.open()
    assert sent.startswith(CLIENT_PREFACE)
    client.send_request()
    assert client.frames[-1].type == "HEADERS" and list(client.frames[-1].fields) == fields


def test_a_header_block_split_over_continuation_is_decoded_as_one():
    block = Encoder().encode([(":status", "200"), ("x-long", "v" * 100)])
    data = (HeadersFrame(1, data=block[:10]).serialize()
            + ContinuationFrame(1, data=block[10:], flags=["END_HEADERS"]).serialize())
    (record,) = list(FrameDecoder(sent=False).feed(data))
    assert record.type == "HEADERS" and "END_HEADERS" in record.flags
    assert record.fields == ((b":status", b"200"), (b"x-long", b"v" * 100))


@pytest.mark.parametrize("data, reason", [
    (HeadersFrame(1, data=b"\x88").serialize() + PingFrame(0).serialize(), "interrupted by a PING"),
    (b"\x01\x00\x00\x00\x00\x00\x00\x00\x01", "exceeds the maximum frame size"),
    (headers(1, (":status", "200"))[:9] + b"\xff", "could not be decoded"),
])
def test_bad_framing_is_a_frame_error(data, reason):
    with pytest.raises(FrameError, match=reason):
        list(FrameDecoder(sent=False).feed(data))


def test_settings_are_read_by_name_and_acknowledged():
    client = ClientConnection()
    client.open()
    client.receive(SERVER_SETTINGS)
    assert client.settings_received and client.settings[0x8] == 1
    assert [record.type for record in client.frames if record.sent][-1] == "SETTINGS"
    assert SettingsFrame(0, flags=["ACK"]).serialize() in client.outgoing()


def test_an_http1_answer_to_the_preface_means_no_http2_even_when_its_first_bytes_come_alone():
    client = ClientConnection()
    client.open()
    client.receive(b"HT")
    assert client.not_http2 is None and client.invalid is None
    client.receive(b"TP/1.1 400 Bad Request\r\n\r\n")
    assert client.not_http2 == "answered the HTTP/2 connection preface in HTTP/1.x ('HTTP/1.1 400 Bad Request')"


def test_a_first_frame_other_than_settings_is_invalid():
    client = ClientConnection()
    client.open()
    client.receive(PingFrame(0).serialize())
    assert "sent a PING frame first" in client.invalid


def test_the_answer_interim_statuses_and_a_101():
    client = opened()
    client.receive(headers(1, (":status", "103")) + headers(1, (":status", "101"), ("x", "y")))
    assert client.interim == [103] and client.status == 101 and client.stream_end is None
    malformed = opened()
    malformed.receive(headers(1, (":status", "2000")))
    assert "not one three-digit code (2000)" in malformed.invalid


@pytest.mark.parametrize("frame, end, code", [
    (RstStreamFrame(1, error_code=1), StreamEnd.RST_STREAM, "PROTOCOL_ERROR"),
    (GoAwayFrame(0, last_stream_id=0, error_code=0), StreamEnd.GOAWAY, "NO_ERROR"),
    (GoAwayFrame(0, last_stream_id=1, error_code=2), StreamEnd.GOAWAY, "INTERNAL_ERROR"),
    (GoAwayFrame(0, last_stream_id=1, error_code=0), None, None),
])
def test_how_the_stream_ends(frame, end, code):
    client = opened()
    client.receive(frame.serialize())
    assert (client.stream_end, client.error_code) == (end, code)


def test_data_is_kept_and_its_windows_given_back():
    client = opened()
    client.receive(headers(1, (":status", "200")) + DataFrame(1, data=b"abc", flags=["END_STREAM"]).serialize())
    assert bytes(client.data) == b"abc" and client.stream_end is StreamEnd.END_STREAM
    replies = client.outgoing()
    assert WindowUpdateFrame(0, window_increment=3).serialize() in replies
    assert WindowUpdateFrame(1, window_increment=3).serialize() in replies


def test_pings_are_answered():
    client = opened()
    client.receive(PingFrame(0, opaque_data=b"12345678").serialize())
    assert PingFrame(0, opaque_data=b"12345678", flags=["ACK"]).serialize() in client.outgoing()


def test_data_waits_for_a_closed_window_to_open():
    client = ClientConnection(extended_connect_fields("http", "/", "h"))
    client.open()
    client.receive(SettingsFrame(0, settings={0x4: 0}).serialize())
    client.send_request()
    client.queue_data(b"hello")
    assert b"hello" not in client.outgoing() and client.data_blocked
    client.receive(WindowUpdateFrame(1, window_increment=3).serialize())
    assert DataFrame(1, data=b"hel").serialize() in client.outgoing() and client.data_blocked


def test_a_flood_of_control_frames_is_cut_short():
    client = ClientConnection()
    client.open()
    client.receive(SERVER_SETTINGS * (MAX_CONTROL_FRAMES + 10))
    assert f"more than {MAX_CONTROL_FRAMES} frames" in client.invalid
    assert len(client.frames) <= 200 and client.frames_not_kept > 0
