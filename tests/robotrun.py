"""Running the suites with ``robot`` in a child process and reading verdicts back from output.xml."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from robot.api import ExecutionResult, ResultVisitor

ROOT = Path(__file__).resolve().parent.parent
SUITES = ROOT / "suites"


@dataclass(frozen=True)
class TestVerdict:
    status: str
    message: str
    elapsed: float


@dataclass
class RunResult:
    returncode: int
    verdicts: dict[str, TestVerdict]
    output: Path
    console: str

    def statuses(self) -> dict[str, str]:
        return {name: verdict.status for name, verdict in self.verdicts.items()}


class _Collector(ResultVisitor):
    def __init__(self) -> None:
        self.verdicts: dict[str, TestVerdict] = {}

    def visit_test(self, test) -> None:  # noqa: ANN001 - robot's own type
        self.verdicts[test.name] = TestVerdict(test.status, test.message, test.elapsed_time.total_seconds())


def run_robot(outputdir: Path, *paths: Path | str, url: str | None = None, timeout: str | None = None,
              options: tuple[str, ...] = ()) -> RunResult:
    """Run ``robot`` on ``paths`` (default: every suite) against ``url`` and collect each test's verdict."""
    command = [sys.executable, "-m", "robot", "--outputdir", str(outputdir), "--console", "dotted"]
    if url:
        command += ["--variable", f"WS_URL:{url}"]
    if timeout:
        command += ["--variable", f"TIMEOUT:{timeout}"]
    command += [*options, *(str(path) for path in (paths or (SUITES,)))]
    completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    output = outputdir / "output.xml"
    collector = _Collector()
    ExecutionResult(str(output)).visit(collector)
    return RunResult(completed.returncode, collector.verdicts, output, completed.stdout + completed.stderr)
