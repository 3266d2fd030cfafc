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
import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from akhbar.config import RESOURCES

from akhbar.schemas import validate_table
from akhbar.store import Store

if TYPE_CHECKING:
    from akhbar.stories import StoryState

# akhbar.stories (scikit-learn: about 25 MB in a process) is imported by the step itself,
# at the end of a run: the flow's process does not hold it while the batches run

log = logging.getLogger(__name__)
# documents within one comparison window that the step places at most (31,030 SaudiNewsNet
# articles over 25 days have 6,340 in their densest three days, by scrape time)
MAX_WINDOW_DOCS = 20_000
# documents clustered at once (their vectors and similarities are what the step holds)
CHUNK_DOCS = 2000

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


def update_stories(store: Store, chunk: int = CHUNK_DOCS) -> tuple[int, int]:
    """Place every document without a story; returns (documents placed, stories in total).

    The documents are clustered ``chunk`` at a time in their processing order ((time,
    doc_id), as :func:`akhbar.stories.assign_stories` orders them), the state carried from
    one chunk to the next: the stories are those of one call on all of them (a document is
    compared only with documents before it, and between chunks the state keeps every
    document within the window of the next chunk's first one, ``upcoming``, as well as
    those within the window of the newest one).  What is held at once: the documents'
    times, titles and leads (the only words the clustering reads), and one chunk's vectors
    and entity ids; ``clean_text`` is read in record batches and dropped once its lead is
    cut."""
    from akhbar.stories import (StoryDocument, StoryParams, StoryState, assign_stories, lead, processing_order,
                                story_rows, story_time)

    dtab = store.delta("documents")
    if dtab is None:
        return 0, _count(store)
    documents = dtab.to_pyarrow_dataset()  # one snapshot for both reads
    undecided = pc.field("story_id").is_null()
    rows = documents.to_table(columns=["doc_id", "source", "published_at", "scraped_at", "ingested_at"],
                              filter=undecided).to_pylist()
    if not rows:
        return 0, _count(store)
    undated_at = _undated_times(rows)
    when = {r["doc_id"]: story_time(r["published_at"], r["scraped_at"], undated_at.get(r["source"], r["ingested_at"]))
            for r in rows}
    source = {r["doc_id"]: r["source"] for r in rows}
    del rows
    params = StoryParams()
    crowded = _densest_window(list(when.values()), params.window_days)
    if crowded > MAX_WINDOW_DOCS:
        # every document of a window is compared with every other: a bulk of undated or
        # same-day documents (one scrape of a whole archive, 100,000 one-line records) would
        # take hours and gigabytes, and time could not tell its events apart anyway
        log.warning("stories: %d documents fall within %g days of each other (limit %d): not placed, "
                    "documents.story_id stays null", crowded, params.window_days, MAX_WINDOW_DOCS)
        return 0, _count(store)
    if store.exists("story_state"):
        state = StoryState.from_tables({t: store.read_table(t) for t in STATE_TABLES if store.exists(t)})
    else:
        state = initial_state()

    ids = pa.array(sorted(when), pa.string())
    ents = store.read_table("entities", ["doc_id", "entity_id"])
    if ents is not None and ents.num_rows:
        ents = ents.filter(pc.and_(pc.is_in(ents.column("doc_id"), value_set=ids), pc.is_valid(ents.column("entity_id"))))
        ents = ents.filter(pc.not_equal(ents.column("entity_id"), ""))
    dup_of: dict[str, set[str]] = defaultdict(set)
    dups = store.read_table("duplicates", ["doc_id", "dup_of_doc_id"])
    if dups is not None and dups.num_rows:
        for a, b in zip(dups.column("doc_id").to_pylist(), dups.column("dup_of_doc_id").to_pylist()):
            if a != b:
                dup_of[a].add(b)
                dup_of[b].add(a)
    del dups

    # the title and lead of each document: clean_text read in record batches, cut at once
    title: dict[str, str | None] = {}
    text: dict[str, str] = {}
    scan = documents.scanner(columns=["doc_id", "title", "clean_text"], filter=undecided, batch_size=1024,
                             batch_readahead=2, fragment_readahead=2)
    for rb in scan.to_batches():
        for doc_id, t, body in zip(rb.column(0).to_pylist(), rb.column(1).to_pylist(), rb.column(2).to_pylist()):
            title[doc_id] = t
            text[doc_id] = lead(body or "", params.lead_words)
    del scan, documents

    order = sorted(when, key=lambda d: processing_order(when[d], d))
    placed_ids: list[str] = []
    placed_stories: list[str] = []
    for k in range(0, len(order), chunk):
        part = order[k:k + chunk]
        entity_ids: dict[str, list[str]] = defaultdict(list)
        if ents is not None and ents.num_rows:
            mine = ents.filter(pc.is_in(ents.column("doc_id"), value_set=pa.array(part, pa.string())))
            for doc_id, entity_id in zip(mine.column("doc_id").to_pylist(), mine.column("entity_id").to_pylist()):
                entity_ids[doc_id].append(entity_id)
        batch = [StoryDocument(d, source[d], when[d], title[d], text[d], tuple(entity_ids.get(d, ())),
                               tuple(sorted(dup_of.get(d, ())))) for d in part]
        upcoming = when[order[k + chunk]] if k + chunk < len(order) else None
        update = assign_stories(batch, state, params, upcoming)
        state = update.state
        placed_ids.extend(a.doc_id for a in update.assignments)
        placed_stories.extend(a.story_id for a in update.assignments)
        del batch, update
    del ents, title, text, when, source, dup_of
    placed = pa.table({"doc_id": pa.array(placed_ids, pa.string()), "story_id": pa.array(placed_stories, pa.string())})
    del placed_ids, placed_stories
    stories, failures = validate_table("stories", story_rows(state))
    if failures:
        raise RuntimeError(f"story rows do not fit the contract: {[f.reason for f in failures][:3]}")
    # state first, then the public tables: a crash in between leaves nulls the next run
    # fills from the state (a document the state knows keeps its story)
    for name, table in state.to_tables().items():
        store.write_whole(name, table)
    del state
    store.write_whole("stories", stories)
    store.set_story_ids(placed)
    return placed.num_rows, stories.num_rows


def _densest_window(times: list[dt.datetime], days: float) -> int:
    """The most documents whose times fall within ``days`` of each other."""
    times = sorted(t.timestamp() for t in times)
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
