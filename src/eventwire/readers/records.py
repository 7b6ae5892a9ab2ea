"""What readers yield: a document ready to code, or a rejected record and the reason.

Readers never raise for one bad record: a batch of a million lines must not stop at line
40,001. They yield a ``Reject`` that says where the record was and why it was refused, and
the ingest writes it to the rejects file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import dateparser

from eventwire import settings
from eventwire.pipeline import Document


@dataclass(frozen=True)
class Reject:
    """A record that was not coded: where it came from, and why."""

    origin: str
    reason: str
    line: int | None = None
    record: Any = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"origin": self.origin, "reason": self.reason}
        if self.line is not None:
            out["line"] = self.line
        if self.record is not None:
            out["record"] = self.record
        return out


Item = Document | Reject


def read_date(value: Any) -> dt.date | None:
    """A publication date from metadata: ISO first, then any form dateparser reads.

    Raises ValueError when there is a value that is not a date, so the record is rejected
    rather than coded against the wrong day.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    parsed = dateparser.parse(text, languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": False})
    if parsed is None:
        raise ValueError(f"cannot read date {text!r}")
    return parsed.date()


def make_document(text: Any, *, origin: str, line: int | None = None, record: Any = None, date: Any = None,
                  doc_id: str | None = None, title: Any = None, source: Any = None, url: Any = None) -> Item:
    """A Document from a record's fields, or a Reject saying which field is wrong."""
    def reject(reason: str) -> Reject:
        return Reject(origin, reason, line, record)

    if not isinstance(text, str) or not text.strip():
        return reject("no text")
    limit = int(settings.get("max_input_bytes"))
    size = len(text.encode("utf-8", errors="replace"))
    if size > limit:
        return reject(f"text is {size:,} bytes, over the {limit:,}-byte limit")
    if "\x00" in text:
        return reject("text contains NUL characters (binary data)")
    try:
        day = read_date(date)
    except ValueError as exc:
        return reject(str(exc))
    src = str(source).strip() if source else None
    ident = str(doc_id).strip() if doc_id not in (None, "") else None
    if ident and src:
        ident = f"{src}:{ident}"
    where = f"{origin}:{line}" if line is not None else origin
    return Document(text, day, ident, str(title).strip() if title else None, src,
                    str(url).strip() if url else None, where)
