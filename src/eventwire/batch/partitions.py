"""Input partitions: the unit of work, of retry and of resumption.

A JSON-lines file is cut into runs of ``size`` lines, a Parquet file into its row groups
(or runs of ``size`` rows), and loose text files are grouped ``size`` at a time. Each
partition has a stable id (a hash of where it comes from), so a rerun into the same output
recognises the partitions it already finished.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import fsspec

TEXT_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class Partition:
    """A slice of the input: ``kind`` is jsonl, parquet or text."""

    index: int
    kind: str
    paths: tuple[str, ...]
    start: int = 0
    stop: int = 0

    @property
    def id(self) -> str:
        key = f"{self.kind}|{'|'.join(self.paths)}|{self.start}|{self.stop}"
        return f"{self.index:06d}-{hashlib.sha1(key.encode()).hexdigest()[:10]}"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "paths": list(self.paths), "start": self.start, "stop": self.stop}


def _files(spec: str) -> list[str]:
    fs, _, paths = fsspec.get_fs_token_paths(spec)
    out: list[str] = []
    for p in sorted(paths):
        if fs.isdir(p):
            out += sorted(f for f in fs.find(p) if not any(part.startswith(".") for part in f.split("/")))
        else:
            out.append(p)
    protocol = fs.protocol[0] if isinstance(fs.protocol, tuple | list) else fs.protocol
    return [f if protocol in ("file", "local") else f"{protocol}://{f}" for f in out]


def plan(inputs: list[str], size: int = 500) -> list[Partition]:
    """Every partition of the inputs, in input order."""
    parts: list[Partition] = []
    loose: list[str] = []

    def flush_text() -> None:
        for i in range(0, len(loose), size):
            parts.append(Partition(len(parts), "text", tuple(loose[i:i + size])))
        loose.clear()

    for spec in inputs:
        for path in _files(spec):
            low = path.lower()
            if low.endswith((".jsonl", ".ndjson", ".jsonl.gz")):
                flush_text()
                with fsspec.open(path, "rb", compression="infer") as fh:
                    n = sum(1 for _ in fh)
                for start in range(0, max(n, 1), size):
                    parts.append(Partition(len(parts), "jsonl", (path,), start, min(start + size, n)))
            elif low.endswith(".parquet"):
                flush_text()
                import pyarrow.parquet as pq

                with fsspec.open(path, "rb") as fh:
                    n = pq.ParquetFile(fh).metadata.num_rows
                for start in range(0, max(n, 1), size):
                    parts.append(Partition(len(parts), "parquet", (path,), start, min(start + size, n)))
            elif low.endswith(TEXT_SUFFIXES):
                loose.append(path)
    flush_text()
    return parts
