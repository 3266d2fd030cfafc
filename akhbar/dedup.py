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
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
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


def shingles(text: str, k: int = SHINGLE, words: list[str] | None = None) -> set[str]:
    words = _words(text) if words is None else words
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def _crc(data: bytes) -> int:
    return zlib.crc32(data)  # deterministic across processes, much faster than sha1


_TEMPLATE = MinHash(num_perm=NUM_PERM, hashfunc=_crc)


def minhash_of(shingle_set: set[str], num_perm: int = NUM_PERM) -> MinHash:
    if num_perm == NUM_PERM:  # reuse the permutations: building them dominates otherwise
        m = MinHash(
            num_perm=num_perm, hashfunc=_crc, permutations=_TEMPLATE.permutations, scheme=_TEMPLATE.scheme
        )
    else:
        m = MinHash(num_perm=num_perm, hashfunc=_crc)
    m.update_batch([s.encode("utf-8") for s in shingle_set])
    return m


def paragraph_signatures(doc_id: str, clean_text: str) -> list[tuple[int, MinHash]]:
    """(paragraph_idx, MinHash) for every paragraph long enough to judge.

    ``MinHash`` objects pickle; ``minhash.hashvalues`` is a uint64 array if a plain
    serialisable form is needed (``MinHash(num_perm, hashvalues=...)`` rebuilds it)."""
    out = []
    for idx, par in enumerate(clean_text.split("\n")):
        words = _words(par)
        if len(words) >= MIN_WORDS:
            out.append((idx, minhash_of(shingles(par, words=words))))
    return out


def _jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _packed(shingle_set: set[str]) -> np.ndarray:
    """A compact, sorted array of the shingles' hashes (kept for every indexed
    paragraph: strings would cost ~10× more memory on a large run)."""
    return np.unique(
        np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingle_set), dtype=np.int64, count=len(shingle_set))
    )


def _jaccard_packed(a: np.ndarray, b: np.ndarray) -> float:
    if not len(a) or not len(b):
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def find_near_duplicates(
    paragraphs: Iterable[tuple[str, int, str]], threshold: float = 0.7
) -> list[DuplicateLink]:
    """Links from each later near-duplicate paragraph to its first occurrence.

    ``paragraphs``: ``(doc_id, paragraph_idx, text)`` in first-occurrence-first order.
    ``threshold``: minimal Jaccard similarity of the word-shingle sets."""
    lsh = MinHashLSH(threshold=max(0.1, threshold - _LSH_MARGIN), num_perm=NUM_PERM)
    kept: dict[str, tuple[int, str, int, np.ndarray]] = {}  # key -> (order, doc, par, shingle hashes)
    links: list[DuplicateLink] = []
    for order, (doc_id, par_idx, text) in enumerate(paragraphs):
        words = _words(text)
        if len(words) < MIN_WORDS:
            continue
        sh = shingles(text, words=words)
        mh = minhash_of(sh)
        packed = _packed(sh)
        best: tuple[int, str, int, float] | None = None
        for key in lsh.query(mh):
            o, d, p, other = kept[key]
            sim = _jaccard_packed(packed, other)
            if sim >= threshold and (best is None or o < best[0]):
                best = (o, d, p, sim)
        if best is not None:
            links.append(DuplicateLink(doc_id, par_idx, best[1], best[2], round(best[3], 4)))
            continue
        key = f"{order}"
        kept[key] = (order, doc_id, par_idx, packed)
        lsh.insert(key, mh)
    return links


__all__ = ["DuplicateLink", "find_near_duplicates", "paragraph_signatures", "shingles"]
