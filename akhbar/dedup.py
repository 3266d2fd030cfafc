"""Near-duplicate paragraphs across (and within) documents.

Paragraphs are compared as sets of word shingles of their *normalised* text
(:func:`akhbar.text.fold_match`, punctuation removed, the conjunction «و»
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
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from akhbar.text import collapse_spaces, fold_match

if TYPE_CHECKING:
    import pyarrow as pa

# 64 permutations (14 bands of 4 rows at the 0.5 query threshold): on 14k SaudiNewsNet
# paragraphs it found 246 of the 247 links 128 did, with half the index memory.
NUM_PERM = 64
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
    return collapse_spaces(_NON_WORD.sub(" ", fold_match(text))).split()


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


def _band_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) that ``datasketch.MinHashLSH`` picks for ``threshold``."""
    params = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return params.b, params.r


def _band_keys(mh: MinHash, bands: int, rows: int) -> list[int]:
    hv = mh.hashvalues
    return [hash(hv[i * rows : (i + 1) * rows].tobytes()) for i in range(bands)]


def _shared(keys: np.ndarray) -> np.ndarray:
    """Per paragraph and band (``keys``: one row per paragraph, one column per band): whether
    another paragraph falls in the same bucket of that band."""
    shared = np.zeros(keys.shape, dtype=bool)
    for b in range(keys.shape[1]):
        _, inverse, counts = np.unique(keys[:, b], return_inverse=True, return_counts=True)
        shared[:, b] = counts[inverse.ravel()] > 1
    return shared


BUCKET_CAP = 16
Paragraphs = Callable[[], Iterable[tuple[str, int, str]]]


def find_near_duplicates(
    paragraphs: Iterable[tuple[str, int, str]], threshold: float = 0.7
) -> list[DuplicateLink]:
    """Links from each later near-duplicate paragraph to its first occurrence.

    ``paragraphs``: ``(doc_id, paragraph_idx, text)`` in first-occurrence-first order.
    ``threshold``: minimal Jaccard similarity of the word-shingle sets.
    """
    items = paragraphs if isinstance(paragraphs, Sequence) else list(paragraphs)
    return near_duplicates_of(lambda: items, threshold)


def near_duplicates_of(paragraphs: Paragraphs, threshold: float = 0.7) -> list[DuplicateLink]:
    """:func:`find_near_duplicates` over ``paragraphs()``, which is read twice.

    LSH banding over MinHash signatures with *bounded* buckets (``datasketch.MinHashLSH``'s
    band parameters; its buckets are unbounded sets, so a corpus of templated paragraphs
    («نتائج الجولة رقم 1…», «رقم 2…») that all share bands makes every query return every
    earlier paragraph — quadratic).  Links point at the *first* occurrence, so a bucket
    keeps the first ``BUCKET_CAP`` paragraphs indexed in it.  A paragraph is indexed when it
    is not a near-duplicate of an earlier indexed one; the candidates of a paragraph are the
    indexed paragraphs before it in its buckets, earliest first, and the first whose exact
    Jaccard reaches ``threshold`` is its first occurrence.

    The first reading keeps each judged paragraph's band keys (8 bytes a band); a bucket
    only one paragraph falls in gives no candidate to anyone, so the second reading builds
    buckets, and keeps shingle hashes, for the paragraphs that share a bucket alone (on
    SaudiNewsNet a dict entry per band and paragraph, and the shingle hashes of every
    paragraph, held about 480 MB).
    """
    bands, rows = _band_params(max(0.1, threshold - _LSH_MARGIN), NUM_PERM)
    keys = array("q")  # bands per judged paragraph
    where = array("q")  # each judged paragraph's position among all paragraphs read
    for pos, (_doc_id, _par_idx, text) in enumerate(paragraphs()):
        words = _words(text)
        if len(words) >= MIN_WORDS:
            keys.extend(_band_keys(minhash_of(shingles(text, words=words)), bands, rows))
            where.append(pos)
    if not where:
        return []
    key_rows = np.frombuffer(keys, dtype=np.int64).reshape(len(where), bands)
    shared = _shared(key_rows)
    todo = {where[j]: j for j in np.flatnonzero(shared.any(axis=1)).tolist()}  # position -> judged number
    buckets: dict[tuple[int, int], list[int]] = {}  # (band, key) -> judged numbers indexed there
    kept: dict[int, tuple[str, int, np.ndarray]] = {}  # judged number -> (doc, par, shingle hashes)
    links: list[DuplicateLink] = []
    for pos, (doc_id, par_idx, text) in enumerate(paragraphs()):
        j = todo.get(pos)
        if j is None:
            continue
        mine = [(b, int(key_rows[j, b])) for b in np.flatnonzero(shared[j]).tolist()]
        found: set[int] = set()
        for bucket in mine:
            found.update(buckets.get(bucket, ()))
        packed = _packed(shingles(text, words=_words(text)))
        best: tuple[int, float] | None = None
        for order in sorted(found):  # earliest first: the first match above threshold wins
            sim = _jaccard_packed(packed, kept[order][2])
            if sim >= threshold:
                best = (order, sim)
                break
        if best is not None:
            d, p, _ = kept[best[0]]
            links.append(DuplicateLink(doc_id, par_idx, d, p, round(best[1], 4)))
            continue
        for bucket in mine:
            members = buckets.setdefault(bucket, [])
            if len(members) < BUCKET_CAP:
                members.append(j)
        kept[j] = (doc_id, par_idx, packed)
    return links


__all__ = ["DuplicateLink", "find_near_duplicates", "paragraph_signatures", "shingles"]


def duplicate_table(docs: pa.Table | None) -> pa.Table:
    """The ``duplicates`` table of every stored document (``doc_id``, ``clean_text``,
    ``published_at``, ``ingested_at``): each paragraph linked to the earliest near-identical
    paragraph of an earlier document, checked against the contract."""
    from akhbar.schemas import validate_table

    links: list[DuplicateLink] = []
    if docs is not None and docs.num_rows:
        import pyarrow.compute as pc

        # the order as indices: sorting the table itself would copy every clean_text
        order = pc.sort_indices(docs, sort_keys=[("published_at", "ascending"), ("ingested_at", "ascending"),
                                                 ("doc_id", "ascending")]).to_pylist()
        ids, texts = docs.column("doc_id"), docs.column("clean_text")

        def paragraphs() -> Iterator[tuple[str, int, str]]:
            # texts are turned into Python strings one document at a time, not all at once
            for k in order:
                doc_id = ids[k].as_py()
                for i, para in enumerate(texts[k].as_py().split("\n")):
                    yield doc_id, i, para

        links = near_duplicates_of(paragraphs)
    rows = [
        {
            "doc_id": link.doc_id,
            "paragraph_idx": link.paragraph_idx,
            "dup_of_doc_id": link.dup_of_doc_id,
            "dup_of_paragraph_idx": link.dup_of_paragraph_idx,
            "similarity": float(link.similarity),
        }
        for link in links
    ]
    table, failures = validate_table("duplicates", rows)
    if failures:
        raise RuntimeError(f"duplicate links do not fit the contract: {[f.reason for f in failures][:3]}")
    return table
