"""Read gold-standard event files into one shape.

Two formats are accepted, one JSON object a line:

- PLOVER gold (the PLOVER GSR layout): ``text``, ``event`` (PLOVER category), ``source``
  and ``target`` lists of ``{actorText, code, sector}``, optional ``markup`` where
  ``(SRC/TAR: ...)`` marks actors that are both source and target;
- CAMEO gold: ``text``, ``source`` and ``target`` as actor code strings (``USAGOV``,
  ``RUS``) or lists of them, and ``cameo`` (the event code).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.jsonl import text_records

# The GSR was coded with an older PLOVER draft; these are its names in current PLOVER.
LEGACY_CATEGORIES = {
    "FIGHT": "ASSAULT",
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
}
# Nonstandard country codes found in gold files, and the ISO code they mean.
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "ROM": "ROU", "UK": "GBR"}


@dataclass(frozen=True)
class GoldActor:
    text: str
    code: str | None
    sector: str | None


@dataclass
class GoldRecord:
    id: str
    text: str
    category: str | None = None
    cameo: str | None = None
    source: list[GoldActor] = field(default_factory=list)
    target: list[GoldActor] = field(default_factory=list)
    date: str | None = None


def normalise_code(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    return LEGACY_CODES.get(code, code) or None


def normalise_sector(sector: str | None) -> str | None:
    """'CVLalb' -> 'CVL' (the suffix is an ethnic or group tag); '***' is no sector."""
    if not sector:
        return None
    s = sector.strip()[:3].upper()
    return s if s.isalpha() else None


def _plover_actor(a: dict[str, object]) -> GoldActor:
    return GoldActor(str(a.get("actorText") or ""), normalise_code(str(a.get("code") or "")),
                     normalise_sector(str(a.get("sector") or "")))


def _cameo_actor(code: str) -> GoldActor:
    code = code.strip().upper()
    return GoldActor(code, normalise_code(code[:3]), normalise_sector(code[3:6]))


def read_gold(path: Path) -> list[GoldRecord]:
    records = []
    for n, d in text_records(path):
        rid = str(d.get("id") or f"line-{n}")
        if "cameo" in d or "cameo_code" in d:
            src = d.get("source") or []
            tgt = d.get("target") or []
            records.append(GoldRecord(
                rid, d["text"], cameo=str(d.get("cameo") or d.get("cameo_code")),
                source=[_cameo_actor(c) for c in ([src] if isinstance(src, str) else src)],
                target=[_cameo_actor(c) for c in ([tgt] if isinstance(tgt, str) else tgt)],
                date=d.get("date")))
            continue
        cat = str(d.get("event") or "").upper() or None
        source = [_plover_actor(a) for a in d.get("source") or []]
        target = [_plover_actor(a) for a in d.get("target") or []]
        both = set(re.findall(r"\(SRC/TAR:\s*([^)]*)\)", str(d.get("markup") or "")))
        if both:
            shared = [a for a in source + target if a.text in both]
            source = _dedupe(source + shared)
            target = _dedupe(target + shared)
        records.append(GoldRecord(rid, d["text"], LEGACY_CATEGORIES.get(cat or "", cat),
                                  source=source, target=target, date=d.get("date")))
    return records


def _dedupe(actors: list[GoldActor]) -> list[GoldActor]:
    out: list[GoldActor] = []
    for a in actors:
        if a not in out:
            out.append(a)
    return out
