"""A small echo client of ours, correct except for the one rule a flag breaks: python fixture_client.py URL [FLAG].

Flags: ``--offers-subprotocol`` (offers the subprotocol ``chat``, a choice, not a broken rule),
``--never-masks`` (sends its frames unmasked), ``--ignores-accept``
(does not compare Sec-WebSocket-Accept with its key), ``--accepts-masked``
(reads a masked frame from the server as any other), ``--ignores-ping``
(never answers a Ping). Otherwise it refuses a bad answer (status, Upgrade,
Connection, accept, extension or subprotocol it did not offer), echoes
messages, answers Pings and the Close, and drops TCP on any broken rule.
It reads frames with the library's own sans-I/O reader, the rules of a
server's frames.
"""

import base64
import os
import socket
import sys
from urllib.parse import urlsplit

from WsComplianceLibrary.wire.http1.request import accept_for_key
from WsComplianceLibrary.wire.http1.response import ResponseParser
from WsComplianceLibrary.wire.websocket import CLOSE, PING, PONG, Frame, FrameReader, Message, Role, build_frame


def main(url: str, flags: set[str]) -> int:
    parts = urlsplit(url)
    key = base64.b64encode(os.urandom(16)).decode()
    sock = socket.create_connection((parts.hostname, parts.port), timeout=10)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    offered = ["chat"] if "--offers-subprotocol" in flags else []
    offer = "".join(f"Sec-WebSocket-Protocol: {protocol}\r\n" for protocol in offered)
    sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {parts.netloc}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n{offer}\r\n").encode())
    parser = ResponseParser()
    while not parser.head_complete and parser.invalid is None:
        data = sock.recv(65536)
        if not data:
            return 1
        parser.feed(data)
    headers = parser.headers
    connection_tokens = [token.strip().lower() for token in headers.get("Connection", "").split(",")]
    accept_ok = "--ignores-accept" in flags or headers.get("Sec-WebSocket-Accept", "").strip() == accept_for_key(key)
    if (parser.status != 101 or headers.get("Upgrade", "").lower() != "websocket"
            or "upgrade" not in connection_tokens or not accept_ok or "Sec-WebSocket-Accept" not in headers
            or "Sec-WebSocket-Extensions" in headers
            or headers.get("Sec-WebSocket-Protocol", None) not in (None, *offered)):
        sock.close()
        return 1
    reader = FrameReader(sender=Role.SERVER)
    reader.feed(parser.trailing)
    masked = "--never-masks" not in flags

    def send(opcode: int, payload: bytes) -> None:
        sock.sendall(build_frame(opcode, payload, masked=masked))

    while True:
        event = reader.next_event()
        if event is None:
            data = sock.recv(65536)
            if not data:
                return 0
            reader.feed(data)
            continue
        broken = [rule for rule in reader.violations if "--accepts-masked" not in flags or "masked" not in rule]
        if broken:
            sock.close()
            return 2
        if isinstance(event, Message):
            send(event.opcode, event.payload)
        elif isinstance(event, Frame) and event.opcode == PING and "--ignores-ping" not in flags:
            send(PONG, event.payload)
        elif isinstance(event, Frame) and event.opcode == CLOSE:
            send(CLOSE, event.payload[:2])
            sock.close()
            return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], set(sys.argv[2:])))
