"""The trigger lexicon and the modality tables, loaded and validated from data files.

See docs/lexicon.md for the format. Each trigger knows the file and line it came from, and
that location is the ``rule`` of every event it produces, so a reader can open the entry
that explains an event.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.datafiles import LINE, as_list, load_yaml, require
from eventwire.errors import DataFileError
from eventwire.ontology import ontology

TARGET_SLOTS = frozenset(
    "obj none with on to against of from for into at over toward towards in about by upon "
    "between among across inside onto within".split()
)


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a head word, the fixed words around it, a code and a frame."""

    head: str
    words: tuple[str, ...]
    code: str
    targets: tuple[str, ...]
    pos: str
    why: str
    file: str
    line: int

    @property
    def rule(self) -> str:
        return f"{self.file}:{self.line}"

    @property
    def pattern(self) -> str:
        return " ".join((self.head, *self.words))


@dataclass(frozen=True)
class Modality:
    negators: frozenset[str]
    intent_governors: frozenset[str]
    intent_auxiliaries: frozenset[str]
    intent_codes: dict[str, str]
    demand_codes: dict[str, str]
    refusal_codes: dict[str, str]
    executives: frozenset[str] = frozenset()
    stoppers: frozenset[str] = frozenset()
    stop_codes: dict[str, str] = field(default_factory=dict)
    target_codes: dict[str, dict[str, str]] = field(default_factory=dict)  # act -> target kind -> code

    def intent_code(self, code: str) -> str | None:
        """The CAMEO code of the intention to do ``code``; None keeps the code."""
        return _longest_prefix(self.intent_codes, code)

    def target_code(self, code: str, kinds: set[str]) -> str | None:
        """The code ``code`` becomes when what is acted on is of one of ``kinds``."""
        for n in range(len(code), 1, -1):
            by_kind = self.target_codes.get(code[:n])
            if by_kind:
                hit = next((c for k, c in by_kind.items() if k in kinds), None)
                if hit:
                    return hit
        return None

    def stop_code(self, code: str) -> str | None:
        """The CAMEO code of ending an ongoing act ``code`` (halting aid is 162)."""
        return _longest_prefix(self.stop_codes, code)

    def refusal_code(self, code: str) -> str | None:
        """The CAMEO rejection a negated cooperative act stands for; None: code nothing."""
        return _longest_prefix(self.refusal_codes, code)

    def demand_code(self, code: str) -> str:
        """The CAMEO code of demanding that someone do ``code`` (100 when nothing closer)."""
        return _longest_prefix(self.demand_codes, code) or "100"


def _longest_prefix(table: dict[str, str], code: str) -> str | None:
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


class Lexicon:
    """Triggers indexed by (head lemma, part of speech)."""

    def __init__(self, triggers: list[Trigger], modality: Modality,
                 lemma_fixes: dict[str, str] | None = None,
                 classes: dict[str, frozenset[str]] | None = None) -> None:
        self.triggers = triggers
        self.classes = classes or {}
        self.modality = modality
        self.lemma_fixes = lemma_fixes or {}
        index: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
        for t in triggers:
            index[(t.head, t.pos)].append(t)
        self.index = dict(index)

    def candidates(self, lemma: str, pos: str) -> list[Trigger]:
        return self.index.get((lemma, pos), [])

    def __len__(self) -> int:
        return len(self.triggers)


def _parse_trigger(e: dict[str, Any], path: Path) -> Trigger:
    p = str(path)
    line = e.get(LINE, 0)
    pattern = str(require(e, "pattern", p)).strip().lower()
    code = require(e, "code", p)
    code = str(code)
    if code not in ontology():
        raise DataFileError(p, line, f"unknown CAMEO code {code!r}")
    targets = tuple(str(t).lower() for t in as_list(require(e, "target", p, object)))
    bad = [t for t in targets if t not in TARGET_SLOTS]
    if bad:
        raise DataFileError(p, line, f"unknown target slot {bad[0]!r}; use obj, none or a preposition")
    pos = str(e.get("pos") or "VERB").upper()
    if pos not in {"VERB", "NOUN"}:
        raise DataFileError(p, line, f"pos must be VERB or NOUN, got {pos!r}")
    why = str(require(e, "why", p)).strip()
    words = pattern.split()
    return Trigger(words[0], tuple(words[1:]), code, targets, pos, why, path.name, line)


def load_lexicon(files: list[Path] | None = None, modality_file: Path | None = None) -> Lexicon:
    data = Path(str(resources.files("eventwire.events") / "data"))
    files = files if files is not None else sorted((data / "triggers").glob("*.yaml"))
    triggers: list[Trigger] = []
    seen: dict[tuple[str, tuple[str, ...], str, str], str] = {}
    for f in files:
        entries = load_yaml(f)
        if not isinstance(entries, list):
            raise DataFileError(str(f), None, "expected a list of trigger entries")
        for e in entries:
            if not isinstance(e, dict):
                raise DataFileError(str(f), None, f"entry is not a mapping: {e!r}")
            t = _parse_trigger(e, f)
            key = (t.pattern, t.targets, t.code, t.pos)
            if key in seen:
                raise DataFileError(str(f), t.line, f"duplicate of {seen[key]}")
            seen[key] = t.rule
            triggers.append(t)
    fixes = {str(require(e, "form", str(data / "lemmas.yaml"))).lower(): str(e["lemma"]).lower()
             for e in as_list(load_yaml(data / "lemmas.yaml"))}
    classes = load_classes(data / "classes.yaml")
    for t in triggers:
        unknown = [w for w in t.words if w.startswith("@") and w[1:] not in classes]
        if unknown:
            raise DataFileError(t.file, t.line, f"unknown word class {unknown[0]!r} (classes.yaml)")
    return Lexicon(triggers, load_modality(modality_file or data / "modality.yaml"), fixes, classes)


def load_classes(path: Path) -> dict[str, frozenset[str]]:
    """Word classes (@relief, @weapon ...) that trigger patterns may use."""
    d = load_yaml(path) or {}
    p = str(path)
    out: dict[str, frozenset[str]] = {}
    for name, e in d.items():
        if name == LINE:
            continue
        if not isinstance(e, dict):
            raise DataFileError(p, None, f"class {name!r} must be a mapping with words and why")
        require(e, "why", p)
        out[str(name)] = frozenset(str(w).lower() for w in as_list(require(e, "words", p, list)))
    return out


def load_modality(path: Path) -> Modality:
    d = load_yaml(path) or {}
    p = str(path)

    def lemmas(section: str) -> frozenset[str]:
        return frozenset(str(require(e, "lemma", p)) for e in as_list(d.get(section)))

    def table(section: str, field: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for e in as_list(d.get(section)):
            act, code = str(require(e, "act", p)), str(require(e, field, p))
            if code not in ontology():
                raise DataFileError(p, e.get(LINE), f"unknown CAMEO code {code!r}")
            out[act] = code
        return out

    target_codes: dict[str, dict[str, str]] = {}
    for e in as_list(d.get("target_codes")):
        act, kind, code = (str(require(e, k, p)) for k in ("act", "target", "code"))
        if code not in ontology():
            raise DataFileError(p, e.get(LINE), f"unknown CAMEO code {code!r}")
        target_codes.setdefault(act, {})[kind] = code

    return Modality(lemmas("negators"), lemmas("intent_governors"), lemmas("intent_auxiliaries"),
                    table("intent_codes", "intent"), table("demand_codes", "demand"),
                    table("refusal_codes", "refusal"), lemmas("executives"), lemmas("stoppers"),
                    table("stop_codes", "stop"), target_codes)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()
