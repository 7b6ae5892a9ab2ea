"""Readers: files, directories, feeds and URLs in; documents (or rejects) out.

One module per format; ``read_inputs`` picks by suffix (or, for a URL, by what the server
sends) and walks directories recursively in name order, so a rerun sees the same order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

from eventwire.readers import feeds, html
from eventwire.readers.jsonl import read_jsonl
from eventwire.readers.records import Item, Reject, make_document, read_date
from eventwire.readers.text import read_text_file

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | JSONL_SUFFIXES

__all__ = ["Item", "Reject", "make_document", "read_date", "read_inputs"]


def read_inputs(inputs: Sequence[str], default_date: dt.date | None = None) -> Iterator[Item]:
    """Every document in ``inputs`` (files, directories, feed files, http(s) URLs)."""
    for spec in inputs:
        if spec.startswith(("http://", "https://")):
            yield from _read_url(spec, default_date)
            continue
        path = Path(spec)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUFFIXES and not any(part.startswith(".") for part in child.parts):
                    yield from _read_file(child, default_date)
        elif path.exists():
            yield from _read_file(path, default_date)
        else:
            yield Reject(spec, "no such file or directory")


def _read_file(path: Path, default_date: dt.date | None) -> Iterator[Item]:
    suffix = path.suffix.lower()
    origin = path.as_posix()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, default_date)
    elif suffix in TEXT_SUFFIXES:
        yield read_text_file(path, default_date, origin)
    elif suffix in HTML_SUFFIXES or suffix in FEED_SUFFIXES:
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield Reject(origin, f"cannot read: {exc.strerror or exc}")
            return
        if suffix in FEED_SUFFIXES:
            parsed = feeds.parse_feed(data)
            if not feeds.is_feed(parsed):
                yield Reject(origin, "not an RSS or Atom feed (or a feed with no items)")
                return
            yield from feeds.read_feed(parsed, origin, default_date)
        else:
            yield html.extract(data.decode("utf-8", errors="replace"), origin, default_date, doc_id=origin)
    else:
        yield Reject(origin, f"unsupported file type {suffix or '(none)'}: use .txt, .md, .html, .jsonl or a feed")


def _read_url(url: str, default_date: dt.date | None) -> Iterator[Item]:
    try:
        body, ctype = feeds.fetch(url)
    except OSError as exc:
        yield Reject(url, f"cannot fetch: {exc}")
        return
    parsed = feeds.parse_feed(body)
    if feeds.is_feed(parsed):
        yield from feeds.read_feed(parsed, url, default_date)
    elif "html" in ctype or body.lstrip()[:1] == b"<":
        yield html.extract(body.decode("utf-8", errors="replace"), url, default_date, doc_id=url, url=url)
    else:
        yield make_document(body.decode("utf-8", errors="replace"), origin=url, date=default_date, doc_id=url,
                            url=url)
