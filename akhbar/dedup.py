"""Near-duplicate paragraphs across (and within) documents.

Paragraphs are compared as sets of word shingles of their *normalised* text
(:func:`akhbar.normalize.normalize`, punctuation removed, the conjunction «و»
and the preposition prefix «ل/ب» are not stripped: only exact normalised words count).
Candidates come from a :class:`datasketch.MinHashLSH` index; each candidate pair is
then confirmed with the exact Jaccard similarity of the shingle sets, which is the
``similarity`` reported.  Input order is "first occurrence first": a later paragraph
links to the earliest indexed paragraph it near-duplicates, and duplicates are not
indexed themselves, so chains always point at the first occurrence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from akhbar.normalize import collapse_spaces, normalize

NUM_PERM = 128
SHINGLE = 2  # words per shingle
MIN_WORDS = 8  # shorter paragraphs are not judged
# LSH recall margin: the index is queried at a lower threshold than the one asked,
# and candidates are confirmed with exact Jaccard.
_LSH_MARGIN = 0.2

_NON_WORD = re.compile(r"[^\w\s]|_")


@dataclass(slots=True)
class DuplicateLink:
    doc_id: str
    paragraph_idx: int
    dup_of_doc_id: str
    dup_of_paragraph_idx: int
    similarity: float


def _words(text: str) -> list[str]:
    return collapse_spaces(_NON_WORD.sub(" ", normalize(text))).split()


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    words = _words(text)
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def minhash_of(shingle_set: set[str], num_perm: int = NUM_PERM) -> MinHash:
    m = MinHash(num_perm=num_perm)
    m.update_batch([s.encode("utf-8") for s in shingle_set])
    return m


def paragraph_signatures(doc_id: str, clean_text: str) -> list[tuple[int, MinHash]]:
    """(paragraph_idx, MinHash) for every paragraph long enough to judge.

    ``MinHash`` objects pickle; ``minhash.hashvalues`` is a uint64 array if a plain
    serialisable form is needed (``MinHash(num_perm, hashvalues=...)`` rebuilds it)."""
    out = []
    for idx, par in enumerate(clean_text.split("\n")):
        if len(_words(par)) >= MIN_WORDS:
            out.append((idx, minhash_of(shingles(par))))
    return out


def _jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def find_near_duplicates(
    paragraphs: Iterable[tuple[str, int, str]], threshold: float = 0.7
) -> list[DuplicateLink]:
    """Links from each later near-duplicate paragraph to its first occurrence.

    ``paragraphs``: ``(doc_id, paragraph_idx, text)`` in first-occurrence-first order.
    ``threshold``: minimal Jaccard similarity of the word-shingle sets."""
    lsh = MinHashLSH(threshold=max(0.1, threshold - _LSH_MARGIN), num_perm=NUM_PERM)
    kept: dict[str, tuple[int, str, int, set[str]]] = {}  # key -> (order, doc, par, shingles)
    links: list[DuplicateLink] = []
    for order, (doc_id, par_idx, text) in enumerate(paragraphs):
        if len(_words(text)) < MIN_WORDS:
            continue
        sh = shingles(text)
        mh = minhash_of(sh)
        best: tuple[int, str, int, float] | None = None
        for key in lsh.query(mh):
            o, d, p, other = kept[key]
            sim = _jaccard(sh, other)
            if sim >= threshold and (best is None or o < best[0]):
                best = (o, d, p, sim)
        if best is not None:
            links.append(DuplicateLink(doc_id, par_idx, best[1], best[2], round(best[3], 4)))
            continue
        key = f"{order}"
        kept[key] = (order, doc_id, par_idx, sh)
        lsh.insert(key, mh)
    return links


__all__ = ["DuplicateLink", "find_near_duplicates", "paragraph_signatures", "shingles"]
