"""Quotes and claims: who said what, to whom, where and when.

A reporting verb (data/speech.yaml) with a subject eventwire resolves to an actor gives a
quote. Its words are the quotation-marked text the verb introduces when there is one
("called the tariffs 'a serious mistake'"), otherwise the clause it reports ("told
Argentine diplomats that Brazil would not join the sanctions"): ``kind`` says which.
The addressee is the object of "told", "warned", "assured"; the medium comes from the
verb's own phrases ("on Truth Social", "at a press conference"), as for events; the date
from a date on the verb, else the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.tokens import Span, Token

from eventwire.actors.resolve import DocContext, Resolver
from eventwire.datafiles import as_list, load_yaml
from eventwire.time import dates
from eventwire.types import Quote

_QUOTED = re.compile(r"[\"“]([^\"“”]{3,}?)[\"”]|(?<![A-Za-z])[‘']([^‘’']{3,}?)[’'](?![A-Za-z])")


@dataclass(frozen=True)
class SpeechVerbs:
    verbs: frozenset[str]
    addressee: frozenset[str]


@lru_cache(maxsize=1)
def speech_verbs() -> SpeechVerbs:
    path = Path(str(resources.files("eventwire.context") / "data" / "speech.yaml"))
    entries = as_list((load_yaml(path) or {}).get("verbs"))
    return SpeechVerbs(frozenset(str(e["lemma"]) for e in entries),
                       frozenset(str(e["lemma"]) for e in entries if e.get("addressee")))


class Quoter:
    """Finds quotes in parsed sentences, resolving speakers with the document's context."""

    def __init__(self, resolver: Resolver, media: frozenset[str]) -> None:
        self.resolver = resolver
        self.media = media
        self.speech = speech_verbs()

    def quotes(self, sent: Span, ctx: DocContext, s_idx: int, published: dt.date | None) -> list[Quote]:
        verbs = [t for t in sent if t.pos_ in {"VERB", "AUX"} and t.lemma_ in self.speech.verbs]
        if not verbs:
            return []  # most sentences: nothing to attribute, and no need to look for quotation marks
        marked = [(m.start(1) if m.group(1) else m.start(2), m.end(1) if m.group(1) else m.end(2))
                  for m in _QUOTED.finditer(sent.text)]
        out: list[Quote] = []
        used: set[int] = set()
        for tok in verbs:
            subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is None:
                continue
            speakers = [a for a in self.resolver.resolve(subj, ctx, published) if a.country or a.kb_id]
            if not speakers:
                continue
            text, start, end, kind = self._content(tok, sent, marked, used)
            if not text:
                continue
            addressee = None
            if tok.lemma_.lower() in self.speech.addressee:
                obj = next((c for c in tok.children if c.dep_ in {"dobj", "dative"}), None)
                if obj is not None:
                    found = self.resolver.resolve(obj, ctx, published)
                    addressee = found[0] if found else None
            out.append(Quote(speaker=speakers[0], addressee=addressee, text=text, kind=kind, verb=tok.text,
                             start=start, end=end, sentence_index=s_idx, medium=self._medium(tok),
                             date=self._date(tok, sent, published)))
        return out

    def _content(self, verb: Token, sent: Span, marked: list[tuple[int, int]], used: set[int]
                 ) -> tuple[str, int, int, str]:
        base = sent.start_char
        # quotation marks: the nearest quoted span not yet given to another verb
        free = [(a, b) for a, b in marked if a not in used]
        if free:
            at = verb.idx - base
            a, b = min(free, key=lambda span: abs(span[0] - at))
            used.add(a)
            return sent.text[a:b].strip(), base + a, base + b, "direct"
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if clause is None:
            return "", -1, -1, ""
        toks = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i and t.lower_ == "that")]
        if not toks:
            return "", -1, -1, ""
        first, last = toks[0], toks[-1]
        base = sent.start_char  # sent.text, not doc.text: the doc's text is rebuilt on every access
        text = sent.text[first.idx - base:last.idx + len(last) - base]
        return text, first.idx, last.idx + len(last), "reported"

    def _medium(self, verb: Token) -> str | None:
        # the verb's own phrases, or those the parser hangs on its object ("called the tariffs
        # 'a mistake' at a press conference")
        heads = [verb, *(c for c in verb.children if c.dep_ in {"dobj", "oprd", "xcomp", "acomp"})]
        for c in (c for h in heads for c in h.children):
            if c.dep_ == "prep" and c.lower_ in {"on", "in", "at", "during", "via", "over", "by"}:
                for o in (g for g in c.children if g.dep_ == "pobj"):
                    words = {o.lower_, o.lemma_.lower()} | {x.lower_ for x in o.children
                                                            if x.dep_ in {"compound", "amod"}}
                    if words & self.media:
                        return verb.doc[c.i:o.i + 1].text
        return None

    def _date(self, verb: Token, sent: Span, published: dt.date | None) -> Any:
        reported = {t.i for c in verb.children if c.dep_ == "ccomp" for t in c.subtree}
        for ent in sent.ents:
            if ent.label_ == "DATE" and ent.root.i not in reported and ent.root.head.i in {verb.i} | {
                    c.i for c in verb.children if c.dep_ == "prep"}:
                found = dates.resolve(ent.text, published, ent.start_char, ent.end_char)
                if found is not None:
                    return found
        return dates.publication(published)
