*** Settings ***
Documentation     Frame rules of RFC 6455 that Autobahn|Testsuite does not test: unmasked client frames, a 64-bit
...               length with the most significant bit set, reserved bits on continuation frames, Pings and Pongs,
...               fragmented Close frames, interleaved message types, control frames between binary fragments and
...               inside a split code point, special masking keys, and frames after a protocol error. Generated from
...               the case catalogue (WsComplianceLibrary/catalogue/); docs/cases.md states each case in full.
...
...               RFC 6455 §5.1: "The server MUST close the connection upon receiving a frame that is not masked. In
...               this case, a server MAY send a Close frame with a status code of 1002 (protocol error)". Why it
...               matters: Masking keeps attacker-chosen bytes from appearing on the wire as another protocol to
...               intermediaries (§10.3, cache poisoning); a server that accepts unmasked frames takes that
...               protection away and hides broken clients. Autobahn never sends one.
...
...               RFC 6455 §5.2: "If 127, the following 8 bytes interpreted as a 64-bit unsigned integer (the most
...               significant bit MUST be 0) are the payload length." Why it matters: Ten octets announcing more
...               than 2^63 octets must not make a server wait forever, allocate, or read the length as negative;
...               Autobahn never sends such a length.
...
...               RFC 6455 §10.4: implementations with frame or message size limits "MUST protect themselves against
...               exceeding those limits"; §7.4.1: 1009 means "a message that is too big for it to process". Why it
...               matters: A frame header announcing 1 TiB costs the sender ten octets; a server that waits or
...               allocates for it can be exhausted by anyone, and 1009 tells an honest client why it was refused.
...
...               RFC 6455 §5.2: RSV1-3 "MUST be 0 unless an extension is negotiated that defines meanings for
...               non-zero values. If a nonzero value is received and none of the negotiated extensions defines the
...               meaning of such a nonzero value, the receiving endpoint MUST _Fail the WebSocket Connection_." Why
...               it matters: Reserved bits are how extensions such as permessage-deflate mark frames; a server that
...               ignores them reads compressed or extension data as plain payload.
...
...               RFC 6455 §5.4: "Control frames (see Section 5.5) MAY be injected in the middle of a fragmented
...               message. Control frames themselves MUST NOT be fragmented."; §5.5 repeats it as a MUST NOT. Why it
...               matters: A server that reassembles a fragmented Ping or Pong no longer knows where control frames
...               end, so the interleaving rule that lets Pings cross large messages breaks.
...
...               RFC 6455 §5.5: "All control frames MUST have a payload length of 125 bytes or less and MUST NOT be
...               fragmented." Why it matters: A receiver that accepts a long control frame lets a peer slip bulk
...               data past the message limits and breaks the guarantee that control frames fit in a single small
...               frame between fragments.
...
...               RFC 6455 §5.4: "The fragments of one message MUST NOT be interleaved between the fragments of
...               another message unless an extension has been negotiated that can interpret the interleaving." Why
...               it matters: Without an extension there is no way to tell which message a data frame belongs to;
...               accepting one silently merges or reorders messages.
...
...               RFC 6455 §5.4: "An endpoint MUST be capable of handling control frames in the middle of a
...               fragmented message." Autobahn puts only Pings between text fragments. Why it matters: Keep-alive
...               Pings do not wait for large messages to finish; a server that cannot interleave them times out
...               connections that are busy sending.
...
...               RFC 6455 §5.6: "a particular text frame might include a partial UTF-8 sequence; however, the whole
...               message MUST contain valid UTF-8." Autobahn splits only 2- and 3-octet code points and never puts
...               a control frame between the halves. Why it matters: Clients fragment by octet count, not by code
...               point; a server that validates each fragment on its own rejects valid text from every client that
...               streams.
...
...               RFC 6455 §5.6: "a particular text frame might include a partial UTF-8 sequence; however, the whole
...               message MUST contain valid UTF-8." A message whose last fragment ends inside a code point is not
...               valid UTF-8 (§8.1). Why it matters: Applications trust text messages to be valid UTF-8; a server
...               that passes invalid octets on (or replaces them silently) opens the door to decoder confusion and
...               injection in whatever parses the text next.
...
...               RFC 6455 §5.3: "the client MUST pick a fresh masking key from the set of allowed 32-bit values"
...               and octet i of the payload is XORed with "octet at index i modulo 4 of the masking key"; every
...               32-bit value is allowed. Why it matters: An all-zero key leaves the payload unchanged on the wire;
...               a server that treats it as 'not masked' or special-cases keys fails clients whose random key
...               happens to be one of them.
...
...               RFC 6455 §7.1.7: "An endpoint MUST NOT continue to attempt to process data (including a responding
...               Close frame) from the remote endpoint after being instructed to _Fail the WebSocket Connection_."
...               Why it matters: After a protocol error the server cannot know where the next frame starts;
...               answering what follows means it guessed, and acted on bytes of unknown meaning.

Resource          ../../resources/frames/rfc_rules.resource

Suite Setup       Open Compliance Target
Suite Teardown    Close Compliance Target
Test Template     Unmasked Frame Must Fail The Connection

Test Tags         rfc_rules    not-in-autobahn


*** Test Cases ***    TYPE
COMP-FRAME-UNMASKED-TEXT    text    payload=Hello
    [Documentation]    An unmasked text frame fails the connection, unanswered.
    [Tags]    rfc6455-5.1    MUST
COMP-FRAME-UNMASKED-PING    ping    payload=ping payload
    [Documentation]    An unmasked Ping fails the connection, unanswered.
    [Tags]    rfc6455-5.1    MUST
COMP-FRAME-UNMASKED-CLOSE    close    hex=03e8
    [Documentation]    An unmasked Close(1000) fails the connection instead of closing it cleanly.
    [Tags]    rfc6455-5.1    MUST
COMP-FRAME-UNMASKED-CONTINUATION    text    payload=fragment1    next_type=continuation    next_payload=fragment2
    [Documentation]    An unmasked continuation frame inside a masked message fails the connection.
    [Tags]    rfc6455-5.1    MUST
    [Template]    Unmasked Continuation Frame Must Fail The Connection
COMP-FRAME-LENGTH-MSB-SET    binary    announced_length=9223372036854775808
    [Documentation]    A 64-bit payload length with the most significant bit set fails the connection.
    [Tags]    rfc6455-5.2    MUST
    [Template]    Frame Length With The Most Significant Bit Set Must Fail The Connection
COMP-FRAME-LENGTH-BEYOND-LIMIT    binary    announced_length=1099511627776
    [Documentation]    A frame announcing 1 TiB fails the connection with 1009 instead of being awaited.
    [Tags]    rfc6455-10.4    rfc6455-7.4.1    SHOULD
    [Template]    Frame Longer Than The Server Accepts Should Fail The Connection With 1009
COMP-FRAME-RSV-ON-CONTINUATION    text    payload=fragment1    rsv=4    next_type=continuation    next_payload=fragment2
    [Documentation]    A continuation frame with RSV1 set fails the connection.
    [Tags]    rfc6455-5.2    MUST
    [Template]    Continuation Frame With Reserved Bits Must Fail The Connection
COMP-FRAME-RSV-ON-PONG    pong    rsv=2
    [Documentation]    A Pong with RSV2 set fails the connection.
    [Tags]    rfc6455-5.2    MUST
    [Template]    Frame With Reserved Bits Must Fail The Connection
COMP-FRAME-RSV-ON-PING    ping    payload=Hello    rsv=6
    [Documentation]    A Ping with RSV1 and RSV2 set fails the connection, unanswered (what Autobahn's 3.6 names but does not send).
    [Tags]    rfc6455-5.2    MUST
    [Template]    Frame With Reserved Bits Must Fail The Connection
COMP-FRAME-FRAGMENTED-CLOSE    close    hex=03e8    next_type=continuation
    [Documentation]    A Close(1000) with FIN clear, then a continuation frame, fails the connection.
    [Tags]    rfc6455-5.4    rfc6455-5.5    MUST
    [Template]    Control Frame Without FIN Must Fail The Connection
COMP-FRAME-PING-WITHOUT-FIN    ping    payload=ping payload
    [Documentation]    A Ping with FIN clear and nothing after it fails the connection, unanswered.
    [Tags]    rfc6455-5.4    rfc6455-5.5    MUST
    [Template]    Control Frame Without FIN Must Fail The Connection
COMP-FRAME-LONG-PONG    pong    hex=fe    repeat=126
    [Documentation]    An unsolicited Pong with a 126-octet payload fails the connection.
    [Tags]    rfc6455-5.5    MUST
    [Template]    Control Frame Longer Than 125 Octets Must Fail The Connection
COMP-FRAME-BINARY-INSIDE-TEXT    text    payload=fragment1    next_type=binary    next_payload=fragment2
    [Documentation]    A binary frame inside a fragmented text message fails the connection.
    [Tags]    rfc6455-5.4    MUST
    [Template]    Data Frame Of Another Type Inside A Fragmented Message Must Fail The Connection
COMP-FRAME-TEXT-INSIDE-BINARY    binary    hex=0102    next_type=text    next_payload=fragment2
    [Documentation]    A text frame inside a fragmented binary message fails the connection.
    [Tags]    rfc6455-5.4    MUST
    [Template]    Data Frame Of Another Type Inside A Fragmented Message Must Fail The Connection
COMP-FRAME-PING-BETWEEN-BINARY-FRAGMENTS    binary    hex=0102|03    next_type=ping    next_payload=p
    [Documentation]    A Ping between binary fragments is answered and the message echoed whole.
    [Tags]    rfc6455-5.4    MUST
    [Template]    Control Frame Between Fragments Must Not Break The Message
COMP-FRAME-PONG-BETWEEN-TEXT-FRAGMENTS    text    payload=fragment1|fragment2    next_type=pong    next_payload=heartbeat
    [Documentation]    An unsolicited Pong between text fragments is ignored and the message echoed whole.
    [Tags]    rfc6455-5.4    rfc6455-5.5.3    MUST
    [Template]    Control Frame Between Fragments Must Not Break The Message
COMP-FRAME-SPLIT-4-OCTET-CODE-POINT    text    hex=f09f|9880
    [Documentation]    A text message split inside a 4-octet code point is echoed whole.
    [Tags]    rfc6455-5.6    MUST
    [Template]    Text Split Inside A Code Point Must Be Echoed Whole
COMP-FRAME-PING-INSIDE-SPLIT-CODE-POINT    text    hex=ce|ba    next_type=ping    next_payload=x
    [Documentation]    A Ping between the halves of a split code point is answered and the text echoed whole.
    [Tags]    rfc6455-5.4    rfc6455-5.6    MUST
    [Template]    Control Frame Between Fragments Must Not Break The Message
COMP-FRAME-TEXT-ENDS-INSIDE-CODE-POINT    text    hex=cebae1|bd
    [Documentation]    A fragmented text message that ends inside a code point fails the connection with 1007.
    [Tags]    rfc6455-5.6    rfc6455-8.1    MUST
    [Template]    Text Ending Inside A Code Point Must Fail The Connection With 1007
COMP-FRAME-MASKING-KEY-ZERO    text    payload=Hello    masking_key=00000000
    [Documentation]    A text frame masked with the key 00000000 is echoed.
    [Tags]    rfc6455-5.3    MUST
    [Template]    Frame Masked With Any Key Must Be Echoed
COMP-FRAME-MASKING-KEY-ONES    text    payload=Hello    masking_key=ffffffff
    [Documentation]    A text frame masked with the key ffffffff is echoed.
    [Tags]    rfc6455-5.3    MUST
    [Template]    Frame Masked With Any Key Must Be Echoed
COMP-FRAME-NOTHING-AFTER-PROTOCOL-ERROR    3    next_type=text    next_payload=after the error
    [Documentation]    After a reserved opcode, a text message and a Ping are not answered.
    [Tags]    rfc6455-7.1.7    MUST
    [Template]    Frames After A Protocol Error Must Not Be Answered
