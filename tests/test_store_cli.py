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
