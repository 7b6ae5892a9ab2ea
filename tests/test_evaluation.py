"""Gold-file reading and scoring: both layouts of the field, written here for the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.evaluation.gold import read_gold
from eventwire.evaluation.score import precision_at


def _write(tmp_path: Path, rows: list[dict]) -> Path:
    p = tmp_path / "gold.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return p


def test_read_gold_cameo_field_names_of_other_datasets(tmp_path):
    rows = [
        {"id": "a", "text": "Ghana recalled its ambassador from Togo.", "source": "GHAGOV",
         "target": "TGO", "cameo": "161"},
        {"sentence": "Police in Quito arrested the opposition leader.", "source_code": "ECUCOP",
         "target_code": "ECUOPP", "event_code": "173"},
        {"text": "NATO held talks with Russia.", "Actor1Code": "NATO", "Actor2Code": "RUS", "EventCode": 40},
    ]
    gold = read_gold(_write(tmp_path, rows))
    assert [g.cameo for g in gold] == ["161", "173", "40"]
    assert gold[0].source[0].code == "GHA" and gold[0].source[0].sector == "GOV"
    assert gold[1].text.startswith("Police") and gold[1].target[0].sector == "OPP"
    assert gold[2].source[0].code == "NATO"  # an organisation code stays whole
    assert gold[0].category is None  # CAMEO-only: scored on the CAMEO code


def test_read_gold_record_with_category_and_code(tmp_path):
    rows = [{"id": "x", "text": "Mali expelled the French ambassador.", "event": "SANCTION", "cameo": "161",
             "source": [{"actorText": "Mali", "code": "MLI", "sector": ""}],
             "target": [{"actorText": "French ambassador", "code": "FRA", "sector": "GOV"}]},
            {"id": "y", "text": "Rain fell across the north.", "event": "NONE", "cameo": "",
             "source": [], "target": []}]
    gold = read_gold(_write(tmp_path, rows))
    assert (gold[0].category, gold[0].cameo) == ("SANCTION", "161")
    assert gold[1].category == "NONE" and gold[1].cameo is None


def test_read_gold_without_text_is_an_error(tmp_path):
    from eventwire.errors import InputError

    with pytest.raises(InputError, match="'sentence'"):
        read_gold(_write(tmp_path, [{"id": "z", "cameo": "010"}]))


@pytest.mark.slow
def test_eval_scores_cameo_root_and_code(tmp_path, coder):
    from eventwire.cli.evaluate import run_eval

    rows = [
        {"text": "Ghana recalled its ambassador from Togo on Monday.", "source": "GHAGOV",
         "target": "TGO", "cameo": "161"},
        {"text": "Police in Quito arrested the opposition leader on Friday.", "source_code": "ECUCOP",
         "target_code": "ECUOPP", "event_code": "173"},
        {"text": "The Indian foreign minister visited Nepal on Monday.", "source": "INDGOV",
         "target": "NPL", "cameo": "042"},
    ]
    rep = run_eval(_write(tmp_path, rows))
    s = rep.summary()
    assert s["cameo_root"]["scored"] == 3 and s["cameo_root"]["right"] == 3
    assert s["cameo_code"]["right"] >= 2
    assert s["source_country"]["accuracy"] == 1.0
    # a threshold above every confidence leaves nothing answered
    high = run_eval(_write(tmp_path, rows), min_confidence=1.0).summary()
    assert high["cameo_root"]["right"] == 0
    table = precision_at(rep)
    assert table[0]["kept"] == 0  # CAMEO-only rows have no PLOVER category to be precise about


@pytest.mark.slow
def test_eval_cli_min_confidence_and_bad_file(tmp_path):
    import subprocess
    import sys

    good = _write(tmp_path, [{"text": "Peru expelled the Mexican ambassador on Friday.", "event": "SANCTION",
                              "source": [{"actorText": "Peru", "code": "PER", "sector": ""}], "target": []}])
    exe = [str(Path(sys.executable).parent / "eventwire")]
    p = subprocess.run([*exe, "eval", str(good), "--min-confidence", "0.2"], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert "precision" in p.stdout
    p = subprocess.run([*exe, "eval", str(good), "--min-confidence", "3"], capture_output=True, text=True)
    assert p.returncode != 0 and "between 0 and 1" in p.stderr and "Traceback" not in p.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "cameo": "010"}\n')
    p = subprocess.run([*exe, "eval", str(bad)], capture_output=True, text=True)
    assert p.returncode != 0 and "'text'" in p.stderr and "Traceback" not in p.stderr
