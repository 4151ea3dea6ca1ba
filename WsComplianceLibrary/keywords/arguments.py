"""Reading keyword arguments, for every area: headers, opcodes, RSV bits, payloads, close codes, chops, keys.

Each parser takes what Robot Framework passes (already converted where the
keyword's type hint allows, else the text of a cell) and returns the value
the wire layer wants, or raises :class:`~..context.KeywordError` with one
sentence naming the argument and what it accepts. A new argument that
several keywords share gets its parser here.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from typing import Literal, Union, cast

from .. import sample_data
from ..context import KeywordError
from ..wire.printable import printable
from ..wire.websocket import BINARY, CLOSE, CONTINUATION, PING, PONG, TEXT
from ..wire.websocket.deflate import DeflateOffer, DeflateParameters, NegotiationError, parse_offers, window_probe

__all__ = [
    "HeaderArgument",
    "OPCODE_NUMBERS",
    "chop_size",
    "close_codes",
    "fragment_size",
    "header_pairs",
    "hex_parts",
    "length_form",
    "masking_key",
    "message_opcode",
    "opcode",
    "payload",
    "rsv_field",
]

HeaderArgument = Union[dict, list, str, None]
"""Header (or HTTP/2 field) changes: a dictionary, a list of ``(name, value)`` pairs or ``Name: value`` strings,
or the text of either as a suite cell writes it."""

OPCODE_NUMBERS = {"continuation": CONTINUATION, "text": TEXT, "binary": BINARY, "close": CLOSE, "ping": PING,
                  "pong": PONG}
"""The opcode names the Send keywords accept, besides numbers 0-15, and the opcode each stands for."""


def header_pairs(headers: HeaderArgument) -> list[tuple[str, str | None]] | None:
    """``headers`` as ``(name, value)`` pairs in the order given (``None`` value: remove), or ``None`` for none.

    A text cell (``{"Origin": "x"}``, ``[("a", "b")]``) is read as the
    Python literal Robot Framework reads a dictionary or list from.
    """
    if isinstance(headers, str):
        if not headers.strip():
            return None
        try:
            headers = ast.literal_eval(headers)
        except (ValueError, SyntaxError):
            raise KeywordError(f"Headers '{printable(headers, 80)}' are neither a dictionary nor (name, value) "
                               "pairs.") from None
    if headers is None:
        return None
    if isinstance(headers, dict):
        return [(str(name), None if value is None else str(value)) for name, value in headers.items()]
    if not isinstance(headers, (list, tuple)):
        raise KeywordError(f"Headers {headers!r:.80} are neither a dictionary nor (name, value) pairs.")
    pairs = []
    for item in headers:
        if isinstance(item, (list, tuple)) and len(item) == 2:
            pairs.append((str(item[0]), None if item[1] is None else str(item[1])))
        elif isinstance(item, str) and item.partition(":")[0].strip():
            name, _, value = item.partition(":")
            pairs.append((name, value.strip()))
        else:
            raise KeywordError(f"Header {item!r:.80} is neither a (name, value) pair nor a 'Name: value' string.")
    return pairs


def opcode(value: int | str) -> int:
    """An opcode given by name (:data:`OPCODE_NUMBERS`, any case) or as a number 0-15 (``11``, ``0xb``)."""
    if isinstance(value, int):
        number = value
    else:
        name = str(value).strip().lower()
        if name in OPCODE_NUMBERS:
            return OPCODE_NUMBERS[name]
        try:
            number = int(name, 0)
        except ValueError:
            raise KeywordError(f"Opcode {value!r} is neither a number 0-15 nor one of "
                               f"{', '.join(OPCODE_NUMBERS)}.") from None
    if not 0 <= number <= 0xF:
        raise KeywordError(f"Opcode {number} does not fit in four bits (0 to 15).")
    return number


def message_opcode(type: str) -> int:
    """The opcode of a message ``type``: ``text`` or ``binary``, in any case."""
    kind = str(type).strip().lower()
    if kind not in ("text", "binary"):
        raise KeywordError(f"A message type is text or binary, not {type!r}.")
    return OPCODE_NUMBERS[kind]


def rsv_field(rsv: int) -> int:
    """The 3-bit RSV field as Autobahn numbers it: RSV1=4, RSV2=2, RSV3=1."""
    if not 0 <= rsv <= 7:
        raise KeywordError(f"rsv is the 3-bit RSV field, 0 to 7 (RSV1=4, RSV2=2, RSV3=1), not {rsv}.")
    return rsv


def length_form(form: int | None) -> Literal[7, 16, 64] | None:
    """The width of the length field to write: 7, 16 or 64 bits, or ``None`` for the shortest."""
    if form not in (None, 7, 16, 64):
        raise KeywordError(f"length_form is 7, 16 or 64, not {form}.")
    return cast(Literal[7, 16, 64] | None, form)


def masking_key(key: str | None, masked: bool) -> bytes | None:
    """A masking key of 8 hex digits as 4 bytes; ``None`` lets the frame builder draw a fresh one."""
    if key is None:
        return None
    if not masked:
        raise KeywordError("An unmasked frame has no masking key; give masked=True or no masking_key.")
    try:
        value = bytes.fromhex(key)
    except ValueError:
        value = b""
    if len(value) != 4:
        raise KeywordError(f"masking_key is 4 bytes as 8 hex digits, such as 0a1b2c3d, not {key!r}.")
    return value


def payload(text: str, payload_hex: str | None, repeat: int | None, length: int | None = None) -> bytes:
    """The payload: ``text`` as UTF-8 or ``payload_hex`` as bytes, repeated, or repeated and cut to ``length``.

    An empty ``payload_hex`` or ``repeat`` counts as not given, so a table's empty cell can be passed on as it is.
    """
    repeat = 1 if repeat is None else repeat
    if payload_hex:
        try:
            unit = bytes.fromhex(payload_hex)
        except ValueError:
            raise KeywordError(f"Hex payload {printable(payload_hex, 80)!r} is not pairs of hex digits.") from None
    else:
        unit = str(text).encode("utf-8")
    if repeat < 0:
        raise KeywordError(f"repeat is 0 or more, not {repeat}.")
    if length is None:
        return unit * repeat
    if length < 0 or (length and not unit):
        raise KeywordError(f"length {length} cannot be made of the payload {printable(unit, 40)!r}.")
    return (unit * (length // len(unit) + 1))[:length] if unit else b""


def hex_parts(parts_hex: str) -> list[bytes]:
    """``|``-separated hex strings as the byte strings they spell (``cebae1|f490`` is two parts)."""
    try:
        return [bytes.fromhex(part) for part in parts_hex.split("|")]
    except ValueError:
        raise KeywordError(f"Parts {printable(parts_hex, 80)!r} are not |-separated pairs of hex digits.") from None


def close_codes(code: int | str) -> frozenset[int]:
    """``1002``, ``"1002"`` or ``"1002 or 1007"`` as a set of close codes."""
    words = str(code).replace(",", " ").split()
    try:
        codes = frozenset(int(word) for word in words if word.lower() != "or")
    except ValueError:
        codes = frozenset()
    if not codes:
        raise KeywordError(f"code is a close code or several, such as 1002 or '1002 or 1007', not {code!r}.")
    return codes


def chop_size(chop: int | None) -> int | None:
    """The size of the pieces a frame is written to TCP in, or ``None`` for one write."""
    if chop is not None and chop < 1:
        raise KeywordError(f"chop is at least 1 byte, not {chop}.")
    return chop


def fragment_size(size: int | None) -> int | None:
    """The payload bytes per frame a message is split into, or ``None`` for one frame."""
    if size is not None and size < 1:
        raise KeywordError(f"fragment_size is at least 1 byte, not {size}.")
    return size


def extension_offers(extensions: str | None) -> list[DeflateOffer]:
    """The permessage-deflate offers in an ``extensions`` cell (a ``Sec-WebSocket-Extensions`` value)."""
    if extensions is None:
        return []
    try:
        return parse_offers(extensions)
    except NegotiationError as error:
        raise KeywordError(f"extensions: {error} Nothing was sent.") from None


def sample_messages(kind: str, length: int | None, agreed: DeflateParameters | None) -> Iterator[bytes]:
    """Endless ``length``-byte messages of a sample-data ``kind``, or of the window probe for the server's window."""
    if length is None or length < 1:
        raise KeywordError(f"data={kind} needs length, the size of each message in bytes (at least 1).")
    if kind == "window-probe":
        if agreed is None:
            raise KeywordError("data=window-probe needs permessage-deflate agreed: offer it with Open WebSocket's "
                               "extensions argument.")
        return itertools.repeat(window_probe(agreed.server_max_window_bits, length))
    try:
        return sample_data.messages(kind, length)
    except ValueError as error:
        raise KeywordError(str(error)) from None
