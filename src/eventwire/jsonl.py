"""Read JSON-lines files of texts (gold records, mention lists) with errors that say
file:line, so a bad line is one clear message, never a traceback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.errors import InputError


def text_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; each object must have a 'text' string."""
    if not path.exists():
        raise InputError(f"no such file: {path}")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: invalid JSON ({exc.msg})") from None
        if not isinstance(d, dict) or not isinstance(d.get("text"), str) or not d["text"].strip():
            raise InputError(f"{path}:{n}: each line needs an object with a 'text' string")
        yield n, d
