"""The store's commands end to end, as a user runs them, on a store built by hand."""

import json
import subprocess
import sys

import pandas as pd

from eventwire.store import Store
from tests.test_store import _series_store

CLI = [sys.executable, "-m", "eventwire.cli.main"]


def run(*args):
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120)


def test_store_commands_answer_from_a_store(tmp_path):
    db = tmp_path / "ew.duckdb"
    with Store(db) as s:
        _series_store(s)
    dyad = run("dyad", "USA", "RUS", "--by", "week", "--db", str(db))
    assert dyad.returncode == 0 and "USA ↔ RUS by week: 3 events" in dyad.stdout and "█" in dyad.stdout
    series = [json.loads(x) for x in run("dyad", "usa", "rus", "-f", "json", "--db", str(db)).stdout.splitlines()]
    assert [p["events"] for p in series] == [2, 0, 1]
    top = run("actors", "top", "--by", "country", "-f", "json", "--db", str(db))
    assert [json.loads(x)["country"] for x in top.stdout.splitlines()][:2] == ["RUS", "USA"]
    alerts = run("alerts", "--since", "2025-01-01", "--days", "3", "-f", "json", "--db", str(db))
    assert alerts.returncode == 0
    assert all(json.loads(x)["kind"] in {"novelty", "shift"} for x in alerts.stdout.splitlines())
    out = tmp_path / "e.parquet"
    assert run("events", "-f", "parquet", "-o", str(out), "--db", str(db)).returncode == 0
    assert len(pd.read_parquet(out)) == 4
    gdelt = tmp_path / "g.tsv"
    assert run("export", str(gdelt), "-f", "gdelt", "--no-header", "--db", str(db)).returncode == 0
    assert len(gdelt.read_text().splitlines()) == 4 and len(gdelt.read_text().splitlines()[0].split("\t")) == 61


def test_store_commands_refuse_bad_input_in_one_line(tmp_path):
    db = tmp_path / "ew.duckdb"
    with Store(db) as s:
        _series_store(s)
    for args, needle in [(("dyad", "USA", "RUS", "--by", "fortnight"), "--by must be one of"),
                         (("events", "--source", "R-U-S"), "cannot read actor"),
                         (("events", "-f", "parquet"), "needs --output"),
                         (("export", "x.out", "-f", "xml"), "unknown format"),
                         (("events", "--since", "last spring"), "cannot read date")]:
        r = run(*args, "--db", str(db))
        assert r.returncode == 2, (args, r.stderr)
        assert needle in r.stderr and "Traceback" not in r.stderr, (args, r.stderr)


def test_quotes_are_stored_and_found_by_speaker(tmp_path):
    from eventwire.pipeline import get_coder
    from eventwire.store.ingest import ingest

    src = tmp_path / "q.jsonl"
    src.write_text(json.dumps({"id": "q1", "date": "2025-03-05", "text":
                               'German Chancellor Friedrich Merz called the tariffs "a serious mistake" at a '
                               'press conference on Wednesday.'}) + "\n")
    db = tmp_path / "q.duckdb"
    ingest([str(src)], db, processes=1, coder=get_coder())
    found = run("quotes", "--speaker", "merz", "-f", "json", "--db", str(db))
    rows = [json.loads(x) for x in found.stdout.splitlines()]
    assert [(r["speaker_country"], r["text"], r["kind"]) for r in rows] == [("DEU", "a serious mistake", "direct")]
    assert rows[0]["medium"] == "at a press conference" and rows[0]["quote_date"] == "2025-03-05"
    assert run("quotes", "--speaker", "FRA", "-f", "json", "--db", str(db)).stdout.strip() == ""
