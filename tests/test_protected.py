"""Protected servers as they run in production: credentials, Origin, required subprotocols, no echo, silence after
the 101. Real servers on 127.0.0.1; verdicts read back from output.xml; the secret must be in no result file."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from protected_servers import TOKEN, AiohttpAuthServer, ProtectedServer, SilentAfter101Server, private_ca
from robotrun import ROOT, SUITES, run_robot
from WsComplianceLibrary.settings import (
    HandshakeSettings,
    SettingsError,
    mask_header_value,
    parse_headers,
    parse_subprotocols,
    register_secret,
)
from WsComplianceLibrary.wire.http1.request import build_upgrade_request
from WsComplianceLibrary.wirelog import masked_message

HANDSHAKE = SUITES / "handshake"
TOKEN_HEADER = "WS_HEADERS:Authorization: Bearer %{WS_TOKEN}"


@pytest.fixture(scope="module")
def unprotected_verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The handshake verdicts of the same server without a gate: what a protected one must match, given its settings."""
    with ProtectedServer() as server:
        return without_security(run_robot(tmp_path_factory.mktemp("plain"), HANDSHAKE, url=server.url).statuses())


def without_security(statuses: dict[str, str]) -> dict[str, str]:
    """The verdicts of every case but the security family's, which differ between a protected server and an open one."""
    return {name: status for name, status in statuses.items()
            if not name.startswith(("COMP-AUTH-", "COMP-ORIGIN-"))}


@pytest.fixture
def token_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WS_TOKEN", TOKEN)


def files_containing(directory: Path, secret: str) -> list[str]:
    return [str(path) for path in directory.rglob("*") if path.is_file() and secret.encode() in path.read_bytes()]


def assert_useless_without_settings(statuses: dict[str, str]) -> None:
    assert statuses.pop("COMP-UPGRADE-BASELINE") == "FAIL"
    assert set(statuses.values()) == {"SKIP"}, {name: status for name, status in statuses.items() if status != "SKIP"}


# --- the settings, without a server ---


@pytest.mark.parametrize(("value", "sentence"), [
    ("no-colon", "WS_HEADERS 'no-colon' is not a header: write it as 'Name: value'."),
    ({"X-Token": "a\r\nInjected: yes"}, "WS_HEADERS header X-Token has a value with CR, LF or NUL"),
    ("X-Token: %{WS_COMPLIANCE_UNSET_VARIABLE}",
     "WS_HEADERS names the environment variable %{WS_COMPLIANCE_UNSET_VARIABLE}, which is not set"),
    ("Host: example.com", "WS_HEADERS may not set Host: it comes from WS_URL."),
    ("Sec-WebSocket-Protocol: chat", "WS_HEADERS may not set Sec-WebSocket-Protocol: give subprotocols with "
                                     "WS_SUBPROTOCOL."),
    ("Bad Name: x", "WS_HEADERS header name 'Bad Name' is not an HTTP token"),
])
def test_a_bad_header_setting_is_one_sentence(value: object, sentence: str) -> None:
    with pytest.raises(SettingsError, match="^" + sentence.replace("(", r"\(").replace("{", r"\{")
                       .replace("}", r"\}").replace("$", r"\$").replace(".", r"\.")):
        parse_headers(value)


def test_header_settings_read_a_command_line_header_a_dictionary_and_environment_references(monkeypatch) -> None:
    monkeypatch.setenv("WS_TOKEN", TOKEN)
    assert parse_headers("Authorization: Bearer %{WS_TOKEN}") == (("Authorization", "Bearer %{WS_TOKEN}"),)
    settings = HandshakeSettings(parse_headers({"Cookie": "session=%{WS_TOKEN}", "Origin": "https://app.example"}),
                                 parse_subprotocols("graphql-transport-ws, mqtt"))
    assert settings.headers() == [("Cookie", f"session={TOKEN}"), ("Origin", "https://app.example"),
                                  ("Sec-WebSocket-Protocol", "graphql-transport-ws, mqtt")]
    assert settings.credential_names == ("Cookie",)


def test_target_headers_follow_the_case_own_headers_and_leave_the_header_a_case_is_about() -> None:
    target = [("Authorization", "Bearer abc"), ("Origin", "https://app.example")]
    plain = build_upgrade_request("POST", "/", "127.0.0.1:80")
    with_target = build_upgrade_request("POST", "/", "127.0.0.1:80", target_headers=target)
    assert with_target == plain[:-2] + b"Authorization: Bearer abc\r\nOrigin: https://app.example\r\n\r\n"
    removed = build_upgrade_request("GET", "/", "h", headers={"Authorization": None}, target_headers=target)
    assert b"Authorization" not in removed and removed.endswith(b"Origin: https://app.example\r\n\r\n")
    repeated = build_upgrade_request("GET", "/", "h", headers=[("origin", "a"), ("origin", "b")],
                                     target_headers=target)
    assert repeated.count(b"rigin: ") == 2 and b"app.example" not in repeated


def test_credentials_and_environment_values_are_masked_when_shown_and_sent_exactly() -> None:
    register_secret("env-secret-value")
    request = (b"GET / HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer abcdefghijkl\r\n"
               b"X-Api-Key: env-secret-value\r\nCookie: a=b\r\n\r\n")
    shown = masked_message(request).decode()
    assert "abcdefghijkl" not in shown and "env-secret-value" not in shown and "a=b" not in shown
    assert "Authorization: Bearer *** (19 characters)" in shown and "X-Api-Key: ***" in shown
    assert mask_header_value("Set-Cookie", "id=1; Secure") == "*** (12 characters)"


# --- real protected servers ---


def test_a_token_protected_server_without_settings_gets_no_verdict_that_says_nothing(tmp_path: Path) -> None:
    with ProtectedServer(token=TOKEN) as server:
        result = run_robot(tmp_path, HANDSHAKE, url=server.url)
    baseline = result.verdicts["COMP-UPGRADE-BASELINE"]
    assert "answered 401 Unauthorized" in baseline.message and "WS_HEADERS and WS_SUBPROTOCOL" in baseline.message
    assert result.verdicts["COMP-HOST-MISSING"].message == (
        "Not applicable: the correct handshake (COMP-UPGRADE-BASELINE) answered 401 Unauthorized too, so this answer "
        "says nothing about the rule; check WS_HEADERS, WS_SUBPROTOCOL and the URL.")
    assert_useless_without_settings(result.statuses())


def test_a_token_protected_server_given_its_token_gets_the_verdicts_of_the_unprotected_one(
        tmp_path: Path, unprotected_verdicts: dict[str, str], token_in_environment: None) -> None:
    with ProtectedServer(token=TOKEN) as server:
        result = run_robot(tmp_path, HANDSHAKE, url=server.url,
                           options=("--variable", TOKEN_HEADER, "--loglevel", "TRACE", "--xunit", "xunit.xml"))
    assert without_security(result.statuses()) == unprotected_verdicts
    assert result.statuses()["COMP-AUTH-WITHOUT-CREDENTIALS"] == "PASS"
    assert files_containing(tmp_path, TOKEN) == []
    assert "Authorization: Bearer *** (" in (tmp_path / "log.html").read_text(encoding="utf-8")


def test_a_token_written_on_the_command_line_is_in_no_result_file(tmp_path: Path) -> None:
    with ProtectedServer(token=TOKEN) as server:
        result = run_robot(tmp_path, HANDSHAKE / "handshake_baseline.robot", url=server.url,
                           options=("--variable", f"WS_HEADERS:Authorization: Bearer {TOKEN}", "--loglevel", "TRACE",
                                    "--xunit", "xunit.xml", "--debugfile", "debug.txt"))
    (tmp_path / "console.txt").write_text(result.console, encoding="utf-8")
    assert result.statuses() == {"COMP-UPGRADE-BASELINE": "PASS"}
    assert files_containing(tmp_path, TOKEN) == []


def test_an_origin_checking_server_given_a_trusted_origin_gets_the_unprotected_verdicts(
        tmp_path: Path, unprotected_verdicts: dict[str, str]) -> None:
    with ProtectedServer(origins=["https://app.example"]) as server:
        without = run_robot(tmp_path / "without", HANDSHAKE, url=server.url)
        given = run_robot(tmp_path / "with", HANDSHAKE, url=server.url,
                          options=("--variable", "WS_HEADERS:Origin: https://app.example"))
    assert_useless_without_settings(without.statuses())
    assert without_security(given.statuses()) == unprotected_verdicts
    assert {name: verdict.message for name, verdict in given.verdicts.items() if "ORIGIN" in name} == {
        "COMP-ORIGIN-FOREIGN": "", "COMP-ORIGIN-NULL": ""}
    assert "refused Origin 'null' with 403 Forbidden" in (tmp_path / "with" / "output.xml").read_text()


def test_a_server_requiring_a_subprotocol_given_it_gets_the_unprotected_verdicts(
        tmp_path: Path, unprotected_verdicts: dict[str, str]) -> None:
    with ProtectedServer(subprotocols=["graphql-transport-ws"]) as server:
        without = run_robot(tmp_path / "without", HANDSHAKE, url=server.url)
        given = run_robot(tmp_path / "with", HANDSHAKE, url=server.url,
                          options=("--variable", "WS_SUBPROTOCOL:graphql-transport-ws"))
    assert_useless_without_settings(without.statuses())
    statuses = without_security(given.statuses())
    # Refusing a handshake that offers no subprotocol is this server's right, so that one case cannot be judged.
    assert statuses.pop("COMP-PROTOCOL-NONE-OFFERED") == "SKIP"
    assert statuses == {name: status for name, status in unprotected_verdicts.items()
                        if name != "COMP-PROTOCOL-NONE-OFFERED"}


def test_an_aiohttp_server_with_an_auth_middleware_takes_a_cookie_from_a_variable_file(
        tmp_path: Path, token_in_environment: None) -> None:
    variables = tmp_path / "target.py"
    variables.write_text('WS_HEADERS = {"Cookie": "session=%{WS_TOKEN}"}\n', encoding="utf-8")
    with AiohttpAuthServer(cookie=None) as server:
        unprotected = run_robot(tmp_path / "plain", HANDSHAKE, url=server.url)
    with AiohttpAuthServer(cookie=TOKEN) as server:
        without = run_robot(tmp_path / "without", HANDSHAKE, url=server.url)
        given = run_robot(tmp_path / "with", HANDSHAKE, url=server.url,
                          options=("--variablefile", str(variables), "--loglevel", "TRACE"))
    assert_useless_without_settings(without.statuses())
    assert without_security(given.statuses()) == without_security(unprotected.statuses())
    assert given.statuses()["COMP-AUTH-WITHOUT-CREDENTIALS"] == "PASS"
    assert files_containing(tmp_path / "with", TOKEN) == []


def test_frame_suites_at_a_protected_server_given_its_token_pass_and_without_it_are_not_applicable(
        tmp_path: Path, token_in_environment: None) -> None:
    frames = SUITES / "frames" / "framing.robot"
    with ProtectedServer(token=TOKEN) as server:
        given = run_robot(tmp_path / "with", frames, url=server.url, options=("--variable", TOKEN_HEADER))
        without = run_robot(tmp_path / "without", frames, url=server.url)
    assert set(given.statuses().values()) == {"PASS"}
    assert set(without.statuses().values()) == {"SKIP"}
    assert files_containing(tmp_path, TOKEN) == []


def test_a_target_without_echo_is_judged_in_seconds(tmp_path: Path) -> None:
    started = time.monotonic()
    with ProtectedServer(echo=False) as server:
        result = run_robot(tmp_path, SUITES / "frames", url=server.url, timeout="2s",
                           options=("--exclude", "slow"))
    elapsed = time.monotonic() - started
    statuses = result.statuses()
    skipped = [verdict for verdict in result.verdicts.values() if verdict.status == "SKIP"]
    assert len(skipped) > 100 and "PASS" in statuses.values()
    assert all("the target does not echo" in verdict.message for verdict in skipped)
    assert elapsed < 60, elapsed


def test_a_target_silent_after_its_101_fails_every_frame_case_at_once(tmp_path: Path) -> None:
    server = SilentAfter101Server()
    started = time.monotonic()
    server.start()
    try:
        result = run_robot(tmp_path, SUITES / "frames" / "framing.robot", SUITES / "frames" / "opcodes.robot",
                           url=server.url, timeout="2s")
    finally:
        server.stop()
    elapsed = time.monotonic() - started
    assert set(result.statuses().values()) == {"FAIL"}
    assert all("neither a Ping nor a text message within 2 s" in verdict.message for verdict in result.verdicts.values())
    assert elapsed < 20, elapsed


def test_an_open_server_fails_the_credentials_case_and_warns_or_fails_on_a_foreign_origin(tmp_path: Path) -> None:
    security = HANDSHAKE / "security.robot"
    with ProtectedServer() as server:
        open_server = run_robot(tmp_path / "warn", security, url=server.url,
                                options=("--variable", "WS_HEADERS:Authorization: Bearer unchecked-token"))
        required = run_robot(tmp_path / "fail", security, url=server.url, options=("--variable", "ORIGIN_CHECK:required"))
    assert open_server.statuses() == {"COMP-AUTH-WITHOUT-CREDENTIALS": "FAIL", "COMP-ORIGIN-FOREIGN": "PASS",
                                      "COMP-ORIGIN-NULL": "PASS"}
    assert "switched protocols without credentials" in open_server.verdicts["COMP-AUTH-WITHOUT-CREDENTIALS"].message
    assert "accepted a handshake from Origin 'null'" in (tmp_path / "warn" / "output.xml").read_text()
    assert required.statuses() == {"COMP-AUTH-WITHOUT-CREDENTIALS": "SKIP", "COMP-ORIGIN-FOREIGN": "FAIL",
                                   "COMP-ORIGIN-NULL": "FAIL"}
    assert "ORIGIN_CHECK is required, so it must refuse it, ideally with 403" in required.verdicts["COMP-ORIGIN-NULL"].message


# --- TLS with a private CA and a client certificate; a real forward proxy ---


def test_a_mutual_tls_server_with_a_private_ca_is_judged_with_verification_on(tmp_path: Path) -> None:
    ca_bundle, server_tls = private_ca(tmp_path)
    baseline = HANDSHAKE / "handshake_baseline.robot"
    with ProtectedServer(tls=server_tls) as server:
        given = run_robot(tmp_path / "with", baseline, HANDSHAKE / "upgrade_method.robot", url=server.url,
                          options=("--variable", f"CA_BUNDLE:{ca_bundle}",
                                   "--variable", f"CLIENT_CERT:{tmp_path / 'client.pem'}"))
        untrusted = run_robot(tmp_path / "untrusted", baseline, url=server.url)
        no_client_cert = run_robot(tmp_path / "nocert", baseline, url=server.url,
                                   options=("--variable", f"CA_BUNDLE:{ca_bundle}"))
    assert set(given.statuses().values()) == {"PASS"}
    assert "give its CA in CA_BUNDLE" in untrusted.verdicts["COMP-UPGRADE-BASELINE"].message
    assert no_client_cert.statuses() == {"COMP-UPGRADE-BASELINE": "FAIL"}


def test_a_bad_tls_or_proxy_setting_is_one_sentence(tmp_path: Path) -> None:
    with ProtectedServer() as server:
        result = run_robot(tmp_path, HANDSHAKE / "handshake_baseline.robot", url=server.url,
                           options=("--variable", f"CA_BUNDLE:{tmp_path / 'missing.pem'}"))
        proxy = run_robot(tmp_path / "proxy", HANDSHAKE / "handshake_baseline.robot", url=server.url,
                          options=("--variable", "WS_PROXY:socks5://127.0.0.1:1080"))
    assert result.verdicts["COMP-UPGRADE-BASELINE"].message.endswith("missing.pem' is not a file.")
    assert proxy.verdicts["COMP-UPGRADE-BASELINE"].message.endswith(
        "WS_PROXY 'socks5://127.0.0.1:1080' is not an HTTP proxy URL such as http://proxy.example:3128.")


@pytest.fixture
def forward_proxy() -> Iterator[int]:
    """proxy.py, a real forward proxy, on 127.0.0.1, wanting Basic credentials; yields its port."""
    import proxy

    with proxy.Proxy(["--hostname", "127.0.0.1", "--port", "0", "--num-workers", "1", "--num-acceptors", "1",
                      "--basic-auth", f"tester:{TOKEN}"]) as running:
        yield running.flags.port


def test_the_suites_reach_a_target_through_a_forward_proxy_with_exact_bytes(
        tmp_path: Path, forward_proxy: int, unprotected_verdicts: dict[str, str], monkeypatch) -> None:
    with ProtectedServer() as server:
        given = run_robot(tmp_path / "with", HANDSHAKE, url=server.url, options=(
            "--variable", f"WS_PROXY:http://tester:{TOKEN}@127.0.0.1:{forward_proxy}", "--loglevel", "TRACE"))
        frames = run_robot(tmp_path / "frames", SUITES / "frames" / "framing.robot", url=server.url, options=(
            "--variable", f"WS_PROXY:http://tester:{TOKEN}@127.0.0.1:{forward_proxy}"))
        monkeypatch.setenv("HTTP_PROXY", f"http://tester:{TOKEN}@127.0.0.1:{forward_proxy}")
        monkeypatch.setenv("NO_PROXY", "")
        from_environment = run_robot(tmp_path / "env", HANDSHAKE / "upgrade_method.robot", url=server.url,
                                     options=("--variable", "WS_PROXY:env"))
        wrong_password = run_robot(tmp_path / "refused", HANDSHAKE / "handshake_baseline.robot", url=server.url,
                                   options=("--variable", f"WS_PROXY:http://tester:wrong@127.0.0.1:{forward_proxy}"))
    assert without_security(given.statuses()) == unprotected_verdicts
    assert set(frames.statuses().values()) == {"PASS"}
    assert set(from_environment.statuses().values()) == {"PASS"}
    assert "refused the tunnel" in wrong_password.verdicts["COMP-UPGRADE-BASELINE"].message
    assert files_containing(tmp_path, TOKEN) == []


# --- the wscompliance command ---


def test_wscompliance_gives_each_target_its_settings_and_writes_the_secret_nowhere(
        tmp_path: Path, token_in_environment: None) -> None:
    ca_bundle, server_tls = private_ca(tmp_path)
    targets = tmp_path / "targets.toml"
    with ProtectedServer(token=TOKEN) as protected, ProtectedServer(tls=server_tls) as mutual, \
            ProtectedServer(subprotocols=["graphql-transport-ws"]) as graphql:
        targets.write_text(f"""
[targets.mtls]
url = "{mutual.url}"
ca_bundle = "ca.pem"
client_cert = "client.pem"
timeout = "3s"

[targets.graphql]
url = "{graphql.url}"
subprotocol = "graphql-transport-ws"
headers = {{ Authorization = "Bearer %{{WS_TOKEN}}" }}
""", encoding="utf-8")
        results = tmp_path / "results"
        completed = subprocess.run(
            [sys.executable, "-m", "WsComplianceLibrary.cli", "--outputdir", str(results), "--include", "baseline",
             "--include", "method", "--include", "security", f"token={protected.url}",
             "--header", "Authorization: Bearer %{WS_TOKEN}", "--targets", str(targets), "--", "--loglevel", "TRACE"],
            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert (results / "matrix.json").exists(), completed.stdout + completed.stderr
    matrix = json.loads((results / "matrix.json").read_text(encoding="utf-8"))
    verdicts = {(result["target"], result["case"]): result["verdict"] for result in matrix["results"]}
    for target in ("token", "mtls", "graphql"):
        assert verdicts[(target, "COMP-UPGRADE-BASELINE")] == "PASS", completed.stdout
        assert verdicts[(target, "COMP-UPGRADE-POST")] == "PASS"
    assert verdicts[("token", "COMP-AUTH-WITHOUT-CREDENTIALS")] == "PASS"
    # The graphql server checks no token: without it, it still switches protocols.
    assert verdicts[("graphql", "COMP-AUTH-WITHOUT-CREDENTIALS")] == "FAIL"
    assert files_containing(results, TOKEN) == []
    assert TOKEN not in completed.stdout + completed.stderr


@pytest.mark.parametrize(("content", "sentence"), [
    ('[targets.a]\nurl = "ws://127.0.0.1:1/"\nheaders = ["no-colon"]\n',
     "target 'a' in '{path}': WS_HEADERS 'no-colon' is not a header: write it as 'Name: value'."),
    ('[targets.a]\nurl = "ws://127.0.0.1:1/"\ncolour = "red"\n', "target 'a' in '{path}' has unknown keys colour"),
    ('[targets."a b"]\nurl = "ws://127.0.0.1:1/"\n', "target 'a b' in '{path}': the name is not usable"),
    ("targets = 1", "the targets file '{path}' must hold [targets.NAME] tables and nothing else."),
])
def test_a_bad_targets_file_is_one_sentence(tmp_path: Path, content: str, sentence: str) -> None:
    path = tmp_path / "targets.toml"
    path.write_text(content, encoding="utf-8")
    completed = subprocess.run([sys.executable, "-m", "WsComplianceLibrary.cli", "--outputdir", str(tmp_path / "r"),
                                "--targets", str(path)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert completed.returncode == 2
    assert sentence.format(path=path) in completed.stderr, completed.stderr
    assert "Traceback" not in completed.stderr


def test_the_extended_connect_carries_the_settings_as_lower_case_fields_after_its_own(
        tmp_path: Path, token_in_environment: None) -> None:
    from WsComplianceLibrary.wire.http2.request import extended_connect_fields

    fields = extended_connect_fields("http", "/", "h", {"sec-websocket-protocol": None},
                                     [("authorization", "Bearer abc"), ("sec-websocket-protocol", "chat")])
    assert fields[-1] == (b"authorization", b"Bearer abc") and b"sec-websocket-protocol" not in dict(fields)
    result = run_robot(tmp_path, SUITES / "http2", options=("--variable", TOKEN_HEADER, "--loglevel", "TRACE"))
    assert set(result.statuses().values()) == {"PASS"}
    assert "authorization: Bearer *** (" in (tmp_path / "output.xml").read_text(encoding="utf-8")
    assert files_containing(tmp_path, TOKEN) == []
