"""Incremental UTF-8 validation that says where the first invalid byte is.

A text message may be split across frames anywhere, even inside a code
point (RFC 6455 §5.6), so validity is a property of the whole message and
is checked piece by piece as fragments arrive. Python's strict UTF-8 codec
is the reference: it refuses overlong forms, surrogates (``ED A0 80``) and
code points above U+10FFFF, exactly what RFC 3629 and Autobahn's 6.x cases
count as invalid.
"""

from __future__ import annotations

import codecs

__all__ = ["Utf8Validator"]

_PIECE = 64 * 1024
"""Bytes decoded at a time, so a 16 MiB message never becomes one 16 MiB string."""


class Utf8Validator:
    """Checks a byte stream fed in pieces; remembers the offset of the first invalid byte.

    :meth:`feed` and :meth:`finish` return that offset (counted from the
    first byte ever fed) or ``None``. It is the first byte of the first
    ill-formed sequence, as the codec reports it: for ``E0 80`` that is the
    ``E0``, since no valid sequence starts ``E0 80``. Once a stream is
    invalid, further bytes are not looked at.
    """

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")("strict")
        self._fed = 0
        self.invalid_at: int | None = None

    def feed(self, data: bytes) -> int | None:
        """Check the next piece of the stream; return the offset of the first invalid byte so far, if any."""
        if self.invalid_at is not None:
            return self.invalid_at
        view = memoryview(data)
        for start in range(0, len(view), _PIECE):
            self._decode(view[start:start + _PIECE], final=False)
            if self.invalid_at is not None:
                break
        return self.invalid_at

    def finish(self) -> int | None:
        """The stream ends here: a code point left unfinished makes it invalid at that code point's first byte."""
        if self.invalid_at is None:
            self._decode(b"", final=True)
        return self.invalid_at

    def _decode(self, piece: bytes | memoryview, final: bool) -> None:
        pending = len(self._decoder.getstate()[0])
        try:
            self._decoder.decode(piece, final)
        except UnicodeDecodeError as error:
            # The codec counts from the start of the bytes it held back plus this piece.
            self.invalid_at = self._fed - pending + error.start
            return
        self._fed += len(piece)
