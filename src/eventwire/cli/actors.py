"""`eventwire actors ...`: resolve mentions, list actors learned from text, promote them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
import yaml
from rich.console import Console
from rich.table import Table

from eventwire.actors.lookup import Resolution, resolve_mention
from eventwire.cli.code import Format
from eventwire.errors import InputError
from eventwire.jsonl import text_records
from eventwire.pipeline import get_coder, parse_date

app = typer.Typer(no_args_is_help=True, help="Who is who: resolve mentions, learned actors.")


@app.command("resolve")
def resolve(
    text: Annotated[str | None, typer.Argument(help="A mention, e.g. \"Armenian Prime Minister\".")] = None,
    date: Annotated[str | None, typer.Option(help="Story date, YYYY-MM-DD (roles change).")] = None,
    file: Annotated[Path | None, typer.Option("--file", help="JSONL of mentions (text, optional date).")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.table,
    kb: Annotated[list[Path] | None, typer.Option(help="Extra knowledge-base YAML file (repeatable).")] = None,
) -> None:
    """Resolve actor mentions to country, sector, person and role, with the reasons."""
    coder = get_coder(None, [str(k) for k in kb or []])
    items: list[tuple[str, str | None]] = []
    if file is not None:
        items += [(d["text"], d.get("date") or date) for _, d in text_records(file)]
    elif text:
        items.append((text, date))
    else:
        raise InputError("give a mention to resolve, or --file with JSONL mentions")
    results = [resolve_mention(coder, t, parse_date(d)) for t, d in items]
    if format is Format.table:
        _table(results)
    else:
        for r in results:
            typer.echo(json.dumps(r.to_dict(), ensure_ascii=False))


def _table(results: list[Resolution]) -> None:
    table = Table(show_lines=True)
    for col in ("mention", "date", "country", "sector", "person / name", "role", "why"):
        table.add_column(col, overflow="fold")
    for r in results:
        if not r.actors:
            table.add_row(r.text, r.date or "-", "-", "-", "-", "-", r.why[0])
        for a, why in zip(r.actors, r.why, strict=False):
            table.add_row(r.text, r.date or "-", a.country or "-", a.sector or "-", a.name, a.role or "-", why)
    Console(width=max(Console().width, 140)).print(table)


@app.command("learned")
def learned(
    db: Annotated[Path, typer.Option(help="The event store the documents were coded into.")] = Path(
        "eventwire.duckdb"),
    min_count: Annotated[int, typer.Option(help="Only actors seen at least this often.")] = 1,
    format: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.table,
) -> None:
    """List the people that coded documents introduced and the knowledge base lacks."""
    from eventwire.store import Store

    if not db.exists():
        raise InputError(f"no event store at {db}: code documents with --db first")
    with Store(db, read_only=True) as store:
        rows = store.learned(min_count)
    if format is not Format.table:
        for r in rows:
            typer.echo(json.dumps(r, default=str, ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} learned actors")
    for col in ("name", "country", "sector", "role", "mentions", "documents", "first seen"):
        table.add_column(col)
    for r in rows:
        table.add_row(r["name"], r["country"] or "-", r["sector"] or "-", r["role"] or "-", str(r["mentions"]),
                      str(r["documents"]), str(r["first_seen"] or "-"))
    Console().print(table)


@app.command("promote")
def promote(
    names: Annotated[list[str], typer.Argument(help="Names of learned actors to promote.")],
    to: Annotated[Path, typer.Option("--to", help="User knowledge-base YAML to write (created or extended).")],
    db: Annotated[Path, typer.Option(help="The event store holding the learned actors.")] = Path(
        "eventwire.duckdb"),
) -> None:
    """Write chosen learned actors into a user knowledge-base file (load it with --kb)."""
    from eventwire.store import Store

    if not db.exists():
        raise InputError(f"no event store at {db}")
    with Store(db, read_only=True) as store:
        rows = {r["name"]: r for r in store.learned()}
    missing = [n for n in names if n not in rows]
    if missing:
        raise InputError(f"not among the learned actors: {', '.join(missing)} (see `eventwire actors learned`)")
    data = yaml.safe_load(to.read_text(encoding="utf-8")) if to.exists() else None
    data = data or {}
    people = data.setdefault("people", [])
    known = {p.get("id") for p in people}
    for n in names:
        r = rows[n]
        pid = "-".join(n.lower().split())
        if pid in known:
            continue
        people.append({
            "id": pid, "name": n, "aliases": [n.split()[-1]] if len(n.split()) > 1 else [],
            "country": r["country"],
            "roles": [{"role": r["role"] or "Unknown", "sector": r["sector"] or "CVL",
                       "start": str(r["first_seen"] or "1900-01-01")}],
            "source": f"learned from {r['example_doc']} ({r['mentions']} mentions); check before relying on it",
        })
    to.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    typer.echo(f"wrote {len(names)} actors to {to}")


@app.command("check")
def check(
    kb: Annotated[list[Path] | None, typer.Option(help="Extra knowledge-base YAML file (repeatable).")] = None,
    show: Annotated[int, typer.Option(help="How many alias conflicts to list.")] = 20,
) -> None:
    """Load and validate the knowledge base (and user files); list what it holds and the
    aliases two entries claim (the later file wins; across kinds, person > organisation >
    state body > metonym > country > adjective > demonym > place)."""
    from eventwire.actors.kb import load_kb

    k = load_kb([str(f) for f in kb or []])
    people = [p for p in k.people.values() if p.kind == "person"]
    countries = {a.code for b in k.aliases.values() for a in b if a.kind == "country"}
    typer.echo(f"countries and territories: {len(countries)}")
    typer.echo(f"organisations: {len(k.organisations)}")
    typer.echo(f"people: {len(people)} ({sum(len(p.roles) for p in people)} dated roles)")
    typer.echo(f"groups: {len(k.people) - len(people)}")
    typer.echo(f"role nouns: {len(k.roles)}, modifiers: {len(k.modifiers)}")
    typer.echo(f"aliases: {len(k.aliases)}; claimed twice within one kind: {len(k.conflicts)}")
    for text, old, new in k.conflicts[:show]:
        typer.echo(f"  {text!r}: {old.name} ({old.source}) and {new.name} ({new.source}) -> {new.name} wins")


@app.command("top")
def top(
    since: Annotated[str | None, typer.Option(help="First event date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last event date, YYYY-MM-DD.")] = None,
    by: Annotated[str, typer.Option(help="actor (people and groups apart) or country.")] = "actor",
    limit: Annotated[int, typer.Option(help="How many actors.")] = 20,
    format: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.table,
    db: Annotated[Path | None, typer.Option(help="Event store (default: the db setting).")] = None,
) -> None:
    """The most active actors in merged events, as source and as target."""
    from eventwire.cli.query import open_store
    from eventwire.store.queries import top_actors

    if limit < 1:
        raise InputError(f"--limit must be at least 1, got {limit}")
    with open_store(db) as store:
        rows = top_actors(store.con, parse_date(since), parse_date(until), by, limit)
    if format is not Format.table:
        for r in rows:
            typer.echo(json.dumps(r, default=str, ensure_ascii=False))
        return
    table = Table(title=f"top {len(rows)} actors" + (f" since {since}" if since else ""))
    for col in rows[0].keys() if rows else ("events",):
        table.add_column(col.replace("_", " "), overflow="fold")
    for r in rows:
        table.add_row(*("-" if v is None else str(v) for v in r.values()))
    Console(width=max(Console().width, 120)).print(table)
