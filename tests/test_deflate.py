"""permessage-deflate without sockets: offers, the server's answer judged per RFC 7692 §7, the bounded codec."""

from __future__ import annotations

import os
import resource
import zlib

import pytest

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
                          "client_max_window_bits, permessage-deflate; server_max_window_bits=16")
    assert offers == [DeflateOffer(server_max_window_bits=9, client_max_window_bits=True)]


def test_declined_answer_agrees_nothing():
    assert agree([AUTOBAHN], []) is None
    assert agree([AUTOBAHN], [""]) is None


def test_accepted_answer_gives_the_agreed_parameters_with_defaults():
    agreed = agree([AUTOBAHN], ["permessage-deflate; client_no_context_takeover; client_max_window_bits=10"])
    assert agreed == DeflateParameters(client_no_context_takeover=True, client_max_window_bits=10)
    assert agreed.window_bits(Role.CLIENT) == 10 and agreed.window_bits(Role.SERVER) == 15
    assert agreed.no_context_takeover(Role.CLIENT) and not agreed.no_context_takeover(Role.SERVER)


def test_quoted_value_is_accepted():
    offer = DeflateOffer(server_max_window_bits=10)
    assert agree([offer], ['permessage-deflate; server_max_window_bits="10"']).server_max_window_bits == 10


@pytest.mark.parametrize(("offers", "answer", "rule"), [
    ([AUTOBAHN], "permessage-deflate; x=1", "unknown parameter 'x'"),
    ([AUTOBAHN], "permessage-deflate; client_no_context_takeover; client_no_context_takeover", "twice"),
    ([AUTOBAHN], "permessage-deflate; server_max_window_bits=010", "without leading zeros"),
    ([AUTOBAHN], "permessage-deflate; server_max_window_bits=16", "8-15"),
    ([AUTOBAHN], "permessage-deflate; server_no_context_takeover=1", "gives server_no_context_takeover a value"),
    ([AUTOBAHN], "permessage-deflate, permessage-deflate", "2 permessage-deflate elements"),
    ([AUTOBAHN], "x-webkit-deflate-frame", "'x-webkit-deflate-frame', which was not offered"),
    ([], "permessage-deflate", "permessage-deflate, which was not offered"),
    ([DeflateOffer()], "permessage-deflate; client_max_window_bits=10", "client_max_window_bits is in the answer"),
    ([AUTOBAHN], "permessage-deflate; client_max_window_bits", "has a value"),
    ([DeflateOffer(server_no_context_takeover=True)], "permessage-deflate", "§7.1.1.1"),
    ([DeflateOffer(server_max_window_bits=9)], "permessage-deflate", "§7.1.2.1"),
    ([DeflateOffer(server_max_window_bits=9)], "permessage-deflate; server_max_window_bits=10", "larger than"),
    ([DeflateOffer(client_max_window_bits=9)], "permessage-deflate; client_max_window_bits=12", "larger than"),
])
def test_answers_breaking_rfc_7692_section_7_are_named(offers, answer, rule):
    with pytest.raises(NegotiationError, match=rule):
        agree(offers, [answer])


def test_an_answer_matching_any_offer_of_several_is_accepted():
    offers = [DeflateOffer(True, server_max_window_bits=9), DeflateOffer(True), AUTOBAHN]
    assert agree(offers, ["permessage-deflate"]) == DeflateParameters()


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
