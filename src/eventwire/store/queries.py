"""The questions users ask of a store: filtered events, dyad time series, top actors.

Every query reads the merged ``events`` table (one row per real-world event), so counts
are of events, not of the articles that repeated them; ``num_articles`` says how often
each was reported.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import duckdb

from eventwire.errors import InputError

PERIODS = ("day", "week", "month", "quarter", "year")

EVENT_FIELDS = ("id", "event_date", "date_precision", "source_name", "source_country", "source_sector",
                "cameo", "cameo_name", "plover_category", "plover_mode", "plover_context", "target_name",
                "target_country", "target_sector", "goldstein", "quad_class", "place", "num_mentions",
                "num_sources", "num_articles", "first_report", "location_name", "location_kind",
                "location_country", "location_admin1", "location_lat", "location_lon", "location_geonameid")


@dataclass(frozen=True)
class ActorSpec:
    """An actor filter: a country or IGO code, optionally with a sector (``RUS`` or ``RUS:GOV``)."""

    country: str
    sector: str | None = None

    @classmethod
    def parse(cls, text: str) -> ActorSpec:
        country, _, sector = text.strip().upper().partition(":")
        if not country.isalnum():
            raise InputError(f"cannot read actor {text!r}: give a country or IGO code such as RUS or RUS:GOV")
        return cls(country, sector or None)


@dataclass(frozen=True)
class EventFilter:
    """Which merged events to return; every field is optional."""

    source: str | None = None
    target: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    category: str | None = None
    cameo: str | None = None
    limit: int | None = None
    offset: int = 0
    sort: str | None = None  # a column of EVENT_FIELDS, "-" first for descending


def _actor_clause(prefix: str, spec: ActorSpec, params: list[Any]) -> str:
    params.append(spec.country)
    clause = f"{prefix}_country = ?"
    if spec.sector:
        params.append(spec.sector)
        clause += f" AND {prefix}_sector = ?"
    return clause


def where(f: EventFilter) -> tuple[str, list[Any]]:
    """The SQL WHERE clause (and its parameters) for a filter."""
    clauses: list[str] = []
    params: list[Any] = []
    if f.source:
        clauses.append(_actor_clause("source", ActorSpec.parse(f.source), params))
    if f.target:
        clauses.append(_actor_clause("target", ActorSpec.parse(f.target), params))
    if f.since:
        clauses.append("event_date >= ?")
        params.append(f.since)
    if f.until:
        clauses.append("event_date <= ?")
        params.append(f.until)
    if f.category:
        clauses.append("plover_category = ?")
        params.append(f.category.strip().upper())
    if f.cameo:
        clauses.append("starts_with(cameo, ?)")
        params.append(f.cameo.strip())
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def select_events(con: duckdb.DuckDBPyConnection, f: EventFilter) -> duckdb.DuckDBPyRelation:
    """The filtered event query as a relation; the caller fetches rows, a DataFrame or Arrow."""
    clause, params = where(f)
    sql = f"SELECT {', '.join(EVENT_FIELDS)} FROM events{clause} ORDER BY {order_by(f.sort)}"  # noqa: S608
    if f.limit:
        sql += f" LIMIT {int(f.limit)}"
    if f.offset:
        sql += f" OFFSET {int(f.offset)}"
    return con.cursor().sql(sql, params=params)  # its own cursor: earlier results may be open


def order_by(sort: str | None) -> str:
    """An ORDER BY clause from a user's sort key, checked against the known columns."""
    if not sort:
        return "event_date, id"
    column = sort.lstrip("-")
    if column not in EVENT_FIELDS:
        raise InputError(f"cannot sort by {column!r}; choose one of {', '.join(EVENT_FIELDS)}")
    return f"{column} {'DESC' if sort.startswith('-') else 'ASC'} NULLS LAST, id"


def count_events(con: duckdb.DuckDBPyConnection, f: EventFilter) -> int:
    clause, params = where(f)
    row = con.cursor().execute(f"SELECT count(*) FROM events{clause}", params).fetchone()  # noqa: S608
    return int(row[0]) if row else 0


@dataclass(frozen=True)
class DyadPeriod:
    """One period of a dyad's series: event counts by quad class and Goldstein intensity."""

    period: dt.date
    events: int
    verbal_coop: int
    material_coop: int
    verbal_conflict: int
    material_conflict: int
    goldstein_sum: float
    goldstein_mean: float | None


def dyad_series(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "week", directed: bool = False,
                since: dt.date | None = None, until: dt.date | None = None) -> list[DyadPeriod]:
    """Events between two actors per period, every period in range present (zeros included).

    Undirected by default: A's acts toward B and B's toward A together, as in most dyadic
    studies; ``directed=True`` keeps A→B only.
    """
    if by not in PERIODS:
        raise InputError(f"--by must be one of {', '.join(PERIODS)}, got {by!r}")
    sa, sb = ActorSpec.parse(a), ActorSpec.parse(b)
    params: list[Any] = []
    forward = f"({_actor_clause('source', sa, params)} AND {_actor_clause('target', sb, params)})"
    if not directed:
        forward += f" OR ({_actor_clause('source', sb, params)} AND {_actor_clause('target', sa, params)})"
    clause = f"({forward}) AND event_date IS NOT NULL"
    if since:
        clause += " AND event_date >= ?"
        params.append(since)
    if until:
        clause += " AND event_date <= ?"
        params.append(until)
    sql = f"""
        WITH d AS (SELECT date_trunc('{by}', event_date)::DATE AS period, quad_class, goldstein
                   FROM events WHERE {clause}),
             agg AS (SELECT period, count(*) AS n,
                            count(*) FILTER (WHERE quad_class = 1) AS q1,
                            count(*) FILTER (WHERE quad_class = 2) AS q2,
                            count(*) FILTER (WHERE quad_class = 3) AS q3,
                            count(*) FILTER (WHERE quad_class = 4) AS q4,
                            sum(goldstein) AS gsum, avg(goldstein) AS gmean
                     FROM d GROUP BY period),
             span AS (SELECT unnest(generate_series(min(period), max(period), INTERVAL 1 {by}))::DATE AS period
                      FROM agg)
        SELECT span.period, coalesce(n, 0), coalesce(q1, 0), coalesce(q2, 0), coalesce(q3, 0),
               coalesce(q4, 0), coalesce(gsum, 0), gmean
        FROM span LEFT JOIN agg USING (period) ORDER BY span.period"""  # noqa: S608 - by is checked
    rows = con.execute(sql, params).fetchall()
    return [DyadPeriod(r[0], int(r[1]), int(r[2]), int(r[3]), int(r[4]), int(r[5]), float(r[6]),
                       None if r[7] is None else float(r[7])) for r in rows]


def top_actors(con: duckdb.DuckDBPyConnection, since: dt.date | None = None, until: dt.date | None = None,
               by: str = "actor", limit: int = 20) -> list[dict[str, Any]]:
    """The most active actors (as source or target of merged events), with their balance.

    ``by="actor"`` counts named people and groups apart from their country's other actors;
    ``by="country"`` adds everything up per country or organisation.
    """
    if by not in {"actor", "country"}:
        raise InputError(f"--by must be actor or country, got {by!r}")
    params: list[Any] = []
    cond = "TRUE"
    if since:
        cond += " AND event_date >= ?"
        params.append(since)
    if until:
        cond += " AND event_date <= ?"
        params.append(until)
    keys = "country" if by == "country" else "name, country, sector"
    sql = f"""
        WITH sides AS (
            SELECT source_name AS name, source_country AS country, source_sector AS sector,
                   goldstein, 'source' AS side FROM events WHERE {cond} AND source_country IS NOT NULL
            UNION ALL
            SELECT target_name, target_country, target_sector, goldstein, 'target'
            FROM events WHERE {cond} AND target_country IS NOT NULL)
        SELECT {keys}, count(*) AS events, count(*) FILTER (WHERE side = 'source') AS as_source,
               count(*) FILTER (WHERE side = 'target') AS as_target, round(avg(goldstein), 2) AS goldstein_mean
        FROM sides GROUP BY {keys} ORDER BY events DESC, {keys} LIMIT {int(limit)}"""  # noqa: S608
    cur = con.execute(sql, params * 2)
    cols = [d[0] for d in cur.description or []]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float]) -> str:
    """A one-line chart of ``values`` in block characters (lowest ▁, highest █)."""
    if not values:
        return ""
    lo, hi = min(values), max(values)
    if hi == lo:
        return SPARKS[0 if hi == 0 else 3] * len(values)
    return "".join(SPARKS[round((v - lo) / (hi - lo) * (len(SPARKS) - 1))] for v in values)


def _rows(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description or []]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def event_detail(con: duckdb.DuckDBPyConnection, event_id: int) -> dict[str, Any] | None:
    """One merged event with every article sentence that reported it and the evidence:
    the trigger, the actor mentions with how each was resolved, and the lexicon rule."""
    cur = con.cursor()
    events = _rows(cur.execute(f"SELECT {', '.join(EVENT_FIELDS)} FROM events WHERE id = ?", [event_id]))  # noqa: S608
    if not events:
        return None
    mentions = _rows(cur.execute(
        """SELECT m.report_id, m.doc_id, d.title, d.url, d.source AS outlet, d.published, m.sentence_index,
                  m.sentence, m.sentence_start, m.trigger_text, m.trigger_start - m.sentence_start AS trigger_at,
                  m.trigger_end - m.sentence_start AS trigger_end, r.rule, r.confidence, r.cameo, r.modality
           FROM event_mentions m JOIN documents d ON d.id = m.doc_id JOIN reports r ON r.id = m.report_id
           WHERE m.event_id = ? ORDER BY d.published, m.doc_id, m.sentence_index""", [event_id]))
    actors = _rows(cur.execute(
        """SELECT a.report_id, a.role, a.text, a.start_char, a.end_char, a.name, a.country, a.sector, a.kb_id,
                  a.how, a.evidence
           FROM actor_mentions a WHERE a.report_id IN (SELECT report_id FROM event_mentions WHERE event_id = ?)
           ORDER BY a.report_id, a.role DESC""", [event_id]))
    for m in mentions:
        m["actors"] = [a for a in actors if a["report_id"] == m["report_id"]]
    cur.close()
    return {"event": events[0], "mentions": mentions}


def actor_profile(con: duckdb.DuckDBPyConnection, key: str, limit: int = 20) -> dict[str, Any] | None:
    """An actor (its key in the ``actors`` table, or a country/IGO code): who it is, its
    main partners (the other side of its events) and its recent events."""
    cur = con.cursor()
    found = _rows(cur.execute("SELECT * FROM actors WHERE key = ?", [key]))
    if found:
        actor = found[0]
        if actor["kb_id"]:
            cond, params = "{side}_kb = ?", [actor["kb_id"]]
        else:
            cond = "{side}_name = ? AND {side}_country IS NOT DISTINCT FROM ?"
            params = [actor["name"], actor["country"]]
    else:
        code = key.strip().upper()
        n = cur.execute("SELECT count(*) FROM events WHERE source_country = ? OR target_country = ?",
                        [code, code]).fetchone()
        if not n or not n[0]:
            cur.close()
            return None
        actor = {"key": code, "name": code, "country": code, "sector": None, "kb_id": None, "origin": "country"}
        cond, params = "{side}_country = ?", [code]
    src, tgt = cond.format(side="source"), cond.format(side="target")
    partners = _rows(cur.execute(
        f"""WITH mine AS (
                SELECT target_country AS country, goldstein FROM events WHERE {src} AND target_country IS NOT NULL
                UNION ALL
                SELECT source_country, goldstein FROM events WHERE {tgt} AND source_country IS NOT NULL)
            SELECT country, count(*) AS events, round(avg(goldstein), 2) AS goldstein_mean
            FROM mine GROUP BY country ORDER BY events DESC, country LIMIT ?""",  # noqa: S608 - fixed templates
        [*params, *params, limit]))
    recent = _rows(cur.execute(
        f"SELECT {', '.join(EVENT_FIELDS)} FROM events WHERE ({src}) OR ({tgt}) "  # noqa: S608
        f"ORDER BY event_date DESC NULLS LAST, id DESC LIMIT ?", [*params, *params, limit]))
    cur.close()
    return {"actor": actor, "partners": partners, "recent": recent}


def network(con: duckdb.DuckDBPyConnection, since: dt.date | None = None, until: dt.date | None = None,
            limit: int = 40) -> list[dict[str, Any]]:
    """Country pairs by number of events between them (either direction), with the mean Goldstein."""
    cond, params = "source_country IS NOT NULL AND target_country IS NOT NULL AND source_country <> target_country", []
    if since:
        cond += " AND event_date >= ?"
        params.append(since)
    if until:
        cond += " AND event_date <= ?"
        params.append(until)
    return _rows(con.cursor().execute(
        f"""SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b,
                   count(*) AS events, round(avg(goldstein), 2) AS goldstein_mean
            FROM events WHERE {cond} GROUP BY a, b ORDER BY events DESC, a, b LIMIT ?""",  # noqa: S608
        [*params, limit]))


def find_quotes(con: duckdb.DuckDBPyConnection, speaker: str | None = None, since: dt.date | None = None,
                until: dt.date | None = None, limit: int = 50, doc_id: str | None = None) -> list[dict[str, Any]]:
    """Quotes, newest first; ``speaker`` matches a country code, a knowledge-base id or part of a name."""
    cond, params = "TRUE", list[Any]()
    if speaker:
        cond += " AND (q.speaker_country = upper(?) OR q.speaker_kb = lower(?) OR q.speaker_name ILIKE ?)"
        params += [speaker, speaker, f"%{speaker}%"]
    if since:
        cond += " AND q.quote_date >= ?"
        params.append(since)
    if until:
        cond += " AND q.quote_date <= ?"
        params.append(until)
    if doc_id:
        cond += " AND q.doc_id = ?"
        params.append(doc_id)
    return _rows(con.cursor().execute(
        f"""SELECT q.*, d.title, d.source AS outlet FROM quotes q JOIN documents d ON d.id = q.doc_id
            WHERE {cond} ORDER BY q.quote_date DESC NULLS LAST, q.doc_id, q.start_char LIMIT ?""",  # noqa: S608
        [*params, int(limit)]))
