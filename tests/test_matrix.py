"""The compliance matrix from real Robot outputs: verdicts, observations, links, escaping, grouping, baselines."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading

import pytest
from robot.api import ExecutionResult
from robotrun import ROOT, run_robot
from servers import FixtureServer, switching_protocols

from WsComplianceLibrary.matrix import CaseVerdict, main, read_target, verdict_of, write_matrix

# One test per Robot status the catalogue's cases can end in, as the suites produce them.
STATUS_SUITE = """\
*** Test Cases ***
Passes
    Log    Observed {"outcome": "answered", "status": 405, "reason": "Method Not Allowed", "elapsed": 0.01}

Passes With A Warning
    Log    Observed {"outcome": "answered", "status": 200, "reason": "OK", "elapsed": 0.01}
    Set Tags    warn
    Log    The server should have answered 426.    WARN

Does Not Apply
    Skip    The target is not a WebSocket endpoint.

Fails
    Log    Observed {"outcome": "closed", "status": null, "reason": "", "elapsed": 0.01}
    Log    Observed {"outcome": "answered", "status": 101, "reason": "Switching Protocols", "elapsed": 0.02}
    Fail    It answered 101.
"""

HOSTILE_REASON = b"<script>alert(1)</script><img src=x onerror=alert(2)>"


def answer_101_with_markup_in_reason(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Accepts every handshake, with HTML in its reason phrase: text a report must never render as markup."""
    conn.sendall(switching_protocols(head).replace(b"Switching Protocols", HOSTILE_REASON, 1))
    stop.wait(0.2)


def test_robot_statuses_map_to_verdicts():
    assert verdict_of("FAIL", ["MUST"]) is CaseVerdict.FAIL
    assert verdict_of("FAIL", ["warn"]) is CaseVerdict.FAIL
    assert verdict_of("SKIP", ["positive"]) is CaseVerdict.NOT_APPLICABLE
    assert verdict_of("PASS", ["SHOULD", "warn"]) is CaseVerdict.WARN
    assert verdict_of("PASS", ["SHOULD"]) is CaseVerdict.PASS


def test_each_test_gets_its_verdict_and_last_observation(tmp_path):
    suite = tmp_path / "statuses.robot"
    suite.write_text(STATUS_SUITE, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "robot", "--outputdir", str(tmp_path / "out"), "--output", "output.xml",
                    "--console", "none", str(suite)], check=False)
    target = read_target(tmp_path / "out" / "output.xml", "ws://127.0.0.1:1/")
    results = {result.case: result for result in target.cases}
    assert {name: result.verdict for name, result in results.items()} == {
        "Passes": CaseVerdict.PASS,
        "Passes With A Warning": CaseVerdict.WARN,
        "Does Not Apply": CaseVerdict.NOT_APPLICABLE,
        "Fails": CaseVerdict.FAIL,
    }
    assert (results["Fails"].status, results["Fails"].outcome) == (101, "answered")
    assert results["Passes"].status == 405
    assert (results["Does Not Apply"].status, results["Does Not Apply"].outcome) == (None, None)
    assert results["Does Not Apply"].message == "The target is not a WebSocket endpoint."
    assert target.totals() == {"PASS": 1, "WARN": 1, "FAIL": 1, "N/A": 1}
    assert target.summary_line().startswith("ws://127.0.0.1:1/  4 cases: 1 PASS, 1 WARN, 1 FAIL, 1 N/A  (")


def test_server_text_is_escaped_and_every_cell_links_to_its_test_in_the_log(tmp_path):
    with FixtureServer(answer_101_with_markup_in_reason) as server:
        run = run_robot(tmp_path / "target", "suites/handshake", url=server.url)
    json_path, html_path, _ = write_matrix([read_target(run.output, server.url)], tmp_path)
    page = html_path.read_text(encoding="utf-8")
    data = json.loads(json_path.read_text(encoding="utf-8"))

    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    post = next(result for result in data["results"] if result["case"] == "COMP-UPGRADE-POST")
    assert (post["verdict"], post["status"], post["reason"]) == ("FAIL", 101, HOSTILE_REASON.decode())

    ids = {test.name: test.id for test in ExecutionResult(str(run.output)).suite.all_tests}
    links = re.findall(r'<td class="verdict [A-Z]+" title="[^"]*"><a href="([^"#]+)#([^"]+)">', page)
    assert len(links) == len(ids)
    assert {anchor for _, anchor in links} == set(ids.values())
    assert {(tmp_path / log).resolve() for log, _ in links} == {(tmp_path / "target" / "log.html").resolve()}
    assert {result["case"]: result["test_id"] for result in data["results"]} == ids


def test_matrix_command_reads_existing_outputs_and_labels_targets_by_their_metadata(tmp_path, reference_server):
    run = run_robot(tmp_path / "one", ROOT / "suites", url=reference_server.url,
                    options=("--include", "positive"))
    assert main([str(run.output), "--outputdir", str(tmp_path)]) == 0
    data = json.loads((tmp_path / "matrix.json").read_text(encoding="utf-8"))
    assert [target["target"] for target in data["targets"]] == [reference_server.url]
    # Positive cases of areas the reference server does not serve (HTTP/2) are skipped there, hence N/A.
    assert {result["case"]: result["verdict"] for result in data["results"]} == {
        name: {"PASS": "PASS", "SKIP": "N/A"}[verdict.status] for name, verdict in run.verdicts.items()
    }
    assert main([str(tmp_path / "missing.xml"), "--outputdir", str(tmp_path)]) == 252


def test_tests_outside_the_catalogue_are_grouped_by_the_suites_they_ran_in(tmp_path):
    suites = tmp_path / "Own Checks"
    (suites / "frames").mkdir(parents=True)
    (suites / "frames" / "opcodes.robot").write_text(STATUS_SUITE, encoding="utf-8")
    (suites / "ping.robot").write_text("*** Test Cases ***\nPing\n    No Operation\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "robot", "--outputdir", str(tmp_path / "out"), "--console", "none",
                    str(suites)], check=False)
    json_path, html_path, data = write_matrix([read_target(tmp_path / "out" / "output.xml", "ws://127.0.0.1:1/")],
                                              tmp_path)
    assert [(case["id"], case["group"], case["family"], case["area"]) for case in data["cases"]] == [
        *((name, "Frames \u203a Opcodes", "", "") for name in ("Passes", "Passes With A Warning", "Does Not Apply",
                                                                "Fails")),
        ("Ping", "Ping", "", ""),
    ]
    page = html_path.read_text(encoding="utf-8")
    assert page.index("<span>Frames \u203a Opcodes</span>") < page.index("<span>Ping</span>")
    assert json.loads(json_path.read_text(encoding="utf-8")) == data


def test_plain_robot_with_target_name_names_the_run_and_the_matrix_reads_the_name(tmp_path, reference_server):
    run = run_robot(tmp_path / "named", ROOT / "suites", url=reference_server.url,
                    options=("--variable", "TARGET_NAME:websockets-17", "--test", "COMP-UPGRADE-BASELINE"))
    assert run.returncode == 0, run.console
    suite = ExecutionResult(str(run.output)).suite
    assert suite.name == "websockets-17"
    assert (suite.metadata["Target"], suite.metadata["Target Name"]) == (reference_server.url, "websockets-17")
    assert "websockets-17" in run.console
    for page in ("log.html", "report.html"):
        assert '"websockets-17"' in (tmp_path / "named" / page).read_text(encoding="utf-8")
    assert main([str(run.output), "--outputdir", str(tmp_path)]) == 0
    data = json.loads((tmp_path / "matrix.json").read_text(encoding="utf-8"))
    assert [(target["target"], target["name"], target["url"]) for target in data["targets"]] == [
        ("websockets-17", "websockets-17", reference_server.url)]


def test_matrix_command_marks_changes_since_a_baseline_and_refuses_a_foreign_one(tmp_path, capsys):
    suite = tmp_path / "statuses.robot"
    suite.write_text(STATUS_SUITE, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "robot", "--outputdir", str(tmp_path / "out"), "--console", "none",
                    "--metadata", "Target:ws://127.0.0.1:1/", str(suite)], check=False)
    output = str(tmp_path / "out" / "output.xml")
    assert main([output, "--outputdir", str(tmp_path / "before")]) == 0
    before = json.loads((tmp_path / "before" / "matrix.json").read_text(encoding="utf-8"))
    for result in before["results"]:
        result["verdict"] = {"Fails": "PASS", "Passes": "FAIL"}.get(result["case"], result["verdict"])
    (tmp_path / "before" / "matrix.json").write_text(json.dumps(before), encoding="utf-8")
    assert main([output, "--outputdir", str(tmp_path / "after"), "--baseline",
                 str(tmp_path / "before" / "matrix.json")]) == 0
    after = json.loads((tmp_path / "after" / "matrix.json").read_text(encoding="utf-8"))
    assert {result["case"]: result["change"] for result in after["results"]} == {
        "Passes": "fixed", "Passes With A Warning": None, "Does Not Apply": None, "Fails": "new-fail"}
    capsys.readouterr()
    (tmp_path / "foreign.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main([output, "--baseline", str(tmp_path / "foreign.json")])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        f"python -m WsComplianceLibrary.matrix: error: argument --baseline: the baseline '{tmp_path / 'foreign.json'}' "
        'is not a matrix.json written by wscompliance: it has no "tool": "wscompliance".')
