"""The semantic areas of CATALOG.md and the levels of conformance.

Each area is a pytest marker (`-m late_binding`), a folder of hand-written cases
and a row of the report. Each level is a marker too (`-m language`). An area
with generated properties has one per level (the generator biases its programs
towards the area's constructs: generators/generate.py's EMPHASIS, keyed by the
same slugs); the invalid programs of `syntax-errors` are checked at the language
level only.
"""

from __future__ import annotations

from dataclasses import dataclass

from conformance.engine.schema import LEVELS

__all__ = ["AREAS", "AREAS_BY_SLUG", "GENERATED", "LEVELS", "SYNTAX_ERRORS", "Area", "marker"]


@dataclass(frozen=True)
class Area:
    slug: str  # as in results files and case folders: "late-binding"
    title: str
    generated: tuple[str, ...] = ()  # the levels it has generated properties at

    @property
    def marker(self) -> str:
        return marker(self.slug)


def marker(name: str) -> str:
    """The pytest marker of an area or a level: "late-binding" -> late_binding."""
    return name.replace("-", "_")


SYNTAX_ERRORS = "syntax-errors"

AREAS = (
    Area("capture", "Capture of enclosing variables", LEVELS),
    Area("cell-sharing", "Cells shared between closures", LEVELS),
    Area("late-binding", "Late binding of free variables", LEVELS),
    Area("nonlocal", "nonlocal rebinding", LEVELS),
    Area("global", "global in nested functions", LEVELS),
    Area("unbound", "Unbound locals and empty cells", LEVELS),
    Area("closure-attribute", "The __closure__ attribute", LEVELS),
    Area("cells", "Cell objects", LEVELS),
    Area("class-scope", "Class bodies and closures", LEVELS),
    Area("comprehension-scope", "Comprehension scopes", LEVELS),
    Area("except-as", "except ... as unbinding", LEVELS),
    Area("class-cell", "The __class__ cell and zero-argument super()", LEVELS),
    Area("annotation-scopes", "Type parameters and annotation scopes", LEVELS),
    Area(SYNTAX_ERRORS, "Compile-time scope errors", ("language",)),
    Area("introspection", "Introspection of closures", LEVELS),
    Area("lifetime", "Lifetime of captured objects"),
    Area("canonical", "Canonical tutorial programs"),
)

AREAS_BY_SLUG = {area.slug: area for area in AREAS}

# The generated properties, as (area, level), in catalogue order.
GENERATED = [(area.slug, level) for area in AREAS for level in area.generated]
