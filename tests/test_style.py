"""The suites, resources and examples stay clean under robocop, with the project's committed configuration."""

import subprocess
import sys

from robotrun import ROOT


def robocop(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "robocop", *args, "suites", "resources", "examples"], cwd=ROOT,
                          capture_output=True, text=True)


def test_robocop_check_finds_nothing():
    result = robocop("check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_robocop_format_would_change_nothing():
    result = robocop("format", "--check", "--diff")
    assert result.returncode == 0, result.stdout + result.stderr
