"""Calibrated confidence: how often an event coded this way is right.

The extractor's rules say what they were unsure of (an inherited subject, a target
guessed from the clause, a pronoun, an intention rather than an act ...): these are the
event's *flags*. A logistic model over the flags, the part of speech of the trigger, the
CAMEO root and the event's place in its sentence turns them into a probability that the
event's PLOVER category and source country are right. Its weights are a data file
(``data/calibration.yaml``) fitted by ``scripts/calibrate.py`` on the tune half of the
project's own labelled sentences, never on the gold files the project is scored on;
``bench/project_set.py`` and ``bench/errors.py`` print the precision it buys at each
threshold on held-out data, which is what ``--min-confidence`` trades on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.datafiles import load_yaml
from eventwire.errors import DataFileError

if TYPE_CHECKING:
    from eventwire.events.extract import Found

_FAMILIES = {
    "01": "statement", "02": "verbal_coop", "03": "verbal_coop", "04": "verbal_coop",
    "05": "verbal_coop", "06": "material_coop", "07": "material_coop", "08": "material_coop",
    "09": "verbal_conflict", "10": "verbal_conflict", "11": "verbal_conflict",
    "12": "verbal_conflict", "13": "verbal_conflict", "14": "protest",
    "15": "material_conflict", "16": "material_conflict", "17": "material_conflict",
    "18": "material_conflict", "19": "material_conflict", "20": "material_conflict",
}


def features(f: Found, rank: int, sentence: list[Found] | None = None) -> dict[str, float]:
    """The inputs of the model for one found event; ``rank`` is its place among the
    sentence's events (0: the main one), ``sentence`` all of them: an event that competes
    with events of other kinds in its sentence is more often the wrong reading."""
    rivals = {g.code[:2] for g in sentence or [] if g is not f and not g.refers_back
              and g.code[:2] != "01"} - {f.code[:2]}
    x: dict[str, float] = {"bias": 1.0, "noun": float(f.trigger.pos == "NOUN"),
                           "first_in_sentence": float(rank == 0),
                           "later_in_sentence": float(rank > 0),
                           f"root_{f.code[:2]}": 1.0,
                           f"family_{_FAMILIES.get(f.code[:2], 'other')}": 1.0,
                           f"modality_{f.modality}": 1.0,
                           "specific_code": float(len(f.code) >= 3 and not f.code.endswith("0")),
                           "fixed_words": float(len(f.trigger.words) > 0),
                           "implied_target": float(any(a.how.startswith("implied") for a in f.target)),
                           "rivals": float(min(len(rivals), 3)),
                           "alone": float(not rivals)}
    for flag in f.flags:
        x[f"flag_{flag}"] = 1.0
    return x


@dataclass(frozen=True)
class Calibrator:
    weights: dict[str, float]
    fitted_on: str

    def __call__(self, x: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in x.items())
        return round(1.0 / (1.0 + math.exp(-z)), 3)


def load_calibrator(path: Path) -> Calibrator:
    d = load_yaml(path) or {}
    w = d.get("weights")
    if not isinstance(w, dict) or "bias" not in w:
        raise DataFileError(str(path), None, "expected `weights` with at least `bias`")
    return Calibrator({str(k): float(v) for k, v in w.items() if not str(k).startswith("__")},
                      str(d.get("fitted_on", "")))


@lru_cache(maxsize=1)
def default_calibrator() -> Calibrator | None:
    """The shipped model, or None when the data file is absent (raw rule scores then)."""
    path = Path(str(resources.files("eventwire.events") / "data" / "calibration.yaml"))
    return load_calibrator(path) if path.exists() else None
