"""How often a word is used in SaudiNewsNet (its match fold), from ``resources/ner/clusters.tsv``.

The counts tell a common noun from a name or a verb form where no library does Arabic
morphology: a noun that takes the article is in use with it («القصف»), a name is not
(«الداركود»); a broken plural's singular is in use (figures' units). The same table gives the
NER features their word clusters (:func:`akhbar.entities.features.load_clusters`): the file is
read once per process.
"""

from __future__ import annotations

import functools
import os


@functools.lru_cache(maxsize=1)
def corpus_words() -> dict[str, tuple[int, str, str, str]]:
    """word (match fold) -> (uses, fine, mid, coarse cluster id) from ``clusters.tsv``, built by
    ``akhbar/training/train_clusters.py``; empty if the file is absent."""
    from akhbar.config import RESOURCES

    return read_clusters(str(RESOURCES / "ner" / "clusters.tsv"))


def read_clusters(path: str) -> dict[str, tuple[int, str, str, str]]:
    """The rows of a clusters file (word, uses, fine, mid, coarse); empty if the file is absent."""
    out: dict[str, tuple[int, str, str, str]] = {}
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) == 5:
                out[p[0]] = (int(p[1]), p[2], p[3], p[4])
    return out


_UNKNOWN = (0, "", "", "")


def word_count(w: str) -> int:
    """Uses of ``w`` (folded with :func:`akhbar.text.fold_match`) in SaudiNewsNet; 0 when unknown."""
    from akhbar.text import fold_match

    return corpus_words().get(fold_match(w), _UNKNOWN)[0]
