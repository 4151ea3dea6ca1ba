"""Which pure-Python way of masking a WebSocket payload (RFC 6455 §5.3) is fastest.

Run from a checkout::

    python bench/masking.py              # 16 MiB, best of 5 runs per candidate
    python bench/masking.py --mib 1 --runs 9

Every candidate is checked against the plain byte loop on a small payload
with a ragged tail first, then timed on the large payload and on a
125-byte one (the largest control frame, and the size most frames have):
:func:`WsComplianceLibrary.wire.websocket.frames.mask` keeps the candidate
that is fastest on both.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from WsComplianceLibrary.wire.websocket.frames import mask  # noqa: E402

Masker = Callable[[bytes, bytes], bytes]

_TAIL_TEST = 64 * 1024 * 2 + 7
"""Two whole 64 KiB chunks and a ragged tail: what a chunked candidate can get wrong."""


def byte_loop(payload: bytes, key: bytes) -> bytes:
    """The definition in RFC 6455 §5.3, one byte at a time."""
    return bytes(byte ^ key[index & 3] for index, byte in enumerate(payload))


def whole_int_xor(payload: bytes, key: bytes) -> bytes:
    """One big-integer XOR of the whole payload with the key repeated to its length."""
    length = len(payload)
    repeated = key * (length // 4) + key[: length % 4]
    return (int.from_bytes(payload, "big") ^ int.from_bytes(repeated, "big")).to_bytes(length, "big")


def translate_strided(payload: bytes, key: bytes) -> bytes:
    """``bytes.translate`` with one XOR table per key byte, applied to every fourth byte."""
    out = bytearray(payload)
    for offset in range(4):
        table = bytes(value ^ key[offset] for value in range(256))
        out[offset::4] = payload[offset::4].translate(table)
    return bytes(out)


CANDIDATES: dict[str, Masker] = {
    "byte loop": byte_loop,
    "whole-payload int XOR": whole_int_xor,
    "bytes.translate per key byte": translate_strided,
    "64 KiB chunked int XOR (kept)": mask,
}


def best_of(masker: Masker, payload: bytes, key: bytes, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        masker(payload, key)
        times.append(time.perf_counter() - started)
    return min(times)


def per_call(masker: Masker, payload: bytes, key: bytes, calls: int = 2000) -> float:
    started = time.perf_counter()
    for _ in range(calls):
        masker(payload, key)
    return (time.perf_counter() - started) / calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=int, default=16, help="payload size in MiB (default 16)")
    parser.add_argument("--runs", type=int, default=5, help="runs per candidate, best kept (default 5)")
    options = parser.parse_args()
    key = os.urandom(4)
    sample = os.urandom(_TAIL_TEST)
    expected = byte_loop(sample, key)
    payload = os.urandom(options.mib * 1024 * 1024)
    small = os.urandom(125)
    print(f"Masking {options.mib} MiB (best of {options.runs} runs) and 125 bytes, Python {sys.version.split()[0]}")
    for name, masker in CANDIDATES.items():
        if masker(sample, key) != expected or masker(b"", key) != b"":
            print(f"  {name:32} WRONG RESULT")
            continue
        runs = 1 if masker is byte_loop else options.runs  # the byte loop takes about a second per run
        large = best_of(masker, payload, key, runs) * 1000
        print(f"  {name:32} {large:9.1f} ms {per_call(masker, small, key) * 1e6:9.2f} us")


if __name__ == "__main__":
    main()
