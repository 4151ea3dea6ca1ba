"""The case catalogue: every compliance case, as data, by area.

Each :class:`Case` names the rule it checks (RFC sections, requirement
level, what the RFC says, why it matters), what it sends and what it
expects. Each :class:`Family` is one suite file. The suites in ``suites/``
and the case pages in ``docs/`` are generated from the catalogue
(``python -m WsComplianceLibrary.suitegen``) and a test fails when they
drift apart, so adding a case is adding a few lines to an area's module.
"""

from __future__ import annotations

from . import client, compression, frames, handshake, http2
from .model import Case, Family, Recipe, Template

__all__ = ["CASES", "FAMILIES", "Case", "Family", "Recipe", "Template", "case_by_id"]

FAMILIES: tuple[Family, ...] = handshake.FAMILIES + http2.FAMILIES
FAMILIES += frames.FAMILIES + compression.FAMILIES
FAMILIES += client.FAMILIES
CASES: tuple[Case, ...] = handshake.CASES + http2.CASES
CASES += frames.CASES + compression.CASES
CASES += client.CASES


def case_by_id(case_id: str) -> Case:
    """The case named ``case_id``; ``KeyError`` when there is none."""
    for case in CASES:
        if case.id == case_id:
            return case
    raise KeyError(case_id)
