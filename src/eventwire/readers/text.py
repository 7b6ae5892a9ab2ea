"""Plain text and Markdown files.

The date comes from, in order: a front-matter block at the top of the file (``---``
lines around ``date:``, ``title:``, ``source:``, ``url:``), the ``--date`` option, or the
file's modification time. A Markdown title is the first ``# heading``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from eventwire.readers.records import Item, Reject, make_document


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        return {}, text
    try:
        meta = yaml.safe_load(text[4:end])
    except yaml.YAMLError:
        return {}, text
    if not isinstance(meta, dict):
        return {}, text
    rest = text[end + 4:]
    return {str(k).lower(): v for k, v in meta.items()}, rest.split("\n", 1)[1] if "\n" in rest else ""


def read_text_file(path: Path, default_date: dt.date | None, doc_id: str) -> Item:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Reject(str(path), f"cannot read: {exc.strerror or exc}")
    if b"\x00" in data[:65536]:
        return Reject(str(path), "file looks binary (NUL bytes)")
    return parse_text(data, str(path), default_date, doc_id, lambda: dt.date.fromtimestamp(path.stat().st_mtime))


def parse_text(data: bytes, origin: str, default_date: dt.date | None, doc_id: str,
               modified: Callable[[], dt.date | None]) -> Item:
    """A text or Markdown file's bytes as a Document (shared by ingest and batch readers)."""
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Reject(origin, f"not valid UTF-8 (byte {exc.start})")
    meta, body = _front_matter(raw)
    title = meta.get("title")
    if title is None and origin.lower().endswith((".md", ".markdown")):
        for line in body.splitlines():
            if line.startswith("# "):
                title = line[2:].strip()
                break
    date: Any = meta.get("date") or default_date
    if date is None:
        date = modified()
    return make_document(body, origin=origin, date=date, doc_id=meta.get("id") or doc_id, title=title,
                         source=meta.get("source"), url=meta.get("url"))
