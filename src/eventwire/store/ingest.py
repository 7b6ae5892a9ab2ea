"""Ingest: read inputs, code them on every core, store them once, reject what cannot be coded.

The shape of a run::

    readers (main process) ──chunks──▶ worker processes (one Coder each: parse + code)
          │                                         │
          ▼ rejects.jsonl                           ▼ results, in input order
                                      main process: one DuckDB transaction per chunk

Only the main process opens the store, so DuckDB's one-writer rule holds. Documents whose
content hash (or id) is already stored are skipped before they are parsed, which makes a
rerun cheap and a killed run resumable: every committed chunk is complete, every
uncommitted one is coded again next time.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import Any

from eventwire.errors import EventwireError
from eventwire.pipeline import Coder, Document, NotEnglishWarning
from eventwire.readers import Item, Reject, read_inputs
from eventwire.store.db import Coded, Store, content_hash
from eventwire.store.dedup import DedupRule

CHUNK = 16


@dataclass
class Summary:
    """What a run did; printed at the end and returned to callers."""

    read: int = 0
    stored: int = 0
    skipped: int = 0
    rejected: int = 0
    events: int = 0
    seconds: float = 0.0
    reasons: dict[str, int] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0


# -- the worker side: one Coder per process ------------------------------------------------

_CODER: Coder | None = None


def _init_worker(model: str | None, kb: tuple[str, ...]) -> None:
    global _CODER
    _CODER = Coder(model, kb)


def code_chunk(docs: list[Document], coder: Coder | None = None) -> list[Coded | Reject]:
    """Code a chunk of documents; a document the coder refuses becomes a Reject."""
    coder = coder or _CODER
    assert coder is not None, "worker not initialised"
    out: list[Coded | Reject] = []
    for doc in docs:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", NotEnglishWarning)
            try:
                _, events = next(coder.code_documents([doc]))
            except EventwireError as exc:
                out.append(Reject(doc.origin or doc.doc_id, str(exc), record={"id": doc.doc_id}))
                continue
        if any(issubclass(w.category, NotEnglishWarning) for w in caught):
            out.append(Reject(doc.origin or doc.doc_id, "not English", record={"id": doc.doc_id}))
            continue
        out.append(Coded(doc, events, list(coder.last_introduced), list(coder.last_quotes), list(coder.last_topics)))
    return out


def code_chunk_batched(docs: list[Document], coder: Coder | None = None) -> list[Coded | Reject]:
    """Like ``code_chunk`` but parses the chunk in one ``nlp.pipe`` call (the fast path)."""
    coder = coder or _CODER
    assert coder is not None, "worker not initialised"
    out: list[Coded | Reject] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", NotEnglishWarning)
            results = []
            for doc, events in coder.code_documents(docs, batch_size=len(docs)):
                n_warn = sum(1 for w in caught if issubclass(w.category, NotEnglishWarning))
                results.append((doc, events, list(coder.last_introduced), list(coder.last_quotes),
                                list(coder.last_topics), n_warn))
    except EventwireError:
        return code_chunk(docs, coder)  # find the one document that failed, keep the rest
    seen_warnings = 0
    for doc, events, introduced, quotes, topics, n_warn in results:
        if n_warn > seen_warnings:
            seen_warnings = n_warn
            out.append(Reject(doc.origin or doc.doc_id, "not English", record={"id": doc.doc_id}))
        else:
            out.append(Coded(doc, events, introduced, quotes, topics))
    return out


# -- the main side ------------------------------------------------------------------------

def estimate_total(inputs: Sequence[str]) -> int | None:
    """How many records the inputs hold, counted cheaply; None when a feed or URL is among them."""
    from eventwire.readers import FEED_SUFFIXES, JSONL_SUFFIXES, SUFFIXES

    total = 0
    for spec in inputs:
        if spec.startswith(("http://", "https://")):
            return None
        path = Path(spec)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            suffix = f.suffix.lower()
            if path.is_dir() and (suffix not in SUFFIXES or any(part.startswith(".") for part in f.parts)):
                continue
            if suffix in FEED_SUFFIXES:
                return None
            if suffix in JSONL_SUFFIXES and f.exists():
                with f.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            else:
                total += 1
    return total


def _chunks(items: Iterable[Item], store: Store, summary: Summary, on_reject: Callable[[Reject], None],
            size: int) -> Iterator[list[Document]]:
    """Documents not yet stored, in chunks; rejects and skips are counted on the way."""
    seen: set[str] = set()
    pending: list[Document] = []

    def flush() -> list[Document]:
        stored = store.stored([content_hash(d.text) for d in pending], [d.doc_id for d in pending])
        fresh = []
        for d in pending:
            h = content_hash(d.text)
            if h in stored or d.doc_id in stored or h in seen or d.doc_id in seen:
                summary.skipped += 1
                continue
            seen.update({h, d.doc_id})
            fresh.append(d)
        pending.clear()
        return fresh

    for item in items:
        summary.read += 1
        if isinstance(item, Reject):
            on_reject(item)
            continue
        pending.append(item)
        if len(pending) >= size:
            fresh = flush()
            if fresh:
                yield fresh
    if pending:
        fresh = flush()
        if fresh:
            yield fresh


def ingest(inputs: Sequence[str], db: str | Path, *, default_date: dt.date | None = None,
           processes: int | None = None, rejects: str | Path | None = None, rule: DedupRule | None = None,
           model: str | None = None, kb: Sequence[str] = (), coder: Coder | None = None, chunk_size: int = CHUNK,
           progress: Callable[[int, int], None] | None = None,
           log: Callable[[str], None] | None = None) -> Summary:
    """Ingest ``inputs`` into the store at ``db``; see the module docstring for the shape.

    ``progress(done, stored_events)`` is called after each committed chunk, ``log`` with a
    line per commit (used by tests that kill the run mid-way). ``coder`` reuses a loaded
    Coder (its model and knowledge base) instead of loading one.
    """
    processes = max(1, processes or os.cpu_count() or 1)
    rule = rule or DedupRule()
    summary = Summary()
    t0 = time.perf_counter()
    rejects_path = Path(rejects) if rejects else default_rejects_path(db)
    reject_fh: Any = None

    def on_reject(r: Reject) -> None:
        nonlocal reject_fh
        summary.rejected += 1
        summary.reasons[_reason_kind(r.reason)] = summary.reasons.get(_reason_kind(r.reason), 0) + 1
        if reject_fh is None:
            rejects_path.parent.mkdir(parents=True, exist_ok=True)
            reject_fh = rejects_path.open("a", encoding="utf-8")
        reject_fh.write(json.dumps({**r.to_dict(), "at": dt.datetime.now().isoformat(timespec="seconds")},
                                   ensure_ascii=False, default=str) + "\n")
        reject_fh.flush()

    def commit(results: list[Coded | Reject]) -> None:
        coded = [r for r in results if isinstance(r, Coded)]
        for r in results:
            if isinstance(r, Reject):
                on_reject(r)
        assert store is not None
        added = store.add_batch(coded, rule)
        summary.stored += sum(added)
        summary.skipped += len(added) - sum(added)
        summary.events += sum(len(c.events) for c, a in zip(coded, added, strict=True) if a)
        if log:
            log(f"committed {sum(added)} documents ({summary.stored} stored so far)")
        if progress:
            progress(summary.stored + summary.skipped + summary.rejected, summary.events)

    coder = coder or Coder(model, kb)
    pool = _start_pool(processes, coder, model, tuple(kb)) if processes > 1 else None
    store: Store | None = None
    try:
        store = Store(db)  # opened after the workers exist: a forked child must not inherit DuckDB's threads
        chunks = _chunks(read_inputs(inputs, default_date), store, summary, on_reject, chunk_size)
        if pool is None:
            for chunk in chunks:
                commit(code_chunk_batched(chunk, coder))
        else:
            _run_pool(pool, chunks, processes, commit)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        if store is not None:
            store.close()
        if reject_fh is not None:
            reject_fh.close()
        summary.seconds = time.perf_counter() - t0
    return summary


def _start_pool(processes: int, coder: Coder, model: str | None, kb: tuple[str, ...]) -> ProcessPoolExecutor:
    """Worker processes, started and ready before the store is opened.

    Where the platform forks, the workers inherit the parent's loaded Coder (model, knowledge
    base and lexicon shared copy-on-write, no load per worker); elsewhere each loads its own.
    """
    global _CODER
    if "fork" in get_all_start_methods():
        _CODER = coder
        pool = ProcessPoolExecutor(max_workers=processes, mp_context=get_context("fork"))
    else:
        pool = ProcessPoolExecutor(max_workers=processes, mp_context=get_context("spawn"),
                                   initializer=_init_worker, initargs=(model, kb))
    for f in [pool.submit(_ready) for _ in range(processes)]:
        f.result()
    return pool


def _ready() -> bool:
    return _CODER is not None


def _run_pool(pool: ProcessPoolExecutor, chunks: Iterator[list[Document]], processes: int,
              commit: Callable[[list[Coded | Reject]], None]) -> None:
    """Code chunks on the workers, committing results in input order.

    At most two chunks per worker are in flight, so memory stays flat however long the
    input is, and results are committed in the order the inputs were read.
    """
    inflight: deque[Future[list[Coded | Reject]]] = deque()
    for chunk in chunks:
        inflight.append(pool.submit(code_chunk_batched, chunk))
        while len(inflight) >= 2 * processes:
            commit(inflight.popleft().result())
    while inflight:
        commit(inflight.popleft().result())


def default_rejects_path(db: str | Path) -> Path:
    """Rejects sit beside the store: ``events.duckdb`` → ``events.rejects.jsonl``."""
    p = Path(db)
    return p.with_name(p.stem + ".rejects.jsonl")


def _reason_kind(reason: str) -> str:
    """A short label for the summary: the reason up to its first colon or parenthesis."""
    for sep in (":", " (", ",", " '"):
        reason = reason.split(sep, 1)[0]
    return reason.strip()
