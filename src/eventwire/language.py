"""Is this text English? A cheap check on function words, before anything is coded.

About half the lower-case words of English news prose are function words. A text is taken as English when its
English function words outnumber those of each other common Latin-script language (using
spaCy's own stop-word lists, no model needed) and make up a minimal share of its words;
text mostly in another script is not English. Short texts (headlines) are given the
benefit of the doubt.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache

from eventwire import settings

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
_OTHER = ("de", "fr", "es", "it", "pt", "nl")


@lru_cache(maxsize=1)
def _stop_words() -> dict[str, frozenset[str]]:
    out = {}
    for lang in ("en", *_OTHER):
        mod = importlib.import_module(f"spacy.lang.{lang}.stop_words")
        out[lang] = frozenset(w.lower() for w in mod.STOP_WORDS)
    return out


def english_ratio(text: str) -> float:
    """Share of words that are English function words (about 0.4 in news prose)."""
    words = [w for w in _WORD.findall(text[:20000]) if w[0].islower()]
    if not words:
        return 0.0
    stop = _stop_words()["en"]
    return sum(w in stop for w in words) / len(words)


def looks_english(text: str) -> bool:
    sample = text[:20000]
    letters = [c for c in sample if c.isalpha()]
    if letters and sum(c.isascii() for c in letters) / len(letters) < 0.7:
        return False  # mostly another script
    # names and acronyms say nothing about the language: judge on lower-case words
    words = [w for w in _WORD.findall(sample) if w[0].islower()]
    if len(words) < 6:
        return True  # too short to judge; headlines are short
    stops = _stop_words()
    en = sum(w in stops["en"] for w in words)
    other = max(sum(w in stops[lang] for w in words) for lang in _OTHER)
    if len(words) < 15:
        # a one-sentence wire lead is mostly content words ("A drone attack on Odesa damaged
        # grain terminals overnight"): judge it on English function words outnumbering others
        return en >= 1 and en >= other
    return en >= other and en / len(words) >= float(settings.get("min_english_ratio"))
