"""Shared fixtures: the reference server, aiohttp servers and our misbehaving fixture servers."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from servers import AiohttpServer, FixtureServer, BEHAVIOURS  # noqa: E402

from WsComplianceLibrary.reference_server import ReferenceServer  # noqa: E402


@pytest.fixture(scope="session")
def reference_server() -> Iterator[ReferenceServer]:
    with ReferenceServer() as server:
        yield server


@pytest.fixture(scope="session", params=["get", "any"], ids=["aiohttp-add_get", "aiohttp-any-method"])
def aiohttp_server(request: pytest.FixtureRequest) -> Iterator[AiohttpServer]:
    with AiohttpServer(routing=request.param) as server:
        yield server


@pytest.fixture
def fixture_server(request: pytest.FixtureRequest) -> Iterator[FixtureServer]:
    """A fixture server whose behaviour is the test's parameter (``indirect=True``)."""
    with FixtureServer(BEHAVIOURS[request.param]) as server:
        yield server
