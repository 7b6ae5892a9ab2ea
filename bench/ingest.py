"""Ingest throughput against the parser alone: same texts, same model, same process count.

    python bench/ingest.py [--n 600] [--processes N]

One run times, on the same articles, (1) raw ``nlp.pipe`` with ``n_process=N`` and (2) a
full ``eventwire ingest`` of them as a JSONL file into a fresh DuckDB store with N worker
processes: reading, coding, merging across articles and committing. The model is loaded
once, before either timing, and both reuse it. Prints articles per second for each and
their ratio (goal: at least 0.8).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from eventwire.pipeline import Coder
from eventwire.store import Store
from eventwire.store.ingest import ingest

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
CORPORA = [SHARED / "wikinews-politics-2004-2009.jsonl", SHARED / "wcep-event-summaries.jsonl"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    rows: list[dict] = []
    for corpus in CORPORA:
        if corpus.exists():
            rows += [json.loads(line) for line in corpus.open() if line.strip()]
    rows = [r for r in rows if isinstance(r.get("text"), str) and r["text"].strip()][: args.n]
    if not rows:
        print(f"no corpus found under {SHARED}", file=sys.stderr)
        return 2
    texts = [r["text"] for r in rows]
    coder = Coder()
    list(coder.nlp.pipe(texts[:10]))  # warm up
    t0 = time.perf_counter()
    for _ in coder.nlp.pipe(texts, batch_size=16, n_process=args.processes):
        pass
    raw = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles.jsonl"
        with src.open("w") as fh:
            for r in rows:
                fh.write(json.dumps({"id": r.get("id"), "date": r.get("date"), "title": r.get("title"),
                                     "text": r["text"], "url": r.get("url"), "source": r.get("source")}) + "\n")
        db = Path(tmp) / "bench.duckdb"
        summary = ingest([str(src)], db, processes=args.processes, coder=coder)
        with Store(db, read_only=True) as store:
            docs, events = store.count("documents"), store.count("events")
    words = sum(len(t.split()) for t in texts)
    print(f"articles            {len(rows)} ({words} words)")
    print(f"processes           {args.processes}")
    print(f"raw nlp.pipe        {len(rows) / raw:8.1f} articles/s")
    print(f"eventwire ingest    {len(rows) / summary.seconds:8.1f} articles/s "
          f"({docs} stored, {summary.rejected} rejected, {summary.events} reports, {events} merged events)")
    print(f"ratio               {raw / summary.seconds:8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
