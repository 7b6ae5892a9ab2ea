"""JSON-lines files: one article per line, with ``text`` and optional ``id``, ``date`` (or
``published``), ``title``, ``url`` and ``source``. A bad line is rejected with its line
number; the lines after it are still read."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from eventwire.readers.records import Item, Reject, make_document


def read_jsonl(path: Path, default_date: dt.date | None) -> Iterator[Item]:
    origin = str(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Reject(origin, f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        for n, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                yield Reject(origin, f"not valid UTF-8 (byte {exc.start})", n)
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Reject(origin, f"invalid JSON ({exc.msg}, column {exc.colno})", n, line[:500])
                continue
            if not isinstance(d, dict):
                yield Reject(origin, "line is not a JSON object", n, d)
                continue
            date = d.get("date") or d.get("published") or default_date
            yield make_document(d.get("text"), origin=origin, line=n, record=d, date=date, doc_id=d.get("id"),
                                title=d.get("title"), source=d.get("source"), url=d.get("url"))
