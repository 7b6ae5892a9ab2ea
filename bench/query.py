"""Query latency on a large store: a dyad's weekly series and a filtered event query.

    python bench/query.py [--events 10000000] [--db /tmp/eventwire-query-bench.duckdb] [--repeat 15]

Builds (once; reused while the file exists) a store of synthetic merged events with the
real schema: 60 countries drawn with a skew like real news (a few countries in most
events), 12 sectors, 20 years of dates, CAMEO codes over all 20 roots. Then times the
queries the CLI and the web service run, through the same library functions, and prints
the median and 90th percentile of each (goal: median under 200 ms).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from pathlib import Path

from eventwire.store import Store
from eventwire.store.alerts import novelty
from eventwire.store.queries import EventFilter, dyad_series, select_events, top_actors

COUNTRIES = ["USA", "RUS", "CHN", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "IND", "PAK", "TUR", "SYR", "IRQ",
             "AFG", "PSE", "LBN", "SAU", "EGY", "JPN", "KOR", "PRK", "NGA", "SOM", "SDN", "ETH", "KEN", "ZAF",
             "BRA", "MEX", "VEN", "COL", "ARG", "CAN", "AUS", "IDN", "PHL", "MMR", "THA", "VNM", "POL", "ITA",
             "ESP", "GRC", "SRB", "BLR", "GEO", "ARM", "AZE", "KAZ", "YEM", "LBY", "MLI", "NER", "COD", "EU",
             "UN", "NATO", "AU", "QAT"]
SECTORS = ["GOV", "MIL", "COP", "REB", "CVL", "OPP", "JUD", "LEG", "BUS", "NGO", "IGO", None]


def build(path: Path, n: int) -> None:
    t0 = time.perf_counter()
    with Store(path) as store:
        con = store.con
        con.execute("BEGIN")
        # a power-law pick of countries: index = floor(60 * u^3) puts most events on the first few
        con.execute(
            """INSERT INTO events (id, event_date, date_precision, cameo, cameo_root, cameo_name, plover_category,
                                   goldstein, quad_class, source_name, source_country, source_sector,
                                   target_name, target_country, target_sector, num_mentions, num_sources,
                                   num_articles, first_report)
               SELECT i, DATE '2006-01-01' + (i * 7305 // ?)::INTEGER, 'day', code, left(code, 2), 'synthetic',
                      CASE WHEN left(code, 2) IN ('18', '19', '20') THEN 'ASSAULT' ELSE 'CONSULT' END,
                      (10 - 20 * left(code, 2)::INTEGER / 20.0)::DOUBLE,
                      CASE WHEN left(code, 2) <= '05' THEN 1 WHEN left(code, 2) <= '08' THEN 2
                           WHEN left(code, 2) <= '14' THEN 3 ELSE 4 END,
                      sc, sc, ss, tc, tc, ts, 1 + (i % 7), 1 + (i % 5), 1 + (i % 5), 'synthetic-' || i
               FROM (SELECT i,
                            (?::VARCHAR[])[1 + floor(60 * pow(random(), 3))::INTEGER] AS sc,
                            (?::VARCHAR[])[1 + floor(60 * pow(random(), 3))::INTEGER] AS tc,
                            (?::VARCHAR[])[1 + floor(12 * random())::INTEGER] AS ss,
                            (?::VARCHAR[])[1 + floor(12 * random())::INTEGER] AS ts,
                            lpad((1 + floor(20 * random())::INTEGER)::VARCHAR, 2, '0') || '0' AS code
                     FROM range(1, ? + 1) t(i))""",
            [n, COUNTRIES, COUNTRIES, SECTORS, SECTORS, n])
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    print(f"built {n:,} events in {time.perf_counter() - t0:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")


def timed(fn, repeat: int) -> tuple[float, float, int]:
    times, size = [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        size = fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.9 * (len(times) - 1))], size


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/eventwire-query-bench.duckdb"))
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    if args.rebuild and args.db.exists():
        args.db.unlink()
    if not args.db.exists():
        build(args.db, args.events)
    with Store(args.db, read_only=True) as store:
        con = store.con
        total = store.count("events")
        print(f"events              {total:,}")
        queries = {
            "dyad USA-RUS weekly": lambda: len(dyad_series(con, "USA", "RUS", "week")),
            "dyad USA-RUS weekly, 2 years": lambda: len(dyad_series(con, "USA", "RUS", "week",
                                                                    since=dt.date(2023, 1, 1))),
            "dyad ISR:MIL-PSE monthly": lambda: len(dyad_series(con, "ISR:MIL", "PSE", "month")),
            "events RUS->USA CONSULT since 2020 (all rows)": lambda: len(select_events(con, EventFilter(
                "RUS", "USA", dt.date(2020, 1, 1), None, "CONSULT")).fetchall()),
            "events RUS->USA CONSULT since 2020 (first 100)": lambda: len(select_events(con, EventFilter(
                "RUS", "USA", dt.date(2020, 1, 1), None, "CONSULT", limit=100)).fetchall()),
            "actors top by country, one year": lambda: len(top_actors(con, dt.date(2024, 1, 1),
                                                                     dt.date(2024, 12, 31), "country")),
            "alerts: novelty since 2025-06-01": lambda: len(novelty(con, dt.date(2025, 6, 1), 1095)),
        }
        print(f"{'query':48s} {'median ms':>10s} {'p90 ms':>8s} {'rows':>7s}")
        for name, fn in queries.items():
            med, p90, rows = timed(fn, args.repeat)
            print(f"{name:48s} {med:10.1f} {p90:8.1f} {rows:7d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
