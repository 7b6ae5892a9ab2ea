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
from eventwire.evaluation.score import Report, score
from eventwire.pipeline import Document, get_coder, parse_date


def run_eval(gold_path: Path, model: str | None = None) -> Report:
    """Code every gold sentence and score the result (library entry for bench/ and tests)."""
    records = read_gold(gold_path)
    if not records:
        raise InputError(f"{gold_path} holds no gold records")
    coder = get_coder(model)
    docs = [Document(r.text, parse_date(r.date) if r.date else None, r.id) for r in records]
    predicted = [events for _, events in coder.code_documents(docs)]
    return score(records, predicted)


def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (PLOVER GSR or CAMEO layout).")],
    report: Annotated[Path | None, typer.Option(help="Write the full report as JSON here.")] = None,
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline to use.")] = None,
) -> None:
    """Score the coder against gold-coded sentences and print the accuracy."""
    if not gold.exists():
        raise InputError(f"no such file: {gold}")
    rep = run_eval(gold, model)
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
    if report is not None:
        report.write_text(json.dumps({"summary": summary, "confusion": conf, "records": rep.rows},
                                     indent=2, ensure_ascii=False))
        console.print(f"report written to {report}")
