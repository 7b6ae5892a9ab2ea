"""`eventwire batch` and `eventwire load`: code archives on Dask, then merge into a store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from eventwire import settings
from eventwire.errors import EventwireError, InputError
from eventwire.pipeline import parse_date
from eventwire.store.dedup import DedupRule


def _dask() -> None:
    try:
        import distributed  # noqa: F401
    except ModuleNotFoundError:
        raise EventwireError("batch needs the batch extra (Dask): pip install 'eventwire[batch]'") from None


def batch_cmd(
    inputs: Annotated[list[str], typer.Argument(help="JSONL, Parquet or text files, directories or fsspec URLs.")],
    out: Annotated[str, typer.Option("--out", help="Output directory (or fsspec URL) for the Parquet.")],
    scheduler: Annotated[str | None, typer.Option(help="A running Dask scheduler, e.g. tcp://HOST:8786.")] = None,
    workers: Annotated[int | None, typer.Option(help="LocalCluster workers (default: one per core).")] = None,
    partition_size: Annotated[int, typer.Option(help="Records per partition (the unit of work and retry).")] = 500,
    date: Annotated[str | None, typer.Option(help="Publication date for records without one, YYYY-MM-DD.")] = None,
    kb: Annotated[list[Path] | None, typer.Option(help="Extra knowledge-base YAML file (repeatable).")] = None,
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline to use.")] = None,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress")] = None,
) -> None:
    """Code an archive on Dask into partitioned Parquet (documents, reports, event mentions,
    rejects) with a manifest; rerun to resume, `eventwire load` to merge into a store."""
    _dask()
    if partition_size < 1:
        raise InputError(f"--partition-size must be at least 1, got {partition_size}")
    if workers is not None and workers < 1:
        raise InputError(f"--workers must be at least 1, got {workers}")
    from eventwire.batch.run import BatchSummary, run_batch

    err = Console(stderr=True)
    show = sys.stderr.isatty() if progress is None else progress
    bar = Progress(TextColumn("partitions"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[docs]} documents"), TimeElapsedColumn(), TextColumn("eta"),
                   TimeRemainingColumn(), console=err, disable=not show)
    task: Any = None

    def started(summary: BatchSummary, todo: int) -> None:
        nonlocal task
        err.print(f"Dask: {summary.workers} workers, dashboard {summary.dashboard}; "
                  f"{todo} partitions to code, {summary.skipped} already done")
        task = bar.add_task("batch", total=todo, docs=0)

    docs = 0

    def finished(counts: dict[str, Any]) -> None:
        nonlocal docs
        docs += counts["documents"]
        bar.update(task, advance=1, docs=docs)

    with bar:
        summary = run_batch(inputs, out, scheduler=scheduler, workers=workers, partition_size=partition_size,
                            model=model, kb=[str(k) for k in kb or []], default_date=parse_date(date),
                            on_start=started, on_partition=finished)
    typer.echo(f"partitions       {summary.partitions} ({summary.skipped} already done)", err=True)
    typer.echo(f"documents        {summary.documents}", err=True)
    typer.echo(f"reports          {summary.reports}", err=True)
    typer.echo(f"rejected         {summary.rejects}" + (f"  → {out}/rejects/" if summary.rejects else ""), err=True)
    typer.echo(f"time             {summary.seconds:.1f} s ({summary.rate:.1f} articles/s)", err=True)
    typer.echo(f"manifest         {out}/manifest.json", err=True)


def load_cmd(
    out: Annotated[str, typer.Argument(help="A batch output directory (or fsspec URL).")],
    db: Annotated[Path | None, typer.Option(help="Event store (default: the db setting).")] = None,
    no_dedup: Annotated[bool, typer.Option("--no-dedup", help="Keep one event per report.")] = False,
    window: Annotated[int, typer.Option(help="Days within which reports of one event may differ.")] = 2,
) -> None:
    """Merge a batch output into a DuckDB store, as `eventwire ingest` would have."""
    from eventwire.batch.load import load_batch

    summary = load_batch(out, db or Path(str(settings.get("db"))), DedupRule(window, not no_dedup))
    typer.echo(f"documents        {summary.read}", err=True)
    typer.echo(f"stored           {summary.stored}", err=True)
    typer.echo(f"already stored   {summary.skipped}", err=True)
    typer.echo(f"rejected (batch) {summary.rejected}", err=True)
    typer.echo(f"events           {summary.events}", err=True)
    typer.echo(f"time             {summary.seconds:.1f} s", err=True)
