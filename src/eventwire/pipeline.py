"""The coding pipeline: text in, events out.

``Coder`` loads the spaCy pipeline, the knowledge base and the lexicon once, then codes
any number of documents; ``code_text`` is the one-call convenience. Parsing goes through
``nlp.pipe`` so batches run at the parser's speed; everything after the parse is a walk
over the dependency tree.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire import settings
from eventwire.actors.kb import default_kb
from eventwire.actors.resolve import DocContext, Resolver
from eventwire.context import magnitudes
from eventwire.context.quotes import Quoter
from eventwire.context.topics import document_topics
from eventwire.datafiles import as_list, load_yaml
from eventwire.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    ModelError,
    OversizedInputError,
)
from eventwire.events import confidence
from eventwire.events.extract import Extractor, Found
from eventwire.events.lexicon import default_lexicon
from eventwire.language import english_ratio, looks_english
from eventwire.ontology import ontology
from eventwire.time import dates
from eventwire.types import Actor, Event, Location, Mention, Quote, TextSpan


class NotEnglishWarning(UserWarning):
    """The text does not look like English; eventwire codes English only."""


@dataclass(frozen=True)
class Document:
    """One text to code, with its publication date, an id, and where it came from.

    ``source`` is the outlet (for counting how many sources reported an event), ``url``
    the article's address and ``origin`` the file or feed it was read from.
    """

    text: str
    date: dt.date | None = None
    id: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None

    @property
    def doc_id(self) -> str:
        return self.id or "doc-" + hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:12]


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """An ISO date (or a datetime string starting with one); InputError otherwise."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InputError(f"cannot read date {value!r}: use YYYY-MM-DD") from None


def decode(data: bytes) -> str:
    """Bytes from a file or stdin as text; binary or non-UTF-8 input is refused."""
    if b"\x00" in data[:65536]:
        raise BinaryInputError("input looks binary (NUL bytes); give a UTF-8 text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BinaryInputError(f"input is not valid UTF-8 (byte {exc.start}); "
                               "convert it to UTF-8 first") from None


def check_text(text: str) -> None:
    """Refuse input that cannot be coded, with a message that says why."""
    limit = int(settings.get("max_input_bytes"))
    size = len(text.encode("utf-8", errors="replace"))
    if size > limit:
        raise OversizedInputError(
            f"input is {size:,} bytes, over the {limit:,}-byte limit "
            f"(set EVENTWIRE_MAX_INPUT_BYTES to raise it, or split the file)")
    if not text.strip():
        raise EmptyInputError("input is empty: nothing to code")
    if "\x00" in text:
        raise BinaryInputError("input looks binary (NUL characters); give a text file")


def load_nlp(model: str | None = None) -> Any:
    """The spaCy pipeline named by the ``model`` setting, loaded from installed packages."""
    import spacy

    name = model or str(settings.get("model"))
    from eventwire.nlp.components import add_components

    try:
        return add_components(spacy.load(name))
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed (run `make install`, or set "
            f"EVENTWIRE_MODEL to an installed pipeline such as en_core_web_sm)") from exc


@lru_cache(maxsize=1)
def _media() -> frozenset[str]:
    path = Path(str(resources.files("eventwire.events") / "data" / "attributes.yaml"))
    return frozenset(str(e["word"]).lower() for e in as_list((load_yaml(path) or {}).get("media")))


class Coder:
    """Codes documents into events. Build once, reuse: the model loads in the constructor."""

    def __init__(self, model: str | None = None, kb_files: Sequence[str] = (), nlp: Any = None,
                 classifier: bool = False) -> None:
        self.nlp = nlp if nlp is not None else load_nlp(model)
        self.kb = default_kb(tuple(str(f) for f in kb_files))
        self.lexicon = default_lexicon()
        self.resolver = Resolver(self.kb)
        self.extractor = Extractor(self.lexicon, self.resolver, _media())
        self.quoter = Quoter(self.resolver, _media())
        # calibrated confidence (events/confidence.py); None keeps the rules' own scores
        self.calibrator: confidence.Calibrator | None = confidence.default_calibrator()
        # the learned classifier for sentences the rules leave without an event (ml extra)
        self.classifier: Any = None
        if classifier:
            from eventwire.events.classifier import default_classifier

            self.classifier = default_classifier()
        self.last_features: list[tuple[str, dict[str, float]]] = []
        # what the last coded document's speakers said (read with last_introduced)
        self.last_quotes: list[Quote] = []
        self.last_topics: list[dict[str, Any]] = []
        self._magnitudes: dict[str, str] | None = None
        # people the last coded document introduced ("Kremlin spokesman Dmitry Peskov"),
        # with their sentence index: read after each document for `eventwire actors learned`
        self.last_introduced: list[tuple[Actor, int]] = []

    def code(self, text: str, date: str | dt.date | None = None, doc_id: str | None = None,
             title: str | None = None) -> list[Event]:
        doc = Document(text, parse_date(date), doc_id, title)
        return next(self.code_documents([doc]))[1]

    def code_documents(self, docs: Iterable[Document], batch_size: int = 32, n_process: int = 1
                       ) -> Iterator[tuple[Document, list[Event]]]:
        """Events for each document, in order; documents that are not English get none."""
        a, b = itertools.tee(docs)
        texts = (d.text for d in a)
        for document, parsed in zip(b, self.nlp.pipe(texts, batch_size=batch_size, n_process=n_process),
                                    strict=True):
            check_text(document.text)
            if not looks_english(document.text):
                warnings.warn(NotEnglishWarning(
                    f"{document.doc_id}: text does not look like English "
                    f"(function-word ratio {english_ratio(document.text):.2f}); no events coded"),
                    stacklevel=2)
                yield document, []
                continue
            yield document, self.events_from_parse(parsed, document)

    def events_from_parse(self, parsed: Any, document: Document) -> list[Event]:
        ctx = DocContext(date=document.date)
        self.last_features = []  # (event id, confidence features): read by scripts/calibrate.py
        min_conf = float(settings.get("min_confidence"))
        events: list[Event] = []
        quotes: list[Quote] = []
        for s_idx, sent in enumerate(parsed.sents):
            ctx.sentence_index = s_idx
            self._magnitudes = None
            self.resolver.learn_from_sentence(sent, ctx, document.date)
            found = self.extractor.extract(sent, ctx, partial(_sentence_dates, sent, document.date))
            rank = 0
            for f in found:
                if f.refers_back:
                    _attach_back_reference(events, f, s_idx, sent)
                    continue
                x = confidence.features(f, rank, found)
                rank += 1
                if self.calibrator is not None:
                    f.confidence = self.calibrator(x)
                if f.confidence < min_conf:
                    continue
                new = self._events(f, document, s_idx, sent)
                self.last_features.extend((e.id, x) for e in new)
                events.extend(new)
            if self.classifier is not None and not any(f.trigger.code[:2] != "01" and ontology().get(
                    f.code).plover_category for f in found if not f.refers_back):
                learned = self._classified(sent, ctx, min_conf)
                if learned is not None:
                    events.extend(self._events(learned, document, s_idx, sent))
            quotes.extend(self.quoter.quotes(sent, ctx, s_idx, document.date))
        self.last_introduced = list(ctx.introduced)
        self.last_quotes = quotes
        merged = _merge(events)
        self.last_topics = document_topics(document.text, merged, _CountryNames(self.kb))
        return merged

    def _classified(self, sent: Any, ctx: DocContext, min_conf: float) -> Found | None:
        """An event for a sentence the rules left without one, typed by the classifier
        (events/classifier.py) and given the main clause's actors; None when the model
        says NONE or the clause names no actor."""
        from eventwire.events.classifier import RULE, category_codes
        from eventwire.events.lexicon import Trigger

        clause = self.extractor.main_clause(sent, ctx)
        if clause is None:
            return None
        token, source, target = clause
        ((category, p),) = self.classifier.predict([sent.text])
        code = category_codes().get(category)
        if code is None or p < min_conf:
            return None
        trig = Trigger(token.lemma_.lower(), (), code, ("obj",), "VERB",
                       f"the learned classifier read the sentence as {category} (p={p:.2f})",
                       RULE.split(":")[0], 0)
        return Found(token, trig, code, "asserted", source, target, round(p, 3), None,
                     {"classifier": f"{category}:{p:.2f}"})

    def _events(self, f: Found, document: Document, s_idx: int, sent: Any) -> list[Event]:
        pairs: list[tuple[tuple[Actor, ...], tuple[Actor, ...]]]
        if f.reciprocal and len(f.source) >= 2:
            pairs = [((a,), (b,)) for a in f.source for b in f.source if a.key != b.key]
            if not pairs:
                pairs = [(tuple(f.source), tuple(f.target))]
        elif f.reciprocal and f.target:
            pairs = [(tuple(f.source), tuple(f.target)), (tuple(f.target), tuple(f.source))]
        else:
            pairs = [(tuple(f.source), tuple(f.target))]
        c = ontology().get(f.code)
        date = f.date if f.date is not None and f.date.date else dates.publication(document.date)
        sentence = TextSpan(sent.start_char, sent.end_char, sent.text)
        out = []
        for src, tgt in pairs:
            mention = Mention(s_idx, sentence, f.trigger_span,
                              tuple(TextSpan(a.start, a.end, a.text) for a in src),
                              tuple(TextSpan(a.start, a.end, a.text) for a in tgt))
            key = "|".join([document.doc_id, str(s_idx), str(f.token.idx), f.code,
                            ",".join(f"{a.country}/{a.sector}/{a.kb_id}" for a in src),
                            ",".join(f"{a.country}/{a.sector}/{a.kb_id}" for a in tgt)])
            attrs = dict(f.attributes)
            if self._magnitudes is None:  # once per sentence (reset in events_from_parse), not per event
                self._magnitudes = sentence_magnitudes(sent)
            attrs.update(magnitudes.for_event(c.code[:2], self._magnitudes))
            if f.reciprocal:
                attrs["reciprocal"] = "true"
            out.append(Event(
                id="ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
                doc_id=document.doc_id, sentence_index=s_idx, date=date, source=src, target=tgt,
                cameo=c.code, cameo_name=c.name, plover_category=c.plover_category,
                plover_mode=c.plover_mode, plover_context=c.plover_context, goldstein=c.goldstein,
                quad_class=c.quad_class, modality=f.modality, rule=f.trigger.rule,
                confidence=f.confidence, mentions=(mention,), attributes=attrs, location=f.location))
        return out


def _attach_back_reference(events: list[Event], f: Found, s_idx: int, sent: Any) -> None:
    """Add "during the call" as a mention of the latest earlier event of the same CAMEO root."""
    earlier = [e for e in events if e.cameo[:2] == f.trigger.code[:2] and e.sentence_index < s_idx]
    if not earlier:
        return
    first = earlier[-1].mentions[0].trigger.start
    mention = Mention(s_idx, TextSpan(sent.start_char, sent.end_char, sent.text), f.trigger_span, (), ())
    for i, e in enumerate(events):  # every direction of that event ("A calls B", "B calls A")
        if e.cameo[:2] == f.trigger.code[:2] and e.mentions[0].trigger.start == first:
            events[i] = replace(e, mentions=e.mentions + (mention,))


def _sentence_dates(sent: Any, published: dt.date | None) -> list[dates.DateMention]:
    """The DATE expressions of a sentence, each resolved when an event asks for it."""
    return [dates.DateMention(e.text, e.start_char, e.end_char, published)
            for e in sent.ents if e.label_ == "DATE"]


def _compatible(a: Actor, b: Actor) -> bool:
    """Two mentions that may be the same actor: same country, no conflicting detail."""
    return (a.country == b.country
            and (a.sector == b.sector or a.sector is None or b.sector is None)
            and (a.kb_id == b.kb_id or a.kb_id is None or b.kb_id is None))


def _same_actors(xs: tuple[Actor, ...], ys: tuple[Actor, ...]) -> bool:
    return (all(any(_compatible(x, y) for y in ys) for x in xs)
            and all(any(_compatible(x, y) for x in xs) for y in ys))


def _merge(events: list[Event]) -> list[Event]:
    """The same event told twice in one document (headline and lead) becomes one event."""
    out: list[Event] = []
    for e in events:
        twin = next((o for o in out if o.cameo[:2] == e.cameo[:2] and o.modality == e.modality
                     and _same_actors(o.source, e.source)
                     and (_same_actors(o.target, e.target)
                          or (o.sentence_index == e.sentence_index and not (o.target and e.target)))
                     and (o.date.date == e.date.date or "publication" in {o.date.precision, e.date.precision})
                     ), None)
        if twin is None:
            out.append(e)
            continue
        i = out.index(twin)
        date = twin.date if twin.date.precision != "publication" else e.date
        code_from = twin if len(twin.cameo) >= len(e.cameo) else e
        # keep the more specific actors (a named person over a bare country)
        detail = max((twin, e), key=lambda x: (len(x.target) > 0,
                                                sum(bool(a.sector) + bool(a.kb_id) for a in x.source + x.target)))
        merged = replace(code_from, id=twin.id, date=date, sentence_index=twin.sentence_index,
                         source=detail.source, target=detail.target,
                         mentions=twin.mentions + e.mentions,
                         attributes={**e.attributes, **twin.attributes},
                         location=_finer(twin.location, e.location),
                         confidence=max(twin.confidence, e.confidence))
        out[i] = merged
    return out


class _CountryNames(dict[str, str]):
    """Country names on demand, from the knowledge base."""

    def __init__(self, kb: Any) -> None:
        super().__init__()
        self.kb = kb

    def get(self, code: str, default: Any = None) -> Any:  # type: ignore[override]
        return self.kb.country_name(code) or default


def sentence_magnitudes(sent: Any) -> dict[str, str]:
    """A sentence's stated casualties and crowd size (context/magnitudes.py)."""
    return magnitudes.magnitudes(sent)


_PRECISION = {"city": 3, "admin1": 2, "country": 1}


def _finer(a: Location | None, b: Location | None) -> Location | None:
    """Of two mentions' places, the more precise (the first one's when equal)."""
    if a is None or b is None:
        return a or b
    return b if _PRECISION.get(b.kind, 0) > _PRECISION.get(a.kind, 0) else a


@lru_cache(maxsize=4)
def _default_coder(model: str | None, kb_files: tuple[str, ...], classifier: bool = False) -> Coder:
    return Coder(model, kb_files, classifier=classifier)


def get_coder(model: str | None = None, kb_files: Sequence[str] = (), classifier: bool | None = None) -> Coder:
    """A shared Coder for these settings (the model loads once per process). User
    knowledge-base files come from the ``kb`` setting, then ``kb_files``; the learned
    classifier joins the rules when ``classifier`` (default: the setting) is true."""
    configured = [f for f in str(settings.get("kb")).split(":") if f]
    use = bool(settings.get("classifier")) if classifier is None else classifier
    return _default_coder(model, tuple(configured + list(kb_files)), use)


def code_text(text: str, date: str | dt.date | None = None, doc_id: str | None = None,
              model: str | None = None) -> list[Event]:
    """Code one text into events; ``date`` is the publication date (YYYY-MM-DD)."""
    return get_coder(model).code(text, date, doc_id)


def resolve_actor(text: str, date: str | dt.date | None = None, model: str | None = None) -> Any:
    """Resolve one actor mention ("Armenian Prime Minister") on a date, with the reasons."""
    from eventwire.actors.lookup import resolve_mention

    return resolve_mention(get_coder(model), text, parse_date(date))
