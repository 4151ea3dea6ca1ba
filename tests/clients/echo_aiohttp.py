"""Echo client on aiohttp's ClientSession.ws_connect with its defaults: python echo_aiohttp.py URL."""

import asyncio
import sys

import aiohttp


async def main(url: str) -> int:
    try:
        async with aiohttp.ClientSession() as session, session.ws_connect(url, ssl=False, max_msg_size=0) as ws:
            async for message in ws:
                if message.type is aiohttp.WSMsgType.TEXT:
                    await ws.send_str(message.data)
                elif message.type is aiohttp.WSMsgType.BINARY:
                    await ws.send_bytes(message.data)
                else:
                    break
    except (aiohttp.ClientError, OSError, asyncio.TimeoutError) as error:
        print(f"aiohttp: {error!r}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1])))
