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

from WsComplianceLibrary.catalogue import CASES, FAMILIES
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

    def changes(self, target: str) -> dict[str, tuple[str | None, str, str | None]]:
        """Case ID to (baseline verdict, verdict, change) for ``target``."""
        return {result["case"]: (result["baseline_verdict"], result["verdict"], result["change"])
                for result in self.matrix()["results"] if result["target"] == target}


def wscompliance(outputdir: Path, *args: str) -> Run:
    """Run the command as CI would, in a child process, with results in ``outputdir``."""
    completed = subprocess.run([sys.executable, "-m", "WsComplianceLibrary.cli", "--outputdir", str(outputdir), *args],
                               cwd=ROOT, capture_output=True, text=True, timeout=300)
    return Run(completed.returncode, completed.stdout, completed.stderr, outputdir)


FAMILY_AREAS = {family.name: family.suite.split("/")[0] for family in FAMILIES}
RUN_CASES = [case for case in CASES if FAMILY_AREAS[case.family] not in ("frames", "compression", "client")]
"""The cases the three-target run holds: the handshake and HTTP/2 areas (server targets never run the client area). Its fixture servers answer 101 and
hang up 0.2 s later, so each of the 270 frame cases would only wait for that; tests/test_frame_suites.py
and tests/test_compression_suites.py cover the frame and compression areas."""


@pytest.fixture(scope="module")
def three_targets(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Run, str, str]]:
    """The embedded reference server, a server that accepts any method and one that refuses with 405, in parallel."""
    outputdir = tmp_path_factory.mktemp("three")
    with FixtureServer(BEHAVIOURS["answer-101-to-any-method"]) as accepts_any, \
            FixtureServer(BEHAVIOURS["answer-405-unless-get"]) as refuses:
        yield wscompliance(outputdir, "embedded", accepts_any.url, refuses.url, "--processes", "3",
                           "--timeout", "2s", "--", "--suite", "Handshake", "--suite", "Http2"), accepts_any.url, refuses.url


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
    catalogue_ids = [case.id for case in RUN_CASES]
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
    tests_by_log: dict[str, dict[str, str]] = {}
    for result in run.matrix()["results"]:
        log, anchor = result["log_link"].split("#")
        if log not in tests_by_log:
            output = run.outputdir / log.replace("log.html", "output.xml")
            tests_by_log[log] = {test.id: test.name for test in ExecutionResult(str(output)).suite.all_tests}
        assert tests_by_log[log][anchor] == result["case"]


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


NAME_RULE = "use 1 to 64 letters, digits, '_' or '-', starting with a letter or digit."
BASELINE_FILES = {
    "not-json.json": "<html>not a matrix</html>",
    "foreign.json": '{"schema_version": 1, "results": []}',
    "future.json": '{"tool": "wscompliance", "schema_version": 99, "results": []}',
    "broken-results.json": '{"tool": "wscompliance", "schema_version": 2, "results": [{"case": "X"}]}',
}


@pytest.mark.parametrize(("args", "message"), [
    (["ftp://127.0.0.1/"], "wscompliance: error: Target URL 'ftp://127.0.0.1/'"),
    (["--timeout", "soon"], "wscompliance: error: argument --timeout: 'soon' is not a time such as 5s"),
    (["--processes", "0"], "wscompliance: error: argument --processes/-p: '0' is not a whole number of at least 1"),
    (["=ws://127.0.0.1:9/"], f"wscompliance: error: target name '' in '=ws://127.0.0.1:9/' is not usable; {NAME_RULE}"),
    (["a/b=ws://127.0.0.1:9/"], f"wscompliance: error: target name 'a/b' in 'a/b=ws://127.0.0.1:9/' is not usable; "
                                f"{NAME_RULE}"),
    (["my app=embedded"], f"wscompliance: error: target name 'my app' in 'my app=embedded' is not usable; {NAME_RULE}"),
    (["..=embedded"], f"wscompliance: error: target name '..' in '..=embedded' is not usable; {NAME_RULE}"),
    (["aiohttp=embedded", "AIOHTTP=ws://127.0.0.1:9/"],
     "wscompliance: error: target name 'AIOHTTP' is given twice ('aiohttp=embedded' and 'AIOHTTP=ws://127.0.0.1:9/'); "
     "give each target its own name."),
    (["svc=ftp://127.0.0.1/"], "wscompliance: error: Target URL 'ftp://127.0.0.1/' has scheme 'ftp'"),
    (["--baseline", "{tmp}/missing.json"],
     "wscompliance: error: argument --baseline: cannot read the baseline '{tmp}/missing.json': No such file or "
     "directory."),
    (["--baseline", "{tmp}/not-json.json"],
     "wscompliance: error: argument --baseline: the baseline '{tmp}/not-json.json' is not a matrix.json written by "
     "wscompliance: it is not JSON."),
    (["--baseline", "{tmp}/foreign.json"],
     "wscompliance: error: argument --baseline: the baseline '{tmp}/foreign.json' is not a matrix.json written by "
     'wscompliance: it has no "tool": "wscompliance".'),
    (["--baseline", "{tmp}/future.json"],
     "wscompliance: error: argument --baseline: the baseline '{tmp}/future.json' has schema_version 99; this "
     "wscompliance reads matrix.json schema 1 or 2."),
    (["--baseline", "{tmp}/broken-results.json"],
     "wscompliance: error: argument --baseline: the baseline '{tmp}/broken-results.json' is not a matrix.json written "
     "by wscompliance: its results are not a list of target, case and verdict."),
    (["--baseline", "{tmp}"], "wscompliance: error: argument --baseline: cannot read the baseline '{tmp}': Is a "
                              "directory."),
])
def test_bad_arguments_get_one_line_of_explanation(tmp_path, args, message):
    for name, text in BASELINE_FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    run = wscompliance(tmp_path / "results", *(arg.format(tmp=tmp_path) for arg in args))
    assert run.returncode == 2
    assert run.stderr.strip().splitlines()[-1].startswith(message.format(tmp=tmp_path)), run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "results").exists()


def test_a_run_that_produces_no_results_says_why_and_exits_like_robot(tmp_path):
    run = wscompliance(tmp_path, "--include", "no-such-tag")
    assert run.returncode == 252
    assert "no results: [ ERROR ] Suite 'embedded' contains no tests matching tag 'no-such-tag' and not matching " \
           "tag 'client'." \
        in run.stdout
    assert "Traceback" not in run.stdout + run.stderr


def test_duplicate_targets_get_separate_folders(tmp_path):
    runs = plan_runs(["ws://127.0.0.1:8080/", "ws://127.0.0.1:8080/", "embedded"], tmp_path)
    assert [run.directory.name for run in runs] == ["ws-127.0.0.1-8080", "ws-127.0.0.1-8080-2", "embedded"]
    assert [run.url for run in runs] == ["ws://127.0.0.1:8080/", "ws://127.0.0.1:8080/", ""]


def test_named_targets_get_their_name_as_folder_and_unnamed_ones_step_aside(tmp_path):
    runs = plan_runs(["embedded", "Embedded=ws://127.0.0.1:8080/?a=b", "ws://127.0.0.1:8080/?a=b", "ref=embedded"],
                     tmp_path)
    assert [(run.name, run.url, run.directory.name) for run in runs] == [
        ("", "", "embedded-2"),
        ("Embedded", "ws://127.0.0.1:8080/?a=b", "Embedded"),
        ("", "ws://127.0.0.1:8080/?a=b", "ws-127.0.0.1-8080-a-b"),
        ("ref", "", "ref"),
    ]
    assert [run.label for run in runs] == [EMBEDDED_LABEL, "Embedded", "ws://127.0.0.1:8080/?a=b", "ref"]
    assert [run.suite_name for run in runs] == ["embedded-2", "Embedded", "ws-127-0-0-1-8080-a-b", "ref"]


def test_named_targets_name_their_reports_folders_and_matrix_columns(tmp_path):
    with FixtureServer(BEHAVIOURS["answer-405-unless-get"]) as refuses:
        run = wscompliance(tmp_path, "reference=embedded", f"refuses={refuses.url}", refuses.url,
                           "--include", "method", "--processes", "2")
    assert run.returncode == 0, run.stdout + run.stderr
    unnamed = re.sub(r"[:/]+", "-", refuses.url).strip("-")
    assert sorted(path.name for path in tmp_path.iterdir() if path.is_dir()) == sorted(["reference", "refuses",
                                                                                        unnamed])
    for folder, name in (("reference", "reference"), ("refuses", "refuses"), (unnamed, unnamed.replace(".", "-"))):
        suite = ExecutionResult(str(tmp_path / folder / "output.xml")).suite
        assert suite.name == name
        # log.html and report.html are written from output.xml; the name heads both.
        for page in ("log.html", "report.html"):
            assert f'"{name}"' in (tmp_path / folder / page).read_text(encoding="utf-8"), (folder, page)
    assert ExecutionResult(str(tmp_path / "refuses" / "output.xml")).suite.metadata["Target Name"] == "refuses"
    combined = ExecutionResult(str(tmp_path / "output.xml")).suite
    assert [suite.name for suite in combined.suites] == ["reference", "refuses", unnamed.replace(".", "-")]

    matrix = run.matrix()
    assert matrix["schema_version"] == 2
    assert [(target["target"], target["name"], target["url"]) for target in matrix["targets"]] == [
        ("reference", "reference", EMBEDDED_LABEL), ("refuses", "refuses", refuses.url), (refuses.url, None,
                                                                                            refuses.url)]
    assert set(run.verdicts("refuses")) == METHOD_CASES
    assert run.verdicts("refuses") == run.verdicts(refuses.url)
    page = (tmp_path / "matrix.html").read_text(encoding="utf-8")
    assert '<a href="refuses/log.html">refuses</a><span class="url">' + refuses.url + "</span>" in page
    summaries = {match["target"] for match in SUMMARY.finditer(run.stdout)}
    assert summaries == {"reference", "refuses", refuses.url}, run.stdout
    assert f"refuses ({refuses.url}): running, results in " in run.stdout


def test_matrix_rows_come_under_the_catalogue_families_in_catalogue_order(three_targets):
    run, _, _ = three_targets
    cases = run.matrix()["cases"]
    groups = list(dict.fromkeys(case["group"] for case in cases))
    families = [family for family in FAMILIES if any(case.family == family.name for case in RUN_CASES)]
    assert groups == [f"{family.suite.split('/')[0]} \u203a {family.title}" for family in families]
    # Each group's rows are together: the group changes once per family.
    assert sum(1 for before, after in zip(cases, cases[1:]) if before["group"] != after["group"]) == len(families) - 1
    page = (run.outputdir / "matrix.html").read_text(encoding="utf-8")
    headings = re.findall(r'<tr class="group" id="group-(\d+)"><th colspan="6"><span>([^<]+)</span>', page)
    assert [heading.replace("&rsaquo;", "\u203a") for _, heading in headings] == groups
    # The summary has a row per family, linking to its heading, with a cell per target.
    summary = re.findall(r'<th class="family"><a href="#group-(\d+)">([^<]+)</a></th>', page)
    assert summary == headings
    assert page.count('<td class="verdict ') >= len(groups) * 3


def test_a_baseline_marks_every_changed_verdict_in_the_matrix_and_on_the_console(tmp_path):
    with FixtureServer(BEHAVIOURS["answer-405-unless-get"]) as refuses, \
            FixtureServer(BEHAVIOURS["answer-101-to-any-method"]) as accepts_any:
        # Last night: svc refused every other method (all PASS, one WARN), as did an unnamed target.
        night1 = wscompliance(tmp_path / "night1", f"svc={refuses.url}", refuses.url, "--include", "method",
                              "--processes", "2")
        # Tonight svc switches protocols on every method; the unnamed target, matched by its URL, did not change.
        night2 = wscompliance(tmp_path / "night2", f"svc={accepts_any.url}", refuses.url, "--include", "method",
                              "--baseline", str(tmp_path / "night1" / "matrix.json"), "--processes", "2")
        # A hand-made baseline with the other kinds of change, against which svc refuses again.
        edited = night2.matrix()
        for result in edited["results"]:
            if result["target"] == "svc":
                result["verdict"] = {"COMP-UPGRADE-PUT": "N/A", "COMP-METHOD-UNKNOWN-501": "PASS"}.get(
                    result["case"], result["verdict"])
        edited["results"] = [result for result in edited["results"] if result["case"] != "COMP-UPGRADE-TRACE"]
        (tmp_path / "edited.json").write_text(json.dumps(edited), encoding="utf-8")
        night3 = wscompliance(tmp_path / "night3", f"svc={refuses.url}", "--include", "method",
                              "--baseline", str(tmp_path / "edited.json"))
    assert night1.returncode == 0, night1.stdout + night1.stderr

    # The exit code still counts the failed cases, baseline or not.
    assert night2.returncode == len(METHOD_CASES), night2.stdout + night2.stderr
    assert night2.changes("svc") == {case: (("WARN" if case == "COMP-METHOD-UNKNOWN-501" else "PASS"), "FAIL",
                                            "new-fail") for case in METHOD_CASES}
    assert {change for _, _, change in night2.changes(refuses.url).values()} == {None}
    assert night2.matrix()["baseline"]["path"] == "../night1/matrix.json"
    assert f"Since the baseline {tmp_path / 'night1' / 'matrix.json'}: {len(METHOD_CASES)} new FAIL, 0 fixed, " \
           "0 new WARN, 0 changed, 0 not in baseline" in night2.stdout
    assert "  svc  COMP-UPGRADE-POST  PASS -> FAIL  (new FAIL)" in night2.stdout
    page = (tmp_path / "night2" / "matrix.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<td class="verdict FAIL new-fail"', page)) == len(METHOD_CASES)
    assert page.count('<span class="change">new FAIL, was PASS</span>') == len(METHOD_CASES) - 1

    assert night3.returncode == 0, night3.stdout + night3.stderr
    expected = {case: ("FAIL", "PASS", "fixed") for case in METHOD_CASES}
    expected |= {"COMP-UPGRADE-PUT": ("N/A", "PASS", "changed"),
                 "COMP-METHOD-UNKNOWN-501": ("PASS", "WARN", "new-warn"),
                 "COMP-UPGRADE-TRACE": (None, "PASS", "added")}
    assert night3.changes("svc") == expected
    assert "1 new WARN, 1 changed, 1 not in baseline" in night3.stdout
    assert "  svc  COMP-UPGRADE-PUT  N/A -> PASS  (changed)" in night3.stdout
    assert "  svc  COMP-METHOD-UNKNOWN-501  PASS -> WARN  (new WARN)" in night3.stdout
    assert "COMP-UPGRADE-TRACE  None" not in night3.stdout
    page = (tmp_path / "night3" / "matrix.html").read_text(encoding="utf-8")
    for classes, mark in (("PASS fixed", "fixed, was FAIL"), ("PASS changed", "changed, was N/A"),
                          ("WARN new-warn", "new WARN, was PASS")):
        assert f'<td class="verdict {classes}"' in page
        assert f'<span class="change">{mark}</span>' in page


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


FIXTURE_CLIENT = f"{sys.executable} {ROOT / 'tests' / 'clients' / 'fixture_client.py'} {{url}}"


def test_clients_are_columns_of_the_matrix_with_an_area_of_their_own(tmp_path):
    run = wscompliance(tmp_path, "--client", f"fixture={FIXTURE_CLIENT}",
                       "--client", f"ignores-accept={FIXTURE_CLIENT} --ignores-accept",
                       "--", "--test", "COMP-CLIENT-HS-ACCEPT-*")
    assert run.returncode == 2, run.stdout
    matrix = run.matrix()
    assert [target["target"] for target in matrix["targets"]] == ["fixture", "ignores-accept"]
    assert {case["area"] for case in matrix["cases"]} == {"client"}
    assert run.verdicts("fixture") == dict.fromkeys(
        ("COMP-CLIENT-HS-ACCEPT-WRONG", "COMP-CLIENT-HS-ACCEPT-CASE", "COMP-CLIENT-HS-ACCEPT-MISSING"), "PASS")
    assert run.verdicts("ignores-accept") == {"COMP-CLIENT-HS-ACCEPT-WRONG": "FAIL", "COMP-CLIENT-HS-ACCEPT-CASE": "FAIL",
                                              "COMP-CLIENT-HS-ACCEPT-MISSING": "PASS"}


@pytest.mark.parametrize(("client", "message"), [
    ("echo=python client.py", "wscompliance: error: the command of --client 'echo=python client.py' has no {url} "
                              "for the case's URL."),
    ("python client.py {url}", "wscompliance: error: --client 'python client.py {url}' does not start with a usable "
                               "NAME="),
])
def test_bad_client_arguments_get_one_line_of_explanation(tmp_path, client, message):
    run = wscompliance(tmp_path / "results", "--client", client)
    assert run.returncode == 2
    assert run.stderr.strip().splitlines()[-1].startswith(message), run.stderr
    assert not (tmp_path / "results").exists()
