"""Build the person-alias table of the entity identity step
(akhbar/resources/ner/person_aliases.json) from SaudiNewsNet.

A person written with a short «بن» chain in one article («محمد بن سلمان») and a longer one
in another («محمد بن سلمان بن عبدالعزيز») got two entity ids: identity is decided one
document at a time.  The corpus says which long chain a short one stands for.  For every
two-part chain «X بن Y», the script counts the chains of three parts or more that
extend it, «X بن Y بن Z …».  Where one extension holds at least ``--share`` of them and
is seen ``--min-count`` times, the short chain's key maps to the long chain's key.  Royal
titles work the same way: «الملك سلمان» and «الأمير محمد بن نايف» followed by a
chain are counted, and the title + first name maps to the chain it is most often
followed by (its own chain, never that chain's longer form: «الملك فهد» is «فهد بن
عبدالعزيز», not the governor «فهد بن عبدالعزيز بن معمر» whom 2015 news writes with three
parts).  Keys are :func:`akhbar.entities.identity.alias_key` of
:func:`akhbar.entities.identity.person_core`, as the identity step computes them.

    python -m akhbar.training.build_person_aliases [--data ../shared/data/saudinewsnet]

Written by hand: no package lists Arabic name chains and the short forms news uses.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from akhbar.entities.identity import alias_key, display_name, person_core  # noqa: E402
from akhbar.text import strip_marks  # noqa: E402
from akhbar.training.corpus import iter_records  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.join(HERE, "..", "..", "..", "shared", "data", "saudinewsnet")
DEFAULT_OUT = os.path.join(HERE, "..", "resources", "ner", "person_aliases.json")

_WORD = r"[\u0621-\u064A]+"
# a name part: one word, or «عبد»/«أبو» + a word («عبد العزيز»)
_PART = rf"(?:(?:عبد|أبو|ابو)\s+{_WORD}|{_WORD})"
_CHAIN_RE = re.compile(rf"(?<![\u0621-\u064A])({_PART})((?:\s+(?:بن|ابن)\s+{_PART})+)")
# a royal title before a first name and its chain, if any («الملك سلمان», «الأمير مقرن بن …»)
_TITLED_RE = re.compile(rf"(?<![\u0621-\u064A])(الملك|الأمير|الامير)\s+({_PART})((?:\s+(?:بن|ابن)\s+{_PART})*)")


def parts_of(first: str, rest: str) -> list[str]:
    return [first] + [p.strip() for p in re.split(r"\s+(?:بن|ابن)\s+", " " + rest.strip())[1:]]


def chain(parts: list[str]) -> str:
    return " بن ".join(parts)


def build(data: str, min_count: int, share: float) -> dict:
    extensions: dict[str, Counter] = defaultdict(Counter)  # key of «X بن Y» -> long chains
    titled: dict[str, Counter] = defaultdict(Counter)  # key of «الملك X» -> chains after it
    spelled: dict[str, Counter] = defaultdict(Counter)  # key of a chain -> its spellings
    occurrences: Counter = Counter()  # key of «X بن Y» -> chains that start with it, short or long
    for text in (rec.get("content") or "" for rec in iter_records(data)):
        text = strip_marks(text)
        for m in _CHAIN_RE.finditer(text):
            parts = parts_of(m.group(1), m.group(2))
            short = alias_key(chain(parts[:2]))
            occurrences[short] += 1
            target = chain(parts[:3])
            spelled[alias_key(person_core(target))][display_name(target)] += 1
            if len(parts) >= 3:
                extensions[short][alias_key(person_core(target))] += 1
        for m in _TITLED_RE.finditer(text):
            title = "الأمير" if m.group(1) != "الملك" else "الملك"
            parts = parts_of(m.group(2), m.group(3)) if m.group(3) else [m.group(2)]
            if len(parts) < 2:
                continue
            target = chain(parts[:3]) if len(parts) >= 3 else chain(parts)
            titled[alias_key(f"{title} {parts[0]}")][alias_key(person_core(target))] += 1
    table: dict[str, dict[str, str]] = {}
    for counts, kind in ((extensions, "chain"), (titled, "title")):
        for short, longs in sorted(counts.items()):
            total = sum(longs.values())
            best, n = longs.most_common(1)[0]
            # a chain maps to its extension only where the extension is how the corpus
            # writes it at least a quarter of the time: «عبدالله بن عبدالعزيز» (the king,
            # hundreds of times) is not «… بن مساعد» (a prince, ten times)
            common = kind == "title" or n >= 0.25 * occurrences[short]
            if n >= min_count and n >= share * total and best != short and common:
                table[short] = {"key": best, "kind": kind, "seen": n, "of": total}
    names = {}
    for entry in table.values():
        sp = spelled.get(entry["key"])
        if sp:
            names[entry["key"]] = sp.most_common(1)[0][0]
    return {"_about": (
        "Short person names of Saudi/Arab news → the key of the long «بن» chain they stand "
        "for, counted in SaudiNewsNet (akhbar/training/build_person_aliases.py). kind chain: "
        "«X بن Y» extended by one chain in at least the share of its extensions and a quarter "
        "of its uses; kind title: "
        "«الملك X» / «الأمير X» followed by that chain. Keys are identity.alias_key of "
        "identity.person_core."), "aliases": table, "names": names}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--share", type=float, default=0.9)
    a = ap.parse_args()
    out = build(a.data, a.min_count, a.share)
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=0, sort_keys=True)
        f.write("\n")
    print(f"{len(out['aliases'])} aliases ({sum(e['kind'] == 'title' for e in out['aliases'].values())} titled) -> {a.out}")


if __name__ == "__main__":
    main()
