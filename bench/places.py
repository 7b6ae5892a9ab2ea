"""Event locations against a gold list of sentences with the place of their main event.

    python bench/places.py [--gold bench/data/places_gold.jsonl] [--errors]

For each sentence the event whose trigger is the gold trigger word is located (its own
locative phrase, see src/eventwire/places/locate.py) and compared with the gold place:

- country: the location's country equals the gold country (sentences with a place);
- city: the location is the gold city (sentences whose place is a city);
- region: the location is a region with the gold's name (sentences whose place is a region);
- none: no location where the gold has none (capitals as actors, places of other clauses);
- level: the location's level (city, admin1, country, none) equals the gold's.

A sentence whose trigger the coder does not code counts as "none" predicted.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eventwire.pipeline import Coder
from eventwire.places.gazetteer import fold, region_keys

GOLD = Path(__file__).resolve().parent / "data" / "places_gold.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--errors", action="store_true", help="print each miss")
    args = ap.parse_args()
    if not args.gold.exists():
        print(f"gold file not found: {args.gold}", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in args.gold.open() if line.strip()]
    tally = score(rows, Coder(), args.errors)
    print(f"sentences           {len(rows)}")
    for k, (n, d) in tally.items():
        print(f"{k:18s} {n / d if d else 0:6.3f} ({n}/{d})")
    return 0


def score(rows: list[dict], coder: Coder, errors: bool = False) -> dict[str, list[int]]:
    """[right, total] per measure."""
    tally = {k: [0, 0] for k in ("country", "city", "region", "none", "level", "trigger coded")}
    for r in rows:
        events = coder.code(r["text"], date=r["date"])
        hit = next((e for e in events if e.trigger.text.lower() == r["trigger"].lower()), None)
        loc = hit.location if hit else None
        level = loc.kind if loc else "none"
        tally["trigger coded"][0] += hit is not None
        tally["trigger coded"][1] += 1
        ok_level = level == r["level"]
        tally["level"][0] += ok_level
        tally["level"][1] += 1
        misses = []
        if r["level"] == "none":
            tally["none"][0] += loc is None
            tally["none"][1] += 1
            if loc is not None:
                misses.append("none")
        else:
            ok = loc is not None and loc.country == r["country"]
            tally["country"][0] += ok
            tally["country"][1] += 1
            if not ok:
                misses.append("country")
        if r["level"] == "city":
            ok = loc is not None and loc.kind == "city" and fold(loc.name) == fold(r["place"])
            tally["city"][0] += ok
            tally["city"][1] += 1
            if not ok:
                misses.append("city")
        if r["level"] == "admin1":
            ok = loc is not None and loc.kind == "admin1" and bool(region_keys(loc.name) & region_keys(r["place"]))
            tally["region"][0] += ok
            tally["region"][1] += 1
            if not ok:
                misses.append("region")
        if errors and (misses or not ok_level):
            got = f"{loc.name} ({loc.kind}, {loc.country})" if loc else "none"
            print(f"{r['id']}: gold {r['place']} ({r['level']}, {r['country']}) got {got}"
                  f"{'' if hit else ' [trigger not coded]'} | {r['text'][:110]}")
    return tally


if __name__ == "__main__":
    raise SystemExit(main())
