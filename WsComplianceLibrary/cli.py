"""The ``wscompliance`` command: the bundled compliance suites against one or more targets, for nightly jobs.

``wscompliance [NAME=]URL [[NAME=]URL ...] [--targets TARGETS.toml] [--outputdir results]
[--baseline OLD/matrix.json] [--include TAG] [--exclude TAG] [--timeout 5s] [--processes N]
[--header "Name: value"] [--subprotocol NAME] [--ca-bundle PEM] [--client-cert PEM] [--client-key PEM]
[--proxy URL] [-- robot options]``

Each target gets its own ``robot`` run in a subfolder of the output
directory named after the target (``output.xml``, ``log.html``,
``report.html``, ``xunit.xml`` and the run's console text in
``console.txt``). Afterwards the outputs are combined with ``rebot`` into
``report.html``/``log.html``/``output.xml`` at the top, and
``matrix.html``/``matrix.json`` show every case against every target. With
no URL, or the word ``embedded`` as a URL, the suites start the embedded
reference server themselves.

``NAME=`` names a target: the name heads its reports, its matrix column and
its folder, and matches it with the same target in a ``--baseline``, the
``matrix.json`` of an earlier run whose changed verdicts the matrix and the
console then point out.

``--header`` (repeatable, as curl's ``-H``), ``--subprotocol``, the TLS
options and ``--proxy`` give every target the settings the suites read
from ``WS_HEADERS``, ``WS_SUBPROTOCOL``, ``CA_BUNDLE``, ``CLIENT_CERT``,
``CLIENT_KEY`` and ``WS_PROXY``; ``--targets`` reads named targets, each
with its own URL and settings, from a TOML file (see :func:`read_targets`).
The settings reach each ``robot`` run through its environment, never its
command line; a value may name an environment variable as ``%{NAME}``.

The exit code is that of ``robot``: 0 when no case failed, else the number
of failed cases (at most 250), or 252 when a run could not produce results;
2 for a bad argument.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from robot import rebot
from robot.errors import DataError
from robot.utils import timestr_to_secs

from .context import TARGET_NAME_RULE, is_usable_target_name
from .settings import SettingsError, parse_connection, parse_headers, parse_origin_check, parse_subprotocols
from .target_variables import ENVIRONMENT
from .matrix import Baseline, CaseVerdict, Change, TargetResult, baseline_argument, changed_cells, read_target, \
    write_matrix
from .target import TargetError, parse_target
from .version import __version__

__all__ = [
    "EMBEDDED", "TargetRun", "TargetsFileError", "bundled_suites", "exit_code", "main", "plan_runs", "read_targets",
    "robot_command", "split_target",
]

EMBEDDED = "embedded"
"""The target word for the embedded reference server (also what no URL at all means)."""

EMBEDDED_LABEL = "embedded reference server"

ROBOT_DATA_ERROR = 252
"""Robot's exit code for invalid data or options, used when a run leaves no readable output."""

MAX_FAILURES = 250
"""Robot caps its failure count exit code here; 251 and above mean errors."""


def bundled_suites() -> Path:
    """The compliance suites: shipped in the package when installed, at the checkout root otherwise."""
    package = Path(__file__).resolve().parent
    installed = package / "suites"
    return installed if installed.is_dir() else package.parent / "suites"


@dataclass(frozen=True)
class TargetRun:
    """One target, its name and the subfolder its results go to.

    ``url`` is empty for the embedded reference server; ``name`` is empty
    when the target was given without one.
    """

    url: str
    directory: Path
    name: str = ""
    settings: tuple[tuple[str, object], ...] = ()
    """Suite variables for this target only (``WS_HEADERS``, ``TIMEOUT``, ...), by name; they go to the run's
    environment, not its command line."""

    def variables(self, common: dict[str, object]) -> dict[str, object]:
        """The suite variables of this run: ``common`` (the command line's), then the target's own.

        Headers add up, the command line's first; any other setting of the target replaces the common one.
        """
        merged = dict(common)
        for name, value in self.settings:
            if name == "WS_HEADERS":
                merged[name] = [*merged.get(name, []), *value]  # type: ignore[misc]
            else:
                merged[name] = value
        return merged

    @property
    def url_label(self) -> str:
        """The target's URL, or what stands for the embedded reference server."""
        return self.url or EMBEDDED_LABEL

    @property
    def label(self) -> str:
        """How the target is named on the console and in the matrix: its name, else its URL."""
        return self.name or self.url_label

    @property
    def suite_name(self) -> str:
        """The top suite's name in this target's reports and the combined one: its name, else its folder's name.

        A folder name loses its dots: Robot reads dots in a suite name as
        levels of the full name, and shows ``://`` in one as a broken link;
        the URL itself is in the suite's Target metadata.
        """
        return self.name or self.directory.name.replace(".", "-")


def split_target(argument: str) -> tuple[str, str]:
    """A target argument as (name, URL): ``aiohttp=ws://h/ws`` gives both, a bare URL an empty name.

    A name cannot hold ``://``, so an ``=`` after it belongs to the URL's query.
    """
    name, separator, url = argument.partition("=")
    if separator and "://" not in name:
        return name, url
    return "", argument


def target_argument_problem(arguments: Sequence[str]) -> str | None:
    """Why the target arguments cannot be run, in one sentence, or None when they can."""
    names: dict[str, str] = {}
    for argument in arguments:
        name, url = split_target(argument)
        if name or argument.startswith("="):
            if not is_usable_target_name(name):
                return f"target name {name!r} in {argument!r} is not usable; use {TARGET_NAME_RULE}."
            # Folder names may be compared ignoring case, so two names that differ only in case would share one.
            if name.lower() in names:
                return f"target name {name!r} is given twice ({names[name.lower()]!r} and {argument!r}); give each " \
                       "target its own name."
            names[name.lower()] = argument
        if url != EMBEDDED:
            try:
                parse_target(url)
            except TargetError as error:
                return str(error)
    return None


def _slug(url: str) -> str:
    """A folder name for ``url`` made of safe characters, e.g. ``ws-127.0.0.1-8080-chat``."""
    if not url:
        return EMBEDDED
    slug = re.sub(r"[^A-Za-z0-9.]+", "-", url.replace("://", "-")).strip("-.")
    return slug[:80] or "target"


def plan_runs(arguments: Sequence[str], outputdir: Path) -> list[TargetRun]:
    """One :class:`TargetRun` per ``[NAME=]URL`` argument (the embedded target without any), each in its own folder.

    A named target's folder is its name; an unnamed one's is made from its
    URL, numbered when that folder is taken, by a name too (ignoring case).
    """
    targets = [split_target(argument) for argument in arguments] or [("", EMBEDDED)]
    taken = {name.lower() for name, _ in targets if name}
    runs: list[TargetRun] = []
    for name, url in targets:
        url = "" if url == EMBEDDED else url
        folder = name
        if not name:
            slug = _slug(url)
            folder, number = slug, 2
            while folder.lower() in taken:
                folder, number = f"{slug}-{number}", number + 1
            taken.add(folder.lower())
        runs.append(TargetRun(url, outputdir / folder, name))
    return runs


class TargetsFileError(ValueError):
    """A ``--targets`` file cannot be used; the message is one sentence saying why."""


_TARGET_KEYS = {
    "url": None, "headers": "WS_HEADERS", "subprotocol": "WS_SUBPROTOCOL", "timeout": "TIMEOUT",
    "verify_tls": "VERIFY_TLS", "ca_bundle": "CA_BUNDLE", "client_cert": "CLIENT_CERT", "client_key": "CLIENT_KEY",
    "proxy": "WS_PROXY", "foreign_origin": "FOREIGN_ORIGIN", "origin_check": "ORIGIN_CHECK",
}
"""The keys a target may have in a ``--targets`` file, and the suite variable each sets."""

_FILE_KEYS = ("ca_bundle", "client_cert", "client_key")


def read_targets(path: Path, outputdir: Path) -> list[TargetRun]:
    """The named targets of a TOML file, each with its own settings, in the file's order.

    The file has one table per target under ``targets``::

        [targets.staging]
        url = "wss://staging.example/ws"
        headers = ["Authorization: Bearer %{STAGING_TOKEN}"]   # or { Authorization = "..." }
        subprotocol = "graphql-transport-ws"
        timeout = "10s"
        verify_tls = true
        ca_bundle = "certs/ca.pem"          # relative to the file
        client_cert = "certs/client.pem"
        client_key = "certs/client.key"
        proxy = "http://proxy.example:3128" # or "env"

    Every value is checked; the first problem raises :class:`TargetsFileError` naming the target and key.
    """
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise TargetsFileError(f"cannot read the targets file '{path}': {error.strerror or error}.") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise TargetsFileError(f"the targets file '{path}' is not TOML: {error}.") from None
    targets = data.get("targets")
    if not isinstance(targets, dict) or not targets or set(data) != {"targets"}:
        raise TargetsFileError(f"the targets file '{path}' must hold [targets.NAME] tables and nothing else.")
    runs = []
    for name, table in targets.items():
        where = f"target {name!r} in '{path}'"
        if not is_usable_target_name(name):
            raise TargetsFileError(f"{where}: the name is not usable; use {TARGET_NAME_RULE}.")
        if not isinstance(table, dict) or not isinstance(table.get("url"), str):
            raise TargetsFileError(f"{where} has no url.")
        unknown = sorted(set(table) - set(_TARGET_KEYS))
        if unknown:
            raise TargetsFileError(f"{where} has unknown keys {', '.join(unknown)}; known: {', '.join(_TARGET_KEYS)}.")
        url = "" if table["url"] == EMBEDDED else table["url"]
        settings = {}
        for key, value in table.items():
            if key == "url":
                continue
            if key in _FILE_KEYS:
                value = str((path.parent / str(value)).resolve())
            settings[_TARGET_KEYS[key]] = value
        try:
            if url:
                parse_target(url)
            _check_settings(settings)
        except (TargetError, SettingsError, argparse.ArgumentTypeError) as error:
            raise TargetsFileError(f"{where}: {str(error).rstrip('.')}.") from None
        frozen = tuple((key, tuple(value) if isinstance(value, list) else value) for key, value in settings.items())
        runs.append(TargetRun(url, outputdir / name, name, frozen))
    return runs


def _check_settings(settings: dict[str, object]) -> None:
    """Raise the first problem of ``settings`` (suite variable name to value) as the suites would find it."""
    settings["WS_HEADERS"] = [f"{name}: {value}" for name, value in parse_headers(settings.get("WS_HEADERS"))]
    if not settings["WS_HEADERS"]:
        del settings["WS_HEADERS"]
    parse_subprotocols(settings.get("WS_SUBPROTOCOL"))
    parse_origin_check(settings.get("ORIGIN_CHECK"))
    parse_connection(settings.get("CA_BUNDLE"), settings.get("CLIENT_CERT"), settings.get("CLIENT_KEY"),
                     settings.get("WS_PROXY"))
    if "TIMEOUT" in settings:
        _timeout(str(settings["TIMEOUT"]))


def robot_command(run: TargetRun, suites: Path, timeout: str, include: Sequence[str], exclude: Sequence[str],
                  extra: Sequence[str]) -> list[str]:
    """The ``robot`` command line that runs ``suites`` against ``run``'s target into ``run.directory``.

    The target's settings are not on it: see :func:`run_environment`.
    """
    command = [
        sys.executable, "-m", "robot",
        "--name", run.suite_name,
        "--outputdir", str(run.directory),
        "--xunit", "xunit.xml",
        "--console", "dotted",
        "--consolecolors", "off",
        # The suites import the library from where this command runs it, checkout or installed package.
        "--pythonpath", str(Path(__file__).resolve().parent.parent),
        "--variable", f"WS_URL:{run.url}",
        "--variable", f"TIMEOUT:{timeout}",
        "--variable", f"TARGET_NAME:{run.name}",
        "--variablefile", str(Path(__file__).resolve().parent / "target_variables.py"),
    ]
    for tag in include:
        command += ["--include", tag]
    for tag in exclude:
        command += ["--exclude", tag]
    return [*command, *extra, str(suites)]


def run_environment(variables: dict[str, object]) -> dict[str, str]:
    """The environment of a ``robot`` run: this one, plus the target's suite variables for ``target_variables.py``."""
    return {**os.environ, ENVIRONMENT: json.dumps(variables)}


@dataclass(frozen=True)
class RunOutcome:
    """What one robot run left behind: its exit code, wall time and results (None when unreadable)."""

    run: TargetRun
    returncode: int
    wall_time: float
    result: TargetResult | None
    error: str


def _execute(run: TargetRun, command: list[str], progress: str, variables: dict[str, object]) -> RunOutcome:
    """Run ``command``, its console text going to ``console.txt``, and read the results it wrote.

    ``progress`` (e.g. ``[2/3]``) starts the console line printed when the run starts.
    """
    run.directory.mkdir(parents=True, exist_ok=True)
    named = f" ({run.url_label})" if run.name else ""
    _say(f"{progress} {run.label}{named}: running, results in {run.directory}")
    started = time.monotonic()
    with open(run.directory / "console.txt", "w", encoding="utf-8") as console:
        completed = subprocess.run(command, stdout=console, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   env=run_environment(variables))
    wall_time = time.monotonic() - started
    output = run.directory / "output.xml"
    try:
        result = read_target(output, run.url_label, run.name or None)
    except (DataError, OSError) as error:
        return RunOutcome(run, completed.returncode, wall_time, None, _last_error(run.directory / "console.txt", error))
    return RunOutcome(run, completed.returncode, wall_time, result, "")


def _last_error(console: Path, error: Exception) -> str:
    """The line robot printed about why it stopped, else the reading error."""
    lines = [line for line in console.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("[ ERROR ]")]
    return (errors or lines or [str(error)])[-1].strip()


_CONSOLE = threading.Lock()


def _say(line: str) -> None:
    """Print one whole line: runs report from several threads, and print() may split a line from its newline."""
    with _CONSOLE:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def summary(outcome: RunOutcome) -> str:
    """The console line for a finished target."""
    if outcome.result is None:
        return f"{outcome.run.label}  no results: {outcome.error}  (exit {outcome.returncode})"
    return outcome.result.summary_line()


def changes_summary(data: dict[str, object], baseline: Baseline) -> str:
    """The console lines on what changed since ``baseline`` in the matrix ``data``: a count, then one line a cell.

    For example::

        Since the baseline old/matrix.json: 1 new FAIL, 1 fixed, 0 new WARN, 0 changed, 0 not in baseline
          aiohttp  COMP-UPGRADE-POST  PASS -> FAIL  (new FAIL)
    """
    results: list[dict[str, object]] = data["results"]  # type: ignore[assignment]
    counts = {change: sum(result["change"] == str(change) for result in results) for change in Change}
    counted = ", ".join(f"{counts[change]} {change.label}" for change in Change)
    lines = [f"Since the baseline {baseline.path}: {counted}"]
    lines += [
        f"  {result['target']}  {result['case']}  {result['baseline_verdict']} -> {result['verdict']}  "
        f"({Change(result['change']).label})"
        for result in changed_cells(data)
    ]
    return "\n".join(lines)


def exit_code(outcomes: Sequence[RunOutcome]) -> int:
    """0 when no case failed; the failed count (capped at 250); 252 or robot's own error code when a run broke."""
    broken = [outcome.returncode for outcome in outcomes if outcome.result is None or outcome.returncode > MAX_FAILURES]
    if broken:
        return max(max(broken), ROBOT_DATA_ERROR)
    failed = sum(
        result.verdict is CaseVerdict.FAIL for outcome in outcomes if outcome.result for result in outcome.result.cases
    )
    return min(failed, MAX_FAILURES)


def combine(outcomes: Sequence[RunOutcome], outputdir: Path) -> Path | None:
    """The combined report of every target (``rebot`` of their outputs), or None when there is nothing to combine."""
    outputs = [str(outcome.run.directory / "output.xml") for outcome in outcomes if outcome.result]
    if not outputs:
        return None
    rebot(*outputs, name="WebSocket Compliance", outputdir=str(outputdir), output="output.xml",
          log="log.html", report="report.html", stdout=io.StringIO(), stderr=io.StringIO())
    return outputdir / "report.html"


def _timeout(value: str) -> str:
    """argparse type: a Robot time string such as ``5s``, ``500ms`` or ``1.5``, positive."""
    try:
        seconds = timestr_to_secs(value)
    except (DataError, ValueError):
        raise argparse.ArgumentTypeError(f"'{value}' is not a time such as 5s, 500ms or 1.5") from None
    if seconds <= 0:
        raise argparse.ArgumentTypeError(f"'{value}' is not a positive time")
    return value


def _processes(value: str) -> int:
    """argparse type: a whole number of at least 1."""
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number of at least 1")
    return int(value)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wscompliance",
        description="Run the WebSocket compliance suites against each target and write a report per target, a "
                    "combined report and a compliance matrix.",
        epilog="Arguments after -- are passed to every robot run, e.g. -- --loglevel DEBUG.",
    )
    parser.add_argument("targets", nargs="*", metavar="[NAME=]URL",
                        help="ws://, wss://, http:// or https:// target; 'embedded' or none for the "
                             f"embedded reference server; NAME names it ({TARGET_NAME_RULE})")
    parser.add_argument("--outputdir", "-d", type=Path, default=Path("results"),
                        help="where to write (default: results)")
    parser.add_argument("--include", "-i", action="append", default=[], metavar="TAG",
                        help="run only cases with this tag (repeatable, robot syntax)")
    parser.add_argument("--exclude", "-e", action="append", default=[], metavar="TAG",
                        help="skip cases with this tag (repeatable, robot syntax)")
    parser.add_argument("--baseline", type=baseline_argument, metavar="MATRIX_JSON",
                        help="matrix.json of an earlier run: mark every verdict that changed since, matching "
                             "targets by name (by URL when unnamed) and cases by ID")
    parser.add_argument("--timeout", type=_timeout, default="5s", help="bound on each exchange (default: 5s)")
    parser.add_argument("--processes", "-p", type=_processes, default=1, metavar="N",
                        help="targets run at the same time, one robot process each (default: 1)")
    parser.add_argument("--targets", type=Path, metavar="TOML", dest="targets_file",
                        help="named targets with their own URL, headers, subprotocol, timeout, TLS and proxy "
                             "settings, one [targets.NAME] table each")
    parser.add_argument("--header", "-H", action="append", default=[], metavar="'NAME: VALUE'",
                        help="header added to every request of every target (repeatable); a value may name an "
                             "environment variable as %%{NAME}")
    parser.add_argument("--subprotocol", metavar="NAME[,NAME]", help="subprotocols offered in every handshake")
    parser.add_argument("--ca-bundle", metavar="PEM", help="CAs to trust instead of the system's")
    parser.add_argument("--client-cert", metavar="PEM", help="client certificate for mutual TLS")
    parser.add_argument("--client-key", metavar="PEM", help="the client certificate's key, if not in its file")
    parser.add_argument("--proxy", metavar="URL", help="HTTP CONNECT proxy, http://[user:password@]host:port, or "
                                                     "'env' for HTTPS_PROXY/NO_PROXY")
    parser.add_argument("--version", action="version", version=f"wscompliance {__version__}")
    return parser


def _split_extra(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """``argv`` before ``--`` and the robot options after it."""
    argv = list(argv)
    if "--" in argv:
        index = argv.index("--")
        return argv[:index], argv[index + 1:]
    return argv, []


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``wscompliance``; returns the exit code."""
    own, extra = _split_extra(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    args = parser.parse_args(own)
    problem = target_argument_problem(args.targets)
    if problem:
        parser.error(problem)
    common = {name: value for name, value in (
        ("WS_HEADERS", args.header), ("WS_SUBPROTOCOL", args.subprotocol), ("CA_BUNDLE", args.ca_bundle),
        ("CLIENT_CERT", args.client_cert), ("CLIENT_KEY", args.client_key), ("WS_PROXY", args.proxy)) if value}
    try:
        _check_settings(common)
        from_file = read_targets(args.targets_file, args.outputdir) if args.targets_file else []
    except (SettingsError, TargetsFileError) as error:
        parser.error(str(error))
    suites = bundled_suites()
    runs = [*(plan_runs(args.targets, args.outputdir) if args.targets or not from_file else []), *from_file]
    folders = [run.directory.name.lower() for run in runs]
    if len(set(folders)) < len(folders):
        parser.error("a target of the targets file has the name of another target; give each target its own name.")
    commands = {run: robot_command(run, suites, dict(run.settings).get("TIMEOUT", args.timeout), args.include,
                                   args.exclude, extra) for run in runs}
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=args.processes) as pool:
        futures = [
            pool.submit(_execute, run, commands[run], f"[{number}/{len(runs)}]", run.variables(common))
            for number, run in enumerate(runs, 1)
        ]
        for future in as_completed(futures):
            _say(summary(future.result()))
        outcomes = [future.result() for future in futures]
    results = [outcome.result for outcome in outcomes if outcome.result]
    if results:
        report = combine(outcomes, args.outputdir)
        _, matrix, data = write_matrix(results, args.outputdir, args.baseline)
        if args.baseline:
            print(changes_summary(data, args.baseline))
        print(f"Report:  {report}\nMatrix:  {matrix}")
    print(f"{len(runs)} target(s) in {time.monotonic() - started:.1f} s")
    return exit_code(outcomes)


if __name__ == "__main__":
    sys.exit(main())
