import datetime as dt

import pytest

from eventwire.actors.kb import load_kb
from eventwire.errors import DataFileError


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def _one(kb, text, kind=None):
    from eventwire.actors.kb import _key

    hits = [a for a in kb.lookup(_key(text)) if kind is None or a.kind == kind]
    assert hits, text
    return hits[0]


def test_kb_every_iso_country_and_non_iso_actors(kb):
    import pycountry

    for c in pycountry.countries:
        assert c.alpha_3 in kb.country_names
    for code in ("XKX", "PSE", "TWN"):
        assert code in kb.country_names


def test_kb_adjectives_metonyms_and_bodies(kb):
    assert _one(kb, "Russian", "adjective").code == "RUS"
    assert _one(kb, "U.S.").code == "USA"
    assert (_one(kb, "the Kremlin").code, _one(kb, "the Kremlin").sector) == ("RUS", "GOV")
    assert _one(kb, "Pentagon").sector == "MIL"
    assert _one(kb, "Kyiv").code == "UKR"
    assert _one(kb, "Knesset").sector == "LEG"


def test_kb_igos(kb):
    nato = _one(kb, "NATO", "igo")
    assert (nato.code, nato.sector) == ("NATO", "IGO")
    assert _one(kb, "European Union", "igo").code == "EU"


def test_kb_roles_change_with_the_date(kb):
    trump = kb.people["donald-trump"]
    assert trump.at(dt.date(2022, 6, 1))[0] == "ELI"
    assert trump.at(dt.date(2025, 6, 1))[0] == "GOV"
    putin = kb.people["vladimir-putin"]
    assert putin.at(dt.date(2009, 6, 1))[1] == "Prime Minister"
    assert putin.at(dt.date(2020, 6, 1))[1] == "President"


def test_kb_people_count(kb):
    assert len(kb.people) >= 300


def test_kb_user_file_extends_and_overrides(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text(
        "people:\n"
        "  - id: jane-roe\n    name: Jane Roe\n    aliases: [Roe]\n    country: FRA\n"
        "    roles:\n      - {role: Mayor, sector: GOV, start: 2020-01-01}\n")
    kb = load_kb([f])
    assert kb.people["jane-roe"].at(dt.date(2021, 1, 1)) == ("GOV", "Mayor")
    assert _one(kb, "Roe").code == "FRA"


def test_kb_user_file_errors_have_file_and_line(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text("people:\n  - id: x\n    name: X\n    country: FRA\n"
                 "    roles:\n      - {role: Mayor, sector: NOPE, start: 2020-01-01}\n")
    with pytest.raises(DataFileError, match=r"bad.yaml:6: unknown sector 'NOPE'"):
        load_kb([f])
