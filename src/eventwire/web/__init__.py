"""The web service: a JSON API and a dashboard over the event store (needs the ``web`` extra)."""

from __future__ import annotations

from typing import Any


def create_app(*args: Any, **kwargs: Any) -> Any:
    """Build the FastAPI application; see ``eventwire.web.app.create_app``."""
    try:
        from eventwire.web.app import create_app as build
    except ModuleNotFoundError as exc:  # pragma: no cover - depends on the environment
        from eventwire.errors import EventwireError

        raise EventwireError(f"the web service needs the web extra ({exc.name} is missing): "
                             f"pip install 'eventwire[web]'") from None
    return build(*args, **kwargs)


__all__ = ["create_app"]
