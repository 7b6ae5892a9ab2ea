"""Alerts an early-warning analyst reads first: what is new, and what changed suddenly.

* **Novelty**: the first interaction of its kind between two countries in ``days`` days,
  such as the first government-to-government consultation in three years. "Of its kind"
  is the CAMEO root plus the sector on each side, so a leaders' call is new even when
  their foreign ministries' militaries clashed last month. An event only counts as new
  when the store reaches back far enough to know: a store holding one week of news says
  nothing is new after three years of silence.
* **Shift**: a dyad whose mean Goldstein score in a period moved by at least
  ``min_shift`` points from its mean over the previous ``baseline`` periods, with at least
  ``min_events`` events in the period, so one stray event does not raise an alarm.

Each alert lists the merged events behind it, so a person can read the articles.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import duckdb

from eventwire.errors import InputError
from eventwire.store.queries import PERIODS

_PAIR = """
    SELECT id, event_date, cameo, cameo_root, cameo_name, goldstein, source_country, target_country,
           source_name, target_name,
           least(source_country, target_country) AS a, greatest(source_country, target_country) AS b,
           CASE WHEN source_country <= target_country THEN coalesce(source_sector, '')
                ELSE coalesce(target_sector, '') END AS sa,
           CASE WHEN source_country <= target_country THEN coalesce(target_sector, '')
                ELSE coalesce(source_sector, '') END AS sb
    FROM events
    WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND source_country <> target_country
      AND event_date IS NOT NULL"""


@dataclass
class Alert:
    kind: str  # "novelty" or "shift"
    date: dt.date
    dyad: tuple[str, str]
    summary: str
    events: list[int] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "date": self.date.isoformat(), "dyad": list(self.dyad), "summary": self.summary,
                "events": self.events, **self.details}


def novelty(con: duckdb.DuckDBPyConnection, since: dt.date, days: int = 1095) -> list[Alert]:
    """First interactions of their kind (root, sectors) between two countries in ``days`` days."""
    row = con.execute("SELECT min(event_date) FROM events").fetchone()
    earliest = row[0] if row else None
    if earliest is None:
        return []
    sql = f"""
        WITH p AS ({_PAIR}),
        firsts AS (
            SELECT cur.* FROM p cur
            WHERE cur.event_date >= ? AND cur.event_date - ?::INTEGER >= ?
              AND NOT EXISTS (SELECT 1 FROM p prev
                              WHERE prev.a = cur.a AND prev.b = cur.b AND prev.sa = cur.sa AND prev.sb = cur.sb
                                AND prev.cameo_root = cur.cameo_root AND prev.event_date < cur.event_date
                                AND prev.event_date >= cur.event_date - ?::INTEGER))
        SELECT a, b, sa, sb, cameo_root, min(event_date) AS day, any_value(cameo_name) AS name,
               list(id ORDER BY id) AS ids
        FROM firsts
        WHERE event_date = (SELECT min(f2.event_date) FROM firsts f2 WHERE f2.a = firsts.a AND f2.b = firsts.b
                            AND f2.sa = firsts.sa AND f2.sb = firsts.sb AND f2.cameo_root = firsts.cameo_root)
        GROUP BY a, b, sa, sb, cameo_root ORDER BY day, a, b"""  # noqa: S608
    alerts = []
    for a, b, sa, sb, root, day, name, ids in con.execute(sql, [since, days, earliest, days]).fetchall():
        left, right = f"{a}{':' + sa if sa else ''}", f"{b}{':' + sb if sb else ''}"
        alerts.append(Alert("novelty", day, (a, b),
                            f"first CAMEO {root} ({name}) between {left} and {right} in {days} days",
                            [int(i) for i in ids], {"cameo_root": root, "days": days}))
    return alerts


def shifts(con: duckdb.DuckDBPyConnection, since: dt.date, by: str = "week", baseline: int = 8,
           min_shift: float = 3.0, min_events: int = 3) -> list[Alert]:
    """Dyad-periods since ``since`` whose Goldstein mean moved sharply from the baseline."""
    if by not in PERIODS:
        raise InputError(f"--by must be one of {', '.join(PERIODS)}, got {by!r}")
    sql = f"""
        WITH p AS ({_PAIR}),
        per AS (SELECT a, b, date_trunc('{by}', event_date)::DATE AS period, count(*) AS n,
                       avg(goldstein) AS mean, list(id ORDER BY abs(goldstein) DESC, id) AS ids
                FROM p GROUP BY a, b, period),
        scored AS (SELECT *, avg(mean) OVER w AS base_mean, sum(n) OVER w AS base_n
                   FROM per WINDOW w AS (PARTITION BY a, b ORDER BY period
                                         RANGE BETWEEN INTERVAL {baseline} {by} PRECEDING
                                         AND INTERVAL 1 {by} PRECEDING))
        SELECT a, b, period, n, mean, base_mean, base_n, ids FROM scored
        WHERE period >= date_trunc('{by}', ?::DATE) AND n >= ? AND base_n IS NOT NULL
          AND abs(mean - base_mean) >= ?
        ORDER BY period, abs(mean - base_mean) DESC"""  # noqa: S608 - by is checked, baseline is an int
    alerts = []
    for a, b, period, n, mean, base, base_n, ids in con.execute(sql, [since, min_events, min_shift]).fetchall():
        direction = "toward conflict" if mean < base else "toward cooperation"
        alerts.append(Alert("shift", period, (a, b),
                            f"{a}-{b} moved {direction}: Goldstein mean {mean:+.1f} over {n} events this {by}, "
                            f"against {base:+.1f} over {int(base_n)} events in the previous {baseline}",
                            [int(i) for i in ids[:10]],
                            {"mean": round(float(mean), 2), "baseline_mean": round(float(base), 2),
                             "events_in_period": int(n)}))
    return alerts
