"""Input reading shared by commands: files or stdin, size-checked before they are read."""

from __future__ import annotations

import sys
from pathlib import Path

from eventwire import settings
from eventwire.errors import InputError, OversizedInputError
from eventwire.pipeline import check_text, decode


def read_input(path: str) -> str:
    """The text of ``path`` ('-' is stdin), refused early if binary, oversized or empty."""
    limit = int(settings.get("max_input_bytes"))
    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"no such file: {path}")
        if p.is_dir():
            raise InputError(f"{path} is a directory; give a text file (or use '-' for stdin)")
        size = p.stat().st_size
        if size > limit:
            raise OversizedInputError(
                f"{path} is {size:,} bytes, over the {limit:,}-byte limit "
                f"(set EVENTWIRE_MAX_INPUT_BYTES to raise it, or split the file)")
        data = p.read_bytes()
    if len(data) > limit:
        raise OversizedInputError(f"input is over the {limit:,}-byte limit")
    text = decode(data)
    check_text(text)
    return text
