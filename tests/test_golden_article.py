"""The reference article in ../shared codes into the events a careful coder would write.

The article is test data only (it is not in the repository); this test skips where
../shared is absent.
"""

from __future__ import annotations

import pytest

from tests.conftest import shared_file

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def events(coder):
    text = shared_file("corpus", "2025-02-12-trump-putin-call.txt").read_text(encoding="utf-8")
    return coder.code(text, date="2025-02-12", doc_id="trump-putin-call")


def _has(events, category, src, tgt, date=None):
    for e in events:
        if e.plover_category != category:
            continue
        if src in {a.country for a in e.source} and tgt in {a.country for a in e.target}:
            if date is None or e.date.date == date:
                return e
    return None


def test_golden_phone_call(events):
    e = _has(events, "CONSULT", "USA", "RUS", "2025-02-12")
    assert e is not None
    assert e.cameo.startswith("04")


def test_golden_agreement_to_visit_both_directions(events):
    assert _has(events, "AGREE", "USA", "RUS") is not None
    assert _has(events, "AGREE", "RUS", "USA") is not None


def test_golden_intent_to_contact_zelensky(events):
    e = _has(events, "AGREE", "USA", "UKR")
    assert e is not None and e.modality == "intent"


def test_golden_release_of_fogel(events):
    e = _has(events, "RETREAT", "RUS", "USA", "2025-02-11")
    assert e is not None
    assert any("Fogel" in a.text for a in e.target)


def test_golden_calls_on_putin_to_end_the_war(events):
    assert any(e.cameo.startswith(("02", "10")) and "USA" in {a.country for a in e.source}
               and "RUS" in {a.country for a in e.target} for e in events)


KNOWN = {"Trump": "USA", "Putin": "RUS", "Zelensky": "UKR", "Hegseth": "USA", "Peskov": "RUS",
         "Biden": "USA", "Fogel": "USA", "Rubio": "USA", "Kellogg": "USA", "Vance": "USA"}


def test_golden_no_person_in_the_wrong_country(events):
    for e in events:
        for a in e.source + e.target:
            for name, country in KNOWN.items():
                if name in a.text and a.how != "coref:group":
                    assert a.country == country, (a, e.rule)


def test_golden_former_president_is_elite(events):
    for e in events:
        for a in e.source + e.target:
            if "Biden" in a.text:
                assert a.sector == "ELI"


ROLES = {  # name in the text -> (country, sector) on 2025-02-12
    "Donald Trump": ("USA", "GOV"),
    "Vladimir Putin": ("RUS", "GOV"),
    "Volodymyr Zelensky": ("UKR", "GOV"),
    "Pete Hegseth": ("USA", "GOV"),
    "Dmitry Peskov": ("RUS", "GOV"),
    "Joe Biden": ("USA", "ELI"),
    "Marco Rubio": ("USA", "GOV"),
    "JD Vance": ("USA", "GOV"),
    "Keith Kellogg": ("USA", "GOV"),
}


@pytest.mark.parametrize("name", sorted(ROLES))
def test_golden_people_resolve_at_the_story_date(coder, name):
    text = shared_file("corpus", "2025-02-12-trump-putin-call.txt").read_text(encoding="utf-8")
    assert name.split()[-1] in text
    from eventwire.actors.lookup import resolve_mention
    from eventwire.pipeline import parse_date

    r = resolve_mention(coder, name, parse_date("2025-02-12"))
    assert r.actors, r.why
    assert (r.actors[0].country, r.actors[0].sector) == ROLES[name], r.why
