"""Batch scaling: the same archive coded with 1 and with 2 Dask workers on this machine.

    python bench/batch.py [--n 600] [--partition-size 50]

Each run starts its own LocalCluster (single-threaded worker processes), loads the model
on every worker, codes the articles into a fresh output and stops the cluster. Prints
articles per second for each run once the workers are up (start-up, which a long batch
pays once, is printed apart), the scaling ratio of that throughput (goal: at least 1.7
on 2 cores) and each worker's peak memory.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from eventwire.batch.run import run_batch

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
CORPORA = [SHARED / "wikinews-politics-2004-2009.jsonl", SHARED / "wcep-2015-09.jsonl"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--partition-size", type=int, default=50)
    args = ap.parse_args()
    rows: list[dict] = []
    for corpus in CORPORA:
        if corpus.exists():
            rows += [json.loads(line) for line in corpus.open() if line.strip()]
    rows = [r for r in rows if isinstance(r.get("text"), str) and r["text"].strip()][: args.n]
    if not rows:
        print(f"no corpus under {SHARED}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "archive.jsonl"
        src.write_text("".join(json.dumps({"id": r.get("id"), "date": r.get("date"), "text": r["text"]}) + "\n"
                               for r in rows))
        rates = {}
        for workers in (1, 2):
            s = run_batch([str(src)], f"{tmp}/out{workers}", workers=workers, partition_size=args.partition_size)
            rates[workers] = s.coding_rate
            peaks: dict[int, int] = {}
            for c in s.per_partition:
                peaks[c["worker_pid"]] = max(peaks.get(c["worker_pid"], 0), c["worker_peak_mb"])
            label = f"{workers} worker{'s' if workers > 1 else ' '}"
            print(f"{label}   {s.documents} articles: start-up {s.startup_seconds:5.1f} s, "
                  f"coding {s.seconds - s.startup_seconds:6.1f} s = {rates[workers]:6.1f} articles/s "
                  f"({s.rate:5.1f} with start-up); peak memory per worker "
                  f"{', '.join(f'{m} MB' for m in peaks.values())}")
    print(f"scaling ratio   {rates[2] / rates[1]:.2f} (coding throughput, 2 workers against 1)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
