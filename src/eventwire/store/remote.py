"""Ingest through a running service: the service owns the store, this process only reads
inputs and sends them (POST /api/v1/documents), so an ingest and the dashboard can run at
the same time against one DuckDB file."""

from __future__ import annotations

import datetime as dt
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from eventwire.errors import EventwireError, InputError
from eventwire.pipeline import Document
from eventwire.readers import Reject, read_inputs
from eventwire.store.ingest import Summary, _reason_kind

BATCH = 16


def _post(url: str, body: dict[str, Any], token: str | None) -> dict[str, Any]:
    data = json.dumps(body, default=str).encode()
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(url, data=data, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=600) as resp:  # noqa: S310 - the user's own service
            result: dict[str, Any] = json.loads(resp.read())
            return result
    except urllib.error.HTTPError as exc:
        try:
            message = json.loads(exc.read())["error"]["message"]
        except (ValueError, KeyError, TypeError):
            message = exc.reason
        raise EventwireError(f"the service refused the documents: HTTP {exc.code}: {message}") from None
    except urllib.error.URLError as exc:
        raise EventwireError(f"cannot reach the service at {url}: {exc.reason}") from None


def ingest_remote(inputs: Sequence[str], server: str, *, token: str | None = None,
                  default_date: dt.date | None = None, rejects: str | Path = "eventwire.rejects.jsonl",
                  progress: Callable[[int, int], None] | None = None) -> Summary:
    """Send every document in ``inputs`` to the service at ``server`` in batches."""
    if not server.startswith(("http://", "https://")):
        raise InputError(f"--server must be an http(s) URL, got {server!r}")
    url = server.rstrip("/") + "/api/v1/documents"
    summary = Summary()
    t0 = time.perf_counter()
    rejects_path = Path(rejects)
    fh: Any = None

    def reject(r: Reject) -> None:
        nonlocal fh
        summary.rejected += 1
        kind = _reason_kind(r.reason)
        summary.reasons[kind] = summary.reasons.get(kind, 0) + 1
        if fh is None:
            fh = rejects_path.open("a", encoding="utf-8")
        fh.write(json.dumps({**r.to_dict(), "at": dt.datetime.now().isoformat(timespec="seconds")},
                            ensure_ascii=False, default=str) + "\n")
        fh.flush()

    def send(batch: list[Document]) -> None:
        body = {"documents": [{"text": d.text, "id": d.id.split(":", 1)[1] if d.id and d.source else d.id,
                               "date": d.date.isoformat() if d.date else None, "title": d.title, "url": d.url,
                               "source": d.source} for d in batch]}
        result = _post(url, body, token)
        summary.stored += result["stored"]
        summary.skipped += result["already_stored"]
        summary.events += result["events"]
        for r in result["rejected"]:
            d = batch[r["index"]]
            reject(Reject(d.origin or d.doc_id, r["reason"], record={"id": d.doc_id}))
        if progress:
            progress(summary.read, summary.events)

    batch: list[Document] = []
    try:
        for item in read_inputs(inputs, default_date):
            summary.read += 1
            if isinstance(item, Reject):
                reject(item)
                continue
            batch.append(item)
            if len(batch) >= BATCH:
                send(batch)
                batch = []
        if batch:
            send(batch)
    finally:
        if fh is not None:
            fh.close()
        summary.seconds = time.perf_counter() - t0
    return summary
