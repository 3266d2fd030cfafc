"""Build the list of words whose leading «ال» is part of the stem (build-time only).

The article «ال» never carries a hamza and, after the preposition «ل», loses its alef
(«للولايات»).  A word that begins with the letters «ال» but is not article + word
(«ألمانيا», «إليه», «آلاف», «التقاط») shows it in how SaudiNewsNet writes it:

- its writers often put a hamza on the alef («ألمانيا», «إليه»): the share of hamza
  spellings among its «ال/أل/إل/آل» spellings is at least ``--min-hamza`` (0.5), or
- the share is at least ``--min-hamza-low`` (0.2) and, after «ل», it is written «لال…»
  («لألمانيا») at least as often as «لل…» (an article's elision: «التو» is written
  «للتو», so «في التو» is article + «تو» whatever its few hamza spellings).

Words seen fewer than ``--min-count`` times are left out.  The folding is
:func:`akhbar.text.fold_match` (MATCH level), the form :func:`akhbar.text.is_stem_al`
is asked with.  «الله» is added by hand (its «لل» spelling «لله» would call it an
article; the name is one word).  Deterministic: a plain count over the corpus.

Writes ``akhbar/resources/text/stem_al.txt``: ``word <tab> count <tab> hamza <tab> lal <tab> lil``.

    python -m akhbar.training.build_stem_al [--data ../shared/data/saudinewsnet]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from akhbar.text import fold_match, strip_marks  # noqa: E402
from akhbar.training.train_clusters import iter_articles  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.join(HERE, "..", "..", "..", "shared", "data", "saudinewsnet")
DEFAULT_OUT = os.path.join(HERE, "..", "resources", "text", "stem_al.txt")
HAND = ("الله",)
_WORD = re.compile(r"[\u0621-\u064a\u0671]+")


def count(data_dir: str) -> tuple[Counter, Counter, Counter]:
    """(occurrences of each «ال…» word, hamza spellings of it, all words) by MATCH form."""
    total: Counter = Counter()
    hamza: Counter = Counter()
    words: Counter = Counter()
    for text in iter_articles(data_dir):
        for w in _WORD.findall(strip_marks(text)):
            f = fold_match(w)
            words[f] += 1
            if len(w) >= 4 and w[1] == "ل" and w[0] in "اأإآ":
                total[f] += 1
                if w[0] != "ا":
                    hamza[f] += 1
    return total, hamza, words


def select(total: Counter, hamza: Counter, words: Counter, min_count: int, min_hamza: float,
           min_hamza_low: float) -> list[tuple[str, int, int, int, int]]:
    out = []
    for w, n in total.items():
        if n < min_count:
            continue
        share = hamza[w] / n
        lal, lil = words["ل" + w], words["لل" + w[2:]]
        if share >= min_hamza or (share >= min_hamza_low and lal >= lil):
            out.append((w, n, hamza[w], lal, lil))
    return sorted(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--min-hamza", type=float, default=0.5)
    ap.add_argument("--min-hamza-low", type=float, default=0.2)
    args = ap.parse_args()
    total, hamza, words = count(args.data)
    rows = select(total, hamza, words, args.min_count, args.min_hamza, args.min_hamza_low)
    listed = {r[0] for r in rows}
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# words whose leading «ال» is part of the stem (akhbar/training/build_stem_al.py)\n")
        f.write("# word\tcount\thamza\tlal\tlil\n")
        for w in HAND:
            if w not in listed:
                f.write(f"{w}\t{total[w]}\t{hamza[w]}\t{words['ل' + w]}\t{words['لل' + w[2:]]}\t# by hand\n")
        for r in rows:
            f.write("\t".join(map(str, r)) + "\n")
    print(f"{len(rows) + len(set(HAND) - listed)} words -> {args.out}")


if __name__ == "__main__":
    main()
