"""The ``wscompliance`` command against real local targets: reports per target, the matrix and exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from robot.api import ExecutionResult
from robotrun import ROOT
from servers import BEHAVIOURS, FixtureServer

from WsComplianceLibrary.catalogue import CASES
from WsComplianceLibrary.cli import EMBEDDED_LABEL, bundled_suites, plan_runs

METHOD_CASES = {case.id for case in CASES if case.family == "method"}
SUMMARY = re.compile(r"^(?P<target>\S.*?)  (?P<cases>\d+) cases: (?P<pass>\d+) PASS, (?P<warn>\d+) WARN, "
                     r"(?P<fail>\d+) FAIL, (?P<na>\d+) N/A  \(\d+\.\d s\)$", re.MULTILINE)


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str
    outputdir: Path

    def matrix(self) -> dict:
        return json.loads((self.outputdir / "matrix.json").read_text(encoding="utf-8"))

    def verdicts(self, target: str) -> dict[str, str]:
        return {result["case"]: result["verdict"] for result in self.matrix()["results"] if result["target"] == target}


def wscompliance(outputdir: Path, *args: str) -> Run:
    """Run the command as CI would, in a child process, with results in ``outputdir``."""
    completed = subprocess.run([sys.executable, "-m", "WsComplianceLibrary.cli", "--outputdir", str(outputdir), *args],
                               cwd=ROOT, capture_output=True, text=True, timeout=300)
    return Run(completed.returncode, completed.stdout, completed.stderr, outputdir)


@pytest.fixture(scope="module")
def three_targets(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Run, str, str]]:
    """The embedded reference server, a server that accepts any method and one that refuses with 405, in parallel."""
    outputdir = tmp_path_factory.mktemp("three")
    with FixtureServer(BEHAVIOURS["answer-101-to-any-method"]) as accepts_any, \
            FixtureServer(BEHAVIOURS["answer-405-unless-get"]) as refuses:
        yield wscompliance(outputdir, "embedded", accepts_any.url, refuses.url, "--processes", "3",
                           "--timeout", "2s"), accepts_any.url, refuses.url


def test_each_target_gets_its_own_reports_and_xunit_file(three_targets):
    run, accepts_any, refuses = three_targets
    folders = ["embedded", *(re.sub(r"[:/]+", "-", url).strip("-") for url in (accepts_any, refuses))]
    assert sorted(path.name for path in run.outputdir.iterdir() if path.is_dir()) == sorted(folders)
    for folder in folders:
        for name in ("output.xml", "log.html", "report.html", "xunit.xml", "console.txt"):
            assert (run.outputdir / folder / name).is_file(), f"{folder}/{name}"
    for name in ("output.xml", "log.html", "report.html", "matrix.html", "matrix.json"):
        assert (run.outputdir / name).is_file(), name
    combined = ExecutionResult(str(run.outputdir / "output.xml")).suite
    assert [suite.name for suite in combined.suites] == [folder.replace(".", "-") for folder in folders]
    assert [suite.metadata["Target"] for suite in combined.suites][1:] == [accepts_any, refuses]


def test_matrix_holds_the_verdict_of_every_case_against_every_target(three_targets):
    run, accepts_any, refuses = three_targets
    matrix = run.matrix()
    assert matrix["schema_version"] == 2
    assert [target["target"] for target in matrix["targets"]] == [EMBEDDED_LABEL, accepts_any, refuses]
    catalogue_ids = [case.id for case in CASES]
    assert [case["id"] for case in matrix["cases"]][: len(catalogue_ids)] == catalogue_ids
    for target in matrix["targets"]:
        verdicts = run.verdicts(target["target"])
        assert set(catalogue_ids) <= set(verdicts)
        assert target["totals"] == {verdict: list(verdicts.values()).count(verdict)
                                    for verdict in ("PASS", "WARN", "FAIL", "N/A")}
    assert "FAIL" not in run.verdicts(EMBEDDED_LABEL).values()
    assert {run.verdicts(accepts_any)[case] for case in METHOD_CASES} == {"FAIL"}
    assert run.verdicts(accepts_any)["COMP-UPGRADE-BASELINE"] == "PASS"
    # 405 refuses every method; for the unknown token RFC 9110 §9.1 asks for 501, hence the one WARN.
    assert {case: run.verdicts(refuses)[case] for case in METHOD_CASES if run.verdicts(refuses)[case] != "PASS"} == {
        "COMP-METHOD-UNKNOWN-501": "WARN"}
    post = {result["target"]: result for result in matrix["results"] if result["case"] == "COMP-UPGRADE-POST"}
    assert (post[accepts_any]["status"], post[accepts_any]["outcome"]) == (101, "answered")
    assert (post[refuses]["status"], post[refuses]["reason"]) == (405, "Method Not Allowed")


def test_exit_code_counts_failed_cases_and_console_has_one_summary_per_target(three_targets):
    run, accepts_any, refuses = three_targets
    failed = sum(result["verdict"] == "FAIL" for result in run.matrix()["results"])
    assert failed >= len(METHOD_CASES)
    assert run.returncode == min(failed, 250), run.stdout + run.stderr
    summaries = {match["target"]: match for match in SUMMARY.finditer(run.stdout)}
    assert set(summaries) == {EMBEDDED_LABEL, accepts_any, refuses}, run.stdout
    assert sum(int(summary["fail"]) for summary in summaries.values()) == failed
    assert run.stdout.count(": running, results in ") == 3


def test_matrix_links_point_at_existing_logs_and_tests(three_targets):
    run, _, _ = three_targets
    for result in run.matrix()["results"]:
        log, anchor = result["log_link"].split("#")
        tests = {test.id: test.name for test in ExecutionResult(str(run.outputdir / log.replace("log.html",
                                                                                              "output.xml"))).suite.all_tests}
        assert tests[anchor] == result["case"]


def test_no_url_runs_the_embedded_server_and_passes_robot_options_through(tmp_path):
    run = wscompliance(tmp_path, "--", "--test", "COMP-UPGRADE-BASELINE")
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.verdicts(EMBEDDED_LABEL) == {"COMP-UPGRADE-BASELINE": "PASS"}


def test_include_limits_the_cases_and_a_clean_target_exits_zero(tmp_path):
    with FixtureServer(BEHAVIOURS["answer-405-unless-get"]) as server:
        run = wscompliance(tmp_path, server.url, "--include", "method")
    assert run.returncode == 0, run.stdout + run.stderr
    verdicts = run.verdicts(server.url)
    assert set(verdicts) >= METHOD_CASES
    # A WARN does not fail the run: 405 where RFC 9110 §9.1 asks 501 for an unknown method.
    assert {case for case, verdict in verdicts.items() if verdict != "PASS"} == {"COMP-METHOD-UNKNOWN-501"}
    assert verdicts["COMP-METHOD-UNKNOWN-501"] == "WARN"


@pytest.mark.parametrize(("args", "message"), [
    (["ftp://127.0.0.1/"], "wscompliance: error: Target URL 'ftp://127.0.0.1/'"),
    (["--timeout", "soon"], "wscompliance: error: argument --timeout: 'soon' is not a time such as 5s"),
    (["--processes", "0"], "wscompliance: error: argument --processes/-p: '0' is not a whole number of at least 1"),
])
def test_bad_arguments_get_one_line_of_explanation(tmp_path, args, message):
    run = wscompliance(tmp_path, *args)
    assert run.returncode == 2
    assert run.stderr.strip().splitlines()[-1].startswith(message), run.stderr
    assert "Traceback" not in run.stderr


def test_a_run_that_produces_no_results_says_why_and_exits_like_robot(tmp_path):
    run = wscompliance(tmp_path, "--include", "no-such-tag")
    assert run.returncode == 252
    assert "no results: [ ERROR ] Suite 'embedded' contains no tests matching tag 'no-such-tag'." \
        in run.stdout
    assert "Traceback" not in run.stdout + run.stderr


def test_duplicate_targets_get_separate_folders(tmp_path):
    runs = plan_runs(["ws://127.0.0.1:8080/", "ws://127.0.0.1:8080/", "embedded"], tmp_path)
    assert [run.directory.name for run in runs] == ["ws-127.0.0.1-8080", "ws-127.0.0.1-8080-2", "embedded"]
    assert [run.url for run in runs] == ["ws://127.0.0.1:8080/", "ws://127.0.0.1:8080/", ""]


def test_every_suite_and_resource_file_ships_in_the_package():
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    shipped = {name: setuptools["package-dir"][package] for package in setuptools["package-data"]
               for name in [package] if package in setuptools["packages"]}
    assert set(shipped.values()) == {"suites", "resources"}
    for package, folder in shipped.items():
        patterns = setuptools["package-data"][package]
        files = {path for path in (ROOT / folder).rglob("*") if path.is_file() and "__pycache__" not in path.parts}
        # setuptools reads each pattern as a glob relative to the package folder.
        matched = {path for pattern in patterns for path in (ROOT / folder).glob(pattern)}
        assert files and files == matched
    assert bundled_suites() == ROOT / "suites"
