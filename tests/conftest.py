"""Shared fixtures: the reference server, aiohttp servers and our misbehaving fixture servers."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from robotrun import RunResult, run_robot  # noqa: E402
from servers import AiohttpServer, FixtureServer, BEHAVIOURS  # noqa: E402

from WsComplianceLibrary.reference_server import ReferenceServer  # noqa: E402


SLOW_REASON = "a slow test: python -m pytest --run-slow runs it (see README, Development)"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true",
                     help="also run the tests marked slow (load: twenty robot processes at once)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: a load test, run only with --run-slow (CI's full check runs it)")
    # The robot, libdoc and wscompliance processes the tests start would each compile the library again where
    # PYTHONDONTWRITEBYTECODE is set; they get a bytecode cache outside the checkout instead, as bench/run.py does.
    if os.environ.pop("PYTHONDONTWRITEBYTECODE", None):
        os.environ.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "wscompliance-pycache"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        return
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=SLOW_REASON))


@pytest.fixture(scope="session")
def reference_server() -> Iterator[ReferenceServer]:
    with ReferenceServer() as server:
        yield server


@pytest.fixture(scope="session")
def embedded_run(tmp_path_factory: pytest.TempPathFactory) -> RunResult:
    """The README's first command: every suite without the slow cases, against the embedded reference servers.

    Run once and judged by the handshake, frame and HTTP/2 tests alike; CI runs the slow cases of sections 9
    in a step of its own, and ``bash .ci/run --full`` the slow compression rows.
    """
    return run_robot(tmp_path_factory.mktemp("embedded"), options=("--exclude", "slow"))


@pytest.fixture(scope="session", params=["get", "any"], ids=["aiohttp-add_get", "aiohttp-any-method"])
def aiohttp_server(request: pytest.FixtureRequest) -> Iterator[AiohttpServer]:
    with AiohttpServer(routing=request.param) as server:
        yield server


@pytest.fixture
def fixture_server(request: pytest.FixtureRequest) -> Iterator[FixtureServer]:
    """A fixture server whose behaviour is the test's parameter (``indirect=True``)."""
    with FixtureServer(BEHAVIOURS[request.param]) as server:
        yield server
