"""Shared fixtures. Model-loading tests are marked slow; shared-data tests skip cleanly
where ../shared is absent (a user's clone)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))


def shared_file(*parts: str) -> Path:
    """A file under ../shared, or a clean skip with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path} (CI provides ../shared)")
    return path


@pytest.fixture(scope="session")
def coder():
    from eventwire.pipeline import get_coder

    return get_coder()


@pytest.fixture(scope="session")
def code(coder):
    def _code(text: str, date: str = "2025-02-12"):
        return coder.code(text, date=date)

    return _code
