"""Magnitudes the PLOVER spec records for violent and protest events, where the sentence
states them: people killed (``dead``), injured (``injured``) and a crowd's size
(``crowd_size``). Numbers are read from the parse, not from the nearest digit: "killing
three people", "at least 12 people were killed", "injuring 40", "the death toll rose to
30", "thousands of protesters", "a crowd of 5,000". Vague amounts keep their word
("thousands"), so nothing is made more precise than the text.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

KILL = frozenset({"kill", "die", "slay", "massacre", "execute", "behead", "dead", "death"})
INJURE = frozenset({"injure", "wound", "hurt", "injured", "wounded"})
PEOPLE = frozenset({"people", "person", "civilian", "soldier", "protester", "demonstrator", "student", "worker",
                    "child", "villager", "police", "officer", "fighter", "militant", "passenger", "resident",
                    "marcher", "supporter", "troops", "troop"})
CROWD = frozenset({"protester", "demonstrator", "marcher", "supporter", "people", "crowd", "rally", "march"})
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "hundred": 100, "dozen": 12}
VAGUE = frozenset({"dozens", "hundreds", "thousands", "tens", "scores", "millions"})
PROTEST_ROOT = "14"
VIOLENT_ROOTS = frozenset({"17", "18", "19", "20"})


def number(tok: Token) -> str | None:
    """The amount a token states: "12", "5,000" → "5000", "three" → "3", "thousands" kept."""
    low = tok.lower_.replace(",", "")
    if re.fullmatch(r"\d+", low):
        return low
    if low in WORDS:
        return str(WORDS[low])
    if low in VAGUE:
        return low
    return None


def _count_of(noun: Token) -> str | None:
    """The number modifying a noun ("12 people", "dozens of people")."""
    for c in noun.children:
        if c.dep_ in {"nummod", "quantmod"} and number(c):
            return number(c)
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and number(noun.head.head):
        return number(noun.head.head)  # "dozens of people"
    return number(noun)


def magnitudes(sent: Span) -> dict[str, str]:
    """dead, injured and crowd_size stated in a sentence (only those it states)."""
    out: dict[str, str] = {}
    for tok in sent:
        lemma = tok.lemma_.lower()
        kind = "dead" if lemma in KILL else "injured" if lemma in INJURE else None
        if kind and kind not in out:
            for c in tok.children:  # "killing three people", "12 people were killed", "killed 5"
                counted = any(g.dep_ in {"nummod", "quantmod"} for g in c.children)  # "injured 40 others"
                if c.dep_ in {"dobj", "nsubjpass", "nsubj"} and (c.lemma_.lower() in PEOPLE or number(c) or counted):
                    n = _count_of(c)
                    if n:
                        out[kind] = n
                        break
            if kind not in out and tok.dep_ == "amod" and tok.head.lemma_.lower() in PEOPLE:
                n = _count_of(tok.head)  # "three dead soldiers"
                if n:
                    out[kind] = n
        if lemma == "toll" and "dead" not in out:  # "the death toll rose to 30"
            for t in tok.head.subtree:
                if t.i > tok.i and number(t):
                    out["dead"] = number(t) or ""
                    break
        if lemma in CROWD and "crowd_size" not in out:
            n = _count_of(tok)
            if lemma in {"crowd", "rally", "march"}:
                of = next((g for c in tok.children if c.lower_ == "of" for g in c.children if number(g)), None)
                n = number(of) if of is not None else n
            if n and lemma != "people" or (n and lemma == "people" and tok.dep_ == "nsubj"):
                out["crowd_size"] = n
    return out


def for_event(root: str, sentence_magnitudes: dict[str, str]) -> dict[str, str]:
    """The magnitudes that belong to an event of this CAMEO root."""
    if root in VIOLENT_ROOTS:
        return {k: v for k, v in sentence_magnitudes.items() if k in {"dead", "injured"}}
    if root == PROTEST_ROOT:
        return dict(sentence_magnitudes)
    return {}
