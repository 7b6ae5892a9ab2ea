"""`eventwire`: the command-line entry point.

Every command turns library errors into one line on stderr and a non-zero exit status;
no traceback reaches the user for bad input.
"""

from __future__ import annotations

import sys
import warnings

import typer

from eventwire.cli import actors as actors_cmd
from eventwire.cli import batch as batch_cmd
from eventwire.cli import code as code_cmd
from eventwire.cli import evaluate as eval_cmd
from eventwire.cli import ingest as ingest_cmd
from eventwire.cli import query as query_cmd
from eventwire.cli import serve as serve_cmd
from eventwire.errors import EventwireError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Code news text into political event data (CAMEO and PLOVER).")
app.command("code")(code_cmd.code)
app.command("eval")(eval_cmd.evaluate)
app.command("ingest")(ingest_cmd.ingest_cmd)
app.command("events")(query_cmd.events_cmd)
app.command("dyad")(query_cmd.dyad_cmd)
app.command("alerts")(query_cmd.alerts_cmd)
app.command("export")(query_cmd.export_cmd)
app.command("quotes")(query_cmd.quotes_cmd)
app.command("serve")(serve_cmd.serve)
app.command("batch")(batch_cmd.batch_cmd)
app.command("load")(batch_cmd.load_cmd)
app.add_typer(actors_cmd.app, name="actors")


def main() -> None:
    """Run the CLI: usage errors are Typer's (exit 2); library errors become one line."""
    warnings.simplefilter("ignore", category=FutureWarning)
    try:
        app()
    except EventwireError as exc:
        typer.echo(f"eventwire: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
