"""The embedded event store: one DuckDB file, written by one process at a time.

DuckDB lets one process hold a file for writing; others cannot open it meanwhile, not
even to read. So every writer (``eventwire ingest``, ``code --db``, the web service) opens
the store for as long as it writes, and readers that find it busy get a one-line error
saying who to ask (see docs/store.md, "Serving while ingesting").

Writes are batched: one transaction per batch of documents, so a run killed at any moment
leaves every document either fully stored (document, reports, mentions, merged events)
or not at all, and the next run picks up where it stopped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from eventwire.errors import StoreBusyError, StoreError
from eventwire.pipeline import Document
from eventwire.store import dedup
from eventwire.store.schema import LATEST, MIGRATIONS
from eventwire.types import Actor, Event, Quote


def content_hash(text: str) -> str:
    """The identity of a document's text: the same text from anywhere is stored once."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Coded:
    """One coded document, ready to store."""

    document: Document
    events: list[Event]
    introduced: list[tuple[Actor, int]] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    topics: list[dict[str, Any]] = field(default_factory=list)


class Store:
    """A DuckDB file holding documents, reports, merged events and actors.

    ``Store(path)`` opens (and creates or upgrades) the file for writing;
    ``Store(path, read_only=True)`` opens an existing store for queries only.
    """

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        if read_only and not Path(self.path).exists():
            raise StoreError(f"no event store at {self.path}: run `eventwire ingest` first (or give --db)")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreBusyError(
                    f"{self.path} is being written by another process; wait for it to finish, or query "
                    f"through the running service (docs/store.md)") from None
            raise StoreError(f"cannot open {self.path}: {exc}") from None
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from None
        if read_only:
            if self.schema_version < LATEST:
                raise StoreError(f"{self.path} has schema version {self.schema_version}, this eventwire "
                                 f"needs {LATEST}: open it once for writing (eventwire ingest) to upgrade")
        else:
            self._migrate()

    # -- schema -----------------------------------------------------------------------------

    def _migrate(self) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
        current = self.schema_version
        if current > LATEST:
            raise StoreError(f"{self.path} has schema version {current}, newer than this eventwire "
                             f"({LATEST}): upgrade eventwire")
        for version, sql in enumerate(MIGRATIONS, start=1):
            if version > current:
                self.con.execute("BEGIN")
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_version VALUES (?)", [version])
                self.con.execute("COMMIT")
        if current and current < 3 <= LATEST:
            self._merge_legacy_reports()

    @property
    def schema_version(self) -> int:
        try:
            row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        except duckdb.CatalogException:
            return 0
        return int(row[0]) if row and row[0] is not None else 0

    def _merge_legacy_reports(self) -> None:
        """After migration 3: give reports stored by schema 1-2 their mentions and events."""
        rows = self.con.execute("SELECT record FROM reports WHERE event_id IS NULL ORDER BY doc_id").fetchall()
        by_doc: dict[str, list[Event]] = {}
        for (record,) in rows:
            event = event_from_dict(json.loads(record))
            by_doc.setdefault(event.doc_id, []).append(event)
        docs = {d: (t, p) for d, t, p in self.con.execute("SELECT id, text, published FROM documents").fetchall()}
        self.con.execute("BEGIN")
        assignment = self._assign(by_doc, dedup.DedupRule())
        self._bulk_update_event_ids(assignment)
        self._insert_actors([Coded(Document(docs[d][0], docs[d][1], d), events)
                             for d, events in by_doc.items() if d in docs])
        self.con.execute("COMMIT")

    def _bulk(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], verb: str = "INSERT",
              tail: str = "") -> None:
        """Insert many rows in one statement through an Arrow table (executemany runs one
        statement per row, which made storing cost more than coding)."""
        if not rows:
            return
        import pyarrow as pa

        data = pa.table({c: [r[i] for r in rows] for i, c in enumerate(columns)})
        self.con.register("_eventwire_rows", data)
        try:
            cols = ", ".join(columns)
            self.con.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM _eventwire_rows {tail}")
        finally:
            self.con.unregister("_eventwire_rows")

    def _bulk_update_event_ids(self, assignment: dict[str, int]) -> None:
        if not assignment:
            return
        import pyarrow as pa

        self.con.register("_eventwire_ids", pa.table({"id": list(assignment), "event_id": list(assignment.values())}))
        try:
            self.con.execute("UPDATE reports SET event_id = t.event_id FROM _eventwire_ids t WHERE reports.id = t.id")
        finally:
            self.con.unregister("_eventwire_ids")

    # -- writing ----------------------------------------------------------------------------

    def stored(self, hashes: Sequence[str], ids: Sequence[str]) -> set[str]:
        """Which of these content hashes or document ids are already stored."""
        if not hashes and not ids:
            return set()
        rows = self.con.execute(
            "SELECT content_hash, id FROM documents WHERE content_hash IN (SELECT unnest(?)) "
            "OR id IN (SELECT unnest(?))", [list(hashes), list(ids)]).fetchall()
        return {h for h, _ in rows} | {i for _, i in rows}

    def add(self, document: Document, events: list[Event], introduced: Sequence[tuple[Actor, int]] = (),
            rule: dedup.DedupRule | None = None, quotes: Sequence[Quote] = (),
            topics: Sequence[dict[str, Any]] = ()) -> bool:
        """Store one document and its events; False when it is already stored."""
        return self.add_batch([Coded(document, events, list(introduced), list(quotes), list(topics))], rule)[0]

    def add_batch(self, batch: Sequence[Coded], rule: dedup.DedupRule | None = None) -> list[bool]:
        """Store documents in one transaction; for each, whether it was new."""
        rule = rule or dedup.DedupRule()
        hashes = [content_hash(c.document.text) for c in batch]
        seen = self.stored(hashes, [c.document.doc_id for c in batch])
        added: list[bool] = []
        fresh: list[Coded] = []
        for c, h in zip(batch, hashes, strict=True):
            new = h not in seen and c.document.doc_id not in seen
            added.append(new)
            if new:
                seen.update({h, c.document.doc_id})
                fresh.append(c)
        if not fresh:
            return added
        self.con.execute("BEGIN")
        try:
            self._insert_documents(fresh)
            assignment = self._assign({c.document.doc_id: c.events for c in fresh}, rule)
            self._insert_reports(fresh, assignment)
            self._insert_actors(fresh)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return added

    def _insert_documents(self, batch: Sequence[Coded]) -> None:
        docs = [[c.document.doc_id, content_hash(c.document.text), c.document.date, c.document.title,
                 c.document.text, c.document.source, c.document.url, c.document.origin] for c in batch]
        self._bulk("documents", ("id", "content_hash", "published", "title", "text", "source", "url", "origin"),
                   docs)
        learned = [[a.name, a.country, a.sector, a.role, a.text, a.how, c.document.doc_id, c.document.date, i]
                   for c in batch for a, i in c.introduced]
        self._bulk("learned_actors", ("name", "country", "sector", "role", "mention", "how", "doc_id", "published",
                                      "sentence_index"), learned)
        quotes = [[c.document.doc_id, q.sentence_index, q.kind, q.verb, q.text, q.start, q.end,
                   q.speaker.name, q.speaker.country, q.speaker.sector, q.speaker.kb_id,
                   q.addressee.name if q.addressee else None, q.addressee.country if q.addressee else None,
                   q.medium, _day(q.date.date), q.date.precision]
                  for c in batch for q in c.quotes]
        self._bulk("quotes", QUOTE_COLUMNS, quotes)
        topics = [[c.document.doc_id, t["id"], t["label"], "; ".join(t["evidence"])] for c in batch for t in c.topics]
        self._bulk("doc_topics", ("doc_id", "topic", "label", "evidence"), topics)

    def _insert_reports(self, batch: Sequence[Coded], assignment: dict[str, int]) -> None:
        seen: set[str] = set()
        reports = []
        for c in batch:
            for e in c.events:
                if e.id in seen:
                    continue  # the same report twice in one document: stored once
                seen.add(e.id)
                reports.append([e.id, e.doc_id, e.sentence_index, _day(e.date.date), e.date.precision, e.cameo,
                                e.plover_category, e.plover_mode, e.plover_context, e.goldstein, e.quad_class,
                                _first(e.source, "country"), _first(e.source, "sector"), _first(e.target, "country"),
                                _first(e.target, "sector"), e.modality, e.rule, e.confidence, len(e.mentions),
                                json.dumps(e.to_dict(), ensure_ascii=False), assignment.get(e.id)])
        self._bulk("reports", REPORT_COLUMNS, reports, verb="INSERT OR IGNORE")

    def _insert_actors(self, batch: Sequence[Coded]) -> None:
        rows = []
        counts: dict[str, list[Any]] = {}
        for c in batch:
            day = c.document.date
            for e in c.events:
                for role, actors in (("source", e.source), ("target", e.target)):
                    for a in actors:
                        rows.append([e.id, e.doc_id, role, a.text, a.start, a.end, a.name, a.country, a.sector,
                                     a.kb_id, a.how, a.evidence])
                        key = a.kb_id or f"{a.name}|{a.country or ''}|{a.sector or ''}"
                        origin = "kb" if a.evidence else "text"
                        entry = counts.setdefault(key, [key, a.name, a.country, a.sector, a.kb_id, origin, 0, day, day])
                        entry[6] += 1
                        _widen(entry, day)
            for a, _ in c.introduced:
                key = f"{a.name}|{a.country or ''}|{a.sector or ''}"
                entry = counts.setdefault(key, [key, a.name, a.country, a.sector, None, "learned", 0, day, day])
                entry[5] = "learned" if entry[5] == "text" else entry[5]
                _widen(entry, day)
        self._bulk("actor_mentions", ("report_id", "doc_id", "role", "text", "start_char", "end_char", "name",
                                      "country", "sector", "kb_id", "how", "evidence"), rows)
        self._bulk("actors", ("key", "name", "country", "sector", "kb_id", "origin", "mentions", "first_seen",
                              "last_seen"), list(counts.values()),
                   tail="ON CONFLICT (key) DO UPDATE SET mentions = actors.mentions + excluded.mentions, "
                        "first_seen = least(actors.first_seen, excluded.first_seen), "
                        "last_seen = greatest(actors.last_seen, excluded.last_seen)")

    def _assign(self, by_doc: dict[str, list[Event]], rule: dedup.DedupRule) -> dict[str, int]:
        """Merge each report into an existing event or a new one; write events, mentions and
        counts; return each report's event id (the caller stores the reports)."""
        reports = [e for events in by_doc.values() for e in events]
        if not reports:
            return {}
        clusters = self._candidates(reports, rule) if rule.enabled else {}
        new_rows: list[list[Any]] = []
        mention_rows: list[list[Any]] = []
        touched: set[int] = set()
        assignment: list[tuple[int, str]] = []
        placed: list[tuple[str, int]] = []
        located: dict[int, Any] = {}
        sharpened: list[tuple[str, str, str | None, str | None, int]] = []
        next_ids = self._id_counter()
        for e in reports:
            sources, targets = _sides(e)
            key, src, tgt, place = _key(e), _side(sources), _side(targets), e.attributes.get("place")
            day = _day(e.date.date)
            chosen = None
            if rule.enabled and dedup.mergeable(src, tgt):
                pool = [c for c in clusters.get(key, []) if dedup.matches(c, day, src, tgt, place, e.doc_id, rule)]
                chosen = dedup.best(pool, day)
            if chosen is None:
                chosen = dedup.Cluster(next(next_ids), day, src, tgt, place, 0, swapped=e.cameo == HOST_VISIT)
                clusters.setdefault(key, []).append(chosen)
                new_rows.append(_event_row(chosen.id, e))
            else:
                touched.add(chosen.id)
                if place and not chosen.place:  # the first report to say where fixes the place
                    chosen.place = place
                    placed.append((place, chosen.id))
                if e.location is not None and chosen.id not in located:
                    located[chosen.id] = e.location
                sides = (("source", chosen.source, src, sources), ("target", chosen.target, tgt, targets))
                for prefix, mine, theirs, actors in sides:
                    if (theirs.kb and not mine.kb) or (theirs.sector and not mine.sector):
                        # the first report to name the person (or sector) makes the event that specific
                        mine.kb, mine.sector = mine.kb or theirs.kb, mine.sector or theirs.sector
                        if chosen.swapped:  # the stored row is a hosting: its columns are the other way
                            prefix = "target" if prefix == "source" else "source"
                        sharpened.append((prefix, actors[0].name, mine.sector, mine.kb, chosen.id))
            if e.doc_id not in chosen.docs:
                chosen.docs.add(e.doc_id)
                chosen.articles += 1
            assignment.append((chosen.id, e.id))
            for m in e.mentions:
                mention_rows.append([chosen.id, e.id, e.doc_id, m.sentence_index, m.sentence.start, m.sentence.end,
                                     m.trigger.start, m.trigger.end, m.trigger.text, m.sentence.text])
        self._bulk("events", EVENT_COLUMNS, new_rows)
        touched.update(r[0] for r in new_rows)
        self._bulk("event_mentions", ("event_id", "report_id", "doc_id", "sentence_index", "sentence_start",
                                      "sentence_end", "trigger_start", "trigger_end", "trigger_text", "sentence"),
                   mention_rows)
        if placed:
            self.con.executemany("UPDATE events SET place = ? WHERE id = ?", placed)
        for event_id, loc in located.items():  # an event that had no place takes its first report's that has one
            self.con.execute("UPDATE events SET location_name = ?, location_kind = ?, location_country = ?, "
                             "location_admin1 = ?, location_lat = ?, location_lon = ?, location_geonameid = ? "
                             "WHERE id = ? AND location_name IS NULL", [*_location_values(loc), event_id])
        for prefix, name, sector, kb, event_id in sharpened:
            self.con.execute(f"UPDATE events SET {prefix}_name = ?, {prefix}_sector = ?, {prefix}_kb = ? "
                             f"WHERE id = ?", [name, sector, kb, event_id])  # noqa: S608 - fixed prefixes
        self.con.execute(
            """UPDATE events SET num_mentions = c.m, num_articles = c.a, num_sources = c.s FROM (
                   SELECT m.event_id, count(*) AS m, count(DISTINCT m.doc_id) AS a,
                          count(DISTINCT coalesce(d.source, m.doc_id)) AS s
                   FROM event_mentions m JOIN documents d ON d.id = m.doc_id
                   WHERE m.event_id IN (SELECT unnest(?)) GROUP BY m.event_id) c
               WHERE events.id = c.event_id""", [sorted(touched)])
        return {report_id: event_id for event_id, report_id in assignment}

    def _id_counter(self) -> Iterator[int]:
        """Event ids in creation order, one past the largest stored: the store has one writer,
        so ids depend only on the order reports arrive (an ingest and a batch load of the
        same input give the same ids)."""
        (row,) = self.con.execute("SELECT coalesce(max(id), 0) FROM events").fetchall()
        return itertools.count(int(row[0]) + 1)

    def _candidates(self, reports: list[Event], rule: dedup.DedupRule) -> dict[tuple[Any, ...], list[dedup.Cluster]]:
        """Stored events that share a report's CAMEO root and countries and are near its date."""
        keys = {(*_key(e), _day(e.date.date)) for e in reports}
        # a stored hosting (043) is compared as the guest's visit: its sides swapped
        rows = self.con.execute(
            """WITH e AS (
                   SELECT id, event_date, cameo_root, place, num_articles, cameo = ? AS swapped,
                          CASE WHEN cameo = ? THEN target_country ELSE source_country END AS sc,
                          CASE WHEN cameo = ? THEN source_country ELSE target_country END AS tc,
                          source_country, source_sector, source_kb, source_name,
                          target_country, target_sector, target_kb, target_name
                   FROM events)
               SELECT DISTINCT e.id, e.event_date, e.cameo_root, e.source_country, e.source_sector, e.source_kb,
                      e.source_name, e.target_country, e.target_sector, e.target_kb, e.target_name, e.place,
                      e.num_articles, e.swapped
               FROM e JOIN (SELECT unnest(?) AS root, unnest(?) AS sc, unnest(?) AS tc, unnest(?) AS day) k
                 ON e.cameo_root = k.root AND e.sc IS NOT DISTINCT FROM k.sc AND e.tc IS NOT DISTINCT FROM k.tc
                AND (e.event_date IS NULL AND k.day IS NULL
                     OR e.event_date BETWEEN k.day - ?::INTEGER AND k.day + ?::INTEGER)""",
            [HOST_VISIT, HOST_VISIT, HOST_VISIT, [k[0] for k in keys], [k[1] for k in keys], [k[2] for k in keys],
             [k[3] for k in keys], rule.window_days, rule.window_days]).fetchall()
        cols = ["id", "event_date", "cameo_root", "source_country", "source_sector", "source_kb", "source_name",
                "target_country", "target_sector", "target_kb", "target_name", "place", "num_articles", "swapped"]
        out: dict[tuple[Any, ...], list[dedup.Cluster]] = {}
        for r in rows:
            row = dict(zip(cols, r, strict=True))
            first, second = ("target", "source") if row["swapped"] else ("source", "target")
            cluster = dedup.Cluster(row["id"], row["event_date"], dedup.side_of(row, first),
                                    dedup.side_of(row, second), row["place"], row["num_articles"],
                                    swapped=bool(row["swapped"]))
            key = (row["cameo_root"], row[f"{first}_country"], row[f"{second}_country"])
            out.setdefault(key, []).append(cluster)
        return out

    # -- reading ----------------------------------------------------------------------------

    def learned(self, min_count: int = 1) -> list[dict[str, Any]]:
        """Learned actors grouped by name, country and sector, most often seen first."""
        rows = self.con.execute(
            """SELECT name, country, sector, any_value(role) AS role, count(*) AS mentions,
                      count(DISTINCT doc_id) AS documents, min(published) AS first_seen,
                      min(doc_id) AS example_doc
               FROM learned_actors GROUP BY name, country, sector HAVING count(*) >= ?
               ORDER BY mentions DESC, name""", [min_count]).fetchall()
        cols = ["name", "country", "sector", "role", "mentions", "documents", "first_seen", "example_doc"]
        return [dict(zip(cols, r, strict=True)) for r in rows]

    def count(self, table: str) -> int:
        if table not in TABLES:
            raise StoreError(f"no table {table!r}; tables: {', '.join(sorted(TABLES))}")
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608 - fixed names
        return int(row[0]) if row else 0

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, params or []).fetchall()

    def events(self, source: str | None = None, target: str | None = None, since: Any = None,
               until: Any = None, category: str | None = None, cameo: str | None = None,
               limit: int | None = None, arrow: bool = False) -> Any:
        """Merged events matching the filters, as a pandas DataFrame (an Arrow table with arrow=True)."""
        from eventwire.store.queries import EventFilter, select_events

        rel = select_events(self.con, EventFilter(source, target, _opt_date(since), _opt_date(until),
                                                  category, cameo, limit))
        return rel.to_arrow_table() if arrow else rel.df()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


TABLES = frozenset({"documents", "reports", "events", "event_mentions", "actor_mentions", "actors",
                    "learned_actors", "quotes", "doc_topics"})

QUOTE_COLUMNS = ("doc_id", "sentence_index", "kind", "verb", "text", "start_char", "end_char", "speaker_name",
                 "speaker_country", "speaker_sector", "speaker_kb", "addressee_name", "addressee_country", "medium",
                 "quote_date", "date_precision")

REPORT_COLUMNS = ("id", "doc_id", "sentence_index", "event_date", "date_precision", "cameo", "plover_category",
                  "plover_mode", "plover_context", "goldstein", "quad_class", "source_country", "source_sector",
                  "target_country", "target_sector", "modality", "rule", "confidence", "mentions", "record",
                  "event_id")

EVENT_COLUMNS = ("id", "event_date", "date_precision", "cameo", "cameo_root", "cameo_name", "plover_category",
                 "plover_mode", "plover_context", "goldstein", "quad_class", "source_name", "source_country",
                 "source_sector", "source_kb", "target_name", "target_country", "target_sector", "target_kb",
                 "place", "num_mentions", "num_sources", "num_articles", "first_report", "location_name",
                 "location_kind", "location_country", "location_admin1", "location_lat", "location_lon",
                 "location_geonameid")


def _event_row(event_id: int, e: Event) -> list[Any]:
    s = e.source[0] if e.source else None
    t = e.target[0] if e.target else None
    return [event_id, _day(e.date.date), e.date.precision, e.cameo, e.cameo[:2], e.cameo_name, e.plover_category,
            e.plover_mode, e.plover_context, e.goldstein, e.quad_class,
            s.name if s else None, s.country if s else None, s.sector if s else None, s.kb_id if s else None,
            t.name if t else None, t.country if t else None, t.sector if t else None, t.kb_id if t else None,
            e.attributes.get("place"), len(e.mentions), 1, 1, e.id, *_location_values(e.location)]


def _location_values(loc: Any) -> list[Any]:
    if loc is None:
        return [None] * 7
    return [loc.name, loc.kind, loc.country, loc.admin1, loc.lat, loc.lon, loc.geonameid]


def _key(e: Event) -> tuple[str, str | None, str | None]:
    source, target = _sides(e)
    return (e.cameo[:2], _first(source, "country"), _first(target, "country"))


def _sides(e: Event) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """Source and target as the merge rule compares them: a hosting is the guest's visit."""
    return (e.target, e.source) if e.cameo == HOST_VISIT else (e.source, e.target)


HOST_VISIT = "043"


def _side(actors: tuple[Actor, ...]) -> dedup.Side:
    if not actors:
        return dedup.Side(None, None, None, False)
    a = actors[0]
    return dedup.Side(a.country, a.sector, a.kb_id, True)


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _opt_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    from eventwire.pipeline import parse_date

    return parse_date(str(value))


def _widen(entry: list[Any], day: dt.date | None) -> None:
    """Stretch an actor row's first and last seen dates to include ``day``."""
    if day is not None:
        entry[7] = day if entry[7] is None else min(entry[7], day)
        entry[8] = day if entry[8] is None else max(entry[8], day)


def _first(actors: tuple[Any, ...], attr: str) -> str | None:
    return getattr(actors[0], attr) if actors else None


def event_from_dict(d: dict[str, Any]) -> Event:
    """An Event back from its stored JSON record (``Event.to_dict``)."""
    from eventwire.types import EventDate, Location, Mention, TextSpan

    def span(x: dict[str, Any]) -> TextSpan:
        return TextSpan(x["start"], x["end"], x["text"])

    mentions = tuple(Mention(m["sentence_index"], span(m["sentence"]), span(m["trigger"]),
                             tuple(span(s) for s in m["source"]), tuple(span(t) for t in m["target"]))
                     for m in d["mentions"])
    return Event(id=d["id"], doc_id=d["doc_id"], sentence_index=d["sentence_index"], date=EventDate(**d["date"]),
                 source=tuple(Actor(**a) for a in d["source"]), target=tuple(Actor(**a) for a in d["target"]),
                 cameo=d["cameo"], cameo_name=d["cameo_name"], plover_category=d["plover_category"],
                 plover_mode=d["plover_mode"], plover_context=d["plover_context"], goldstein=d["goldstein"],
                 quad_class=d["quad_class"], modality=d["modality"], rule=d["rule"], confidence=d["confidence"],
                 mentions=mentions, attributes=dict(d.get("attributes") or {}),
                 location=Location(**d["location"]) if d.get("location") else None)
