"""Accuracy floors on the PLOVER GSR dev half (../shared/eval), a little under the
measured numbers (docs/accuracy.md), so a regression fails CI."""

from __future__ import annotations

import pytest

from tests.conftest import shared_file

pytestmark = pytest.mark.slow

# Measured (docs/accuracy.md): category 0.744, source country 0.810, target country 0.710,
# source sector 0.592, full match 0.567. Floors sit a little under (and at or above the
# core issue's 0.70 / 0.75 / 0.70), so a regression fails.
FLOORS = {
    "plover_category": 0.72,
    "source_country": 0.77,
    "target_country": 0.70,
    "source_sector": 0.56,
    "full_match": 0.54,
}


@pytest.fixture(scope="module")
def summary(coder):
    from eventwire.cli.evaluate import run_eval

    return run_eval(shared_file("eval", "plover_gsr_dev.jsonl")).summary()


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_accuracy_floor(summary, measure):
    got = summary[measure]["accuracy"]
    assert got is not None and got >= FLOORS[measure], f"{measure}: {got} < {FLOORS[measure]}"
