"""`eventwire load`: a batch output into a DuckDB store, merged across articles exactly as
`eventwire ingest` merges: documents in input order, through the same ``Store.add_batch``.

The Parquet can also be queried where it lies, without loading (docs/batch.md):
``SELECT cameo, count(*) FROM read_parquet('out/reports/*.parquet') GROUP BY cameo``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import fsspec
import pyarrow.parquet as pq

from eventwire.errors import InputError
from eventwire.pipeline import Document
from eventwire.store.db import Coded, Store, event_from_dict
from eventwire.store.dedup import DedupRule
from eventwire.store.ingest import CHUNK, Summary
from eventwire.types import Actor, EventDate, Quote


def load_batch(out: str, db: str | Path, rule: DedupRule | None = None, chunk: int = CHUNK,
               progress: Callable[[int, int], None] | None = None) -> Summary:
    """Store every finished partition of ``out`` in ``db``; already stored documents are skipped."""
    fs, root = fsspec.core.url_to_fs(out)
    if not fs.exists(f"{root}/manifest.json"):
        raise InputError(f"{out} is not a batch output (no manifest.json): run `eventwire batch` first")
    with fs.open(f"{root}/manifest.json") as fh:
        manifest = json.loads(fh.read())
    summary = Summary()
    t0 = time.perf_counter()
    with Store(db) as store:
        for part in manifest["partitions"]:
            if not part.get("done"):
                continue
            docs = _read(fs, f"{root}/documents/{part['id']}.parquet")
            reports = _read(fs, f"{root}/reports/{part['id']}.parquet")
            rejects = _read(fs, f"{root}/rejects/{part['id']}.parquet")
            summary.rejected += len(rejects)
            for r in rejects:
                kind = r["reason"].split(" (")[0].split(":")[0]
                summary.reasons[kind] = summary.reasons.get(kind, 0) + 1
            by_doc: dict[str, list] = {}
            for r in reports:
                by_doc.setdefault(r["doc_id"], []).append(event_from_dict(json.loads(r["record"])))
            coded = []
            for d in sorted(docs, key=lambda d: d["position"]):
                document = Document(d["text"], d["published"], d["id"], d["title"], d["source"], d["url"],
                                    d["origin"])
                introduced = [(Actor(**a), i) for a, i in json.loads(d["introduced"] or "[]")]
                quotes = [quote_from_dict(q) for q in json.loads(d.get("quotes") or "[]")]
                topics = json.loads(d.get("topics") or "[]")
                coded.append(Coded(document, by_doc.get(d["id"], []), introduced, quotes, topics))
            for i in range(0, len(coded), chunk):
                batch = coded[i:i + chunk]
                added = store.add_batch(batch, rule or DedupRule())
                summary.read += len(batch)
                summary.stored += sum(added)
                summary.skipped += len(added) - sum(added)
                summary.events += sum(len(c.events) for c, a in zip(batch, added, strict=True) if a)
                if progress:
                    progress(summary.read, summary.events)
    summary.seconds = time.perf_counter() - t0
    return summary


def _read(fs: fsspec.AbstractFileSystem, path: str) -> list[dict]:
    if not fs.exists(path):
        return []
    with fs.open(path, "rb") as fh:
        return pq.read_table(fh).to_pylist()


def quote_from_dict(d: dict) -> Quote:
    """A Quote back from its JSON (``Quote.to_dict``)."""
    return Quote(speaker=Actor(**d["speaker"]), addressee=Actor(**d["addressee"]) if d.get("addressee") else None,
                 text=d["text"], kind=d["kind"], verb=d["verb"], start=d["start"], end=d["end"],
                 sentence_index=d["sentence_index"], medium=d.get("medium"), date=EventDate(**d["date"]))
