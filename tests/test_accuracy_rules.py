"""The accuracy issue's rules, each on a sentence written for this test (slow: real model)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _first(events, category=None):
    evs = [e for e in events if e.plover_category and (category is None or e.plover_category == category)]
    assert evs, [(e.cameo, e.plover_category) for e in events]
    return evs[0]


def test_order_with_to_clause_is_a_demand_on_the_object(code):
    e = _first(code("The court ordered the army to leave the village of Amran on Monday."))
    assert e.plover_category == "REQUEST" and e.cameo.startswith("10")
    assert e.source[0].sector == "JUD" and e.target[0].sector == "MIL"
    # the withdrawal was ordered, not done
    assert not [x for x in code("The court ordered the army to leave the village of Amran.")
                if x.plover_category == "RETREAT"]


def test_ordered_act_noun_is_the_orderers_act(code):
    e = _first(code("The Bolivian president ordered the arrest of three opposition leaders."))
    assert e.cameo == "173" and e.source[0].country == "BOL" and e.target[0].sector == "OPP"


def test_stopping_aid_is_sanction_not_rejection(code):
    e = _first(code("Sweden halted development aid to Zambia's government on Friday."))
    assert e.plover_category == "SANCTION" and e.cameo.startswith("162")
    assert e.source[0].country == "SWE" and e.target[0].country == "ZMB"


def test_threat_to_stop_talks_is_a_threat(code):
    e = _first(code("Chile threatened to halt negotiations with Bolivia over the border."))
    assert e.plover_category == "THREATEN"


def test_resignation_is_retreat_per_codebook(code):
    e = _first(code("The Kenyan interior minister resigned on Friday after the protests."))
    assert e.cameo == "0831" and e.plover_category == "RETREAT"


def test_expelling_an_ambassador_is_a_diplomatic_sanction(code):
    e = _first(code("Malawi expelled the British high commissioner on Tuesday."))
    assert e.cameo == "161" and e.plover_category == "SANCTION"


def test_leaving_an_organisation_cuts_relations(code):
    e = _first(code("Burundi withdrew from the East African Community on Friday."))
    assert e.cameo == "160" and e.plover_category == "SANCTION"


def test_aid_coded_by_what_is_given(code):
    e = _first(code("Turkey delivered 3,000 tonnes of flour and tents to Somalia on Friday."))
    assert e.cameo == "073" and e.source[0].country == "TUR" and e.target[0].country == "SOM"
    e = _first(code("Washington delivered four attack helicopters to Nigeria's air force."))
    assert e.cameo == "072"


def test_troops_sent_within_own_country_mobilise(code):
    e = _first(code("The Peruvian government sent 3,000 more troops to the Puno region on Monday."))
    assert e.plover_category == "MOBILIZE"
    e = _first(code("Rwanda sent troops to the Central African Republic to help protect its government."))
    assert e.plover_category == "AID"


def test_passive_force_posture_keeps_its_forces(code):
    e = _first(code("Ghana's armed forces were put on high alert on Sunday."))
    assert e.plover_category == "MOBILIZE" and e.source[0].country == "GHA"


def test_talks_between_sides_name_both(code):
    e = _first(code("Talks between Armenia and Azerbaijan resumed in Geneva on Thursday."))
    assert {a.country for a in e.source + e.target} == {"ARM", "AZE"}


def test_undated_text_keeps_the_known_office(code):
    # no publication date: "Friday" cannot be placed, so the person is read in the office
    # they are known for, not as "former" on today's date
    e = _first(code("Tanzanian President Julius Nyerere praised Zambia on Friday.", date=None))
    assert e.source[0].sector == "GOV"
    assert e.date.precision == "publication"


def test_country_qualified_leaders_are_government(code):
    e = _first(code("Ugandan negotiators rejected the proposal from the rebels on Monday."))
    assert e.source[0].country == "UGA" and e.source[0].sector == "GOV"


def test_reported_pronoun_is_the_reporter(code):
    e = _first(code("Kenya's interior ministry announced that it had banned the rally in Nairobi."))
    assert e.source[0].country == "KEN" and e.source[0].sector == "GOV"


def test_bare_security_council_is_the_uns(code):
    e = _first(code("The Security Council imposed an arms embargo on South Sudan."))
    assert e.source[0].country == "UNSC"
    e = _first(code("Iran's Security Council rejected the proposal from France."))
    assert e.source[0].country == "IRN"


def test_bracketed_acronym_stays_in_the_name(code):
    e = _first(code("The Southern African Development Community (SADC) summit agreed to send troops to Mozambique."))
    assert e.source[0].country == "SADC"


def test_reneging_is_rejection(code):
    e = _first(code("The governor reneged on his promise to release the detained students."))
    assert e.plover_category == "REJECT"


def test_confidence_is_a_probability(code):
    events = code("Police in Lagos arrested twelve protesters on Monday.")
    assert events and all(0.0 <= e.confidence <= 1.0 for e in events)


def test_threat_targets_whoever_must_meet_its_condition(code):
    e = _first(code("Farmers in Bolivia threatened to block the highways unless the government cut fuel prices."),
               "THREATEN")
    assert e.target and e.target[0].sector == "GOV"


def test_demand_clause_names_the_target(code):
    e = _first(code("The African Union repeated its demand that Sudan release the detained ministers."))
    assert e.plover_category == "REQUEST" and e.target[0].country == "SDN"
    # the release was demanded, not done
    assert not [x for x in code("The African Union repeated its demand that Sudan release the detained ministers.")
                if x.plover_category == "RETREAT"]


def test_pressuring_someone_to_act_is_asking(code):
    e = _first(code("Thai authorities pressured the protest leaders to end their sit-in."))
    assert e.plover_category == "REQUEST" and e.target[0].country == "THA"
    assert not [x for x in code("Thai authorities pressured the protest leaders to end their sit-in.")
                if x.plover_category == "CONCEDE"]  # the ending is asked for, not done


def test_decided_to_is_the_act(code):
    e = _first(code("Ecuador decided to expel the Venezuelan ambassador on Monday."))
    assert e.plover_category == "SANCTION" and e.modality == "asserted"


def test_state_of_siege_and_intrusions_are_coercion(code):
    assert _first(code("The junta declared a state of siege in Bolivia on Sunday.")).cameo == "1724"
    e = _first(code("Russian hackers tried to hack into the computers of the Estonian parliament."))
    assert e.plover_category == "COERCE" and e.source[0].country == "RUS"
