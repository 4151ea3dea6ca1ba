"""The request builder writes exactly the bytes a case specifies."""

import base64

import pytest

from WsComplianceLibrary.wire.http1.request import (
    RequestError,
    accept_for_key,
    build_request,
    build_upgrade_request,
    new_key,
)


def test_comp_upgrade_post_is_byte_exact():
    assert build_upgrade_request("POST", "/", "localhost:8080") == (
        b"POST / HTTP/1.1\r\n"
        b"Host: localhost:8080\r\n"
        b"Connection: Upgrade\r\n"
        b"Upgrade: websocket\r\n"
        b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        b"Sec-WebSocket-Version: 13\r\n"
        b"\r\n"
    )


def test_method_target_and_version_are_sent_as_given():
    request = build_upgrade_request("get", "/chat?x=1", "h", http_version="HTTP/1.0")
    assert request.startswith(b"get /chat?x=1 HTTP/1.0\r\nHost: h\r\n")


def test_override_replaces_in_place_with_new_spelling():
    request = build_upgrade_request("GET", "/", "h", headers={"upgrade": "WebSocket"})
    assert b"Connection: Upgrade\r\nupgrade: WebSocket\r\nSec-WebSocket-Key:" in request


def test_none_removes_and_new_names_are_appended_in_order():
    request = build_upgrade_request("GET", "/", "h", headers=[("Connection", None), ("X-A", "1"), ("X-B", "2")])
    assert b"Connection" not in request
    assert request.endswith(b"Sec-WebSocket-Version: 13\r\nX-A: 1\r\nX-B: 2\r\n\r\n")


def test_repeated_name_is_sent_once_per_value_at_the_original_place():
    request = build_upgrade_request(
        "GET", "/", "h", headers=[("Sec-WebSocket-Key", "a"), ("Sec-WebSocket-Key", "b")]
    )
    assert b"Upgrade: websocket\r\nSec-WebSocket-Key: a\r\nSec-WebSocket-Key: b\r\nSec-WebSocket-Version" in request


def test_body_is_appended_without_content_length():
    request = build_upgrade_request("POST", "/", "h", body=b"hello")
    assert request.endswith(b"\r\n\r\nhello")
    assert b"Content-Length" not in request


@pytest.mark.parametrize(
    ("kwargs", "says"),
    [
        ({"method": "PO ST"}, "not an HTTP token"),
        ({"method": "GET\r\nX: y"}, "not an HTTP token"),
        ({"method": ""}, "not an HTTP token"),
        ({"target": "/a b"}, "white space"),
        ({"http_version": "HTTP/1.1\r\n"}, "white space"),
        ({"headers": [("X-Bad", "a\r\nInjected: 1")]}, "CR, LF or NUL"),
        ({"headers": [("X-Bad", "a\0b")]}, "CR, LF or NUL"),
        ({"headers": [("Bad Name", "v")]}, "not an HTTP token"),
        ({"headers": [("X-Snowman", "\u2603")]}, "ISO-8859-1"),
    ],
)
def test_framing_breaking_input_is_refused_and_points_to_send_raw_request(kwargs, says):
    arguments = {"method": "GET", "target": "/", "http_version": "HTTP/1.1", "headers": []} | kwargs
    with pytest.raises(RequestError) as caught:
        build_request(**arguments)
    assert says in str(caught.value)
    assert "Send Raw Request" in str(caught.value)


def test_accept_value_of_the_rfc_example():
    assert accept_for_key("dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="


def test_new_key_is_16_random_bytes():
    first, second = new_key(), new_key()
    assert len(base64.b64decode(first)) == 16
    assert first != second
