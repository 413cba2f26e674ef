"""Check identities and the signatures of differences: how a check, and a way it fails, are named.

A check is one line of the results file and one pytest test:

    case:<area>/<name>           a hand-written case (conformance/cases/<area>/<name>.py)
    generated:<area>/<level>     a generated property

A *signature* names the way a program differs, with its program-specific parts
left out (which probe, which values): `compile:none->SyntaxError`,
`exception:NameError->UnboundLocalError`, `run:crash-SIGSEGV`, `type:function->cell`,
`value`, `co_freevars`. It is made from the first difference, so two programs
that meet the same interpreter bug usually share it. Expectation files name a
way of differing as `<check id>#<signature>` (a *signed* id).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from conformance.engine.schema import CASE, GENERATED

if TYPE_CHECKING:
    from conformance.engine.records import Difference


@dataclass(frozen=True)
class Check:
    id: str
    area: str
    level: str

    @classmethod
    def case(cls, name: str, area: str, level: str) -> Check:
        """The check of a case file; `name` is `<area>/<file stem>`."""
        return cls(CASE + name, area, level)

    @classmethod
    def generated(cls, area: str, level: str) -> Check:
        return cls("%s%s/%s" % (GENERATED, area, level), area, level)

    @property
    def is_generated(self) -> bool:
        return self.id.startswith(GENERATED)

    def signed(self, signature: str) -> str:
        """The id of one way this check differs, as expectation files name it."""
        return signed(self.id, signature)

    def slug(self) -> str:
        """The id as a file name part: generated:global/language -> generated-global-language."""
        return self.id.replace(":", "-").replace("/", "-")


def signed(check_id: str, signature: str) -> str:
    return "%s#%s" % (check_id, signature)


def signature(differences: Sequence[Difference]) -> str:
    """The way a program differs: its first difference, without probes or values."""
    if not differences:
        return ""
    first = differences[0]
    facet = first.facet
    if first.facet == "run":  # a fault: crash, timeout, protocol-error, with the signal if any
        outcome = first.observed.split(":")[0]
        signal = re.search(r"SIG[A-Z]+", first.observed)
        return "run:%s" % (outcome + ("-" + signal.group(0) if signal else ""))
    if facet.startswith("cell"):  # a closure's cell for a name, or a probed cell
        return "cell-identity" if facet.endswith(" identity") else "cell"
    if facet in ("compile", "uncaught exception", "exception", "outcome", "type"):
        return "%s:%s->%s" % (facet.replace(" ", "-"), _kind(first.expected), _kind(first.observed))
    if facet == "probe":
        return "probe:%s" % ("never-reached" if first.observed == "never reached" else "reached")
    return facet.replace(" ", "-")


def _kind(shown: str) -> str:
    """`raises NameError: ...` -> NameError, `returns 3` -> value, `none` -> none, `E (a subclass of F)` -> E."""
    if shown.startswith("returns "):
        return "value"
    return shown.removeprefix("raises ").split(":", maxsplit=1)[0].split(" (", maxsplit=1)[0].replace(" ", "-")
