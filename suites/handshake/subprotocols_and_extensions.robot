*** Settings ***
Documentation     RFC 6455 §4.2.2 and §9.1, RFC 7692 §7: a server selects at most one subprotocol and only one the
...               client offered, accepts only extensions it implements, and declines invalid permessage-deflate
...               offers. Generated from the case catalogue (WsComplianceLibrary/catalogue/).

Resource          ../../resources/handshake.resource

Suite Setup       Open Compliance Target
Suite Teardown    Close Compliance Target
Test Template     Server Must Select Only An Offered Subprotocol

Test Tags         MUST    negotiation


*** Test Cases ***    HEADERS
COMP-PROTOCOL-NONE-OFFERED    {"Sec-WebSocket-Protocol": None}
    [Documentation]    With no subprotocol offered, the 101 selects none. RFC 6455 §4.2.2: the selected subprotocol
    ...    must be one the client offered, at most one; §9.1: a server accepts only extensions it
    ...    supports; RFC 7692 §7: a server must decline a permessage-deflate offer with an invalid
    ...    parameter value, and §7.1.2.1 allows server_max_window_bits only from 8 to 15. Why it
    ...    matters: A client must fail the connection when the server selects something it did not
    ...    offer, so such a server breaks every correct client; accepting an invalid compression offer
    ...    corrupts the message stream.
    [Tags]    rfc6455-4.2.2    positive
    [Template]    Server Must Select No Subprotocol When None Is Offered
COMP-PROTOCOL-UNKNOWN-OFFERED    {"Sec-WebSocket-Protocol": "x-unknown-protocol.example"}
    [Documentation]    With an unknown subprotocol offered, none other is selected. RFC 6455 §4.2.2: the selected
    ...    subprotocol must be one the client offered, at most one; §9.1: a server accepts only
    ...    extensions it supports; RFC 7692 §7: a server must decline a permessage-deflate offer with an
    ...    invalid parameter value, and §7.1.2.1 allows server_max_window_bits only from 8 to 15. Why it
    ...    matters: A client must fail the connection when the server selects something it did not
    ...    offer, so such a server breaks every correct client; accepting an invalid compression offer
    ...    corrupts the message stream.
    [Tags]    rfc6455-4.2.2
COMP-PROTOCOL-TWO-OFFERED    {"Sec-WebSocket-Protocol": "x-first.example, x-second.example"}
    [Documentation]    With two subprotocols offered, at most one of them is selected. RFC 6455 §4.2.2: the selected
    ...    subprotocol must be one the client offered, at most one; §9.1: a server accepts only
    ...    extensions it supports; RFC 7692 §7: a server must decline a permessage-deflate offer with an
    ...    invalid parameter value, and §7.1.2.1 allows server_max_window_bits only from 8 to 15. Why it
    ...    matters: A client must fail the connection when the server selects something it did not
    ...    offer, so such a server breaks every correct client; accepting an invalid compression offer
    ...    corrupts the message stream.
    [Tags]    rfc6455-4.2.2
COMP-EXTENSION-UNKNOWN-OFFERED    {"Sec-WebSocket-Extensions": "x-made-up-ext"}
    [Documentation]    An unknown extension offered is not accepted. RFC 6455 §4.2.2: the selected subprotocol must
    ...    be one the client offered, at most one; §9.1: a server accepts only extensions it supports;
    ...    RFC 7692 §7: a server must decline a permessage-deflate offer with an invalid parameter
    ...    value, and §7.1.2.1 allows server_max_window_bits only from 8 to 15. Why it matters: A client
    ...    must fail the connection when the server selects something it did not offer, so such a server
    ...    breaks every correct client; accepting an invalid compression offer corrupts the message
    ...    stream.
    [Tags]    rfc6455-9.1
    [Template]    Server Must Not Accept An Unknown Extension
COMP-EXTENSION-DEFLATE-BAD-PARAM    {"Sec-WebSocket-Extensions": "permessage-deflate; server_max_window_bits=7"}
    [Documentation]    A permessage-deflate offer with server_max_window_bits=7 is declined. RFC 6455 §4.2.2: the
    ...    selected subprotocol must be one the client offered, at most one; §9.1: a server accepts only
    ...    extensions it supports; RFC 7692 §7: a server must decline a permessage-deflate offer with an
    ...    invalid parameter value, and §7.1.2.1 allows server_max_window_bits only from 8 to 15. Why it
    ...    matters: A client must fail the connection when the server selects something it did not
    ...    offer, so such a server breaks every correct client; accepting an invalid compression offer
    ...    corrupts the message stream.
    [Tags]    rfc7692-7    rfc7692-7.1.2.1
    [Template]    Server Must Decline An Invalid Deflate Offer
