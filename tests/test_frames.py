"""The frame codec: byte-exact building, masking, close payloads, the lenient reader and its violations, log lines."""

from __future__ import annotations

import os
import time
import tracemalloc

import pytest

from WsComplianceLibrary.wire.websocket import (
    BINARY,
    CLOSE,
    CONTINUATION,
    PING,
    PONG,
    TEXT,
    Frame,
    FrameReader,
    Message,
    build_frame,
    close_payload,
    describe_frame,
    is_valid_close_code,
    mask,
    opcode_name,
    parse_close_payload,
)

KEY = bytes([0x37, 0xFA, 0x21, 0x3D])
"""The masking key of the examples in RFC 6455 §5.7."""


def server_frame(opcode: int, payload: bytes = b"", **options) -> bytes:
    """A frame as a server sends it: unmasked unless the test says otherwise."""
    options.setdefault("masked", False)
    return build_frame(opcode, payload, **options)


def read(*chunks: bytes, **options) -> tuple[list[Frame | Message], FrameReader]:
    reader = FrameReader(**options)
    events = []
    for chunk in chunks:
        reader.feed(chunk)
        while (event := reader.next_event()) is not None:
            events.append(event)
    return events, reader


def only_violation(reader: FrameReader) -> str:
    assert len(reader.violations) == 1, reader.violations
    return reader.violations[0]


# --- building: RFC 6455 §5.7 examples, byte for byte -------------------------------------------------------


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        (build_frame(TEXT, b"Hello", masked=False), "81 05 48 65 6c 6c 6f"),
        (build_frame(TEXT, b"Hello", masking_key=KEY), "81 85 37 fa 21 3d 7f 9f 4d 51 58"),
        (build_frame(TEXT, b"Hel", fin=False, masked=False), "01 03 48 65 6c"),
        (build_frame(CONTINUATION, b"lo", masked=False), "80 02 6c 6f"),
        (build_frame(PING, b"Hello", masked=False), "89 05 48 65 6c 6c 6f"),
        (build_frame(PONG, b"Hello", masking_key=KEY), "8a 85 37 fa 21 3d 7f 9f 4d 51 58"),
    ],
    ids=["unmasked-text", "masked-text", "first-fragment", "last-fragment", "ping", "masked-pong"],
)
def test_rfc_examples_byte_for_byte(frame, expected):
    assert frame.hex(" ") == expected


def test_length_forms_of_the_rfc_examples():
    assert build_frame(BINARY, bytes(256), masked=False)[:4].hex(" ") == "82 7e 01 00"
    assert build_frame(BINARY, bytes(65536), masked=False)[:10].hex(" ") == "82 7f 00 00 00 00 00 01 00 00"


def test_non_minimal_forms_and_any_announced_length():
    assert build_frame(TEXT, b"Hi", masked=False, length_form=16).hex(" ") == "81 7e 00 02 48 69"
    assert build_frame(TEXT, b"Hi", masked=False, length_form=64).hex(" ") == "81 7f 00 00 00 00 00 00 00 02 48 69"
    assert build_frame(TEXT, b"Hi", masked=False, announced_length=10).hex(" ") == "81 0a 48 69"
    msb = build_frame(BINARY, masked=False, announced_length=2**63)
    assert msb.hex(" ") == "82 7f 80 00 00 00 00 00 00 00"
    assert build_frame(BINARY, masked=False, announced_length=200).hex(" ") == "82 7e 00 c8"


def test_flags_reserved_opcodes_and_a_fresh_key_per_frame():
    assert build_frame(0xB, masked=False, fin=False, rsv1=True, rsv2=True, rsv3=True).hex(" ") == "7b 00"
    first, second = build_frame(TEXT, b"x"), build_frame(TEXT, b"x")
    assert first[1] == second[1] == 0x81 and first[2:6] != second[2:6]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"opcode": 16}, "four bits"),
        ({"opcode": TEXT, "masking_key": b"abc"}, "4 bytes"),
        ({"opcode": TEXT, "masked": False, "masking_key": KEY}, "no place"),
        ({"opcode": TEXT, "announced_length": 126, "length_form": 7}, "7-bit"),
        ({"opcode": TEXT, "announced_length": 65536, "length_form": 16}, "16-bit"),
        ({"opcode": TEXT, "announced_length": 2**64}, "64 bits"),
    ],
)
def test_only_what_has_no_encoding_is_refused(arguments, message):
    with pytest.raises(ValueError, match=message):
        build_frame(**arguments)


# --- masking --------------------------------------------------------------------------------------------------


def test_mask_is_its_own_inverse_across_chunk_boundaries():
    payload = os.urandom(64 * 1024 * 2 + 7)
    masked = mask(payload, KEY)
    assert masked == bytes(byte ^ KEY[index % 4] for index, byte in enumerate(payload))
    assert mask(masked, KEY) == payload
    assert mask(b"", KEY) == b""


def test_mask_of_16_mib_is_fast():
    payload = bytes(16 * 1024 * 1024)
    mask(payload, KEY)  # warm-up
    started = time.perf_counter()
    mask(payload, KEY)
    assert time.perf_counter() - started < 0.1


# --- close payloads and codes --------------------------------------------------------------------------------


@pytest.mark.parametrize("code", [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999,
                                  4000, 4999])
def test_valid_close_codes(code):
    assert is_valid_close_code(code)


@pytest.mark.parametrize("code", [0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535])
def test_invalid_close_codes(code):
    assert not is_valid_close_code(code)


def test_close_payload_round_trip_and_problems():
    assert close_payload(1000, b"bye") == b"\x03\xe8bye"
    assert close_payload(None) == b""
    assert parse_close_payload(b"\x03\xe8bye").code == 1000
    assert parse_close_payload(b"\x03\xe8bye").problems == []
    assert "one byte" in parse_close_payload(close_payload(None, b"\x03")).problems[0]
    assert "1005" in parse_close_payload(close_payload(1005)).problems[0]
    (problem,) = parse_close_payload(close_payload(1000, b"ok\xff")).problems
    assert "byte 2" in problem and "\\xff" in problem and "§5.5.1" in problem
    with pytest.raises(ValueError):
        close_payload(65536)


# --- reading --------------------------------------------------------------------------------------------------


def test_messages_and_frames_of_a_compliant_server_byte_by_byte():
    stream = (server_frame(TEXT, "κό".encode(), fin=False) + server_frame(PING, b"p")
              + server_frame(CONTINUATION, "σμε".encode()) + server_frame(BINARY, b"\x00\xff")
              + server_frame(CLOSE, close_payload(1000)))
    events, reader = read(*(stream[index:index + 1] for index in range(len(stream))))
    kinds = [(type(event).__name__, event.opcode) for event in events]
    assert kinds == [("Frame", TEXT), ("Frame", PING), ("Frame", CONTINUATION), ("Message", TEXT),
                     ("Frame", BINARY), ("Message", BINARY), ("Frame", CLOSE)]
    assert events[3].text == "κόσμε" and events[3].frame_count == 2
    assert reader.violations == [] and reader.close.code == 1000 and reader.pending_bytes == 0


def test_frame_record_keeps_header_and_unmasks():
    events, reader = read(build_frame(TEXT, b"Hello", masking_key=KEY))
    frame = events[0]
    assert (frame.masked, frame.masking_key, frame.payload, frame.length) == (True, KEY, b"Hello", 5)
    assert frame.header == bytes.fromhex("8185") + KEY
    assert "§5.1" in only_violation(reader) and "\\x81\\x857\\xfa!=" in reader.violations[0]


def test_utf8_split_inside_a_code_point_is_fine():
    euro = "€".encode()
    events, reader = read(server_frame(TEXT, euro[:1], fin=False), server_frame(CONTINUATION, euro[1:2], fin=False),
                          server_frame(CONTINUATION, euro[2:]))
    assert events[-1].text == "€" and reader.violations == []


@pytest.mark.parametrize(
    ("frames", "section", "detail"),
    [
        ([server_frame(TEXT, b"x", masked=True)], "§5.1", "masked"),
        ([server_frame(TEXT, b"x", rsv1=True)], "§5.2", "RSV1"),
        ([server_frame(TEXT, b"x", rsv3=True)], "§5.2", "RSV3"),
        ([server_frame(0x3)], "§5.2", "opcode 0x3"),
        ([server_frame(0xB)], "§5.2", "opcode 0xb"),
        ([server_frame(PING, b"x" * 126)], "§5.5", "126 bytes"),
        ([server_frame(PING, fin=False)], "§5.5", "FIN clear"),
        ([server_frame(CONTINUATION, b"x")], "§5.4", "no fragmented message"),
        ([server_frame(TEXT, b"a", fin=False), server_frame(BINARY, b"b")], "§5.4", "unfinished"),
        ([server_frame(TEXT, b"abc", length_form=16)], "§5.2", "16-bit form"),
        ([server_frame(BINARY, b"x" * 200, length_form=64)], "§5.2", "64-bit form"),
        ([server_frame(TEXT, b"a\xc3\x28b")], "§5.6", "byte 1"),
        ([server_frame(TEXT, b"ok", fin=False), server_frame(CONTINUATION, b"\xed\xa0\x80")], "§5.6", "byte 2"),
        ([server_frame(TEXT, b"ab\xe2\x82")], "§5.6", "byte 2"),
        ([server_frame(CLOSE, b"\x03")], "§5.5.1", "one byte"),
        ([server_frame(CLOSE, close_payload(1006))], "§7.4", "1006"),
        ([server_frame(CLOSE, close_payload(1000, b"\xff"))], "§5.5.1", "UTF-8"),
        ([server_frame(CLOSE), server_frame(TEXT, b"late")], "§5.5.1", "after the server's Close"),
    ],
    ids=["masked", "rsv1", "rsv3", "reserved-data-opcode", "reserved-control-opcode", "long-control",
         "fragmented-control", "continuation-of-nothing", "new-message-while-open", "non-minimal-16",
         "non-minimal-64", "invalid-utf8", "surrogate-in-fragment", "truncated-code-point", "one-byte-close",
         "invalid-close-code", "close-reason-utf8", "frame-after-close"],
)
def test_every_violation_kind_is_named_with_its_section(frames, section, detail):
    _, reader = read(*frames)
    violation = only_violation(reader)
    assert section in violation and detail in violation, violation
    assert violation.isprintable() and violation.endswith(".")


def test_negotiated_rsv_bit_is_not_a_violation():
    _, reader = read(server_frame(TEXT, b"x", rsv1=True), negotiated_rsv=(1,))
    assert reader.violations == []


def test_invalid_utf8_is_reported_once_as_soon_as_its_fragment_arrives():
    reader = FrameReader()
    reader.feed(server_frame(TEXT, b"abcd", fin=False) + server_frame(CONTINUATION, b"\xff\xfe", fin=False))
    assert "byte 4 on (\\xff\\xfe)" in only_violation(reader)
    reader.feed(server_frame(CONTINUATION, b"\xff"))
    assert len(reader.violations) == 1


def test_msb_length_stops_the_reader_and_is_a_violation():
    _, reader = read(server_frame(BINARY, announced_length=2**63 + 5))
    assert "most significant bit" in only_violation(reader)
    assert reader.too_large is not None and str(2**63 + 5) in reader.too_large


def test_an_announced_2_63_bytes_allocates_nothing():
    reader = FrameReader()
    header = server_frame(BINARY, announced_length=2**63 - 1)
    tracemalloc.start()
    try:
        reader.feed(header)
        reader.feed(os.urandom(4096))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024
    assert reader.too_large is not None and reader.next_event() is None
    assert reader.pending_bytes == len(header)  # the header only: the 4096 bytes after it were not kept


def test_a_message_growing_past_the_cap_stops_the_reader():
    _, reader = read(server_frame(BINARY, b"x" * 60, fin=False), server_frame(CONTINUATION, b"y" * 60),
                     max_message_size=100)
    assert "would grow the message" in reader.too_large and "120 bytes" in reader.too_large


def test_a_cut_frame_is_pending_not_an_event():
    events, reader = read(server_frame(TEXT, b"Hello")[:4])
    reader.feed_eof()
    assert events == [] and reader.pending_bytes == 4


# --- log lines ------------------------------------------------------------------------------------------------


def frame_of(wire: bytes) -> Frame:
    events, _ = read(wire)
    return events[0]


def test_describe_frame_flags_and_masking():
    line = describe_frame(frame_of(build_frame(TEXT, b"Hello", masking_key=KEY, rsv2=True)), "sent")
    assert line == "sent TEXT frame (opcode 0x1), FIN, RSV2, masked with key 7\\xfa!=, 5 bytes: Hello"


def test_describe_frame_escapes_markup_terminal_escapes_and_invalid_utf8():
    line = describe_frame(frame_of(server_frame(TEXT, b"<script>\x1b[31mred\xff\xc3(\r\nend")), "received")
    assert line.isprintable() and "\x1b" not in line
    assert line.endswith(": <script>\\x1b[31mred\\xff\\xc3(\\r\\nend")
    assert line.startswith("received TEXT frame (opcode 0x1), FIN, no RSV bits, unmasked, 24 bytes")


def test_describe_frame_cuts_long_payloads():
    line = describe_frame(frame_of(server_frame(BINARY, b"a" * 3000)), "received")
    assert line.endswith("a" * 2048 + "... (952 more bytes)")


def test_describe_close_frame_shows_code_and_reason():
    line = describe_frame(frame_of(server_frame(CLOSE, close_payload(1002, b"bad\x07"))), "received")
    assert "close code 1002 (valid), reason 'bad\\x07'" in line
    line = describe_frame(frame_of(server_frame(CLOSE, close_payload(1005))), "received")
    assert "close code 1005 (invalid)" in line


def test_opcode_names():
    assert [opcode_name(code) for code in (0x0, 0x1, 0x2, 0x3, 0x8, 0x9, 0xA, 0xF)] == [
        "CONTINUATION", "TEXT", "BINARY", "reserved-0x3", "CLOSE", "PING", "PONG", "reserved-0xf"]
