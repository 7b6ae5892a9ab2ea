"""CAMEO and PLOVER: the event ontologies as data, with one lookup API.

The table in ``data/cameo.tsv`` restates the published CAMEO codebook, Goldstein values
and the CAMEO-to-PLOVER crosswalk (see its header). Everything else in eventwire asks this
module what a code means, so the ontology lives in exactly one place.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from eventwire.errors import DataFileError

__all__ = ["CameoCode", "Ontology", "ontology", "PLOVER_CATEGORIES", "QUAD_CLASS_NAMES"]

PLOVER_CATEGORIES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

QUAD_CLASS_NAMES = {
    1: "Verbal Cooperation",
    2: "Material Cooperation",
    3: "Verbal Conflict",
    4: "Material Conflict",
}


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code and everything the ontology says about it."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_category: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


class Ontology:
    """Lookup over the CAMEO table; unknown codes raise, never silently pass."""

    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self._codes = codes

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def get(self, code: str) -> CameoCode:
        try:
            return self._codes[code]
        except KeyError:
            raise KeyError(f"unknown CAMEO code {code!r}") from None

    def codes(self) -> list[CameoCode]:
        return list(self._codes.values())

    def roots(self) -> list[CameoCode]:
        return [c for c in self._codes.values() if len(c.code) == 2]


def _load() -> Ontology:
    path = resources.files("eventwire.ontology") / "data" / "cameo.tsv"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    codes: dict[str, CameoCode] = {}
    for lineno, row in enumerate(csv.DictReader(lines, delimiter="\t"), start=2):
        try:
            codes[row["code"]] = CameoCode(
                code=row["code"],
                name=row["name"],
                goldstein=float(row["goldstein"]),
                quad_class=int(row["quad_class"]),
                plover_category=row["plover_category"] or None,
                plover_mode=row["plover_mode"] or None,
                plover_context=row["plover_context"] or None,
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise DataFileError(str(path), lineno, f"bad CAMEO row: {exc}") from exc
    return Ontology(codes)


@lru_cache(maxsize=1)
def ontology() -> Ontology:
    """The shipped ontology, loaded once."""
    return _load()
