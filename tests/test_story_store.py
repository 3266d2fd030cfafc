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


def _eid(name: str) -> str:
    return "e" + hashlib.blake2b(name.encode(), digest_size=8).hexdigest()[:15]


def _batch(part: list[dict]) -> dict[str, pa.Table]:
    """A batch's documents and entities rows (a few entity ids a document, a null and an
    empty one among them, which the step skips)."""
    docs = _doc_rows([a["doc_id"] for a in part])
    for col in ("source", "title", "clean_text", "published_at", "scraped_at"):
        docs = docs.set_column(docs.schema.get_field_index(col), docs.schema.field(col),
                               pa.array([a[col] for a in part], docs.schema.field(col).type))
    ents = {a["doc_id"]: [_eid(a["source"]), _eid("common"), None, "", _eid(a["doc_id"][:1])] for a in part}
    entities = pa.table({"doc_id": pa.array([a["doc_id"] for a in part for _ in ents[a["doc_id"]]], pa.string()),
                         "entity_id": pa.array([e for a in part for e in ents[a["doc_id"]]], pa.string())})
    return {"documents": docs, "entities": entities}


def _store(folder: Path, arts: list[dict], batch: int = 6, dup_arts: list[dict] | None = None) -> Store:
    store = Store(folder)
    for b in range(0, len(arts), batch):
        store.write_batch(f"r-{b}", _batch(arts[b:b + batch]))
    # a syndicated paragraph between two documents of other sources, and one within a source
    by_source: dict = {}
    for a in dup_arts or arts:
        by_source.setdefault(a["source"], []).append(a["doc_id"])
    (s1, d1), (s2, d2) = [(s, ids) for s, ids in sorted(by_source.items())][:2]
    store.write_whole("duplicates", pa.table({"doc_id": [d1[0], d1[0]], "dup_of_doc_id": [d2[0], d1[1]]}))
    return store


def _reference_docs(arts: list[dict], store: Store) -> list:
    """The documents as the step built them before it was cut in chunks: whole clean_text,
    entity ids and near-duplicates as stored."""
    from collections import defaultdict

    from akhbar.story_store import _undated_times
    from akhbar.stories import StoryDocument, story_time

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
    return [StoryDocument(r["doc_id"], r["source"],
                          story_time(r["published_at"], r["scraped_at"], undated.get(r["source"], NOW)),
                          r["title"], r["clean_text"], tuple(entity_ids[r["doc_id"]]), tuple(sorted(dup_of[r["doc_id"]])))
            for r in rows]


def _reference(docs: list, state=None):
    """What one assign_stories call on all the documents gives: (doc_id -> story_id,
    the stories table, the state tables)."""
    from akhbar.schemas import validate_table
    from akhbar.story_store import initial_state
    from akhbar.stories import assign_stories, story_rows

    upd = assign_stories(docs, state if state is not None else initial_state())
    stories, failures = validate_table("stories", story_rows(upd.state))
    assert not failures
    return {a.doc_id: a.story_id for a in upd.assignments}, stories, upd.state.to_tables()


def _check(store: Store, ref) -> None:
    from akhbar.story_store import STATE_TABLES

    ref_story, ref_stories, ref_state = ref
    docs = store.read_table("documents", ["doc_id", "story_id"])
    got = dict(zip(docs.column("doc_id").to_pylist(), docs.column("story_id").to_pylist()))
    assert {d: s for d, s in got.items() if d in ref_story} == ref_story
    assert _sorted_by(store.read_table("stories"), "story_id").equals(_sorted_by(ref_stories, "story_id"))
    for name in STATE_TABLES:
        key = {"story_state": "story_id", "story_recent": "doc_id", "story_df": "feature"}[name]
        assert _sorted_by(store.read_table(name), key).equals(_sorted_by(ref_state[name], key)), name


def _sorted_by(table: pa.Table, key: str) -> pa.Table:
    return table.sort_by([(key, "ascending")])


def test_update_stories_in_chunks_writes_the_stories_of_one_call(tmp_path: Path):
    from akhbar.story_store import update_stories

    arts = _articles()
    assert len({a["doc_id"] for a in arts}) == len(arts) == 41
    ref = _reference(_reference_docs(arts, _store(tmp_path / "ref", arts)))
    n_stories = ref[1].num_rows
    assert n_stories < len(arts), "some documents join a story"
    for chunk in (3, 10, 1000):
        store = _store(tmp_path / f"c{chunk}", arts)
        assert update_stories(store, chunk=chunk) == (len(arts), n_stories)
        _check(store, ref)
        # a second run has nothing to place and leaves the stories as they are
        assert update_stories(store, chunk=chunk) == (0, n_stories)
        _check(store, ref)


def test_late_documents_in_chunks_see_what_one_call_sees(tmp_path: Path):
    """A second run whose documents are older than the state's newest one (an archive
    ingested late, over more than a window): the chunks keep every document a later chunk
    can reach, not only those within the window of the newest one."""
    from akhbar.stories import StoryState
    from akhbar.story_store import STATE_TABLES, update_stories

    def when(a):
        return a["published_at"] or a["scraped_at"]

    arts = sorted((a for a in _articles() if when(a)), key=lambda a: (when(a), a["doc_id"]))
    late, first = arts[:-8], arts[-8:]
    assert when(late[-1]) - when(late[0]) > dt.timedelta(days=6), "the late documents span two windows"
    store = _store(tmp_path / "s", first, dup_arts=arts)
    update_stories(store)
    for b in range(0, len(late), 6):
        store.write_batch(f"late-{b}", _batch(late[b:b + 6]))
    state = StoryState.from_tables({t: store.read_table(t) for t in STATE_TABLES})
    ref = _reference(_reference_docs(late, store), state)
    assert update_stories(store, chunk=3) == (len(late), ref[1].num_rows)
    _check(store, ref)
