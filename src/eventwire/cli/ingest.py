"""`eventwire ingest`: code files, directories, JSONL, feeds and URLs into the event store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from eventwire import settings
from eventwire.errors import InputError
from eventwire.pipeline import parse_date
from eventwire.store.dedup import DedupRule
from eventwire.store.ingest import default_rejects_path, estimate_total, ingest

EXIT_REJECTED = 3


def ingest_cmd(
    inputs: Annotated[list[str], typer.Argument(help="Files (.txt .md .html .jsonl, RSS/Atom), directories, "
                                                     "or feed/article URLs.")],
    db: Annotated[Path | None, typer.Option(help="Event store (default: the db setting, ./eventwire.duckdb).")] = None,
    date: Annotated[str | None, typer.Option(help="Publication date for inputs that carry none, YYYY-MM-DD.")] = None,
    processes: Annotated[int | None, typer.Option("--processes", "-j",
                                                  help="Worker processes (default: all cores).")] = None,
    rejects: Annotated[Path | None, typer.Option(help="Rejects file (default: beside the store, "
                                                      "<db>.rejects.jsonl).")] = None,
    no_dedup: Annotated[bool, typer.Option("--no-dedup", help="Keep one event per report: no merging "
                                                              "across articles.")] = False,
    window: Annotated[int, typer.Option(help="Days within which reports of one event may differ.")] = 2,
    kb: Annotated[list[Path] | None, typer.Option(help="Extra knowledge-base YAML file (repeatable).")] = None,
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline to use.")] = None,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress",
                                                  help="Progress bar (default: when stderr is a terminal).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="A line on stderr per committed chunk.")] = False,
    server: Annotated[str | None, typer.Option(help="Send the documents to a running `eventwire serve` at this "
                                                    "URL instead of opening the store (it owns the store).")] = None,
    token: Annotated[str | None, typer.Option(help="Bearer token for --server (default: the token setting).")]
    = None,
) -> None:
    """Code inputs into the event store: idempotent, resumable, bad records to a rejects file.

    Exit status: 0 when every record was stored or already there, 3 when some were
    rejected (see the rejects file), 2 when the run could not start.
    """
    if window < 0:
        raise InputError(f"--window must be 0 or more days, got {window}")
    if processes is not None and processes < 1:
        raise InputError(f"--processes must be at least 1, got {processes}")
    default_date = parse_date(date)
    store = db or Path(str(settings.get("db")))
    rejects_path = rejects or default_rejects_path(store)
    err = Console(stderr=True)
    show = sys.stderr.isatty() if progress is None else progress
    total = estimate_total(inputs) if show else None
    bar = Progress(TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                   TextColumn("{task.fields[rate]:.1f} docs/s · {task.fields[events]} events"),
                   TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(), console=err, disable=not show)
    with bar:
        task = bar.add_task("ingest", total=total, rate=0.0, events=0)
        started = bar.get_time()

        def on_progress(done: int, events: int) -> None:
            elapsed = max(bar.get_time() - started, 1e-6)
            bar.update(task, completed=done, events=events, rate=done / elapsed)

        if server:
            from eventwire.store.remote import ingest_remote

            summary = ingest_remote(inputs, server, token=token or str(settings.get("token")) or None,
                                    default_date=default_date, rejects=rejects or "eventwire.rejects.jsonl",
                                    progress=on_progress)
        else:
            summary = ingest(inputs, store, default_date=default_date, processes=processes,
                             rejects=rejects_path, rule=DedupRule(window_days=window, enabled=not no_dedup),
                             model=model, kb=[str(k) for k in kb or []], progress=on_progress,
                             log=(lambda line: typer.echo(line, err=True)) if verbose else None)
    typer.echo(f"documents read   {summary.read}", err=True)
    typer.echo(f"stored           {summary.stored}", err=True)
    typer.echo(f"already stored   {summary.skipped}", err=True)
    shown = (rejects or "eventwire.rejects.jsonl") if server else rejects_path
    typer.echo(f"rejected         {summary.rejected}" + (f"  → {shown}" if summary.rejected else ""),
               err=True)
    for reason, n in sorted(summary.reasons.items(), key=lambda kv: -kv[1]):
        typer.echo(f"  {n:6d}  {reason}", err=True)
    typer.echo(f"events           {summary.events}", err=True)
    typer.echo(f"time             {summary.seconds:.1f} s ({summary.rate:.1f} articles/s)", err=True)
    if summary.rejected:
        raise typer.Exit(EXIT_REJECTED)
