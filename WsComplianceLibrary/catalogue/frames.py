"""The frame cases: Autobahn|Testsuite sections 1-7, 9 and 10, and RFC 6455 rules Autobahn leaves out, as data.

One family, one suite per Autobahn section (``suites/frames/framing.robot``
for section 1 ... ``auto_fragmentation.robot`` for section 10) and
``rfc_rules.robot`` for our own cases. Every Autobahn case keeps its number
in its ID (``COMP-FRAME-6-4-1``: Robot names take no dots) and in the tag ``autobahn-6.4.1``; the
payloads, fragment and chop sizes and pauses are Autobahn's. Each row names
a template keyword of the family's resource file (``resources/frames/framing.resource``
for ``framing.robot``: "send this, then this should hold"); the cells are what
the template sends, only those the case uses. Payload arguments: ``payload`` is
text, ``hex`` is octets in hex, ``repeat`` repeats the payload, ``fragments``
lists the fragments of one message separated by ``|``.

Where this differs from Autobahn, on purpose or for want of a keyword:

* Messages sent with a fragment size that divides their length end on a
  full frame; Autobahn adds an empty FIN continuation frame (6.2.3, 6.2.4,
  6.3.2, 9.3.x, 9.4.x). The message is the same.
* Autobahn's "flush" (each frame in its own write, 3.3, 5.4, 5.7, 5.10,
  5.13, 5.20) is what every Send keyword does anyway.
* A server that ignores a frame it must fail the connection for fails the
  case here; Autobahn grades only its close column then.
* 3.6 is titled "Ping with RSV = 6" in Autobahn, but its code sends a
  binary frame; it is kept as sent, and COMP-FRAME-RSV-ON-PING sends the Ping.
* A server that closes TCP without answering our valid Close with a Close,
  or keeps TCP open after the closing handshake, fails (RFC 6455 §5.5.1
  MUSTs); Autobahn grades both UNCLEAN.
* 7.9.6 (code 1014) expects a clean close, since IANA has registered 1014;
  7.13.x (codes 5000, 65535) expect a failed connection, with a warning for
  any other answer (Autobahn only reports them).
* Close cases judge the reply code as RFC 6455 §5.5.1 does ("typically
  echos"): another code warns, except where a code is the point of the case
  (7.3.2, 7.3.6, 7.5.1, 7.7.x, 7.9.x fail on a wrong code, as in Autobahn).
"""

from __future__ import annotations

from .model import Case, Family, Template

__all__ = ["CASES", "FAMILIES"]


def _template(keyword: str, required: str = "", optional: str = "") -> Template:
    return Template(keyword, tuple(required.split()), tuple(optional.split()))


# Template keywords of resources/frames/, by the rule they check, with the arguments they take.
_T = {
    "frame echoed": _template("Data Frame Must Be Echoed", "type hex length", "chop timeout"),
    "fragmented echoed": _template("Message Sent In Fragments Of A Size Must Be Echoed Whole",
                                   "type hex length fragment_size", "timeout"),
    "round trips echoed": _template("Every Round Trip Must Be Echoed", "type hex length count"),
    "ping answered": _template("Ping Must Be Answered With Its Payload", "", "payload hex repeat chop"),
    "long ping fails": _template("Ping Longer Than 125 Octets Must Fail The Connection", "hex repeat"),
    "pong ignored": _template("Unsolicited Pong Must Be Ignored", "payload"),
    "pong then ping": _template("Ping After An Unsolicited Pong Must Get Exactly One Pong", "pong payload"),
    "pings in order": _template("Every Ping Should Be Answered In Order", "payload count", "chop"),
    "rsv fails": _template("Frame With Reserved Bits Must Fail The Connection", "type rsv", "payload hex"),
    "rsv after echo fails": _template("Reserved Bits After A Valid Message Must Fail The Connection",
                                      "type rsv payload text_before", "chop"),
    "opcode fails": _template("Frame With Reserved Opcode Must Fail The Connection", "opcode", "payload"),
    "opcode after echo fails": _template("Reserved Opcode After A Valid Message Must Fail The Connection",
                                         "opcode text_before", "payload chop"),
    "fragmented control fails": _template("Fragmented Control Frame Must Fail The Connection", "type fragments"),
    "fragments echoed": _template("Fragmented Message Must Be Echoed Whole", "type fragments", "chop"),
    "ping between fragments": _template("Ping Between Fragments Must Be Answered Before The Echo",
                                        "type fragments ping", "chop"),
    "stray continuation fails": _template("Continuation Without A Started Message Must Fail The Connection",
                                          "type fragments stray stray_fin", "times chop"),
    "continuation after message fails": _template("Continuation After A Complete Message Must Fail The Connection",
                                                  "type fragments stray stray_fin after"),
    "new message inside fragments fails": _template(
        "New Message Inside A Fragmented Message Must Fail The Connection", "type fragments"),
    "pings between fragments with pause": _template(
        "Pings Between Fragments Sent Over Time Must Be Answered Before The Echo", "type fragments ping pause"),
    "valid utf8 echoed": _template("Valid UTF-8 Text Must Be Echoed", "hex", "fragment_size"),
    "valid utf8 fragments echoed": _template("Valid UTF-8 Text In Fragments Must Be Echoed Whole", "fragments"),
    "invalid utf8 fails": _template("Invalid UTF-8 Must Fail The Connection With 1007", "hex", "fragment_size"),
    "invalid utf8 fails fast": _template("Invalid UTF-8 Must Fail The Connection As Soon As It Arrives",
                                         "fragments pause"),
    "invalid utf8 in one frame fails fast": _template(
        "Invalid UTF-8 Inside One Frame Must Fail The Connection As Soon As It Arrives", "fragments pause"),
    "close after message": _template("Close After An Echoed Message Must Be Answered Cleanly",
                                     "code frame_type frame_payload"),
    "frames after close ignored": _template("Frames After Our Close Must Not Be Answered", "code frame_type",
                                            "frame_payload"),
    "close between fragments": _template("Close Between Fragments Must Be Answered Cleanly",
                                         "code frame_type frame_payload"),
    "close behind queued data": _template("Close Behind Queued Messages Must Be Answered Cleanly",
                                          "code frame_type frame_payload"),
    "close answered": _template("Close Must Be Answered Cleanly", "", "code reason repeat"),
    "bad close payload fails": _template("Close Payload Of One Octet Must Fail The Connection", "reason_hex"),
    "long close fails": _template("Close Longer Than 125 Octets Must Fail The Connection", "code reason repeat"),
    "close reason not utf8 fails": _template("Close Reason That Is Not UTF-8 Must Fail The Connection",
                                             "code reason_hex"),
    "close code echoed": _template("Valid Close Code Must Be Echoed", "code"),
    "bad close code fails": _template("Invalid Close Code Must Fail The Connection", "code"),
    "registered close code answered": _template("Close Code Registered Since RFC 6455 Should Be Answered Cleanly",
                                                "code"),
    "unregistered close code fails": _template("Close Code Beyond Every Range Should Fail The Connection", "code"),
    "unmasked fails": _template("Unmasked Frame Must Fail The Connection", "type", "payload hex"),
    "unmasked continuation fails": _template("Unmasked Continuation Frame Must Fail The Connection",
                                             "type payload next_type next_payload"),
    "length msb fails": _template("Frame Length With The Most Significant Bit Set Must Fail The Connection",
                                  "type announced_length"),
    "huge length refused": _template("Frame Longer Than The Server Accepts Should Fail The Connection With 1009",
                                     "type announced_length"),
    "continuation rsv fails": _template("Continuation Frame With Reserved Bits Must Fail The Connection",
                                        "type payload rsv next_type next_payload"),
    "control without fin fails": _template("Control Frame Without FIN Must Fail The Connection", "type",
                                           "payload hex next_type"),
    "other type inside fragments fails": _template(
        "Data Frame Of Another Type Inside A Fragmented Message Must Fail The Connection",
        "type next_type next_payload", "payload hex"),
    "control between fragments": _template("Control Frame Between Fragments Must Not Break The Message",
                                           "type next_type next_payload", "payload hex"),
    "long control fails": _template("Control Frame Longer Than 125 Octets Must Fail The Connection",
                                    "type hex repeat"),
    "split code point echoed": _template("Text Split Inside A Code Point Must Be Echoed Whole", "type hex"),
    "ends inside code point fails": _template("Text Ending Inside A Code Point Must Fail The Connection With 1007",
                                              "type hex"),
    "any masking key echoed": _template("Frame Masked With Any Key Must Be Echoed", "type payload masking_key"),
    "nothing after protocol error": _template("Frames After A Protocol Error Must Not Be Answered",
                                              "type next_type next_payload"),
}


def _family(name: str, section: str, title: str, documentation: str, template: str,
            others: tuple[str, ...] = ()) -> Family:
    return Family(
        name=name, suite=f"frames/{name}.robot", title=title,
        documentation=f"{section}{documentation}", template=_T[template],
        templates=tuple((rule, _T[rule]) for rule in others),
    )


def _cells(values: dict[str, str | None]) -> tuple[tuple[str, str], ...]:
    """The cells a case uses: ``None`` leaves a template's argument out, ``""`` passes it empty."""
    return tuple((name.replace("_", " "), value) for name, value in values.items() if value is not None)


def _autobahn(number: str, family: str, title: str, rfc: tuple[str, ...], level: str, rule: str, says: str,
              why: str, tags: tuple[str, ...] = (), **cells: str | None) -> Case:
    return Case(
        id=f"COMP-FRAME-{number.replace('.', '-')}", family=family, title=title, rfc=rfc, level=level, recipe=None,
        expect=rule, says=says, why=why, extra_tags=(f"autobahn-{number}", *tags), cells=_cells(cells),
    )


def _own(case_id: str, title: str, rfc: tuple[str, ...], level: str, rule: str, says: str, why: str,
         **cells: str | None) -> Case:
    return Case(
        id=f"COMP-FRAME-{case_id}", family="rfc_rules", title=title, rfc=rfc, level=level, recipe=None,
        expect=rule, says=says, why=why, extra_tags=("not-in-autobahn",), cells=_cells(cells),
    )


# What RFC 6455 says, and why it matters, per rule. Quotes are short; the section is in each case.
_LENGTH = (
    'RFC 6455 §5.2: "Payload length: 7 bits, 7+16 bits, or 7+64 bits"; 0-125 fit the 7 bits, 126 announces a '
    '16-bit length and 127 a 64-bit length. §5.6: data frames carry text (UTF-8) or binary application data.'
)
_WHY_LENGTH = (
    "Every message crosses one of the three length forms and their boundaries (125/126, 65535/65536); a server "
    "that misreads one corrupts or drops exactly the messages of that size."
)
_PING = (
    'RFC 6455 §5.5.2: "Upon receipt of a Ping frame, an endpoint MUST send a Pong frame in response"; §5.5.3: '
    '"A Pong frame sent in response to a Ping frame must have identical Application data".'
)
_WHY_PING = (
    "Clients and proxies use Ping to keep connections alive and to detect dead peers; a missing or altered Pong "
    "makes them drop healthy connections."
)
_CONTROL_LENGTH = (
    'RFC 6455 §5.5: "All control frames MUST have a payload length of 125 bytes or less and MUST NOT be '
    'fragmented."'
)
_WHY_CONTROL_LENGTH = (
    "A receiver that accepts a long control frame lets a peer slip bulk data past the message limits and breaks "
    "the guarantee that control frames fit in a single small frame between fragments."
)
_UNSOLICITED_PONG = (
    'RFC 6455 §5.5.3: "A Pong frame MAY be sent unsolicited. This serves as a unidirectional heartbeat. A '
    'response to an unsolicited Pong frame is not expected."'
)
_WHY_UNSOLICITED_PONG = (
    "Browsers and libraries send unsolicited Pongs as heartbeats; a server that answers them, or fails the "
    "connection, breaks those clients."
)
_PINGS_IN_ORDER = (
    'RFC 6455 §5.5.2 requires a Pong per Ping, but §5.5.3 adds: "the endpoint MAY elect to send a Pong frame '
    'for only the most recently processed Ping frame." Autobahn expects every Pong, in order.'
)
_WHY_PINGS_IN_ORDER = (
    "Clients that match Pongs to their Pings (latency measurement, keep-alive with several outstanding Pings) "
    "time out when Pongs are merged; the RFC allows merging, so this is a SHOULD here, not a MUST."
)
_RSV = (
    'RFC 6455 §5.2: RSV1-3 "MUST be 0 unless an extension is negotiated that defines meanings for non-zero '
    'values. If a nonzero value is received and none of the negotiated extensions defines the meaning of such '
    'a nonzero value, the receiving endpoint MUST _Fail the WebSocket Connection_."'
)
_WHY_RSV = (
    "Reserved bits are how extensions such as permessage-deflate mark frames; a server that ignores them reads "
    "compressed or extension data as plain payload."
)
_OPCODE = (
    'RFC 6455 §5.2: opcodes %x3-7 are "reserved for further non-control frames" and %xB-F "for further control '
    'frames"; "If an unknown opcode is received, the receiving endpoint MUST _Fail the WebSocket Connection_."'
)
_WHY_OPCODE = (
    "A server that skips unknown opcodes loses track of framing as soon as a peer (or a future extension) uses "
    "one, and may treat their payload as data."
)
_AFTER_VALID = (
    " A valid text message goes first: its echo may arrive before the server fails the connection (a server "
    "that fails before echoing passes with a warning, which Autobahn grades NON-STRICT)."
)
_CONTROL_FRAGMENTED = 'RFC 6455 §5.4: "Control frames (see Section 5.5) MAY be injected in the middle of a ' \
    'fragmented message. Control frames themselves MUST NOT be fragmented."; §5.5 repeats it as a MUST NOT.'
_WHY_CONTROL_FRAGMENTED = (
    "A server that reassembles a fragmented Ping or Pong no longer knows where control frames end, so the "
    "interleaving rule that lets Pings cross large messages breaks."
)
_FRAGMENTS = (
    'RFC 6455 §5.4: "A fragmented message consists of a single frame with the FIN bit clear and an opcode other '
    'than 0, followed by zero or more frames with the FIN bit clear and the opcode set to 0, and terminated by '
    'a single frame with the FIN bit set and an opcode of 0."'
)
_WHY_FRAGMENTS = (
    "Clients and intermediaries fragment messages whenever they stream or buffer; a server that handles only "
    "single-frame messages loses or corrupts them."
)
_CONTROL_BETWEEN = (
    'RFC 6455 §5.4: "An endpoint MUST be capable of handling control frames in the middle of a fragmented '
    'message."'
)
_WHY_CONTROL_BETWEEN = (
    "Keep-alive Pings do not wait for large messages to finish; a server that cannot interleave them times "
    "out connections that are busy sending."
)
_CONTINUATION = (
    'RFC 6455 §5.4: a fragmented message starts with "a single frame with the FIN bit clear and an opcode other '
    'than 0" and continues with frames whose "opcode [is] set to 0"; a continuation frame with no message '
    "started, or a new data frame inside one, breaks this and the receiver fails the connection (§7.1.7)."
)
_WHY_CONTINUATION = (
    "A server that appends stray continuation frames to nothing, or to the previous message, accepts data no "
    "correct client sends, and its message boundaries no longer match the peer's."
)
_INTERLEAVED = (
    'RFC 6455 §5.4: "The fragments of one message MUST NOT be interleaved between the fragments of another '
    'message unless an extension has been negotiated that can interpret the interleaving."'
)
_WHY_INTERLEAVED = (
    "Without an extension there is no way to tell which message a data frame belongs to; accepting one silently "
    "merges or reorders messages."
)
_UTF8 = (
    'RFC 6455 §5.6: "the whole message MUST contain valid UTF-8"; §8.1: an endpoint that finds a text message is '
    'not valid UTF-8 "MUST _Fail the WebSocket Connection_"; §7.4.1: 1007 is the code for "data within a message '
    'that was not consistent with the type of the message (e.g., non-UTF-8 [RFC3629] data within a text '
    'message)".'
)
_WHY_UTF8_VALID = (
    "Valid text, including code points at the edges of UTF-8 and non-characters, must reach the application "
    "unchanged; a server with a too strict decoder drops legitimate messages."
)
_WHY_UTF8_INVALID = (
    "Applications trust text messages to be valid UTF-8; a server that passes invalid octets on (or replaces "
    "them silently) opens the door to decoder confusion and injection in whatever parses the text next."
)
_UTF8_FRAGMENTED = (
    'RFC 6455 §5.6: "a particular text frame might include a partial UTF-8 sequence; however, the whole message '
    'MUST contain valid UTF-8."'
)
_WHY_UTF8_FRAGMENTED = (
    "Clients fragment by octet count, not by code point; a server that validates each fragment on its own "
    "rejects valid text from every client that streams."
)
_FAIL_FAST = (
    _UTF8 + " Autobahn also expects the server to fail when the offending octet arrives, not only at the end "
    "of the message (a late failure passes with a warning here, NON-STRICT in Autobahn)."
)
_WHY_FAIL_FAST = (
    "A server that validates only complete messages buffers arbitrary amounts of invalid data before it notices."
)
_CLOSE_REPLY = (
    'RFC 6455 §5.5.1: "If an endpoint receives a Close frame and did not previously send a Close frame, the '
    'endpoint MUST send a Close frame in response"; "the server MUST close the underlying TCP connection '
    'immediately" after both Close frames.'
)
_WHY_CLOSE_REPLY = (
    "The closing handshake is how both sides know every message arrived; a server that does not answer or "
    "does not close TCP leaves clients waiting and leaks connections."
)
_AFTER_CLOSE = (
    'RFC 6455 §1.4: "after receiving a control frame indicating the connection should be closed, a peer '
    'discards any further data received"; §5.5.1: an endpoint answers a Close only "if [it] did not previously '
    'send a Close frame".'
)
_WHY_AFTER_CLOSE = (
    "A server that keeps answering after the client's Close sends data the client has stopped reading and "
    "delays the end of the connection."
)
_CLOSE_PAYLOAD = (
    'RFC 6455 §5.5.1: "If there is a body, the first two bytes of the body MUST be a 2-byte unsigned integer '
    '(in network byte order) representing a status code"; §5.5: control frames carry 125 octets or less.'
)
_WHY_CLOSE_PAYLOAD = (
    "A server that accepts a malformed Close echoes garbage back or reads past the frame; clients cannot tell "
    "why the connection ended."
)
_CLOSE_REASON = (
    'RFC 6455 §5.5.1: the Close body after the code "MAY contain UTF-8-encoded data"; §8.1: data that must be '
    'UTF-8 but is not makes the endpoint "_Fail the WebSocket Connection_".'
)
_WHY_CLOSE_REASON = "Close reasons end up in logs and user interfaces; invalid UTF-8 there is as dangerous as in text."
_CLOSE_CODE = (
    "RFC 6455 §7.4.1 defines 1000-1003 and 1007-1011, §7.4.2 makes 3000-3999 registrable and 4000-4999 private "
    'use; §5.5.1: the endpoint answers a Close and "typically echos the status code it received".'
)
_WHY_CLOSE_CODE = (
    "Applications use close codes, their own 4000-4999 included, to say why they leave; a server that refuses "
    "valid codes makes the closing handshake fail."
)
_BAD_CLOSE_CODE = (
    'RFC 6455 §7.4.2: "Status codes in the range 0-999 are not used"; 1004 is reserved and 1005, 1006 and 1015 '
    '"MUST NOT be set as a status code in a Close control frame by an endpoint" (§7.4.1); other codes below '
    "3000 are reserved for the protocol. A Close carrying one is a protocol error (Autobahn expects 1002)."
)
_WHY_BAD_CLOSE_CODE = (
    "A server that echoes an impossible code hands it to the client's application as if a peer had sent it, "
    "and shows it does not validate Close frames."
)
_REGISTERED_CODE = (
    "RFC 6455 §7.4.2: codes 1000-2999 are \"reserved for definition by this protocol, its future revisions, and "
    'extensions specified in a permanent and readily available public specification"; §11.7 created the IANA '
    "registry, which has since added 1012-1014 (1014: Bad Gateway)."
)
_WHY_REGISTERED_CODE = (
    "Gateways close with 1014 today; a server built from Autobahn's list refuses it. Answering 1014 cleanly "
    "is right; failing with 1002 passes with a warning."
)
_LIMITS = (
    "RFC 6455 §5.2 allows payloads up to 2^63-1 octets; §10.4: implementations with size limits \"MUST protect "
    'themselves against exceeding those limits" (a refusal with 1009 is compliant).'
)
_WHY_LIMITS = "Size, many small frames and fast round trips are where servers run out of memory, time or buffers."

_ECHO_SIZES = (
    ("1", "0", "empty", "7-bit length"),
    ("2", "125", "125-octet", "largest 7-bit length"),
    ("3", "126", "126-octet", "smallest 16-bit length"),
    ("4", "127", "127-octet", "16-bit length"),
    ("5", "128", "128-octet", "16-bit length"),
    ("6", "65535", "65535-octet", "largest 16-bit length"),
    ("7", "65536", "65536-octet", "smallest 64-bit length"),
    ("8", "65536", "65536-octet", "64-bit length, written in 997-octet chops"),
)

FRAMING = tuple(
    _autobahn(
        f"1.{group}.{number}", "framing",
        f"An unfragmented {size} {kind} frame ({note}) is echoed", ("RFC 6455 §5.2", "RFC 6455 §5.6"), "MUST",
        "frame echoed", _LENGTH, _WHY_LENGTH, type=kind, hex=pattern, length=length,
        chop="997" if number == "8" else None, timeout="10s" if int(length) > 128 else None,
    )
    for group, kind, pattern in (("1", "text", "2a"), ("2", "binary", "fe"))
    for number, length, size, note in _ECHO_SIZES
)

_PING_RFC = ("RFC 6455 §5.5.2", "RFC 6455 §5.5.3")
PINGS_AND_PONGS = (
    _autobahn("2.1", "pings_and_pongs", "A Ping without payload is answered by a Pong without payload", _PING_RFC,
              "MUST", "ping answered", _PING, _WHY_PING, payload=""),
    _autobahn("2.2", "pings_and_pongs", "A Ping with a text payload is answered by a Pong with the same payload",
              _PING_RFC, "MUST", "ping answered", _PING, _WHY_PING, payload="Hello, world!"),
    _autobahn("2.3", "pings_and_pongs", "A Ping with a binary payload is answered by a Pong with the same payload",
              _PING_RFC, "MUST", "ping answered", _PING, _WHY_PING, hex="00fffefdfcfb00ff"),
    _autobahn("2.4", "pings_and_pongs", "A Ping with a 125-octet payload is answered by a Pong with the same payload",
              _PING_RFC, "MUST", "ping answered", _PING, _WHY_PING, hex="fe", repeat="125"),
    _autobahn("2.5", "pings_and_pongs", "A Ping with a 126-octet payload fails the connection, unanswered",
              ("RFC 6455 §5.5",), "MUST", "long ping fails", _CONTROL_LENGTH, _WHY_CONTROL_LENGTH, hex="fe",
              repeat="126"),
    _autobahn("2.6", "pings_and_pongs", "A 125-octet Ping written one octet at a time is answered with its payload",
              _PING_RFC, "MUST", "ping answered", _PING, _WHY_PING, hex="fe", repeat="125", chop="1"),
    _autobahn("2.7", "pings_and_pongs", "An unsolicited Pong without payload is ignored", ("RFC 6455 §5.5.3",),
              "MUST", "pong ignored", _UNSOLICITED_PONG, _WHY_UNSOLICITED_PONG, payload=""),
    _autobahn("2.8", "pings_and_pongs", "An unsolicited Pong with a payload is ignored", ("RFC 6455 §5.5.3",),
              "MUST", "pong ignored", _UNSOLICITED_PONG, _WHY_UNSOLICITED_PONG, payload="unsolicited pong payload"),
    _autobahn("2.9", "pings_and_pongs", "A Ping after an unsolicited Pong gets exactly one Pong, with its payload",
              ("RFC 6455 §5.5.2", "RFC 6455 §5.5.3"), "MUST", "pong then ping", _UNSOLICITED_PONG + " " + _PING,
              _WHY_UNSOLICITED_PONG, pong="unsolicited pong payload", payload="ping payload"),
    _autobahn("2.10", "pings_and_pongs", "Ten Pings sent back to back get ten Pongs, in order", _PING_RFC,
              "SHOULD", "pings in order", _PINGS_IN_ORDER, _WHY_PINGS_IN_ORDER, payload="payload-", count="10"),
    _autobahn("2.11", "pings_and_pongs",
              "Ten Pings sent back to back, each written one octet at a time, get ten Pongs, in order", _PING_RFC,
              "SHOULD", "pings in order", _PINGS_IN_ORDER, _WHY_PINGS_IN_ORDER, payload="payload-", count="10",
              chop="1"),
)

_HELLO = "Hello, world!"
_RSV_RFC = ("RFC 6455 §5.2",)
RESERVED_BITS = (
    _autobahn("3.1", "reserved_bits", "A text frame with RSV3 set fails the connection", _RSV_RFC, "MUST",
              "rsv fails", _RSV, _WHY_RSV, type="text", rsv="1", payload=_HELLO),
    _autobahn("3.2", "reserved_bits", "A text frame with RSV2 set after a valid message fails the connection",
              _RSV_RFC, "MUST", "rsv after echo fails", _RSV + _AFTER_VALID, _WHY_RSV, type="text",
              rsv="2", text_before=_HELLO, payload=_HELLO),
    _autobahn("3.3", "reserved_bits",
              "A text frame with RSV2 and RSV3 set after a valid message fails the connection", _RSV_RFC, "MUST",
              "rsv after echo fails", _RSV + _AFTER_VALID, _WHY_RSV, type="text", rsv="3",
              text_before=_HELLO, payload=_HELLO),
    _autobahn("3.4", "reserved_bits",
              "A text frame with RSV1 set after a valid message, all written octet by octet, fails the connection",
              _RSV_RFC, "MUST", "rsv after echo fails", _RSV + _AFTER_VALID, _WHY_RSV, type="text",
              rsv="4", text_before=_HELLO, payload=_HELLO, chop="1"),
    _autobahn("3.5", "reserved_bits", "A binary frame with RSV1 and RSV3 set fails the connection", _RSV_RFC,
              "MUST", "rsv fails", _RSV, _WHY_RSV, type="binary", rsv="5", hex="00fffefdfcfb00ff"),
    _autobahn("3.6", "reserved_bits",
              "A binary frame with RSV1 and RSV2 set fails the connection (Autobahn's text says Ping)", _RSV_RFC,
              "MUST", "rsv fails", _RSV, _WHY_RSV, type="binary", rsv="6", payload=_HELLO),
    _autobahn("3.7", "reserved_bits", "A Close frame with all three RSV bits set fails the connection", _RSV_RFC,
              "MUST", "rsv fails", _RSV, _WHY_RSV, type="close", rsv="7"),
)

_RESERVED_PAYLOAD = "reserved opcode payload"
RESERVED_OPCODES = (
    _autobahn("4.1.1", "opcodes", "A frame with reserved non-control opcode 3 fails the connection", _RSV_RFC,
              "MUST", "opcode fails", _OPCODE, _WHY_OPCODE, opcode="3"),
    _autobahn("4.1.2", "opcodes", "A frame with reserved non-control opcode 4 and a payload fails the connection",
              _RSV_RFC, "MUST", "opcode fails", _OPCODE, _WHY_OPCODE, opcode="4", payload=_RESERVED_PAYLOAD),
    _autobahn("4.1.3", "opcodes", "A frame with reserved opcode 5 after a valid message fails the connection",
              _RSV_RFC, "MUST", "opcode after echo fails", _OPCODE + _AFTER_VALID, _WHY_OPCODE, opcode="5",
              text_before=_HELLO),
    _autobahn("4.1.4", "opcodes",
              "A frame with reserved opcode 6 and a payload after a valid message fails the connection", _RSV_RFC,
              "MUST", "opcode after echo fails", _OPCODE + _AFTER_VALID, _WHY_OPCODE, opcode="6", text_before=_HELLO,
              payload=_HELLO),
    _autobahn("4.1.5", "opcodes",
              "A frame with reserved opcode 7 after a valid message, all written octet by octet, fails the "
              "connection", _RSV_RFC, "MUST", "opcode after echo fails", _OPCODE + _AFTER_VALID, _WHY_OPCODE,
              opcode="7", text_before=_HELLO, payload=_HELLO, chop="1"),
    _autobahn("4.2.1", "opcodes", "A frame with reserved control opcode 11 fails the connection", _RSV_RFC, "MUST",
              "opcode fails", _OPCODE, _WHY_OPCODE, opcode="11"),
    _autobahn("4.2.2", "opcodes", "A frame with reserved control opcode 12 and a payload fails the connection",
              _RSV_RFC, "MUST", "opcode fails", _OPCODE, _WHY_OPCODE, opcode="12", payload=_RESERVED_PAYLOAD),
    _autobahn("4.2.3", "opcodes", "A frame with reserved opcode 13 after a valid message fails the connection",
              _RSV_RFC, "MUST", "opcode after echo fails", _OPCODE + _AFTER_VALID, _WHY_OPCODE, opcode="13",
              text_before=_HELLO),
    _autobahn("4.2.4", "opcodes",
              "A frame with reserved opcode 14 and a payload after a valid message fails the connection",
              _RSV_RFC, "MUST", "opcode after echo fails", _OPCODE + _AFTER_VALID, _WHY_OPCODE, opcode="14",
              text_before=_HELLO, payload=_HELLO),
    _autobahn("4.2.5", "opcodes",
              "A frame with reserved opcode 15 after a valid message, all written octet by octet, fails the "
              "connection", _RSV_RFC, "MUST", "opcode after echo fails", _OPCODE + _AFTER_VALID, _WHY_OPCODE,
              opcode="15", text_before=_HELLO, payload=_HELLO, chop="1"),
)

_FRAG_RFC = ("RFC 6455 §5.4",)
_TWO = "fragment1|fragment2"
_WRITES = {"": "", "flushed": ", each frame in its own write", "chopped": ", written one octet at a time"}


def _writes(style: str) -> dict[str, str]:
    return {"chop": "1"} if style == "chopped" else {}


FRAGMENTATION = (
    _autobahn("5.1", "fragmentation", "A Ping sent in two fragments fails the connection",
              ("RFC 6455 §5.4", "RFC 6455 §5.5"), "MUST", "fragmented control fails", _CONTROL_FRAGMENTED,
              _WHY_CONTROL_FRAGMENTED, type="ping", fragments=_TWO),
    _autobahn("5.2", "fragmentation", "A Pong sent in two fragments fails the connection",
              ("RFC 6455 §5.4", "RFC 6455 §5.5"), "MUST", "fragmented control fails", _CONTROL_FRAGMENTED,
              _WHY_CONTROL_FRAGMENTED, type="pong", fragments=_TWO),
    *(
        _autobahn(number, "fragmentation", f"A text message in two fragments{_WRITES[style]} is echoed whole",
                  _FRAG_RFC, "MUST", "fragments echoed", _FRAGMENTS, _WHY_FRAGMENTS, type="text", fragments=_TWO,
                  **_writes(style))
        for number, style in (("5.3", ""), ("5.4", "flushed"), ("5.5", "chopped"))
    ),
    *(
        _autobahn(number, "fragmentation",
                  f"A Ping between two text fragments{_WRITES[style]} is answered, and the message echoed whole",
                  _FRAG_RFC, "MUST", "ping between fragments", _CONTROL_BETWEEN, _WHY_CONTROL_BETWEEN, type="text",
                  fragments=_TWO, ping="ping payload", **_writes(style))
        for number, style in (("5.6", ""), ("5.7", "flushed"), ("5.8", "chopped"))
    ),
    *(
        _autobahn(number, "fragmentation",
                  f"A continuation frame (FIN={fin}) with no message started, then a text message{_WRITES[style]}, "
                  "fails the connection", _FRAG_RFC, "MUST", "stray continuation fails", _CONTINUATION,
                  _WHY_CONTINUATION, type="text", fragments=_HELLO, stray="non-continuation payload",
                  stray_fin="True" if fin == "1" else "False", **_writes(style))
        for fin, numbers in (("1", ("5.9", "5.10", "5.11")), ("0", ("5.12", "5.13", "5.14")))
        for number, style in zip(numbers, ("", "flushed", "chopped"))
    ),
    _autobahn("5.15", "fragmentation",
              "A continuation frame after a complete fragmented message, then a text frame, fails the connection",
              _FRAG_RFC, "MUST", "continuation after message fails", _CONTINUATION + _AFTER_VALID.replace(
                  "A valid text message", "The complete message"), _WHY_CONTINUATION, type="text", fragments=_TWO,
              stray="fragment3", stray_fin="False", after="fragment4"),
    *(
        _autobahn(number, "fragmentation",
                  f"Twice: a continuation frame (FIN={fin}) with no message started, then a fragmented text "
                  "message, fails the connection", _FRAG_RFC, "MUST", "stray continuation fails", _CONTINUATION,
                  _WHY_CONTINUATION, type="text", fragments="fragment2|fragment3", stray="fragment1",
                  stray_fin="True" if fin == "1" else "False", times="2")
        for number, fin in (("5.16", "0"), ("5.17", "1"))
    ),
    _autobahn("5.18", "fragmentation", "A text frame that starts a new message inside a fragmented one fails the "
              "connection", _FRAG_RFC, "MUST", "new message inside fragments fails", _INTERLEAVED,
              _WHY_INTERLEAVED, type="text", fragments=_TWO),
    *(
        _autobahn(number, "fragmentation",
                  f"Pings between five text fragments sent over a second{_WRITES[style]} are answered, then the "
                  "message is echoed whole", _FRAG_RFC, "MUST", "pings between fragments with pause",
                  _CONTROL_BETWEEN, _WHY_CONTROL_BETWEEN, type="text",
                  fragments="fragment1|fragment2|fragment3|fragment4|fragment5", ping="pongme 1!|pongme 2!",
                  pause="1s")
        for number, style in (("5.19", ""), ("5.20", "flushed"))
    ),
)

_UTF8_RFC = ("RFC 6455 §5.6", "RFC 6455 §8.1", "RFC 6455 §7.4.1")
_HELLO_UTF8 = "48656c6c6f2dc2b540c39fc3b6c3a4c3bcc3a0c3a12d5554462d382121"  # Hello-µ@ßöäüàá-UTF-8!!
_KOSME = "cebae1bdb9cf83cebcceb5"  # κόσμε
_KOSME_SURROGATE = _KOSME + "eda080" + "656469746564"  # κόσμε, a UTF-16 surrogate, "edited"

# Markus Kuhn's UTF-8 decoder stress test as Autobahn sends it (6.5-6.23): group, title, (payload hex, valid).
_UTF8_VECTORS: tuple[tuple[str, str, tuple[tuple[str, bool], ...]], ...] = (
    ("6.5", "Some valid UTF-8 sequences", (
        ("68656c6c6f24776f726c64", True), ("68656c6c6fc2a2776f726c64", True), ("68656c6c6fe282ac776f726c64", True),
        ("68656c6c6ff0a4ada2776f726c64", True), ("cebae1bdb9cf83cebcceb5", True),
    )),
    ("6.6", "All prefixes of a valid UTF-8 string that contains multi-byte code points", (
        ("ce", False), ("ceba", True), ("cebae1", False), ("cebae1bd", False), ("cebae1bdb9", True),
        ("cebae1bdb9cf", False), ("cebae1bdb9cf83", True), ("cebae1bdb9cf83ce", False), ("cebae1bdb9cf83cebc", True),
        ("cebae1bdb9cf83cebcce", False), ("cebae1bdb9cf83cebcceb5", True),
    )),
    ("6.7", "First possible sequence of a certain length", (
        ("00", True), ("c280", True), ("e0a080", True), ("f0908080", True),
    )),
    ("6.8", "First possible sequence length 5/6 (invalid codepoints)", (
        ("f888808080", False), ("fc8480808080", False),
    )),
    ("6.9", "Last possible sequence of a certain length", (
        ("7f", True), ("dfbf", True), ("efbfbf", True), ("f48fbfbf", True),
    )),
    ("6.10", "Last possible sequence length 4/5/6 (invalid codepoints)", (
        ("f7bfbfbf", False), ("fbbfbfbfbf", False), ("fdbfbfbfbfbf", False),
    )),
    ("6.11", "Other boundary conditions", (
        ("ed9fbf", True), ("ee8080", True), ("efbfbd", True), ("f48fbfbf", True), ("f4908080", False),
    )),
    ("6.12", "Unexpected continuation bytes", (
        ("80", False), ("bf", False), ("80bf", False), ("80bf80", False), ("80bf80bf", False), ("80bf80bf80", False),
        ("80bf80bf80bf", False),
        ("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"
         "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbe", False),
    )),
    ("6.13", "Lonely start characters", (
        ("c020c120c220c320c420c520c620c720c820c920ca20cb20cc20cd20ce20cf20"
         "d020d120d220d320d420d520d620d720d820d920da20db20dc20dd20de20", False),
        ("e020e120e220e320e420e520e620e720e820e920ea20eb20ec20ed20ee20", False),
        ("f020f120f220f320f420f520f620", False), ("f820f920fa20", False), ("fc20", False),
    )),
    ("6.14", "Sequences with last continuation byte missing", (
        ("c0", False), ("e080", False), ("f08080", False), ("f8808080", False), ("fc80808080", False), ("df", False),
        ("efbf", False), ("f7bfbf", False), ("fbbfbfbf", False), ("fdbfbfbfbf", False),
    )),
    ("6.15", "Concatenation of incomplete sequences", (
        ("c0e080f08080f8808080fc80808080dfefbff7bfbffbbfbfbffdbfbfbfbf", False),
    )),
    ("6.16", "Impossible bytes", (
        ("fe", False), ("ff", False), ("fefeffff", False),
    )),
    ("6.17", "Examples of an overlong ASCII character", (
        ("c0af", False), ("e080af", False), ("f08080af", False), ("f8808080af", False), ("fc80808080af", False),
    )),
    ("6.18", "Maximum overlong sequences", (
        ("c1bf", False), ("e09fbf", False), ("f08fbfbf", False), ("f887bfbfbf", False), ("fc83bfbfbfbf", False),
    )),
    ("6.19", "Overlong representation of the NUL character", (
        ("c080", False), ("e08080", False), ("f0808080", False), ("f880808080", False), ("fc8080808080", False),
    )),
    ("6.20", "Single UTF-16 surrogates", (
        ("eda080", False), ("edadbf", False), ("edae80", False), ("edafbf", False), ("edb080", False),
        ("edbe80", False), ("edbfbf", False),
    )),
    ("6.21", "Paired UTF-16 surrogates", (
        ("eda080edb080", False), ("eda080edbfbf", False), ("edadbfedb080", False), ("edadbfedbfbf", False),
        ("edae80edb080", False), ("edae80edbfbf", False), ("edafbfedb080", False), ("edafbfedbfbf", False),
    )),
    ("6.22", "Non-character code points (valid UTF-8)", (
        ("efbfbe", True), ("efbfbf", True), ("f09fbfbe", True), ("f09fbfbf", True), ("f0afbfbe", True),
        ("f0afbfbf", True), ("f0bfbfbe", True), ("f0bfbfbf", True), ("f18fbfbe", True), ("f18fbfbf", True),
        ("f19fbfbe", True), ("f19fbfbf", True), ("f1afbfbe", True), ("f1afbfbf", True), ("f1bfbfbe", True),
        ("f1bfbfbf", True), ("f28fbfbe", True), ("f28fbfbf", True), ("f29fbfbe", True), ("f29fbfbf", True),
        ("f2afbfbe", True), ("f2afbfbf", True), ("f2bfbfbe", True), ("f2bfbfbf", True), ("f38fbfbe", True),
        ("f38fbfbf", True), ("f39fbfbe", True), ("f39fbfbf", True), ("f3afbfbe", True), ("f3afbfbf", True),
        ("f3bfbfbe", True), ("f3bfbfbf", True), ("f48fbfbe", True), ("f48fbfbf", True),
    )),
    ("6.23", "Unicode specials (i.e. replacement char)", (
        ("efbfb9", True), ("efbfba", True), ("efbfbb", True), ("efbfbc", True), ("efbfbd", True), ("efbfbe", True),
        ("efbfbf", True),
    )),
)


def _vector_case(number: str, group_title: str, payload: str, valid: bool) -> Case:
    octets = len(payload) // 2
    if valid:
        return _autobahn(number, "utf8_handling", f"Valid UTF-8 text ({group_title}: {payload}) is echoed",
                         ("RFC 6455 §5.6",), "MUST", "valid utf8 echoed", _UTF8, _WHY_UTF8_VALID, hex=payload)
    return _autobahn(number, "utf8_handling",
                     f"A text message of {octets} octets that is not UTF-8 ({group_title}: {payload}) fails the "
                     "connection with 1007", _UTF8_RFC, "MUST", "invalid utf8 fails", _UTF8, _WHY_UTF8_INVALID,
                     hex=payload)


_FAIL_FAST_PARTS = {
    "after": f"{_KOSME}|f4908080|656469746564",
    "inside": f"{_KOSME}f4|90|8080656469746564",
}

UTF8_HANDLING = (
    _autobahn("6.1.1", "utf8_handling", "An empty text message is echoed", ("RFC 6455 §5.6",), "MUST",
              "valid utf8 echoed", _UTF8, _WHY_UTF8_VALID, hex=""),
    _autobahn("6.1.2", "utf8_handling", "A text message of three empty fragments is echoed as one empty message",
              ("RFC 6455 §5.4", "RFC 6455 §5.6"), "MUST", "valid utf8 fragments echoed", _FRAGMENTS,
              _WHY_FRAGMENTS, fragments="||"),
    _autobahn("6.1.3", "utf8_handling", "A text message of an empty, a non-empty and an empty fragment is echoed "
              "whole", ("RFC 6455 §5.4", "RFC 6455 §5.6"), "MUST", "valid utf8 fragments echoed", _FRAGMENTS,
              _WHY_FRAGMENTS, fragments="|6d6964646c65206672616d65207061796c6f6164|"),
    _autobahn("6.2.1", "utf8_handling", "Valid multi-octet UTF-8 text in one frame is echoed", ("RFC 6455 §5.6",),
              "MUST", "valid utf8 echoed", _UTF8, _WHY_UTF8_VALID, hex=_HELLO_UTF8),
    _autobahn("6.2.2", "utf8_handling", "Valid UTF-8 text in two fragments split on a code point boundary is "
              "echoed whole", ("RFC 6455 §5.6",), "MUST", "valid utf8 fragments echoed", _UTF8_FRAGMENTED,
              _WHY_UTF8_FRAGMENTED, fragments="48656c6c6f2dc2b540c39fc3b6c3a4|c3bcc3a0c3a12d5554462d382121"),
    _autobahn("6.2.3", "utf8_handling", "Valid UTF-8 text in one-octet fragments, split inside 2-octet code "
              "points, is echoed whole", ("RFC 6455 §5.6",), "MUST", "valid utf8 echoed", _UTF8_FRAGMENTED,
              _WHY_UTF8_FRAGMENTED, hex=_HELLO_UTF8, fragment_size="1"),
    _autobahn("6.2.4", "utf8_handling", "Valid UTF-8 text in one-octet fragments, split inside 3-octet code "
              "points, is echoed whole", ("RFC 6455 §5.6",), "MUST", "valid utf8 echoed", _UTF8_FRAGMENTED,
              _WHY_UTF8_FRAGMENTED, hex=_KOSME, fragment_size="1"),
    _autobahn("6.3.1", "utf8_handling", "A text message with a UTF-16 surrogate fails the connection with 1007",
              _UTF8_RFC, "MUST", "invalid utf8 fails", _UTF8, _WHY_UTF8_INVALID, hex=_KOSME_SURROGATE),
    _autobahn("6.3.2", "utf8_handling", "A text message with a UTF-16 surrogate, in one-octet fragments, fails the "
              "connection with 1007", _UTF8_RFC, "MUST", "invalid utf8 fails", _UTF8, _WHY_UTF8_INVALID,
              hex=_KOSME_SURROGATE, fragment_size="1"),
    _autobahn("6.4.1", "utf8_handling", "Three fragments a second apart, the second with a code point above "
              "U+10FFFF, fail the connection before the third", _UTF8_RFC, "MUST", "invalid utf8 fails fast",
              _FAIL_FAST, _WHY_FAIL_FAST, fragments=_FAIL_FAST_PARTS["after"], pause="1s"),
    _autobahn("6.4.2", "utf8_handling", "Three fragments a second apart, the second a lone octet that makes the "
              "text invalid, fail the connection before the third", _UTF8_RFC, "MUST", "invalid utf8 fails fast",
              _FAIL_FAST, _WHY_FAIL_FAST, fragments=_FAIL_FAST_PARTS["inside"], pause="1s"),
    _autobahn("6.4.3", "utf8_handling", "One text frame written in three parts a second apart, the second with a "
              "code point above U+10FFFF, fails the connection before the third", _UTF8_RFC, "MUST",
              "invalid utf8 in one frame fails fast", _FAIL_FAST, _WHY_FAIL_FAST,
              fragments=_FAIL_FAST_PARTS["after"], pause="1s"),
    _autobahn("6.4.4", "utf8_handling", "One text frame written in three parts a second apart, the second a lone "
              "octet that makes the text invalid, fails the connection before the third", _UTF8_RFC, "MUST",
              "invalid utf8 in one frame fails fast", _FAIL_FAST, _WHY_FAIL_FAST,
              fragments=_FAIL_FAST_PARTS["inside"], pause="1s"),
    *(
        _vector_case(f"{group}.{index}", title, payload, valid)
        for group, title, vectors in _UTF8_VECTORS
        for index, (payload, valid) in enumerate(vectors, start=1)
    ),
)

_CLOSE_RFC = ("RFC 6455 §5.5.1",)
_HELLO_WORLD = "Hello World!"
CLOSE_HANDLING = (
    _autobahn("7.1.1", "close_handling", "After a text message is echoed, a Close(1000) is answered cleanly",
              _CLOSE_RFC, "MUST", "close after message", _CLOSE_REPLY, _WHY_CLOSE_REPLY, code="1000",
              frame_type="text", frame_payload=_HELLO_WORLD),
    _autobahn("7.1.2", "close_handling", "A second Close after our Close(1000) is not answered again",
              ("RFC 6455 §1.4", "RFC 6455 §5.5.1"), "MUST", "frames after close ignored", _AFTER_CLOSE,
              _WHY_AFTER_CLOSE, code="1000", frame_type="close"),
    _autobahn("7.1.3", "close_handling", "A Ping after our Close(1000) is not answered",
              ("RFC 6455 §1.4", "RFC 6455 §5.5.1"), "MUST", "frames after close ignored", _AFTER_CLOSE,
              _WHY_AFTER_CLOSE, code="1000", frame_type="ping"),
    _autobahn("7.1.4", "close_handling", "A text message after our Close(1000) is not echoed",
              ("RFC 6455 §1.4", "RFC 6455 §5.5.1"), "MUST", "frames after close ignored", _AFTER_CLOSE,
              _WHY_AFTER_CLOSE, code="1000", frame_type="text", frame_payload=_HELLO_WORLD),
    _autobahn("7.1.5", "close_handling", "A Close(1000) between the fragments of a text message is answered "
              "cleanly with 1000", ("RFC 6455 §5.4", "RFC 6455 §5.5.1"), "MUST", "close between fragments",
              _CONTROL_BETWEEN + " " + _CLOSE_REPLY, _WHY_CLOSE_REPLY, code="1000", frame_type="text",
              frame_payload=_TWO),
    _autobahn("7.1.6", "close_handling", "A Close(1000) sent right behind a 256 KiB message, a text message and "
              "before a Ping is answered cleanly (informational in Autobahn)", _CLOSE_RFC, "MUST",
              "close behind queued data", _CLOSE_REPLY, _WHY_CLOSE_REPLY, code="1000", frame_type="text",
              frame_payload=_HELLO_WORLD),
    _autobahn("7.3.1", "close_handling", "A Close without payload is answered cleanly", _CLOSE_RFC, "MUST",
              "close answered", _CLOSE_REPLY, _WHY_CLOSE_REPLY, reason=""),
    _autobahn("7.3.2", "close_handling", "A Close with a one-octet payload fails the connection", _CLOSE_RFC,
              "MUST", "bad close payload fails", _CLOSE_PAYLOAD, _WHY_CLOSE_PAYLOAD, reason_hex="61"),
    _autobahn("7.3.3", "close_handling", "A Close(1000) without reason is answered cleanly", _CLOSE_RFC, "MUST",
              "close answered", _CLOSE_REPLY, _WHY_CLOSE_REPLY, code="1000"),
    _autobahn("7.3.4", "close_handling", "A Close(1000) with a reason is answered cleanly", _CLOSE_RFC, "MUST",
              "close answered", _CLOSE_REPLY, _WHY_CLOSE_REPLY, code="1000", reason=_HELLO_WORLD),
    _autobahn("7.3.5", "close_handling", "A Close(1000) with a 123-octet reason (125-octet payload) is answered "
              "cleanly", _CLOSE_RFC, "MUST", "close answered", _CLOSE_REPLY, _WHY_CLOSE_REPLY, code="1000",
              reason="*", repeat="123"),
    _autobahn("7.3.6", "close_handling", "A Close(1000) with a 124-octet reason (126-octet payload) fails the "
              "connection", ("RFC 6455 §5.5",), "MUST", "long close fails", _CONTROL_LENGTH, _WHY_CONTROL_LENGTH,
              code="1000", reason="*", repeat="124"),
    _autobahn("7.5.1", "close_handling", "A Close(1000) whose reason is not UTF-8 fails the connection",
              ("RFC 6455 §5.5.1", "RFC 6455 §8.1"), "MUST", "close reason not utf8 fails", _CLOSE_REASON,
              _WHY_CLOSE_REASON, code="1000", reason_hex=_KOSME_SURROGATE),
    *(
        _autobahn(f"7.7.{index}", "close_handling", f"A Close with valid code {code} is answered cleanly",
                  ("RFC 6455 §5.5.1", "RFC 6455 §7.4.1", "RFC 6455 §7.4.2"), "MUST", "close code echoed",
                  _CLOSE_CODE, _WHY_CLOSE_CODE, code=code)
        for index, code in enumerate(
            ("1000", "1001", "1002", "1003", "1007", "1008", "1009", "1010", "1011", "3000", "3999", "4000", "4999"),
            start=1)
    ),
    *(
        _autobahn(f"7.9.{index}", "close_handling", f"A Close with invalid code {code} fails the connection",
                  ("RFC 6455 §7.4.1", "RFC 6455 §7.4.2"), "MUST", "bad close code fails", _BAD_CLOSE_CODE,
                  _WHY_BAD_CLOSE_CODE, code=code)
        for index, code in enumerate(("0", "999", "1004", "1005", "1006"), start=1)
    ),
    _autobahn("7.9.6", "close_handling", "A Close with code 1014 is answered cleanly (Autobahn counts 1014 invalid; "
              "IANA has registered it since, as Bad Gateway)", ("RFC 6455 §7.4.2", "RFC 6455 §11.7"), "SHOULD",
              "registered close code answered", _REGISTERED_CODE, _WHY_REGISTERED_CODE, code="1014"),
    *(
        _autobahn(f"7.9.{index}", "close_handling", f"A Close with invalid code {code} fails the connection",
                  ("RFC 6455 §7.4.1", "RFC 6455 §7.4.2"), "MUST", "bad close code fails", _BAD_CLOSE_CODE,
                  _WHY_BAD_CLOSE_CODE, code=code)
        for index, code in enumerate(("1015", "1016", "1100", "2000", "2999"), start=7)
    ),
    *(
        _autobahn(f"7.13.{index}", "close_handling", f"A Close with code {code}, beyond every defined range, fails "
                  "the connection (informational in Autobahn)", ("RFC 6455 §7.4.2",), "SHOULD",
                  "unregistered close code fails", _BAD_CLOSE_CODE, _WHY_BAD_CLOSE_CODE, code=code)
        for index, code in enumerate(("5000", "65535"), start=1)
    ),
)

# Autobahn's patterns, repeated and cut to each length.
_TEXT_PATTERN = "BAsd7&jh23".encode().hex()
_BINARY_PATTERN = "00fe23faf0"
_MIB = 1024 * 1024


def _size(octets: int) -> str:
    return f"{octets // _MIB} MiB" if octets >= _MIB else f"{octets // 1024} KiB"


def _limit(number: str, title: str, rule: str, **cells: str) -> Case:
    return _autobahn(number, "limits_and_performance", title, ("RFC 6455 §5.2", "RFC 6455 §10.4"), "MAY", rule,
                     _LIMITS, _WHY_LIMITS, tags=("slow",), **cells)


_LARGE = (64 * 1024, 256 * 1024, _MIB, 4 * _MIB, 8 * _MIB, 16 * _MIB)
_FRAGMENT_SIZES = (64, 256, 1024, 4096, 16384, 65536, 262144, _MIB, 4 * _MIB)
_CHOPS = (64, 128, 256, 512, 1024, 2048)
_ROUND_TRIP_SIZES = (0, 16, 64, 256, 1024, 4096)

LIMITS_AND_PERFORMANCE = (
    *(
        _limit(f"9.{group}.{index}", f"A {_size(octets)} {kind} message in one frame is echoed", "frame echoed",
               type=kind, hex=pattern, length=str(octets), timeout=timeout)
        for group, kind, pattern, timeouts in (
            ("1", "text", _TEXT_PATTERN, ("10s", "10s", "100s", "100s", "100s", "100s")),
            ("2", "binary", _BINARY_PATTERN, ("10s", "10s", "10s", "10s", "100s", "100s")),
        )
        for index, (octets, timeout) in enumerate(zip(_LARGE, timeouts), start=1)
    ),
    *(
        _limit(f"9.{group}.{index}", f"A 4 MiB {kind} message in fragments of {size} octets is echoed",
               "fragmented echoed", type=kind, hex="fe" if (group, index) == ("4", 1) else "2a",
               length=str(4 * _MIB), fragment_size=str(size), timeout="100s")
        for group, kind in (("3", "text"), ("4", "binary"))
        for index, size in enumerate(_FRAGMENT_SIZES, start=1)
    ),
    *(
        _limit(f"9.{group}.{index}", f"A 1 MiB {kind} frame written in chops of {chop} octets is echoed",
               "frame echoed", type=kind, hex=pattern, length=str(_MIB), chop=str(chop),
               timeout="1000s")
        for group, kind, pattern in (("5", "text", _TEXT_PATTERN), ("6", "binary", _BINARY_PATTERN))
        for index, chop in enumerate(_CHOPS, start=1)
    ),
    *(
        _limit(f"9.{group}.{index}", f"1000 round trips of a {size}-octet {kind} message are each echoed",
               "round trips echoed", type=kind, hex=pattern, length=str(size), count="1000")
        for group, kind, pattern in (("7", "text", "2a"), ("8", "binary", "fe"))
        for index, size in enumerate(_ROUND_TRIP_SIZES, start=1)
    ),
)

AUTO_FRAGMENTATION = (
    _autobahn("10.1.1", "auto_fragmentation", "A 64 KiB text message in 1300-octet fragments is echoed whole",
              ("RFC 6455 §5.4",), "MUST", "fragmented echoed", _FRAGMENTS, _WHY_FRAGMENTS, type="text", hex="2a",
              length="65536", fragment_size="1300", timeout="10s"),
)

_UNMASKED = (
    'RFC 6455 §5.1: "The server MUST close the connection upon receiving a frame that is not masked. In this '
    'case, a server MAY send a Close frame with a status code of 1002 (protocol error)".'
)
_WHY_UNMASKED = (
    "Masking keeps attacker-chosen bytes from appearing on the wire as another protocol to intermediaries "
    "(§10.3, cache poisoning); a server that accepts unmasked frames takes that protection away and hides "
    "broken clients. Autobahn never sends one."
)
_LENGTH_MSB = (
    'RFC 6455 §5.2: "If 127, the following 8 bytes interpreted as a 64-bit unsigned integer (the most '
    'significant bit MUST be 0) are the payload length."'
)
_WHY_LENGTH_MSB = (
    "Ten octets announcing more than 2^63 octets must not make a server wait forever, allocate, or read the "
    "length as negative; Autobahn never sends such a length."
)
_HUGE = (
    'RFC 6455 §10.4: implementations with frame or message size limits "MUST protect themselves against '
    'exceeding those limits"; §7.4.1: 1009 means "a message that is too big for it to process".'
)
_WHY_HUGE = (
    "A frame header announcing 1 TiB costs the sender ten octets; a server that waits or allocates for it can be "
    "exhausted by anyone, and 1009 tells an honest client why it was refused."
)
_MASK_KEY = (
    'RFC 6455 §5.3: "the client MUST pick a fresh masking key from the set of allowed 32-bit values" and octet i '
    'of the payload is XORed with "octet at index i modulo 4 of the masking key"; every 32-bit value is allowed.'
)
_WHY_MASK_KEY = (
    "An all-zero key leaves the payload unchanged on the wire; a server that treats it as 'not masked' or "
    "special-cases keys fails clients whose random key happens to be one of them."
)
_AFTER_ERROR = (
    'RFC 6455 §7.1.7: "An endpoint MUST NOT continue to attempt to process data (including a responding Close '
    'frame) from the remote endpoint after being instructed to _Fail the WebSocket Connection_."'
)
_WHY_AFTER_ERROR = (
    "After a protocol error the server cannot know where the next frame starts; answering what follows means it "
    "guessed, and acted on bytes of unknown meaning."
)
_SPLIT_CODE_POINT = (
    _UTF8_FRAGMENTED + " Autobahn splits only 2- and 3-octet code points and never puts a control frame between "
    "the halves."
)
_ENDS_INSIDE = _UTF8_FRAGMENTED + " A message whose last fragment ends inside a code point is not valid UTF-8 (§8.1)."
_RFC_FRAGMENTS = (
    'RFC 6455 §5.4: "An endpoint MUST be capable of handling control frames in the middle of a fragmented '
    'message." Autobahn puts only Pings between text fragments.'
)

RFC_RULES = (
    _own("UNMASKED-TEXT", "An unmasked text frame fails the connection, unanswered", ("RFC 6455 §5.1",), "MUST",
         "unmasked fails", _UNMASKED, _WHY_UNMASKED, type="text", payload="Hello"),
    _own("UNMASKED-PING", "An unmasked Ping fails the connection, unanswered", ("RFC 6455 §5.1",), "MUST",
         "unmasked fails", _UNMASKED, _WHY_UNMASKED, type="ping", payload="ping payload"),
    _own("UNMASKED-CLOSE", "An unmasked Close(1000) fails the connection instead of closing it cleanly",
         ("RFC 6455 §5.1",), "MUST", "unmasked fails", _UNMASKED, _WHY_UNMASKED, type="close", hex="03e8"),
    _own("UNMASKED-CONTINUATION", "An unmasked continuation frame inside a masked message fails the connection",
         ("RFC 6455 §5.1",), "MUST", "unmasked continuation fails", _UNMASKED, _WHY_UNMASKED, type="text",
         payload="fragment1", next_type="continuation", next_payload="fragment2"),
    _own("LENGTH-MSB-SET", "A 64-bit payload length with the most significant bit set fails the connection",
         ("RFC 6455 §5.2",), "MUST", "length msb fails", _LENGTH_MSB, _WHY_LENGTH_MSB, type="binary",
         announced_length=str(2**63)),
    _own("LENGTH-BEYOND-LIMIT", "A frame announcing 1 TiB fails the connection with 1009 instead of being awaited",
         ("RFC 6455 §10.4", "RFC 6455 §7.4.1"), "SHOULD", "huge length refused", _HUGE, _WHY_HUGE, type="binary",
         announced_length=str(2**40)),
    _own("RSV-ON-CONTINUATION", "A continuation frame with RSV1 set fails the connection", ("RFC 6455 §5.2",),
         "MUST", "continuation rsv fails", _RSV, _WHY_RSV, type="text", payload="fragment1", rsv="4",
         next_type="continuation", next_payload="fragment2"),
    _own("RSV-ON-PONG", "A Pong with RSV2 set fails the connection", ("RFC 6455 §5.2",), "MUST", "rsv fails", _RSV,
         _WHY_RSV, type="pong", rsv="2"),
    _own("RSV-ON-PING", "A Ping with RSV1 and RSV2 set fails the connection, unanswered (what Autobahn's 3.6 "
         "names but does not send)", ("RFC 6455 §5.2",), "MUST", "rsv fails", _RSV, _WHY_RSV, type="ping",
         payload="Hello", rsv="6"),
    _own("FRAGMENTED-CLOSE", "A Close(1000) with FIN clear, then a continuation frame, fails the connection",
         ("RFC 6455 §5.4", "RFC 6455 §5.5"), "MUST", "control without fin fails", _CONTROL_FRAGMENTED,
         _WHY_CONTROL_FRAGMENTED, type="close", hex="03e8", next_type="continuation"),
    _own("PING-WITHOUT-FIN", "A Ping with FIN clear and nothing after it fails the connection, unanswered",
         ("RFC 6455 §5.4", "RFC 6455 §5.5"), "MUST", "control without fin fails", _CONTROL_FRAGMENTED,
         _WHY_CONTROL_FRAGMENTED, type="ping", payload="ping payload"),
    _own("LONG-PONG", "An unsolicited Pong with a 126-octet payload fails the connection", ("RFC 6455 §5.5",),
         "MUST", "long control fails", _CONTROL_LENGTH, _WHY_CONTROL_LENGTH, type="pong", hex="fe", repeat="126"),
    _own("BINARY-INSIDE-TEXT", "A binary frame inside a fragmented text message fails the connection",
         ("RFC 6455 §5.4",), "MUST", "other type inside fragments fails", _INTERLEAVED, _WHY_INTERLEAVED,
         type="text", payload="fragment1", next_type="binary", next_payload="fragment2"),
    _own("TEXT-INSIDE-BINARY", "A text frame inside a fragmented binary message fails the connection",
         ("RFC 6455 §5.4",), "MUST", "other type inside fragments fails", _INTERLEAVED, _WHY_INTERLEAVED,
         type="binary", hex="0102", next_type="text", next_payload="fragment2"),
    _own("PING-BETWEEN-BINARY-FRAGMENTS", "A Ping between binary fragments is answered and the message echoed "
         "whole", ("RFC 6455 §5.4",), "MUST", "control between fragments", _RFC_FRAGMENTS, _WHY_CONTROL_BETWEEN,
         type="binary", hex="0102|03", next_type="ping", next_payload="p"),
    _own("PONG-BETWEEN-TEXT-FRAGMENTS", "An unsolicited Pong between text fragments is ignored and the message "
         "echoed whole", ("RFC 6455 §5.4", "RFC 6455 §5.5.3"), "MUST", "control between fragments", _RFC_FRAGMENTS,
         _WHY_CONTROL_BETWEEN, type="text", payload=_TWO, next_type="pong", next_payload="heartbeat"),
    _own("SPLIT-4-OCTET-CODE-POINT", "A text message split inside a 4-octet code point is echoed whole",
         ("RFC 6455 §5.6",), "MUST", "split code point echoed", _SPLIT_CODE_POINT, _WHY_UTF8_FRAGMENTED,
         type="text", hex="f09f|9880"),
    _own("PING-INSIDE-SPLIT-CODE-POINT", "A Ping between the halves of a split code point is answered and the "
         "text echoed whole", ("RFC 6455 §5.4", "RFC 6455 §5.6"), "MUST", "control between fragments",
         _SPLIT_CODE_POINT, _WHY_UTF8_FRAGMENTED, type="text", hex="ce|ba", next_type="ping", next_payload="x"),
    _own("TEXT-ENDS-INSIDE-CODE-POINT", "A fragmented text message that ends inside a code point fails the "
         "connection with 1007", ("RFC 6455 §5.6", "RFC 6455 §8.1"), "MUST", "ends inside code point fails",
         _ENDS_INSIDE, _WHY_UTF8_INVALID, type="text", hex="cebae1|bd"),
    _own("MASKING-KEY-ZERO", "A text frame masked with the key 00000000 is echoed", ("RFC 6455 §5.3",), "MUST",
         "any masking key echoed", _MASK_KEY, _WHY_MASK_KEY, type="text", payload="Hello", masking_key="00000000"),
    _own("MASKING-KEY-ONES", "A text frame masked with the key ffffffff is echoed", ("RFC 6455 §5.3",), "MUST",
         "any masking key echoed", _MASK_KEY, _WHY_MASK_KEY, type="text", payload="Hello", masking_key="ffffffff"),
    _own("NOTHING-AFTER-PROTOCOL-ERROR", "After a reserved opcode, a text message and a Ping are not answered",
         ("RFC 6455 §7.1.7",), "MUST", "nothing after protocol error", _AFTER_ERROR, _WHY_AFTER_ERROR, type="3",
         next_type="text", next_payload="after the error"),
)


def _section(number: str, title: str) -> str:
    return f"Autobahn|Testsuite section {number}, {title}: "


FAMILIES: tuple[Family, ...] = (
    _family("framing", _section("1", "Framing"), "Framing",
            "unfragmented text and binary frames at the edges of the 7-, 16- and 64-bit length forms are echoed.",
            "frame echoed"),
    _family("pings_and_pongs", _section("2", "Pings/Pongs"), "Pings and Pongs",
            "Pings are answered with their payload, oversized Pings fail the connection, unsolicited Pongs are "
            "ignored.", "ping answered",
            ("long ping fails", "pong ignored", "pong then ping", "pings in order")),
    _family("reserved_bits", _section("3", "Reserved Bits"), "Reserved bits",
            "a frame with RSV bits set and no extension negotiated fails the connection.", "rsv fails",
            ("rsv after echo fails",)),
    _family("opcodes", _section("4", "Opcodes"), "Opcodes",
            "a frame with a reserved opcode fails the connection.", "opcode fails", ("opcode after echo fails",)),
    _family("fragmentation", _section("5", "Fragmentation"), "Fragmentation",
            "fragmented messages are echoed whole, control frames between fragments are answered, fragmented "
            "control frames and continuation frames out of place fail the connection.", "fragments echoed",
            ("fragmented control fails", "ping between fragments", "stray continuation fails",
             "continuation after message fails", "new message inside fragments fails",
             "pings between fragments with pause")),
    _family("utf8_handling", _section("6", "UTF-8 Handling"), "UTF-8 handling",
            "valid UTF-8 text, whole or split anywhere, is echoed; invalid UTF-8 (Markus Kuhn's decoder stress "
            "test) fails the connection with 1007, preferably as soon as the offending octet arrives.",
            "valid utf8 echoed",
            ("valid utf8 fragments echoed", "invalid utf8 fails", "invalid utf8 fails fast",
             "invalid utf8 in one frame fails fast")),
    _family("close_handling", _section("7", "Close Handling"), "Close handling",
            "a Close is answered with a Close and the server closes TCP; frames after our Close are not answered; "
            "malformed Close frames and invalid close codes fail the connection.", "close code echoed",
            ("close after message", "frames after close ignored", "close between fragments",
             "close behind queued data", "bad close payload fails", "long close fails",
             "close reason not utf8 fails", "close answered", "bad close code fails",
             "registered close code answered", "unregistered close code fails")),
    _family("limits_and_performance", _section("9", "Limits/Performance"),
            "Limits and performance",
            "large messages (up to 16 MiB), many small fragments, slowly written frames and 1000 round trips are "
            "echoed. Every case is tagged slow; run without them with --exclude slow.", "frame echoed",
            ("fragmented echoed", "round trips echoed")),
    _family("auto_fragmentation", _section("10", "Misc"), "Auto-fragmentation",
            "a message fragmented the way a client library auto-fragments (1300-octet frames) is echoed whole.",
            "fragmented echoed"),
    Family(
        name="rfc_rules", suite="frames/rfc_rules.robot", title="RFC 6455 rules Autobahn leaves out",
        documentation=(
            "Frame rules of RFC 6455 that Autobahn|Testsuite does not test: unmasked client frames, a 64-bit length "
            "with the most significant bit set, reserved bits on continuation frames, Pings and Pongs, fragmented Close "
            "frames, interleaved message types, control frames between binary fragments and inside a split code "
            "point, special masking keys, and frames after a protocol error."
        ),
        template=_T["unmasked fails"],
        templates=tuple((rule, _T[rule]) for rule in (
            "unmasked continuation fails", "length msb fails", "huge length refused", "continuation rsv fails",
            "rsv fails", "control without fin fails", "long control fails", "other type inside fragments fails",
            "control between fragments", "split code point echoed", "ends inside code point fails",
            "any masking key echoed", "nothing after protocol error")),
    ),
)

CASES: tuple[Case, ...] = (
    FRAMING + PINGS_AND_PONGS + RESERVED_BITS + RESERVED_OPCODES + FRAGMENTATION + UTF8_HANDLING + CLOSE_HANDLING
    + LIMITS_AND_PERFORMANCE + AUTO_FRAGMENTATION + RFC_RULES
)
