"""Bad input from the user fails at the keyword or the import, in one sentence, before a byte is sent.

tests/robot/bad_input.robot holds one row per mistake; it runs with robot
against a server that records every request, and the messages are read back
from output.xml. Bad suite variables (WS_URL, TIMEOUT, VERIFY_TLS,
TARGET_NAME) go through the README's ``robot ... suites`` command: the run
ends normally, with reports, and every test fails with one sentence.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from robot.api import ExecutionResult
from robotrun import ROOT, run_robot
from servers import FixtureServer

SUITE = ROOT / "tests" / "robot" / "bad_input.robot"
RAW_ROW = "Send Raw Request Sends What The Builder Refuses"
RAW_REQUEST_HEAD = b"PO ST / HTTP/1.1\r\nX-A: 1\rX-B: 2"
USE_RAW = "use Send Raw Request to send such bytes on purpose. Nothing was sent."

EXPECTED = {
    "Malformed URL": "Target URL 'ws://[::1/chat' is not a valid URL: Invalid IPv6 URL.",
    "Unknown Scheme": "Target URL 'ftp://127.0.0.1/' has scheme 'ftp'; use ws://, wss://, http://, https:// or h2c://.",
    "Port Zero": "Target URL 'ws://127.0.0.1:0/' has port 0; give a port from 1 to 65535.",
    "Port Too Large": "Target URL 'ws://127.0.0.1:70000/' has a port that is not a number from 1 to 65535.",
    "Empty Host": "Target URL 'ws:///chat' has no host.",
    "Empty URL": "Target URL is empty; give one like ws://127.0.0.1:8080/chat.",
    "Negative Timeout For The Target": "Timeout must be a positive time such as 5s or 0.5, got -2 seconds.",
    "Verify Neither True Nor False": "verify 'maybe' is neither true nor false; give True or False (yes/no, on/off "
                                     "and 1/0 are accepted too).",
    "Method With A Space": "Method 'PO ST' is not an HTTP token (RFC 9110 §9.1): it is empty or contains spaces, "
                           f"CR, LF or other separators; {USE_RAW}",
    "Method With CR LF": "Method 'GET / HTTP/1.1\\r\\nX-Injected: 1\\r\\n\\r\\nGET' is not an HTTP token "
                         "(RFC 9110 §9.1): it is empty or contains spaces, CR, LF or other separators; "
                         f"{USE_RAW}",
    "Header Name With CR LF": f"Header name 'X-A\\r\\nX-Injected' is not an HTTP token (RFC 9110 §5.1); {USE_RAW}",
    "Header Value With CR LF": "Header 'X-A' has a value containing CR, LF or NUL ('1\\r\\nX-Injected: 1'); "
                               f"{USE_RAW}",
    "Header Value With NUL": f"Header 'X-A' has a value containing CR, LF or NUL ('1\\x002'); {USE_RAW}",
    "Zero Timeout": "Timeout must be a positive time such as 5s or 0.5, got 0 seconds.",
    "Negative Timeout": "Timeout must be a positive time such as 5s or 0.5, got -1 seconds.",
    "Non-Numeric Timeout": "ValueError: Argument 'timeout' got value 'soon' that cannot be converted to "
                           "timedelta or None.",
    "Import With Unknown Scheme": "Initializing library 'WsComplianceLibrary' with arguments "
                                  "[ url=gopher://127.0.0.1/ ] failed: Target URL 'gopher://127.0.0.1/' has "
                                  "scheme 'gopher'; use ws://, wss://, http://, https:// or h2c://.",
    "Import With Port Too Large": "Initializing library 'WsComplianceLibrary' with arguments "
                                  "[ url=ws://127.0.0.1:70000/ ] failed: Target URL 'ws://127.0.0.1:70000/' has "
                                  "a port that is not a number from 1 to 65535.",
    "Import With Zero Timeout": "Initializing library 'WsComplianceLibrary' with arguments [ timeout=0 ] failed: "
                                "Timeout must be a positive time such as 5s or 0.5, got 0 seconds.",
    "Import With Non-Numeric Timeout": "Initializing library 'WsComplianceLibrary' with arguments [ timeout=soon ] "
                                       "failed: Timeout must be a positive time such as 5s or 0.5, got 'soon'.",
    "Import With Verify Maybe": "Initializing library 'WsComplianceLibrary' with arguments [ verify=maybe ] failed: "
                                "verify 'maybe' is neither true nor false; give True or False (yes/no, on/off and "
                                "1/0 are accepted too).",
}


def test_each_mistake_fails_in_one_sentence_and_sends_nothing(tmp_path):
    received: list[bytes] = []

    def record(conn, head, stop):
        received.append(head)
        conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

    with FixtureServer(record) as server:
        result = run_robot(tmp_path, SUITE, url=server.url)
    # Robot ends a failed import's message with a newline where a traceback would follow.
    failures = {name: verdict.message.rstrip("\n") for name, verdict in result.verdicts.items()
                if verdict.status == "FAIL"}
    assert failures == EXPECTED
    assert result.verdicts[RAW_ROW].status == "PASS"
    # Only the row that uses Send Raw Request reached the server, with its bytes exactly as written.
    assert received == [RAW_REQUEST_HEAD]
    assert "Traceback" not in result.console
    assert "Traceback" not in result.output.read_text(encoding="utf-8")
    assert "Traceback" not in (tmp_path / "log.html").read_text(encoding="utf-8")


def test_bad_input_suite_is_clean_under_robocop():
    for command in (["check"], ["format", "--check", "--diff"]):
        completed = subprocess.run([sys.executable, "-m", "robocop", *command, "tests/robot"], cwd=ROOT,
                                   capture_output=True, text=True)
        assert completed.returncode == 0, completed.stdout + completed.stderr


# Each suite variable with a value the suites cannot use, and the one sentence every test must fail with.
SUITE_VARIABLE_MISTAKES = {
    "WS_URL:ftp://127.0.0.1/": "WS_URL is not a usable target: Target URL 'ftp://127.0.0.1/' has scheme 'ftp'; "
                               "use ws://, wss://, http://, https:// or h2c://.",
    "WS_URL:ws://127.0.0.1:70000/": "WS_URL is not a usable target: Target URL 'ws://127.0.0.1:70000/' has a port "
                                    "that is not a number from 1 to 65535.",
    "TIMEOUT:abc": "TIMEOUT must be a positive time such as 5s or 0.5, got 'abc'.",
    "TIMEOUT:0": "TIMEOUT must be a positive time such as 5s or 0.5, got 0 seconds.",
    "TIMEOUT:-1s": "TIMEOUT must be a positive time such as 5s or 0.5, got -1 seconds.",
    "VERIFY_TLS:maybe": "VERIFY_TLS 'maybe' is neither true nor false; give True or False (yes/no, on/off and 1/0 "
                        "are accepted too).",
    "TARGET_NAME:a/b": "TARGET_NAME 'a/b' is not a usable name; use 1 to 64 letters, digits, '_' or '-', starting "
                       "with a letter or digit.",
    "TARGET_NAME:.hidden": "TARGET_NAME '.hidden' is not a usable name; use 1 to 64 letters, digits, '_' or '-', "
                           "starting with a letter or digit.",
}


@pytest.mark.parametrize("variable", list(SUITE_VARIABLE_MISTAKES))
def test_a_bad_suite_variable_fails_every_test_in_one_sentence_and_still_writes_the_reports(tmp_path, variable):
    # The README's command, limited to one case of the method suite and one of the version suite.
    completed = subprocess.run(
        [sys.executable, "-m", "robot", "--variable", variable, "--outputdir", str(tmp_path),
         "--test", "COMP-UPGRADE-POST", "--test", "COMP-VERSION-8", "suites"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    console = completed.stdout + completed.stderr
    assert 1 <= completed.returncode <= 250, console
    for name in ("output.xml", "log.html", "report.html"):
        assert (tmp_path / name).is_file(), name
    result = ExecutionResult(str(tmp_path / "output.xml"))
    tests = list(result.suite.all_tests)
    assert len(tests) == 2
    expected = f"Parent suite setup failed:\n{SUITE_VARIABLE_MISTAKES[variable]}"
    assert {(test.status, test.message) for test in tests} == {("FAIL", expected)}
    assert not result.errors.messages, [message.message for message in result.errors.messages]
    assert "Traceback" not in console
    assert "Traceback" not in (tmp_path / "output.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ["False", "no", "OFF", "0", "true", "Yes"])
def test_verify_tls_accepts_the_usual_spellings_of_true_and_false(tmp_path, value):
    completed = subprocess.run(
        [sys.executable, "-m", "robot", "--variable", f"VERIFY_TLS:{value}", "--outputdir", str(tmp_path),
         "--test", "COMP-UPGRADE-POST", "--console", "none", "suites"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stdout + completed.stderr
