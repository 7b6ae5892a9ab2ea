"""Resolve an actor mention in a parsed sentence to an Actor.

The evidence, strongest first: a person in the knowledge base (whose sector depends on
the date), a person the document itself introduced with a title or apposition ("Kremlin
spokesman Dmitry Peskov", "Marc Fogel, a U.S. citizen"), a country, capital or state body
("Moscow", "the Pentagon"), an international organisation, and role nouns with their
modifiers ("former president" is ELI). spaCy's entity labels are not trusted: "Trump"
tagged ORG or "Kyiv" tagged PERSON resolve by what the knowledge base says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from eventwire.actors.kb import ActorKnowledge, Alias
from eventwire.types import Actor

# Dependents that belong to a noun phrase's own words (left side of the head).
_MENTION_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "npadvmod",
                 "case", "punct", "predet", "flat", "cc", "conj"}
_PERSON_PRON = {"he", "she", "him", "her", "his"}
_GROUP_PRON = {"they", "them", "their"}
_GROUP_NOUNS = {"leader", "president", "side", "country", "nation", "minister", "government",
                "state", "party", "delegation", "official"}


@dataclass
class DocContext:
    """What the document has said so far about who is who."""

    date: dt.date | None
    learned: dict[str, Actor] = field(default_factory=dict)
    persons: list[Actor] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    groups: list[tuple[Actor, ...]] = field(default_factory=list)
    sentence_index: int = 0
    # actors the text introduced, with the sentence that introduced them (provenance)
    introduced: list[tuple[Actor, int]] = field(default_factory=list)
    # people named as grammatical subjects, the likeliest antecedents of "he" and "she"
    subjects: list[Actor] = field(default_factory=list)

    def remember(self, actor: Actor) -> None:
        self.actors.append(actor)
        if actor.how.startswith(("person", "learned")):
            self.persons.append(actor)


class Resolver:
    """Turns mention head tokens into Actors, using the knowledge base and the document."""

    def __init__(self, kb: ActorKnowledge) -> None:
        self.kb = kb

    # -- public -----------------------------------------------------------------

    def resolve(self, head: Token, ctx: DocContext, day: dt.date | None = None) -> list[Actor]:
        """All actors a mention head stands for (a plural reference may stand for several)."""
        day = day or ctx.date
        low = head.lower_
        if head.pos_ == "PRON" or low in _PERSON_PRON | _GROUP_PRON | {"it", "its"}:
            return self._pronoun(head, ctx)
        group = self._group_reference(head, ctx)
        if group:
            return group
        actor = self._resolve_phrase(head, ctx, day)
        if actor is None:
            poss = next((c for c in head.children if c.dep_ == "poss"), None)
            if poss is not None and head.pos_ == "NOUN":
                # "Peru's ruling", "the miners' demands": the possessor is the actor
                return self.resolve(poss, ctx, day)
            return []
        actors = [actor, *self._conjoined_modifiers(head, actor)]
        for a in actors:
            ctx.remember(a)
        return actors

    def _conjoined_modifiers(self, head: Token, actor: Actor) -> list[Actor]:
        """'Polish and Czech officials': one actor per conjoined nationality."""
        out = []
        for c in head.children:
            if c.dep_ in {"amod", "compound", "nmod"} and c.i < head.i:
                for conj in c.conjuncts:
                    hits = self.kb.find_aliases([conj.lower_], kinds=("adjective", "country"))
                    if hits and hits[0][2].code != actor.country:
                        a = hits[0][2]
                        out.append(replace(actor, text=conj.text, start=conj.idx, end=conj.idx + len(conj),
                                           country=a.code, name=self.kb.country_name(a.code) or a.name,
                                           kb_id=None, how="kb:" + a.kind))
        return out

    def learn_from_sentence(self, sent: object, ctx: DocContext, day: dt.date | None) -> None:
        """Read titled names and appositions in a sentence before coding its events."""
        for tok in sent:  # type: ignore[attr-defined]
            if tok.pos_ == "PROPN" and tok.dep_ != "compound":
                actor = self._resolve_phrase(tok, ctx, day or ctx.date)
                if actor is not None:
                    ctx.remember(actor)
                    if tok.dep_ in {"nsubj", "nsubjpass"} and actor.how.startswith(("person", "learned")):
                        ctx.subjects.append(actor)

    # -- internals ----------------------------------------------------------------

    def place_in(self, tokens: list[Token]) -> Alias | None:
        """The country of the first country, capital or city named among ``tokens``."""
        fallback: Alias | None = None
        for t in tokens:
            if t.pos_ != "PROPN" or (t.dep_ == "compound" and t.head.pos_ != "NOUN"):
                continue  # "the Gaza border", "the Kashmir valley" name a place; "Abu Dhabi" is one name
            where = _placing(t)
            if where == 0 or (where == 1 and fallback is not None):
                continue
            toks = _left_tokens(t)
            found = self.kb.find_aliases([x.lower_ for x in toks], kinds=("country", "metonym", "place"),
                                         texts=[x.text for x in toks])
            hits = _drop_name_parts(found, toks)
            if hits:
                if where == 2:
                    return hits[-1][2]
                fallback = hits[-1][2]
        return fallback

    def _located_in(self, head: Token) -> Alias | None:
        """The country of the first place in the phrase after the head ('refugees fleeing
        the fighting in Darfur', 'marchers in Lima')."""
        for t in head.subtree:
            if t.i <= head.i or t.pos_ != "PROPN" or t.i - head.i > 12:
                continue
            toks = _left_tokens(t)
            hits = self.kb.find_aliases([x.lower_ for x in toks], kinds=("country", "metonym", "place"),
                                        texts=[x.text for x in toks])
            if hits:
                return hits[-1][2]
        return None

    def _pronoun(self, head: Token, ctx: DocContext) -> list[Actor]:
        low = head.lower_
        reported = self._reporter(head, ctx)
        if reported:
            return reported
        if low in _PERSON_PRON and ctx.persons:
            # the last person named as a subject before the pronoun (centering: "the envoy ...
            # arrived on Monday, and he ..."), else the last person named
            subjects = [p for p in ctx.subjects if p.start < head.idx]
            before = subjects or [p for p in ctx.persons if p.start < head.idx] or ctx.persons
            a = max(before, key=lambda p: p.start)
            return [replace(a, text=head.text, start=head.idx, end=head.idx + len(head), how="coref:" + a.how)]
        if low in {"it", "its"}:
            # the last country or organisation named before the pronoun
            things = [a for a in ctx.actors if a.start < head.idx and a.country
                      and not a.how.startswith(("person", "learned", "coref", "role", "kb:place"))]
            if things:
                a = max(things, key=lambda x: x.start)
                return [replace(a, text=head.text, start=head.idx, end=head.idx + len(head), how="coref:it")]
            return []
        if low in _GROUP_PRON and ctx.groups:
            return [replace(a, text=head.text, start=head.idx, end=head.idx + len(head), how="coref:group")
                    for a in ctx.groups[-1]]
        return []

    def _reporter(self, head: Token, ctx: DocContext) -> list[Actor]:
        """'Iraq's government announced that it would ...', 'the leaders said they would
        ...': the subject of a clause reported by a verb is, by default, the reporter.

        A binding rule that holds far more often than recency does: the last country named
        before "it" is usually inside the reporter's own noun phrase ("Iraq's").
        """
        if head.dep_ not in {"nsubj", "nsubjpass"} or head.head.dep_ not in {"ccomp", "advcl"}:
            return []
        gov = head.head.head
        subj = next((c for c in gov.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
        if subj is None or subj.i > head.i:
            return []
        actor = self._resolve_phrase(subj, ctx, ctx.date)
        if actor is None or not actor.country:
            return []
        is_person = actor.how.startswith(("person", "learned", "coref:title")) and subj.tag_ not in {"NNS", "NNPS"}
        low = head.lower_
        if (low in _PERSON_PRON) != is_person or (low in {"it", "its"} and subj.tag_ in {"NNS", "NNPS"}):
            return []
        return [replace(actor, text=head.text, start=head.idx, end=head.idx + len(head),
                        how="coref:reporter")]

    def _group_reference(self, head: Token, ctx: DocContext) -> list[Actor]:
        """'the two leaders', 'both sides': the last two distinct actors of the document."""
        if head.lemma_.lower() not in _GROUP_NOUNS or head.tag_ not in {"NNS", "NNPS"}:
            return []
        counted = any(c.lower_ in {"two", "both", "their"} for c in head.children)
        if not counted:
            return []
        if ctx.groups:
            members = ctx.groups[-1]
        else:
            distinct: list[Actor] = []
            for a in reversed(ctx.persons or ctx.actors):
                if all(a.key != b.key for b in distinct):
                    distinct.append(a)
                if len(distinct) == 2:
                    break
            members = tuple(reversed(distinct))
        if len(members) < 2:
            return []
        text = _phrase_text(head)
        start = min(t.idx for t in _left_tokens(head))
        return [replace(a, text=text, start=start, end=head.idx + len(head), how="coref:group")
                for a in members]

    def _resolve_phrase(self, head: Token, ctx: DocContext, day: dt.date | None) -> Actor | None:
        toks = _left_tokens(head)
        words = [t.lower_ for t in toks]
        lemmas = [t.lemma_.lower() for t in toks]
        start, end = toks[0].idx, head.idx + len(head)
        text = head.doc[toks[0].i:head.i + 1].text
        # drop a leading determiner from the text shown
        if toks[0].dep_ == "det" and len(toks) > 1:
            text = head.doc[toks[1].i:head.i + 1].text
            start = toks[1].idx

        hits = _drop_name_parts(self.kb.find_aliases(words, texts=[t.text for t in toks]), toks)
        person_hit = next((h for h in hits if h[2].kind == "person"), None)
        role_hit = self.kb.find_role(words, lemmas)
        # words inside a name ("African Union", "World Bank") are neither roles nor modifiers
        inside = frozenset(k for a, b, al in hits if al.kind != "person" for k in range(a, b))
        in_names = inside | frozenset(k for a, b, al in hits if al.kind == "person" for k in range(a, b))
        if role_hit and all(k in inside for k in range(role_hit[0], role_hit[1])):
            role_hit = None
        base = role_hit[2].sector if role_hit else None
        moved = self.kb.apply_modifiers(words, role_hit[0] if role_hit else len(words), base, in_names)
        modifier = moved if moved != base else None
        # names: the proper-noun run ending at the head
        name = _name_run(head)
        # extra evidence from "of X" and appositions ("the president of Russia", "X, a U.S. citizen")
        extra = _of_and_appos(head)
        extra_hits = []
        of_sector: str | None = None
        for t in extra:
            sub = _left_tokens(t)
            sw = [x.lower_ for x in sub]
            extra_hits += _drop_name_parts(
                self.kb.find_aliases(sw, kinds=("country", "adjective", "metonym", "body", "igo", "demonym", "place"),
                                     texts=[x.text for x in sub]), sub)
            if role_hit is None:
                role_hit = self.kb.find_role(sw, [x.lemma_.lower() for x in sub])
            elif of_sector is None and t.dep_ == "pobj" and t.head.lower_ in {"of", "from"}:
                # "a group of Moroccan diplomats", "a member of the parliament": a noun that
                # says nothing of its own sector takes the one of what it belongs to
                sub_role = self.kb.find_role(sw, [x.lemma_.lower() for x in sub])
                if sub_role is not None and sub_role[1] == len(sw):
                    of_sector = sub_role[2].sector
            if modifier is None:
                sub_role = self.kb.find_role(sw, [x.lemma_.lower() for x in sub])
                sub_base = sub_role[2].sector if sub_role else None
                sub_moved = self.kb.apply_modifiers(sw, sub_role[0] if sub_role else len(sw), sub_base)
                modifier = sub_moved if sub_moved != sub_base else None

        if person_hit is None and role_hit is not None and role_hit[1] == len(words) and not hits:
            # "fighters of al-Shabaab", "members from Hamas": a role noun of a known group is the group
            for t in extra:
                if t.dep_ == "pobj" and t.head.lower_ in {"of", "from"} and t.pos_ == "PROPN":
                    member = self._resolve_phrase(t, ctx, day)
                    if member is not None and member.how == "group:kb":
                        return replace(member, text=text, start=start, end=end, how="group:kb+member")
        place_hits = [h for h in hits if h[2].kind != "person"] + extra_hits
        place = _pick_place(place_hits)
        if place is None and role_hit is not None and person_hit is None:
            # "marchers in Lima": a group placed in a country belongs to it
            located = self._located_in(head)
            if located is not None:
                place = replace(located, sector=None)
        elif place is not None and place.kind in {"adjective", "demonym"} and "ethnic" in words:
            # "ethnic Uzbeks in southern Kyrgyzstan": an ethnic group is coded where it lives
            located = self._located_in(head)
            if located is not None and located.code != place.code:
                place = replace(located, kind="adjective", sector=None)

        how = ""
        kb_id = None
        country = place.code if place else None
        sector = place.sector if place else None
        if place is not None and place.kind in {"body", "metonym"}:
            # "Brazil's Supreme Court": the country named in the mention wins, the body
            # keeps its sector
            named = next((a for _, _, a in place_hits if a.kind in {"country", "adjective"}), None)
            if named is not None:
                country = named.code
        role = None
        canonical = self.kb.country_name(country) or text

        if role_hit:
            rn = role_hit[2]
            if rn.sector:
                sector = rn.sector
            role = rn.role or rn.term.title()
        if person_hit and (name is None or person_hit[0] >= len(words) - len(_name_tokens(head)) - 1):
            pa = person_hit[2]
            person = self.kb.people.get(pa.kb_id or "")
            if person:
                p_sector, p_role, country = person.at_full(day)
                kb_id, canonical = person.id, person.name
                how = "person:kb" if person.kind == "person" else "group:kb"
                titled = (person.kind == "person" and role_hit is not None and role_hit[1] <= len(words)
                          and role_hit[2].sector)
                if titled and modifier != "ELI":
                    # "Serbian President Kostunica": the title the text gives wins over the
                    # dated record (undated text, or a record that lags events)
                    pass
                else:
                    sector = p_sector or sector
                    role = p_role or role
                if person.kind == "person" and (modifier == "ELI" or (role_hit and role_hit[2].sector == "ELI")):
                    sector = "ELI"
        elif name and name.lower() in ctx.learned:
            a = ctx.learned[name.lower()]
            return replace(a, text=text, start=start, end=end, how="learned:" + a.how.split(":")[-1])
        elif (name and (place or role_hit) and head.pos_ == "PROPN" and not _head_in_hit(hits, len(words))
              and not any(a.kind == "igo" for _, _, a in extra_hits)  # "the World Food Programme (WFP)" is the WFP
              and not (role_hit is not None and role_hit[1] == len(words))):  # "defence ministry" is no name
            # a person introduced by title or apposition: remember them for this document
            how = "learned:title" if not extra_hits else "learned:apposition"
            canonical = name
            if sector is None and country:
                sector = "CVL"
        elif place:
            how = "kb:" + place.kind
            if place.kind == "igo":
                kb_id = place.kb_id
            elif (role_hit is not None and role_hit[2].rank in {"head_of_state", "head_of_government"}
                  and role and country and modifier != "ELI"):
                # "the Armenian prime minister" on 2019-05-01: the one person in that office
                holder = self.kb.office_holder(country, role, day)
                if holder is not None:
                    kb_id, canonical, how = holder.id, holder.name, how + "+office"
        elif role_hit and role_hit[2].alone and not extra_hits:
            # "the Security Council voted": with no country named, the UN organ
            org = self.kb.find_aliases([role_hit[2].alone.lower()], kinds=("igo",))
            if org:
                al = org[0][2]
                country, sector, kb_id, canonical, how = al.code, al.sector, al.kb_id, al.name, "kb:igo"
            else:
                how = "role"
        elif role_hit:
            how = "role"
            # "the defense secretary" after "U.S. Defense Secretary Pete Hegseth": the person
            # this document gave that title
            same = [a for a in ctx.persons if a.role and role and a.role.lower() == role.lower()
                    and a.start < start]
            if same and head.lower_ not in {"officials", "ministers"} and head.tag_ != "NNS":
                a = same[-1]
                return replace(a, text=text, start=start, end=end, how="coref:title")
        else:
            return None

        if modifier and modifier != sector and how not in {"person:kb", "group:kb"}:
            sector = modifier
        if sector is None and of_sector and role_hit is not None and role_hit[2].sector is None:
            sector = of_sector
        if (role_hit is not None and role_hit[2].of_country and country and place is not None
                and (sector is None and place.kind in {"country", "adjective", "metonym", "demonym"}
                     or sector == "IGO" and place.kind == "igo" and not modifier)):
            # "Palestinian leaders", "Russian negotiators", "the Arab League secretary
            # general": a state or organisation is all that qualifies them; they act for it
            sector = role_hit[2].of_country
        if how in {"person:kb", "group:kb"} and person_hit is not None:
            evidence: str | None = person_hit[2].source
        elif place is not None and how.startswith(("kb:", "learned")):
            evidence = place.source
        else:
            evidence = None
        actor = Actor(text=text, name=canonical, country=country, sector=sector, role=role,
                      kb_id=kb_id, start=start, end=end, how=how, evidence=evidence)
        if how.startswith("learned") and name:
            parts = name.split()
            if name.lower() not in ctx.learned:
                ctx.introduced.append((actor, ctx.sentence_index))
            for key in {name.lower(), parts[-1].lower()}:
                ctx.learned[key] = actor
        if how == "person:kb" and name:
            ctx.learned.setdefault(name.split()[-1].lower(), actor)
        return actor


_LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "along",
                   "within", "through"}
_PLACE_NOUNS = {"street", "outskirts", "capital", "city", "town", "centre", "center", "province", "region",
                "suburb", "part", "north", "south", "east", "west"}


def _placing(t: Token) -> int:
    """How well a name says where something happens: 2 for a place of action ('in Dhaka',
    'the streets of Lima'), 0 for what is acted on or towards ('sanctions against North
    Korea', 'protest outside the embassy of Israel' stays 2, 'talks with Peru' 0), 1 for
    anything else (a subject or possessor), used only when no place of action is named."""
    for _ in range(4):
        if t.dep_ in {"appos", "conj", "flat", "poss", "compound"} and t.head is not t:
            t = t.head
        else:
            break
    if t.dep_ in {"dobj", "dative"}:
        return 0
    if t.dep_ != "pobj":
        return 1
    prep = t.head.lower_
    if prep == "of":  # "the streets of Dhaka", "outskirts of Kabul"
        return 2 if t.head.head.lemma_.lower() in _PLACE_NOUNS else 1
    if prep == "on":  # "on Lesbos" is rare; "sanctions on Iran" is common
        return 0
    return 2 if prep in _LOCATIVE_PREPS else 0


def _left_tokens(head: Token) -> list[Token]:
    """The head and the modifiers to its left that form the mention ('U.S. Defense Secretary Pete Hegseth')."""
    keep = [head]
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.i < head.i and c.dep_ in _MENTION_DEPS and (c.dep_ not in {"cc", "conj"} or t is not head):
                keep.append(c)
                stack.append(c)
            elif c.i < head.i and c.dep_ == "appos" and _in_brackets(c):
                # "the Southern African Development Community (SADC) summit", "the
                # Movement (the Movement for Change) party": a bracketed gloss stays inside the mention
                keep.extend(c.subtree)
    keep.sort(key=lambda t: t.i)
    # keep a contiguous run ending at the head
    run = [head]
    for t in reversed(keep[:-1]):
        if t.i == run[0].i - 1:
            run.insert(0, t)
        else:
            break
    while run and run[0].is_punct:
        run.pop(0)
    return run or [head]


def _in_brackets(t: Token) -> bool:
    doc, a, b = t.doc, t.left_edge.i, t.right_edge.i
    return 0 < a and b < len(doc) - 1 and doc[a - 1].text == "(" and doc[b + 1].text == ")"


def _phrase_text(head: Token) -> str:
    toks = _left_tokens(head)
    return head.doc[toks[0].i:head.i + 1].text


def _name_tokens(head: Token) -> list[Token]:
    """The proper-noun run ending at the head, hyphenated names whole ("Al-Shabaab")."""
    if head.pos_ != "PROPN":
        return []
    run = [head]
    t = head
    while t.i > 0:
        prev = t.doc[t.i - 1]
        if prev.pos_ == "PROPN" and prev.dep_ in {"compound", "flat"}:
            t = prev
        elif (prev.tag_ == "HYPH" and not prev.whitespace_ and t.i > 1 and t.doc[t.i - 2].pos_ == "PROPN"
              and not t.doc[t.i - 2].whitespace_):
            t = t.doc[t.i - 2]
            run.insert(0, prev)
        else:
            break
        run.insert(0, t)
    return run


def _name_run(head: Token) -> str | None:
    run = _name_tokens(head)
    return head.doc[run[0].i:head.i + 1].text if run else None


_BELONGING = {"affiliate", "affiliated", "link", "linked", "loyal", "belong", "attach", "attached", "allied"}


def _of_and_appos(head: Token) -> list[Token]:
    out = []
    for c in head.children:
        if c.dep_ == "appos":
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in {"of", "for", "from"}:
            out.extend(x for x in c.children if x.dep_ == "pobj")
        elif c.dep_ in {"acl", "amod"} and c.i > head.i and c.lemma_.lower() in _BELONGING:
            # "workers affiliated with the Serbian union", "forces loyal to the general"
            out.extend(x for p in c.children if p.dep_ == "prep" and p.lower_ in {"with", "to"}
                       for x in p.children if x.dep_ == "pobj")
    return out


def _pick_place(hits: list[tuple[int, int, Alias]]) -> Alias | None:
    if not hits:
        return None
    order = {"body": 0, "metonym": 1, "igo": 2, "country": 3, "adjective": 4, "demonym": 5, "place": 6}
    return min((h[2] for h in hits if h[2].kind in order), key=lambda a: order[a.kind], default=None)


def _drop_name_parts(hits: list[tuple[int, int, Alias]], toks: list[Token]) -> list[tuple[int, int, Alias]]:
    """A gazetteer city inside a longer proper name is part of that name ('Florence Nightingale',
    'Judge Lima Santos'), and a word the parser reads as a person is not a place."""
    covered = {k for i, e, a in hits if a.kind != "place" for k in range(i, e)}
    out = []
    for i, e, a in hits:
        if a.kind == "place":
            if any(t.ent_type_ == "PERSON" for t in toks[i:e]):
                continue
            before = i > 0 and toks[i - 1].pos_ == "PROPN" and (i - 1) not in covered
            after = e < len(toks) and toks[e].pos_ == "PROPN" and e not in covered
            if before or after:
                continue
        out.append((i, e, a))
    return out


def _head_in_hit(hits: list[tuple[int, int, Alias]], n_words: int) -> bool:
    """The mention's head word is itself part of a country, capital or organisation name."""
    kinds = {"country", "metonym", "body", "igo", "demonym", "adjective", "place"}
    return any(e == n_words for _, e, a in hits if a.kind in kinds)
