"""Harvest organisation names from unlabelled SaudiNewsNet (training-time only).

ANERcorp's training part has few clubs, companies and news media, and no
package ships their Arabic names.  But newswire introduces them with a head
noun: «شركة أرامكو», «فريق فيراري», «نادي برشلونة», «صحيفة الراية»,
«وكالة رويترز», «حركة طالبان».  This script counts, over the 10 M tokens of
SaudiNewsNet, the words that follow such a head, and keeps a word when

- it follows a head at least ``--min-count`` times, and
- at least ``--min-share`` of all its occurrences follow a head (so «العمل»,
  «الكهرباء», «من» — frequent after heads, far more frequent elsewhere — drop);

a two-word name is kept when one second word follows ``head + word`` in at least
``--min-share2`` of the cases («فريق ريال مدريد», «شركة جنرال موتورز»).

The list is a feature (``olex``) of the CRF and the BiLSTM, never a rule: the
models learn from ANERcorp how far to trust it (a list from unlabelled text
cannot leak the held-out block's labels).  Hand-written because no library
harvests Arabic names by head noun; a plain count, deterministic.

Writes ``akhbar/resources/ner/org_lexicon.tsv``: ``name  after_head  count``.

    python -m akhbar.training.build_org_lexicon [--data ../shared/data/saudinewsnet]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from akhbar.entities.model import FUNCTION_WORDS  # noqa: E402
from akhbar.text import fold_match, strip_invisible  # noqa: E402
from akhbar.training.train_clusters import iter_articles  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.join(HERE, "..", "..", "..", "shared", "data", "saudinewsnet")
DEFAULT_OUT = os.path.join(HERE, "..", "..", "akhbar", "resources", "ner", "org_lexicon.tsv")

# head nouns that introduce an organisation's proper name (not «وزارة»/«مجلس»:
# their complements are common nouns, «وزارة الخارجية», «مجلس الوزراء»)
HEADS = frozenset(fold_match(h) for h in (
    "شركة شركتي نادي فريق فريقي صحيفة جريدة وكالة مجموعة بنك مصرف قناة مجلة حزب حركة جماعة "
    "مؤسسة تنظيم مجموعة"
).split())
PROCLITICS = ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
TOKEN = re.compile(r"\w+|[^\w\s]")


def head_of(tok: str) -> str | None:
    if tok in HEADS:
        return tok
    for p in PROCLITICS:
        if tok.startswith(p) and tok[len(p):] in HEADS:
            return tok[len(p):]
    return None


def harvest(texts, min_count: int, min_share: float, min_share2: float) -> list[tuple[str, int, int]]:
    uni: Counter = Counter()
    after: Counter = Counter()
    after2: Counter = Counter()
    for text in texts:
        for para in text.split("\n"):
            toks = TOKEN.findall(fold_match(strip_invisible(para)))
            uni.update(toks)
            for i in range(len(toks) - 1):
                if head_of(toks[i]) is None:
                    continue
                x = toks[i + 1]
                if not x.isalpha() or len(x) < 2 or head_of(x) is not None:
                    continue
                after[x] += 1
                y = toks[i + 2] if i + 2 < len(toks) else ""
                if y.isalpha() and len(y) >= 2 and y not in FUNCTION_WORDS and head_of(y) is None:
                    after2[(x, y)] += 1
    out = []
    for x, c in after.items():
        if c >= min_count and c >= min_share * uni[x]:
            out.append((x, c, uni[x]))
    for (x, y), c in after2.items():
        if c >= min_count and c >= min_share2 * after[x]:
            out.append((f"{x} {y}", c, c))
    out.sort(key=lambda r: (-r[1], r[0]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-share", type=float, default=0.05)
    ap.add_argument("--min-share2", type=float, default=0.3)
    args = ap.parse_args()
    rows = harvest(iter_articles(args.data), args.min_count, args.min_share, args.min_share2)
    with open(args.out, "w", encoding="utf-8") as f:
        for name, c, u in rows:
            f.write(f"{name}\t{c}\t{u}\n")
    print(f"wrote {len(rows)} names to {args.out}")


if __name__ == "__main__":
    main()
