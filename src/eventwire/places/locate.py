"""The place of an event: the place named in the event's own locative phrase.

"An air strike on Kharkiv", "talks in Riyadh", "clashes near the town of Bakhmut",
"protests across Kenya": the phrase hangs on the trigger (or on the trigger's object:
"abducted a worker near Mandera"). Places elsewhere in the sentence or the article are not
the event's. A capital that is the subject of a verb ("Moscow said") is an actor, never a
place: only locative phrases are read. Each phrase is tried in turn, so a phrase that does
not resolve ("in the capital") never hides one that does.

Resolution order within a phrase: a region when the phrase says so ("the Donetsk
region"), else a city, else a region, else a country; ambiguous city names go to the
story's countries (those of the document's actors so far), then to the larger city.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Token

from eventwire.actors.kb import ActorKnowledge
from eventwire.places.gazetteer import REGION_WORDS, Gazetteer, Place
from eventwire.types import Location

PREPS = frozenset({"in", "near", "at", "outside", "around", "across", "into", "on", "inside", "throughout",
                   "through", "off"})
ON_ROOTS = frozenset({"17", "18", "19", "20", "14"})  # "a strike on Kharkiv", "a march on the capital"
SETTLEMENT = frozenset({"town", "city", "village", "capital", "port", "region", "province", "state", "district",
                        "area", "outskirts", "suburb", "suburbs", "centre", "center", "oblast", "governorate"})


def phrases(tok: Token, root: str) -> list[tuple[list[Token], bool]]:
    """Candidate place names for a trigger: (tokens of the name, whether the phrase calls it a region)."""
    heads = [tok]
    heads += [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    out: list[tuple[list[Token], bool]] = []
    if root in ON_ROOTS:  # "shelled Kharkiv", "bombed the city of Homs": the attacked place
        for obj in (c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}):
            out.extend(_names(obj))
    for h in heads:
        for prep in h.children:
            if prep.dep_ != "prep" or prep.lower_ not in PREPS or (prep.lower_ == "on" and root not in ON_ROOTS):
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                out.extend(_names(obj))
    # the parser often hangs the place on the trigger's other object: "clashed with rebels in
    # Sudan", "met with the envoy in Doha"; those come after the trigger's own phrases
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"with", "against", "between", "at"}):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for inner in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in PREPS - {"on"}):
                for o in (c for c in inner.children if c.dep_ == "pobj"):
                    out.extend(_names(o))
    return out


def _names(obj: Token) -> list[tuple[list[Token], bool]]:
    region = obj.lemma_.lower() in REGION_WORDS - {"of", "the", "city", "capital"}
    found: list[tuple[list[Token], bool]] = []
    if obj.lower_ == "capital" and not any(c.dep_ == "prep" for c in obj.children):
        # "in the capital", "in the Somali capital", "in Kenya's capital": resolved by locate()
        mods = [c for c in obj.children if c.dep_ in {"compound", "poss", "amod"} and c.pos_ in {"PROPN", "ADJ"}]
        return [([*mods, obj], False)]
    if obj.pos_ == "PROPN":
        found.append((_span(obj), region))
        # "Istanbul's Taksim Square", "Budapest's Heroes' Square": the city owning the landmark
        found += [(_span(c), False) for c in obj.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    elif obj.lemma_.lower() in SETTLEMENT:
        # "the town of Bakhmut", "the Donetsk region", "Kharkiv's outskirts", "Ethiopia's Tigray
        # region" (the region itself before the country that owns it)
        kids = sorted(obj.children, key=lambda c: c.dep_ == "poss")
        for c in kids:
            if c.dep_ in {"compound", "amod", "poss", "nmod"} and c.pos_ == "PROPN":
                found.append((_span(c), region and c.dep_ != "poss"))
            if c.dep_ == "prep" and c.lower_ == "of":
                found += [(_span(g), region) for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    for c in obj.children:  # "in Kharkiv and Odesa": the first conjunct is the event's place
        if c.dep_ == "appos" and c.pos_ == "PROPN":
            found.append((_span(c), region))
    return found


def _span(head: Token) -> list[Token]:
    toks = [head]
    t = head
    while t.i > 0 and t.doc[t.i - 1].dep_ in {"compound", "flat"} and t.doc[t.i - 1].pos_ == "PROPN":
        t = t.doc[t.i - 1]
        toks.insert(0, t)
    return toks


def resolve(toks: list[Token], region: bool, gaz: Gazetteer, kb: ActorKnowledge, story: Iterable[str]
            ) -> Location | None:
    """One candidate name against the gazetteer; None when it names no known place."""
    text = " ".join(t.text for t in toks)
    story = list(story)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    place: Place | None = None
    hits = kb.find_aliases([t.lower_ for t in toks], kinds=("country",), texts=[t.text for t in toks])
    if hits and hits[0][0] == 0 and hits[0][1] == len(toks):
        # a country's name is the country, not a town that shares it ("Lebanon", Pennsylvania)
        code = hits[0][2].code
        return Location(kb.country_name(code) or code, "country", code, text, start, end, how="country")
    if region:
        place = gaz.region(text, story)
    if place is None:
        place = gaz.city(text, story)
    if place is None:
        place = gaz.region(text, story)
    if place is not None:
        how = "city" if place.kind == "city" else "region"
        if place.country in story:
            how += ", in a country of the story"
        return Location(place.name, place.kind, place.country, text, start, end, place.admin1, place.lat, place.lon,
                        place.population or None, place.geonameid, how)
    return None


def locate(tok: Token, root: str, gaz: Gazetteer, kb: ActorKnowledge, story: Iterable[str]) -> Location | None:
    """The event's place, or None when its own phrases name none that resolves."""
    story = list(story)
    for toks, region in phrases(tok, root):
        if toks[-1].lower_ == "capital":  # "in the Somali capital"; "in the capital": the story's
            named = [a.code for t in toks[:-1]
                     for _, _, a in kb.find_aliases([t.lower_], kinds=("country", "adjective"), texts=[t.text])]
            country = named[0] if named else (story[0] if story else None)
            place = gaz.capital(country) if country else None
            if place is not None:
                return Location(place.name, "city", place.country, " ".join(t.text for t in toks), toks[0].idx,
                                toks[-1].idx + len(toks[-1]), place.admin1, place.lat, place.lon, place.population,
                                place.geonameid, "the capital of " + ("the country named" if named else "the story"))
            continue
        # a country named beside the place ("Tripoli, Lebanon's second city") outranks the story's
        beside = _countries_near(toks[-1], kb, gaz)
        found = resolve(toks, region, gaz, kb, beside + [c for c in story if c not in beside])
        if found is not None:
            return found
    for toks, region in clause_phrases(tok):
        beside = _countries_near(toks[-1], kb, gaz)
        found = resolve(toks, region, gaz, kb, beside + [c for c in story if c not in beside])
        if found is not None:
            return replace(found, how=found.how + "; from elsewhere in the clause")
    return None


# clauses that are not the event's own: who someone is ("who flew in from Paris"), what was
# said (a reporting verb's content), and other events' clauses
_OTHER_CLAUSE = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis", "appos"})


def clause_phrases(tok: Token) -> list[tuple[list[Token], bool]]:
    """Locative phrases anywhere in the trigger's own clause, in text order: the parser hangs
    "in Tbilisi" on "the parliament building", "in Los Angeles" on "a contractor"."""
    out: list[tuple[list[Token], bool]] = []
    stack = [c for c in tok.children if c.dep_ not in _OTHER_CLAUSE]
    seen: list[Token] = []
    while stack:
        t = stack.pop()
        seen.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _OTHER_CLAUSE)
    for prep in sorted((t for t in seen if t.dep_ == "prep" and t.lower_ in PREPS - {"on"}), key=lambda t: t.i):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            out.extend(_names(obj))
    return out


def _countries_near(name: Token, kb: ActorKnowledge, gaz: Gazetteer | None = None) -> list[str]:
    """Countries named beside a place: "Hyderabad, Pakistan", "Tripoli, Lebanon's second city",
    and the country of a region beside it: "London, Ontario", "Birmingham, Alabama"."""
    near = [t for c in name.children if c.dep_ in {"appos", "npadvmod"} for t in c.subtree]
    if name.i + 2 < len(name.doc) and name.doc[name.i + 1].text == ",":
        near.append(name.doc[name.i + 2])
    codes = []
    for t in near:
        if t.pos_ == "PROPN":
            hits = kb.find_aliases([t.lower_], kinds=("country",), texts=[t.text])
            codes += [h[2].code for h in hits]
            if not hits and gaz is not None:
                region = gaz.region(t.text)
                if region is not None:
                    codes.append(region.country)
    return codes
