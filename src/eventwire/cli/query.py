"""`eventwire events | dyad | alerts | export`: questions asked of the event store."""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from eventwire import settings
from eventwire.errors import InputError
from eventwire.pipeline import parse_date
from eventwire.store import Store
from eventwire.store.alerts import novelty, shifts
from eventwire.store.exports import FORMATS, export
from eventwire.store.queries import EVENT_FIELDS, EventFilter, dyad_series, select_events, sparkline

DbOption = Annotated[Path | None, typer.Option(help="Event store (default: the db setting).")]
SinceOption = Annotated[str | None, typer.Option(help="First event date, YYYY-MM-DD.")]
UntilOption = Annotated[str | None, typer.Option(help="Last event date, YYYY-MM-DD.")]


class OutFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    parquet = "parquet"


def open_store(db: Path | None) -> Store:
    return Store(db or Path(str(settings.get("db"))), read_only=True)


def _console() -> Console:
    return Console(width=max(Console().width, 160))


def events_cmd(
    source: Annotated[str | None, typer.Option(help="Source country or IGO code, optionally :SECTOR "
                                                    "(RUS, RUS:GOV).")] = None,
    target: Annotated[str | None, typer.Option(help="Target, as --source.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    category: Annotated[str | None, typer.Option(help="PLOVER category, e.g. CONSULT.")] = None,
    cameo: Annotated[str | None, typer.Option(help="CAMEO code or prefix, e.g. 04 or 042.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    format: Annotated[OutFormat, typer.Option("--format", "-f", help="table, csv, json or parquet.")] = OutFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (needed for "
                                                                        "parquet).")] = None,
    db: DbOption = None,
) -> None:
    """Merged events matching the filters, one row per real-world event."""
    flt = EventFilter(source, target, parse_date(since), parse_date(until), category, cameo, limit)
    with open_store(db) as store:
        if format is OutFormat.parquet:
            if output is None:
                raise InputError("--format parquet needs --output FILE")
            n = export(store, "parquet", output, flt)
            typer.echo(f"wrote {n} events to {output}", err=True)
            return
        if format is OutFormat.csv and output is not None:
            n = export(store, "csv", output, flt)
            typer.echo(f"wrote {n} events to {output}", err=True)
            return
        cur = select_events(store.con, flt)
        rows = cur.fetchall()
    records = [dict(zip(EVENT_FIELDS, r, strict=True)) for r in rows]
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        if format is OutFormat.json:
            for rec in records:
                out.write(json.dumps(rec, default=str, ensure_ascii=False) + "\n")
        elif format is OutFormat.csv:
            import csv

            w = csv.writer(out)
            w.writerow(EVENT_FIELDS)
            w.writerows(rows)
        else:
            _events_table(records)
    finally:
        if output:
            out.close()


def _events_table(records: list[dict[str, Any]]) -> None:
    table = Table(title=f"{len(records)} events")
    for col in ("id", "date", "source", "event", "target", "goldstein", "articles", "sources"):
        table.add_column(col, overflow="fold")
    for r in records:
        src = f"{r['source_name'] or '-'} [{r['source_country'] or '?'} {r['source_sector'] or ''}]".strip()
        tgt = f"{r['target_name'] or '-'} [{r['target_country'] or '?'} {r['target_sector'] or ''}]".strip()
        table.add_row(str(r["id"]), str(r["event_date"]), src,
                      f"{r['cameo']} {r['cameo_name']}\n{r['plover_category'] or ''}", tgt,
                      f"{r['goldstein']:+.1f}", str(r["num_articles"]), str(r["num_sources"]))
    _console().print(table)


def dyad_cmd(
    a: Annotated[str, typer.Argument(help="First actor: country or IGO code, optionally :SECTOR.")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    by: Annotated[str, typer.Option(help="day, week, month, quarter or year.")] = "week",
    directed: Annotated[bool, typer.Option(help="Only A's acts toward B.")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    db: DbOption = None,
) -> None:
    """A dyad's time series: events by quad class, Goldstein sum and mean per period."""
    if format not in {"table", "json"}:
        raise InputError(f"--format must be table or json, got {format!r}")
    with open_store(db) as store:
        series = dyad_series(store.con, a, b, by, directed, parse_date(since), parse_date(until))
    if format == "json":
        for p in series:
            typer.echo(json.dumps({**p.__dict__, "period": p.period.isoformat()}))
        return
    arrow = "→" if directed else "↔"
    table = Table(title=f"{a.upper()} {arrow} {b.upper()} by {by}: {sum(p.events for p in series)} events")
    for col in ("period", "events", "verbal coop", "material coop", "verbal conflict", "material conflict",
                "goldstein sum", "mean"):
        table.add_column(col, justify="right")
    for p in series:
        table.add_row(p.period.isoformat(), str(p.events), str(p.verbal_coop), str(p.material_coop),
                      str(p.verbal_conflict), str(p.material_conflict), f"{p.goldstein_sum:+.1f}",
                      "-" if p.goldstein_mean is None else f"{p.goldstein_mean:+.2f}")
    console = _console()
    console.print(table)
    if series:
        console.print(f"events   {sparkline([float(p.events) for p in series])}")
        console.print(f"goldstein{sparkline([p.goldstein_sum for p in series]):>{len(series) + 1}}  "
                      f"(sum per {by}, {min(p.goldstein_sum for p in series):+.1f} to "
                      f"{max(p.goldstein_sum for p in series):+.1f})")
    else:
        console.print("no events between these actors")


def alerts_cmd(
    since: Annotated[str, typer.Option(help="Report alerts from this date, YYYY-MM-DD.")],
    days: Annotated[int, typer.Option(help="Novelty: no interaction of the kind in this many days before.")] = 1095,
    by: Annotated[str, typer.Option(help="Shift: period, day/week/month.")] = "week",
    baseline: Annotated[int, typer.Option(help="Shift: periods in the baseline.")] = 8,
    min_shift: Annotated[float, typer.Option(help="Shift: Goldstein points of change.")] = 3.0,
    min_events: Annotated[int, typer.Option(help="Shift: events needed in the period.")] = 3,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    db: DbOption = None,
) -> None:
    """Novel interactions and sudden shifts in a dyad's cooperation-conflict balance."""
    day = parse_date(since)
    assert day is not None
    if days < 1 or baseline < 1 or min_events < 1:
        raise InputError("--days, --baseline and --min-events must be at least 1")
    with open_store(db) as store:
        found = novelty(store.con, day, days) + shifts(store.con, day, by, baseline, min_shift, min_events)
        coverage = store.con.execute("SELECT min(event_date), max(event_date) FROM events").fetchone()
    found.sort(key=lambda a: (a.date, a.kind))
    if format == "json":
        for alert in found:
            typer.echo(json.dumps(alert.to_dict(), default=str))
        return
    table = Table(title=f"{len(found)} alerts since {day}")
    for col in ("date", "kind", "dyad", "what", "events"):
        table.add_column(col, overflow="fold")
    for alert in found:
        table.add_row(alert.date.isoformat(), alert.kind, "-".join(alert.dyad), alert.summary,
                      ", ".join(map(str, alert.events)))
    console = _console()
    console.print(table)
    if coverage and coverage[0] and isinstance(coverage[0], dt.date):
        need = day - dt.timedelta(days=days)
        if coverage[0] > need:
            console.print(f"note: the store starts {coverage[0]}; novelty since {day} needs events from {need} "
                          f"(use --days to look back less far)")


def export_cmd(
    output: Annotated[Path, typer.Argument(help="File to write.")],
    format: Annotated[str, typer.Option("--format", "-f", help=f"{', '.join(FORMATS)}.")] = "plover",
    source: Annotated[str | None, typer.Option(help="Source filter, as in `eventwire events`.")] = None,
    target: Annotated[str | None, typer.Option(help="Target filter.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    header: Annotated[bool, typer.Option(help="GDELT: write the header row (GDELT's own files have "
                                              "none).")] = True,
    db: DbOption = None,
) -> None:
    """Export merged events as PLOVER JSON lines, GDELT 2.0 TSV, CSV or Parquet."""
    if format not in FORMATS:
        raise InputError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    flt = EventFilter(source, target, parse_date(since), parse_date(until))
    with open_store(db) as store:
        n = export(store, format, output, flt, header=header)
    typer.echo(f"wrote {n} events to {output} ({format})", err=True)


def quotes_cmd(
    speaker: Annotated[str | None, typer.Option(help="Country code, knowledge-base id or part of a name.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[int, typer.Option(help="At most this many quotes.")] = 50,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    db: DbOption = None,
) -> None:
    """Who said what: quoted words and reported claims, newest first."""
    from eventwire.store.queries import find_quotes

    if format not in {"table", "json"}:
        raise InputError(f"--format must be table or json, got {format!r}")
    if limit < 1:
        raise InputError(f"--limit must be at least 1, got {limit}")
    with open_store(db) as store:
        rows = find_quotes(store.con, speaker, parse_date(since), parse_date(until), limit)
    if format == "json":
        for r in rows:
            typer.echo(json.dumps(r, default=str, ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} quotes" + (f" by {speaker}" if speaker else ""))
    for col in ("date", "speaker", "to", "words", "how", "source"):
        table.add_column(col, overflow="fold")
    for r in rows:
        words = f"“{r['text']}”" if r["kind"] == "direct" else r["text"]
        how = r["verb"] + (f", {r['medium']}" if r["medium"] else "")
        table.add_row(str(r["quote_date"] or "-"), f"{r['speaker_name']} [{r['speaker_country'] or '?'}]",
                      r["addressee_name"] or "-", words, how, r["title"] or r["doc_id"])
    _console().print(table)
