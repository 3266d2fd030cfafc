"""Build the document-frequency prior of the stories step (akhbar/resources/stories/df_prior.npz).

The stories step weights terms by IDF over the documents seen so far.  A first run on a
handful of articles (the five seeds) has no useful frequencies: every shared word looks
rare.  The prior gives the step the document frequencies of SaudiNewsNet's 31,030
articles (title + lead terms, hashed as akhbar.stories hashes them); features seen in
fewer than ``--min-df`` articles are left out (they keep the corpus's own counts).

    python -m akhbar.training.build_story_prior [--data ../shared/data/saudinewsnet] [--min-df 3]
"""

from __future__ import annotations

import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from akhbar.stories import _HASHER, N_FEATURES, StoryParams, text_terms  # noqa: E402
from akhbar.training.corpus import iter_records  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.join(HERE, "..", "..", "..", "shared", "data", "saudinewsnet")
DEFAULT_OUT = os.path.join(HERE, "..", "resources", "stories", "df_prior.npz")


def articles(data: str):
    for rec in iter_records(data):
        yield rec.get("title") or None, rec.get("content") or ""


def _count(chunk: list[list[str]], df: np.ndarray) -> int:
    """Add the chunk's document frequencies to ``df``; returns its size."""
    if not chunk:
        return 0
    m = _HASHER.transform(chunk).tocsr()
    m.sum_duplicates()
    df += np.bincount(m.indices, minlength=N_FEATURES)
    return len(chunk)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--min-df", type=int, default=3)
    args = ap.parse_args()
    params = StoryParams()
    df = np.zeros(N_FEATURES, dtype=np.int64)
    n, chunk = 0, []
    for title, text in articles(args.data):
        chunk.append(text_terms(title, text, params.lead_words, params.title_weight))
        if len(chunk) == 2000:
            n += _count(chunk, df)
            chunk = []
    n += _count(chunk, df)
    keep = np.flatnonzero(df >= args.min_df)
    np.savez_compressed(args.out, feature=keep.astype(np.int32), df=df[keep].astype(np.int32), n_docs=np.int32(n))
    print(f"{n} articles, {keep.size} features with df >= {args.min_df} -> {args.out} ({os.path.getsize(args.out) / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
