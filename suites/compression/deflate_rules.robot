*** Settings ***
Documentation     permessage-deflate rules of RFC 7692 that Autobahn|Testsuite does not test: offers a server must
...               decline, a valid offer after an unacceptable one, accepted parameters echoed and honoured, RSV1 on
...               control and continuation frames, data that does not inflate, invalid UTF-8 after inflation, a
...               message sent uncompressed, a decompression bomb. A server that declines permessage-deflate gets
...               N/A. Generated from the case catalogue (WsComplianceLibrary/catalogue/); docs/cases.md states each
...               case in full.
...
...               RFC 7692 §7: "A server MUST decline an extension negotiation offer for this extension if ... The
...               negotiation offer contains an extension parameter not defined for use in an offer ... contains an
...               extension parameter with an invalid value ... contains multiple extension parameters with the same
...               name"; §5: declining is answering without the element, and the connection goes on uncompressed.
...               Why it matters: A server that takes a parameter it does not understand runs a compression state
...               the client never agreed to; one that drops the connection instead cuts off every browser that
...               sends a new parameter.
...
...               RFC 7692 §7.1: the value of an extension parameter may be a token or a quoted-string; "the value
...               MUST conform to the ABNF" of window bits after unquoting. Why it matters: A parser that chokes on
...               quotes fails the handshake of a client that quotes, which the RFC allows.
...
...               RFC 7692 §5: "A server accepts ... by including an element ... in the response"; a server may
...               decline an offer and accept a later one of the same header, and accepts at most one. Why it
...               matters: Browsers list fallbacks; a server must skip the offer it cannot take, not the whole list.
...
...               RFC 7692 §7.1.1.1: a server accepting server_no_context_takeover "MUST include" it in the response
...               and then "MUST start the LZ77 sliding window with no history" for every message. Why it matters: A
...               client that asked for it frees its inflate state between messages; a server that still refers back
...               sends messages the client cannot read. Autobahn does not check it.
...
...               RFC 7692 §7.1.2.1: a server accepting server_max_window_bits answers with "the same or smaller
...               value" and "MUST NOT use an LZ77 sliding window longer than" it. Why it matters: A client that
...               asked for a small window allocated only that much to inflate; a larger window corrupts its
...               messages. Autobahn does not check it.
...
...               RFC 7692 §6.1: the "Per-Message Compressed" bit is RSV1 of the first frame of a message; "An
...               endpoint MUST NOT set the RSV1 bit" of control frames or non-first frames, and a receiver "MUST
...               _Fail the WebSocket Connection_" when one has it set (RFC 7692 §6.1, RFC 6455 §5.2). Why it
...               matters: RSV1 where it means nothing is a frame the server cannot know how to read; taking it
...               hides a broken peer.
...
...               RFC 7692 §6.2: the receiver inflates the payload with "0x00 0x00 0xff 0xff" appended; data that
...               does not inflate is an invalid message, and the connection is failed (RFC 6455 §7.1.7). Why it
...               matters: Inflating untrusted bytes is where decompressors crash; a server must refuse bad data,
...               not echo garbage.
...
...               RFC 7692 §6: the text is the inflated payload; RFC 6455 §8.1: text that is not valid UTF-8 fails
...               the connection with 1007. Why it matters: A server that checks UTF-8 before inflating, or not at
...               all, lets invalid text through compression.
...
...               RFC 7692 §6: "An endpoint MAY send a message uncompressed" after agreement: RSV1 clear means the
...               payload is as sent. Why it matters: Clients skip compression for small or incompressible messages;
...               a server must take them as they come.
...
...               RFC 6455 §10.4: "Implementations that have implementation- and/or platform-specific limitations
...               regarding the frame size or total message size after reassembly from multiple frames MUST protect
...               themselves against exceeding those limits"; RFC 7692 §8: a compressed message can inflate to far
...               more than its frames carry. A Close with 1009 (message too big) or the echo passes; another answer
...               is informational (a warning); no answer at all fails. Why it matters: A few KiB that inflate to 32
...               MiB cost a server that inflates without a bound its memory; a server must refuse them or cope,
...               never hang.

Resource          ../../resources/compression/deflate_rules.resource

Suite Setup       Open Compliance Target
Suite Teardown    Close Compliance Target
Test Template     Offer A Server Must Decline Must Be Declined

Test Tags         deflate_rules    rfc7692    not-in-autobahn


*** Test Cases ***    OFFER
COMP-DEFLATE-OFFER-UNKNOWN-PARAM    permessage-deflate; x=1
    [Documentation]    An offer with an unknown parameter with a value is declined.
    [Tags]    rfc7692-5    rfc7692-7    MUST
COMP-DEFLATE-OFFER-UNKNOWN-PARAM-NO-VALUE    permessage-deflate; x
    [Documentation]    An offer with an unknown parameter without a value is declined.
    [Tags]    rfc7692-5    rfc7692-7    MUST
COMP-DEFLATE-OFFER-DUPLICATE-PARAM    permessage-deflate; server_no_context_takeover; server_no_context_takeover
    [Documentation]    An offer with a parameter given twice is declined.
    [Tags]    rfc7692-5    rfc7692-7    MUST
COMP-DEFLATE-OFFER-SERVER-BITS-NO-VALUE    permessage-deflate; server_max_window_bits
    [Documentation]    An offer with server_max_window_bits without a value is declined.
    [Tags]    rfc7692-5    rfc7692-7    MUST
COMP-DEFLATE-OFFER-SERVER-BITS-NOT-A-NUMBER    permessage-deflate; server_max_window_bits=a
    [Documentation]    An offer with server_max_window_bits that is not a number is declined.
    [Tags]    rfc7692-5    rfc7692-7    MUST
COMP-DEFLATE-OFFER-SERVER-BITS-16    permessage-deflate; server_max_window_bits=16
    [Documentation]    An offer with server_max_window_bits=16 is declined.
    [Tags]    rfc7692-5    rfc7692-7    MUST
COMP-DEFLATE-OFFER-CLIENT-BITS-16    permessage-deflate; client_max_window_bits=16
    [Documentation]    An offer with client_max_window_bits=16 is declined.
    [Tags]    rfc7692-5    rfc7692-7    MUST
COMP-DEFLATE-OFFER-NO-CONTEXT-TAKEOVER-WITH-VALUE    permessage-deflate; server_no_context_takeover=1
    [Documentation]    An offer with a value on server_no_context_takeover is declined.
    [Tags]    rfc7692-5    rfc7692-7    MUST
COMP-DEFLATE-OFFER-QUOTED-VALUE    permessage-deflate; server_max_window_bits="10"
    [Documentation]    An offer with server_max_window_bits="10" is accepted or declined, never refused.
    [Tags]    rfc7692-7.1    MUST
    [Template]    Offer With A Quoted Value Must Be Accepted Or Declined
COMP-DEFLATE-SECOND-OFFER    permessage-deflate; x=1, permessage-deflate
    [Documentation]    After an unacceptable offer, a valid one is accepted alone.
    [Tags]    rfc7692-5    MUST
    [Template]    Valid Offer After An Unacceptable One Must Be Accepted Alone
COMP-DEFLATE-SERVER-NO-CONTEXT-TAKEOVER    permessage-deflate; server_no_context_takeover    payload=Hello, compression!    count=10
    [Documentation]    An accepted server_no_context_takeover is echoed and honoured.
    [Tags]    rfc7692-7.1.1.1    MUST
    [Template]    Server No Context Takeover Must Be Echoed And Honoured
COMP-DEFLATE-SERVER-WINDOW-BITS    permessage-deflate; server_max_window_bits=9    bits=9    length=8192    count=10
    [Documentation]    An accepted server_max_window_bits=9 is echoed and honoured.
    [Tags]    rfc7692-7.1.2.1    MUST
    [Template]    Server Window Bits Must Be Echoed And Honoured
COMP-DEFLATE-RSV1-ON-PING    type=ping    payload=Hello
    [Documentation]    A Ping with RSV1 set fails the connection.
    [Tags]    rfc7692-6.1    rfc6455-5.2    MUST
    [Template]    Control Frame With RSV1 Must Fail The Connection
COMP-DEFLATE-RSV1-ON-CONTINUATION    first_hex=f248cdc9c9d751    next_hex=28cf2fca495104
    [Documentation]    A continuation frame with RSV1 set fails the connection.
    [Tags]    rfc7692-6.1    rfc6455-5.2    MUST
    [Template]    Continuation Frame With RSV1 Must Fail The Connection
COMP-DEFLATE-CORRUPT-DATA    type=binary    hex=ffffffff
    [Documentation]    A compressed message that does not inflate fails the connection.
    [Tags]    rfc7692-6.2    rfc6455-7.1.7    MUST
    [Template]    Compressed Data That Does Not Inflate Must Fail The Connection
COMP-DEFLATE-INVALID-UTF8    hex=cebae1bdb9cf83cebcceb5eda080656469746564
    [Documentation]    A compressed text message invalid once inflated fails the connection with 1007.
    [Tags]    rfc7692-6    rfc6455-8.1    MUST
    [Template]    Text Invalid After Inflation Must Fail The Connection With 1007
COMP-DEFLATE-UNCOMPRESSED-MESSAGE    type=text    payload=Hello, world!
    [Documentation]    A message sent uncompressed after agreement is echoed.
    [Tags]    rfc7692-6    MAY
    [Template]    Message Sent Uncompressed Must Be Echoed
COMP-DEFLATE-BOMB    length=33554432
    [Documentation]    A message of about 32 KiB inflating to 32 MiB is refused with 1009 or echoed, never left unanswered.
    [Tags]    rfc6455-10.4    rfc7692-8    MUST
    [Template]    Decompression Bomb Must Be Refused With 1009 Or Echoed
