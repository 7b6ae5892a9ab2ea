"""When two reports are the same real-world event: the merge rule and its parameters.

One abduction told by 150 outlets must be one event with 150 articles, and two attacks on
different days must stay two events. A report joins an existing event when all of these
hold (see docs/store.md):

1. the same CAMEO root (which fixes the PLOVER category and the quad class);
2. the same source country and the same target country (ISO or IGO code);
3. on each side the same person or group when both sides name one from the knowledge base,
   otherwise compatible sectors: the same sector, a sector on one side only ("France" and
   "the French government" are the same actor, "French rebels" is not), two arms of the
   state (government, military, police, intelligence, judiciary, legislature, elites:
   outlets differ on which arm of the state "arrested" someone, not on who did it), or
   unidentified armed men on one side and rebels or soldiers on the other;
4. an event date within ``window_days`` of the event's date (the date of its first
   report: no chaining, so a daily series of talks does not grow into one event);
5. the same place when both reports have one;
6. the event does not already hold a report from the same article: within one article the
   coder has already merged what it could, so two reports there are two events;
7. at least one side has a known country or person: reports about unknown actors are
   never merged, because nothing shows they are the same actors.

"A hosted B" and "B visited A" are one visit: a hosting (CAMEO 043) is compared as the
visit (042) it is, with its actors swapped.

Among several events that qualify, the one with the nearest date wins, then the one
reported by most articles.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class DedupRule:
    """The merge parameters; ``enabled=False`` keeps one event per report (--no-dedup)."""

    window_days: int = 2
    enabled: bool = True


@dataclass
class Side:
    """One side (source or target) of an event, as the merge rule sees it."""

    country: str | None
    sector: str | None
    kb: str | None
    present: bool

    @property
    def known(self) -> bool:
        return self.country is not None or self.kb is not None

    def same_as(self, other: Side) -> bool:
        if self.present != other.present:
            return False
        if not self.present:
            return True
        if self.country != other.country:
            return False
        if self.kb and other.kb and self.kb != self.country and other.kb != other.country:
            return self.kb == other.kb  # two people or groups (an IGO's own id is its code)
        return sectors_compatible(self.sector, other.sector)


STATE = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "ELI"})
ARMED = frozenset({"UAF", "REB", "MIL", "INS", "SEP"})


def sectors_compatible(a: str | None, b: str | None) -> bool:
    """Whether two sectors can name the same actor in two outlets' wording (rule 3)."""
    if a is None or b is None or a == b:
        return True
    if a in STATE and b in STATE:
        return True
    return "UAF" in (a, b) and a in ARMED and b in ARMED


@dataclass
class Cluster:
    """An event (existing or created in this batch) that later reports may join."""

    id: int
    date: dt.date | None
    source: Side
    target: Side
    place: str | None
    articles: int
    swapped: bool = False  # the stored row is a hosting, compared as the guest's visit
    docs: set[str] = field(default_factory=set)


def mergeable(source: Side, target: Side) -> bool:
    """Rule 7: a report may join others only when one side is a known actor."""
    return source.known or target.known


def matches(cluster: Cluster, date: dt.date | None, source: Side, target: Side, place: str | None,
            doc_id: str, rule: DedupRule) -> bool:
    """Rules 3-6 for one candidate (rules 1-2 are the candidate query's key)."""
    if doc_id in cluster.docs:
        return False
    if not (cluster.source.same_as(source) and cluster.target.same_as(target)):
        return False
    if cluster.place and place and cluster.place != place:
        return False
    if cluster.date is None or date is None:
        return cluster.date is None and date is None
    return abs((cluster.date - date).days) <= rule.window_days


def best(candidates: list[Cluster], date: dt.date | None) -> Cluster | None:
    """The candidate with the nearest date, then the most articles."""
    if not candidates:
        return None

    def rank(c: Cluster) -> tuple[int, int, int]:
        gap = abs((c.date - date).days) if c.date and date else 0
        return (gap, -c.articles, c.id)

    return min(candidates, key=rank)


def side_of(row: dict[str, Any], prefix: str) -> Side:
    """A Side from a stored events row (``source_*`` or ``target_*`` columns)."""
    present = any(row.get(f"{prefix}_{k}") is not None for k in ("country", "sector", "kb", "name"))
    return Side(row.get(f"{prefix}_country"), row.get(f"{prefix}_sector"), row.get(f"{prefix}_kb"), present)
