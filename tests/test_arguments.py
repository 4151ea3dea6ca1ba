"""The one parser of keyword arguments: headers for every area, opcodes, payloads and close codes."""

from __future__ import annotations

import pytest

from WsComplianceLibrary.context import KeywordError
from WsComplianceLibrary.keywords import arguments


@pytest.mark.parametrize(("given", "pairs"), [
    (None, None),
    ("", None),
    ({"Origin": "x", "Connection": None}, [("Origin", "x"), ("Connection", None)]),
    ('{"Origin": "x", "Connection": None}', [("Origin", "x"), ("Connection", None)]),
    ([("A", "1"), ("A", "2")], [("A", "1"), ("A", "2")]),
    ("[(':path', None)]", [(":path", None)]),
    (["X-Test: a b"], [("X-Test", "a b")]),
])
def test_headers_are_read_alike_from_values_and_from_text_cells(given, pairs):
    assert arguments.header_pairs(given) == pairs


@pytest.mark.parametrize("given", ["Origin: x", "{'a': ", 5, [("a", "b", "c")], [": no name"]])
def test_headers_that_are_no_header_changes_get_one_sentence(given):
    with pytest.raises(KeywordError, match=r"^Headers? .*\.$"):
        arguments.header_pairs(given)


def test_opcodes_by_name_or_number():
    assert [arguments.opcode(value) for value in ("Text", "ping", 11, "0xb", "3")] == [1, 9, 11, 11, 3]
    with pytest.raises(KeywordError, match="neither a number 0-15 nor one of continuation, text"):
        arguments.opcode("hello")
    with pytest.raises(KeywordError, match="four bits"):
        arguments.opcode(16)


def test_payloads_close_codes_and_sizes():
    assert arguments.payload("ab", None, 3) == b"ababab"
    assert arguments.payload("", "fe", None, length=3) == b"\xfe\xfe\xfe"
    assert arguments.close_codes("1002 or 1007") == {1002, 1007}
    assert arguments.hex_parts("ce|ba") == [b"\xce", b"\xba"]
    for parse, bad in ((arguments.chop_size, 0), (arguments.fragment_size, 0), (arguments.rsv_field, 8),
                       (arguments.length_form, 8), (arguments.close_codes, "x"), (arguments.hex_parts, "zz")):
        with pytest.raises(KeywordError):
            parse(bad)
