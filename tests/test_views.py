"""Every view in akhbar/sql/ runs on the seeds output and on a SaudiNewsNet sample output."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.conftest import FIXTURES, ROOT

VIEWS = sorted(p.stem for p in (ROOT / "akhbar" / "sql").glob("*.sql"))
SAMPLE = FIXTURES / "saudinewsnet_sample.jsonl"  # 25 SaudiNewsNet articles (CC BY-NC-SA 4.0)


@pytest.fixture(scope="module")
def sample_output(tmp_path_factory, prefect_harness) -> Path:
    from akhbar.flows.akhbar_flow import akhbar_run

    out = tmp_path_factory.mktemp("sample_out")
    summary = akhbar_run(input_path=str(SAMPLE), output_dir=str(out))
    assert summary["documents"] >= 20
    return out


def _count(out: Path, view: str) -> int:
    con = duckdb.connect(str(out / "akhbar.duckdb"), read_only=True)
    try:
        return con.execute(f"select count(*) from {view}").fetchall()[0][0]
    finally:
        con.close()


def test_every_sql_file_is_a_documented_view():
    assert len(VIEWS) >= 8
    for name in VIEWS:
        head = (ROOT / "akhbar" / "sql" / f"{name}.sql").read_text(encoding="utf-8").splitlines()[0]
        assert head.startswith(f"-- {name}:"), f"akhbar/sql/{name}.sql must start with '-- {name}: <question>'"


@pytest.mark.parametrize("view", VIEWS)
def test_view_runs_on_seeds(seeds_output, view):
    assert _count(seeds_output, view) >= 0


@pytest.mark.parametrize("view", VIEWS)
def test_view_runs_on_saudinewsnet_sample(sample_output, view):
    n = _count(sample_output, view)
    # the sample has no syndicated copies, and its articles come already extracted from
    # their pages (SaudiNewsNet), so cleaning may remove nothing from these 25; 25 articles
    # drawn at random report no event twice, so no figure is confirmed or disputed
    if view not in ("syndicated_paragraphs", "boilerplate_by_source", "confirmed_figures", "disputed_figures"):
        assert n > 0, f"{view} is empty on 25 real articles"


def test_sample_sources_and_search(sample_output):
    con = duckdb.connect(str(sample_output / "akhbar.duckdb"), read_only=True)
    from akhbar.catalog import load_fts

    load_fts(con)
    sources = con.execute("select count(distinct source) from documents").fetchall()[0][0]
    assert sources > 3
    hits = con.execute("select count(*) from search('السعودية')").fetchall()[0][0]
    assert hits > 0
    con.close()


def test_entity_catalog_takes_the_majority_reading_and_one_place():
    # an entity whose mentions disagree: its name tied between two spellings, its point
    # given as one place by two mentions and another by one (a wrong gazetteer reading)
    con = duckdb.connect()
    con.execute("""CREATE TABLE documents AS SELECT * FROM (VALUES
        ('d1', TIMESTAMPTZ '2015-08-01', NULL::TIMESTAMPTZ, NULL::TIMESTAMPTZ),
        ('d2', TIMESTAMPTZ '2015-08-02', NULL, NULL), ('d3', TIMESTAMPTZ '2015-08-03', NULL, NULL))
        t(doc_id, published_at, scraped_at, ingested_at)""")
    con.execute("""CREATE TABLE entities AS SELECT * FROM (VALUES
        ('e', 'd1', 'المالديف', 'المالديف', 'LOC', 'جزر المالديف', 'Maldives', 4.1752::DOUBLE, 73.5092::DOUBLE, 'MV'),
        ('e', 'd2', 'جزر المالديف', 'جزر المالديف', 'LOC', 'جزر المالديف', 'Maldives', 4.1752::DOUBLE, 73.5092::DOUBLE, 'MV'),
        ('e', 'd3', 'المالديف', 'المالديف', 'LOC', 'جزر المالديف', 'Maldives', 47.009, 28.8594, 'MD'))
        t(entity_id, doc_id, name, alias, label, canonical, canonical_en, lat, lon, country_code)""")
    # (entity_catalog reads its names from the entity_names model, as the catalogue builds it)
    con.execute("CREATE VIEW entity_names AS " + (ROOT / "akhbar" / "sql" / "entity_names.sql").read_text(encoding="utf-8"))
    sql = (ROOT / "akhbar" / "sql" / "entity_catalog.sql").read_text(encoding="utf-8")
    row = con.execute(f"SELECT name, lat, lon, country_code, mentions FROM ({sql})").fetchall()
    assert row == [("المالديف", 4.1752, 73.5092, "MV", 3)]
    con.execute("UPDATE entities SET name = 'عبدالعزيز فلاته' WHERE doc_id = 'd1'")
    con.execute("UPDATE entities SET name = 'عبدالعزيز فلاتة' WHERE doc_id <> 'd1'")
    con.execute("UPDATE entities SET name = 'عبدالعزيز فلاته' WHERE doc_id = 'd3'")
    # two «ه» against one «ة», then one of each: a tie goes to the first in sort order
    assert con.execute(f"SELECT name FROM ({sql})").fetchall() == [("عبدالعزيز فلاته",)]
    con.execute("DELETE FROM entities WHERE doc_id = 'd3'")
    assert con.execute(f"SELECT name FROM ({sql})").fetchall() == [("عبدالعزيز فلاتة",)]
