"""Docs that cannot drift: settings, commands and links the README promises exist."""

from __future__ import annotations

import re
from pathlib import Path

from eventwire.settings import SETTINGS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_docs_every_setting_is_in_the_readme():
    for s in SETTINGS:
        assert f"`{s.name}`" in README, s.name


def test_docs_readme_gives_the_two_commands_and_the_cli():
    for needle in ("make demo", "make test", "eventwire code", "eventwire eval", "--format plover",
                   "eventwire ingest", "eventwire events", "eventwire dyad", "eventwire alerts", "eventwire export",
                   "eventwire serve", "eventwire batch", "eventwire load"):
        assert needle in README


def test_docs_links_resolve():
    for target in re.findall(r"\]\(([^)#]+)\)", README):
        if not target.startswith("http"):
            assert (ROOT / target).exists(), target


def test_docs_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
