"""Read JSON-lines files of texts (gold records, mention lists) with errors that say
file:line, so a bad line is one clear message, never a traceback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.errors import InputError


def text_records(path: Path, text_fields: tuple[str, ...] = ("text",)) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; each object must have a text string
    under one of ``text_fields``, which is then also available as 'text'."""
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
        text = next((d[k] for k in text_fields if isinstance(d, dict) and isinstance(d.get(k), str)), None)
        if not isinstance(text, str) or not text.strip():
            names = " or ".join(repr(k) for k in text_fields)
            raise InputError(f"{path}:{n}: each line needs an object with a {names} string")
        d.setdefault("text", text)
        yield n, d
