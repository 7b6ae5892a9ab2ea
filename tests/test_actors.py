"""Actor resolution from the outside: the Python API and `eventwire actors ...`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import eventwire

pytestmark = pytest.mark.slow
EXE = [sys.executable, "-m", "eventwire.cli.main"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*EXE, *args], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("text, date, country, sector", [
    ("Donald Trump", "2022-06-01", "USA", "ELI"),
    ("Donald Trump", "2025-06-01", "USA", "GOV"),
    ("former President Barack Obama", "2015-06-01", "USA", "ELI"),
    ("the Kremlin", None, "RUS", "GOV"),
    ("Russian troops", None, "RUS", "MIL"),
    ("the Pentagon", None, "USA", "MIL"),
    ("Kyiv", None, "UKR", "GOV"),
    ("NATO", None, "NATO", "IGO"),
    ("the Taliban", "2019-01-01", "AFG", None),
    ("Israeli police", None, "ISR", "COP"),
])
def test_actors_resolve_api(text, date, country, sector):
    r = eventwire.resolve_actor(text, date=date)
    assert r.actors, r.why
    a = r.actors[0]
    assert a.country == country
    if sector:
        assert a.sector == sector
    assert r.why and all(len(w) > 10 for w in r.why)


def test_actors_taliban_changes_with_the_date():
    before = eventwire.resolve_actor("the Taliban", date="2019-01-01").actors[0]
    after = eventwire.resolve_actor("the Taliban", date="2023-01-01").actors[0]
    assert before.sector != "GOV" and after.sector == "GOV"


def test_actors_office_holder_on_a_date():
    r = eventwire.resolve_actor("the Russian president", date="2009-05-01")
    assert r.actors[0].name == "Dmitry Medvedev"
    r = eventwire.resolve_actor("the Russian president", date="2015-05-01")
    assert r.actors[0].name == "Vladimir Putin"


def test_actors_cli_resolve_table_json_and_file(tmp_path: Path):
    p = run("actors", "resolve", "Armenian Prime Minister", "--date", "2019-05-01", "--format", "json")
    assert p.returncode == 0, p.stderr
    d = json.loads(p.stdout)
    assert d["actors"][0]["country"] == "ARM" and d["actors"][0]["sector"] == "GOV"
    assert d["why"]
    f = tmp_path / "m.jsonl"
    f.write_text('{"text": "the Kremlin"}\n{"text": "Donald Trump", "date": "2022-01-01"}\n')
    p = run("actors", "resolve", "--file", str(f), "--format", "json")
    rows = [json.loads(line) for line in p.stdout.splitlines()]
    assert [r["actors"][0]["country"] for r in rows] == ["RUS", "USA"]
    assert rows[1]["actors"][0]["sector"] == "ELI"
    t = run("actors", "resolve", "the Kremlin")
    assert t.returncode == 0 and "RUS" in t.stdout


def test_actors_cli_bad_input(tmp_path: Path):
    p = run("actors", "resolve")
    assert p.returncode == 2 and "Traceback" not in p.stderr
    f = tmp_path / "bad.jsonl"
    f.write_text("{not json\n")
    p = run("actors", "resolve", "--file", str(f))
    assert p.returncode == 2 and "bad.jsonl:1" in p.stderr


def test_actors_learned_and_promote_round_trip(tmp_path: Path):
    art = tmp_path / "a.txt"
    art.write_text("Zorvanian Foreign Minister Tarek Velloni met French President Emmanuel Macron in Paris. "
                   "Moldovan envoy Ilie Rusnacu criticized Russia.")
    db = tmp_path / "ew.duckdb"
    p = run("code", str(art), "--date", "2025-03-03", "--db", str(db), "--format", "json")
    assert p.returncode == 0, p.stderr
    p = run("actors", "learned", "--db", str(db), "--format", "json")
    learned = [json.loads(line) for line in p.stdout.splitlines()]
    names = {r["name"]: r for r in learned}
    assert "Ilie Rusnacu" in names and names["Ilie Rusnacu"]["country"] == "MDA"
    kbfile = tmp_path / "mine.yaml"
    p = run("actors", "promote", "Ilie Rusnacu", "--db", str(db), "--to", str(kbfile))
    assert p.returncode == 0, p.stderr
    p = run("actors", "resolve", "Rusnacu", "--kb", str(kbfile), "--format", "json", "--date", "2025-06-01")
    a = json.loads(p.stdout)["actors"][0]
    assert a["country"] == "MDA" and a["kb_id"] == "ilie-rusnacu"
    p = run("actors", "promote", "Nobody Atall", "--db", str(db), "--to", str(kbfile))
    assert p.returncode == 2 and "not among the learned actors" in p.stderr


def test_actors_check_lists_conflicts(tmp_path: Path):
    f = tmp_path / "mine.yaml"
    f.write_text("people:\n  - id: other-putin\n    name: Vladimir Putin\n    country: FRA\n    roles: []\n")
    p = run("actors", "check", "--kb", str(f))
    assert p.returncode == 0, p.stderr
    assert "people:" in p.stdout and "claimed twice" in p.stdout
    assert "mine.yaml" in p.stdout  # the user file's claim on "Vladimir Putin" is listed, and wins


def test_actors_malformed_kb_file_is_one_line_with_file_and_line(tmp_path: Path):
    f = tmp_path / "bad.yaml"
    f.write_text("people:\n  - id: x\n    name: X\n    country: FRA\n    roles:\n"
                 "      - {role: Mayor, start: 2020-01-01}\n")
    p = run("actors", "check", "--kb", str(f))
    assert p.returncode == 2
    assert "Traceback" not in p.stderr
    assert f"{f}:6: missing required field 'sector'" in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1
