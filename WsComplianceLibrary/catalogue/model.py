"""The shape of a catalogue entry: a case, the request it sends, the family (suite) it belongs to.

Catalogue modules per area (:mod:`.handshake`, ...) hold the data; this
module holds only the classes and the helpers that turn a case into Robot
tags and suite cells.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

__all__ = ["Case", "Family", "Recipe"]


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
class Family:
    """A group of cases that share one suite file and its columns.

    ``template`` is the suite's ``Test Template``: a keyword whose name
    states the rule most rows check. ``templates`` maps the other rules some
    rows check to their own template, which those rows name in
    ``[Template]``. ``setup`` and ``teardown`` are the suite's setup and
    teardown keywords, from the area's resource file.
    """

    name: str
    suite: str
    title: str
    documentation: str
    template: str
    columns: tuple[str, ...]
    templates: tuple[tuple[str, str], ...] = ()
    setup: str = "Open Compliance Target"
    teardown: str = "Close Compliance Target"

    def template_for(self, case: Case) -> str:
        """The template keyword of ``case``'s row."""
        return dict(self.templates).get(case.expect, self.template)

    def row(self, case: Case) -> tuple[str, ...]:
        """The template arguments that stand for ``case`` in its suite row: its ``cells`` when it has them, else
        its recipe's."""
        if case.cells:
            cells = {name.lower(): value for name, value in case.cells}
        else:
            from ..judges.handshake import RULES  # the rule table names each rule's assertion keyword

            recipe = case.recipe
            cells = {
                "method": recipe.method,
                "version": recipe.http_version,
                "headers": _headers_cell(recipe.headers),
                "body": (recipe.body or b"").decode("latin-1"),
                "check": RULES[case.expect].keyword,
            }
        values = [cells[column.lower()] for column in self.columns]
        while len(values) > 1 and not values[-1]:
            values.pop()
        return tuple(values)


@dataclass(frozen=True)
class Case:
    """One compliance case: the rule, the probe and the expected outcome.

    ``recipe`` is the HTTP/1.1 handshake a case sends; cases of other areas
    (HTTP/2) have none and give their suite row's cells, by column, in ``cells``.
    A handshake case whose row says more than its request (the security
    cases' ``foreign`` Origin stands for ``FOREIGN_ORIGIN``) has both.
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
    def documentation(self) -> str:
        """The test documentation: title, sections, what the RFC says and why it matters."""
        return f"{self.title}. {self.says} Why it matters: {self.why}"


def _section_tag(section: str) -> str:
    document, _, number = section.partition(" §")
    return f"{document.replace(' ', '').lower()}-{number}"


def _headers_cell(headers: tuple[tuple[str, str | None], ...]) -> str:
    """A Python literal Robot converts back: a dict, or pairs when a name repeats."""
    if not headers:
        return ""

    def literal(value: str | None) -> str:
        return "None" if value is None else json.dumps(value)

    names = [name.lower() for name, _ in headers]
    if len(set(names)) == len(names):
        return "{" + ", ".join(f"{json.dumps(name)}: {literal(value)}" for name, value in headers) + "}"
    # A tuple, because a cell starting with "[" would read as a Robot setting.
    return "(" + ", ".join(f"({json.dumps(name)}, {literal(value)})" for name, value in headers) + ")"
