"""The store without the model: schema and migrations, the merge rule, queries, exports.

Events here are built by hand so each test controls exactly what the merge rule sees;
tests/test_ingest.py runs the same paths through the real coder.
"""

import csv
import datetime as dt
import json
import subprocess
import sys

import duckdb
import pandas as pd
import pyarrow as pa
import pytest

from eventwire.errors import StoreBusyError, StoreError
from eventwire.pipeline import Document
from eventwire.store import Store
from eventwire.store.alerts import novelty, shifts
from eventwire.store.dedup import DedupRule
from eventwire.store.exports import GDELT_COLUMNS, export
from eventwire.store.queries import EventFilter, dyad_series, sparkline, top_actors
from eventwire.store.schema import LATEST, MIGRATIONS
from eventwire.types import Actor, Event, EventDate, Mention, TextSpan

GOLDSTEIN = {"04": 1.0, "05": 3.5, "11": -2.0, "18": -9.0, "19": -10.0, "17": -7.0}
QUAD = {"04": 1, "05": 1, "11": 3, "17": 4, "18": 4, "19": 4}
CATEGORY = {"04": "CONSULT", "05": "COOPERATE", "11": "ACCUSE", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT"}


def actor(country, sector=None, kb=None, name=None):
    return Actor(text=name or country, name=name or country, country=country, sector=sector, kb_id=kb)


def event(doc_id, cameo, day, source, target, n=0, place=None):
    span = TextSpan(0, 4, "Text")
    attrs = {"place": place} if place else {}
    return Event(id=f"ev-{doc_id}-{n}", doc_id=doc_id, sentence_index=0, date=EventDate(day, "day"),
                 source=(source,) if source else (), target=(target,) if target else (), cameo=cameo,
                 cameo_name="x", plover_category=CATEGORY[cameo[:2]],
                 plover_mode=None, plover_context=None, goldstein=GOLDSTEIN[cameo[:2]], quad_class=QUAD[cameo[:2]],
                 modality="asserted", rule="x:1", confidence=0.5, mentions=(Mention(0, span, span, (), ()),),
                 attributes=attrs)


def doc(doc_id, day="2025-03-01", source=None):
    return Document(f"Report {doc_id} from {source}.", dt.date.fromisoformat(day), doc_id, source=source)


def add(store, doc_id, *events, day="2025-03-01", source=None, rule=None):
    return store.add(doc(doc_id, day, source), list(events), rule=rule)


def test_new_store_has_the_latest_schema_and_skips_stored_documents(tmp_path):
    path = tmp_path / "ew.duckdb"
    with Store(path) as s:
        assert s.schema_version == LATEST == 6
        e = event("d1", "040", "2025-03-01", actor("USA", "GOV"), actor("RUS", "GOV"))
        assert add(s, "d1", e) is True
        assert add(s, "d1", e) is False  # same id
        assert s.add(Document("Report d1 from None.", None, "other-id"), [e]) is False  # same content
    with Store(path) as s:  # reopening does not re-run migrations
        assert s.schema_version == 6
        assert (s.count("documents"), s.count("reports"), s.count("events")) == (1, 1, 1)
        assert s.query("SELECT cameo, plover_category, num_articles FROM events") == [("040", "CONSULT", 1)]
        assert s.query("SELECT role, country FROM actor_mentions ORDER BY role") == [("source", "USA"),
                                                                                     ("target", "RUS")]


def test_a_version_2_store_is_upgraded_in_place_with_its_events_merged(tmp_path):
    """A store written by the previous schema keeps its data and gains merged events."""
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER)")
    for version, sql in enumerate(MIGRATIONS[:2], start=1):
        con.execute(sql)
        con.execute("INSERT INTO schema_version VALUES (?)", [version])
    for i in range(3):  # three outlets, one consultation
        e = event(f"old{i}", "040", "2025-03-01", actor("USA", "GOV"), actor("RUS", "GOV"))
        con.execute("INSERT INTO documents (id, content_hash, published, title, text) VALUES (?, ?, ?, ?, ?)",
                    [e.doc_id, f"h{i}", "2025-03-01", None, f"text {i}"])
        con.execute("INSERT INTO events (id, doc_id, cameo, record) VALUES (?, ?, ?, ?)",
                    [e.id, e.doc_id, e.cameo, json.dumps(e.to_dict())])
    con.close()
    with Store(path) as s:
        assert s.schema_version == 6
        assert s.count("reports") == 3
        assert s.query("SELECT num_articles, num_mentions FROM events") == [(3, 3)]
        assert s.query("SELECT count(*) FROM reports WHERE event_id IS NULL") == [(0,)]
        assert s.count("actor_mentions") == 6


def test_read_only_store_refuses_a_missing_file_and_an_old_schema(tmp_path):
    with pytest.raises(StoreError, match="no event store"):
        Store(tmp_path / "none.duckdb", read_only=True)
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER)")
    con.execute("INSERT INTO schema_version VALUES (1)")
    con.close()
    with pytest.raises(StoreError, match="schema version 1"):
        Store(path, read_only=True)


def test_one_abduction_told_by_150_outlets_is_one_event():
    """150 outlets, dates a day apart, person named or only their country: one event."""
    with Store(":memory:") as s:
        for i in range(150):
            src = actor("SOM", "REB", kb="al-shabaab", name="al-Shabaab")
            tgt = actor("KEN", "GOV", kb="aid-official", name="Jane Doe") if i % 2 else actor("KEN", "GOV")
            day = "2025-03-01" if i % 3 else "2025-03-02"
            add(s, f"outlet{i}", event(f"outlet{i}", "181", day, src, tgt), source=f"outlet {i % 50}")
        rows = s.query("SELECT num_articles, num_sources, num_mentions FROM events")
        assert rows == [(150, 50, 150)]


def test_two_attacks_on_different_days_or_places_stay_apart():
    with Store(":memory:") as s:
        rus, ukr = actor("RUS", "MIL"), actor("UKR")
        add(s, "a", event("a", "190", "2025-03-01", rus, ukr))
        add(s, "b", event("b", "190", "2025-03-09", rus, ukr))  # a week later: another attack
        add(s, "c", event("c", "190", "2025-03-01", rus, ukr, place="Kharkiv"))  # joins a (no place there)
        add(s, "d", event("d", "190", "2025-03-01", rus, ukr, place="Odesa"))  # elsewhere
        assert s.count("events") == 3
        assert sorted(r[0] for r in s.query("SELECT num_articles FROM events")) == [1, 1, 2]


def test_merge_rule_keeps_different_actors_kinds_and_unknowns_apart():
    with Store(":memory:") as s:
        fra_gov, fra_reb = actor("FRA", "GOV"), actor("FRA", "REB")
        add(s, "a", event("a", "111", "2025-03-01", fra_gov, actor("DEU")))
        add(s, "b", event("b", "111", "2025-03-01", actor("FRA"), actor("DEU", "GOV")))  # same: sector on one side
        add(s, "c", event("c", "111", "2025-03-01", fra_reb, actor("DEU")))  # rebels are not the government
        add(s, "d", event("d", "040", "2025-03-01", fra_gov, actor("DEU")))  # another kind of event
        add(s, "e", event("e", "111", "2025-03-01", actor("FRA", "GOV", kb="p1"), actor("DEU")))
        add(s, "f", event("f", "111", "2025-03-01", actor("FRA", "GOV", kb="p2"), actor("DEU")))
        # e joins the a/b event and names its person; f names another person, so stays apart
        unknown = Actor(text="gunmen", name="gunmen", country=None, sector="REB")
        add(s, "g", event("g", "181", "2025-03-01", unknown, None))
        add(s, "h", event("h", "181", "2025-03-01", unknown, None))  # unknown actors: never merged
        sizes = s.query("SELECT first_report, num_articles FROM events ORDER BY id")
        assert sizes == [("ev-a-0", 3), ("ev-c-0", 1), ("ev-d-0", 1), ("ev-f-0", 1), ("ev-g-0", 1),
                         ("ev-h-0", 1)]


def test_two_reports_in_one_article_stay_two_events_and_no_dedup_keeps_all():
    with Store(":memory:") as s:
        rus, ukr = actor("RUS", "MIL"), actor("UKR")
        add(s, "a", event("a", "190", "2025-03-01", rus, ukr, 0), event("a", "190", "2025-03-02", rus, ukr, 1))
        assert s.count("events") == 2
        add(s, "b", event("b", "190", "2025-03-01", rus, ukr), rule=DedupRule(enabled=False))
        assert s.count("events") == 3


def _series_store(s):
    usa, rus = actor("USA", "GOV"), actor("RUS", "GOV")
    add(s, "w1", event("w1", "040", "2025-01-06", usa, rus))
    add(s, "w1b", event("w1b", "050", "2025-01-07", rus, usa))
    add(s, "w3", event("w3", "111", "2025-01-20", usa, rus))
    add(s, "x", event("x", "190", "2025-01-20", rus, actor("UKR")))


def test_dyad_series_counts_both_directions_and_fills_empty_weeks():
    with Store(":memory:") as s:
        _series_store(s)
        series = dyad_series(s.con, "USA", "RUS", "week")
        assert [p.period.isoformat() for p in series] == ["2025-01-06", "2025-01-13", "2025-01-20"]
        assert [p.events for p in series] == [2, 0, 1]
        assert (series[0].verbal_coop, series[0].goldstein_sum, series[0].goldstein_mean) == (2, 4.5, 2.25)
        assert series[1].goldstein_mean is None and series[2].verbal_conflict == 1
        assert [p.events for p in dyad_series(s.con, "USA", "RUS", "week", directed=True)] == [1, 0, 1]
        assert [p.events for p in dyad_series(s.con, "USA:GOV", "RUS:MIL", "month")] == []


def test_sparkline_and_top_actors():
    assert sparkline([0, 1, 2, 7]) == "▁▂▃█"
    assert sparkline([]) == "" and sparkline([2, 2]) == "▄▄"
    with Store(":memory:") as s:
        _series_store(s)
        top = top_actors(s.con, by="country", limit=2)
        assert [(r["country"], r["events"], r["as_source"]) for r in top] == [("RUS", 4, 2), ("USA", 3, 2)]
        assert top_actors(s.con, since=dt.date(2025, 1, 15), by="country")[0]["events"] == 2


def test_novelty_needs_history_and_flags_the_first_interaction_in_n_days():
    with Store(":memory:") as s:
        usa, rus = actor("USA", "GOV"), actor("RUS", "GOV")
        add(s, "old", event("old", "040", "2021-01-10", usa, rus))
        add(s, "mil", event("mil", "190", "2024-06-01", actor("USA", "MIL"), actor("RUS", "MIL")))
        add(s, "new", event("new", "040", "2025-02-12", usa, rus))
        add(s, "again", event("again", "040", "2025-02-20", rus, usa))
        found = novelty(s.con, dt.date(2025, 1, 1), days=1095)
        assert [(a.dyad, a.date.isoformat(), len(a.events)) for a in found] == [(("RUS", "USA"), "2025-02-12", 1)]
        assert "first CAMEO 04" in found[0].summary and "RUS:GOV and USA:GOV" in found[0].summary
        assert novelty(s.con, dt.date(2025, 1, 1), days=5000) == []  # the store does not reach back so far


def test_shift_alert_names_the_dyad_and_the_events_behind_it():
    with Store(":memory:") as s:
        usa, rus = actor("USA", "GOV"), actor("RUS", "GOV")
        for w in range(6):  # six calm weeks of talks
            for k in range(2):
                d = (dt.date(2025, 1, 6) + dt.timedelta(weeks=w, days=3 * k)).isoformat()
                add(s, f"c{w}{k}", event(f"c{w}{k}", "040", d, usa, rus))
        for k in range(3):  # then a week of threats and force
            d = (dt.date(2025, 2, 17) + dt.timedelta(days=3 * k)).isoformat()  # days apart: three events
            add(s, f"x{k}", event(f"x{k}", "190" if k else "170", d, rus, usa))
        found = shifts(s.con, dt.date(2025, 2, 1), by="week")
        assert len(found) == 1 and found[0].date == dt.date(2025, 2, 17)
        assert "toward conflict" in found[0].summary and len(found[0].events) == 3


def test_exports_gdelt_plover_csv_parquet_and_dataframes(tmp_path):
    path = tmp_path / "ew.duckdb"
    with Store(path) as s:
        _series_store(s)
    with Store(path, read_only=True) as s:
        n = export(s, "gdelt", tmp_path / "g.tsv", EventFilter(source="USA"))
        lines = (tmp_path / "g.tsv").read_text().splitlines()
        assert n == 2 and len(lines) == 3
        assert tuple(lines[0].split("\t")) == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
        row = dict(zip(GDELT_COLUMNS, lines[1].split("\t"), strict=True))
        assert (row["SQLDATE"], row["Actor1Code"], row["Actor1CountryCode"], row["Actor2Code"]) == (
            "20250106", "USAGOV", "USA", "RUSGOV")
        assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"], row["QuadClass"]) == (
            "040", "040", "04", "1")
        assert row["AvgTone"] == "" and row["NumArticles"] == "1"
        assert export(s, "plover", tmp_path / "p.jsonl") == 4
        rec = json.loads((tmp_path / "p.jsonl").read_text().splitlines()[0])
        assert {"actor", "recipient", "event", "quad_code", "num_articles", "date"} <= rec.keys()
        assert rec["actor"][0]["code"] == "USA" and rec["event"] == ["CONSULT"]
        assert export(s, "csv", tmp_path / "e.csv", EventFilter(category="ASSAULT")) == 1
        rows = list(csv.DictReader((tmp_path / "e.csv").open()))
        assert [(r["source_country"], r["target_country"]) for r in rows] == [("RUS", "UKR")]
        assert export(s, "parquet", tmp_path / "e.parquet") == 4
        assert len(pd.read_parquet(tmp_path / "e.parquet")) == 4
        df = s.events(source="RUS")
        assert isinstance(df, pd.DataFrame) and sorted(df["target_country"]) == ["UKR", "USA"]
        table = s.events(since="2025-01-10", arrow=True)
        assert isinstance(table, pa.Table) and table.num_rows == 2


def test_a_second_writer_gets_a_clear_busy_error(tmp_path):
    path = tmp_path / "ew.duckdb"
    Store(path).close()
    holder = subprocess.Popen([sys.executable, "-c", "import sys, duckdb; c = duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); sys.stdin.read()", str(path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreBusyError, match="another process"):
            Store(path, read_only=True)
    finally:
        holder.communicate("")
