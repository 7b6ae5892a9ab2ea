from collections import Counter

import pytest

from eventwire.errors import DataFileError
from eventwire.events.lexicon import default_lexicon, load_lexicon
from eventwire.ontology import PLOVER_CATEGORIES, ontology


def test_lexicon_is_broad_and_covers_every_root_and_category():
    lex = default_lexicon()
    assert len(lex) >= 1000
    roots = Counter(t.code[:2] for t in lex.triggers)
    assert set(roots) == {f"{i:02d}" for i in range(1, 21)}
    cats = {ontology().get(t.code).plover_category for t in lex.triggers}
    # intent codes (03x, 13x) are also produced by modality; every category must be reachable
    assert set(PLOVER_CATEGORIES) <= cats
    assert sum(t.pos == "NOUN" for t in lex.triggers) >= 100


def test_lexicon_every_entry_explains_itself():
    for t in default_lexicon().triggers:
        assert len(t.why) >= 8, t.rule
        assert t.rule.split(":")[0].endswith(".yaml")


def test_lexicon_reads_on_as_a_preposition(tmp_path):
    f = tmp_path / "t.yaml"
    f.write_text("- pattern: impose sanction\n  code: '163'\n  target: on\n  why: sanctions on X\n")
    lex = load_lexicon([f])
    assert lex.triggers[0].targets == ("on",)


@pytest.mark.parametrize("body, message", [
    ("- pattern: meet\n  code: '999'\n  target: obj\n  why: x y z\n", "unknown CAMEO code"),
    ("- pattern: meet\n  code: '040'\n  target: nowhere\n  why: x y z\n", "unknown target slot"),
    ("- pattern: meet\n  code: '040'\n  target: obj\n", "missing required field 'why'"),
    ("- pattern: meet\n  code: '040'\n  target: obj\n  why: a b c\n"
     "- pattern: meet\n  code: '040'\n  target: obj\n  why: a b c\n", "duplicate"),
    ("- pattern: [meet\n", "YAML syntax"),
])
def test_lexicon_errors_name_file_and_line(tmp_path, body, message):
    f = tmp_path / "bad.yaml"
    f.write_text(body)
    with pytest.raises(DataFileError, match=message) as exc:
        load_lexicon([f])
    assert str(f) + ":" in str(exc.value)


def test_lexicon_modality_maps_intentions():
    m = default_lexicon().modality
    assert m.intent_code("040") == "036"
    assert m.intent_code("0841") == "0353"
    assert m.intent_code("190") == "1384"
    assert "refuse" in m.negators
    assert "will" in m.intent_auxiliaries


def test_lexicon_word_classes_are_defined_and_checked(tmp_path):
    lex = default_lexicon()
    assert {"relief", "weapon", "money"} <= set(lex.classes)
    assert "tent" in lex.classes["relief"]
    assert any("@relief" in t.words for t in lex.triggers)
    f = tmp_path / "t.yaml"
    f.write_text("- pattern: deliver @nosuchclass\n  code: '070'\n  target: [to]\n  why: a test entry\n")
    with pytest.raises(DataFileError, match="unknown word class"):
        load_lexicon([f])


def test_lexicon_modality_stop_and_target_codes():
    m = default_lexicon().modality
    assert m.stop_code("0731") == "1623" or m.stop_code("073") == "1623"
    assert m.stop_code("040") == "164"
    assert m.stop_code("190") is None  # stopping an attack is not a sanction
    assert m.target_code("174", {"diplomat"}) == "161"
    assert m.target_code("174", {"CVL"}) is None
    assert "order" in m.executives and "halt" in m.stoppers
