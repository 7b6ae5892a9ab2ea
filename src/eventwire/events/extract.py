"""From a parsed sentence to events: triggers, their arguments, modality and dates.

For each token that heads a lexicon entry, the best-fitting entry is chosen, its source
and target are read off the dependency parse (voice, control, coordination and relative
clauses included), negated acts are dropped, planned acts become intentions, and each
argument is resolved to actors. The rule of every event is the lexicon entry's file:line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from eventwire.actors.resolve import DocContext, Resolver
from eventwire.events.lexicon import Lexicon, Trigger
from eventwire.places.gazetteer import gazetteer
from eventwire.places.locate import locate
from eventwire.time import dates
from eventwire.time.dates import DateMention
from eventwire.types import Actor, EventDate, Location, TextSpan

_NEIGHBOUR_DEPS = {"dobj", "prep", "prt", "attr", "acomp", "xcomp", "npadvmod", "advmod", "dative",
                   "oprd", "compound", "amod", "nsubjpass", "pobj"}
_RECIPROCAL = {("each", "other"), ("one", "another")}
_SYMMETRIC_ROOTS = {"03", "04", "05", "06", "19"}
# Violence is coded even when the text names no perpetrator ("three civilians were killed
# in a bombing"): the victims and the act are news; other events need a source.
_UNATTRIBUTED_ROOTS = {"18", "19", "20"}
# Intent governors that also report: "announced that it had ended the boycott" is
# past, so their that-clause is an intent only when it says so itself ("will", "would").
_REPORTING_GOVERNORS = {"be", "announce", "warn", "set", "schedule", "invite", "expect"}
# Roots whose verbs are coded even without an object ("troops attacked", "police cracked
# down"); elsewhere a verb whose frame is "X did it to Y" needs its Y.
_INTRANSITIVE_OK = {"14", "15", "17", "18", "19", "20"}
# Force postures with no named target are aimed at the place where they stand.
_LOCATED_TARGET = {"15"}
# Events whose target, when the text names none, is implied by the source's country.
_IMPLIED_TARGET: dict[str, str | None] = {"14": "GOV", "17": None}
# Roots whose complement clause is what was asked, rejected or criticised, not an act.
_ASKING_ROOTS = {"02", "10", "11", "12"}
# acts whose passive subject is the actor itself: "troops were put on alert", "the
# guerrillas have been demobilised", "troops were withdrawn from the town"
_SELF_POSTURE_CODES = ("15", "0873", "0874")
_VENUE_ROOTS = {"03", "04", "05"}
# intent governors that make a plan of a clause ("announced it will withdraw") but not
# of an act noun ("announced a suspension of flights")
_CLAUSE_GOVERNORS = {"announce"}
_ASKING_NOUNS = {"demand", "call", "appeal", "request", "insistence", "plea", "ultimatum", "proposal"}
_MESSAGE_NOUNS = {"reminder", "message", "statement", "letter", "note", "warning", "insistence",
                  "reminders", "position", "view"}
_COMMUNICATION = {"say", "tell", "state", "announce", "claim", "add", "report", "write", "insist",
                  "stress", "note", "declare", "explain", "confirm"}


@dataclass
class Found:
    """An event found in one sentence, before document-level merging."""

    token: Token
    trigger: Trigger
    code: str
    modality: str
    source: list[Actor]
    target: list[Actor]
    confidence: float
    date: EventDate | None
    attributes: dict[str, str] = field(default_factory=dict)
    reciprocal: bool = False
    refers_back: bool = False  # "during the call": another mention of an event told before
    location: Location | None = None
    flags: set[str] = field(default_factory=set)  # what the rules were unsure of (confidence.py)

    @property
    def trigger_span(self) -> TextSpan:
        return TextSpan(self.token.idx, self.token.idx + len(self.token), self.token.text)


class Extractor:
    """Applies the lexicon to parsed sentences."""

    def __init__(self, lexicon: Lexicon, resolver: Resolver, media: frozenset[str]) -> None:
        self.lex = lexicon
        self.resolver = resolver
        self.gazetteer = gazetteer()
        self.media = media

    # -- triggers -------------------------------------------------------------------

    def match(self, sent: Span) -> list[tuple[Token, Trigger, set[int]]]:
        """Each trigger token with its best lexicon entry and the tokens its fixed words used."""
        out: list[tuple[Token, Trigger, set[int]]] = []
        consumed: set[int] = set()
        for tok in sent:
            pos = _trigger_pos(tok)
            if pos is None:
                continue
            if pos == "NOUN" and tok.dep_ in {"compound", "amod"} and self._names_people(tok.head):
                continue  # "aid worker", "relief agency", "protest leader": a kind of actor, no event
            lemma = tok.lemma_.lower()
            lemma = self.lex.lemma_fixes.get(lemma, self.lex.lemma_fixes.get(tok.lower_, lemma))
            cands = self.lex.candidates(lemma, pos)
            if not cands and pos == "NOUN":
                cands = self.lex.candidates(tok.lower_, pos)
            if not cands and tok.pos_ in {"ADJ", "NOUN"} and tok.tag_ in {"VBN", "VBG", "JJ"}:
                cands = self.lex.candidates(lemma, "VERB")
            best: tuple[float, Trigger, set[int]] | None = None
            for trig in cands:
                used = _match_words(tok, trig.words, self.lex.classes)
                if used is None:
                    continue
                score = 2.0 * len(trig.words)
                preps = [s for s in trig.targets if s not in {"obj", "none"}]
                if any(_slot_present(tok, s, used) for s in preps):
                    score += 1.5
                elif preps and len(preps) == len(trig.targets):
                    score -= 1.0  # its target preposition is missing: a reading for another sentence
                if "obj" in trig.targets and _direct_object(tok) is not None:
                    score += 1.0
                elif (trig.targets == ("obj",) and pos == "VERB" and trig.code[:2] not in _INTRANSITIVE_OK
                      and not _has_object_or_patient(tok)):
                    continue  # "returned to Washington" is no release: the frame needs its object
                if trig.targets == ("none",):
                    score += 0.1
                if best is None or score > best[0]:
                    best = (score, trig, used)
            if best:
                out.append((tok, best[1], best[2]))
                consumed |= best[2]
        return [m for m in out if m[0].i not in consumed or m[1].pos == "VERB"]

    # -- events -----------------------------------------------------------------------

    def extract(self, sent: Span, ctx: DocContext,
                sentence_dates: list[DateMention] | Callable[[], list[DateMention]]) -> list[Found]:
        """Events of one sentence; ``sentence_dates`` (or a function giving them, called only
        when the sentence holds a trigger) are its resolved DATE expressions."""
        matches = self.match(sent)
        if not matches:
            return []
        sent_dates = sentence_dates() if callable(sentence_dates) else sentence_dates
        trigger_tokens = {m[0].i for m in matches}
        codes = {m[0].i: m[1].code for m in matches}
        found: list[Found] = []
        suppressed_governors: set[int] = set()
        for tok, trig, used in matches:
            if trig.pos == "NOUN" and _back_reference(tok, trig):
                # "during the call", "details of the conversation": an event told before
                found.append(Found(tok, trig, trig.code, "asserted", [], [], 0.0, None, refers_back=True))
                continue
            if (lemma_of(tok) in self.lex.modality.executives
                    and any(c.dep_ == "dobj" and (c.i in trigger_tokens or any(
                        g.dep_ == "compound" and g.i in trigger_tokens for g in c.children))
                        for c in tok.children)):
                continue  # "ordered the arrest of X": the arrest is the event, done by the orderer
            stopped, stopper = self._stopped(tok, trig.code)
            negated = stopped is None and self._negated(tok)
            gov = _governor(tok)
            if negated:
                # a refused cooperative act is a rejection, unless a trigger ("refused",
                # "rejected") already codes the refusal itself
                refusal = self.lex.modality.refusal_code(trig.code)
                governed = any(codes.get(t.i, "").startswith("12") for t in _chain(tok)[1:])
                if refusal is None or governed:
                    continue
            if gov is not None and codes.get(gov.i, "")[:2] in _ASKING_ROOTS:
                continue  # "urged X to withdraw": the withdrawal is asked for, not done
            if tok.dep_ in {"acl", "ccomp"} and tok.head.lemma_.lower() in _ASKING_NOUNS:
                continue  # "its demand that Israel ease the restrictions": asked for, not done
            intent = self._intent(tok) or (stopper is not None and self._intent(stopper))
            for gov in _chain(tok)[1:]:
                # "agreed to provide aid": the aid (an intention) is the event, not the agreeing
                if gov.i in trigger_tokens and gov.lemma_.lower() in self.lex.modality.intent_governors:
                    suppressed_governors.add(gov.i)
            code, modality = trig.code, "asserted"
            obliged = _obliged_subject(tok) if trig.code.startswith("01") and lemma_of(tok) in _COMMUNICATION else None
            if obliged is not None:
                # "said that Ankara must free the reporters": a demand made of Ankara
                code = "100"
            speaker = None if negated else self._obligation_speaker(tok)
            if stopped is not None and intent:  # "threatened to halt the talks"
                code, modality = self.lex.modality.intent_code(stopped) or stopped, "intent"
            elif stopped is not None:
                code, modality = stopped, "asserted"
            elif negated:
                code, modality = refusal, "refused"  # type: ignore[assignment]
            elif speaker is not None:
                code = self.lex.modality.demand_code(trig.code)
                modality = "demanded"
            elif intent and not negated:
                code = self.lex.modality.intent_code(trig.code) or trig.code
                modality = "intent"
            day = self._date_for(tok, sent, sent_dates, trigger_tokens, found, ctx.date)
            when = dt.date.fromisoformat(day.date) if day else ctx.date
            src_options, tgt_heads = self._arguments(tok, trig, used, trigger_tokens)
            if obliged is not None:
                tgt_heads = [_expand([obliged])] + tgt_heads
            refuser = _refuser(tok, self.lex.modality.negators) if negated and trig.pos == "NOUN" else None
            if refuser is not None:
                # "Chile is opposed to Peruvian mediation": Chile refuses; the Peruvians are
                # the ones refused
                tgt_heads = [heads for heads, _ in src_options] + tgt_heads
                src_options = [([refuser], False)]
            elif speaker is not None:  # the speaker demands the act of its would-be doer
                doer = src_options[0][0] if src_options else []
                src_options, tgt_heads = [([speaker], False)], [doer]
            source, src_heads, inherited = [], [], False
            for heads, inh in src_options:
                source = self._actors(heads, ctx, when, tok)
                if trig.pos == "NOUN" and heads and heads[0].head.i == tok.i and heads[0].dep_ != "poss":
                    # a modifier of an event noun is its source only if it names who
                    # ("Russian strikes"), not what kind ("official call")
                    source = [a for a in source if a.country]
                if source:
                    src_heads, inherited = heads, inh
                    break
            if not source and trig.code[:2] in _SYMMETRIC_ROOTS:
                # "talks between Moldova and the separatists resumed": the sides are the
                # actors, the first named as source
                sides = next((a for a in (self._actors(h, ctx, when, tok) for h in _between_options(tok))
                              if len(a) >= 2), [])
                if sides:
                    source = sides[:1]
                    between_target = sides[1:]
                else:
                    between_target = []
            else:
                between_target = []
            if any(a.country is None for a in source):
                # "protesters blocked roads in Dhaka": a group with no country of its
                # own acts where the clause places it
                skip = {t.i for h in src_heads for t in h.subtree}
                where = self.resolver.place_in([t for t in tok.subtree if t.i not in skip])
                if where is not None:
                    source = [a if a.country else self._placed(a, where.code) for a in source]
            unattributed = not source
            if unattributed and (trig.code[:2] not in _UNATTRIBUTED_ROOTS or modality != "asserted"
                                 or not _no_perpetrator(tok, codes)):
                continue
            target: list[Actor] = list(between_target)
            loose = False
            for option in ([] if target else tgt_heads):
                target = [a for a in self._actors(option, ctx, when, tok) if not _same(a, source)]
                if target:
                    break
            if code[:2] == "13" and not target:
                # "threatened to strike unless Israel rescinded the annexation": a threat is
                # aimed at whoever must meet its condition
                cond = _condition_subject(tok)
                if cond is not None:
                    target = [a for a in self._actors(_expand([cond]), ctx, when, tok) if not _same(a, source)]
            if target and any(a.country is None for a in target) and source and source[0].country:
                # "said that police would disperse the march": a group with no country of
                # its own is placed by the clause, else taken to be of the source's country
                skip = {t.i for h in src_heads for t in h.subtree}
                where = self.resolver.place_in([t for t in tok.subtree if t.i not in skip])
                home: str | None = where.code if where is not None else source[0].country
                if code[:2] in _VENUE_ROOTS:
                    # "talks with the separatists in Vienna": a meeting's place is a venue,
                    # not the other side's home
                    home = source[0].country
                if where is None and code[:2] in _VIOLENT_ROOTS:
                    # "Russian shelling killed three civilians": victims of an attack are not the
                    # attacker's own people by default; the place of the attack says whose they are
                    spots = (locate(h, code[:2], self.gazetteer, self.resolver.kb, []) for h in (tok, *src_heads))
                    spot = next((x for x in spots if x is not None), None)
                    home = spot.country if spot is not None else None
                target = [a if a.country else self._placed(a, home) for a in target]
            if target and any("ethnic" in a.text.lower().split() for a in target):
                # "attacked ethnic Uzbeks in southern Kyrgyzstan": an ethnic group is coded
                # where it lives
                skip = {t.i for h in src_heads for t in h.subtree}
                where = self.resolver.place_in([t for t in tok.subtree if t.i not in skip])
                if where is not None:
                    target = [replace(a, country=where.code, how=a.how + "+placed")
                              if "ethnic" in a.text.lower().split() else a for a in target]
            if not target and trig.code[:2] in _LOCATED_TARGET and source:
                # a force posture is aimed at where it stands ("troops on high alert along the Kashmir border")
                skip = {t.i for h in src_heads for t in h.subtree}
                where = self.resolver.place_in([t for t in tok.subtree if t.i not in skip])
                if where is not None and where.code != source[0].country:
                    name = self.resolver.kb.country_name(where.code) or where.name
                    target = [Actor(text=where.name, name=name, country=where.code, sector=None, how="place")]
            compound = len({a.country for a in source}) > 1 and trig.code[:2] in _SYMMETRIC_ROOTS
            if (not target and trig.targets != ("none",) and speaker is None and not compound
                    and not trig.code.startswith("01")):
                # no target where the frame expects one: the first actor or place in the
                # clause ("declared an emergency in northern Mali"), at lower confidence
                target = self._loose_target(tok, src_heads, trigger_tokens, ctx, when, source)
                loose = bool(target)
            code = self._recode_by_target(code, source, target)
            reciprocal = _is_reciprocal(tok)
            if len(source) >= 2:
                ctx.groups.append(tuple(source))
            conf = 0.85 if trig.pos == "VERB" else 0.65
            if inherited:
                conf -= 0.1
            if not target and "none" not in trig.targets:
                conf -= 0.1
            if loose:
                conf -= 0.15
            if unattributed:
                if not target:
                    continue
                conf -= 0.25  # violence with no named perpetrator: "killed in a bombing"
            if intent:
                conf -= 0.1
            if any(a.how.startswith("coref") for a in source + target):
                conf -= 0.1
            attrs = self._attributes(tok, used)
            story = [a.country for a in (*ctx.actors, *source, *target) if a.country]
            location = locate(tok, code[:2], self.gazetteer, self.resolver.kb, story)
            if location is not None and location.kind == "city":
                attrs["place"] = location.label  # the merge rule compares cities (store/dedup.py)
            flags = {name for name, on in (
                ("inherited", inherited), ("no_target", not target and "none" not in trig.targets),
                ("loose_target", loose), ("unattributed", unattributed), ("intent", intent),
                ("coref", any(a.how.startswith("coref") for a in source + target)),
                ("main_clause", _depth(tok) == 0), ("negated", negated),
                ("source_no_country", any(a.country is None for a in source)),
                ("source_no_sector", all(a.sector is None for a in source)),
                ("target_named", bool(target) and not loose)) if on}
            found.append(Found(tok, trig, code, modality, source, target, round(conf, 2), day, attrs,
                               reciprocal or (not target and len({a.country for a in source}) > 1
                                              and trig.code[:2] in _SYMMETRIC_ROOTS), location=location,
                               flags=flags))
        found = [f for f in found if f.token.i not in suppressed_governors]
        found = _help_purposes(found)
        for f in found:
            if not f.target and f.source:
                # "began a sit-down strike to protest against X": the purpose clause names the target
                for g in found:
                    if g is f or not g.target or not g.source:
                        continue
                    nested = _purpose_of(g.token, f.token) or (
                        f.token.is_ancestor(g.token) and not _coordinated_below(g.token, f.token))
                    if nested and _same(g.source[0], f.source):
                        f.target = list(g.target)
                        break
            if not f.target and f.source and f.trigger.code[:2] in _IMPLIED_TARGET and f.source[0].country:
                # a protest with no named target is directed at the protesters' own government;
                # coercion with none falls on people of the coercer's own country
                sector = _IMPLIED_TARGET[f.trigger.code[:2]]
                src = f.source[0]
                f.target = [Actor(text="", name=src.name if src.how.startswith("kb:") else src.country or "",
                                  country=src.country, sector=sector, how=f"implied:{sector or 'domestic'}")]
                f.confidence = round(f.confidence - 0.15, 2)
        # the main clause's event first: what the sentence is about, then what it mentions
        found.sort(key=lambda f: (_depth(f.token), f.token.i))
        return _drop_bare_statements(found)

    # -- argument structure ---------------------------------------------------------------

    def _arguments(self, tok: Token, trig: Trigger, used: set[int], triggers: frozenset[int] | set[int] = frozenset()
                   ) -> tuple[list[tuple[list[Token], bool]], list[list[Token]]]:
        """Source options (heads, inherited?) and target options, each tried in order until
        one resolves to actors."""
        if trig.pos == "NOUN":
            return self._noun_arguments(tok, trig, used, triggers)
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children)
        subj = next((c for c in tok.children if c.dep_ in {"nsubj", "csubj"}), None)
        agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        inherited = False
        if passive or tok.dep_ == "acl" and tok.tag_ == "VBN":
            source = agent
            obj = patient if patient is not None else (tok.head if tok.dep_ == "acl" else None)
            if source is None and patient is not None and trig.code.startswith(_SELF_POSTURE_CODES):
                # "Polish troops were deployed to the border": a force posture is the
                # posture of the forces named, whoever gave the order
                source, obj = patient, None
        else:
            source = subj
            obj = _direct_object(tok)
        if source is not None and source.dep_ in {"nsubj", "nsubjpass"} and source.lower_ in {"who", "that", "which"}:
            source = tok.head if tok.dep_ == "relcl" else None
        if source is None and not passive:
            source = _inherited_subject(tok)
            inherited = source is not None
        options: list[list[Token]] = []
        for slot in trig.targets:
            if slot == "none":
                break
            if slot == "obj":
                if obj is not None and obj.i not in used:
                    options.append(_expand([obj]))
                comp = _complement_subject(tok)
                if obj is not None and obj.i in used:
                    # "reiterated its demand that Israel ease the restrictions": the one
                    # who must act is in the demand's own clause (or the verb's, as parsed)
                    obj_comp = _complement_subject(obj) or comp
                    if obj_comp is not None:
                        options.append(_expand([obj_comp]))
                if obj is not None:  # "met the strikers' demands": the demanders are the target
                    options += _author_options(obj)
                if comp is not None:
                    options.append(_expand([comp]))
                continue
            options += [_expand([t]) for t in _prep_objects(tok, slot)]
        options = _with_authors(options)
        options += _between_options(tok)
        if trig.targets != ("none",):
            # "refused to receive the Dutch envoy": the complement's object is the target
            for c in tok.children:
                if c.dep_ == "xcomp":
                    comp_obj = _direct_object(c)
                    if comp_obj is not None:
                        options.append(_expand([comp_obj]))
                    options += [_expand([t]) for s_ in ("with", "to", "on", "against") for t in _prep_objects(c, s_)]
        return ([(_expand([source]), inherited)] if source is not None else []), options

    def _noun_arguments(self, tok: Token, trig: Trigger, used: set[int],
                        triggers: frozenset[int] | set[int] = frozenset()
                        ) -> tuple[list[tuple[list[Token], bool]], list[list[Token]]]:
        sources: list[tuple[Token, bool]] = []
        for c in tok.children:
            if c.dep_ == "poss":
                sources.append((c, False))
            elif c.dep_ == "prep" and c.lower_ == "by":
                sources += [(g, False) for g in c.children if g.dep_ == "pobj"]
        # "the Russian invasion", "U.S. sanctions": a nationality word before the noun
        sources += [(c, False) for c in tok.children
                    if c.dep_ in {"amod", "compound", "nmod"} and c.i < tok.i and c.i not in used]
        v = _governing_verb(tok)
        evaluated = tok.dep_ in {"dobj", "nsubjpass", "attr", "oprd"} and v is not None and v.i in triggers
        accepted = (v is not None and v.lemma_.lower() in {"agree", "accept", "consent"}
                    and any(c.dep_ == "nsubj" for c in v.children))
        if accepted and sources:
            # "Israel agreed to US mediation": Israel commits; the mediator is the other
            # party, not the one agreeing
            accepted_target = [h for h, _ in sources]
            sources = []
        else:
            accepted_target = []
        if v is not None and (not evaluated or v.lemma_.lower() in self.lex.modality.intent_governors
                              or v.lemma_.lower() in self.lex.modality.executives):
            # "launched an attack", "agreed to arbitration", "marched in defiance of":
            # the subject did it; "condemned the attack" says nothing of who attacked
            subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
            if subj is None:
                subj = next((g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
            if subj is None:
                subj = _inherited_subject(v)
            if subj is not None:
                sources.append((subj, True))
        options: list[list[Token]] = []
        for slot in trig.targets:
            if slot == "none":
                break
            found = _prep_objects(tok, slot)
            if not found and v is not None and slot != "obj":
                found = _prep_objects(v, slot)
            options += [_expand([t]) for t in found]
        options = [_expand([h]) for h in accepted_target] + _with_authors(options)
        options += _between_options(tok)  # "a mediation effort between X and Y": both sides
        if trig.targets != ("none",):
            comp = _complement_subject(tok) or (_complement_subject(v) if v is not None else None)
            if comp is not None:  # "its demand that Belgrade free the monitors"
                options.append(_expand([comp]))
        return [(_expand([t]), inh) for t, inh in sources], options

    def _placed(self, actor: Actor, country: str | None) -> Actor:
        """A group given the country the clause places it in ('police' -> Kenyan police)."""
        name = self.resolver.kb.country_name(country) or actor.name
        return replace(actor, country=country, name=name, how=actor.how + "+placed")

    def _loose_target(self, tok: Token, src_heads: list[Token], triggers: set[int], ctx: DocContext,
                      when: dt.date | None, source: list[Actor]) -> list[Actor]:
        skip = {t.i for h in src_heads for t in h.subtree} | _attribution(tok)
        inside = {x.i for x in tok.subtree}
        tried = 0
        for t in tok.subtree:
            if t.i in skip or t.i == tok.i or t.pos_ not in {"PROPN", "NOUN", "ADJ"}:
                continue
            if t.dep_ in {"compound", "amod"} and t.head.pos_ in {"NOUN", "PROPN"} and t.head.i not in skip:
                continue  # resolved with its head
            # stay inside this clause and its purpose clauses ("to protest against X"), not
            # inside another event's own clause
            if any(a.i in triggers and a.i != tok.i and a.pos_ in {"VERB", "AUX"} and not _purpose(a)
                   for a in t.ancestors if a.i in inside):
                continue
            tried += 1
            found = [a for a in self.resolver.resolve(t, ctx, when) if a.country and not _same(a, source)]
            if found:
                return found[:1]
            if tried >= 6:
                break
        # a coordinated clause that shares the subject, when the trigger's own preposition
        # dangles ("signed a pact with and sent an envoy to Hanoi")
        dangling = any(c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children)
                       for t in [tok, *[x for x in tok.children if x.dep_ == "dobj"]] for c in t.children)
        for c in (tok.children if dangling else []):
            if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and not any(g.dep_ == "nsubj" for g in c.children):
                for t in c.subtree:
                    if t.pos_ == "PROPN" and t.i not in skip:
                        found = [a for a in self.resolver.resolve(t, ctx, when) if a.country and not _same(a, source)]
                        if found:
                            return found[:1]
        return []

    def _actors(self, heads: list[Token], ctx: DocContext, when: dt.date | None, trigger: Token) -> list[Actor]:
        out: list[Actor] = []
        for h in heads:
            if h.pos_ == "PRON" and h.lower_ in {"he", "she", "it", "they", "we"}:
                speaker = _reporting_subject(trigger)
                if speaker is not None and speaker.i != h.i:
                    res = self.resolver.resolve(speaker, ctx, when)
                    out.extend(a.__class__(**{**a.__dict__, "text": h.text, "start": h.idx,
                                              "end": h.idx + len(h), "how": "coref:speaker"}) for a in res)
                    continue
            for a in self.resolver.resolve(h, ctx, when):
                if all(a.key != b.key or a.text != b.text for b in out):
                    out.append(a)
        return out

    # -- modality -------------------------------------------------------------------------

    def main_clause(self, sent: Span, ctx: DocContext) -> tuple[Token, list[Actor], list[Actor]] | None:
        """The main clause's verb, subject and object as actors, for an event whose type
        comes from the learned classifier: "Iranian hackers broke into Albanian
        computers, officials said" -> (broke, Iran, Albania). A reporting
        frame ("..., officials said") is looked through to the clause it reports."""
        root = sent.root
        comp = next((c for c in root.children if c.dep_ in {"ccomp", "parataxis"}), None)
        if lemma_of(root) in _COMMUNICATION | {"report", "say"} and comp is not None:
            root = comp
        if root.pos_ not in {"VERB", "AUX"}:
            return None
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None:
            subj = next((g for c in root.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
                        None)
        if subj is None:
            return None
        source = self._actors(_expand([subj]), ctx, ctx.date, root)
        if not source:
            if subj.pos_ not in {"NOUN", "PROPN"}:
                return None
            # a subject the knowledge base does not know ("the village council"): kept
            # as written, with no country, so the reader sees who the text says acted
            span = subj.doc[subj.left_edge.i:subj.i + 1]
            source = [Actor(text=span.text, name=span.text, country=None, sector=None,
                            start=span.start_char, end=span.end_char, how="text")]
        objects = [c for c in root.children if c.dep_ in {"dobj", "nsubjpass"}]
        for c in root.children:
            if c.dep_ == "xcomp":  # "tried to break into X"
                objects += [g for g in c.children if g.dep_ == "dobj"]
                objects += _prep_objects(c, "into") + _prep_objects(c, "against") + _prep_objects(c, "on")
        for slot in ("against", "on", "with", "to", "at", "into"):
            objects += _prep_objects(root, slot)
        target: list[Actor] = []
        for o in objects:
            target = [a for a in self._actors(_expand([o]), ctx, ctx.date, root) if not _same(a, source)]
            if target:
                break
        return root, source, target

    def _recode_by_target(self, code: str, source: list[Actor], target: list[Actor]) -> str:
        """'expelled the ambassador' is 161, not 174: the code by who is acted on."""
        kb = self.resolver.kb
        kinds: set[str] = set() if target else {"none"}
        if target and source and {a.country for a in target} <= {a.country for a in source}:
            kinds.add("own")
        for a in target:
            kinds |= {a.sector or "", kb.organisations.get(a.country or "") or ""}
            if a.role:
                words = a.role.lower().replace("-", " ").split()
                hit = kb.find_role(words, words)
                if hit is not None and hit[2].rank:
                    kinds.add(hit[2].rank)
        return self.lex.modality.target_code(code, kinds - {""}) or code

    def _stopped(self, tok: Token, code: str) -> tuple[str | None, Token | None]:
        """'halted economic assistance', 'suspended cooperation': the code of cutting an
        ongoing cooperative act (CAMEO 16) and the stopping verb; (None, None) when the
        act is not stopped so."""
        stop = self.lex.modality.stop_code(code)
        if stop is None:
            return None, None
        v = _governing_verb(tok) if tok.pos_ in {"NOUN", "PROPN"} else None
        if v is None and tok.dep_ == "xcomp":  # "stopped sending aid"
            v = tok.head
        if v is None or v.i == tok.i or any(c.dep_ == "neg" for c in v.children):
            return None, None
        return (stop, v) if v.lemma_.lower() in self.lex.modality.stoppers else (None, None)

    def _negated(self, tok: Token) -> bool:
        """'did not meet', 'refused to meet', 'blocked the march', 'no talks', 'without meeting'."""
        chain = _chain(tok)
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return True
        for k, t in enumerate(chain):
            if any(c.dep_ == "neg" for c in t.children):
                return True
            if k and t.lemma_.lower() in self.lex.modality.negators:
                return True
            if t.dep_ == "pcomp" and t.head.lower_ == "without":
                return True
        return False

    def _intent(self, tok: Token) -> bool:
        """'will visit', 'agreed to meet', 'agreed that they should cooperate', 'if attacked'."""
        aux = self.lex.modality.intent_auxiliaries
        governors = self.lex.modality.intent_governors
        chain = _chain(tok)
        for k, t in enumerate(chain):
            if any(c.dep_ == "aux" and (c.lower_ in aux or c.lower_ == "going" or c.lemma_.lower() in aux)
                   for c in t.children):
                return True
            if k and t.lemma_.lower() in governors:
                if t.lemma_.lower() in _CLAUSE_GOVERNORS and chain[k - 1].pos_ in {"NOUN", "PROPN"}:
                    continue  # "announced a suspension of flights": the act, announced as done
                return True
            if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in t.children):
                return True
            if t.dep_ == "ccomp" and t.head.lemma_.lower() in governors - _REPORTING_GOVERNORS:
                return True
        return False

    def _obligation_speaker(self, tok: Token) -> Token | None:
        """'Norway said Chile must extradite the suspect': Norway demands it of Chile."""
        for t in _chain(tok):
            if any(c.dep_ == "aux" and c.lower_ in {"must", "should", "ought"} for c in t.children):
                if t.dep_ == "ccomp" and t.head.lemma_.lower() in _COMMUNICATION:
                    return next((c for c in t.head.children if c.dep_ == "nsubj"), None)
                if t.dep_ in {"acl", "ccomp"} and t.head.lemma_.lower() in _MESSAGE_NOUNS:
                    # "issued a stern reminder to Iraq that it must cooperate"
                    v = _governing_verb(t.head)
                    if v is not None:
                        return next((c for c in v.children if c.dep_ == "nsubj"), None)
                return None
        return None

    # -- dates and attributes -------------------------------------------------------------------

    def _date_for(self, tok: Token, sent: Span, sent_dates: list[DateMention], triggers: set[int],
                  found: list[Found], published: dt.date | None) -> EventDate | None:
        """A date expression attached to this trigger, not to another trigger inside it."""
        rel = _clause_offset(tok)
        if rel is not None:
            n, unit, sign, main, words = rel
            ref = next((f.date for f in found if f.date and f.token.i == main.i), None)
            if ref is None:
                ref = next((r for d in sent_dates if _attached(main, d, triggers) and (r := d.resolved())), None)
            base = dt.date.fromisoformat(ref.date) if ref else published
            if base is not None:
                day = dates.shift(base, n, unit, sign)
                return EventDate(day.isoformat(), "day", words.text, words.start_char, words.end_char)
        own = [d for d in sent_dates if _attached(tok, d, triggers)]
        for d in own:
            off = dates.parse_offset(d.text or "")
            if off is not None:
                ref = found[-1].date if found and found[-1].date else None
                if ref is None:
                    continue
                day = dates.shift(dt.date.fromisoformat(ref.date), *off)
                return EventDate(day.isoformat(), "day", d.text, d.start, d.end)
            if d.resolved(_future(tok)):
                return d.resolved(_future(tok))
        if tok.pos_ in {"VERB", "AUX"} and tok.dep_ == "ROOT":
            # a date on the main clause that no event claims ("On Monday, officials said ..."),
            # not one inside a reported clause ("said Ukraine would send it next week")
            free = [d for d in sent_dates if not any(_attached_to_any(d, sent, triggers))
                    and _attached(tok, d, set()) and d.resolved()]
            if free:
                return free[0].resolved()
        if tok.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"} and tok.head.i not in triggers:
            # "sanctions followed Russia's invasion in February 2022": a date on a verb that
            # is no event belongs to the event nouns it governs
            near = [d for d in sent_dates if _attached(tok.head, d, triggers) and d.resolved()]
            if near:
                return near[0].resolved()
        # an undated clause shares the time of the sentence's earlier dated event
        same = [f.date for f in found if f.date is not None]  # found holds this sentence only
        return same[-1] if same else None

    def _names_people(self, head: Token) -> bool:
        """Whether a noun names people or a group by role ("worker", "agency", "leader")."""
        if head.pos_ not in {"NOUN", "PROPN"} or head.i == 0 and head.head is head:
            return False
        return self.resolver.kb.find_role([head.lower_], [head.lemma_.lower()]) is not None

    def _attributes(self, tok: Token, used: set[int]) -> dict[str, str]:
        attrs: dict[str, str] = {}
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in {"by", "via", "over", "on", "in", "during", "at"}:
                objs = [g for g in c.children if g.dep_ == "pobj"]
                for o in objs:
                    words = {o.lower_, o.lemma_.lower()}
                    words |= {x.lower_ for x in o.children if x.dep_ in {"compound", "amod"}}
                    if words & self.media and "medium" not in attrs:
                        attrs["medium"] = tok.doc[c.i:o.i + 1].text
            if c.dep_ == "prep" and c.lower_ == "for":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    span = tok.doc[pobj.left_edge.i:pobj.i + 1].text
                    if dates.is_duration(span):
                        attrs["duration"] = span
            if c.dep_ == "npadvmod" or c.dep_ == "dobj":
                span = tok.doc[c.left_edge.i:c.i + 1].text
                if dates.is_duration(span) and c.dep_ == "npadvmod":
                    attrs["duration"] = span
        return attrs


# -- parse helpers ---------------------------------------------------------------------------------

_VIOLENT_ROOTS = frozenset({"18", "19", "20"})

_FUTURE_GOVERNORS = frozenset({"plan", "expect", "schedule", "due", "set", "prepare", "intend", "agree", "hope",
                               "go", "promise", "vow", "pledge"})


def _future(tok: Token) -> bool:
    """Whether a clause speaks of what is to come: "will meet", "are due to meet",
    "agreed to meet", "is going to meet" (a bare weekday then looks forward)."""
    if any(c.dep_ == "aux" and c.lower_ in {"will", "'ll", "shall"} for c in tok.children):
        return True
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and tok.dep_ in {"xcomp", "acomp"}:
        return tok.head.lemma_.lower() in _FUTURE_GOVERNORS or _future(tok.head)
    return False




def _trigger_pos(tok: Token) -> str | None:
    if tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB"):
        return "VERB"
    if tok.pos_ in {"NOUN", "PROPN"}:
        return "NOUN"
    return None


def _neighbours(tok: Token) -> list[Token]:
    near = list(tok.children)
    for c in tok.children:
        if c.dep_ in _NEIGHBOUR_DEPS:
            near.extend(c.children)
        if c.dep_ == "dobj":
            near.extend(c.conjuncts)  # "launched artillery, mortar and rocket fire"
            # "delivered 2,000 tonnes of food", "approved $100 million in budget support":
            # the measured thing is what was given
            near.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ in {"of", "in"}
                        for g in p.children if g.dep_ == "pobj")
    if tok.dep_ == "compound":
        near.append(tok.head)
    return near


def _match_words(tok: Token, words: tuple[str, ...],
                 classes: dict[str, frozenset[str]] | None = None) -> set[int] | None:
    if not words:
        return set()
    near = _neighbours(tok)
    used: set[int] = set()
    for w in words:
        ok = (classes or {}).get(w[1:], frozenset()) if w.startswith("@") else frozenset((w,))
        hit = next((x for x in near if x.i not in used and (x.lemma_.lower() in ok or x.lower_ in ok)), None)
        if hit is None:
            return None
        used.add(hit.i)
    return used


def _depth(tok: Token) -> int:
    n = 0
    while tok.head is not tok and n < 50:
        tok = tok.head
        n += 1
    return n


def _chain(tok: Token) -> list[Token]:
    """The trigger and the words that govern whether it happened: the verb a noun trigger
    is the object of, and the verbs a complement hangs from ('refused to meet')."""
    out = [tok]
    t = tok
    for _ in range(6):
        if t.dep_ in {"xcomp", "acl", "pcomp"} and t.head is not t:
            t = t.head
        elif t.pos_ in {"NOUN", "PROPN"} and t.dep_ in {"dobj", "attr", "nsubjpass", "oprd"}:
            t = t.head
        elif t.pos_ in {"NOUN", "PROPN"} and t.dep_ == "pobj" and t.head.dep_ == "prep":
            t = t.head.head
        else:
            break
        out.append(t)
    return out


def _help_purposes(found: list[Found]) -> list[Found]:
    """'Ugandan troops arrived in Mogadishu to help the government', 'French troops deployed
    to help peacekeepers': an arrival or deployment whose stated purpose is to help is
    aid (troops sent to protect another side: CAMEO 074); the movement itself is dropped."""
    by_token = {f.token.i: f for f in found}
    drop: set[int] = set()
    for f in found:
        t = f.token
        if f.code[:2] != "07" or not _purpose(t):
            continue
        g = by_token.get(t.head.i)
        if g is None or g.code[:2] not in {"04", "15"} or not g.source or not f.source:
            continue
        if {a.country for a in g.source} != {a.country for a in f.source}:
            continue
        if g.code[:2] == "15" or any(a.sector == "MIL" for a in g.source):
            f.code = "074"
        if not f.target:
            f.target = list(g.target)
        f.confidence = max(f.confidence, g.confidence)
        drop.add(g.token.i)
    return [f for f in found if f.token.i not in drop]


def _governing_verb(tok: Token) -> Token | None:
    """The verb a noun trigger is the object of, through 'of' and 'in' phrases
    ('sent tonnes of aid', 'agreed to arbitration in the dispute')."""
    t = tok
    for _ in range(4):
        if t.dep_ in {"dobj", "attr", "nsubjpass", "oprd", "dative"} and t.head.pos_ in {"VERB", "AUX"}:
            return t.head
        if t.dep_ == "pobj" and t.head.dep_ in {"prep", "agent"}:
            h = t.head.head
            if h.pos_ in {"VERB", "AUX"}:
                return h
            t = h
            continue
        if t.dep_ in {"conj", "appos", "compound"} and t.head is not t:
            t = t.head
            continue
        return None
    return None


def _direct_object(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in {"dobj", "dative", "oprd"}:
            return c
    return None


def _no_perpetrator(tok: Token, codes: dict[int, str]) -> bool:
    """The text gives violence without a perpetrator: an agentless passive ("were killed in
    a bombing"), or a subject that is itself an act of violence ("a bombing killed")."""
    if any(c.dep_ == "nsubjpass" for c in tok.children):
        return not any(c.dep_ == "agent" for c in tok.children)
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subj is not None and codes.get(subj.i, "")[:2] in _UNATTRIBUTED_ROOTS


def _has_object_or_patient(tok: Token) -> bool:
    return any(c.dep_ in {"dobj", "dative", "oprd", "nsubjpass", "ccomp", "xcomp"} for c in tok.children) or (
        tok.dep_ in {"acl", "relcl"})


def lemma_of(tok: Token) -> str:
    return tok.lemma_.lower()


def _obliged_subject(tok: Token) -> Token | None:
    """The subject of a that-clause saying what someone must or should do."""
    for c in tok.children:
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in {"must", "should"} for a in c.children):
            return next((g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
    return None


def _attribution(tok: Token) -> set[int]:
    """Tokens of 'according to X' phrases: who reports an event is not its target."""
    out: set[int] = set()
    for t in tok.subtree:
        if t.lower_ == "according" and t.dep_ == "prep":
            out |= {x.i for x in t.subtree}
    return out


def _back_reference(tok: Token, trig: Trigger) -> bool:
    """A definite event noun with no participants of its own ("during the call", "details
    of the conversation") refers back to an event the text has told, not to a new one."""
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in tok.children):
        return False
    own = {"poss", "amod", "compound", "nmod"}
    if any(c.dep_ in own and c.pos_ in {"PROPN", "ADJ", "NOUN", "PRON"} and c.lower_ not in _GENERIC_MODS
           for c in tok.children):
        return False
    if any(c.dep_ in {"prep", "acl", "relcl"} for c in tok.children):
        return False  # "the withdrawal of troops from the border" says who and what
    return tok.dep_ in {"pobj", "nsubj", "nsubjpass", "dobj"}


_GENERIC_MODS = {"first", "last", "latest", "recent", "previous", "second", "same", "phone", "telephone",
                 "official", "landmark", "historic", "lengthy", "long", "brief", "new"}


def _refuser(tok: Token, negators: frozenset[str]) -> Token | None:
    """The subject of the verb (or adjective) that negates a noun trigger."""
    for t in _chain(tok)[1:]:
        if t.lemma_.lower() in negators or t.lower_ in negators:
            subj = next((c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is None and t.dep_ in {"acomp", "attr"}:
                subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            return subj
    return None


def _author_options(obj: Token) -> list[list[Token]]:
    """'rejected a Malian truce proposal', 'welcomed Lula's speech', 'accepted demands
    from the miners': when the object is a thing, its author is the target."""
    if obj.pos_ not in {"NOUN"}:
        return []
    out: list[list[Token]] = []
    for c in obj.children:
        if c.dep_ == "poss":
            out.append([c])
        elif c.dep_ == "prep" and c.lower_ in {"from", "by"}:
            out += [[g] for g in c.children if g.dep_ == "pobj"]
    out += [[c] for c in obj.children if c.dep_ in {"amod", "compound", "nmod"} and c.i < obj.i]
    # last, whom the thing concerns: "called for the dismissal of the minister"
    out += [[g] for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
            if g.dep_ == "pobj"]
    return out


def _with_authors(options: list[list[Token]]) -> list[list[Token]]:
    """Each target option followed by its author, for when the option is a thing, not an
    actor ("rallies against abuses by the police")."""
    out: list[list[Token]] = []
    for opt in options:
        out.append(opt)
        if len(opt) == 1 and opt[0].pos_ == "NOUN":
            out += _author_options(opt[0])
    return out


def _between_options(tok: Token) -> list[list[Token]]:
    """'talks between Chile and Bolivia', 'a mediation effort between Eritrea and
    Djibouti': both sides are targets."""
    heads = [tok] + [c for c in tok.children if c.dep_ in {"dobj", "attr", "pobj", "nsubj", "nsubjpass"}]
    if tok.dep_ == "compound":
        heads.append(tok.head)  # "a mediation effort between X and Y"
    gov = _governing_verb(tok.head if tok.dep_ == "compound" else tok)
    if gov is not None:
        heads.append(gov)  # "began a mediation effort on Friday between X and Y"
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return [_expand([pobj])]
    return []


def _coordinated_below(inner: Token, outer: Token) -> bool:
    """``inner`` hangs under ``outer`` through a coordination: a separate event, not a part."""
    t = inner
    while t.i != outer.i and t.head is not t:
        if t.dep_ == "conj":
            return True
        t = t.head
    return False


def _purpose_of(inner: Token, outer: Token) -> bool:
    """``inner`` heads a purpose clause of ``outer``'s clause ("began a sit-in to oppose")."""
    t = inner
    for _ in range(4):
        if _purpose(t) and (t.head.i == outer.i or outer.head.i == t.head.i
                            or outer.i in {x.i for x in t.head.children}):
            return True
        if t.head is t:
            return False
        t = t.head
    return False


def _purpose(tok: Token) -> bool:
    """An infinitive purpose or complement clause: 'began a sit-in to oppose X'."""
    return tok.dep_ in {"advcl", "xcomp"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _same(a: Actor, others: list[Actor]) -> bool:
    """The actor is one of the others (the source acting on itself is no target)."""
    return any((a.key == o.key and (a.kb_id or a.text == o.text or a.sector == o.sector))
               or (a.start >= 0 and a.start == o.start) for o in others)


def _prep_objects(tok: Token, slot: str, used: set[int] | frozenset[int] = frozenset()) -> list[Token]:
    """Every object of preposition ``slot`` under the trigger, its object or its fixed words
    (``used``); "sent Haiti food" counts the recipient for to/for."""
    out: list[Token] = []
    heads = [tok] + [c for c in tok.children if c.dep_ in {"dobj", "attr", "xcomp", "prt"} or c.i in used]
    for h in heads:
        for c in h.children:
            if c.dep_ in {"prep", "agent", "dative", "prt"} and c.lower_ == slot:
                out += [g for g in c.children if g.dep_ in {"pobj", "pcomp"}]
            elif slot in {"to", "for"} and c.dep_ == "dative" and c.pos_ in {"PROPN", "NOUN"}:
                out.append(c)
    return out


def _prep_object(tok: Token, slot: str, used: set[int] | frozenset[int] = frozenset()) -> Token | None:
    return next(iter(_prep_objects(tok, slot, used)), None)


def _slot_present(tok: Token, slot: str, used: set[int]) -> bool:
    return _prep_object(tok, slot, used) is not None


def _expand(heads: list[Token]) -> list[Token]:
    out: list[Token] = []
    for h in heads:
        for t in [h, *h.conjuncts]:
            if t not in out and (t is h or t.pos_ in {"PROPN", "NOUN", "PRON"}):
                out.append(t)
    return out


def _governor(tok: Token) -> Token | None:
    return tok.head if tok.dep_ in {"xcomp", "ccomp"} and tok.head is not tok else None


def _inherited_subject(tok: Token) -> Token | None:
    """Subject of a verb that has none of its own: control, coordination, purpose clauses."""
    t = tok
    for _ in range(4):
        if t.dep_ in {"xcomp", "advcl"}:
            g = t.head
            if t.dep_ == "xcomp":
                obj = _direct_object(g)
                if obj is not None and g.lemma_.lower() not in {"agree", "promise", "vow", "pledge"}:
                    return obj
                on = _prep_object(g, "on", set())
                if on is not None and g.lemma_.lower() in {"call", "urge", "press"}:
                    return on
            subj = next((c for c in g.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None:
                return subj
            t = g
        elif t.dep_ == "conj":
            g = t.head
            subj = next((c for c in g.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return subj
            t = g
        elif t.dep_ == "relcl":
            return t.head
        elif t.dep_ in {"acomp", "attr"} and t.head is not t:
            # "keen to mediate", "willing to talk": the subject of the copula
            t = t.head
            subj = next((c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None:
                return subj
        elif t.dep_ in {"pcomp", "pobj"} and t.head.dep_ == "prep":
            t = t.head.head
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return subj
        else:
            return None
    return None


def _condition_subject(tok: Token) -> Token | None:
    """The subject of an 'unless' or 'if' clause on the trigger or the verbs governing it."""
    for t in _chain(tok) + ([tok.head] if tok.dep_ in {"xcomp", "ccomp"} else []):
        for c in t.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"unless", "if"} for m in c.children):
                s = next((g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
                if s is not None and s.pos_ != "PRON":
                    return s
    return None


def _complement_subject(tok: Token) -> Token | None:
    """'demanded that Ukraine withdraw': the subject of the complement clause is the target."""
    for c in tok.children:
        if c.dep_ in {"ccomp", "acl"} and c.pos_ in {"VERB", "AUX"}:
            s = next((g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
            if s is not None:
                return s
    return None


def _reporting_subject(tok: Token) -> Token | None:
    """The speaker of the communication verb this trigger's clause is reported under."""
    t = tok
    for _ in range(4):
        if t.dep_ in {"ccomp", "xcomp", "conj"} and t.head is not t:
            t = t.head
            if t.lemma_.lower() in _COMMUNICATION:
                return next((c for c in t.children if c.dep_ == "nsubj"), None)
        else:
            return None
    return None


def _is_reciprocal(tok: Token) -> bool:
    words = [t.lower_ for t in tok.subtree]
    return any(pair == tuple(words[i:i + 2]) for i in range(len(words) - 1) for pair in _RECIPROCAL)


def _clause_offset(tok: Token) -> tuple[int, str, int, Token, Span] | None:
    """'X happened one day after Y did': Y's date is X's minus one day.

    Returns (n, unit, sign, main clause verb, offset words) for a trigger inside an
    after/before clause whose main verb carries the offset.
    """
    t = tok
    for _ in range(3):
        link = next((c for c in t.children if c.dep_ in {"mark", "prep"} and c.lower_ in {"after", "before"}), None)
        if link is not None and t.head is not t:
            main = t.head
            for c in main.children:
                if c.dep_ == "npadvmod":
                    words = c.doc[c.left_edge.i:c.i + 1]
                    off = dates.parse_offset(f"{words.text} {link.lower_}")
                    if off is not None:
                        n, unit, sign = off
                        return n, unit, -sign, main, words
            return None
        if t.head is t or t.dep_ not in {"conj", "xcomp", "ccomp"}:
            return None
        t = t.head
    return None


def _attached(tok: Token, d: DateMention, triggers: set[int]) -> bool:
    """The date's words hang under this trigger without another trigger in between."""
    doc = tok.doc
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    for _ in range(8):
        if t.i == tok.i:
            return True
        if t.i in triggers and t.i != span.root.i:
            return False
        if t.pos_ in {"VERB", "AUX"} and t.i != span.root.i and t.dep_ not in {"xcomp", "conj"}:
            return False  # "said Ukraine would send it next week": the date is the sending's
        if t.head is t:
            return False
        t = t.head
    return False


def _attached_to_any(d: DateMention, sent: Span, triggers: set[int]) -> list[bool]:
    return [_attached(sent.doc[i], d, triggers) for i in triggers]


def _drop_bare_statements(found: list[Found]) -> list[Found]:
    """A 'say' event is kept only when nothing else was coded inside what was said."""
    out = []
    for f in found:
        if f.code == "010" or f.token.lemma_.lower() in _COMMUNICATION:
            inner = {t.i for t in f.token.subtree}
            if any(g is not f and g.token.i in inner for g in found):
                continue
        out.append(f)
    return out
