"""Echo client on websockets' own client with its defaults: python echo_websockets.py URL."""

import ssl
import sys

from websockets.exceptions import WebSocketException
from websockets.sync.client import connect


def main(url: str) -> int:
    context = ssl._create_unverified_context() if url.startswith("wss://") else None
    try:
        with connect(url, ssl=context, max_size=None) as connection:
            for message in connection:
                connection.send(message)
    except (WebSocketException, OSError) as error:
        print(f"websockets: {error!r}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
