"""Clients that misbehave on purpose: python hostile_client.py URL silent|flood|flood-frames|never.

``silent`` connects and sends nothing; ``flood`` sends header lines without
end; ``flood-frames`` opens the connection, then sends masked text frames
without end, reading nothing; ``never`` never connects. Each runs until it is stopped (at most a
minute, so a test that lost track of it does not leave it running for long).
"""

import base64
import os
import socket
import sys
import time
from urllib.parse import urlsplit


def main(url: str, behaviour: str) -> None:
    parts = urlsplit(url)
    if behaviour == "never":
        time.sleep(60)
        return
    sock = socket.create_connection((parts.hostname, parts.port), timeout=10)
    if behaviour == "silent":
        time.sleep(60)
        return
    deadline = time.monotonic() + 60
    if behaviour == "flood-frames":
        key = base64.b64encode(os.urandom(16)).decode()
        sock.sendall((f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nUpgrade: websocket\r\n"
                      f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        sock.recv(4096)
        frame = b"\x81\xfe\x03\xe8\x00\x00\x00\x00" + b"f" * 1000  # a masked 1000-byte TEXT frame, key 0
        data = frame * 64
    else:
        sock.sendall(b"GET / HTTP/1.1\r\n")
        data = b"X-Flood: " + b"a" * 1000 + b"\r\n"
    try:
        while time.monotonic() < deadline:
            sock.sendall(data)
    except OSError:
        pass


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
