"""The embedded event store (DuckDB): documents and their coded events."""

from eventwire.store.db import Store

__all__ = ["Store"]
