"""Accuracy of the coder on a gold file (default: the PLOVER GSR dev half in ../shared).

    python bench/accuracy.py [GOLD.jsonl] [--report report.json] [--classifier]

Prints every measure as a number; the same numbers `eventwire eval` prints.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from eventwire.cli.evaluate import run_eval

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "plover_gsr_dev.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--report", type=Path)
    ap.add_argument("--classifier", action="store_true", help="add the learned classifier (ml extra)")
    args = ap.parse_args()
    if not args.gold.exists():
        print(f"gold file not found: {args.gold}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    rep = run_eval(args.gold, classifier=args.classifier)
    elapsed = time.perf_counter() - t0
    summary = rep.summary()
    for key, val in summary.items():
        if isinstance(val, dict) and "accuracy" in val:
            print(f"{key:28s} {val['accuracy'] if val['accuracy'] is not None else '-':>8} "
                  f"({val['right']}/{val['scored']})")
    print(f"{'no_event_coded':28s} {rep.no_event:>8}")
    print(f"{'seconds':28s} {elapsed:8.1f}")
    if args.report:
        args.report.write_text(json.dumps({"summary": summary, "confusion": rep.confusion_table(),
                                           "records": rep.rows}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
