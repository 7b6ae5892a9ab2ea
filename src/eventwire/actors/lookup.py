"""Resolve a free-standing actor mention ("Armenian Prime Minister", "the Kremlin") and say
why: the command-line `eventwire actors resolve` and `eventwire.resolve_actor` use this.

The mention is parsed with the same pipeline as articles and resolved by the same
resolver, so what it prints is what the coder would do with those words in a story.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from eventwire.actors.resolve import DocContext
from eventwire.types import Actor


@dataclass(frozen=True)
class Resolution:
    """What a mention resolves to on a date, and the reasons."""

    text: str
    date: str | None
    actors: tuple[Actor, ...]
    why: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "date": self.date, "actors": [asdict(a) for a in self.actors],
                "why": list(self.why)}


def resolve_mention(coder: Any, text: str, date: dt.date | None) -> Resolution:
    """Resolve ``text`` as one actor mention on ``date`` with ``coder``'s pipeline."""
    doc = coder.nlp(text)
    span = doc[:]
    ctx = DocContext(date=date)
    coder.resolver.learn_from_sentence(span, ctx, date)
    head = span.root
    actors = coder.resolver.resolve(head, ctx, date)
    if not actors:
        # a coordinated or appositive mention: try each noun in turn
        for tok in span:
            if tok.pos_ in {"PROPN", "NOUN"} and tok.dep_ != "compound":
                actors = coder.resolver.resolve(tok, ctx, date)
                if actors:
                    break
    why = tuple(explain(coder.kb, a, date) for a in actors) or ("no country, organisation, person or "
                                                                 "role noun in the knowledge base matches",)
    return Resolution(text, date.isoformat() if date else None, tuple(actors), why)


def explain(kb: Any, actor: Actor, day: dt.date | None) -> str:
    """One sentence on how an actor was resolved, naming the data entry that decided it."""
    where = f" ({actor.evidence})" if actor.evidence else ""
    if actor.how in {"person:kb", "group:kb"} and actor.kb_id in kb.people:
        p = kb.people[actor.kb_id]
        when = day.isoformat() if day else "today"
        roles = "; ".join(f"{r.role} {r.sector} {r.start or '?'}..{r.end or ''}" for r in p.roles) or "no dated roles"
        return (f"{p.name} is in the knowledge base{where}; on {when} the sector is {actor.sector}"
                f" ({actor.role or 'no office held'}). Roles: {roles}.")
    if actor.how.startswith("learned"):
        return (f"'{actor.text}' names someone the knowledge base does not hold; the title or apposition "
                f"gives {actor.country or 'no country'} and {actor.sector or 'no sector'}{where}.")
    if actor.how.startswith("coref"):
        return f"'{actor.text}' refers back to {actor.name} ({actor.how})."
    if actor.how.startswith("kb:"):
        kind = actor.how.split(":", 1)[1].split("+")[0]
        sector = f", sector {actor.sector} from the role noun or body" if actor.sector else ""
        office = (f"; {actor.name} held the office of {actor.role} on {day or 'today'}"
                  if "+office" in actor.how else "")
        article = "an" if kind[:1] in "aeiou" else "a"
        return f"'{actor.text}' contains {article} {kind} of {actor.country}{where}{sector}{office}."
    if actor.how == "role":
        return f"only a role noun: sector {actor.sector}, no country in the words."
    return actor.how
