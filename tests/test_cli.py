"""The command line as a user runs it: real subprocesses, real files, real exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

EXE = [sys.executable, "-m", "eventwire.cli.main"]
ARTICLE = ("Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday. "
           "Russian forces attacked the Ukrainian city of Kharkiv.")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*EXE, *args], input=stdin, capture_output=True, timeout=300)


def _assert_clean_failure(p: subprocess.CompletedProcess[bytes], fragment: str) -> None:
    err = p.stderr.decode()
    assert p.returncode == 2, err
    assert "Traceback" not in err
    assert fragment in err
    assert len(err.strip().splitlines()) == 1, err


def test_cli_code_json_and_table(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE)
    p = run("code", str(f), "--date", "2025-03-12", "--format", "json")
    assert p.returncode == 0, p.stderr.decode()
    events = json.loads(p.stdout)
    codes = {e["cameo"][:2] for e in events}
    assert {"04", "19"} <= codes
    meet = next(e for e in events if e["cameo"].startswith("04"))
    assert meet["date"]["date"] == "2025-03-11"
    assert meet["source"][0]["country"] == "RUS"
    t = run("code", str(f), "--date", "2025-03-12")
    assert t.returncode == 0
    assert "RUS" in t.stdout.decode() and "events" in t.stdout.decode()


def test_cli_code_stdin_plover(tmp_path: Path):
    p = run("code", "-", "--format", "plover", "--date", "2025-03-12", stdin=ARTICLE.encode())
    assert p.returncode == 0, p.stderr.decode()
    records = [json.loads(line) for line in p.stdout.decode().splitlines()]
    assert records and {"id", "date", "actor", "recipient", "event"} <= set(records[0])
    assert any(r["event"] == ["ASSAULT"] for r in records)


def test_cli_code_stores_in_duckdb(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE)
    db = tmp_path / "ew.duckdb"
    p = run("code", str(f), "--date", "2025-03-12", "--db", str(db), "--format", "json")
    assert p.returncode == 0, p.stderr.decode()
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    n = con.execute("SELECT count(*) FROM events").fetchone()[0]
    assert n == len(json.loads(p.stdout))
    assert n >= 2


def test_cli_bad_input_empty(tmp_path: Path):
    f = tmp_path / "empty.txt"
    f.write_text("   \n")
    _assert_clean_failure(run("code", str(f)), "empty")


def test_cli_bad_input_binary(tmp_path: Path):
    f = tmp_path / "b.bin"
    f.write_bytes(b"\x00\x01\x02binary\x00data")
    _assert_clean_failure(run("code", str(f)), "binary")


def test_cli_bad_input_invalid_utf8(tmp_path: Path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("Le pr\xe9sident".encode("latin-1"))
    _assert_clean_failure(run("code", str(f)), "UTF-8")


def test_cli_bad_input_oversized(tmp_path: Path):
    f = tmp_path / "big.txt"
    f.write_bytes(b"Russia attacked Ukraine. " * (20 * 1024 * 1024 // 25 + 1))
    _assert_clean_failure(run("code", str(f)), "limit")


def test_cli_bad_input_not_english(tmp_path: Path):
    f = tmp_path / "de.txt"
    f.write_text("Der russische Präsident traf sich am Mittwoch mit dem chinesischen "
                 "Staatschef in Moskau, um über die Lage in der Ukraine zu sprechen.")
    p = run("code", str(f), "--format", "json")
    assert p.returncode == 2
    err = p.stderr.decode()
    assert "Traceback" not in err and "not look like English" in err
    assert json.loads(p.stdout) == []


def test_cli_bad_input_missing_file_and_bad_date(tmp_path: Path):
    _assert_clean_failure(run("code", str(tmp_path / "nope.txt")), "no such file")
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE)
    _assert_clean_failure(run("code", str(f), "--date", "12/02/2025"), "YYYY-MM-DD")


def test_cli_eval_writes_report(tmp_path: Path):
    gold = Path(__file__).parent / "golden" / "cli_gold.jsonl"
    report = tmp_path / "r.json"
    p = run("eval", str(gold), "--report", str(report))
    assert p.returncode == 0, p.stderr.decode()
    data = json.loads(report.read_text())
    s = data["summary"]
    assert s["records"] == 4
    assert s["plover_category"]["accuracy"] >= 0.5
    assert s["cameo_root"]["scored"] == 1
    assert "confusion" in data and "FIGHT" in s["category_mapping"]


def test_cli_min_confidence_filters(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE)
    all_ = json.loads(run("code", str(f), "--format", "json").stdout)
    some = json.loads(run("code", str(f), "--format", "json", "--min-confidence", "0.8").stdout)
    assert len(some) <= len(all_) and all(e["confidence"] >= 0.8 for e in some)
    _assert_clean_failure(run("code", str(f), "--min-confidence", "2"), "between 0 and 1")


def test_cli_usage_errors_exit_2_without_traceback(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE)
    for args in (("code", str(f), "--format", "xml"), ("code", str(f), "--bogus"), ()):
        p = run(*args)
        assert p.returncode == 2, args
        assert "Traceback" not in p.stderr.decode() + p.stdout.decode()
