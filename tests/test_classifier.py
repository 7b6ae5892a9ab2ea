"""The learned classifier (optional ml extra). Its data files are checked everywhere; the
model itself runs only where `pip install 'eventwire[ml]'` was done (skipped otherwise,
saying so), and without it asking for it is a clear error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.events import classifier
from eventwire.ontology import PLOVER_CATEGORIES, ontology


def test_classifier_weights_cover_every_category():
    w = classifier.load_weights()
    assert set(w.classes) == set(PLOVER_CATEGORIES) | {"NONE"}
    assert w.coef.shape == (len(w.classes), 384) and w.intercept.shape == (len(w.classes),)
    assert "tune part" in w.fitted_on  # trained on the project's own sentences, not gold files


def test_category_codes_are_the_categories_own():
    codes = classifier.category_codes()
    assert set(codes) == set(PLOVER_CATEGORIES)
    for category, code in codes.items():
        assert ontology().get(code).plover_category == category, code


@pytest.mark.skipif(classifier.available(), reason="the ml extra is installed here")
def test_classifier_without_the_extra_is_a_clear_error(tmp_path):
    exe = str(Path(sys.executable).parent / "eventwire")
    p = subprocess.run([exe, "code", "-", "--classifier"], input="Chile expelled the Peruvian ambassador.",
                       capture_output=True, text=True)
    assert p.returncode == 2 and "eventwire[ml]" in p.stderr and "Traceback" not in p.stderr
    p = subprocess.run([exe, "code", "-", "--rules-only", "-f", "json"],
                       input="Chile expelled the Peruvian ambassador.", capture_output=True, text=True)
    assert p.returncode == 0 and '"161"' in p.stdout


needs_ml = pytest.mark.skipif(not classifier.available(),
                              reason="the ml extra is not installed: pip install 'eventwire[ml]'")


@needs_ml
@pytest.mark.slow
def test_classifier_codes_what_no_rule_knows():
    from eventwire.pipeline import Coder

    coder = Coder(classifier=True)
    text = "Hackers working for Iran broke into the servers of Albania's government on Friday."
    rules = Coder(nlp=coder.nlp)
    assert not [e for e in rules.code(text) if e.plover_category]
    events = [e for e in coder.code(text) if e.plover_category]
    assert events and events[0].rule.startswith("classifier")
    assert 0.0 < events[0].confidence <= 1.0


@needs_ml
@pytest.mark.slow
def test_classifier_never_overrides_the_rules():
    from eventwire.pipeline import Coder

    text = "Chile expelled the Peruvian ambassador on Monday."
    both = Coder(classifier=True).code(text)
    assert [e.cameo for e in both] == ["161"] and not any(e.rule.startswith("classifier") for e in both)
