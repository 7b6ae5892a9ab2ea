"""Actor resolution accuracy on the project's gold list (tests/golden/actors.jsonl).

    python bench/actors.py [GOLD.jsonl]

Each line: text, date, expected country (ISO alpha-3, IGO, NGO or null) and sector, and a
kind. Prints country and sector accuracy overall and per kind.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from eventwire.actors.lookup import resolve_mention
from eventwire.pipeline import get_coder, parse_date

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "golden" / "actors.jsonl"


def score(path: Path) -> dict[str, dict[str, float | int]]:
    coder = get_coder()
    orgs = coder.kb.organisations
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # country ok, n, sector ok, n
    misses = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        g = json.loads(line)
        r = resolve_mention(coder, g["text"], parse_date(g.get("date")))
        a = r.actors[0] if r.actors else None
        country = None
        if a is not None:
            country = orgs.get(a.country or "") if a.country in orgs else a.country
        for kind in (g.get("kind", "other"), "ALL"):
            t = tally[kind]
            t[0] += int(country == g.get("country"))
            t[1] += 1
            if g.get("sector"):
                t[2] += int(a is not None and a.sector == g["sector"])
                t[3] += 1
        if country != g.get("country") or (g.get("sector") and (a is None or a.sector != g["sector"])):
            misses.append((g["text"], g.get("date"), g.get("country"), g.get("sector"),
                           country, a.sector if a else None))
    out = {k: {"country": round(v[0] / v[1], 3), "sector": round(v[2] / v[3], 3) if v[3] else 0.0,
               "n": v[1]} for k, v in tally.items()}
    out["_misses"] = misses  # type: ignore[assignment]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--misses", action="store_true", help="also list every miss")
    args = ap.parse_args()
    if not args.gold.exists():
        print(f"gold file not found: {args.gold}", file=sys.stderr)
        return 2
    res = score(args.gold)
    misses = res.pop("_misses")
    print(f"{'kind':24s} {'n':>4s} {'country':>8s} {'sector':>8s}")
    for kind in sorted(res, key=lambda k: (k == "ALL", k)):
        v = res[kind]
        print(f"{kind:24s} {v['n']:4d} {v['country']:8.3f} {v['sector']:8.3f}")
    if args.misses:
        for m in misses:  # type: ignore[union-attr]
            print("MISS", m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
