"""
Offline geocoding of what a patient types: a ZIP code, ZIP+4 or "City, ST".

Coordinates come from the `zipcodes` package's ZIP centroids, so a search never
calls out to a geocoding service and never sends a patient's location anywhere.
The index is built once per process and shared by every request: on first use,
or ahead of it by ``warm()``, which portal.wsgi calls in gunicorn's master so
workers fork with it built (about 1.5 s of work no visitor should wait for).
"""

import difflib
import re
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import zipcodes

from physicians.geometry import Point
from physicians.place_names import WORDS, abbreviates, proper_name
from physicians.states import CODES_BY_NAME, STATES, canadian_province

MAX_INPUT_LENGTH = 100
MAX_SUGGESTIONS = 5
EXAMPLE = "a 5-digit ZIP code or a city and state, like “Minneapolis, MN”"

ZIP_RE = re.compile(r"(?P<zip>[0-9]{5})(?:[- ]?[0-9]{4})?", re.ASCII)
# Common abbreviations in US place names, expanded the same way on both sides.
ABBREVIATIONS = {
    "st": "saint",
    "ste": "sainte",
    "nyc": "new york",
    **{short: long.casefold() for short, long in WORDS.items()},
}
CANADIAN_POSTAL_CODE = re.compile(r"[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]", re.ASCII | re.IGNORECASE)
US_ONLY = (
    "The physician finder covers the United States only. Enter a US ZIP code or a US city "
    "and state."
)
MILITARY = (
    "ZIP code {code} is a military (APO/FPO/DPO) address, which the finder cannot search. "
    "Enter the ZIP code or city and state of a place in the United States."
)


@dataclass(frozen=True)
class Origin:
    """Where a search starts, and how to tell the visitor what we understood."""

    label: str
    point: Point
    city: str
    state: str
    zip_code: str = ""


class LocationError(ValueError):
    """The input names no place we know; `suggestions` are inputs that would work."""

    def __init__(self, message: str, suggestions: list[str] | tuple[str, ...] = ()):
        super().__init__(message)
        self.message = message
        self.suggestions = list(suggestions)[:MAX_SUGGESTIONS]


@dataclass(frozen=True)
class ZipPlace:
    code: str
    city: str
    state: str
    point: Point


class _Index:
    def __init__(self, records: list[dict]):
        self.zips: dict[str, ZipPlace] = {}
        self.military: set[str] = set()
        places: dict[tuple[str, str], list[ZipPlace]] = defaultdict(list)
        aliases: dict[tuple[str, str], list[ZipPlace]] = defaultdict(list)
        alias_names: dict[tuple[str, str], str] = {}
        for record in records:
            latitude, longitude = float(record["lat"]), float(record["long"])
            if record["zip_code_type"] == "MILITARY":
                self.military.add(record["zip_code"])
                continue
            if latitude == 0 and longitude == 0:
                continue  # records without a real location
            entry = ZipPlace(
                code=record["zip_code"],
                city=proper_name(record["city"]),
                state=record["state"],
                point=Point(latitude, longitude),
            )
            self.zips[entry.code] = entry
            places[(normalize(entry.city), entry.state)].append(entry)
            for alias in _aliases(entry.city, record["acceptable_cities"]):
                key = (normalize(alias), entry.state)
                aliases[key].append(entry)
                alias_names.setdefault(key, alias)
        self.sorted_zips = sorted(self.zips)
        self.places = {key: _centroid(entries) for key, entries in places.items()}
        self.aliases = {
            key: _centroid(entries, city=alias_names[key])
            for key, entries in aliases.items()
            if key not in self.places
        }
        # How many ZIP codes a place has: its size, to rank places sharing a name.
        self.sizes = {key: len(entries) for key, entries in (*aliases.items(), *places.items())}
        self.states_by_city: dict[str, set[str]] = defaultdict(set)
        self.cities_by_state: dict[str, list[str]] = defaultdict(list)
        self.cities_by_initial: dict[str, set[str]] = defaultdict(set)
        for city, state in (*self.places, *self.aliases):
            self.states_by_city[city].add(state)
            self.cities_by_state[state].append(city)
            self.cities_by_initial[city[:2]].add(city)

    def place(self, city: str, state: str) -> Origin | None:
        return self.places.get((city, state)) or self.aliases.get((city, state))

    def states_of(self, city: str) -> list[str]:
        """The states with a place called `city`, largest place first."""
        return sorted(self.states_by_city.get(city, ()), key=lambda s: -self.sizes[(city, s)])

    def labels(self, city: str, states) -> list[str]:
        return _unique(self.place(city, state).label for state in states)


def _aliases(city: str, usps_aliases: list[str]) -> list[str]:
    """A ZIP's other names, spelt out, without those that only abbreviate another."""
    names = _unique(proper_name(alias) for alias in usps_aliases)
    return [
        name
        for name in names
        if normalize(name) != normalize(city)
        and not any(abbreviates(name, other) for other in [city, *names])
    ]


def _unique(items) -> list:
    return list(dict.fromkeys(items))


def _centroid(entries: list[ZipPlace], city: str | None = None) -> Origin:
    """A city's centre: the mean of its ZIP centroids."""
    latitude = sum(e.point.latitude for e in entries) / len(entries)
    longitude = sum(e.point.longitude for e in entries) / len(entries)
    city = city or entries[0].city
    state = entries[0].state
    return Origin(
        label=f"{city}, {state}", point=Point(latitude, longitude), city=city, state=state
    )


@cache
def _index() -> _Index:
    return _Index(zipcodes.list_all())


def warm() -> None:
    """Build the index now rather than during someone's first search."""
    _index()


def normalize(text: str) -> str:
    """Case-, accent-, punctuation- and spacing-insensitive form of a place name."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", " ", text.casefold()).split()
    return " ".join(ABBREVIATIONS.get(word, word) for word in words)


def known_zips() -> list[ZipPlace]:
    """Every ZIP code with a real location, in code order (for demo and benchmark data)."""
    return sorted(_index().zips.values(), key=lambda place: place.code)


def zip_centroid(zip_code: str) -> Point | None:
    """Centroid of a 5-digit ZIP, ZIP+4 or 9-digit ZIP; None when unknown."""
    match = ZIP_RE.fullmatch(zip_code.strip())
    entry = _index().zips.get(match["zip"]) if match else None
    return entry.point if entry else None


def fill_coordinates(fields: dict, zip_code: str) -> bool:
    """Place a physician at their ZIP's centroid: set ``latitude`` and ``longitude`` in
    fields. False, and fields unchanged, when the ZIP is not in the ZIP code data."""
    point = zip_centroid(zip_code)
    if point is None:
        return False
    fields["latitude"], fields["longitude"] = point.latitude, point.longitude
    return True


def geocode(text: str) -> Origin:
    """Turn a visitor's location into an origin, or raise LocationError saying why not."""
    text = (text or "").strip()
    if not text:
        raise LocationError(f"Enter {EXAMPLE}.")
    if len(text) > MAX_INPUT_LENGTH:
        raise LocationError(f"That is too long to be a place. Enter {EXAMPLE}.")
    match = ZIP_RE.fullmatch(text)
    if match:
        return _geocode_zip(match["zip"])
    if text.replace("-", "").replace(" ", "").isdigit():
        raise LocationError("A ZIP code has 5 digits, or 9 with ZIP+4 (55432 or 55432-1234).")
    if CANADIAN_POSTAL_CODE.fullmatch(text):
        raise LocationError(f"{text.upper()} is a Canadian postal code. {US_ONLY}")
    return _geocode_place(text)


def _geocode_zip(code: str) -> Origin:
    index = _index()
    entry = index.zips.get(code)
    if code in index.military:
        raise LocationError(MILITARY.format(code=code))
    if entry is None:
        raise LocationError(
            f"We could not find ZIP code {code}. Check it, or enter a city and state.",
            [f"{z.code} ({z.city}, {z.state})" for z in _nearby_zips(code)],
        )
    return Origin(
        label=f"{entry.city}, {entry.state} {entry.code}",
        point=entry.point,
        city=entry.city,
        state=entry.state,
        zip_code=entry.code,
    )


def _nearby_zips(code: str) -> list[ZipPlace]:
    """Known ZIPs numerically closest to an unknown one, same 3-digit area first."""
    index = _index()
    position = bisect_left(index.sorted_zips, code)
    window = index.sorted_zips[max(0, position - MAX_SUGGESTIONS) : position + MAX_SUGGESTIONS]
    window.sort(key=lambda z: (z[:3] != code[:3], abs(int(z) - int(code))))
    return [index.zips[z] for z in window[:MAX_SUGGESTIONS]]


def _split_place(text: str) -> tuple[str, str | None]:
    """("minneapolis", "MN") from "Minneapolis, MN", "minneapolis mn" or "..., Minnesota"."""
    if "," in text:
        city, _, state = text.rpartition(",")
        return normalize(city), state.strip()
    words = text.split()
    for size in (1, 2, 3):
        if len(words) > size:
            candidate = " ".join(words[-size:])
            if _state_code(candidate):
                return normalize(" ".join(words[:-size])), candidate
    return normalize(text), None


def _state_code(text: str) -> str | None:
    text = " ".join(text.split())
    letters = text.replace(".", "").replace(" ", "").upper()  # "D.C.", "D. C."
    if letters in STATES:
        return letters
    return CODES_BY_NAME.get(text.replace(".", "").casefold())


def _geocode_place(text: str) -> Origin:
    index = _index()
    city, state_text = _split_place(text)
    if not city:
        raise LocationError(f"Enter {EXAMPLE}.")
    states = index.states_of(city)
    if state_text is None or not state_text:
        if len(states) == 1:
            return index.place(city, states[0])
        if states:
            raise LocationError(
                "More than one place has that name: add the state.", index.labels(city, states)
            )
        raise LocationError(f"We could not find that place. Enter {EXAMPLE}.", _close(city, None))
    state = _state_code(state_text)
    if state is None:
        province = canadian_province(state_text)
        if province:
            raise LocationError(f"{province} is in Canada. {US_ONLY}")
        raise LocationError(
            "That is not a US state: use its two-letter code, like MN.",
            index.labels(city, states),
        )
    origin = index.place(city, state)
    if origin is None:
        raise LocationError(
            f"We could not find that city in {STATES[state]}.",
            _unique([*_close(city, state), *index.labels(city, states)]),
        )
    return origin


def _close(city: str, state: str | None) -> list[str]:
    """Place names that look like a misspelling of `city`, as "City, ST"."""
    index = _index()
    if state:
        names = [(name, state) for name in index.cities_by_state[state]]
    else:  # every city starting with the same letter keeps difflib quick
        names = [
            (name, s)
            for name, ss in index.states_by_city.items()
            if name[:1] == city[:1]
            for s in ss
        ]
    matches = difflib.get_close_matches(city, sorted({n for n, _ in names}), n=MAX_SUGGESTIONS)
    by_name = defaultdict(list)
    for name, s in names:
        by_name[name].append(s)
    return _unique(
        index.place(name, s).label
        for name in matches
        for s in sorted(by_name[name], key=lambda s: -index.sizes[(name, s)])
    )
