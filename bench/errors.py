"""Group the coder's misses on a gold file by cause, with counts and examples, and show how
precision changes with the confidence threshold.

    python bench/errors.py [GOLD.jsonl] [--examples 3]

Causes, checked in this order for each gold sentence:
  no event        the coder produced nothing
  no PLOVER event only CAMEO 01 statements
  category        wrong PLOVER category for the first event
  no source       the first event has no source country
  source country  wrong source country
  no target       gold names a target, the coder none
  target country  wrong target country
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from eventwire.cli.evaluate import run_eval
from eventwire.evaluation.score import precision_at

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "plover_gsr_dev.jsonl"


def cause(row: dict) -> str | None:
    if not row["events"]:
        return "no event"
    if row["predicted"] == "NONE":
        return "no PLOVER event"
    if not row["category_ok"]:
        return f"category ({row.get('gold')} -> {row['predicted']})"
    if not row["source_ok"]:
        return "no source" if not row["pred_source"] else "source country"
    if not row["target_ok"]:
        return "no target" if not row["pred_target"] else "target country"
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--examples", type=int, default=2)
    args = ap.parse_args()
    if not args.gold.exists():
        print(f"gold file not found: {args.gold}", file=sys.stderr)
        return 2
    rep = run_eval(args.gold)
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rep.rows:
        c = cause(row)
        if c:
            groups[c.split(" (")[0]].append(row)
    print(f"{rep.n} records, {sum(len(v) for v in groups.values())} with a miss\n")
    for name, rows in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"{len(rows):4d}  {name}")
        for row in rows[: args.examples]:
            detail = cause(row)
            print(f"        {detail}: {row['text'][:110]}")
    # precision of the answer's category at confidence thresholds (calibrated confidence)
    print("\nconfidence threshold -> sentences answered, category precision, recall")
    for row in precision_at(rep):
        print(f"  >= {row['threshold']:.1f}: {row['kept']:4d} answered, precision {row['precision']}, "
              f"recall {row['recall']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
