"""Read gold-standard event files into one shape.

Two formats are accepted, one JSON object a line:

- PLOVER gold (the PLOVER GSR layout): ``text``, ``event`` (PLOVER category), ``source``
  and ``target`` lists of ``{actorText, code, sector}``, optional ``markup`` where
  ``(SRC/TAR: ...)`` marks actors that are both source and target;
- CAMEO gold: ``text``, ``source`` and ``target`` as actor code strings (``USAGOV``,
  ``RUS``) or lists of them, and ``cameo`` (the event code). The names other CAMEO
  datasets use for these fields are read too (``source_code``, ``Actor1Code``,
  ``event_code``, ``EventCode``, ``sentence`` ...).

A record may carry both a PLOVER ``event`` and a ``cameo`` code (the project's own
held-out sentences do); ``event: NONE`` marks a sentence with no event to code.
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
    """'USAGOV' -> USA, GOV; a whole code that names an organisation ('NATO', 'IGAD')
    stays whole; CAMEO's IGO prefix ('IGOUNO') is an organisation."""
    from eventwire.actors.kb import default_kb

    code = code.strip().upper()
    if code in default_kb().organisations or code.startswith("IGO"):
        return GoldActor(code, "IGO" if code.startswith("IGO") else code, None)
    return GoldActor(code, normalise_code(code[:3]), normalise_sector(code[3:6]))


def _actor(a: object) -> GoldActor:
    """A code string ('USAGOV') or a PLOVER actor object; an object with no sector field
    whose code runs past three letters carries its sector in the code, CAMEO style."""
    if isinstance(a, dict):
        code = str(a.get("code") or "")
        if "sector" not in a and len(code) in {6, 9} and code.isalpha():
            return _cameo_actor(code)
        return _plover_actor(a)
    return _cameo_actor(str(a))


# Field names the CAMEO-coded datasets of the field use for the same thing: the
# PETRARCH/Phoenix validation sets, GDELT/ICEWS-style exports, and our own layout.
CAMEO_FIELDS = ("cameo", "cameo_code", "event_code", "eventcode", "EventCode", "CAMEOCode", "code")
SOURCE_FIELDS = ("source", "source_code", "source_actor", "src", "actor1", "Actor1Code")
TARGET_FIELDS = ("target", "target_code", "target_actor", "tgt", "actor2", "Actor2Code")
TEXT_FIELDS = ("text", "sentence", "content")


def _first(d: dict[str, object], names: tuple[str, ...]) -> object:
    return next((d[k] for k in names if k in d and d[k] not in (None, "")), None)


def _actors(value: object) -> list[GoldActor]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [_actor(a) for a in items if a not in (None, "")]


def read_gold(path: Path) -> list[GoldRecord]:
    """Gold records from a JSONL file in either layout; a record may carry both a PLOVER
    category (``event``) and a CAMEO code, and is then scored on both."""
    records = []
    for n, d in text_records(path, TEXT_FIELDS):
        rid = str(d.get("id") or f"line-{n}")
        text = d["text"]
        cameo_raw = _first(d, CAMEO_FIELDS) if not isinstance(d.get("code"), dict) else None
        cameo = str(cameo_raw).strip() if cameo_raw is not None else None
        if cameo is not None and not cameo.isdigit():
            cameo = None
        if cameo is not None and len(cameo) == 1:
            cameo = "0" + cameo  # a root written as a number: 4 -> 04
        cat = str(d.get("event") or "").upper() or None
        source = _actors(_first(d, SOURCE_FIELDS))
        target = _actors(_first(d, TARGET_FIELDS))
        both = set(re.findall(r"\(SRC/TAR:\s*([^)]*)\)", str(d.get("markup") or "")))
        if both:
            shared = [a for a in source + target if a.text in both]
            source = _dedupe(source + shared)
            target = _dedupe(target + shared)
        date = d.get("date")
        records.append(GoldRecord(rid, text, LEGACY_CATEGORIES.get(cat or "", cat), cameo=cameo,
                                  source=source, target=target,
                                  date=str(date) if date else None))
    return records


def _dedupe(actors: list[GoldActor]) -> list[GoldActor]:
    out: list[GoldActor] = []
    for a in actors:
        if a not in out:
            out.append(a)
    return out
