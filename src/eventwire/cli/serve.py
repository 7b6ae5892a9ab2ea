"""`eventwire serve`: the API and the dashboard over the store (needs the web extra)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventwire import settings
from eventwire.errors import InputError


def serve(
    db: Annotated[Path | None, typer.Option(help="Event store (default: the db setting).")] = None,
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 for every interface.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[str | None, typer.Option(help="Bearer token for writing endpoints (default: the token "
                                                   "setting, EVENTWIRE_TOKEN).")] = None,
    kb: Annotated[list[Path] | None, typer.Option(help="Extra knowledge-base YAML file (repeatable).")] = None,
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline to use.")] = None,
) -> None:
    """Serve the JSON API (/api/v1, OpenAPI at /docs) and the dashboard (/).

    The service opens the store for writing and is its only writer while it runs:
    ingest into it with POST /api/v1/documents (or `eventwire ingest --server URL`).
    """
    if not 0 < port < 65536:
        raise InputError(f"--port must be 1-65535, got {port}")
    import uvicorn

    from eventwire.web import create_app

    app = create_app(db or Path(str(settings.get("db"))), token=token, model=model,
                     kb=tuple(str(k) for k in kb or []))
    typer.echo(f"eventwire: serving {db or settings.get('db')} at http://{host}:{port} (API docs at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
