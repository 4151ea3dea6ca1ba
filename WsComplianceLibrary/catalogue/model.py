"""The shape of a catalogue entry: a case, the request it sends, the family (suite) it belongs to.

Catalogue modules per area (:mod:`.handshake`, ...) hold the data; this
module holds only the classes and the helpers that turn a case into Robot
tags and suite cells.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import import_module

__all__ = ["Case", "Family", "Recipe", "Template"]


@dataclass(frozen=True)
class Recipe:
    """The request a case sends: the standard handshake changed as listed.

    ``headers`` are overrides in the sense of
    :data:`WsComplianceLibrary.wire.http1.request.HeaderOverrides`: same name replaces
    in place, ``None`` removes, repeated names are sent repeatedly.
    ``fresh_key`` asks for a random ``Sec-WebSocket-Key`` instead of the
    RFC's sample, so a hard-coded answer cannot pass; only cases that check
    the accept value need one, the others send the sample key so their
    bytes are the same on every run.
    """

    method: str = "GET"
    http_version: str = "HTTP/1.1"
    headers: tuple[tuple[str, str | None], ...] = ()
    body: bytes | None = None
    fresh_key: bool = False


@dataclass(frozen=True)
class Template:
    """A template keyword of the family's resource file and the arguments it takes, as its ``[Arguments]`` lists them.

    Every row gives the ``required`` arguments; the ``optional`` ones (with a
    default in the resource) only when the case uses them. A test checks these
    against the resource files, so a template takes only the arguments its rows use.
    """

    keyword: str
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()

    @property
    def arguments(self) -> tuple[str, ...]:
        return self.required + self.optional


@dataclass(frozen=True)
class Family:
    """A group of cases that share one suite file and one resource file of templates.

    ``template`` is the suite's ``Test Template``: a keyword whose name
    states the rule most rows check; its required arguments are the columns
    of the table. ``templates`` maps the other rules some rows check to their
    own template, which those rows name in ``[Template]``. ``setup`` and
    ``teardown`` are the suite's setup and teardown keywords.
    """

    name: str
    suite: str
    title: str
    documentation: str
    template: Template
    templates: tuple[tuple[str, Template], ...] = ()
    setup: str = "Open Compliance Target"
    teardown: str = "Close Compliance Target"

    @property
    def resource(self) -> str:
        """The resource file of the family's templates, under ``resources/``: it mirrors the suite's path."""
        return self.suite.removesuffix(".robot") + ".resource"

    @property
    def columns(self) -> tuple[str, ...]:
        """The table's columns: the arguments of the suite's template that every row of it gives."""
        return self.template.required

    def template_for(self, case: Case) -> Template:
        """The template of ``case``'s row."""
        return dict(self.templates).get(case.expect, self.template)

    def cells(self, case: Case) -> dict[str, str]:
        """The arguments ``case``'s row gives its template, by argument name, in the order the catalogue gives them.

        ``ValueError`` when the case has a value its template does not take,
        or lacks one the template requires: the row would not send the case.
        """
        template = self.template_for(case)
        given = (_recipe_cells(case, template) if case.recipe is not None and not case.cells else
                 {name.replace(" ", "_"): value for name, value in case.cells})
        if "check" in template.arguments:
            given["check"] = _assertion_keyword(self, case)
        unknown = [name for name in given if name not in template.arguments]
        missing = [name for name in template.required if name not in given]
        if unknown or missing:
            problems = [f"{template.keyword} takes no {', '.join(unknown)}" if unknown else "",
                        f"it needs {', '.join(missing)}" if missing else ""]
            raise ValueError(f"{case.id}: {'; '.join(problem for problem in problems if problem)}.")
        return given

    def row(self, case: Case) -> tuple[str, ...]:
        """The cells of ``case``'s row, as Robot reads them.

        The values under the table's columns go by position, as far as the
        row's template takes them in that order; the rest go by name
        (``fragment_size=1``), as do values Robot would misread by position:
        an empty one, one that reads as a setting (``[...]``) or as a named
        argument.
        """
        template = self.template_for(case)
        cells = self.cells(case)
        positional = []
        for column, argument in zip(self.columns, template.arguments):
            value = cells.get(argument)
            misread = not value or value.startswith("[") or value.partition("=")[0] in template.arguments
            if column != argument or misread:
                break
            positional.append(argument)
        named = [f"{name}={value}" for name, value in cells.items() if name not in positional]
        return (*(cells[name] for name in positional), *named)


@dataclass(frozen=True)
class Case:
    """One compliance case: the rule, the probe and the expected outcome.

    ``recipe`` is the HTTP/1.1 handshake a case sends; cases of other areas
    (frames, HTTP/2) have none and give their template's arguments in
    ``cells``: only those the case uses, by name in lower case with spaces
    (``fragment size`` for the argument ``fragment_size``); an empty value
    only where emptiness is the point (an empty payload). A handshake case
    whose row says more than its request has both, and its row shows the
    ``cells`` (the security cases' ``foreign`` Origin stands for
    ``FOREIGN_ORIGIN``).
    """

    id: str
    family: str
    title: str
    rfc: tuple[str, ...]
    level: str
    recipe: Recipe | None
    expect: str
    says: str
    why: str
    extra_tags: tuple[str, ...] = field(default=())
    cells: tuple[tuple[str, str], ...] = field(default=())

    @property
    def tags(self) -> tuple[str, ...]:
        """Robot tags: one per RFC section (``rfc6455-4.1``), the level, the family."""
        sections = tuple(_section_tag(section) for section in self.rfc)
        return (*sections, self.level.replace(" ", "-"), self.family, *self.extra_tags)

    @property
    def passage(self) -> str:
        """What the RFC says and why it matters: said once in the suite, in full per case in ``docs/cases.*``."""
        return f"{self.says} Why it matters: {self.why}"


def _section_tag(section: str) -> str:
    document, _, number = section.partition(" §")
    return f"{document.replace(' ', '').lower()}-{number}"


def _recipe_cells(case: Case, template: Template) -> dict[str, str]:
    """The parts of ``case``'s request its template takes; ``ValueError`` when it would drop a change."""
    recipe = case.recipe
    assert recipe is not None
    parts = {"method": recipe.method, "version": recipe.http_version}
    if recipe.headers:
        parts["headers"] = _headers_cell(recipe.headers)
    if recipe.body is not None:
        parts["body"] = recipe.body.decode("latin-1")
    changed = [name for name in ("headers", "body") if name in parts]
    changed += [name for name, standard in (("method", "GET"), ("version", "HTTP/1.1")) if parts[name] != standard]
    dropped = [name for name in changed if name not in template.arguments]
    if dropped:
        raise ValueError(f"{case.id}: {template.keyword} takes no {', '.join(dropped)}, so the row would not send it.")
    return {name: value for name, value in parts.items() if name in template.arguments}


def _assertion_keyword(family: Family, case: Case) -> str:
    """The assertion keyword of ``case``'s rule, from the judges of the family's area (imported when asked)."""
    judges = import_module(f"..judges.{family.suite.split('/')[0]}", __package__)
    return judges.RULES[case.expect].keyword


def _headers_cell(headers: tuple[tuple[str, str | None], ...]) -> str:
    """A Python literal Robot converts back: a dict, or pairs when a name repeats."""
    if not headers:
        return ""

    def literal(value: str | None) -> str:
        return "None" if value is None else json.dumps(value)

    names = [name.lower() for name, _ in headers]
    if len(set(names)) == len(names):
        return "{" + ", ".join(f"{json.dumps(name)}: {literal(value)}" for name, value in headers) + "}"
    # A list of pairs: Robot converts a list literal to a list (a tuple literal only from Robot 7.4 on).
    return "[" + ", ".join(f"({json.dumps(name)}, {literal(value)})" for name, value in headers) + "]"
