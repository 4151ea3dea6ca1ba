"""The compression cases: permessage-deflate (RFC 7692), Autobahn|Testsuite sections 12 and 13, and the rules Autobahn leaves out.

Three families in ``suites/compression/``:

* ``deflate_rules``: RFC 7692 rules Autobahn does not check: offers a
  server must decline, a valid offer after an unacceptable one, accepted
  parameters echoed and honoured, RSV1 on control and continuation frames,
  corrupt DEFLATE data, invalid UTF-8 after inflation, an uncompressed
  message, a decompression bomb (COMP-DEFLATE-OFFER-*, COMP-DEFLATE-...).
* ``compressed_messages``: Autobahn 12.1-12.5, compressed round trips of
  five kinds of data (COMP-DEFLATE-12-x-y, tag ``autobahn-12.x.y``).
* ``compression_offers``: Autobahn 13.1-13.7, the same round trips after
  seven offers (COMP-DEFLATE-13-x-y, tag ``autobahn-13.x.y``).

Every case carries the tag ``rfc7692``; rows whose messages are larger
than 8 KiB are tagged ``slow``. A server that declines permessage-deflate
gets N/A (a skip naming the offer) on every case, as Autobahn grades it
UNIMPLEMENTED.

Where this differs from Autobahn: the data of 12.x are generated, not
Autobahn's files (see ``docs/compression.md``), and 13.x send the JSON kind
as text; a server's window and context takeover are checked against what it
agreed (Autobahn does not check them).
"""

from __future__ import annotations

from .model import Case, Family, Template

__all__ = ["CASES", "FAMILIES"]

_TAG = "rfc7692"
_SLOW_ABOVE = 8192
"""Messages larger than this make a row ``slow``."""

AUTOBAHN_OFFER = "permessage-deflate; client_no_context_takeover; client_max_window_bits"
"""The offer of Autobahn 12.x and 13.1, the ``…`` of the other 13.x offers."""


def _template(keyword: str, required: str = "", optional: str = "") -> Template:
    return Template(keyword, tuple(required.split()), tuple(optional.split()))


_T = {
    "offer declined": _template("Offer A Server Must Decline Must Be Declined", "offer"),
    "quoted value": _template("Offer With A Quoted Value Must Be Accepted Or Declined", "offer"),
    "second offer": _template("Valid Offer After An Unacceptable One Must Be Accepted Alone", "offer"),
    "no context takeover": _template("Server No Context Takeover Must Be Echoed And Honoured", "offer payload count"),
    "window bits": _template("Server Window Bits Must Be Echoed And Honoured", "offer bits length count"),
    "rsv1 on control fails": _template("Control Frame With RSV1 Must Fail The Connection", "type payload"),
    "rsv1 on continuation fails": _template("Continuation Frame With RSV1 Must Fail The Connection",
                                            "first_hex next_hex"),
    "corrupt fails": _template("Compressed Data That Does Not Inflate Must Fail The Connection", "type hex"),
    "invalid utf8 fails": _template("Text Invalid After Inflation Must Fail The Connection With 1007", "hex"),
    "uncompressed echoed": _template("Message Sent Uncompressed Must Be Echoed", "type payload"),
    "bomb refused or echoed": _template("Decompression Bomb Must Be Refused With 1009 Or Echoed", "length"),
    "messages echoed": _template("Every Compressed Round Trip Must Be Echoed", "type data length count",
                                 "fragment_size"),
    "offer messages echoed": _template("Every Round Trip After The Offer Must Be Echoed", "offer length count",
                                       "fragment_size"),
}

_RULES_RFC = ("RFC 7692 §7",)
_SAYS_OFFER = (
    'RFC 7692 §7: "A server MUST decline an extension negotiation offer for this extension if ... The negotiation '
    'offer contains an extension parameter not defined for use in an offer ... contains an extension parameter '
    'with an invalid value ... contains multiple extension parameters with the same name"; §5: declining is '
    "answering without the element, and the connection goes on uncompressed."
)
_WHY_OFFER = (
    "A server that takes a parameter it does not understand runs a compression state the client never agreed to; "
    "one that drops the connection instead cuts off every browser that sends a new parameter."
)
_SAYS_QUOTED = (
    'RFC 7692 §7.1: the value of an extension parameter may be a token or a quoted-string; "the value MUST conform '
    'to the ABNF" of window bits after unquoting.'
)
_WHY_QUOTED = "A parser that chokes on quotes fails the handshake of a client that quotes, which the RFC allows."
_SAYS_SECOND = (
    'RFC 7692 §5: "A server accepts ... by including an element ... in the response"; a server may decline an '
    "offer and accept a later one of the same header, and accepts at most one."
)
_WHY_SECOND = "Browsers list fallbacks; a server must skip the offer it cannot take, not the whole list."
_SAYS_NO_CONTEXT = (
    'RFC 7692 §7.1.1.1: a server accepting server_no_context_takeover "MUST include" it in the response and then '
    '"MUST start the LZ77 sliding window with no history" for every message.'
)
_WHY_NO_CONTEXT = (
    "A client that asked for it frees its inflate state between messages; a server that still refers back sends "
    "messages the client cannot read. Autobahn does not check it."
)
_SAYS_WINDOW = (
    'RFC 7692 §7.1.2.1: a server accepting server_max_window_bits answers with "the same or smaller value" and '
    '"MUST NOT use an LZ77 sliding window longer than" it.'
)
_WHY_WINDOW = (
    "A client that asked for a small window allocated only that much to inflate; a larger window corrupts its "
    "messages. Autobahn does not check it."
)
_SAYS_RSV1 = (
    'RFC 7692 §6.1: the "Per-Message Compressed" bit is RSV1 of the first frame of a message; "An endpoint MUST NOT '
    'set the RSV1 bit" of control frames or non-first frames, and a receiver "MUST _Fail the WebSocket '
    'Connection_" when one has it set (RFC 7692 §6.1, RFC 6455 §5.2).'
)
_WHY_RSV1 = "RSV1 where it means nothing is a frame the server cannot know how to read; taking it hides a broken peer."
_SAYS_CORRUPT = (
    'RFC 7692 §6.2: the receiver inflates the payload with "0x00 0x00 0xff 0xff" appended; data that does not '
    "inflate is an invalid message, and the connection is failed (RFC 6455 §7.1.7)."
)
_WHY_CORRUPT = "Inflating untrusted bytes is where decompressors crash; a server must refuse bad data, not echo garbage."
_SAYS_UTF8 = (
    "RFC 7692 §6: the text is the inflated payload; RFC 6455 §8.1: text that is not valid UTF-8 fails the "
    "connection with 1007."
)
_WHY_UTF8 = "A server that checks UTF-8 before inflating, or not at all, lets invalid text through compression."
_SAYS_UNCOMPRESSED = (
    'RFC 7692 §6: "An endpoint MAY send a message uncompressed" after agreement: RSV1 clear means the payload is '
    "as sent."
)
_SAYS_BOMB = (
    'RFC 6455 §10.4: "Implementations that have implementation- and/or platform-specific limitations regarding '
    'the frame size or total message size after reassembly from multiple frames MUST protect themselves against '
    'exceeding those limits"; RFC 7692 §8: a compressed message can inflate to far more than its frames carry. '
    "A Close with 1009 (message too big) or the echo passes; another answer is informational (a warning); no "
    "answer at all fails."
)
_WHY_BOMB = (
    "A few KiB that inflate to 32 MiB cost a server that inflates without a bound its memory; a server must "
    "refuse them or cope, never hang."
)
_WHY_UNCOMPRESSED = "Clients skip compression for small or incompressible messages; a server must take them as they come."
_SAYS_ECHO = (
    "RFC 7692 §7.2: messages are compressed with raw DEFLATE, the trailing 0x00 0x00 0xff 0xff removed, "
    "fragmented after compression with RSV1 on the first frame; the server inflates what it receives and "
    "compresses what it sends with the agreed windows and context takeover."
)
_WHY_ECHO = (
    "Browsers compress every message they can; a server that mishandles a window, a fragment or its context "
    "corrupts real traffic."
)


def _own(case_id: str, title: str, rfc: tuple[str, ...], rule: str, says: str, why: str, level: str = "MUST",
         **cells: str) -> Case:
    return Case(
        id=f"COMP-DEFLATE-{case_id}", family="deflate_rules", title=title, rfc=rfc, level=level, recipe=None,
        expect=rule, says=says, why=why, extra_tags=(_TAG, "not-in-autobahn"),
        cells=tuple((name.replace("_", " "), value) for name, value in cells.items()),
    )


def _declined(case_id: str, what: str, parameters: str) -> Case:
    return _own(f"OFFER-{case_id}", f"An offer with {what} is declined", ("RFC 7692 §5", "RFC 7692 §7"),
                "offer declined", _SAYS_OFFER, _WHY_OFFER, offer=f"permessage-deflate; {parameters}")


DEFLATE_RULES = (
    _declined("UNKNOWN-PARAM", "an unknown parameter with a value", "x=1"),
    _declined("UNKNOWN-PARAM-NO-VALUE", "an unknown parameter without a value", "x"),
    _declined("DUPLICATE-PARAM", "a parameter given twice", "server_no_context_takeover; server_no_context_takeover"),
    _declined("SERVER-BITS-NO-VALUE", "server_max_window_bits without a value", "server_max_window_bits"),
    _declined("SERVER-BITS-NOT-A-NUMBER", "server_max_window_bits that is not a number", "server_max_window_bits=a"),
    _declined("SERVER-BITS-16", "server_max_window_bits=16", "server_max_window_bits=16"),
    _declined("CLIENT-BITS-16", "client_max_window_bits=16", "client_max_window_bits=16"),
    _declined("NO-CONTEXT-TAKEOVER-WITH-VALUE", "a value on server_no_context_takeover",
              "server_no_context_takeover=1"),
    _own("OFFER-QUOTED-VALUE", 'An offer with server_max_window_bits="10" is accepted or declined, never refused',
         ("RFC 7692 §7.1",), "quoted value", _SAYS_QUOTED, _WHY_QUOTED,
         offer='permessage-deflate; server_max_window_bits="10"'),
    _own("SECOND-OFFER", "After an unacceptable offer, a valid one is accepted alone", ("RFC 7692 §5",),
         "second offer", _SAYS_SECOND, _WHY_SECOND, offer="permessage-deflate; x=1, permessage-deflate"),
    _own("SERVER-NO-CONTEXT-TAKEOVER", "An accepted server_no_context_takeover is echoed and honoured",
         ("RFC 7692 §7.1.1.1",), "no context takeover", _SAYS_NO_CONTEXT, _WHY_NO_CONTEXT,
         offer="permessage-deflate; server_no_context_takeover", payload="Hello, compression!", count="10"),
    _own("SERVER-WINDOW-BITS", "An accepted server_max_window_bits=9 is echoed and honoured",
         ("RFC 7692 §7.1.2.1",), "window bits", _SAYS_WINDOW, _WHY_WINDOW,
         offer="permessage-deflate; server_max_window_bits=9", bits="9", length="8192", count="10"),
    _own("RSV1-ON-PING", "A Ping with RSV1 set fails the connection", ("RFC 7692 §6.1", "RFC 6455 §5.2"),
         "rsv1 on control fails", _SAYS_RSV1, _WHY_RSV1, type="ping", payload="Hello"),
    _own("RSV1-ON-CONTINUATION", "A continuation frame with RSV1 set fails the connection",
         ("RFC 7692 §6.1", "RFC 6455 §5.2"), "rsv1 on continuation fails", _SAYS_RSV1, _WHY_RSV1,
         first_hex="f248cdc9c9d751", next_hex="28cf2fca495104"),
    _own("CORRUPT-DATA", "A compressed message that does not inflate fails the connection",
         ("RFC 7692 §6.2", "RFC 6455 §7.1.7"), "corrupt fails", _SAYS_CORRUPT, _WHY_CORRUPT,
         type="binary", hex="ffffffff"),
    _own("INVALID-UTF8", "A compressed text message invalid once inflated fails the connection with 1007",
         ("RFC 7692 §6", "RFC 6455 §8.1"), "invalid utf8 fails", _SAYS_UTF8, _WHY_UTF8,
         hex="cebae1bdb9cf83cebcceb5eda080656469746564"),
    _own("UNCOMPRESSED-MESSAGE", "A message sent uncompressed after agreement is echoed", ("RFC 7692 §6",),
         "uncompressed echoed", _SAYS_UNCOMPRESSED, _WHY_UNCOMPRESSED, level="MAY", type="text",
         payload="Hello, world!"),
    _own("BOMB", "A message of about 32 KiB inflating to 32 MiB is refused with 1009 or echoed, never left unanswered",
         ("RFC 6455 §10.4", "RFC 7692 §8"), "bomb refused or echoed", _SAYS_BOMB, _WHY_BOMB, length="33554432"),
)

# Autobahn's 18 rows, the same for 12.x and 13.x: (message size, fragment size; "" for one frame).
_SIZES = (
    *((size, "") for size in (16, 64, 256, 1024, 4096, 8192, 16384, 32768, 65536, 131072)),
    *((size, "256") for size in (8192, 16384, 32768, 65536, 131072)),
    *((131072, fragment) for fragment in ("1024", "4096", "32768")),
)
_COUNT = "1000"

_KINDS_12 = (("1", "text", "json", "JSON"), ("2", "text", "html", "HTML"), ("3", "binary", "image", "image"),
             ("4", "binary", "literature", "literary text"), ("5", "binary", "pdf", "PDF"))

_OFFERS_13 = (
    ("1", AUTOBAHN_OFFER),
    ("2", f"{AUTOBAHN_OFFER}; server_no_context_takeover"),
    ("3", f"{AUTOBAHN_OFFER}; server_max_window_bits=9"),
    ("4", f"{AUTOBAHN_OFFER}; server_max_window_bits=15"),
    ("5", f"{AUTOBAHN_OFFER}; server_no_context_takeover; server_max_window_bits=9"),
    ("6", f"{AUTOBAHN_OFFER}; server_no_context_takeover; server_max_window_bits=15"),
    ("7", f"{AUTOBAHN_OFFER}; server_no_context_takeover; server_max_window_bits=9, "
          f"{AUTOBAHN_OFFER}; server_no_context_takeover, {AUTOBAHN_OFFER}"),
)


def _size(size: int) -> str:
    return f"{size // 1024} KiB" if size >= 1024 else f"{size}-byte"


def _autobahn(number: str, family: str, title: str, rule: str, size: int, fragment: str, **cells: str) -> Case:
    slow = ("slow",) if size > _SLOW_ABOVE else ()
    cells = {**cells, "length": str(size), "count": _COUNT, **({"fragment_size": fragment} if fragment else {})}
    return Case(
        id=f"COMP-DEFLATE-{number.replace('.', '-')}", family=family, title=title, rfc=("RFC 7692 §7.2",),
        level="MUST", recipe=None, expect=rule, says=_SAYS_ECHO, why=_WHY_ECHO,
        extra_tags=(_TAG, f"autobahn-{number}", *slow),
        cells=tuple((name.replace("_", " "), value) for name, value in cells.items()),
    )


def _fragmented(fragment: str) -> str:
    return f", compressed then fragmented in {fragment}-byte frames" if fragment else ""


COMPRESSED_MESSAGES = tuple(
    _autobahn(f"12.{group}.{row}", "compressed_messages",
              f"1000 compressed {_size(size)} {name} messages ({kind}) are echoed one by one{_fragmented(fragment)}",
              "messages echoed", size, fragment, type=kind, data=data)
    for group, kind, data, name in _KINDS_12
    for row, (size, fragment) in enumerate(_SIZES, start=1)
)

COMPRESSION_OFFERS = tuple(
    _autobahn(f"13.{group}.{row}", "compression_offers",
              f"After offer 13.{group}, 1000 compressed {_size(size)} JSON messages are echoed one by one"
              f"{_fragmented(fragment)}", "offer messages echoed", size, fragment, offer=offer)
    for group, offer in _OFFERS_13
    for row, (size, fragment) in enumerate(_SIZES, start=1)
)


def _family(name: str, title: str, documentation: str, template: str, others: tuple[str, ...] = ()) -> Family:
    return Family(name=name, suite=f"compression/{name}.robot", title=title, documentation=documentation,
                  template=_T[template], templates=tuple((rule, _T[rule]) for rule in others))


FAMILIES: tuple[Family, ...] = (
    _family("deflate_rules", "RFC 7692 rules Autobahn leaves out",
            "permessage-deflate rules of RFC 7692 that Autobahn|Testsuite does not test: offers a server must "
            "decline, a valid offer after an unacceptable one, accepted parameters echoed and honoured, RSV1 on "
            "control and continuation frames, data that does not inflate, invalid UTF-8 after inflation, a message "
            "sent uncompressed, a decompression bomb. A server that declines permessage-deflate gets N/A.",
            "offer declined",
            ("quoted value", "second offer", "no context takeover", "window bits", "rsv1 on control fails",
             "rsv1 on continuation fails", "corrupt fails", "invalid utf8 fails", "uncompressed echoed",
             "bomb refused or echoed")),
    _family("compressed_messages", "Compressed messages",
            "Autobahn|Testsuite section 12, WebSocket Compression (different payloads): after Autobahn's offer, "
            "1000 compressed messages of generated JSON, HTML, image, literary text and PDF data are echoed one by "
            "one, whole or fragmented after compression. Rows over 8 KiB are tagged slow. A server that declines "
            "permessage-deflate gets N/A.", "messages echoed"),
    _family("compression_offers", "Compression offers",
            "Autobahn|Testsuite section 13, WebSocket Compression (different parameters): after each of seven "
            "offers (context takeover and window sizes), 1000 compressed JSON messages are echoed one by one, and "
            "the server's window and context takeover are checked against what it agreed. Rows over 8 KiB are "
            "tagged slow. A server that declines permessage-deflate gets N/A.", "offer messages echoed"),
)

CASES: tuple[Case, ...] = DEFLATE_RULES + COMPRESSED_MESSAGES + COMPRESSION_OFFERS
