"""Resolve date expressions against the publication date, with their precision.

dateparser does the parsing ("Wednesday", "last week", "February 2022", "12 March");
this module decides which words are a date at all, relative to what, and how precise
the answer is. Durations ("for 90 minutes") are not dates and are returned as such.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dateparser.date import DateDataParser

from eventwire.types import EventDate

_DURATION = re.compile(
    r"^(for\s+)?(about\s+|nearly\s+|almost\s+|more than\s+|over\s+)?"
    r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s+"
    r"(seconds?|minutes?|hours?|days?|weeks?|months?|years?)$",
    re.I,
)
_OFFSET = re.compile(
    r"^(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month|year)s?\s+"
    r"(after|before|later|earlier)$",
    re.I,
)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# Words that make a DATE entity not a point in time we can place.
_VAGUE = re.compile(r"\b(recent|decades|centuries|era|season|annual|daily|"
                    r"weekly|time|times|age|old|aged|each|every)\b", re.I)
_PERIODS = {"day": "day", "week": "day", "time": "day", "month": "month", "year": "year"}


def is_duration(text: str) -> bool:
    return bool(_DURATION.match(text.strip()))


def parse_offset(text: str) -> tuple[int, str, int] | None:
    """'one day after' -> (1, 'day', +1); None when the words are not such an offset."""
    m = _OFFSET.match(text.strip())
    if not m:
        return None
    n = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS[m.group(1).lower()]
    sign = 1 if m.group(3).lower() in {"after", "later"} else -1
    return n, m.group(2).lower(), sign


def shift(day: dt.date, n: int, unit: str, sign: int) -> dt.date:
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n * sign
    return day + dt.timedelta(days=days)


_RELATIVE = re.compile(r"\b(ago|last|next|previous|yesterday|tomorrow|this|coming|past)\b", re.I)


@lru_cache(maxsize=64)
def _parser(base: dt.date | None, relative: bool = True) -> DateDataParser:
    """dateparser set up for news; ``relative=False`` skips its (slow) relative-date parser
    for expressions that name a date outright ('12 March', 'February 2022')."""
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first",
                                   "RETURN_TIME_AS_PERIOD": True}
    if not relative:
        settings["PARSERS"] = ["absolute-time"]
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day, 12, 0)
    return DateDataParser(languages=["en"], settings=settings)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@lru_cache(maxsize=4096)
def _parse(clean: str, published: dt.date | None) -> tuple[dt.date, str] | None:
    """dateparser's reading of a date expression (cached: news repeats 'Monday', '2005')."""
    try:
        data = _parser(published, bool(_RELATIVE.search(clean))).get_date_data(clean)
    except (ValueError, OverflowError):
        return None
    if data.date_obj is None:
        return None
    return data.date_obj.date(), _PERIODS.get(data.period or "day", "day")


def resolve(text: str, published: dt.date | None, start: int = -1, end: int = -1, future: bool = False
            ) -> EventDate | None:
    """The date a DATE expression names, relative to the publication date; None if vague.

    ``future`` is for a clause about what is to come ("will meet on Wednesday"): a bare
    weekday then means the next such day after publication, not the last one.
    """
    raw = text.strip()
    clean = re.sub(r"^(on|in|since|by|from|until|at|during|early|late|mid-?)\s+", "",
                   raw, flags=re.I).strip()
    if not clean or is_duration(clean) or _VAGUE.search(clean):
        return None
    low = clean.lower().rstrip(".")
    # A bare weekday in news means the most recent such day, the publication day included;
    # dateparser with PREFER_DATES_FROM=past skips the publication day itself.
    if low in _WEEKDAYS and published is not None:
        if future:
            ahead = (_WEEKDAYS.index(low) - published.weekday()) % 7 or 7
            return EventDate((published + dt.timedelta(days=ahead)).isoformat(), "day", raw, start, end)
        back = (published.weekday() - _WEEKDAYS.index(low)) % 7
        return EventDate((published - dt.timedelta(days=back)).isoformat(), "day", raw, start, end)
    if low in {"today", "tonight", "this morning", "this afternoon", "this evening"} and published:
        return EventDate(published.isoformat(), "day", raw, start, end)
    if low in {"yesterday", "last night"} and published:
        return EventDate((published - dt.timedelta(days=1)).isoformat(), "day", raw, start, end)
    if published is None and not re.search(r"\b(1[89]|20)\d\d\b", low):
        # undated text: "Friday" or "last week" relative to today would put an archive
        # story in the present (and make its leaders "former"); only a year anchors it
        return None
    if re.fullmatch(r"\d{1,3}", low):
        return None  # a bare number ("80") is an age or a count as often as a year
    if re.fullmatch(r"(the\s+)?(year\s+)?(1[89]|20)\d\d", low):
        return EventDate(f"{low[-4:]}-01-01", "year", raw, start, end)
    if not re.search(r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|yesterday|tomorrow|"
                     r"week|month|year|day|ago", low):
        return None
    parsed = _parse(clean, published)
    if parsed is None:
        return None
    d, period = parsed
    if period == "month":
        d = d.replace(day=1)
    elif period == "year":
        d = d.replace(month=1, day=1)
    if re.fullmatch(r"\d{4}", clean) or re.fullmatch(r"(the\s+)?(year\s+)?\d{4}", low):
        period = "year"
        d = dt.date(int(clean[-4:]), 1, 1)
    return EventDate(d.isoformat(), period, raw, start, end)  # type: ignore[arg-type]


class DateMention:
    """A DATE expression in a sentence, resolved only when an event asks for it (dateparser
    is the slowest step of coding; most date words never date an event)."""

    __slots__ = ("text", "start", "end", "published", "_resolved")

    def __init__(self, text: str, start: int, end: int, published: dt.date | None) -> None:
        self.text, self.start, self.end, self.published = text, start, end, published
        self._resolved: dict[bool, EventDate | None] = {}

    def resolved(self, future: bool = False) -> EventDate | None:
        if future not in self._resolved:
            self._resolved[future] = resolve(self.text, self.published, self.start, self.end, future)
        return self._resolved[future]

    @property
    def date(self) -> str:
        r = self.resolved()
        return r.date if r else ""


def publication(published: dt.date | None) -> EventDate:
    """The fallback for an event the text does not date: the publication date, marked so."""
    day = published or dt.date.today()
    return EventDate(day.isoformat(), "publication", None)
