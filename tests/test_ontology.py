from eventwire.ontology import PLOVER_CATEGORIES, ontology


def test_ontology_has_every_cameo_root_and_code():
    o = ontology()
    assert len(o.roots()) == 20
    assert len(o) > 300
    assert {c.root for c in o.codes()} == {f"{i:02d}" for i in range(1, 21)}


def test_ontology_crosswalk_and_goldstein():
    o = ontology()
    phone = o.get("041")
    assert (phone.plover_category, phone.plover_mode, phone.goldstein, phone.quad_class) == (
        "CONSULT", "phone", 1.0, 1)
    assert o.get("190").plover_category == "ASSAULT"
    assert o.get("190").goldstein == -10.0
    assert o.get("0871").plover_mode == "ceasefire"


def test_ontology_statements_have_no_plover_category():
    assert all(c.plover_category is None for c in ontology().codes() if c.root == "01")


def test_ontology_appeals_map_to_request():
    assert ontology().get("0241").plover_category == "REQUEST"


def test_ontology_every_plover_category_is_reachable():
    cats = {c.plover_category for c in ontology().codes()}
    assert set(PLOVER_CATEGORIES) <= cats


def test_ontology_unknown_code_raises():
    import pytest

    with pytest.raises(KeyError, match="unknown CAMEO code"):
        ontology().get("999")
