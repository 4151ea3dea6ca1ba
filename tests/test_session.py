"""The frame rule checker and the WebSocket session, sans-I/O: frames in, frames out, no sockets and no clock.

Both roles are played: the rules are the same, with the sender's role as a
parameter, so a server's frames are judged as a client reads them and a
client's frames as a server reads them.
"""

from __future__ import annotations

import pytest

from WsComplianceLibrary.wire.websocket import (
    BINARY,
    CLOSE,
    CONTINUATION,
    PING,
    PONG,
    TEXT,
    CloseCode,
    EndKind,
    Ended,
    Frame,
    FrameReader,
    FrameRules,
    Message,
    OutgoingFrame,
    Role,
    Session,
    build_frame,
    close_payload,
)

KEY = b"\x01\x02\x03\x04"


def header_rules(sender: Role, opcode: int = TEXT, *, fin: bool = True, rsv: int = 0, masked: bool | None = None,
                 length: int = 5, length_form: int | None = None, payload_size: int | None = None) -> list[str]:
    """The clauses one frame's header breaks, for a first frame from ``sender`` (masked as that role must, by default)."""
    masked = sender is Role.CLIENT if masked is None else masked
    form = length_form or (7 if length <= 125 else 16 if length <= 0xFFFF else 64)
    broken = FrameRules(sender).check_header(fin=fin, rsv=rsv, opcode=opcode, masking_key=KEY if masked else None,
                                             length=length, length_form=form, payload_size=payload_size)
    return [rule.clause for rule in broken]


# --- the rule checker, both roles -------------------------------------------------------------------------------


@pytest.mark.parametrize("sender", [Role.CLIENT, Role.SERVER])
def test_a_frame_masked_as_its_role_requires_breaks_no_rule(sender):
    assert header_rules(sender) == []


def test_a_server_requires_masked_client_frames():
    assert header_rules(Role.CLIENT, masked=False) == [
        "a client frame is unmasked, but a client MUST mask every frame (RFC 6455 §5.1)"]


def test_a_client_requires_unmasked_server_frames():
    [clause] = header_rules(Role.SERVER, masked=True)
    assert "a server MUST NOT mask" in clause and "§5.1" in clause and "\\x01\\x02\\x03\\x04" in clause


@pytest.mark.parametrize("sender", [Role.CLIENT, Role.SERVER])
@pytest.mark.parametrize(("fields", "clause"), [
    ({"opcode": PING, "length": 126}, "a control frame carries 126 bytes, more than 125 (RFC 6455 §5.5)"),
    ({"opcode": PING, "fin": False}, "a control frame has FIN clear, but control frames MUST NOT be fragmented"),
    ({"opcode": 0x3}, "opcode 0x3 is reserved for further definition (RFC 6455 §5.2)"),
    ({"opcode": 0xB}, "opcode 0xb is reserved for further definition (RFC 6455 §5.2)"),
    ({"rsv": 4}, "RSV1 is set without a negotiated extension giving it a meaning (RFC 6455 §5.2)"),
    ({"rsv": 3}, "RSV2 and RSV3 are set without a negotiated extension"),
    ({"length": 5, "length_form": 16}, "the length 5 is written in the 16-bit form, but the minimal number"),
    ({"length": 200, "length_form": 64}, "the length 200 is written in the 64-bit form"),
    ({"length": 2**63 + 1, "length_form": 64}, "the 64-bit length has its most significant bit set"),
    ({"opcode": CONTINUATION}, "a continuation frame with no fragmented message to continue (RFC 6455 §5.4)"),
])
def test_each_header_rule_holds_for_either_sender(sender, fields, clause):
    [broken] = header_rules(sender, **fields)
    assert broken.startswith(clause)


def test_the_sender_alone_knows_a_length_field_that_lies():
    [clause] = header_rules(Role.CLIENT, length=10, payload_size=3)
    assert clause.startswith("its length field announces 10 bytes but 3 follow")


def test_a_negotiated_rsv_bit_breaks_no_rule():
    rules = FrameRules(Role.SERVER, negotiated_rsv=(1,))
    assert rules.check_header(fin=True, rsv=4, opcode=TEXT, masking_key=None, length=1, length_form=7) == []


def follow(rules: FrameRules, *frames: tuple[int, bytes, bool]) -> tuple[list, list[Message]]:
    """Feed whole frames (opcode, payload, fin) to ``rules`` as a receiver would; every rule broken, every message."""
    broken, messages = [], []
    for opcode, payload, fin in frames:
        key = KEY if rules.sender is Role.CLIENT else None
        broken += rules.check_header(fin=fin, rsv=0, opcode=opcode, masking_key=key, length=len(payload),
                                     length_form=7 if len(payload) <= 125 else 16)
        more, message = rules.take_payload(fin, opcode, payload)
        broken += more
        messages += [message] if message is not None else []
    return broken, messages


def test_fragments_make_one_message_and_a_control_frame_may_come_between():
    broken, messages = follow(FrameRules(Role.SERVER), (TEXT, b"ab", False), (PING, b"", True),
                              (CONTINUATION, b"cd", True))
    assert broken == [] and messages == [Message(TEXT, b"abcd", 2)]


def test_a_new_message_inside_a_fragmented_one_is_named_and_starts_over():
    broken, messages = follow(FrameRules(Role.SERVER), (TEXT, b"ab", False), (BINARY, b"x", True))
    assert [rule.clause for rule in broken] == [
        "a new BINARY frame while the TEXT message begun in frame 1 is unfinished (RFC 6455 §5.4)"]
    assert messages == [Message(BINARY, b"x", 1)]


def test_invalid_utf8_is_found_in_the_fragment_that_holds_it_once():
    broken, _ = follow(FrameRules(Role.CLIENT), (TEXT, b"ok", False), (CONTINUATION, b"\xed\xa0\x80", False),
                       (CONTINUATION, b"\xff", True))
    [rule] = broken
    assert (rule.code, rule.message_begun_in, rule.in_fragment) == (CloseCode.INVALID_FRAME_PAYLOAD_DATA, 1, True)
    assert rule.clause.startswith("the payload is not valid UTF-8 from byte 2 on")


def test_a_code_point_cut_by_the_last_fragment_is_invalid_at_its_start():
    [rule], _ = follow(FrameRules(Role.SERVER), (TEXT, b"ab\xe2\x82", True))
    assert "byte 2" in rule.clause and not rule.in_fragment


@pytest.mark.parametrize(("payload", "code"), [
    (b"\x03", CloseCode.PROTOCOL_ERROR), (close_payload(1006), CloseCode.PROTOCOL_ERROR),
    (close_payload(1000, b"\xff"), CloseCode.INVALID_FRAME_PAYLOAD_DATA)])
def test_a_bad_close_body_earns_its_code(payload, code):
    [rule], _ = follow(FrameRules(Role.SERVER), (CLOSE, payload, True))
    assert rule.code is code


def test_anything_after_the_senders_close_breaks_a_rule():
    broken, _ = follow(FrameRules(Role.SERVER), (CLOSE, b"", True), (TEXT, b"late", True))
    assert [rule.clause for rule in broken] == [
        "it arrived after the server's Close frame (frame 1), after which a server sends nothing (RFC 6455 §5.5.1)"]


def test_the_reader_applies_the_rules_of_the_role_it_reads():
    client_frame = build_frame(TEXT, b"hi", masking_key=KEY)
    from_server, from_client = FrameReader(), FrameReader(sender=Role.CLIENT)
    from_server.feed(client_frame)
    from_client.feed(client_frame)
    assert len(from_server.violations) == 1 and "a server MUST NOT mask" in from_server.violations[0]
    assert from_client.violations == []
    from_client.feed(build_frame(TEXT, b"hi", masked=False))
    assert len(from_client.violations) == 1 and "a client MUST mask every frame" in from_client.violations[0]


# --- the session ------------------------------------------------------------------------------------------------


def frame(opcode: int, payload: bytes = b"", fin: bool = True) -> Frame:
    """A frame as a client reads it from a server: unmasked."""
    return Frame(fin, False, False, False, opcode, False, None, len(payload), payload, bytes([0x80 | opcode, 0]))


def test_each_message_and_ping_we_send_puts_an_answer_owed_on_the_peer():
    session = Session(Role.CLIENT)
    session.send(OutgoingFrame(TEXT, b"one", fin=False), 1.0)
    session.send(OutgoingFrame(PING, b"p"), 2.0)
    session.send(OutgoingFrame(CONTINUATION, b"two"), 3.0)
    assert [(item.kind, item.payload, item.frame) for item in session.expected] == [
        ("pong", b"p", 2), ("echo", b"onetwo", 3)]
    assert session.frame_times == [1.0, 2.0, 3.0]
    session.receive(frame(PONG, b"p"), 4.0)
    session.strike_owed_answer(frame(PONG, b"p"))
    assert session.owed("pong") == [] and len(session.owed("echo")) == 1


def test_the_first_bad_frame_is_kept_and_nothing_after_it_is_owed():
    session = Session(Role.CLIENT)
    sent = session.send(OutgoingFrame(TEXT, b"x", masked=False), 0.0)
    assert sent.violation is session.first_violation and sent.violation.number == 1
    assert sent.violation.summary().startswith("our frame 1 (TEXT; a client frame is unmasked")
    session.send(OutgoingFrame(PING, b"p"), 0.0)
    assert session.expected == []


def test_in_the_server_role_our_masked_frame_is_the_bad_one():
    session = Session(Role.SERVER)
    assert session.send(OutgoingFrame(TEXT, b"x", masked=False), 0.0).violation is None
    violation = session.send(OutgoingFrame(TEXT, b"x"), 0.0).violation
    assert violation is not None and "a server MUST NOT mask" in violation.rule


def test_the_peers_ping_is_answered_at_once_and_not_kept():
    session = Session(Role.CLIENT)
    received = session.receive(frame(PING, b"hi"), 1.0)
    assert received.answers == [OutgoingFrame(PONG, b"hi")] and session.inbox == []
    server = Session(Role.SERVER)
    assert server.receive(frame(PING, b"hi"), 1.0).answers == [OutgoingFrame(PONG, b"hi", masked=False)]


def test_the_peer_starting_the_closing_handshake_is_answered_with_its_code():
    session = Session(Role.CLIENT)
    received = session.receive(frame(CLOSE, close_payload(1001)), 1.0)
    assert received.answers == [OutgoingFrame(CLOSE, close_payload(1001))]
    assert session.peer_closed_first and session.peer_close is received.observation
    assert session.why_not_sending().startswith("the server had sent its Close frame")
    assert session.why_not_sending(reply=True) is None
    assert session.receive(frame(PING), 2.0).answers == []  # no Pong after the peer's Close


def test_an_invalid_close_code_is_not_echoed():
    received = Session(Role.CLIENT).receive(frame(CLOSE, close_payload(1006)), 1.0)
    assert received.answers == [OutgoingFrame(CLOSE, b"")]


def test_the_closing_handshake_we_start():
    session = Session(Role.CLIENT)
    session.send(OutgoingFrame(CLOSE, close_payload(CloseCode.GOING_AWAY)), 1.0)
    assert session.close_sent and session.close_code_sent == 1001
    assert session.send(OutgoingFrame(TEXT, b"", rsv=4), 1.5).violation is None  # the peer must ignore it
    received = session.receive(frame(CLOSE, close_payload(1000)), 2.0)
    assert received.answers == [] and not session.peer_closed_first
    assert session.receive(frame(PING), 2.5).answers == []  # no Pong after our Close
    end = Ended(EndKind.CLOSED, "The server closed the TCP connection.")
    session.receive(end, 3.0)
    assert session.end is not None and session.end.event is end and session.end.sent_before == 2
    assert session.why_not_sending(reply=True).startswith("the connection had ended")


def test_the_peers_broken_rules_are_reported_once_each():
    session = Session(Role.CLIENT)
    assert session.receive(frame(TEXT, b"a"), 1.0, ["first."]).broken == ["first."]
    assert session.receive(frame(TEXT, b"b"), 2.0, ["first.", "second."]).broken == ["second."]
    assert session.peer_violations == ["first.", "second."]


def test_taking_a_message_drops_its_frames_and_leaves_control_frames():
    session = Session(Role.CLIENT)
    for event in (frame(TEXT, b"a", fin=False), frame(PONG, b"p"), frame(CONTINUATION, b"b"), Message(TEXT, b"ab", 2)):
        session.receive(event, 0.0)
    taken = session.take_from_inbox(lambda event: isinstance(event, Message))
    assert taken is not None and taken.event == Message(TEXT, b"ab", 2)
    assert [item.event for item in session.inbox] == [frame(PONG, b"p")]


def test_observations_count_our_frames_written_before_them():
    session = Session(Role.CLIENT)
    session.send(OutgoingFrame(TEXT, b"x"), 0.0)
    assert session.receive(Message(TEXT, b"x", 1), 0.1).observation.sent_before == 1
    session.part_written(invalid_written_at=0.2, at=0.9)
    assert session.receive(frame(PONG), 1.0).observation.sent_before == 2
    assert session.next_frame_delay(session.send(OutgoingFrame(TEXT, b"", rsv=1), 1.1).violation) == \
        pytest.approx(0.7)


def test_an_rsv_bit_an_extension_gave_a_meaning_is_no_violation_on_our_frames():
    assert Session(Role.CLIENT, negotiated_rsv=(1,)).send(OutgoingFrame(TEXT, b"x", rsv=4), 0.0).violation is None
    assert Session(Role.CLIENT).send(OutgoingFrame(TEXT, b"x", rsv=4), 0.0).violation is not None
