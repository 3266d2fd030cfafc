"""The stories step over a store (akhbar.story_store, Store.set_story_ids): what it writes
is what the clustering of all the documents at once gives."""

from __future__ import annotations

import datetime as dt
import hashlib
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


# --------------------------------------------------------------------------- update_stories


def _articles() -> list[dict]:
    """The 41 SaudiNewsNet articles of tests/fixtures (sample and labelled pairs), cleaned,
    as ``documents`` rows; one has its times removed (placed by the step's undated rule)."""
    import json

    from akhbar.clean import clean_document
    from akhbar.ingest import RawInput, doc_id_for, ingest_unit

    fixtures = Path(__file__).resolve().parent / "fixtures"
    recs = [json.loads(line) for name in ("saudinewsnet_sample.jsonl", "stories_pairs.jsonl")
            for line in (fixtures / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = []
    for i, rec in enumerate(recs):
        raw = ingest_unit(RawInput(f"f#{i}", "json", rec))
        clean = clean_document(raw)
        rows.append({"doc_id": doc_id_for(raw.raw_text), "source": raw.source, "title": clean.title,
                     "clean_text": clean.clean_text, "published_at": clean.published_at or raw.published_at,
                     "scraped_at": raw.scraped_at})
    rows[7]["published_at"] = rows[7]["scraped_at"] = None
    return rows


def _store(folder: Path, arts: list[dict], batch: int = 6) -> Store:
    store = Store(folder)
    def eid(name: str) -> str:
        return "e" + hashlib.blake2b(name.encode(), digest_size=8).hexdigest()[:15]

    ents = {a["doc_id"]: [eid(a["source"]), eid("common"), None, "", eid(str(k % 3))] for k, a in enumerate(arts)}
    for b in range(0, len(arts), batch):
        part = arts[b:b + batch]
        docs = _doc_rows([a["doc_id"] for a in part])
        for col in ("source", "title", "clean_text", "published_at", "scraped_at"):
            docs = docs.set_column(docs.schema.get_field_index(col), docs.schema.field(col),
                                   pa.array([a[col] for a in part], docs.schema.field(col).type))
        entities = pa.table({"doc_id": pa.array([a["doc_id"] for a in part for _ in ents[a["doc_id"]]], pa.string()),
                             "entity_id": pa.array([e for a in part for e in ents[a["doc_id"]]], pa.string())})
        store.write_batch(f"r-{b}", {"documents": docs, "entities": entities})
    # a syndicated paragraph between two documents of other sources, and one within a source
    by_source: dict = {}
    for a in arts:
        by_source.setdefault(a["source"], []).append(a["doc_id"])
    (s1, d1), (s2, d2) = [(s, ids) for s, ids in sorted(by_source.items())][:2]
    store.write_whole("duplicates", pa.table({"doc_id": [d1[0], d1[0]], "dup_of_doc_id": [d2[0], d1[1]]}))
    return store


def _reference(arts: list[dict], store: Store):
    """What the step wrote before it was cut in chunks: every document at once, with its
    whole clean_text, through one assign_stories call."""
    from collections import defaultdict

    from akhbar.schemas import validate_table
    from akhbar.story_store import _undated_times, initial_state
    from akhbar.stories import StoryDocument, assign_stories, story_rows, story_time

    rows = [{**a, "ingested_at": NOW} for a in arts]
    undated = _undated_times(rows)
    ents = store.read_table("entities", ["doc_id", "entity_id"])
    entity_ids = defaultdict(list)
    for d, e in zip(ents.column("doc_id").to_pylist(), ents.column("entity_id").to_pylist()):
        if e:
            entity_ids[d].append(e)
    dups = store.read_table("duplicates")
    dup_of = defaultdict(set)
    for a, b in zip(dups.column("doc_id").to_pylist(), dups.column("dup_of_doc_id").to_pylist()):
        dup_of[a].add(b)
        dup_of[b].add(a)
    docs = [StoryDocument(r["doc_id"], r["source"],
                          story_time(r["published_at"], r["scraped_at"], undated.get(r["source"], NOW)),
                          r["title"], r["clean_text"], tuple(entity_ids[r["doc_id"]]), tuple(sorted(dup_of[r["doc_id"]])))
            for r in rows]
    upd = assign_stories(docs, initial_state())
    stories, _ = validate_table("stories", story_rows(upd.state))
    return {a.doc_id: a.story_id for a in upd.assignments}, stories, upd.state.to_tables()


def test_update_stories_in_chunks_writes_the_stories_of_one_call(tmp_path: Path):
    from akhbar.story_store import STATE_TABLES, update_stories

    arts = _articles()
    assert len({a["doc_id"] for a in arts}) == len(arts) == 41
    ref_story, ref_stories, ref_state = _reference(arts, _store(tmp_path / "ref", arts))
    assert ref_stories.num_rows < len(arts), "some documents join a story"
    for chunk in (3, 10, 1000):
        store = _store(tmp_path / f"c{chunk}", arts)
        assert update_stories(store, chunk=chunk) == (len(arts), ref_stories.num_rows)
        docs = store.read_table("documents", ["doc_id", "story_id"])
        assert dict(zip(docs.column("doc_id").to_pylist(), docs.column("story_id").to_pylist())) == ref_story
        assert _sorted_by(store.read_table("stories"), "story_id").equals(_sorted_by(ref_stories, "story_id"))
        for name in STATE_TABLES:
            key = {"story_state": "story_id", "story_recent": "doc_id", "story_df": "feature"}[name]
            assert _sorted_by(store.read_table(name), key).equals(_sorted_by(ref_state[name], key)), (chunk, name)
        # a second run has nothing to place and leaves the stories as they are
        assert update_stories(store, chunk=chunk) == (0, ref_stories.num_rows)


def _sorted_by(table: pa.Table, key: str) -> pa.Table:
    return table.sort_by([(key, "ascending")])
