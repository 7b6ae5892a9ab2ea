"""DuckDB storage for documents and events, with a versioned schema.

The schema is created by numbered migrations recorded in ``schema_version``, so a store
written by an older eventwire is upgraded in place rather than rebuilt.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import duckdb

from eventwire.pipeline import Document
from eventwire.types import Actor, Event

MIGRATIONS: tuple[str, ...] = (
    # 1: documents and events, one row per coded event with its full record as JSON
    """
    CREATE TABLE documents (
        id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        published DATE,
        title VARCHAR,
        text VARCHAR NOT NULL,
        coded_at TIMESTAMP DEFAULT current_timestamp
    );
    CREATE TABLE events (
        id VARCHAR PRIMARY KEY,
        doc_id VARCHAR NOT NULL,
        sentence_index INTEGER,
        event_date DATE,
        date_precision VARCHAR,
        cameo VARCHAR NOT NULL,
        plover_category VARCHAR,
        plover_mode VARCHAR,
        plover_context VARCHAR,
        goldstein DOUBLE,
        quad_class INTEGER,
        source_country VARCHAR,
        source_sector VARCHAR,
        target_country VARCHAR,
        target_sector VARCHAR,
        modality VARCHAR,
        rule VARCHAR,
        confidence DOUBLE,
        mentions INTEGER,
        record JSON NOT NULL
    );
    """,
    # 2: actors the text introduced (learned), with provenance
    """
    CREATE TABLE learned_actors (
        name VARCHAR NOT NULL,
        country VARCHAR,
        sector VARCHAR,
        role VARCHAR,
        mention VARCHAR,
        how VARCHAR,
        doc_id VARCHAR NOT NULL,
        published DATE,
        sentence_index INTEGER
    );
    """,
)


class Store:
    """A DuckDB file holding documents and events."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.con = duckdb.connect(self.path)
        self._migrate()

    def _migrate(self) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        current = (row[0] if row else None) or 0
        for version, sql in enumerate(MIGRATIONS, start=1):
            if version > current:
                self.con.execute("BEGIN")
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_version VALUES (?)", [version])
                self.con.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def add(self, document: Document, events: list[Event]) -> bool:
        """Store a document and its events; False when the same content is already stored."""
        digest = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
        seen = self.con.execute("SELECT 1 FROM documents WHERE id = ? OR content_hash = ?",
                                [document.doc_id, digest]).fetchone()
        if seen:
            return False
        self.con.execute("BEGIN")
        self.con.execute("INSERT INTO documents (id, content_hash, published, title, text) VALUES (?, ?, ?, ?, ?)",
                         [document.doc_id, digest, document.date, document.title, document.text])
        for e in events:
            self.con.execute(
                "INSERT OR IGNORE INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [e.id, e.doc_id, e.sentence_index, e.date.date, e.date.precision, e.cameo,
                 e.plover_category, e.plover_mode, e.plover_context, e.goldstein, e.quad_class,
                 _first(e.source, "country"), _first(e.source, "sector"),
                 _first(e.target, "country"), _first(e.target, "sector"), e.modality, e.rule,
                 e.confidence, len(e.mentions), json.dumps(e.to_dict())])
        self.con.execute("COMMIT")
        return True

    def add_learned(self, document: Document, introduced: list[tuple[Actor, int]]) -> None:
        """Record the actors a document introduced, with where and when."""
        for actor, sentence_index in introduced:
            self.con.execute("INSERT INTO learned_actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             [actor.name, actor.country, actor.sector, actor.role, actor.text, actor.how,
                              document.doc_id, document.date, sentence_index])

    def learned(self, min_count: int = 1) -> list[dict[str, Any]]:
        """Learned actors grouped by name, country and sector, most often seen first."""
        rows = self.con.execute(
            """SELECT name, country, sector, any_value(role) AS role, count(*) AS mentions,
                      count(DISTINCT doc_id) AS documents, min(published) AS first_seen,
                      min(doc_id) AS example_doc
               FROM learned_actors GROUP BY name, country, sector HAVING count(*) >= ?
               ORDER BY mentions DESC, name""", [min_count]).fetchall()
        cols = ["name", "country", "sector", "role", "mentions", "documents", "first_seen", "example_doc"]
        return [dict(zip(cols, r, strict=True)) for r in rows]

    def count(self, table: str) -> int:
        if table not in {"documents", "events", "learned_actors"}:
            raise ValueError(f"no table {table!r}")
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608 - fixed names
        return int(row[0]) if row else 0

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, params or []).fetchall()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _first(actors: tuple[Any, ...], attr: str) -> str | None:
    return getattr(actors[0], attr) if actors else None
