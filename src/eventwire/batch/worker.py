"""Code one partition on a Dask worker and write its Parquet files atomically.

The Coder (spaCy pipeline, knowledge base, lexicon) is built once per worker process and
kept in a module global, so tasks after the first on a worker start at once. Output files
are written to a temporary name and renamed; the partition's ``_done`` marker is written
last. A task killed half-way leaves no marker, is retried, and its rewrite replaces any
partial files, so every document appears exactly once.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import resource
import time
import uuid
from typing import Any

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.batch.partitions import Partition
from eventwire.pipeline import Coder, Document
from eventwire.readers.records import Reject, make_document
from eventwire.readers.text import parse_text
from eventwire.store.db import Coded, content_hash
from eventwire.store.ingest import code_chunk_batched

TABLES = ("documents", "reports", "event_mentions", "rejects")
_CODERS: dict[tuple[str | None, tuple[str, ...]], Coder] = {}


def coder_for(model: str | None, kb: tuple[str, ...]) -> Coder:
    """This worker's Coder, loaded on its first task."""
    key = (model, kb)
    if key not in _CODERS:
        _CODERS[key] = Coder(model, kb)
    return _CODERS[key]


def read_partition(part: Partition, default_date: dt.date | None) -> list[Document | Reject]:
    """The records of one partition, as documents or rejects (never an exception)."""
    items: list[Document | Reject] = []
    if part.kind == "jsonl":
        (path,) = part.paths
        with fsspec.open(path, "rb", compression="infer") as fh:
            for n, raw in enumerate(fh, 1):
                if n <= part.start:
                    continue
                if n > part.stop:
                    break
                items.append(_from_json_line(path, n, raw, default_date))
    elif part.kind == "parquet":
        (path,) = part.paths
        with fsspec.open(path, "rb") as fh:
            table = pq.read_table(fh)
        for i, row in enumerate(table.slice(part.start, part.stop - part.start).to_pylist(), part.start + 1):
            items.append(_record(path, i, row, default_date))
    else:
        for path in part.paths:
            fs, local = fsspec.core.url_to_fs(path)
            try:
                with fs.open(local, "rb") as fh:
                    data = fh.read()
            except OSError as exc:
                items.append(Reject(path, f"cannot read: {exc}"))
                continue
            items.append(parse_text(data, path, default_date, path, functools.partial(_modified, fs, local)))
    return items


def _modified(fs: fsspec.AbstractFileSystem, path: str) -> dt.date | None:
    try:
        return dt.date.fromtimestamp(fs.modified(path).timestamp())
    except (NotImplementedError, OSError, AttributeError):
        return None


def _from_json_line(path: str, n: int, raw: bytes, default_date: dt.date | None) -> Document | Reject:
    if not raw.strip():
        return Reject(path, "empty line", n)
    try:
        d = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return Reject(path, f"invalid JSON ({exc})", n, raw[:500].decode("utf-8", "replace"))
    if not isinstance(d, dict):
        return Reject(path, "line is not a JSON object", n, d)
    return _record(path, n, d, default_date)


def _record(path: str, n: int, d: dict[str, Any], default_date: dt.date | None) -> Document | Reject:
    return make_document(d.get("text"), origin=path, line=n, record=d,
                         date=d.get("date") or d.get("published") or default_date, doc_id=d.get("id"),
                         title=d.get("title"), source=d.get("source"), url=d.get("url"))


def code_partition(part: Partition, out: str, model: str | None = None, kb: tuple[str, ...] = (),
                   default_date: dt.date | None = None, chunk: int = 16) -> dict[str, Any]:
    """Code one partition and write it; returns its counts (also in its ``_done`` marker)."""
    t0 = time.perf_counter()
    coder = coder_for(model, kb)
    items = read_partition(part, default_date)
    docs = [i for i in items if isinstance(i, Document)]
    rejects = [i for i in items if isinstance(i, Reject)]
    coded: list[Coded] = []
    for i in range(0, len(docs), chunk):
        for result in code_chunk_batched(docs[i:i + chunk], coder):
            if isinstance(result, Reject):
                rejects.append(result)
            else:
                coded.append(result)
    tables = to_tables(coded, rejects, part)
    fs, root = fsspec.core.url_to_fs(out)
    for name, table in tables.items():
        final = f"{root}/{name}/{part.id}.parquet"
        tmp = f"{root}/{name}/.{part.id}.{uuid.uuid4().hex}.tmp"
        fs.makedirs(f"{root}/{name}", exist_ok=True)
        with fs.open(tmp, "wb") as fh:
            pq.write_table(table, fh)
        fs.mv(tmp, final)
    counts = {"partition": part.id, "documents": len(coded), "reports": sum(len(c.events) for c in coded),
              "rejects": len(rejects), "seconds": round(time.perf_counter() - t0, 3), "worker_pid": os.getpid(),
              "worker_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
    fs.makedirs(f"{root}/_done", exist_ok=True)
    with fs.open(f"{root}/_done/{part.id}.json", "w") as fh:
        fh.write(json.dumps(counts))
    return counts


def to_tables(coded: list[Coded], rejects: list[Reject], part: Partition) -> dict[str, pa.Table]:
    """The partition's rows, one Arrow table per output table (schemas fixed, even when empty)."""
    docs = {
        "id": [c.document.doc_id for c in coded],
        "content_hash": [content_hash(c.document.text) for c in coded],
        "published": [c.document.date for c in coded],
        "title": [c.document.title for c in coded],
        "text": [c.document.text for c in coded],
        "source": [c.document.source for c in coded],
        "url": [c.document.url for c in coded],
        "origin": [c.document.origin for c in coded],
        "introduced": [json.dumps([[a.__dict__, i] for a, i in c.introduced]) for c in coded],
        "quotes": [json.dumps([q.to_dict() for q in c.quotes], ensure_ascii=False) for c in coded],
        "topics": [json.dumps(c.topics, ensure_ascii=False) for c in coded],
        "partition": [part.id] * len(coded),
        "position": list(range(len(coded))),
    }
    reports = [(c, e) for c in coded for e in c.events]
    rep = {
        "id": [e.id for _, e in reports],
        "doc_id": [e.doc_id for _, e in reports],
        "event_date": [e.date.date for _, e in reports],
        "cameo": [e.cameo for _, e in reports],
        "plover_category": [e.plover_category for _, e in reports],
        "source_country": [e.source[0].country if e.source else None for _, e in reports],
        "target_country": [e.target[0].country if e.target else None for _, e in reports],
        "goldstein": [e.goldstein for _, e in reports],
        "quad_class": [e.quad_class for _, e in reports],
        "rule": [e.rule for _, e in reports],
        "record": [json.dumps(e.to_dict(), ensure_ascii=False) for _, e in reports],
    }
    mentions = [(e, m) for _, e in reports for m in e.mentions]
    men = {
        "report_id": [e.id for e, _ in mentions],
        "doc_id": [e.doc_id for e, _ in mentions],
        "sentence_index": [m.sentence_index for _, m in mentions],
        "trigger_start": [m.trigger.start for _, m in mentions],
        "trigger_end": [m.trigger.end for _, m in mentions],
        "trigger_text": [m.trigger.text for _, m in mentions],
        "sentence": [m.sentence.text for _, m in mentions],
    }
    rej = {
        "origin": [r.origin for r in rejects],
        "line": [r.line for r in rejects],
        "reason": [r.reason for r in rejects],
        "record": [json.dumps(r.record, default=str, ensure_ascii=False) if r.record is not None else None
                   for r in rejects],
        "partition": [part.id] * len(rejects),
    }
    return {"documents": pa.table(docs, schema=DOC_SCHEMA), "reports": pa.table(rep, schema=REPORT_SCHEMA),
            "event_mentions": pa.table(men, schema=MENTION_SCHEMA), "rejects": pa.table(rej, schema=REJECT_SCHEMA)}


S, N, F = pa.string(), pa.int64(), pa.float64()
DOC_SCHEMA = pa.schema([("id", S), ("content_hash", S), ("published", pa.date32()), ("title", S), ("text", S),
                        ("source", S), ("url", S), ("origin", S), ("introduced", S), ("quotes", S),
                        ("topics", S), ("partition", S),
                        ("position", N)])
REPORT_SCHEMA = pa.schema([("id", S), ("doc_id", S), ("event_date", S), ("cameo", S), ("plover_category", S),
                           ("source_country", S), ("target_country", S), ("goldstein", F), ("quad_class", N),
                           ("rule", S), ("record", S)])
MENTION_SCHEMA = pa.schema([("report_id", S), ("doc_id", S), ("sentence_index", N), ("trigger_start", N),
                            ("trigger_end", N), ("trigger_text", S), ("sentence", S)])
REJECT_SCHEMA = pa.schema([("origin", S), ("line", N), ("reason", S), ("record", S), ("partition", S)])
