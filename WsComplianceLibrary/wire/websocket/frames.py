"""WebSocket frames (RFC 6455 §5) as exact bytes: opcodes, masking, the builder, the frame record, log lines.

Pure functions, no I/O. :func:`build_frame` writes any frame, valid or
not, so a case can send exactly the violation it needs: reserved opcodes
and RSV bits, unmasked client frames, non-minimal lengths and a length
field that disagrees with the payload. Reading frames is
:mod:`.reader`'s job.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

from ..printable import printable
from .close import is_valid_close_code, parse_close_payload

__all__ = [
    "BINARY",
    "CLOSE",
    "CONTINUATION",
    "DESCRIBED_PAYLOAD",
    "Frame",
    "MAX_CONTROL_PAYLOAD",
    "OutgoingFrame",
    "PING",
    "PONG",
    "TEXT",
    "build_frame",
    "describe_frame",
    "is_control",
    "mask",
    "opcode_name",
]

CONTINUATION = 0x0
TEXT = 0x1
BINARY = 0x2
CLOSE = 0x8
PING = 0x9
PONG = 0xA

MAX_CONTROL_PAYLOAD = 125
"""Largest payload of a control frame (RFC 6455 §5.5)."""

DESCRIBED_PAYLOAD = 2048
"""Payload bytes :func:`describe_frame` shows before cutting the line short."""

_NAMES = {CONTINUATION: "CONTINUATION", TEXT: "TEXT", BINARY: "BINARY", CLOSE: "CLOSE", PING: "PING", PONG: "PONG"}

_MASK_CHUNK = 64 * 1024
"""Bytes masked per big-integer XOR: a multiple of 4, so every chunk starts at key byte 0 (see bench/masking.py)."""

_MAX_LENGTH = {7: 125, 16: 0xFFFF, 64: 0xFFFF_FFFF_FFFF_FFFF}
"""Largest value each length form holds; 126 and 127 in the 7-bit field announce the longer forms."""


def opcode_name(opcode: int) -> str:
    """``"TEXT"``, ``"PING"`` ... for defined opcodes, ``"reserved-0x3"`` for the others."""
    return _NAMES.get(opcode, f"reserved-0x{opcode:x}")


def is_control(opcode: int) -> bool:
    """Whether ``opcode`` is a control opcode: its high bit is set (RFC 6455 §5.5), reserved ones included."""
    return opcode & 0x8 != 0


def mask(payload: bytes, key: bytes) -> bytes:
    """XOR ``payload`` with the four-byte ``key`` repeated (RFC 6455 §5.3); the same call unmasks.

    Masking is one big-integer XOR per 64 KiB chunk, the fastest pure-Python
    way measured by ``bench/masking.py`` that is also quick for the short
    payloads most frames carry.
    """
    return b"".join(_masked_pieces(payload, key))


def _masked_pieces(payload: bytes, key: bytes) -> list[bytes]:
    """``payload`` masked with ``key``, in chunks, so a caller can join them with a header in one copy."""
    if len(key) != 4:
        raise ValueError(f"A masking key is 4 bytes, not {len(key)}.")
    view = memoryview(payload)
    pieces = []
    piece_key, key_size = 0, -1
    for start in range(0, len(view), _MASK_CHUNK):
        piece = view[start:start + _MASK_CHUNK]
        size = len(piece)
        if size != key_size:  # once for the full chunks, once more for a shorter last one
            piece_key, key_size = int.from_bytes((key * (size // 4 + 1))[:size], "little"), size
        pieces.append((int.from_bytes(piece, "little") ^ piece_key).to_bytes(size, "little"))
    return pieces


def build_frame(
    opcode: int,
    payload: bytes = b"",
    *,
    fin: bool = True,
    rsv1: bool = False,
    rsv2: bool = False,
    rsv3: bool = False,
    masked: bool = True,
    masking_key: bytes | None = None,
    length_form: Literal[7, 16, 64] | None = None,
    announced_length: int | None = None,
) -> bytes:
    """Serialise one frame exactly as asked, valid or not.

    ``masked`` frames carry ``masking_key`` (4 fresh random bytes when it
    is ``None``) and the payload XOR-ed with it; ``masked=False`` writes a clear
    payload and no key, as a client must not. The length field holds
    ``announced_length`` when given, whatever the payload appended (so a
    frame can announce more or fewer bytes than follow, or 2**64-1 with the
    most significant bit set), else ``len(payload)``. ``length_form`` picks
    the 7-bit (0-125), 16-bit or 64-bit encoding; ``None`` picks the
    shortest that holds the value, as §5.2 requires.

    Raises :class:`ValueError` only for what has no encoding: an opcode
    above 15, a key that is not 4 bytes (or a key with ``masked=False``), a
    length that does not fit the chosen form.
    """
    if not 0 <= opcode <= 0xF:
        raise ValueError(f"Opcode {opcode} does not fit in four bits (0 to 15).")
    if not masked and masking_key is not None:
        raise ValueError("An unmasked frame has no place for a masking key; give masked=True or no key.")
    if masked:
        masking_key = os.urandom(4) if masking_key is None else masking_key
        if len(masking_key) != 4:
            raise ValueError(f"A masking key is 4 bytes, not {len(masking_key)}.")
    length = len(payload) if announced_length is None else announced_length
    form = _shortest_form(length) if length_form is None else length_form
    if form not in _MAX_LENGTH:
        raise ValueError(f"Length form {form!r} is not 7, 16 or 64.")
    if not 0 <= length <= _MAX_LENGTH[form]:
        raise ValueError(f"A length of {length} does not fit the {form}-bit length form (0 to {_MAX_LENGTH[form]}).")
    first = (fin << 7) | (rsv1 << 6) | (rsv2 << 5) | (rsv3 << 4) | opcode
    mask_bit = 0x80 if masked else 0
    if form == 7:
        header = bytes([first, mask_bit | length])
    elif form == 16:
        header = bytes([first, mask_bit | 126]) + length.to_bytes(2, "big")
    else:
        header = bytes([first, mask_bit | 127]) + length.to_bytes(8, "big")
    if not masked:
        return header + payload
    return b"".join([header, masking_key, *_masked_pieces(payload, masking_key)])  # one copy of a big payload


def _shortest_form(length: int) -> Literal[7, 16, 64]:
    if length <= _MAX_LENGTH[7]:
        return 7
    if length <= _MAX_LENGTH[16]:
        return 16
    if length <= _MAX_LENGTH[64]:
        return 64
    raise ValueError(f"A length of {length} does not fit in 64 bits.")


@dataclass(frozen=True, repr=False)
class Frame:
    """One whole frame as read: its header fields, its payload unmasked, and the header bytes as received.

    ``length`` is the value of the length field, which for a whole frame
    is also ``len(payload)``. ``masking_key`` is ``None`` when the mask bit
    is clear.
    """

    fin: bool
    rsv1: bool
    rsv2: bool
    rsv3: bool
    opcode: int
    masked: bool
    masking_key: bytes | None
    length: int
    payload: bytes
    header: bytes

    @property
    def opcode_name(self) -> str:
        """``"TEXT"``, ``"CLOSE"``, ``"reserved-0xb"`` ..."""
        return opcode_name(self.opcode)

    @property
    def rsv(self) -> int:
        """The 3-bit RSV field: RSV1=4, RSV2=2, RSV3=1."""
        return self.rsv1 << 2 | self.rsv2 << 1 | self.rsv3

    @property
    def length_form(self) -> int:
        """The width of the length field as written, in bits: 7, 16 or 64."""
        return {126: 16, 127: 64}.get(self.header[1] & 0x7F, 7) if len(self.header) > 1 else 7

    @property
    def is_control(self) -> bool:
        """Whether this is a control frame (opcode 0x8 to 0xF)."""
        return is_control(self.opcode)

    def __repr__(self) -> str:
        # Short on purpose, like Response's: payloads can be megabytes of server bytes.
        return f"<Frame {self.opcode_name}{' FIN' if self.fin else ''}, {self.length} bytes>"


@dataclass(frozen=True)
class OutgoingFrame:
    """One frame to send, with every header field a case may want wrong; ``rsv`` is the 3-bit field (RSV1=4)."""

    opcode: int
    payload: bytes
    fin: bool = True
    rsv: int = 0
    masked: bool = True
    masking_key: bytes | None = None
    length_form: Literal[7, 16, 64] | None = None
    announced_length: int | None = None

    def encode(self) -> tuple[bytes, Frame]:
        """The frame's bytes, and the frame as the peer will read it; :class:`ValueError` as :func:`build_frame`."""
        key = (self.masking_key or os.urandom(4)) if self.masked else None
        data = build_frame(self.opcode, self.payload, fin=self.fin, rsv1=bool(self.rsv & 4), rsv2=bool(self.rsv & 2),
                           rsv3=bool(self.rsv & 1), masked=self.masked, masking_key=key, length_form=self.length_form,
                           announced_length=self.announced_length)
        header = data[:len(data) - len(self.payload)]
        length = len(self.payload) if self.announced_length is None else self.announced_length
        return data, Frame(self.fin, bool(self.rsv & 4), bool(self.rsv & 2), bool(self.rsv & 1), self.opcode,
                           self.masked, key, length, self.payload, header)


def describe_frame(frame: Frame, direction: Literal["sent", "received"]) -> str:
    """One printable line for logs: direction, opcode, flags, masking, length and the payload escaped.

    Control bytes, non-ASCII bytes and backslashes are escaped by
    :func:`~WsComplianceLibrary.wirelog.printable`, so neither invalid
    UTF-8 nor a terminal escape sequence survives; the line is plain text
    (``<script>`` stays visible as text, and logging it with ``html=True``
    needs HTML escaping first). The payload is cut after
    :data:`DESCRIBED_PAYLOAD` bytes with a note of how many more there
    were. A Close frame also shows its code and reason.
    """
    rsv = "+".join(name for name, bit in (("RSV1", frame.rsv1), ("RSV2", frame.rsv2), ("RSV3", frame.rsv3)) if bit)
    parts = [
        f"{direction} {frame.opcode_name} frame (opcode 0x{frame.opcode:x})",
        "FIN" if frame.fin else "not FIN",
        rsv or "no RSV bits",
        f"masked with key {printable(frame.masking_key)}" if frame.masking_key is not None else "unmasked",
        f"{frame.length} bytes",
    ]
    line = ", ".join(parts)
    if frame.opcode == CLOSE:
        line += f", {_describe_close(frame.payload)}"
    if frame.payload:
        line += f": {printable(frame.payload, DESCRIBED_PAYLOAD)}"
    return line


def _describe_close(payload: bytes) -> str:
    close = parse_close_payload(payload)
    if close.code is None:
        return "no close code" if not payload else "a one-byte payload, no close code"
    validity = "valid" if is_valid_close_code(close.code) else "invalid"
    return f"close code {close.code} ({validity}), reason '{printable(close.reason, 125)}'"
