"""The response reader: framing, interim answers, leniency and refusals, fed byte by byte and at once."""

import pytest

from WsComplianceLibrary.wire.http1.response import Headers, ResponseParser


def feed(data: bytes, method: str = "GET", one_byte_at_a_time: bool = False, eof: bool = False) -> ResponseParser:
    parser = ResponseParser(method)
    chunks = [data[i : i + 1] for i in range(len(data))] if one_byte_at_a_time else [data]
    for chunk in chunks:
        if parser.done:
            break
        parser.feed(chunk)
    if eof:
        parser.feed_eof()
    return parser


@pytest.fixture(params=[False, True], ids=["whole", "byte-by-byte"])
def bytewise(request):
    return request.param


def test_101_ends_at_the_header_block_and_keeps_frames_as_trailing(bytewise):
    parser = feed(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n\x81\x02hi", one_byte_at_a_time=False)
    assert parser.done and parser.status == 101 and parser.complete
    assert parser.trailing == b"\x81\x02hi"
    assert feed(b"HTTP/1.1 101 Switching Protocols\r\n\r\n", one_byte_at_a_time=bytewise).done


def test_content_length_body(bytewise):
    parser = feed(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 5\r\n\r\nhelloEXTRA", one_byte_at_a_time=bytewise)
    assert (parser.status, parser.reason, parser.body, parser.complete) == (405, "Method Not Allowed", b"hello", True)


def test_chunked_body(bytewise):
    data = b"HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n1\r\n!\r\n0\r\nX-T: 1\r\n\r\n"
    parser = feed(data, one_byte_at_a_time=bytewise)
    assert parser.done and parser.complete and parser.body == b"hello!"


def test_body_until_close():
    parser = feed(b"HTTP/1.0 200 OK\r\n\r\nsome text")
    assert not parser.done
    parser.feed_eof()
    assert parser.done and parser.complete and parser.body == b"some text"


def test_close_before_content_length_is_reached_is_noted():
    parser = feed(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 100\r\n\r\nshort", eof=True)
    assert parser.done and not parser.complete
    assert any("before the body was complete" in problem for problem in parser.problems)


@pytest.mark.parametrize("status", [204, 304])
def test_bodiless_statuses(status):
    assert feed(f"HTTP/1.1 {status} X\r\nContent-Length: 10\r\n\r\n".encode()).done


def test_head_answer_has_no_body():
    assert feed(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n", method="HEAD").done


def test_interim_answers_are_skipped_and_kept(bytewise):
    data = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\nHTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
    parser = feed(data, one_byte_at_a_time=bytewise)
    assert parser.status == 400
    assert [interim.status for interim in parser.interim] == [100, 102]


def test_100_then_101():
    parser = feed(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 101 Switching Protocols\r\n\r\n")
    assert parser.status == 101 and [i.status for i in parser.interim] == [100]


def test_status_line_is_known_before_the_header_block_ends():
    parser = feed(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: webs")
    assert not parser.done and not parser.head_complete and parser.status == 101


def test_lenient_readings_are_recorded():
    parser = feed(b"HTTP/1.1 400\nX-A: 1\n  continued\nno colon here\nContent-Length: 0\n\n")
    assert parser.done and parser.status == 400 and parser.reason == ""
    assert parser.headers["X-A"] == "1 continued"
    joined = " ".join(parser.problems)
    for expected in ("bare LF", "no reason phrase", "obs-fold", "malformed"):
        assert expected in joined


@pytest.mark.parametrize(
    "data",
    [b"garbage\r\n\r\n", b"\x00\x00\x00\x00\x00\x00", b"HTTP/1.1 abc Bad\r\n", b"HTTPS/1.1 200 OK\r\n",
     b"\x00\x00\x12\x04\x00\x00\x00\x00\x00"],
    ids=["text", "zeros", "non-numeric status", "wrong protocol", "http2-settings"],
)
def test_non_http_bytes_are_invalid_as_soon_as_visible(data):
    parser = feed(data)
    assert parser.done and parser.invalid is not None and parser.status is None


def test_status_999_is_syntactically_a_status():
    assert feed(b"HTTP/1.1 999 Odd\r\n\r\n").status == 999


def test_endless_header_block_stops_at_the_cap():
    parser = ResponseParser(max_head=1024)
    parser.feed(b"HTTP/1.1 200 OK\r\n")
    for _ in range(100):
        if parser.done:
            break
        parser.feed(b"X-Filler: " + b"a" * 50 + b"\r\n")
    assert parser.done and "longer than 1024 bytes" in parser.invalid


def test_body_stops_at_the_cap():
    parser = ResponseParser(max_body=10)
    parser.feed(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + b"x" * 100)
    assert parser.done and not parser.complete and parser.body == b"x" * 10


def test_invalid_chunk_size_stops_reading():
    parser = feed(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
    assert parser.done and not parser.complete and any("invalid chunk size" in p for p in parser.problems)


def test_headers_are_case_insensitive_ordered_and_keep_duplicates():
    headers = Headers([("Set-Cookie", "a"), ("Upgrade", "websocket"), ("set-cookie", "b")])
    assert headers["SET-COOKIE"] == "a, b"
    assert headers.get_all("set-cookie") == ["a", "b"]
    assert headers.count("Set-Cookie") == 2
    assert list(headers) == ["Set-Cookie", "Upgrade"]
    assert "upgrade" in headers and "Missing" not in headers
    assert headers.get("Missing") is None
