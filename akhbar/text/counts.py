"""How often a word is used in SaudiNewsNet (its match fold), from ``resources/ner/clusters.tsv``.

The counts tell a common noun from a name or a verb form where no library does Arabic
morphology: a noun that takes the article is in use with it («القصف»), a name is not
(«الداركود»); a broken plural's singular is in use (figures' units).
"""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def _word_counts() -> dict[str, int]:
    from akhbar.config import RESOURCES

    out: dict[str, int] = {}
    with open(RESOURCES / "ner" / "clusters.tsv", encoding="utf-8") as f:
        for line in f:
            word, n = line.split("\t", 2)[:2]
            out[word] = int(n)
    return out


def word_count(w: str) -> int:
    """Uses of ``w`` (folded with :func:`akhbar.text.fold_match`) in SaudiNewsNet; 0 when unknown."""
    from akhbar.text import fold_match

    return _word_counts().get(fold_match(w), 0)
