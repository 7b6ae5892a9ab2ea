"""`eventwire code`: code one article and print its events."""

from __future__ import annotations

import json
import warnings
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from eventwire.cli.common import read_input
from eventwire.errors import InputError
from eventwire.pipeline import Document, NotEnglishWarning, get_coder, parse_date
from eventwire.types import Actor, Event


class Format(StrEnum):
    table = "table"
    json = "json"
    plover = "plover"


def code(
    path: Annotated[str, typer.Argument(help="Text file to code, or - for standard input.")],
    date: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="table, json or plover.")] = Format.table,
    doc_id: Annotated[str | None, typer.Option("--id", help="Document id (default: content hash).")] = None,
    kb: Annotated[list[Path] | None, typer.Option(help="Extra knowledge-base YAML file (repeatable).")] = None,
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline to use.")] = None,
    db: Annotated[Path | None, typer.Option(help="Also store the document and events in this DuckDB file.")] = None,
    min_confidence: Annotated[float | None, typer.Option(
        help="Drop events below this confidence (0-1; default: the min_confidence setting).")] = None,
    classifier: Annotated[bool | None, typer.Option(
        "--classifier/--rules-only",
        help="Add the learned classifier (needs the ml extra) or use the rules alone; "
             "default: the classifier setting.")] = None,
) -> None:
    """Code an article into events and print them."""
    if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
        raise InputError(f"--min-confidence must be between 0 and 1, got {min_confidence}")
    text = read_input(path)
    published = parse_date(date)
    coder = get_coder(model, [str(k) for k in kb or []], classifier=classifier)
    document = Document(text, published, doc_id)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", NotEnglishWarning)
        _, events = next(coder.code_documents([document]))
    if min_confidence is not None:
        events = [e for e in events if e.confidence >= min_confidence]
    not_english = [w for w in caught if issubclass(w.category, NotEnglishWarning)]
    if not_english:
        typer.echo(f"eventwire: warning: {not_english[0].message}", err=True)
    if db is not None:
        from eventwire.store import Store

        with Store(db) as store:
            added = store.add(document, events, coder.last_introduced, quotes=coder.last_quotes,
                              topics=coder.last_topics)
        typer.echo(f"stored {len(events)} events in {db}" if added else f"already stored in {db}", err=True)
    if format is Format.json:
        typer.echo(json.dumps([e.to_dict() for e in events], indent=2, ensure_ascii=False))
    elif format is Format.plover:
        for e in events:
            typer.echo(json.dumps(e.to_plover(), ensure_ascii=False))
    else:
        print_table(events)
    if not_english:
        raise InputError("text is not English; nothing coded")


def _actors(actors: tuple[Actor, ...]) -> str:
    return "; ".join(
        f"{a.name} [{a.country or '?'}{' ' + a.sector if a.sector else ''}]" for a in actors) or "-"


def print_table(events: list[Event]) -> None:
    console = Console(width=max(Console().width, 140))
    table = Table(title=f"{len(events)} events", show_lines=False)
    for col in ("date", "source", "event", "target", "trigger", "rule"):
        table.add_column(col, overflow="fold")
    for e in events:
        kind = f"{e.cameo} {e.cameo_name}\n{e.plover_category or '(no PLOVER)'}"
        if e.modality != "asserted":
            kind += f" [{e.modality}]"
        date = e.date.date + ("" if e.date.precision == "day" else f" ({e.date.precision})")
        table.add_row(date, _actors(e.source), kind, _actors(e.target), e.trigger.text, e.rule)
    console.print(table)
