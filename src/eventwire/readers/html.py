"""HTML pages: the article's main text, title and date through trafilatura.

trafilatura drops navigation, adverts and comments and reads the date from the page's
metadata (``article:published_time``, JSON-LD, URL patterns), so a saved page codes as the
article alone. The ``--date`` option is used only when the page has no date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from eventwire.readers.records import Item, Reject, make_document


def extract(html: str, origin: str, default_date: dt.date | None, doc_id: str | None = None,
            url: str | None = None, source: str | None = None, fallback: dict[str, Any] | None = None) -> Item:
    """A Document from an HTML page, or a Reject when no article text is found."""
    from trafilatura import bare_extraction

    try:
        found = bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many kinds on broken pages
        return Reject(origin, f"cannot extract article text: {type(exc).__name__}: {exc}")
    meta: dict[str, Any] = found.as_dict() if found is not None and hasattr(found, "as_dict") else (found or {})
    fallback = fallback or {}
    text = meta.get("text") or ""
    title = meta.get("title") or fallback.get("title")
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1:]  # trafilatura repeats the <h1>; the title is kept apart
    if not text.strip():
        return Reject(origin, "no article text found in the HTML")
    return make_document(text, origin=origin, date=meta.get("date") or fallback.get("date") or default_date,
                         doc_id=doc_id, title=title, source=source or meta.get("sitename") or fallback.get("source"),
                         url=url or meta.get("url"))
