"""The semantic areas of CATALOG.md and the levels of conformance.

Each area is a pytest marker (`-m late_binding`), a folder of hand-written cases
and a row of the report. Each level is a marker too (`-m language`).
"""

from __future__ import annotations

from dataclasses import dataclass

from generators.generate import EMPHASIS
from reports.schema import LEVELS  # the levels are part of the results format

__all__ = ["AREAS", "AREAS_BY_SLUG", "GENERATED_CHECKS", "LEVELS", "SYNTAX_ERRORS", "Area", "level_marker"]


@dataclass(frozen=True)
class Area:
    slug: str  # as in results files and case folders: "late-binding"
    title: str

    @property
    def marker(self) -> str:
        return self.slug.replace("-", "_")


AREAS = (
    Area("capture", "Capture of enclosing variables"),
    Area("cell-sharing", "Cells shared between closures"),
    Area("late-binding", "Late binding of free variables"),
    Area("nonlocal", "nonlocal rebinding"),
    Area("global", "global in nested functions"),
    Area("unbound", "Unbound locals and empty cells"),
    Area("closure-attribute", "The __closure__ attribute"),
    Area("cells", "Cell objects"),
    Area("class-scope", "Class bodies and closures"),
    Area("comprehension-scope", "Comprehension scopes"),
    Area("except-as", "except ... as unbinding"),
    Area("syntax-errors", "Compile-time scope errors"),
    Area("introspection", "Introspection of closures"),
    Area("lifetime", "Lifetime of captured objects"),
    Area("canonical", "Canonical tutorial programs"),
)

AREAS_BY_SLUG = {area.slug: area for area in AREAS}


def level_marker(level: str) -> str:
    return level.replace("-", "_")


SYNTAX_ERRORS = "syntax-errors"

# The generated properties, as (area, level): every area generation emphasises, at every
# level, and invalid programs (which must not compile) at the language level.
GENERATED_CHECKS = [(area, level) for area in EMPHASIS for level in LEVELS] + [(SYNTAX_ERRORS, "language")]
