"""permessage-deflate without sockets: offers, the server's answer judged per RFC 7692 §7, the bounded codec."""

from __future__ import annotations

import hashlib
import itertools
import os
import resource
import zlib

import pytest

from WsComplianceLibrary.wire.websocket import (
    BINARY,
    CLOSE,
    CONTINUATION,
    PING,
    TEXT,
    EndKind,
    Ended,
    Frame,
    FrameReader,
    Message,
    OutgoingFrame,
    Session,
    build_frame,
)
from WsComplianceLibrary.wire.websocket.deflate import (
    Compressor,
    DeflateOffer,
    DeflateParameters,
    InflateError,
    Inflater,
    NegotiationError,
    agree,
    build_offer,
    parse_extensions,
    parse_offers,
    window_probe,
)
from WsComplianceLibrary.wire.websocket.rules import Role

AUTOBAHN = DeflateOffer(client_no_context_takeover=True, client_max_window_bits=True)


def test_offer_is_written_as_browsers_and_autobahn_write_it():
    assert str(AUTOBAHN) == "permessage-deflate; client_no_context_takeover; client_max_window_bits"
    assert build_offer([DeflateOffer(True, server_max_window_bits=9), DeflateOffer()]) == \
        "permessage-deflate; server_no_context_takeover; server_max_window_bits=9, permessage-deflate"


def test_parsing_reads_tokens_quoted_values_and_several_lines():
    elements = parse_extensions(['permessage-deflate ; server_max_window_bits="10"', "x-other, permessage-deflate"])
    assert [element.name for element in elements] == ["permessage-deflate", "x-other", "permessage-deflate"]
    assert elements[0].parameters == (("server_max_window_bits", "10"),)
    assert elements[0].quoted == {"server_max_window_bits"}


@pytest.mark.parametrize("value", ["permessage-deflate; =1", "permessage-deflate x", 'permessage-deflate; a="1'])
def test_malformed_extension_lists_are_one_sentence(value):
    with pytest.raises(NegotiationError, match=r"is not a list of extensions.*RFC 6455 §9.1"):
        parse_extensions(value)


def test_offers_we_send_are_read_back_leaving_out_those_a_server_must_decline():
    offers = parse_offers("permessage-deflate; x=1, permessage-deflate; server_max_window_bits=9; "
                          "client_max_window_bits, permessage-deflate; server_max_window_bits=16, "
                          "permessage-deflate; server_max_window_bits")
    assert offers == [DeflateOffer(server_max_window_bits=9, client_max_window_bits=True)]


def test_declined_answer_agrees_nothing():
    assert agree(str(AUTOBAHN), []) is None
    assert agree(str(AUTOBAHN), [""]) is None


def test_other_offered_extensions_are_left_to_the_caller_and_malformed_offers_never_agree():
    assert agree(f"x-other, {AUTOBAHN}", ["x-other"]) is None
    with pytest.raises(NegotiationError, match=r"every offer of it was one a server must decline \(the offer"):
        agree("permessage-deflate; x=1", ["permessage-deflate"])


def test_accepted_answer_gives_the_agreed_parameters_with_defaults():
    agreed = agree(str(AUTOBAHN), ["permessage-deflate; client_no_context_takeover; client_max_window_bits=10"])
    assert agreed == DeflateParameters(client_no_context_takeover=True, client_max_window_bits=10)
    assert agreed.window_bits(Role.CLIENT) == 10 and agreed.window_bits(Role.SERVER) == 15
    assert agreed.no_context_takeover(Role.CLIENT) and not agreed.no_context_takeover(Role.SERVER)


def test_quoted_value_is_accepted():
    offer = DeflateOffer(server_max_window_bits=10)
    assert agree(str(offer), ['permessage-deflate; server_max_window_bits="10"']).server_max_window_bits == 10


@pytest.mark.parametrize(("offers", "answer", "rule"), [
    ([AUTOBAHN], "permessage-deflate; x=1", "unknown parameter 'x'"),
    ([AUTOBAHN], "permessage-deflate; client_no_context_takeover; client_no_context_takeover", "twice"),
    ([AUTOBAHN], "permessage-deflate; server_max_window_bits=010", "without leading zeros"),
    ([AUTOBAHN], "permessage-deflate; server_max_window_bits=16", "8-15"),
    ([AUTOBAHN], "permessage-deflate; server_no_context_takeover=1", "gives server_no_context_takeover a value"),
    ([AUTOBAHN], "permessage-deflate, permessage-deflate", "2 permessage-deflate elements"),
    ([AUTOBAHN], "x-webkit-deflate-frame", "'x-webkit-deflate-frame', which was not offered"),
    ([], "permessage-deflate", "'permessage-deflate', which was not offered"),
    ([DeflateOffer(), DeflateOffer()], "permessage-deflate; x", "unknown parameter 'x'"),
    ([DeflateOffer()], "permessage-deflate; client_max_window_bits=10", "client_max_window_bits is in the answer"),
    ([AUTOBAHN], "permessage-deflate; client_max_window_bits", "without a value, but it needs one"),
    ([AUTOBAHN], "permessage-deflate; server_max_window_bits", "without a value, but it needs one"),
    ([DeflateOffer(server_no_context_takeover=True)], "permessage-deflate", "§7.1.1.1"),
    ([DeflateOffer(server_max_window_bits=9)], "permessage-deflate", "§7.1.2.1"),
    ([DeflateOffer(server_max_window_bits=9)], "permessage-deflate; server_max_window_bits=10", "larger than"),
    ([DeflateOffer(client_max_window_bits=9)], "permessage-deflate; client_max_window_bits=12", "larger than"),
])
def test_answers_breaking_rfc_7692_section_7_are_named(offers, answer, rule):
    with pytest.raises(NegotiationError, match=rule):
        agree(build_offer(offers), [answer])


def test_an_answer_matching_any_offer_of_several_is_accepted():
    offers = [DeflateOffer(True, server_max_window_bits=9), DeflateOffer(True), AUTOBAHN]
    assert agree(build_offer(offers), ["permessage-deflate"]) == DeflateParameters()


@pytest.mark.parametrize("takeover", [True, False])
@pytest.mark.parametrize("bits", [8, 9, 12, 15])
def test_messages_round_trip_with_each_window_and_takeover(bits, takeover):
    compressor, inflater = Compressor(bits, not takeover), Inflater(bits, not takeover)
    for message in [b"", b"Hello, world!" * 50, os.urandom(3000), b"Hello, world!" * 50]:
        compressed = compressor.compress(message)
        assert not compressed.endswith(b"\x00\x00\xff\xff")
        assert inflater.inflate(compressed) == message


def test_a_message_ending_with_a_final_block_is_inflated_and_the_context_goes_on():
    deflater = zlib.compressobj(6, zlib.DEFLATED, -15)
    final = deflater.compress(b"abcabcabc") + deflater.flush(zlib.Z_FINISH)
    inflater = Inflater()
    assert inflater.inflate(final) == b"abcabcabc"
    assert inflater.inflate(Compressor().compress(b"next")) == b"next"


def test_corrupt_data_is_named():
    with pytest.raises(InflateError, match=r"not valid DEFLATE data .*RFC 7692 §7.2.2"):
        Inflater().inflate(b"\xff\xff\xff\xff")


@pytest.mark.parametrize("agreed", [8, 9, 11, 14])
def test_a_window_larger_than_agreed_is_caught_with_the_probe(agreed):
    probe = window_probe(agreed, 40000)
    assert Inflater(agreed).inflate(Compressor(agreed).compress(probe)) == probe
    with pytest.raises(InflateError, match=f"farther than the agreed {agreed}-bit window"):
        Inflater(agreed).inflate(Compressor(15).compress(probe))


def test_context_kept_after_agreeing_to_no_context_takeover_is_caught():
    compressor, inflater = Compressor(15, no_context_takeover=False), Inflater(15, no_context_takeover=True)
    message = os.urandom(2000)
    assert inflater.inflate(compressor.compress(message)) == message
    with pytest.raises(InflateError, match="refers back to an earlier message.*§7.1.1"):
        inflater.inflate(compressor.compress(message))


def test_a_bomb_is_inflated_no_further_than_the_bound():
    deflater = zlib.compressobj(9, zlib.DEFLATED, -15)
    zeros = bytes(1 << 20)
    bomb = b"".join(deflater.compress(zeros) for _ in range(64)) + deflater.flush(zlib.Z_SYNC_FLUSH)[:-4]
    assert len(bomb) < 100_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(InflateError, match="inflates to more than 1048576 bytes"):
        Inflater(max_size=1 << 20).inflate(bomb)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 16 << 10  # KiB: under 16 MiB


# --- the frame engine with permessage-deflate agreed: the one rule checker, the reader, the session ---

AGREED = DeflateParameters()


def server_frames(*frames: tuple[int, bytes, bool, int]) -> bytes:
    return b"".join(build_frame(opcode, payload, fin=fin, rsv1=bool(rsv & 4), masked=False)
                    for opcode, payload, fin, rsv in frames)


def read_server(data: bytes, **options) -> tuple[list, FrameReader]:
    reader = FrameReader(deflate=options.pop("deflate", AGREED), **options)
    reader.feed(data)
    events = []
    while (event := reader.next_event()) is not None:
        events.append(event)
    return events, reader


def test_reader_inflates_a_compressed_message_fragmented_after_compression():
    compressed = Compressor().compress(b"Hello, world! " * 100)
    events, reader = read_server(server_frames((TEXT, compressed[:10], False, 4),
                                               (CONTINUATION, compressed[10:], True, 0)))
    [message] = [event for event in events if isinstance(event, Message)]
    assert message.payload == b"Hello, world! " * 100 and message.compressed and message.frame_count == 2
    assert reader.violations == []


def test_a_message_without_rsv1_is_taken_as_is():
    events, reader = read_server(server_frames((TEXT, b"plain", True, 0)))
    assert events[-1] == Message(TEXT, b"plain", 1) and reader.violations == []


@pytest.mark.parametrize(("opcode", "kind"), [(PING, "control"), (CONTINUATION, "continuation")])
def test_rsv1_on_a_control_or_continuation_frame_is_named(opcode, kind):
    frames = [(TEXT, Compressor().compress(b"ab"), False, 4)] if opcode == CONTINUATION else []
    _, reader = read_server(server_frames(*frames, (opcode, b"", True, 4)))
    [violation] = reader.violations
    assert violation.startswith(f"Frame {len(frames) + 1} (")
    assert violation.endswith(f"RSV1 is set on a {kind} frame, but permessage-deflate sets it only on the first "
                              "frame of a compressed message (RFC 7692 §6.1).")


def test_rsv1_without_an_agreement_is_still_rfc_6455s_rule():
    _, reader = read_server(server_frames((PING, b"", True, 4)), deflate=None)
    assert "without a negotiated extension" in reader.violations[0]


def test_reader_names_corrupt_data_and_invalid_utf8_after_inflation():
    _, reader = read_server(server_frames((BINARY, b"\xff\xff", True, 4)))
    assert "the compressed message begun in frame 1: its payload is not valid DEFLATE data" in reader.violations[0]
    _, reader = read_server(server_frames((TEXT, Compressor().compress(b"ok \xed\xa0\x80"), True, 4)))
    assert reader.violations[0].startswith("Text message begun in frame 1: the inflated payload is not valid UTF-8 "
                                           "from byte 3 on")


def test_reader_names_a_window_larger_than_agreed_and_context_kept_after_agreeing_not_to():
    probe = window_probe(9, 4000)
    _, reader = read_server(server_frames((BINARY, Compressor(15).compress(probe), True, 4)),
                            deflate=DeflateParameters(server_max_window_bits=9))
    assert "farther than the agreed 9-bit window" in reader.violations[0]
    compressor = Compressor()
    message = os.urandom(500)
    _, reader = read_server(server_frames((BINARY, compressor.compress(message), True, 4),
                                          (BINARY, compressor.compress(message), True, 4)),
                            deflate=DeflateParameters(server_no_context_takeover=True))
    assert reader.violations == [reader.violations[0]] and "frame 2: it refers back to an earlier message" in \
        reader.violations[0]


def test_reader_stops_at_a_bomb_within_its_cap():
    bomb = Compressor().compress(bytes(4 << 20))
    events, reader = read_server(server_frames((BINARY, bomb, True, 4)), max_message_size=1 << 20)
    assert not [event for event in events if isinstance(event, Message)]
    assert reader.too_large.startswith("Frame 1 (BINARY") and "inflates to more than 1048576 bytes" in \
        reader.too_large


def test_session_compresses_knows_the_plain_echo_and_names_our_bad_compressed_frames():
    session = Session(Role.CLIENT, deflate=DeflateParameters(client_no_context_takeover=True))
    assert session.compressor is not None and session.compressor.no_context_takeover
    sent = session.send(OutgoingFrame(TEXT, session.compressor.compress(b"Hello"), rsv=4), at=0.0)
    assert sent.violation is None and sent.message.payload == b"Hello"
    assert session.owed("echo")[0].payload == b"Hello"
    sent = session.send(OutgoingFrame(PING, b"", rsv=4), at=0.0)
    assert "RSV1 is set on a control frame" in sent.violation.rule
    session = Session(Role.CLIENT, deflate=AGREED)
    assert "not valid DEFLATE" in session.send(OutgoingFrame(TEXT, b"\xff\xff", rsv=4), at=0.0).violation.rule


# --- sample data of Autobahn's five kinds ---


def test_sample_data_is_the_same_on_every_run_with_each_kinds_compressibility():
    from WsComplianceLibrary import sample_data

    assert {kind: hashlib.sha256(sample_data.corpus(kind)).hexdigest()[:16] for kind in sample_data.KINDS} == {
        "json": "16b63cc61aeac71b", "html": "c391e661d66bb34e", "image": "bf9fec1e065fe575",
        "literature": "16ccf333ea4879e2", "pdf": "f0ab7bbf3578da07"}
    ratios = {kind: len(zlib.compress(sample_data.corpus(kind))) / sample_data.CORPUS_SIZE
              for kind in sample_data.KINDS}
    assert ratios["json"] < 0.3 and ratios["html"] < 0.4 and ratios["literature"] < 0.4
    assert ratios["image"] > 0.95 and 0.7 < ratios["pdf"] < 0.95
    for kind, sent_as in sample_data.KINDS.items():
        if sent_as == "text":
            sample_data.corpus(kind).decode("ascii")


def test_sample_messages_are_consecutive_windows_wrapping_at_the_end():
    from WsComplianceLibrary import sample_data

    size = 200_000
    first, second, third = itertools.islice(sample_data.messages("pdf", size), 3)
    corpus = sample_data.corpus("pdf")
    assert first == corpus[:size] and second == corpus[size:2 * size] and third == corpus[:size]
    with pytest.raises(ValueError, match="There is no sample data 'xml'"):
        sample_data.corpus("xml")


# --- the bomb's judge: echoed or refused, never unanswered ---


@pytest.mark.parametrize(("outcome", "passed", "warning", "phrase"), [
    (Message(BINARY, bytes(64), 1), True, False, "The server echoed"),
    (Frame(fin=True, rsv1=False, rsv2=False, rsv3=False, opcode=CLOSE, masked=False, masking_key=None, length=2,
           payload=b"\x03\xf1", header=b""), True, False, "refused the 64-byte BINARY message"),
    (Frame(fin=True, rsv1=False, rsv2=False, rsv3=False, opcode=CLOSE, masked=False, masking_key=None, length=2,
           payload=b"\x03\xe8", header=b""), True, True, "neither echoed"),
    (Ended(EndKind.CLOSED, "closed"), True, True, "closed the TCP connection"),
    (None, False, False, "but the server sent nothing more within 5 s"),
])
def test_a_bomb_is_echoed_or_refused_and_silence_fails(outcome, passed, warning, phrase):
    from WsComplianceLibrary.judges.frames import message_echoed_or_refused
    from WsComplianceLibrary.wire.websocket.session import Expected

    verdict = message_echoed_or_refused(Expected("echo", BINARY, bytes(64), 1), outcome, frozenset({1009}), 5.0)
    assert (verdict.passed, verdict.warning) == (passed, warning) and phrase in verdict.message, verdict
