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
    pattern: re.Pattern[str] | None
    countries: frozenset[str]


@lru_cache(maxsize=1)
def topic_defs() -> tuple[TopicDef, ...]:
    path = Path(str(resources.files("eventwire.context") / "data" / "topics.yaml"))
    out = []
    for e in as_list((load_yaml(path) or {}).get("topics")):
        terms = [str(t) for t in as_list(e.get("terms"))]
        # acronyms (AI, WHO, LNG) match as written; words in any case
        exact = [re.escape(t) for t in terms if t.isupper()]
        loose = [re.escape(t) for t in terms if not t.isupper()]
        parts = []
        if loose:
            parts.append(r"(?i:\b(?:" + "|".join(loose) + r")\b)")
        if exact:
            parts.append(r"\b(?:" + "|".join(exact) + r")\b")
        out.append(TopicDef(str(e["id"]), str(e["label"]), re.compile("|".join(parts)) if parts else None,
                            frozenset(str(c) for c in as_list(e.get("countries")))))
    return tuple(out)


def document_topics(text: str, events: Iterable[Event], country_name: dict[str, str] | None = None
                    ) -> list[dict[str, object]]:
    """Topics of a document, most supported first: ``{"id", "label", "evidence"}``."""
    events = list(events)
    actors = [a for e in events for a in (*e.source, *e.target) if a.country]
    countries: dict[str, int] = {}
    for a in actors:
        countries[a.country or ""] = countries.get(a.country or "", 0) + 1
    found: list[tuple[int, dict[str, object]]] = []
    for t in topic_defs():
        words = sorted({m.group(0) for m in t.pattern.finditer(text)}) if t.pattern else []
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
