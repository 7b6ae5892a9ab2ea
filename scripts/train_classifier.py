"""Train the learned event-type classifier (src/eventwire/events/data/classifier.json).

    pip install -e '.[ml]'
    python scripts/train_classifier.py

Multinomial logistic regression (scikit-learn) on all-MiniLM-L6-v2 sentence embeddings
of the tune two thirds of the project's own labelled sentences (bench/data/sentences,
split by bench/project_set.py), labels their PLOVER category or NONE. The held-out
third is only scored. The gold files in ../shared are never read.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from project_set import records  # noqa: E402

from eventwire.events.classifier import DATA, SentenceClassifier, Weights  # noqa: E402

C = 16.0  # inverse regularisation; larger fits the tune part closer


def main() -> int:
    tune, held = records("tune"), records("held")
    clf0 = SentenceClassifier(Weights(("NONE",), np.zeros((1, 384), np.float32), np.zeros(1, np.float32), ""))
    xt = clf0._encode([r["text"] for r in tune])
    xh = clf0._encode([r["text"] for r in held])
    yt = [r["event"] for r in tune]
    yh = np.array([r["event"] for r in held])
    model = LogisticRegression(C=C, max_iter=5000).fit(xt, yt)
    acc = float(np.mean(model.predict(xh) == yh))
    print(f"tune {len(tune)} sentences, held-out {len(held)}: held-out category accuracy {acc:.3f}")
    out = {"classes": [str(c) for c in model.classes_],
           "coef": [[round(float(v), 5) for v in row] for row in model.coef_],
           "intercept": [round(float(v), 5) for v in model.intercept_],
           "fitted_on": f"tune part of bench/data/sentences ({len(tune)} sentences), C={C}, {dt.date.today()}",
           "held_out_accuracy": round(acc, 4)}
    (DATA / "classifier.json").write_text(json.dumps(out) + "\n", encoding="utf-8")
    print(f"wrote {DATA / 'classifier.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
