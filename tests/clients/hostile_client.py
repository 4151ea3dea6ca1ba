"""Clients that misbehave on purpose: python hostile_client.py URL silent|flood|never.

``silent`` connects and sends nothing; ``flood`` sends header lines without
end; ``never`` never connects. Each runs until it is stopped (at most a
minute, so a test that lost track of it does not leave it running for long).
"""

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
    sock.sendall(b"GET / HTTP/1.1\r\n")
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            sock.sendall(b"X-Flood: " + b"a" * 1000 + b"\r\n")
    except OSError:
        pass


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
