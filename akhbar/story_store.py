"""The stories step over the stored tables: read what it needs, place the documents that
have no story yet, write ``stories`` and ``documents.story_id``, keep the state.

The clustering itself is :mod:`akhbar.stories` (pure).  Its state between runs lives in
three internal Delta tables (``story_state``, ``story_recent``, ``story_df``; not part of
the data contract).  Every document whose ``story_id`` is null is placed: the new ones of
this run, and documents whose rows a new pipeline version replaced (they keep the story
the state remembers).  A crash before this step leaves nulls that the next run fills.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from akhbar.config import RESOURCES

from akhbar.schemas import validate_table
from akhbar.store import Store

if TYPE_CHECKING:
    from akhbar.stories import StoryDocument, StoryState

# akhbar.stories (scikit-learn: about 25 MB in a process) is imported by the step itself,
# at the end of a run: the flow's process does not hold it while the batches run

log = logging.getLogger(__name__)
# documents within one comparison window that the step places at most (31,030 SaudiNewsNet
# articles over 25 days have 6,340 in their densest three days, by scrape time)
MAX_WINDOW_DOCS = 20_000

STATE_TABLES = ("story_state", "story_recent", "story_df")
PRIOR = RESOURCES / "stories" / "df_prior.npz"  # built by python -m akhbar.training.build_story_prior


def initial_state() -> StoryState:
    """The state of a first run: no story yet, and the document frequencies of SaudiNewsNet
    as a prior, so that a run on a few articles weighs words as a large corpus would."""
    from akhbar.stories import StoryState

    state = StoryState.empty()
    if PRIOR.exists():
        with np.load(PRIOR) as prior:
            state.df[prior["feature"]] = prior["df"]
            state.n_docs = int(prior["n_docs"])
    return state


def update_stories(store: Store) -> tuple[int, int]:
    """Place every document without a story; returns (documents placed, stories in total)."""
    from akhbar.stories import StoryDocument, StoryParams, StoryState, assign_stories, story_rows, story_time

    docs = store.read_table("documents", ["doc_id", "source", "published_at", "scraped_at", "ingested_at", "title",
                                          "clean_text", "story_id"])
    if docs is None:
        return 0, _count(store)
    docs = docs.filter(pc.is_null(docs.column("story_id")))
    if not docs.num_rows:
        return 0, _count(store)
    ids = set(docs.column("doc_id").to_pylist())
    if store.exists("story_state"):
        state = StoryState.from_tables({t: store.read_table(t) for t in STATE_TABLES if store.exists(t)})
    else:
        state = initial_state()

    entity_ids: dict[str, list[str]] = defaultdict(list)
    ents = store.read_table("entities", ["doc_id", "entity_id"])
    if ents is not None and ents.num_rows:
        ents = ents.filter(pc.is_in(ents.column("doc_id"), pa.array(sorted(ids))))
        for doc_id, entity_id in zip(ents.column("doc_id").to_pylist(), ents.column("entity_id").to_pylist()):
            if entity_id:
                entity_ids[doc_id].append(entity_id)
    dup_of: dict[str, set[str]] = defaultdict(set)
    dups = store.read_table("duplicates", ["doc_id", "dup_of_doc_id"])
    if dups is not None and dups.num_rows:
        for a, b in zip(dups.column("doc_id").to_pylist(), dups.column("dup_of_doc_id").to_pylist()):
            if a != b:
                dup_of[a].add(b)
                dup_of[b].add(a)

    rows = docs.to_pylist()
    undated_at = _undated_times(rows)
    batch = [
        StoryDocument(r["doc_id"], r["source"],
                      story_time(r["published_at"], r["scraped_at"], undated_at.get(r["source"], r["ingested_at"])),
                      r["title"], r["clean_text"] or "", tuple(entity_ids.get(r["doc_id"], ())),
                      tuple(sorted(dup_of.get(r["doc_id"], ()))))
        for r in rows
    ]
    crowded = _densest_window(batch, StoryParams().window_days)
    if crowded > MAX_WINDOW_DOCS:
        # every document of a window is compared with every other: a bulk of undated or
        # same-day documents (one scrape of a whole archive, 100,000 one-line records) would
        # take hours and gigabytes, and time could not tell its events apart anyway
        log.warning("stories: %d documents fall within %g days of each other (limit %d): not placed, "
                    "documents.story_id stays null", crowded, StoryParams().window_days, MAX_WINDOW_DOCS)
        return 0, _count(store)
    update = assign_stories(batch, state)
    placed = pa.table({"doc_id": [a.doc_id for a in update.assignments],
                       "story_id": [a.story_id for a in update.assignments]})
    stories, failures = validate_table("stories", story_rows(update.state))
    if failures:
        raise RuntimeError(f"story rows do not fit the contract: {[f.reason for f in failures][:3]}")
    # state first, then the public tables: a crash in between leaves nulls the next run
    # fills from the state (a document the state knows keeps its story)
    for name, table in update.state.to_tables().items():
        store.write_whole(name, table)
    store.write_whole("stories", stories)
    store.set_story_ids(placed)
    return placed.num_rows, stories.num_rows


def _densest_window(docs: list[StoryDocument], days: float) -> int:
    """The most documents whose times fall within ``days`` of each other."""
    times = sorted(d.time.timestamp() for d in docs)
    span, best, lo = days * 86400.0, 0, 0
    for hi, t in enumerate(times):
        while t - times[lo] > span:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


def _undated_times(rows: list[dict]) -> dict:
    """Where a document with neither a publication nor a scrape time is placed: at the
    median time of the dated documents of its source among those being placed (a folder of
    articles scraped together, a few of them dated), else at its ingestion time.  Placing
    it at the ingestion time alone would put an article of 2024 read in 2026 two years away
    from the dated reports of the same event."""
    dated: dict = defaultdict(list)
    for r in rows:
        when = r["published_at"] or r["scraped_at"]
        if when is not None:
            dated[r["source"]].append(when)
    return {src: sorted(times)[len(times) // 2] for src, times in dated.items()}


def _count(store: Store) -> int:
    stories = store.read_table("stories", ["story_id"])
    return stories.num_rows if stories is not None else 0
