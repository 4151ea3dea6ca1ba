"""The rules of RFC 6455 on the frames an endpoint sends, written once, with the sender's role as a parameter.

:class:`FrameRules` follows the frames one endpoint sends, in order, and
names every rule they break, as the receiving endpoint must check them
(§5.1-§5.6, §5.5.1, §7.4, §8.1). The same checker reads both ways: the
:class:`~.reader.FrameReader` applies it to what the peer sends
(``FrameRules(sender=Role.SERVER)`` when we are the client), and the
:class:`~.session.Session` applies it to what we send, to know which of
our frames the peer must fail the connection for. Swapping the roles is
all it takes to judge a client.

With permessage-deflate agreed (RFC 7692) the checker also inflates each
compressed message, bounded, with the sender's agreed window and context
takeover: RSV1 on a control or continuation frame, data that does not
inflate, a window larger than agreed and context kept after agreeing not
to are rules like the others, and the UTF-8 rule applies to the inflated
text.

Where a new rule goes: a rule a frame's header breaks goes into
:meth:`FrameRules._header_rules`; a rule on a payload (Close bodies, the
UTF-8 of text messages, compressed data) into :meth:`FrameRules.take_payload`.
Each is one :class:`BrokenRule`: a clause naming the RFC section, and the
close code the receiver fails the connection with.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from ..printable import printable
from .close import CloseCode, is_valid_close_code, parse_close_payload
from .deflate import DeflateParameters, InflateError, Inflater
from .events import Message
from .frames import BINARY, CLOSE, CONTINUATION, MAX_CONTROL_PAYLOAD, TEXT, is_control, opcode_name
from .utf8 import Utf8Validator

__all__ = ["BrokenRule", "FrameRules", "Role", "shortest_length_form"]

_SHOWN = 8
"""Bytes quoted from an invalid UTF-8 sequence."""


class Role(str, enum.Enum):
    """Which end of a WebSocket connection an endpoint is."""

    CLIENT = "client"
    SERVER = "server"

    @property
    def peer(self) -> Role:
        """The role of the endpoint at the other end."""
        return Role.SERVER if self is Role.CLIENT else Role.CLIENT

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class BrokenRule:
    """One rule a frame breaks: a clause naming the RFC section (no final full stop) and the close code it earns.

    ``code`` is the code RFC 6455 has the receiver fail the connection
    with: 1002, or 1007 for data that is not UTF-8 (§7.4.1).
    ``message_begun_in`` is the number of the frame that began the text
    message when the rule is about the whole message's UTF-8, and
    ``in_fragment`` that the invalid byte came in a fragment before the
    message's last: a receiver that checks as it reads can fail the
    connection before the rest arrives (Autobahn's "fail fast").
    """

    clause: str
    code: CloseCode = CloseCode.PROTOCOL_ERROR
    message_begun_in: int | None = None
    in_fragment: bool = False


def shortest_length_form(length: int) -> int:
    """The length form (7, 16 or 64 bits) §5.2 requires for a payload of ``length`` bytes: the shortest."""
    return 7 if length <= MAX_CONTROL_PAYLOAD else 16 if length <= 0xFFFF else 64


class OpenMessage:
    """A data message whose last frame has not been taken yet: its type, its parts so far, its UTF-8 state."""

    def __init__(self, opcode: int, first_frame: int, compressed: bool = False) -> None:
        self.opcode = opcode
        self.first_frame = first_frame
        self.compressed = compressed
        self.parts: list[bytes] = []
        self.size = 0
        # Compressed text is checked once inflated, whole.
        self.validator = Utf8Validator() if opcode == TEXT and not compressed else None

    def add(self, payload: bytes) -> None:
        self.parts.append(payload)
        self.size += len(payload)

    def joined(self) -> bytes:
        return b"".join(self.parts)


class FrameRules:
    """The rules on the frames one endpoint sends, applied to those frames in the order they go on the wire.

    ``sender`` is the role of the endpoint that sends the frames: a
    client MUST mask every frame, a server MUST NOT. ``negotiated_rsv``
    names the RSV bits (1, 2, 3) an extension negotiated in the handshake
    gave a meaning to; any other set bit breaks §5.2. ``deflate`` is the
    permessage-deflate agreement, if any: RSV1 then marks a compressed
    message on its first frame only, and compressed messages are inflated
    with the ``sender``'s agreed window and takeover, to at most
    ``max_inflated`` bytes (:attr:`too_large` says when one went beyond).

    For each frame call :meth:`check_header`, then :meth:`take_payload`.
    Both return the rules broken, in a fixed order, and never raise: a
    frame that breaks a rule is still followed leniently (a new data frame
    in the middle of a fragmented message abandons that message and starts
    a new one), so the rules of the frames after it are named too.
    """

    def __init__(self, sender: Role, negotiated_rsv: Iterable[int] = (), deflate: DeflateParameters | None = None,
                 max_inflated: int | None = None) -> None:
        self.sender = sender
        self.negotiated_rsv = tuple(negotiated_rsv)
        self.deflate = deflate
        self.inflater = None if deflate is None else Inflater(
            deflate.window_bits(sender), deflate.no_context_takeover(sender), max_inflated)
        self.too_large: str | None = None
        """Why the last message was not taken: it inflated to more than ``max_inflated`` bytes."""
        self.frames = 0
        """Frames checked so far; the frame being checked is number ``frames``."""
        self.close_frame: int | None = None
        """The number of the sender's first Close frame, once it was taken."""
        self.message: OpenMessage | None = None
        """The fragmented data message in progress, if any."""

    def check_header(
        self,
        *,
        fin: bool,
        rsv: int,
        opcode: int,
        masking_key: bytes | None,
        length: int,
        length_form: int,
        payload_size: int | None = None,
    ) -> list[BrokenRule]:
        """Count the next frame and return the rules its header breaks.

        ``rsv`` is the 3-bit RSV field (RSV1=4, RSV2=2, RSV3=1),
        ``length`` the length field's value, ``length_form`` its width in
        bits (7, 16 or 64). ``payload_size`` is the number of payload
        bytes that really follow, when the sender knows it differs from
        ``length`` (a receiver cannot: it reads ``length`` bytes).
        """
        self.frames += 1
        return [BrokenRule(clause) for clause in
                self._header_rules(fin, rsv, opcode, masking_key, length, length_form, payload_size)]

    def _header_rules(self, fin: bool, rsv: int, opcode: int, masking_key: bytes | None, length: int,
                      length_form: int, payload_size: int | None) -> Iterable[str]:
        if self.close_frame is not None:
            yield (f"it arrived after the {self.sender}'s Close frame (frame {self.close_frame}), after which a "
                   f"{self.sender} sends nothing (RFC 6455 §5.5.1)")
        if self.sender is Role.CLIENT and masking_key is None:
            yield "a client frame is unmasked, but a client MUST mask every frame (RFC 6455 §5.1)"
        if self.sender is Role.SERVER and masking_key is not None:
            yield (f"the server masked it (key {printable(masking_key)}), but a server MUST NOT mask the frames "
                   "it sends (RFC 6455 §5.1)")
        negotiated = self.negotiated_rsv
        if self.deflate is not None:
            if opcode in (TEXT, BINARY):
                negotiated = (*negotiated, 1)
            elif rsv & 4:
                kind = "control" if is_control(opcode) else "continuation"
                yield (f"RSV1 is set on a {kind} frame, but permessage-deflate sets it only on the first frame of a "
                       "compressed message (RFC 7692 §6.1)")
                rsv &= 3
        unnegotiated = [f"RSV{bit}" for bit in (1, 2, 3) if rsv & (8 >> bit) and bit not in negotiated] \
            if rsv else []
        if unnegotiated:
            verb = "are" if len(unnegotiated) > 1 else "is"
            yield (f"{' and '.join(unnegotiated)} {verb} set without a negotiated extension giving it a meaning "
                   "(RFC 6455 §5.2)")
        if 0x3 <= opcode <= 0x7 or opcode >= 0xB:
            yield f"opcode 0x{opcode:x} is reserved for further definition (RFC 6455 §5.2)"
        if payload_size is not None and payload_size != length:
            yield (f"its length field announces {length} bytes but {payload_size} follow, so the frames after it "
                   "cannot be read as sent (RFC 6455 §5.2)")
        if length_form == 64 and length >> 63:
            yield "the 64-bit length has its most significant bit set, which MUST be 0 (RFC 6455 §5.2)"
        if length_form != shortest_length_form(length):
            yield (f"the length {length} is written in the {length_form}-bit form, but the minimal number of "
                   "bytes MUST be used (RFC 6455 §5.2)")
        if is_control(opcode):
            if length > MAX_CONTROL_PAYLOAD:
                yield f"a control frame carries {length} bytes, more than {MAX_CONTROL_PAYLOAD} (RFC 6455 §5.5)"
            if not fin:
                yield "a control frame has FIN clear, but control frames MUST NOT be fragmented (RFC 6455 §5.5)"
        elif opcode == CONTINUATION and self.message is None:
            yield "a continuation frame with no fragmented message to continue (RFC 6455 §5.4)"
        elif opcode in (TEXT, BINARY) and self.message is not None:
            yield (f"a new {opcode_name(opcode)} frame while the {opcode_name(self.message.opcode)} message "
                   f"begun in frame {self.message.first_frame} is unfinished (RFC 6455 §5.4)")

    def take_payload(self, fin: bool, opcode: int, payload: bytes, rsv: int = 0
                     ) -> tuple[list[BrokenRule], Message | None]:
        """Follow the payload of the frame whose header (with RSV field ``rsv``) was checked last.

        Returns the rules it breaks (a Close body, the UTF-8 of a text
        message, checked fragment by fragment, compressed data) and the
        message it completes, if any, inflated. A continuation frame with
        nothing to continue is dropped, and so is a compressed message that
        does not inflate.
        """
        if opcode == CLOSE:
            if self.close_frame is None:
                self.close_frame = self.frames
            return _close_rules(payload), None
        if opcode in (TEXT, BINARY):
            self.message = OpenMessage(opcode, self.frames, self.deflate is not None and bool(rsv & 4))
        elif opcode != CONTINUATION or self.message is None:
            return [], None
        message = self.message
        message.add(payload)
        broken = []
        if message.validator is not None and message.validator.invalid_at is None:
            invalid_at = message.validator.feed(payload)
            if invalid_at is None and fin:
                invalid_at = message.validator.finish()
            if invalid_at is not None:
                shown = printable(message.joined()[invalid_at:invalid_at + _SHOWN])
                broken.append(BrokenRule(
                    f"the payload is not valid UTF-8 from byte {invalid_at} on ({shown}) (RFC 6455 §5.6, §8.1)",
                    CloseCode.INVALID_FRAME_PAYLOAD_DATA, message.first_frame, in_fragment=not fin))
        if not fin:
            return broken, None
        self.message = None
        if message.compressed:
            return self._inflated(message)
        return broken, Message(message.opcode, message.joined(), len(message.parts))

    def _inflated(self, message: OpenMessage) -> tuple[list[BrokenRule], Message | None]:
        """The rules a compressed ``message`` breaks once inflated, and the message (``None`` if it did not inflate)."""
        assert self.inflater is not None
        try:
            plain = self.inflater.inflate(message.joined())
        except InflateError as error:
            if error.too_large:
                self.too_large = f"the message begun in frame {message.first_frame}: {error}"
                return [], None
            return [BrokenRule(f"the compressed message begun in frame {message.first_frame}: {error}")], None
        broken = []
        if message.opcode == TEXT:
            validator = Utf8Validator()
            invalid_at = validator.feed(plain)
            if invalid_at is None:
                invalid_at = validator.finish()
            if invalid_at is not None:
                shown = printable(plain[invalid_at:invalid_at + _SHOWN])
                broken.append(BrokenRule(
                    f"the inflated payload is not valid UTF-8 from byte {invalid_at} on ({shown}) "
                    "(RFC 6455 §5.6, §8.1; RFC 7692 §6)",
                    CloseCode.INVALID_FRAME_PAYLOAD_DATA, message.first_frame))
        return broken, Message(message.opcode, plain, len(message.parts), compressed=True)


def _close_rules(payload: bytes) -> list[BrokenRule]:
    """The rules a Close body breaks (§5.5.1, §7.4); only a reason that is not UTF-8 earns 1007."""
    close = parse_close_payload(payload)
    code_valid = close.code is not None and is_valid_close_code(close.code)
    return [BrokenRule(problem, CloseCode.PROTOCOL_ERROR if index == 0 and not code_valid
                       else CloseCode.INVALID_FRAME_PAYLOAD_DATA)
            for index, problem in enumerate(close.problems)]
