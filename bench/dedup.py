"""Cross-article merging: pairwise precision and recall on a gold set of article groups.

    python bench/dedup.py [--gold bench/data/dedup_gold.jsonl]

The gold file (written for this project, every article invented) holds real-world events
each told by 3-5 outlets in different words, and near misses: the same two countries doing
the same kind of thing weeks apart, the same kind of event between other countries on the
same day, another kind of event between the same pair on the same day, one group's attacks
in two cities on one day. Each article's main event is the event its first sentence's first
trigger was merged into. Two articles are a predicted pair when their main events are the
same merged event, a gold pair when they carry the same gold label.

Articles are coded once; each merge setting then stores the same coded reports in a fresh
in-memory store, so the settings differ only in the merge rule.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

from eventwire.pipeline import Coder, Document, parse_date
from eventwire.store.db import Coded, Store
from eventwire.store.dedup import DedupRule

GOLD = Path(__file__).resolve().parent / "data" / "dedup_gold.jsonl"


def main_events(store: Store) -> dict[str, frozenset[int]]:
    """Per article, the merged events of its first sentence's first trigger (a reciprocal
    meeting is coded both ways on one trigger, so there may be two)."""
    rows = store.query("""WITH first AS (SELECT doc_id, min(trigger_start) AS t FROM event_mentions
                                        WHERE sentence_index = 0 GROUP BY doc_id)
                          SELECT m.doc_id, list(DISTINCT m.event_id) FROM event_mentions m
                          JOIN first f ON f.doc_id = m.doc_id AND m.sentence_index = 0 AND m.trigger_start = f.t
                          GROUP BY m.doc_id""")
    return {d: frozenset(int(e) for e in ids) for d, ids in rows}


def score(pred: dict[str, frozenset[int]], gold: dict[str, str]) -> dict[str, float]:
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(gold), 2):
        same_gold = gold[a] == gold[b]
        same_pred = a in pred and b in pred and bool(pred[a] & pred[b])
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "false_merges": fp, "missed_pairs": fn,
            "events": len({e for ids in pred.values() for e in ids})}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=GOLD)
    args = ap.parse_args()
    if not args.gold.exists():
        print(f"gold file not found: {args.gold}", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in args.gold.open() if line.strip()]
    gold = {r["id"]: r["event"] for r in rows}
    coder = Coder()
    t0 = time.perf_counter()
    docs = [Document(r["text"], parse_date(r["date"]), r["id"], r.get("title"), r.get("outlet")) for r in rows]
    coded = [Coded(doc, events, list(coder.last_introduced)) for doc, events in coder.code_documents(docs)]
    print(f"articles            {len(rows)}")
    print(f"gold events         {len(set(gold.values()))}")
    print(f"coding              {time.perf_counter() - t0:.1f} s")
    print(f"{'setting':28s} {'precision':>9s} {'recall':>7s} {'f1':>6s} {'events':>7s} {'false merges':>13s}")
    for label, rule in [("no merging (--no-dedup)", DedupRule(enabled=False)),
                        ("window 0 days", DedupRule(window_days=0)),
                        ("window 1 day", DedupRule(window_days=1)),
                        ("window 2 days (default)", DedupRule(window_days=2)),
                        ("window 3 days", DedupRule(window_days=3)),
                        ("window 7 days", DedupRule(window_days=7))]:
        with Store(":memory:") as store:
            for c in coded:  # one article per transaction, in publication order, as an ingest would
                store.add_batch([c], rule)
            s = score(main_events(store), gold)
        print(f"{label:28s} {s['precision']:9.3f} {s['recall']:7.3f} {s['f1']:6.3f} {s['events']:7d} "
              f"{s['false_merges']:13d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
