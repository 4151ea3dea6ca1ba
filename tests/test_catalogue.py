"""The suites are the catalogue's view: every case in exactly one row, with its documentation and tags."""

from __future__ import annotations

from collections import Counter

from robot.api import TestSuiteBuilder as SuiteBuilder
from robotrun import ROOT, SUITES

from WsComplianceLibrary import suitegen
from WsComplianceLibrary.catalogue import CASES, FAMILIES, case_by_id


def catalogue_tests():
    """Every test of the suites, which are all generated."""
    return list(SuiteBuilder().build(str(SUITES)).all_tests)


def test_generated_suites_are_fresh():
    assert suitegen.main([str(SUITES), "--check"]) == 0, "run: python -m WsComplianceLibrary.suitegen"


def test_every_case_is_exactly_one_row_and_every_row_a_case():
    rows = Counter(test.name for test in catalogue_tests())
    assert rows == Counter(case.id for case in CASES)


def test_rows_carry_the_catalogue_recipe_documentation_and_tags():
    families = {family.name: family for family in FAMILIES}
    for test in catalogue_tests():
        case = case_by_id(test.name)
        family = families[case.family]
        assert test.parent.source.relative_to(SUITES).as_posix() == family.suite
        assert test.template == family.template
        assert tuple(test.body[0].args) == tuple(value or "${EMPTY}" for value in family.row(case))
        assert " ".join(test.doc.split()) == " ".join(case.documentation.split())
        assert set(test.tags) == set(case.tags)


def test_case_ids_are_unique_and_well_formed():
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))
    assert all(case_id.startswith("COMP-") and case_id == case_id.upper() for case_id in ids)
    assert all(case.level in {"MUST", "MUST NOT", "SHOULD", "SHOULD NOT", "MAY"} for case in CASES)


def test_suite_files_are_the_families():
    assert {path.relative_to(SUITES).as_posix() for path in SUITES.rglob("*.robot")} - {"__init__.robot"} == {
        family.suite for family in FAMILIES
    }
    assert (ROOT / "resources" / "handshake.resource").exists()


def test_every_expected_outcome_is_a_known_rule_and_fixed_rules_match_their_template():
    from WsComplianceLibrary.judges.handshake import RULES

    assert {case.expect for case in CASES} <= set(RULES)
    resource = (ROOT / "resources" / "handshake.resource").read_text(encoding="utf-8")
    for family in FAMILIES:
        if "Expected" in family.columns:
            continue
        rules = {case.expect for case in CASES if case.family == family.name}
        assert len(rules) == 1, f"{family.name} has no EXPECTED column, so all its cases must share one rule"
        body = resource.split(f"\n{family.template}\n", 1)[1].split("\n\n", 1)[0]
        assert f"    {rules.pop()}" in body, family.template
