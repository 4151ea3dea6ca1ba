"""The case catalogue: every compliance case, as data.

Each :class:`Case` names the rule it checks (RFC sections, requirement
level, what the RFC says, why it matters), the request that probes it
(:class:`Recipe`) and the expected outcome (:class:`Expect`). Each
:class:`Family` is one suite file: a template keyword that states the rule
and the columns its rows show. The suites in ``suites/`` are generated from
this module (``python -m WsComplianceLibrary.suitegen``) and a test fails
when they drift apart, so adding a case is adding a few lines here.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, field

__all__ = ["CASES", "FAMILIES", "Case", "Expect", "Family", "Recipe", "case_by_id"]


class Expect(str, enum.Enum):
    """The outcome rule a case applies."""

    NOT_101 = "not-101"
    """Any answer but ``101``; a close without answering passes; silence fails."""
    HANDSHAKE_ACCEPTED = "handshake-accepted"
    """``101`` with the ``Sec-WebSocket-Accept`` computed from the key sent."""


@dataclass(frozen=True)
class Recipe:
    """The request a case sends: the standard handshake changed as listed.

    ``headers`` are overrides in the sense of
    :data:`WsComplianceLibrary.request.HeaderOverrides`: same name replaces
    in place, ``None`` removes, repeated names are sent repeatedly.
    ``fresh_key`` asks for a random ``Sec-WebSocket-Key`` instead of the
    RFC's sample, so a hard-coded answer cannot pass.
    """

    method: str = "GET"
    http_version: str = "HTTP/1.1"
    headers: tuple[tuple[str, str | None], ...] = ()
    body: bytes | None = None
    fresh_key: bool = False


@dataclass(frozen=True)
class Family:
    """A group of cases that share one rule, one template keyword and one suite file."""

    name: str
    suite: str
    title: str
    documentation: str
    template: str
    columns: tuple[str, ...]

    def row(self, case: Case) -> tuple[str, ...]:
        """The template arguments that stand for ``case`` in its suite row."""
        recipe = case.recipe
        cells = {
            "method": recipe.method,
            "version": recipe.http_version,
            "headers": _headers_cell(recipe.headers),
            "body": (recipe.body or b"").decode("latin-1"),
        }
        values = [cells[column.lower()] for column in self.columns]
        while values and not values[-1]:
            values.pop()
        return tuple(values)


@dataclass(frozen=True)
class Case:
    """One compliance case: the rule, the probe and the expected outcome."""

    id: str
    family: str
    title: str
    rfc: tuple[str, ...]
    level: str
    recipe: Recipe
    expect: Expect
    says: str
    why: str
    extra_tags: tuple[str, ...] = field(default=())

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
    if not headers:
        return ""
    items = ", ".join(f"{json.dumps(name)}: {'None' if value is None else json.dumps(value)}" for name, value in headers)
    return "{" + items + "}"


_MUST_BE_GET = (
    'RFC 6455 §4.1: "The method of the request MUST be GET, and the HTTP version MUST be at least 1.1." '
    "§4.2.1: a handshake that does not match is not processed further and the server answers with an "
    "HTTP error such as 400 Bad Request."
)
_WHY_METHOD = (
    "A server that switches protocols on another method lets requests that caches, proxies and CSRF "
    "defences treat differently from GET open WebSocket connections, and shows it does not check the handshake."
)

FAMILIES: tuple[Family, ...] = (
    Family(
        name="baseline",
        suite="handshake_baseline.robot",
        title="Baseline",
        documentation=(
            "Positive control, RFC 6455 §4.1 and §4.2.2: a correct opening handshake must be accepted "
            "with 101 Switching Protocols and the right Sec-WebSocket-Accept. When it is not, the target "
            "is not a WebSocket endpoint at that URL and the other verdicts mean little."
        ),
        template="Correct Handshake Must Switch Protocols",
        columns=("Method", "Version"),
    ),
    Family(
        name="method",
        suite="upgrade_method.robot",
        title="Upgrade Method",
        documentation=(
            'RFC 6455 §4.1: "The method of the request MUST be GET"; §4.2.1: a server must refuse any other '
            "handshake, for example with 400. Every row sends the standard handshake with another method "
            "and expects anything but 101 Switching Protocols."
        ),
        template="Upgrade With Method Must Not Switch Protocols",
        columns=("Method", "Headers", "Body"),
    ),
)


def _method_case(case_id: str, method: str, title: str, **recipe: object) -> Case:
    return Case(
        id=case_id,
        family="method",
        title=title,
        rfc=("RFC 6455 §4.1", "RFC 6455 §4.2.1"),
        level="MUST",
        recipe=Recipe(method=method, **recipe),  # type: ignore[arg-type]
        expect=Expect.NOT_101,
        says=_MUST_BE_GET,
        why=_WHY_METHOD,
    )


CASES: tuple[Case, ...] = (
    Case(
        id="COMP-UPGRADE-BASELINE",
        family="baseline",
        title="A correct GET handshake with a fresh key is accepted",
        rfc=("RFC 6455 §4.1", "RFC 6455 §4.2.2"),
        level="MUST",
        recipe=Recipe(fresh_key=True),
        expect=Expect.HANDSHAKE_ACCEPTED,
        says=(
            "RFC 6455 §4.2.2: a server that accepts the connection answers 101 Switching Protocols with "
            "Sec-WebSocket-Accept set to base64(SHA-1(key + 258EAFA5-E914-47DA-95CA-C5AB0DC85B11))."
        ),
        why=(
            "It shows the URL really is a WebSocket endpoint; without it a wrong path gives a green "
            "report, because a 404 refuses every bad handshake too."
        ),
        extra_tags=("positive",),
    ),
    _method_case("COMP-UPGRADE-POST", "POST", "A WebSocket upgrade sent with POST is not answered 101"),
    _method_case("COMP-UPGRADE-PUT", "PUT", "A WebSocket upgrade sent with PUT is not answered 101"),
    _method_case("COMP-UPGRADE-DELETE", "DELETE", "A WebSocket upgrade sent with DELETE is not answered 101"),
    _method_case("COMP-UPGRADE-PATCH", "PATCH", "A WebSocket upgrade sent with PATCH is not answered 101"),
    _method_case("COMP-UPGRADE-OPTIONS", "OPTIONS", "A WebSocket upgrade sent with OPTIONS is not answered 101"),
    _method_case("COMP-UPGRADE-TRACE", "TRACE", "A WebSocket upgrade sent with TRACE is not answered 101"),
    _method_case("COMP-UPGRADE-CONNECT", "CONNECT", "A WebSocket upgrade sent with the CONNECT token is not answered 101"),
    _method_case(
        "COMP-UPGRADE-LOWERCASE-GET", "get",
        "A WebSocket upgrade sent with lowercase get is not answered 101 (methods are case-sensitive, RFC 9110 §9.1)",
    ),
    _method_case("COMP-UPGRADE-UNKNOWN-METHOD", "FOO", "A WebSocket upgrade sent with an unknown method token is not answered 101"),
    _method_case(
        "COMP-UPGRADE-POST-CL0", "POST", "A WebSocket upgrade sent with POST and Content-Length: 0 is not answered 101",
        headers=(("Content-Length", "0"),),
    ),
    _method_case(
        "COMP-UPGRADE-POST-BODY", "POST", "A WebSocket upgrade sent with POST and a short body is not answered 101",
        headers=(("Content-Length", "5"),), body=b"hello",
    ),
)


def case_by_id(case_id: str) -> Case:
    """The case named ``case_id``; ``KeyError`` when there is none."""
    for case in CASES:
        if case.id == case_id:
            return case
    raise KeyError(case_id)
