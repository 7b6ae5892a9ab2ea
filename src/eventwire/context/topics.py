"""What a document is about: topics from the package's lexicon (data/topics.yaml) and the
countries its events involve. A topic says which words or actors put it there."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from eventwire.datafiles import as_list, load_yaml
from eventwire.types import Event


@dataclass(frozen=True)
class TopicDef:
    id: str
    label: str
    countries: frozenset[str]


@dataclass(frozen=True)
class TopicLexicon:
    topics: tuple[TopicDef, ...]
    pattern: re.Pattern[str]  # every term of every topic, one pass over the text
    by_term: dict[str, tuple[str, ...]]  # a matched term (lower case; acronyms as written) → topic ids


@lru_cache(maxsize=1)
def topic_lexicon() -> TopicLexicon:
    path = Path(str(resources.files("eventwire.context") / "data" / "topics.yaml"))
    topics: list[TopicDef] = []
    by_term: dict[str, tuple[str, ...]] = {}
    for e in as_list((load_yaml(path) or {}).get("topics")):
        topics.append(TopicDef(str(e["id"]), str(e["label"]), frozenset(str(c) for c in as_list(e.get("countries")))))
        for t in (str(t) for t in as_list(e.get("terms"))):
            key = t if t.isupper() else t.lower()  # acronyms (AI, WHO, LNG) match as written
            by_term[key] = (*by_term.get(key, ()), str(e["id"]))
    loose = sorted((re.escape(t) for t in by_term if not t.isupper()), key=len, reverse=True)
    exact = sorted((re.escape(t) for t in by_term if t.isupper()), key=len, reverse=True)
    pattern = re.compile(r"(?i:\b(?:" + "|".join(loose) + r")\b)|\b(?:" + "|".join(exact) + r")\b")
    return TopicLexicon(tuple(topics), pattern, by_term)


def document_topics(text: str, events: Iterable[Event], country_name: dict[str, str] | None = None
                    ) -> list[dict[str, object]]:
    """Topics of a document, most supported first: ``{"id", "label", "evidence"}``."""
    events = list(events)
    actors = [a for e in events for a in (*e.source, *e.target) if a.country]
    countries: dict[str, int] = {}
    for a in actors:
        countries[a.country or ""] = countries.get(a.country or "", 0) + 1
    lex = topic_lexicon()
    words_of: dict[str, set[str]] = {}
    for m in lex.pattern.finditer(text):
        word = m.group(0)
        for topic in lex.by_term.get(word if word.isupper() and word in lex.by_term else word.lower(), ()):
            words_of.setdefault(topic, set()).add(word)
    found: list[tuple[int, dict[str, object]]] = []
    for t in lex.topics:
        words = sorted(words_of.get(t.id, ()))
        by_actor = sorted(c for c in countries if c in t.countries)
        if words or by_actor:
            evidence = [f"“{w}”" for w in words[:5]] + [f"actor {c}" for c in by_actor]
            found.append((len(words) + sum(countries[c] for c in by_actor),
                          {"id": t.id, "label": t.label, "evidence": evidence}))
    for code, n in countries.items():
        name = (country_name if country_name is not None else {}).get(code, code)
        found.append((n, {"id": f"country:{code}", "label": name, "evidence": [f"{n} actor mentions"]}))
    found.sort(key=lambda x: -x[0])
    return [t for _, t in found]
