"""The suites are the catalogue's view: every case in exactly one row, with its documentation and tags."""

from __future__ import annotations

from collections import Counter

from robot.api import TestSuiteBuilder as SuiteBuilder
from robotrun import ROOT, SUITES

from WsComplianceLibrary import suitegen
from WsComplianceLibrary.catalogue import CASES, FAMILIES, case_by_id
from WsComplianceLibrary.catalogue import handshake


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
        assert test.template == family.template_for(case).keyword
        assert tuple(test.body[0].args) == family.row(case)
        assert " ".join(test.doc.split()) == f"{case.title}."
        assert set(test.tags) == set(case.tags)
        assert case.passage.split(" Why it matters: ")[1] in " ".join(test.parent.doc.split())


def test_rows_pass_only_the_cells_they_use_and_never_an_empty_placeholder():
    for path in SUITES.rglob("*.robot"):
        assert "${EMPTY}" not in path.read_text(encoding="utf-8"), path
    for family in FAMILIES:
        for case in (case for case in CASES if case.family == family.name):
            cells = family.cells(case)
            assert set(family.template_for(case).required) <= set(cells), case.id
            assert all(value or "=" in cell for value, cell in zip(cells.values(), family.row(case))), case.id


def test_each_template_takes_exactly_the_arguments_the_catalogue_gives_it():
    """The resource file of each family mirrors its suite and defines its templates with these arguments."""
    for family in FAMILIES:
        resource = ROOT / "resources" / family.resource
        keywords = _keywords(resource)
        for template in {family.template, *(template for _, template in family.templates)}:
            assert template.keyword in keywords, (family.resource, template.keyword)
            arguments = keywords[template.keyword].args
            assert tuple(arguments.positional) == template.arguments, template.keyword
            assert set(arguments.defaults) == set(template.optional), template.keyword


def _keywords(resource):
    """The keywords of ``resource`` and of the resources it imports from the same folder."""
    from robot.running.builder import ResourceFileBuilder

    built = ResourceFileBuilder().build(str(resource))
    keywords = {keyword.name: keyword for keyword in built.keywords}
    for imported in built.imports:
        if imported.type == "RESOURCE" and "/" not in imported.name:
            keywords = _keywords(resource.parent / imported.name) | keywords
    return keywords


def test_case_ids_are_unique_and_well_formed():
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))
    assert all(case_id.startswith("COMP-") and case_id == case_id.upper() for case_id in ids)
    assert all(case.level in {"MUST", "MUST NOT", "SHOULD", "SHOULD NOT", "MAY"} for case in CASES)


def test_suite_files_are_the_families():
    assert {path.relative_to(SUITES).as_posix() for path in SUITES.rglob("*.robot")} - {"__init__.robot"} == {
        family.suite for family in FAMILIES
    }
    assert {path.relative_to(ROOT / "resources").as_posix() for path in (ROOT / "resources").rglob("*.resource")
            if path.parent.name != "resources" and path.name != "common.resource"} == {
        family.resource for family in FAMILIES
    }


def test_every_rule_has_an_assertion_keyword_of_the_library():
    from WsComplianceLibrary import WsComplianceLibrary
    from WsComplianceLibrary.judges.handshake import RULES

    names = {name.replace("_", " ").lower() for name in WsComplianceLibrary().get_keyword_names()}
    assert {case.expect for case in handshake.CASES} <= set(RULES)
    assert {rule.keyword.lower() for rule in RULES.values()} <= names


def test_every_row_sends_the_case_request_then_asserts_its_rule_by_name():
    """The template of each row is a Send step, then the assertion keyword of the case's rule."""
    from robot.running.builder import ResourceFileBuilder

    from WsComplianceLibrary.judges.handshake import RULES

    templates = {keyword.name: keyword for resource in (ROOT / "resources" / "handshake").glob("*.resource")
                 for keyword in ResourceFileBuilder().build(str(resource)).keywords}
    families = {family.name: family for family in handshake.FAMILIES}
    for test in catalogue_tests():
        if test.parent.source.parent.name != "handshake":
            continue
        case = case_by_id(test.name)
        steps = [step.name for step in templates[test.template].body if getattr(step, "name", None)]
        sends = [index for index, name in enumerate(steps) if name.startswith("Send ")]
        assert len(sends) == 1, (case.id, steps)
        assertion = steps[sends[0] + 1:]
        expected = RULES[case.expect].keyword
        if "check" in families[case.family].columns:
            assert assertion == ["Run Keyword"] and test.body[0].args == (expected,), case.id
        else:
            assert assertion == [expected], (case.id, steps)
