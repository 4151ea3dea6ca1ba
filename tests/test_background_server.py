"""The embedded reference servers start, serve, stop and fail to start the same way (one BackgroundServer)."""

from __future__ import annotations

import socket
import threading

import pytest

from WsComplianceLibrary.reference_http2 import Http2ReferenceServer
from WsComplianceLibrary.reference_server import ReferenceServer


@pytest.mark.parametrize("server_class", [ReferenceServer, Http2ReferenceServer])
def test_a_server_starts_once_serves_and_stops_with_its_thread(server_class):
    server = server_class()
    url = server.start()
    assert server.running and server.start() == url
    port = int(url.rsplit(":", 1)[1].rstrip("/"))
    socket.create_connection(("127.0.0.1", port), timeout=2).close()
    server.stop()
    assert not server.running
    assert not any(thread.name.endswith("reference-server") for thread in threading.enumerate())
    with pytest.raises(RuntimeError, match="not running"):
        server.url


def test_a_server_that_cannot_listen_says_why_and_leaves_nothing_running():
    with socket.create_server(("127.0.0.1", 0)) as taken:
        server = ReferenceServer(port=taken.getsockname()[1])
        with pytest.raises(OSError):
            server.start()
    assert not server.running
    assert not any(thread.name == "ws-reference-server" for thread in threading.enumerate())
