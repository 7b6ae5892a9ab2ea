"""Code every text of the shared corpus, one document at a time, and count failures.

    python bench/robustness.py [--limit N]

A failure is any exception, or a record that does not serialise to JSON or PLOVER; the
first few are printed with their document ids. Expected: 0.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
import warnings
from pathlib import Path

from eventwire.pipeline import Coder, Document, parse_date

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
FILES = ("wikinews-politics-2004-2009.jsonl", "wcep-2015-09.jsonl")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=0, help="stop after this many documents (0: all)")
    args = ap.parse_args()
    paths = [CORPUS / f for f in FILES if (CORPUS / f).exists()]
    if not paths:
        print(f"corpus not found under {CORPUS}", file=sys.stderr)
        return 2
    warnings.simplefilter("ignore")
    coder = Coder()
    docs = events = failures = 0
    t0 = time.perf_counter()
    for path in paths:
        for line in path.open(encoding="utf-8"):
            if args.limit and docs + failures >= args.limit:
                break
            r = json.loads(line)
            try:
                _, evs = next(coder.code_documents([Document(r["text"], parse_date(r.get("date")), r.get("id"))]))
                for e in evs:
                    json.dumps(e.to_dict())
                    json.dumps(e.to_plover())
                docs += 1
                events += len(evs)
            except Exception:  # noqa: BLE001 - counting every failure is the point
                failures += 1
                if failures <= 5:
                    print(f"FAIL {r.get('id')}", file=sys.stderr)
                    traceback.print_exc()
    print(f"documents {docs}  events {events}  failures {failures}  seconds {time.perf_counter() - t0:.0f}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
