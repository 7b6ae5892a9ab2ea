"""Coding speed against the parser alone, same model, same texts, same process count.

    python bench/speed.py [--n 400] [--processes 1]

Prints articles per second for raw `nlp.pipe` and for eventwire's full coding, and their
ratio (goal: at least 0.8, i.e. coding adds at most a quarter to the parse).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from eventwire.pipeline import Coder, Document, parse_date

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "wikinews-politics-2004-2009.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in args.corpus.open()][: args.n]
    docs = [Document(r["text"], parse_date(r.get("date")), r.get("id")) for r in rows if r.get("text")]
    texts = [d.text for d in docs]
    coder = Coder()
    nlp = coder.nlp
    list(nlp.pipe(texts[:20]))  # warm up
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=args.processes):
        pass
    raw = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_events = sum(len(ev) for _, ev in coder.code_documents(docs, batch_size=32, n_process=args.processes))
    full = time.perf_counter() - t0
    words = sum(len(t.split()) for t in texts)
    print(f"articles            {len(docs)}")
    print(f"words               {words}")
    print(f"processes           {args.processes}")
    print(f"raw nlp.pipe        {len(docs) / raw:8.1f} articles/s")
    print(f"eventwire coding    {len(docs) / full:8.1f} articles/s ({n_events} events)")
    print(f"ratio               {raw / full:8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
