"""`eventwire eval`: accuracy against a gold file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from eventwire.errors import InputError
from eventwire.evaluation.gold import read_gold
from eventwire.evaluation.score import Report, precision_at, score
from eventwire.pipeline import Document, get_coder, parse_date


def run_eval(gold_path: Path, model: str | None = None, min_confidence: float = 0.0,
             classifier: bool | None = None) -> Report:
    """Code every gold sentence and score the result (library entry for bench/ and tests).

    With ``min_confidence`` the events under it are dropped before scoring, as a user who
    sets that threshold would see them: a sentence left with none counts as "no event"."""
    try:
        records = read_gold(gold_path)
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{gold_path}: not a gold file this tool reads: {exc}") from exc
    if not records:
        raise InputError(f"{gold_path} holds no gold records")
    coder = get_coder(model, classifier=classifier)
    docs = [Document(r.text, parse_date(r.date) if r.date else None, r.id) for r in records]
    predicted = [[e for e in events if e.confidence >= min_confidence]
                 for _, events in coder.code_documents(docs)]
    return score(records, predicted)


def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (PLOVER GSR or CAMEO layout).")],
    report: Annotated[Path | None, typer.Option(help="Write the full report as JSON here.")] = None,
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline to use.")] = None,
    min_confidence: Annotated[float, typer.Option(
        help="Score only events at or above this confidence (0-1): precision rises, recall falls.")] = 0.0,
    classifier: Annotated[bool | None, typer.Option(
        "--classifier/--rules-only",
        help="Add the learned classifier (needs the ml extra) or use the rules alone; "
             "default: the classifier setting.")] = None,
) -> None:
    """Score the coder against gold-coded sentences and print the accuracy.

    Reads PLOVER GSR records (event, source/target actor lists) and CAMEO-coded records
    (text, source and target codes such as USAGOV, a CAMEO code); CAMEO records are also
    scored on the CAMEO root and the full code."""
    if not gold.exists():
        raise InputError(f"no such file: {gold}")
    if not 0.0 <= min_confidence <= 1.0:
        raise InputError(f"--min-confidence must be between 0 and 1, got {min_confidence}")
    rep = run_eval(gold, model, min_confidence, classifier)
    summary = rep.summary()
    console = Console()
    table = Table(title=f"accuracy on {gold.name} ({rep.n} records)")
    for col in ("measure", "accuracy", "right", "scored"):
        table.add_column(col)
    for key, val in summary.items():
        if isinstance(val, dict) and "accuracy" in val:
            acc = "-" if val["accuracy"] is None else f"{val['accuracy']:.3f}"
            table.add_row(key, acc, str(val["right"]), str(val["scored"]))
    console.print(table)
    console.print(f"no event coded: {rep.no_event}; legacy category mapping: {summary['category_mapping']}")
    conf = rep.confusion_table()
    ctable = Table(title="confusion (gold -> predicted)")
    ctable.add_column("gold")
    ctable.add_column("predicted")
    for g, preds in conf.items():
        ctable.add_row(g, ", ".join(f"{p}:{n}" for p, n in sorted(preds.items(), key=lambda x: -x[1])))
    console.print(ctable)
    prec = precision_at(rep)
    if any(p["kept"] for p in prec):
        ptable = Table(title="confidence threshold: answered sentences, category precision, recall")
        for col in ("min confidence", "answered", "precision", "recall"):
            ptable.add_column(col)
        for p in prec:
            ptable.add_row(f"{p['threshold']:.1f}", str(p["kept"]), str(p["precision"]), str(p["recall"]))
        console.print(ptable)
    if report is not None:
        report.write_text(json.dumps({"summary": summary, "confusion": conf, "precision_at": prec,
                                      "records": rep.rows}, indent=2, ensure_ascii=False))
        console.print(f"report written to {report}")
