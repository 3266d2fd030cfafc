"""Stories and disputed figures as an analyst reads them after a run on the seeds: the five
articles about North Korean troops in Russia are one story, and the troop counts its
outlets give are one dispute with their claimants, without Rutte's Russian casualties."""

from __future__ import annotations

from pathlib import Path

import pytest

from akhbar.catalog import query

pytestmark = pytest.mark.slow


def _q(out: Path, sql: str) -> list[tuple]:
    return query(out / "akhbar.duckdb", sql)[1]


def test_the_seeds_are_one_story(seeds_output: Path):
    assert _q(seeds_output, "select n_documents from stories") == [(5,)]
    assert _q(seeds_output, "select count(*), count(story_id), count(distinct story_id) from documents") == [(5, 5, 1)]


def test_the_troop_counts_are_one_dispute_with_their_claimants(seeds_output: Path):
    rows = _q(seeds_output, "select dispute_id, value, claimed_by, doc_id, subject_key from disputed_figures")
    troops = [r for r in rows if r[1] in (1500, 3000, 10000, 12000)]
    assert len({r[0] for r in troops}) == 1, "one dispute for the North Korean troops"
    assert {1500, 10000, 12000} <= {r[1] for r in troops} and len({r[3] for r in troops}) >= 3
    assert any("زيلينسكي" in r[2] for r in troops) and any("الاستخبارات" in r[2] for r in troops)
    assert 600000 not in {r[1] for r in rows}, "Rutte's Russian casualties count something else"
    # what a dispute never holds
    kinds = _q(seeds_output, "select distinct kind from story_figures")
    assert {k for (k,) in kinds} <= {"count", "money", "percent", "measure", "duration"}


def test_the_densest_window_is_counted_over_document_times():
    import datetime as dt

    from akhbar.story_store import _densest_window
    from akhbar.stories import StoryDocument

    t0 = dt.datetime(2015, 8, 1, tzinfo=dt.timezone.utc)
    docs = [StoryDocument(f"{i:016x}", "s", t0 + dt.timedelta(days=d), None, "نص") for i, d in enumerate([0, 1, 2, 2.5, 7, 7, 8])]
    assert _densest_window([d.time for d in docs], 3.0) == 4  # days 0, 1, 2, 2.5
    assert _densest_window([d.time for d in docs], 0.5) == 2
