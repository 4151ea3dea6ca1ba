"""permessage-deflate (RFC 7692), sans-I/O: the offer, the server's answer judged per §7, and the codec.

- :func:`build_offer` writes a ``Sec-WebSocket-Extensions`` offer;
  :func:`parse_extensions` reads any such header value (RFC 7230 §3.2.6
  tokens and quoted strings).
- :func:`agree` judges the server's answer against what was offered, per
  RFC 7692 §7 and RFC 6455 §9.1, and returns the :class:`DeflateParameters`
  both sides agreed, or raises :class:`NegotiationError` in one sentence.
- :class:`Compressor` compresses the messages one endpoint sends: raw
  DEFLATE with the agreed window, ``Z_SYNC_FLUSH`` with its ``00 00 ff ff``
  tail stripped (§7.2.1), the context kept or reset per message.
- :class:`Inflater` inflates the messages one endpoint receives, never
  beyond a bound (a decompression bomb costs at most the bound), and
  names what a bad message did wrong: data that does not inflate, a window
  larger than agreed, context used after ``*_no_context_takeover``.

Why inflation goes in steps: zlib's inflate checks a back-reference only
against the window it keeps *and the output of the same call*, so data
compressed with a 32 KiB window inflates fine with a 512-byte window when
the output buffer is large. :class:`Inflater` therefore inflates with the
agreed window in steps of :func:`inflate_step` bytes of output: a
back-reference reaching farther than the window plus one step fails.
Data whose repeats lie at distances between that reach and 32 KiB
(:func:`window_probe`) catches an endpoint compressing with a larger
window than it agreed to.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # rules.py inflates with this module's Inflater
    from .rules import Role

__all__ = [
    "EXTENSION",
    "MAX_WINDOW_BITS",
    "MIN_WINDOW_BITS",
    "Compressor",
    "DeflateOffer",
    "DeflateParameters",
    "ExtensionElement",
    "InflateError",
    "Inflater",
    "NegotiationError",
    "agree",
    "build_offer",
    "inflate_step",
    "offer_problem",
    "parse_extensions",
    "parse_offers",
    "window_probe",
]

EXTENSION = "permessage-deflate"
MIN_WINDOW_BITS = 8
MAX_WINDOW_BITS = 15
_TAIL = b"\x00\x00\xff\xff"
"""What ``Z_SYNC_FLUSH`` ends with: stripped from every compressed message, restored before inflating (§7.2.1, §7.2.2)."""

_PARAMETERS = ("server_no_context_takeover", "client_no_context_takeover", "server_max_window_bits",
               "client_max_window_bits")
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_WINDOW_VALUE = re.compile(r"[1-9][0-9]*")
"""A window-bits value: decimal digits without a leading zero (§7.1.2.1, §7.1.2.2)."""
_REACH = (1 << MAX_WINDOW_BITS) - 262
"""The farthest zlib's deflate refers back with a 32 KiB window (its window less MIN_LOOKAHEAD)."""
_PROBE_MARGIN = 64
"""Bytes :func:`window_probe`'s repeats lie beyond the farthest a too-large window could go unnoticed."""
_WHOLE_STEP_BITS = MAX_WINDOW_BITS
"""With the largest window there is nothing larger to catch, so inflation needs no small steps."""


class NegotiationError(ValueError):
    """The server's answer to an offer breaks RFC 7692 §7 or RFC 6455 §9.1; the message is one sentence."""


class InflateError(ValueError):
    """A compressed message that cannot be taken: the message is a clause naming the rule it breaks.

    ``too_large`` marks a message that inflates beyond the bound: no rule
    is broken, but reading stops there.
    """

    def __init__(self, clause: str, too_large: bool = False) -> None:
        super().__init__(clause)
        self.too_large = too_large


@dataclass(frozen=True)
class ExtensionElement:
    """One element of a ``Sec-WebSocket-Extensions`` value: the extension's name and its parameters in order.

    A parameter without a value has ``None``; a quoted value is unquoted
    (``quoted`` names the parameters whose value was quoted).
    """

    name: str
    parameters: tuple[tuple[str, str | None], ...] = ()
    quoted: frozenset[str] = frozenset()

    def __str__(self) -> str:
        parts = [self.name]
        for name, value in self.parameters:
            shown = name if value is None else f'{name}="{value}"' if name in self.quoted else f"{name}={value}"
            parts.append(shown)
        return "; ".join(parts)


def parse_extensions(values: str | Iterable[str]) -> list[ExtensionElement]:
    """The elements of one or more ``Sec-WebSocket-Extensions`` values, in order (RFC 6455 §9.1).

    Raises :class:`NegotiationError` for a value that is not a list of
    ``name; param; param=value`` elements of tokens and quoted strings.
    """
    text = values if isinstance(values, str) else ", ".join(values)
    elements: list[ExtensionElement] = []
    position = 0
    while position < len(text):
        position = _skip_space(text, position)
        if position < len(text) and text[position] == ",":
            position += 1
            continue
        if position >= len(text):
            break
        name, position = _token(text, position, "an extension name")
        parameters: list[tuple[str, str | None]] = []
        quoted: set[str] = set()
        position = _skip_space(text, position)
        while position < len(text) and text[position] == ";":
            position = _skip_space(text, position + 1)
            parameter, position = _token(text, position, "a parameter name")
            position = _skip_space(text, position)
            value = None
            if position < len(text) and text[position] == "=":
                position = _skip_space(text, position + 1)
                match = _QUOTED.match(text, position)
                if match:
                    value = re.sub(r"\\(.)", r"\1", match.group(1))
                    quoted.add(parameter)
                    position = match.end()
                else:
                    value, position = _token(text, position, f"a value for {parameter}")
                position = _skip_space(text, position)
            parameters.append((parameter, value))
        if position < len(text) and text[position] != ",":
            raise NegotiationError(f"'{text}' is not a list of extensions: unexpected '{text[position]}' at "
                                   f"character {position + 1} (RFC 6455 §9.1).")
        elements.append(ExtensionElement(name, tuple(parameters), frozenset(quoted)))
    return elements


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t":
        position += 1
    return position


def _token(text: str, position: int, what: str) -> tuple[str, int]:
    match = _TOKEN.match(text, position)
    if not match:
        shown = f"'{text[position]}'" if position < len(text) else "the end"
        raise NegotiationError(f"'{text}' is not a list of extensions: {what} is expected at character "
                               f"{position + 1}, not {shown} (RFC 6455 §9.1).")
    return match.group(0), match.end()


@dataclass(frozen=True)
class DeflateOffer:
    """One permessage-deflate offer as a client sends it (RFC 7692 §7.1).

    ``client_max_window_bits`` is ``True`` for the parameter without a
    value (the client accepts any window the server names).
    """

    server_no_context_takeover: bool = False
    client_no_context_takeover: bool = False
    server_max_window_bits: int | None = None
    client_max_window_bits: int | bool | None = None

    def element(self) -> ExtensionElement:
        parameters: list[tuple[str, str | None]] = []
        if self.server_no_context_takeover:
            parameters.append(("server_no_context_takeover", None))
        if self.client_no_context_takeover:
            parameters.append(("client_no_context_takeover", None))
        if self.server_max_window_bits is not None:
            parameters.append(("server_max_window_bits", str(self.server_max_window_bits)))
        if self.client_max_window_bits is True:
            parameters.append(("client_max_window_bits", None))
        elif self.client_max_window_bits:
            parameters.append(("client_max_window_bits", str(self.client_max_window_bits)))
        return ExtensionElement(EXTENSION, tuple(parameters))

    def __str__(self) -> str:
        return str(self.element())


def build_offer(offers: Sequence[DeflateOffer]) -> str:
    """The ``Sec-WebSocket-Extensions`` value offering ``offers`` in order of preference."""
    return ", ".join(str(offer) for offer in offers)


def offer_problem(value: str) -> str | None:
    """Why a server must decline the first permessage-deflate offer in ``value``, or ``None`` for a valid offer."""
    for element in parse_extensions(value):
        if element.name.lower() == EXTENSION:
            try:
                _checked_parameters(element, "offer")
            except NegotiationError as error:
                return str(error)
            return None
    return None


def parse_offers(value: str) -> list[DeflateOffer]:
    """The well-formed permessage-deflate offers in a ``Sec-WebSocket-Extensions`` value we send.

    Elements of other extensions, and offers a server must decline (an
    unknown or duplicate parameter, a bad value), are left out: they can
    never be what the server agreed to.
    """
    offers = []
    for element in parse_extensions(value):
        if element.name.lower() != EXTENSION:
            continue
        try:
            values = _checked_parameters(element, "offer")
        except NegotiationError:
            continue
        offers.append(DeflateOffer(
            "server_no_context_takeover" in values, "client_no_context_takeover" in values,
            _window_bits(values, "server_max_window_bits"),
            True if "client_max_window_bits" in values and values["client_max_window_bits"] is None
            else _window_bits(values, "client_max_window_bits")))
    return offers


@dataclass(frozen=True)
class DeflateParameters:
    """What both ends agreed: each side's window (8-15 bits) and whether it resets its context per message."""

    server_no_context_takeover: bool = False
    client_no_context_takeover: bool = False
    server_max_window_bits: int = MAX_WINDOW_BITS
    client_max_window_bits: int = MAX_WINDOW_BITS

    def window_bits(self, sender: Role) -> int:
        """The window the ``sender``'s compressor may use."""
        return self.server_max_window_bits if sender == "server" else self.client_max_window_bits

    def no_context_takeover(self, sender: Role) -> bool:
        """Whether the ``sender`` resets its compression context after each message."""
        return self.server_no_context_takeover if sender == "server" else self.client_no_context_takeover

    def as_dict(self) -> dict[str, bool | int]:
        return {name: getattr(self, name) for name in _PARAMETERS}

    def __str__(self) -> str:
        return (f"{EXTENSION} with server_max_window_bits={self.server_max_window_bits}, "
                f"client_max_window_bits={self.client_max_window_bits}, server_no_context_takeover="
                f"{self.server_no_context_takeover}, client_no_context_takeover={self.client_no_context_takeover}")


def _checked_parameters(element: ExtensionElement, what: str) -> dict[str, str | None]:
    """The parameters of a permessage-deflate ``element``, each known, once, with a valid value (§7.1)."""
    values: dict[str, str | None] = {}
    for name, value in element.parameters:
        if name not in _PARAMETERS:
            raise NegotiationError(f"the {what} '{element}' has the unknown parameter '{name}' (RFC 7692 §7.1)")
        if name in values:
            raise NegotiationError(f"the {what} '{element}' has the parameter '{name}' twice (RFC 7692 §7.1)")
        if name.endswith("no_context_takeover") and value is not None:
            raise NegotiationError(f"the {what} '{element}' gives {name} a value, but it has none "
                                   "(RFC 7692 §7.1.1)")
        if name.endswith("max_window_bits") and value is None and (what != "offer" or name.startswith("server")):
            raise NegotiationError(f"the {what} '{element}' has {name} without a value, but it needs one "
                                   "(RFC 7692 §7.1.2)")
        if name.endswith("max_window_bits") and value is not None and not _valid_window(value):
            raise NegotiationError(f"the {what} '{element}' has {name}={value}, but its value is a number 8-15 "
                                   "without leading zeros (RFC 7692 §7.1.2)")
        values[name] = value
    return values


def _valid_window(value: str) -> bool:
    return bool(_WINDOW_VALUE.fullmatch(value)) and MIN_WINDOW_BITS <= int(value) <= MAX_WINDOW_BITS


def _window_bits(values: dict[str, str | None], name: str) -> int | None:
    value = values.get(name)
    return None if value is None else int(value)


def agree(offered: str, answer: Sequence[str]) -> DeflateParameters | None:
    """Judge the server's ``Sec-WebSocket-Extensions`` ``answer`` lines against the ``offered`` value: what was agreed.

    ``None`` when the server accepted no permessage-deflate offer.
    Elements of other extensions that were offered are left to the caller.
    Raises :class:`NegotiationError` when the answer names an extension
    not offered (RFC 6455 §9.1), accepts a permessage-deflate offer only
    malformed ones were made of, has more than one permessage-deflate
    element, an unknown or duplicate parameter, a bad value, a
    ``client_max_window_bits`` the client did not offer, or does not match
    any offer: a ``server_no_context_takeover`` or ``server_max_window_bits``
    offered but not echoed, or a window larger than offered (§7.1.1.1,
    §7.1.2.1, §7.1.2.2).
    """
    elements = parse_extensions(answer) if answer else []
    names = {element.name.lower() for element in parse_extensions(offered)}
    others = [element.name for element in elements if element.name.lower() not in names]
    if others:
        raise NegotiationError(f"the server accepted the extension '{others[0]}', which was not offered "
                               "(RFC 6455 §9.1)")
    elements = [element for element in elements if element.name.lower() == EXTENSION]
    if not elements:
        return None
    offers = parse_offers(offered)
    if not offers:
        raise NegotiationError(f"the server accepted {EXTENSION}, but every offer of it was one a server must "
                               f"decline ({offer_problem(offered)})")
    if len(elements) > 1:
        raise NegotiationError(f"the server's answer has {len(elements)} {EXTENSION} elements, but it accepts "
                               "at most one offer (RFC 7692 §7)")
    element = elements[0]
    values = _checked_parameters(element, "answer")
    problems = [_mismatch(offer, values) for offer in offers]
    if all(problems):
        raise NegotiationError(f"the answer '{element}' matches no offer: {problems[0]}")
    return DeflateParameters(
        "server_no_context_takeover" in values, "client_no_context_takeover" in values,
        _window_bits(values, "server_max_window_bits") or MAX_WINDOW_BITS,
        _window_bits(values, "client_max_window_bits") or MAX_WINDOW_BITS)


def _mismatch(offer: DeflateOffer, values: dict[str, str | None]) -> str | None:
    """Why the answer's ``values`` cannot accept ``offer``, or ``None`` when they can."""
    if offer.server_no_context_takeover and "server_no_context_takeover" not in values:
        return ("server_no_context_takeover was offered, so an answer accepting the offer includes it "
                "(RFC 7692 §7.1.1.1)")
    server_bits = _window_bits(values, "server_max_window_bits")
    if offer.server_max_window_bits is not None:
        if server_bits is None:
            return (f"server_max_window_bits={offer.server_max_window_bits} was offered, so an answer accepting "
                    "the offer includes it (RFC 7692 §7.1.2.1)")
        if server_bits > offer.server_max_window_bits:
            return (f"server_max_window_bits={server_bits} is larger than the "
                    f"{offer.server_max_window_bits} offered (RFC 7692 §7.1.2.1)")
    if "client_max_window_bits" in values:
        client_bits = _window_bits(values, "client_max_window_bits")
        if not offer.client_max_window_bits:
            return "client_max_window_bits is in the answer but was not offered (RFC 7692 §7.1.2.2)"
        if offer.client_max_window_bits is not True and client_bits > offer.client_max_window_bits:
            return (f"client_max_window_bits={client_bits} is larger than the {offer.client_max_window_bits} "
                    "offered (RFC 7692 §7.1.2.2)")
    return None


class Compressor:
    """Compresses the messages one endpoint sends with the agreed window and context takeover (RFC 7692 §7.2.1).

    zlib cannot compress raw DEFLATE with an 8-bit window, so with
    ``window_bits=8`` messages are Huffman-coded without back-references,
    which any window accepts.
    """

    def __init__(self, window_bits: int = MAX_WINDOW_BITS, no_context_takeover: bool = False,
                 level: int = zlib.Z_DEFAULT_COMPRESSION) -> None:
        self.window_bits = window_bits
        self.no_context_takeover = no_context_takeover
        self.level = level
        self._deflater = self._new()

    def _new(self) -> zlib._Compress:
        if self.window_bits == MIN_WINDOW_BITS:
            return zlib.compressobj(self.level, zlib.DEFLATED, -(MIN_WINDOW_BITS + 1), 8, zlib.Z_HUFFMAN_ONLY)
        return zlib.compressobj(self.level, zlib.DEFLATED, -self.window_bits)

    def compress(self, data: bytes) -> bytes:
        """The payload of one compressed message: ``data`` deflated, flushed, its sync tail stripped."""
        if self.no_context_takeover:
            self._deflater = self._new()
        compressed = self._deflater.compress(data) + self._deflater.flush(zlib.Z_SYNC_FLUSH)
        return compressed[:-len(_TAIL)] if compressed.endswith(_TAIL) else compressed


def inflate_step(window_bits: int) -> int | None:
    """Bytes of output per inflate call with an agreed ``window_bits`` window (``None``: one call per input).

    A back-reference farther than the window plus this step fails to
    inflate; see the module's docstring. The step is as large as it can
    be (fewer calls) while :func:`window_probe`'s repeats, a window and
    two steps apart, are still within reach of zlib's 32 KiB window.
    """
    if window_bits >= _WHOLE_STEP_BITS:
        return None
    window = 1 << window_bits
    return min(window, (_REACH - window - _PROBE_MARGIN) // 2)


def window_probe(window_bits: int, length: int) -> bytes:
    """``length`` bytes that compress with back-references only beyond a ``window_bits`` window.

    A pseudo-random block a little longer than the window plus one
    :func:`inflate_step` repeated: an endpoint honouring the window cannot
    refer back to it and sends literals; one compressing with a larger
    window refers back farther than allowed, which :class:`Inflater` catches.
    """
    block_size = (1 << window_bits) + 2 * (inflate_step(window_bits) or 0) + _PROBE_MARGIN
    block = random.Random(window_bits).randbytes(block_size)
    return (block * (length // block_size + 1))[:length]


@dataclass
class Inflater:
    """Inflates the messages one endpoint sends, bounded, and names the rule a message breaks (RFC 7692 §7.2.2).

    ``window_bits`` and ``no_context_takeover`` are what the sender agreed
    to. ``max_size`` bounds each message's inflated size; beyond it
    :meth:`inflate` stops and says so (:attr:`too_large`), having kept at
    most ``max_size`` bytes plus one step.
    """

    window_bits: int = MAX_WINDOW_BITS
    no_context_takeover: bool = False
    max_size: int | None = None
    _inflater: zlib._Decompress = field(init=False, repr=False)
    _history: bytes = field(init=False, default=b"", repr=False)
    """The last 32 KiB the sender's messages inflated to: the context a sender wrongly kept, for the diagnosis."""

    def __post_init__(self) -> None:
        self._inflater = zlib.decompressobj(-self.window_bits)

    def inflate(self, payload: bytes) -> bytes:
        """The message ``payload`` inflates to; raises :class:`InflateError` naming what is wrong with it.

        Raises with a clause starting "it inflates to more than" when the
        message outgrows ``max_size``: the caller stops reading there.
        """
        if self.no_context_takeover or self._inflater.eof:
            self._inflater = self._fresh()
        try:
            plain = _bounded_inflate(self._inflater, payload + _TAIL, inflate_step(self.window_bits), self.max_size)
        except zlib.error as error:
            raise InflateError(self._diagnose(payload, str(error))) from None
        if self.max_size is not None and len(plain) > self.max_size:
            raise InflateError(f"it inflates to more than {self.max_size} bytes, the most this reader keeps",
                               too_large=True)
        window = 1 << MAX_WINDOW_BITS
        self._history = plain[-window:] if len(plain) >= window else (self._history + plain)[-window:]
        return plain

    def _fresh(self) -> zlib._Decompress:
        # After a BFINAL block the stream ended; a sender keeping its context goes on from what it sent.
        if self.no_context_takeover or not self._history:
            return zlib.decompressobj(-self.window_bits)
        return zlib.decompressobj(-self.window_bits, zdict=self._history[-(1 << self.window_bits):])

    def _diagnose(self, payload: bytes, error: str) -> str:
        """Why ``payload`` did not inflate: a larger window, context kept after agreeing not to, or bad data."""
        data = payload + _TAIL
        if self.window_bits < MAX_WINDOW_BITS and _inflates(zlib.decompressobj(-MAX_WINDOW_BITS), data,
                                                            self.max_size):
            return (f"it refers back farther than the agreed {self.window_bits}-bit window ("
                    f"{1 << self.window_bits} bytes) allows (RFC 7692 §7.1.2)")
        if self.no_context_takeover and self._history and _inflates(
                zlib.decompressobj(-MAX_WINDOW_BITS, zdict=self._history), data, self.max_size):
            return ("it refers back to an earlier message, but the sender agreed to no context takeover "
                    "(RFC 7692 §7.1.1)")
        return f"its payload is not valid DEFLATE data ({error}) (RFC 7692 §7.2.2)"


def _bounded_inflate(inflater: zlib._Decompress, data: bytes, step: int | None, limit: int | None) -> bytes:
    """Inflate ``data`` in calls of at most ``step`` output bytes, stopping once more than ``limit`` came out."""
    chunk = step or (limit + 1 if limit is not None else 0)
    if not chunk:
        return inflater.decompress(data)
    parts = []
    size = 0
    while True:
        out = inflater.decompress(data, chunk)
        parts.append(out)
        size += len(out)
        data = inflater.unconsumed_tail
        # A full output buffer may leave output pending inside zlib even when all input was taken.
        if (limit is not None and size > limit) or inflater.eof or (not data and len(out) < chunk):
            break
    return b"".join(parts)


def _inflates(inflater: zlib._Decompress, data: bytes, limit: int | None) -> bool:
    try:
        _bounded_inflate(inflater, data, None, limit if limit is not None else 1 << 26)
    except zlib.error:
        return False
    return True
