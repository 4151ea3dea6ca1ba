"""Echo client on websocket-client (import websocket) with its defaults: python echo_websocket_client.py URL."""

import ssl
import sys

import websocket


def main(url: str) -> int:
    try:
        ws = websocket.create_connection(url, sslopt={"cert_reqs": ssl.CERT_NONE}, timeout=10)
    except (websocket.WebSocketException, OSError) as error:
        print(f"websocket-client: {error!r}")
        return 1
    try:
        while True:
            opcode, data = ws.recv_data()
            if opcode == websocket.ABNF.OPCODE_CLOSE:
                break
            ws.send(data, opcode)
    except (websocket.WebSocketException, OSError) as error:
        print(f"websocket-client: {error!r}")
        return 1
    finally:
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
