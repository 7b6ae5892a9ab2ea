"""Accuracy on the project's own labelled sentences (bench/data/sentences/*.jsonl).

    python bench/project_set.py                 # both halves, every measure
    python bench/project_set.py --write-tune /tmp/tune.jsonl

The sentences were written for eventwire (invented wire-style news, labelled with a
PLOVER category, a CAMEO code and source/target actors) and split once, by a hash of
each record's id, into a *tune* part (two thirds: read freely when fixing rules and
lexicons) and a *held-out* part (one third: measured, never read while tuning). The gap
between the two says how much a change was fitted to the sentences looked at.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

from eventwire.cli.evaluate import run_eval

DATA = Path(__file__).resolve().parent / "data" / "sentences"
MEASURES = ("plover_category", "cameo_root", "cameo_code", "source_country", "target_country",
            "source_sector", "full_match")


def held_out(record_id: str) -> bool:
    """One record in three, fixed by its id, is held out."""
    return int(hashlib.sha256(record_id.encode()).hexdigest(), 16) % 3 == 0


def records(part: str) -> list[dict]:
    out = []
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                if part == "all" or (part == "held") == held_out(rec["id"]):
                    out.append(rec)
    return out


def write(recs: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return path


def measure(part: str, min_confidence: float = 0.0, classifier: bool = False) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        gold = write(records(part), Path(tmp) / f"{part}.jsonl")
        return run_eval(gold, min_confidence=min_confidence, classifier=classifier).summary()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--write-tune", type=Path, help="write the tune part here and stop")
    ap.add_argument("--min-confidence", type=float, default=0.0)
    ap.add_argument("--classifier", action="store_true", help="add the learned classifier (ml extra)")
    args = ap.parse_args()
    if not any(DATA.glob("*.jsonl")):
        print(f"no sentence files in {DATA}", file=sys.stderr)
        return 2
    if args.write_tune:
        write(records("tune"), args.write_tune)
        return 0
    results = {part: measure(part, args.min_confidence, args.classifier) for part in ("tune", "held")}
    print(f"{'measure':18s} {'tune':>8s} {'held-out':>9s}")
    print(f"{'records':18s} {results['tune']['records']:8d} {results['held']['records']:9d}")
    for m in MEASURES:
        vals = [results[p][m]["accuracy"] for p in ("tune", "held")]
        print(f"{m:18s} " + " ".join(f"{v if v is not None else '-':>8}" for v in vals))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
