"""The keyword layer: clear failures on bad input, and documentation for every keyword."""

from __future__ import annotations

import socket
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from servers import BEHAVIOURS, FixtureServer

from WsComplianceLibrary import WsComplianceLibrary
from WsComplianceLibrary.context import KeywordError


def call(library: WsComplianceLibrary, name: str, *args, **kwargs):
    """Run a keyword by the name a suite uses, as Robot's dynamic API would."""
    registered = {key.replace("_", " ").lower(): key for key in library.get_keyword_names()}
    return library.run_keyword(registered[name.lower()], list(args), kwargs)


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as placeholder:
        return placeholder.getsockname()[1]


def test_import_with_a_bad_url_fails_clearly():
    with pytest.raises(KeywordError, match="scheme 'ftp'"):
        WsComplianceLibrary(url="ftp://127.0.0.1/")


@pytest.mark.parametrize("timeout", [timedelta(0), timedelta(seconds=-1)])
def test_import_with_a_non_positive_timeout_fails_clearly(timeout):
    with pytest.raises(KeywordError, match="Timeout must be a positive time"):
        WsComplianceLibrary(timeout=timeout)


def test_sending_without_a_target_says_how_to_set_one():
    with pytest.raises(KeywordError, match="No target URL is set"):
        call(WsComplianceLibrary(), "Send Raw Upgrade With Method", "POST")


def test_refused_connection_fails_the_send_keyword_with_one_sentence():
    library = WsComplianceLibrary(url=f"ws://127.0.0.1:{free_port()}/")
    with pytest.raises(KeywordError) as caught:
        call(library, "Send Raw Upgrade With Method", "POST")
    assert str(caught.value).startswith("Could not reach ws://127.0.0.1:")
    assert "was refused: nothing is listening there" in str(caught.value)


def test_request_that_breaks_framing_is_refused_before_sending():
    received = []
    with FixtureServer(lambda conn, head, stop: received.append(head)) as server:
        library = WsComplianceLibrary(url=server.url)
        with pytest.raises(KeywordError, match="Nothing was sent"):
            call(library, "Send Raw Upgrade With Method", "PO ST")
        with pytest.raises(KeywordError, match="CR, LF or NUL"):
            call(library, "Send Raw Upgrade With Method", "GET", headers={"X-Bad": "a\r\nb"})
    assert received == []


def test_send_raw_request_sends_anything_and_headers_accept_several_forms():
    with FixtureServer(BEHAVIOURS["answer-405-unless-get"]) as server:
        library = WsComplianceLibrary(url=server.url, timeout=timedelta(seconds=2))
        raw = call(library, "Send Raw Request", b"POST / HTTP/1.1\r\nX-Odd: a\rb\r\n\r\n")
        listed = call(library, "Send Raw Upgrade With Method", "POST", headers=["Content-Length: 0"])
        paired = call(library, "Send Raw Upgrade With Method", "POST", headers=[["Content-Length", "0"]])
    assert raw.status == 405 and raw.request == b"POST / HTTP/1.1\r\nX-Odd: a\rb\r\n\r\n"
    assert listed.request == paired.request and b"Content-Length: 0\r\n\r\n" in listed.request


def test_assertion_keywords_on_a_real_exchange():
    with FixtureServer(BEHAVIOURS["answer-405-unless-get"]) as server:
        library = WsComplianceLibrary(url=server.url)
        refused = call(library, "Send Raw Upgrade With Method", "POST")
        key = call(library, "Generate WebSocket Key")
        accepted = call(library, "Send Raw Upgrade", key=key)
    call(library, "Status Should Not Be 101", refused)
    call(library, "Status Should Be", refused, 405)
    call(library, "Header Should Be", refused, "allow", "GET")
    call(library, "Handshake Should Be Accepted", accepted, key)
    call(library, "Accept Header Should Match Key", accepted)
    with pytest.raises(AssertionError, match="Expected status 400, but to 'POST / HTTP/1.1' the server answered 405"):
        call(library, "Status Should Be", refused, 400)
    with pytest.raises(AssertionError, match="custom"):
        call(library, "Status Should Not Be 101", accepted, msg="custom")
    with pytest.raises(AssertionError, match="Expected the server to close"):
        call(library, "Server Should Close Without Answering", refused)


def test_libdoc_lists_every_keyword_with_an_example(tmp_path):
    spec = tmp_path / "spec.xml"
    subprocess.run([sys.executable, "-m", "robot.libdoc", "WsComplianceLibrary", str(spec)], check=True,
                   capture_output=True)
    keywords = ET.parse(spec).getroot().findall("keywords/kw")
    names = {kw.get("name") for kw in keywords}
    assert {"Send Raw Upgrade With Method", "Status Should Not Be 101", "Send Raw Request", "Send Extended Connect",
            "Start HTTP/2 Reference Server", "Open WebSocket"} <= names
    for kw in keywords:
        assert "Example:" in kw.findtext("doc"), kw.get("name")


def test_importing_the_library_loads_no_http2_stack_nor_server():
    # Every run pays for what the import loads: h2 and Hypercorn wait for the first HTTP/2 exchange or server,
    # websockets for the first reference server.
    program = ("import sys\n"
               "from WsComplianceLibrary import WsComplianceLibrary\n"
               "library = WsComplianceLibrary()\n"
               "assert 'send_extended_connect' in library.get_keyword_names()\n"
               "print(' '.join(sorted(name for name in sys.modules if name.split('.')[0] in\n"
               "      {'h2', 'hpack', 'hyperframe', 'hypercorn', 'websockets'}\n"
               "      or name == 'WsComplianceLibrary.transport.http2')))\n")
    loaded = subprocess.run([sys.executable, "-c", program], check=True, capture_output=True, text=True).stdout
    assert loaded.split() == []


def test_negotiation_assertions_on_a_real_exchange():
    from handshake_fixture import behaviour

    with FixtureServer(behaviour("select-all-offered")) as server:
        library = WsComplianceLibrary(url=server.url)
        two = call(library, "Send Raw Upgrade", headers={"Sec-WebSocket-Protocol": "a, b"})
        unsupported = call(library, "Send Raw Upgrade", headers={"Sec-WebSocket-Version": "99"})
        # Rules that only mean something at an endpoint ask the live target whether it is one.
        with pytest.raises(AssertionError, match="selects 2 subprotocols"):
            call(library, "Response Should Not Offer Unrequested Protocol", two)
        call(library, "Refusal Should List Supported Versions", unsupported)
        with pytest.raises(AssertionError, match="The server switched protocols"):
            call(library, "Refusal Should List Supported Versions", two)
