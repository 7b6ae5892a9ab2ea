"""RSS and Atom feeds, as files or URLs: each item's article is fetched and extracted.

feedparser reads every feed dialect; the article behind each item's link is fetched over
HTTP and its main text extracted (readers/html.py), with the item's title and date used
where the page has none. An item whose page cannot be fetched is rejected with the HTTP
reason, never replaced silently by its one-line summary.
"""

from __future__ import annotations

import datetime as dt
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from eventwire import __version__
from eventwire.readers import html
from eventwire.readers.records import Item, Reject

TIMEOUT_S = 20
FETCHERS = 8


def fetch(url: str) -> tuple[bytes, str]:
    """The body and content type at ``url``; OSError (with the reason) when it cannot be had."""
    req = urllib.request.Request(url, headers={"User-Agent": f"eventwire/{__version__}"})
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT_S) as resp:  # noqa: S310 - http(s) checked by caller
            return resp.read(), resp.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        raise OSError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise OSError(str(exc.reason)) from None
    except TimeoutError:
        raise OSError(f"timed out after {TIMEOUT_S} s") from None


def parse_feed(data: bytes) -> Any:
    import feedparser

    return feedparser.parse(data)


def is_feed(parsed: Any) -> bool:
    return bool(parsed.entries) and bool(parsed.get("version"))


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return dt.date.fromtimestamp(time.mktime(value))
    return None


def _item(entry: Any, origin: str, feed_title: str | None, default_date: dt.date | None) -> Item:
    link = entry.get("link")
    fallback = {"title": entry.get("title"), "date": _entry_date(entry), "source": feed_title}
    where = f"{origin} item {link or entry.get('id') or entry.get('title')!r}"
    if link and link.startswith(("http://", "https://")):
        try:
            body, _ = fetch(link)
        except OSError as exc:
            return Reject(where, f"cannot fetch article: {exc}", record={"link": link, "title": entry.get("title")})
        return html.extract(body.decode("utf-8", errors="replace"), where, default_date, doc_id=entry.get("id"),
                            url=link, source=feed_title, fallback=fallback)
    content = (entry.get("content") or [{}])[0].get("value") or entry.get("summary")
    if not content:
        return Reject(where, "item has neither a link nor content", record={"title": entry.get("title")})
    return html.extract(f"<html><body><article>{content}</article></body></html>", where, default_date,
                        doc_id=entry.get("id"), url=link, source=feed_title, fallback=fallback)


def read_feed(parsed: Any, origin: str, default_date: dt.date | None) -> Iterator[Item]:
    """The articles of a parsed feed, fetched a few at a time, in feed order."""
    feed_title = parsed.feed.get("title")
    with ThreadPoolExecutor(max_workers=FETCHERS) as pool:
        yield from pool.map(lambda e: _item(e, origin, feed_title, default_date), parsed.entries)
