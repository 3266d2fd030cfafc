"""The stories step over a store (akhbar.story_store, Store.set_story_ids): what it writes
is what the clustering of all the documents at once gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa

from akhbar.config import PIPELINE_VERSION
from akhbar.schemas import ARROW
from akhbar.store import Store

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 12, 1, tzinfo=UTC)


def _doc_rows(ids: list[str], **over) -> pa.Table:
    rows = [{"doc_id": i, "source_path": f"{i}.txt", "source": "s", "url": None, "title": f"عنوان {i}",
             "byline": None, "byline_person": None, "byline_outlet": None, "dateline_place": None, "section": None,
             "published_at": None, "updated_at": None, "scraped_at": None, "raw_text": f"نص {i}",
             "clean_text": f"نص {i}", "n_paragraphs": 1, "n_sentences": 1, "format": "txt", "run_id": "r",
             "ingested_at": NOW, "pipeline_version": PIPELINE_VERSION, "story_id": None, **over} for i in ids]
    return pa.Table.from_pylist(rows, schema=ARROW["documents"])


def _sorted(table: pa.Table) -> pa.Table:
    return table.sort_by([("doc_id", "ascending")])


def test_set_story_ids_rewrites_only_the_placed_rows(tmp_path: Path):
    store = Store(tmp_path)
    ids = [f"{i:016x}" for i in range(12)]
    # four batches (four data files), the doc_ids of each spread over the range
    for b in range(4):
        part = ids[b::4]
        done = {"story_id": "s" + "0" * 15} if b == 3 else {}  # the last batch already placed
        store.write_batch(f"r-{b}", {"documents": _doc_rows(part, **done)})
    before = _sorted(store.read_table("documents"))
    todo = [i for k, i in enumerate(ids) if k % 4 != 3]
    story = {d: f"s{k:015x}" for k, d in enumerate(todo)}
    placed = pa.table({"doc_id": list(story), "story_id": list(story.values())})
    store.set_story_ids(placed, chunk=4)  # several overwrites
    after = _sorted(store.read_table("documents"))
    assert after.num_rows == len(ids)
    assert after.drop_columns(["story_id"]).equals(before.drop_columns(["story_id"]))
    expect = [story.get(d, "s" + "0" * 15) for d in after.column("doc_id").to_pylist()]
    assert after.column("story_id").to_pylist() == expect
    assert after.schema == pa.schema(ARROW["documents"])
