"""Deterministic sample messages of five kinds for the compression cases (Autobahn|Testsuite 12.x and 13.x).

Autobahn slices five files (JSON and HTML sent as text, an image, a long
literary text and a PDF sent as binary) into messages of a case's size.
Those files are not ours to ship, so each kind here is generated from a
fixed seed with the same kind of content and about the same
compressibility: the same bytes on every run and every machine.

:func:`messages` slices a kind's corpus (:data:`CORPUS_SIZE` bytes) into
consecutive windows of the message size, wrapping around at its end, as
Autobahn slices its files.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import lru_cache

__all__ = ["CORPUS_SIZE", "KINDS", "corpus", "messages"]

CORPUS_SIZE = 512 * 1024
"""Bytes generated per kind: four times the largest message (128 KiB), so messages differ."""

KINDS = {"json": "text", "html": "text", "image": "binary", "literature": "binary", "pdf": "binary"}
"""Each kind and the message type Autobahn sends it as."""

_WORDS = ("the of and to in that was his he it with is for as had you not be her on at by which have or from this "
          "him but all she they were my are me one their so an said them we who would been will no when there if "
          "more out up into do any your what has man could other than our some very time upon about may its only "
          "now like little then can should made did us such great before must two these see know over much down "
          "after first good men own never most old shall day where those came come himself way work life without "
          "go make well through being long say might how am too even under us years again place young let "
          "heart people while house hand eyes father mind world whole light night voice morning letter garden "
          "river window silence question answer reason friend stranger journey evening dream").split()


def _generator(kind: str) -> random.Random:
    return random.Random(f"wscompliance-sample-{kind}")


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(count))


def _json(rng: random.Random) -> str:
    records = []
    for index in range(rng.randint(3, 8)):
        records.append(
            f'{{"id": {rng.randint(1, 10**6)}, "name": "{_words(rng, 2)}", "active": '
            f'{rng.choice(["true", "false"])}, "score": {rng.random() * 100:.3f}, "tags": ['
            + ", ".join(f'"{rng.choice(_WORDS)}"' for _ in range(rng.randint(0, 4)))
            + f'], "position": {index}}}')
    return '{"results": [' + ", ".join(records) + f'], "total": {len(records)}}}\n'


def _html(rng: random.Random) -> str:
    tag = rng.choice(["p", "div", "li", "span", "h2"])
    link = f' <a href="/{rng.choice(_WORDS)}/{rng.randint(1, 999)}.html">{_words(rng, 2)}</a>' \
        if rng.random() < 0.4 else ""
    return f'<{tag} class="{rng.choice(_WORDS)}-{rng.randint(1, 9)}">{_words(rng, rng.randint(5, 25))}{link}</{tag}>\n'


def _literature(rng: random.Random) -> str:
    sentences = [_words(rng, rng.randint(6, 24)).capitalize() + rng.choice([".", ".", ".", "!", "?", ";"])
                 for _ in range(rng.randint(3, 9))]
    return " ".join(sentences) + "\n\n"


def _pdf(rng: random.Random, number: int) -> bytes:
    # Text objects between deflated-looking streams, as in a real PDF.
    text = (f"{number} 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {number + 1} 0 R >>\n"
            f"endobj\n{number + 1} 0 obj\n<< /Length 512 /Filter /FlateDecode >>\nstream\n")
    return text.encode() + rng.randbytes(rng.randint(200, 1500)) + b"\nendstream\nendobj\n"


def _image(rng: random.Random) -> bytes:
    # JPEG-like: short runs of repeated bytes in mostly incompressible data.
    chunk = bytearray(rng.randbytes(rng.randint(256, 4096)))
    for _ in range(rng.randint(0, 4)):
        start = rng.randrange(len(chunk))
        chunk[start:start + rng.randint(4, 64)] = bytes([rng.randrange(256)]) * rng.randint(4, 64)
    return bytes(chunk)


@lru_cache(maxsize=None)
def corpus(kind: str) -> bytes:
    """The :data:`CORPUS_SIZE` bytes messages of ``kind`` are sliced from (ASCII for the text kinds)."""
    if kind not in KINDS:
        raise ValueError(f"There is no sample data '{kind}': the kinds are {', '.join(KINDS)}.")
    rng = _generator(kind)
    parts: list[bytes] = []
    size = 0
    while size < CORPUS_SIZE:
        if kind == "json":
            part = _json(rng).encode()
        elif kind == "html":
            part = _html(rng).encode()
        elif kind == "literature":
            part = _literature(rng).encode()
        elif kind == "pdf":
            part = _pdf(rng, len(parts) * 2 + 3)
        else:
            part = _image(rng)
        parts.append(part)
        size += len(part)
    return b"".join(parts)[:CORPUS_SIZE]


def messages(kind: str, size: int) -> Iterator[bytes]:
    """Endless consecutive ``size``-byte windows of ``kind``'s corpus, wrapping around at its end."""
    data = corpus(kind)
    if not 0 < size <= len(data):
        raise ValueError(f"A sample message has 1 to {len(data)} bytes, not {size}.")
    offset = 0
    while True:
        if offset + size > len(data):
            offset = 0
        yield data[offset:offset + size]
        offset += size
