"""Target URLs: what is accepted, what goes into the request, and clear refusals."""

import pytest

from WsComplianceLibrary.target import TargetError, parse_target


@pytest.mark.parametrize(
    ("url", "host", "port", "path", "authority", "tls"),
    [
        ("ws://localhost:8080/chat", "localhost", 8080, "/chat", "localhost:8080", False),
        ("ws://127.0.0.1", "127.0.0.1", 80, "/", "127.0.0.1", False),
        ("wss://example.test/ws?room=1&x=2", "example.test", 443, "/ws?room=1&x=2", "example.test", True),
        ("http://127.0.0.1:9000", "127.0.0.1", 9000, "/", "127.0.0.1:9000", False),
        ("HTTPS://[::1]:8443/a", "::1", 8443, "/a", "[::1]:8443", True),
        ("ws://[::1]/", "::1", 80, "/", "[::1]", False),
    ],
)
def test_accepted_urls(url, host, port, path, authority, tls):
    target = parse_target(url)
    assert (target.host, target.port, target.path, target.authority, target.tls) == (host, port, path, authority, tls)


def test_http_url_keeps_path_and_switches_scheme():
    assert parse_target("wss://[::1]:8443/ws?q=1").http_url == "https://[::1]:8443/ws?q=1"
    assert parse_target("ws://127.0.0.1:81/").http_url == "http://127.0.0.1:81/"


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("", "empty"),
        ("ftp://127.0.0.1/", "scheme 'ftp'"),
        ("127.0.0.1:8080", "scheme"),
        ("ws://:8080/", "no host"),
        ("ws://127.0.0.1:0/", "port 0"),
        ("ws://127.0.0.1:70000/", "port"),
        ("ws://127.0.0.1:abc/", "port"),
        ("ws://127.0.0.1/#frag", "fragment"),
        ("ws://user:pw@127.0.0.1/", "user information"),
        ("ws://127.0.0.1/a b", "spaces or control"),
        ("ws://127.0.0.1/\r\nX: y", "spaces or control"),
        ("ws://[::1/", "not a valid URL"),
    ],
)
def test_refused_urls_say_why(url, says):
    with pytest.raises(TargetError, match=None) as caught:
        parse_target(url)
    assert says in str(caught.value)
