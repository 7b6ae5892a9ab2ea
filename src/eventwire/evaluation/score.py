"""Score coded events against gold records.

For each gold sentence the coder's events are grouped by trigger (a reciprocal event
coded as two directed events counts as one), and the first group is the coder's answer
("top-1"): the coder lists the main clause's event first, the one a user would read first. A second, looser number
("any") asks whether any group the coder produced matches the gold category; it shows
how much is lost to choosing the wrong event of several.

Countries are compared as sets over the actors that carry a code (for a joint act coded
both ways, "X and Y agreed", the set of sides is compared, since gold files differ on
which side they call the source); an international
organisation counts as ``IGO`` and a non-governmental one as ``NGO``, as the GSR codes
them. A field is scored only where the gold record fills it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from eventwire.evaluation.gold import LEGACY_CATEGORIES, GoldActor, GoldRecord
from eventwire.types import Actor, Event


@dataclass
class Group:
    category: str | None
    cameo: str
    source: set[str]
    target: set[str]
    source_sectors: set[str]
    events: list[Event] = field(default_factory=list)
    reciprocal: bool = False


def _code(a: Actor) -> str | None:
    """The actor's code as gold files write it: organisations as IGO or NGO."""
    from eventwire.actors.kb import default_kb

    org = default_kb().organisations.get(a.country or "")
    if org in {"IGO", "NGO"}:
        return org
    if a.sector in {"IGO", "NGO"} and a.country is None:
        return a.sector
    return a.country


def _plover_sector(sector: str) -> str | None:
    """A sector as PLOVER gold codes it (sectors.yaml): INS and SEP are REB, rights and
    environmental groups are SOC, and IGO is no sector (the organisation is the actor)."""
    from eventwire.actors.kb import default_kb

    table = default_kb().plover_sectors
    return table.get(sector, sector) if sector in table else sector


def groups(events: Iterable[Event]) -> list[Group]:
    """Events grouped by trigger, in the coder's order (main-clause events first)."""
    out: dict[tuple[int, int], Group] = {}
    for e in events:
        key = (e.sentence_index, e.trigger.start)
        g = out.setdefault(key, Group(e.plover_category, e.cameo, set(), set(), set()))
        g.source |= {c for a in e.source if (c := _code(a))}
        g.target |= {c for a in e.target if (c := _code(a))}
        g.source_sectors |= {s for a in e.source if a.sector and (s := _plover_sector(a.sector))}
        g.events.append(e)
        g.reciprocal = g.reciprocal or e.attributes.get("reciprocal") == "true"
    return list(out.values())


def _codes(actors: list[GoldActor]) -> set[str]:
    """Gold codes compared as the coder's are: a named organisation ('UN', 'AU') as IGO or NGO."""
    from eventwire.actors.kb import default_kb

    orgs = default_kb().organisations
    out = set()
    for a in actors:
        if a.code:
            org = orgs.get(a.code)
            out.add(org if org in {"IGO", "NGO"} else a.code)
    return out


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += int(ok)

    @property
    def rate(self) -> float | None:
        return round(self.right / self.total, 4) if self.total else None


@dataclass
class Report:
    n: int = 0
    category: Tally = field(default_factory=Tally)
    category_any: Tally = field(default_factory=Tally)
    cameo_root: Tally = field(default_factory=Tally)
    cameo_full: Tally = field(default_factory=Tally)
    source_country: Tally = field(default_factory=Tally)
    target_country: Tally = field(default_factory=Tally)
    source_sector: Tally = field(default_factory=Tally)
    full_match: Tally = field(default_factory=Tally)
    no_event: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    rows: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        def t(x: Tally) -> dict[str, Any]:
            return {"accuracy": x.rate, "right": x.right, "scored": x.total}

        return {
            "records": self.n,
            "no_event_coded": self.no_event,
            "plover_category": t(self.category),
            "plover_category_any_event": t(self.category_any),
            "cameo_root": t(self.cameo_root),
            "cameo_code": t(self.cameo_full),
            "source_country": t(self.source_country),
            "target_country": t(self.target_country),
            "source_sector": t(self.source_sector),
            "full_match": t(self.full_match),
            "category_mapping": LEGACY_CATEGORIES,
        }

    def confusion_table(self) -> dict[str, dict[str, int]]:
        table: dict[str, dict[str, int]] = {}
        for (gold, pred), n in sorted(self.confusion.items()):
            table.setdefault(gold, {})[pred] = n
        return table


def score(gold: list[GoldRecord], predicted: list[list[Event]]) -> Report:
    rep = Report()
    for rec, events in zip(gold, predicted, strict=True):
        rep.n += 1
        gs = groups(events)
        if rec.category and not (rec.cameo or "").startswith("01"):
            # PLOVER does not code CAMEO 01 statements: the PLOVER output holds the rest
            gs = [g for g in gs if g.category] or gs
        top = gs[0] if gs else None
        if top is None:
            rep.no_event += 1
        pred_cat = (top.category or "NONE") if top else "NONE"
        row: dict[str, Any] = {"id": rec.id, "text": rec.text, "predicted": pred_cat,
                               "events": [e.to_dict() for e in events]}
        cat_ok = src_ok = tgt_ok = True
        if rec.category:
            cat_ok = pred_cat == rec.category
            rep.category.add(cat_ok)
            rep.category_any.add(any((g.category or "NONE") == rec.category for g in gs)
                                 or (not gs and rec.category == "NONE"))
            rep.confusion[(rec.category, pred_cat)] += 1
            row["gold"] = rec.category
        if rec.cameo:
            rep.cameo_root.add(bool(top) and top.cameo[:2] == rec.cameo[:2])  # type: ignore[union-attr]
            rep.cameo_full.add(bool(top) and top.cameo == rec.cameo)  # type: ignore[union-attr]
            if not rec.category:  # a CAMEO-only record: the root stands for the category
                cat_ok = bool(top) and top.cameo[:2] == rec.cameo[:2]  # type: ignore[union-attr]
            row["gold_cameo"] = rec.cameo
        gsrc, gtgt = _codes(rec.source), _codes(rec.target)
        psrc = top.source if top else set()
        ptgt = top.target if top else set()
        if top is not None and top.reciprocal and gsrc:
            # "Peru and Ecuador agreed ...": a joint act has no direction, and gold files
            # differ on which side they call the source; the sides must be the same
            sides = psrc | ptgt
            src_ok = gsrc <= sides and (gsrc | gtgt) == sides
            rep.source_country.add(src_ok)
            if gtgt:
                tgt_ok = gtgt <= sides and (gsrc | gtgt) == sides
                rep.target_country.add(tgt_ok)
        else:
            if gsrc:
                src_ok = psrc == gsrc
                rep.source_country.add(src_ok)
            if gtgt:
                tgt_ok = ptgt == gtgt
                rep.target_country.add(tgt_ok)
            elif not rec.target:
                tgt_ok = not ptgt or ptgt == gsrc
        gsec = {a.sector for a in rec.source if a.sector}
        if gsec:
            rep.source_sector.add(bool(top) and gsec == top.source_sectors)  # type: ignore[union-attr]
        rep.full_match.add(cat_ok and src_ok and tgt_ok)
        row.update(gold_source=sorted(gsrc), gold_target=sorted(gtgt), pred_source=sorted(psrc),
                   pred_target=sorted(ptgt), category_ok=cat_ok, source_ok=src_ok, target_ok=tgt_ok)
        rep.rows.append(row)
    return rep


THRESHOLDS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9)


def precision_at(rep: Report, thresholds: Iterable[float] = THRESHOLDS) -> list[dict[str, Any]]:
    """What a confidence threshold buys: for each threshold, the sentences whose answer
    (first PLOVER event) is at or above it, the share of those with the right category
    (precision) and the share of all gold sentences answered right (recall)."""
    scored = [r for r in rep.rows if r.get("gold")]
    out = []
    for t in thresholds:
        kept = right = 0
        for r in scored:
            top = next((e for e in r["events"] if e.get("plover_category")), None)
            if top is None or top["confidence"] < t:
                continue
            kept += 1
            right += int(r["category_ok"])
        out.append({"threshold": t, "kept": kept, "precision": round(right / kept, 3) if kept else None,
                    "recall": round(right / len(scored), 3) if scored else None})
    return out
