"""Stories (akhbar.stories) on real text.

* seeds/: five outlets on North Korean troops in Russia (October 2024);
* tests/fixtures/stories_pairs.jsonl: both articles of eight hand-labelled SaudiNewsNet pairs
  taken from benchmarks/gold/stories/pairs_dev.jsonl (four "same event", four "different
  events", none of the "against the grain" ones; ``pair`` is the annotator's reason;
  SaudiNewsNet is CC BY-NC-SA 4.0);
* tests/fixtures/saudinewsnet_sample.jsonl: 25 other SaudiNewsNet articles, clustered first as
  the corpus seen before (their document frequencies weight the words, as a running
  pipeline's state would).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections import defaultdict
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from akhbar import pipeline
from akhbar.clean import clean_document
from akhbar.ingest import RawInput, doc_id_for, ingest_unit
from akhbar.schemas.stories import ARROW, Stories
from akhbar.stories import (
    StoryDocument,
    StoryState,
    assign_stories,
    story_id_for,
    story_rows,
    story_time,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
UTC = dt.timezone.utc
# the seed files carry no date but 003's dateline (28.10.2024 12:56 GMT); the others are
# placed on that day, as a run on the day they were scraped would place them
SEED_DAY = dt.datetime(2024, 10, 28, 12, 0, tzinfo=UTC)


def _document(unit: RawInput, when: dt.datetime | None = None, source: str | None = None,
              entity_ids: tuple[str, ...] = ()) -> StoryDocument:
    raw = ingest_unit(unit)
    clean = clean_document(raw)
    at = story_time(clean.published_at or raw.published_at, raw.scraped_at, when or SEED_DAY)
    return StoryDocument(doc_id_for(raw.raw_text), source or raw.source, at, clean.title, clean.clean_text, entity_ids)


def _records(name: str) -> list[dict]:
    return [json.loads(line) for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def background() -> StoryState:
    docs = [_document(RawInput(f"sample#{i}", "json", rec)) for i, rec in enumerate(_records("saudinewsnet_sample.jsonl"))]
    return assign_stories(docs).state


@pytest.fixture(scope="module")
def pairs() -> list[tuple[dict, StoryDocument]]:
    return [(rec, _document(RawInput(f"{rec['zip']}#{rec['idx']}", "json", rec)))
            for rec in _records("stories_pairs.jsonl")]


@pytest.fixture(scope="module")
def seed_states() -> list[pipeline.DocState]:
    """The seeds through the pipeline's clean, split and entity stages (default model)."""
    states = []
    for f in sorted((ROOT / "seeds").glob("*.txt")):
        raw = ingest_unit(RawInput(str(f), "txt", f.read_bytes(), "seeds"))
        states.append(pipeline.DocState(doc_id_for(raw.raw_text), raw, clean=clean_document(raw)))
    return pipeline.extract_entities_batch(pipeline.split_batch(states))


def _seeds(states: list[pipeline.DocState], entities: bool = True, shift: dt.timedelta = dt.timedelta(0)):
    out = []
    for st in states:
        name = Path(st.raw.source_path).name[:3]  # 000..004: one outlet each
        when = story_time(st.clean.published_at, None, SEED_DAY) + shift
        ents = tuple(m.entity_id for _, m in st.mentions if m.entity_id) if entities else ()
        out.append(StoryDocument(st.doc_id, f"seed{name}", when, st.clean.title, st.clean.clean_text, ents))
    return out


def _by_day(docs: list[StoryDocument]) -> list[list[StoryDocument]]:
    days = defaultdict(list)
    for d in docs:
        days[d.time.date()].append(d)
    return [days[k] for k in sorted(days)]


def _run_daily(docs: list[StoryDocument], state: StoryState | None = None) -> tuple[dict[str, str], StoryState]:
    story = {}
    for batch in _by_day(docs):
        upd = assign_stories(batch, state)
        state = upd.state
        story.update({a.doc_id: a.story_id for a in upd.assignments})
    return story, state


# --------------------------------------------------------------------------- real events


def test_the_five_seed_articles_form_one_story(background, seed_states):
    docs = _seeds(seed_states)
    upd = assign_stories(docs, background)
    assert len({a.story_id for a in upd.assignments}) == 1
    (row,) = story_rows(upd.state, {upd.assignments[0].story_id})
    assert row["n_documents"] == 5 and row["n_sources"] == 5
    # the story's leading entity is one every seed article mentions (Russia / North Korea)
    assert all(row["top_entity_ids"][0] in d.entity_ids for d in docs)
    # the story is named after its first document in time (the undated seeds sit at 12:00)
    first = min(docs, key=lambda d: (d.time, d.doc_id))
    assert row["story_id"] == story_id_for(first.doc_id)
    assert row["title"] == first.title


def test_seed_articles_on_the_same_statement_join_without_entities(background, seed_states):
    # 000 and 002: NATO's Rutte on North Korean troops sent to Russia, two outlets, same day.
    # Text alone is weaker evidence than the entities: the other three may stay apart.
    docs = _seeds(seed_states, entities=False)
    story = {d.source: a.story_id for d, a in zip(docs, assign_stories(docs, background).assignments)}
    assert story["seed000"] == story["seed002"]


def test_labelled_pairs_same_and_different_events(background, pairs):
    story, _ = _run_daily([d for _, d in pairs], background)
    by_pair = defaultdict(list)
    for rec, d in pairs:
        by_pair[rec["pair"]].append((rec["same_event"], story[d.doc_id]))
    assert len(by_pair) == 8
    for reason, ((same, sa), (_, sb)) in by_pair.items():
        assert (sa == sb) == same, reason


def test_different_events_at_the_same_time_do_not_merge(background, pairs, seed_states):
    # the seed story moved onto the day of the Asir mosque bombing: same window, other event
    asir = [d for rec, d in pairs if rec["pair"].startswith("same incident: suicide bomber")]
    shift = asir[0].time.replace(hour=12, minute=0) - SEED_DAY
    docs = [*asir, *_seeds(seed_states, shift=shift)]
    story, _ = _run_daily(docs, background)
    assert len({story[d.doc_id] for d in asir}) == 1
    assert not {story[d.doc_id] for d in asir} & {story[d.doc_id] for d in docs[len(asir):]}


def test_a_syndicated_paragraph_joins_related_reports_not_unrelated_ones(background, pairs):
    first, second = sorted((d for rec, d in pairs if rec["pair"].startswith("different gold sessions")),
                           key=lambda d: d.time)
    asir = next(d for rec, d in pairs if rec["pair"].startswith("same incident: suicide bomber"))
    psg = next(d for rec, d in pairs if rec["pair"].startswith("different matches"))
    # gold market reports of two sessions (7 and 10 Aug): different events, related text; a
    # syndicated paragraph (the duplicates table) makes them one
    assert first.source != second.source and asir.source != psg.source
    linked = StoryDocument(**{**_fields(second), "duplicate_of": (first.doc_id,)})
    plain = assign_stories([first, second], background).assignments
    joined = assign_stories([first, linked], background).assignments
    assert plain[0].story_id != plain[1].story_id
    assert joined[0].story_id == joined[1].story_id and joined[1].evidence == "duplicate"
    # the same paragraph within one outlet is its own background text, not syndication
    own = StoryDocument(**{**_fields(linked), "source": first.source})
    out = assign_stories([first, own], background).assignments
    assert out[0].story_id != out[1].story_id
    # a paragraph shared by a bombing report and a football report is not evidence of one event
    psg_now = StoryDocument(**{**_fields(psg), "time": asir.time, "duplicate_of": (asir.doc_id,)})
    out = assign_stories([asir, psg_now], background).assignments
    assert out[0].story_id != out[1].story_id


def _fields(d: StoryDocument) -> dict:
    return {f: getattr(d, f) for f in StoryDocument.__dataclass_fields__}


# --------------------------------------------------------------------------- incrementality and ids


def _all_docs(pairs, seed_states) -> list[StoryDocument]:
    sample = [_document(RawInput(f"sample#{i}", "json", rec)) for i, rec in enumerate(_records("saudinewsnet_sample.jsonl"))]
    return sample + [d for _, d in pairs] + _seeds(seed_states)


def _through_parquet(state: StoryState) -> StoryState:
    """The state as the flow would keep it between runs: Parquet files, read back."""
    tables = {}
    for name, table in state.to_tables().items():
        buf = io.BytesIO()
        pq.write_table(table, buf)
        tables[name] = pq.read_table(io.BytesIO(buf.getvalue()))
    return StoryState.from_tables(tables)


def test_two_batches_give_the_stories_of_one_batch(pairs, seed_states):
    docs = _all_docs(pairs, seed_states)
    one = assign_stories(docs)
    # cut between the two reports of the third relief flight to Aden (24 and 25 July 2015):
    # the later one must find the story of the earlier one in the stored state
    flight = sorted((d for rec, d in pairs if rec["pair"].startswith("same flight: third")), key=lambda d: d.time)
    cut = flight[1].time
    early = [d for d in docs if d.time < cut]
    late = [d for d in docs if d.time >= cut]
    part1 = assign_stories(early)
    part2 = assign_stories(late[::-1], _through_parquet(part1.state))  # input order does not matter
    two = {a.doc_id: a.story_id for a in part1.assignments + part2.assignments}
    assert two == {a.doc_id: a.story_id for a in one.assignments}
    assert story_rows(part2.state) == story_rows(one.state)
    # not only the same decisions: the same scores (each document weighted with the same
    # document frequencies) and the same state
    assert sorted((a.doc_id, a.evidence, a.score) for a in part1.assignments + part2.assignments) == sorted(
        (a.doc_id, a.evidence, a.score) for a in one.assignments)
    assert part2.state.to_tables()["story_df"].equals(one.state.to_tables()["story_df"])
    joined = next(a for a in part2.assignments if a.doc_id == flight[1].doc_id)
    assert joined.evidence == "text" and joined.story_id == two[flight[0].doc_id]


def test_rerun_gives_the_same_ids(pairs, seed_states):
    docs = _all_docs(pairs, seed_states)
    a = assign_stories(docs)
    b = assign_stories(list(reversed(docs)))
    assert [x.story_id for x in a.assignments] == [y.story_id for y in reversed(b.assignments)]
    # the same documents again on top of the state: known, unchanged
    again = assign_stories(docs, _through_parquet(a.state))
    assert [x.evidence for x in again.assignments] == ["known"] * len(docs)
    assert [x.story_id for x in again.assignments] == [x.story_id for x in a.assignments]
    assert again.state.n_docs == a.state.n_docs and not again.changed


def test_story_id_is_the_first_documents(pairs):
    docs = [d for _, d in pairs]
    upd = assign_stories(docs)
    for sid, rec in upd.state.stories.items():
        members = sorted((d for d in docs if d.doc_id in rec.doc_ids), key=lambda d: (d.time, d.doc_id))
        assert sid == story_id_for(members[0].doc_id)
        assert rec.first_seen == members[0].time and rec.last_seen == members[-1].time


# --------------------------------------------------------------------------- contract


def test_story_rows_fit_the_schema(background, seed_states):
    upd = assign_stories(_seeds(seed_states), background)
    rows = story_rows(upd.state)
    table = pa.Table.from_pylist(rows, schema=ARROW)
    Stories.validate(table.to_pandas(), lazy=True)
    bad = dict(rows[0], top_entity_ids=["Russia"], n_sources=rows[0]["n_sources"] + 1)
    with pytest.raises(Exception, match="entity_ids_are_ids|sources_counted"):
        Stories.validate(pa.Table.from_pylist([bad], schema=ARROW).to_pandas(), lazy=True)


def test_contract_document_describes_story_id_on_documents():
    # the stories section's columns are checked against the code with every other table's
    # (tests/test_schemas.py::test_contract_document_matches_code); here: the link from documents
    doc = (ROOT / "docs" / "data-contract.md").read_text(encoding="utf-8")
    section = re.search(r"^## documents\n(.*?)(?=^## )", doc, re.S | re.M)
    assert section
    assert re.search(r"^\| story_id \| string \| yes \| .*`stories\.story_id`", section.group(1), re.M)


def test_story_time_prefers_the_most_precise_time():
    day = dt.datetime(2015, 8, 9, tzinfo=UTC)  # a dateline's date: midnight UTC in the contract
    fetched = dt.datetime(2015, 8, 9, 20, 45, 7, tzinfo=UTC)
    run = dt.datetime(2024, 1, 1, tzinfo=UTC)
    assert story_time(day, fetched, run) == fetched
    assert story_time(day, None, run) == day + dt.timedelta(hours=12)
    assert story_time(day, fetched + dt.timedelta(days=30), run) == day + dt.timedelta(hours=12)  # archive fetch
    precise = dt.datetime(2024, 10, 28, 12, 56, tzinfo=UTC)
    assert story_time(precise, fetched, run) == precise
    assert story_time(None, fetched, run) == fetched and story_time(None, None, run) == run
