"""The HTML report and the analysts' views: the views compile on an empty database, the
report is built from the pipeline's output on the seeds (real names, no plotly, small),
its stories and disputed-figures sections are drawn from a hand-made database that has
the `stories` / `disputed_figures` views and skipped cleanly on one without them, its size
does not grow with the corpus, and it renders in headless Chromium.

Chromium: ``apt-get install -y chromium`` (Debian bookworm) puts it at /usr/bin/chromium.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import duckdb
import pytest

from akhbar import __version__
from akhbar.catalog import build_catalog
from akhbar.report import N_DISPUTES, N_STORIES, build_report
from akhbar.schemas import ARROW
from akhbar.store import Store

ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = ROOT / "akhbar" / "sql"
CHROMIUM = Path("/usr/bin/chromium")
MY_VIEWS = {"claims", "quotes_by_speaker", "entity_cooccurrence"}


def _section(page: str, sid: str) -> str:
    """The HTML of the section with id ``sid`` ('' when absent)."""
    m = re.search(rf"<section class='card[^']*' id='{sid}'>(.*?)</section>", page, re.S)
    return m.group(1) if m else ""


def _svgs_parse(page: str) -> int:
    """Every inline SVG is well-formed XML (escaping of Arabic labels, tooltips); returns how many."""
    svgs = re.findall(r"<svg\b.*?</svg>", page, re.S)
    for svg in svgs:
        ET.fromstring(svg)
    return len(svgs)


def test_views_compile_on_an_empty_database(tmp_path):
    store = Store(tmp_path / "out")
    sql = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql)
    created = build_catalog(store, ARROW, sql)
    assert MY_VIEWS <= set(created)
    con = duckdb.connect(str(store.db_path), read_only=True)
    try:
        for view in MY_VIEWS:
            assert con.execute(f"SELECT count(*) FROM {view}").fetchone()[0] == 0
    finally:
        con.close()
    text = build_report(store.db_path, tmp_path / "report.html").read_text(encoding="utf-8")
    assert "no documents" in text and "no run recorded" in text


# ----------------------------------------------------------------------------- seeds


@pytest.fixture(scope="module")
def seeds_report(seeds_output, tmp_path_factory) -> Path:
    return build_report(seeds_output / "akhbar.duckdb", tmp_path_factory.mktemp("report"))


def test_report_content(seeds_report):
    page = seeds_report.read_text(encoding="utf-8")
    assert seeds_report.name == "report.html"
    run = _section(page, "run")
    assert "completed" in run and __version__ in run  # the latest `runs` row and the pipeline version
    assert re.search(r"<b dir='auto'>5</b><span>documents</span>", run)
    assert "<b>91</b> sentences" in run and "<b>1</b> stories" in run and "?" not in run
    # real names from the seeds in their sections, as written (not reshaped or reversed)
    assert "فلاديمير بوتين" in _section(page, "entities") and "حلف شمال الأطلسي" in _section(page, "entities")
    places = _section(page, "places")
    assert "روسيا" in places and "كوريا الشمالية" in places and places.count("<circle") >= 5
    assert "مارك روته" in _section(page, "quotes")
    assert "الاستخبارات الكورية الجنوبية" in _section(page, "quotes")  # readable name, not the folded key
    assert "تعميق التعاون بين روسيا وكوريا الشمالية" in _section(page, "documents")
    assert "prayer_times" in _section(page, "qa")
    # the five seeds are one story, and its North Korean troop counts one dispute
    assert "تعميق التعاون بين روسيا وكوريا الشمالية" in _section(page, "stories")
    disputes = _section(page, "disputes")
    assert "زيلينسكي" in disputes and "12,000" in disputes and "600,000" not in disputes
    assert "Not in this database" not in page
    # the unreadable plotly charts are gone; self-contained: no script, nothing fetched
    assert "plotly" not in page.lower() and "<script" not in page
    assert not re.search(r"(src|href)=['\"]?https?:", page)
    assert len(page.encode()) < 100_000
    assert _svgs_parse(page) >= 1


def test_claims_line_up_the_troop_counts(seeds_output):
    con = duckdb.connect(str(seeds_output / "akhbar.duckdb"), read_only=True)
    try:
        values = {r[0] for r in con.execute(
            "SELECT value FROM claims WHERE kind = 'count' AND (unit = 'جندي' OR unit IS NULL) AND value >= 1000"
        ).fetchall()}
        speakers = {r[0] for r in con.execute("SELECT speaker FROM quotes_by_speaker").fetchall()}
        pairs = con.execute("SELECT count(*) FROM entity_cooccurrence WHERE sentences > 0").fetchone()[0]
        korea = con.execute("SELECT count(*) FROM entity_cooccurrence WHERE 'كوريا الشمالية' IN (entity_a, entity_b)"
                            " AND 'روسيا' IN (entity_a, entity_b)").fetchone()[0]
        one_row_per_figure = con.execute("SELECT (SELECT count(*) FROM claims) = (SELECT count(*) FROM figures)").fetchone()[0]
    finally:
        con.close()
    assert {1500, 3000, 10000, 12000} <= values
    assert pairs > 0 and len(speakers) > 5
    assert one_row_per_figure
    # a linked speaker is shown by the entity's readable name, not the folded matching form
    assert {"مارك روته", "وزارة الخارجية الروسية"} <= speakers and "وزاره الخارجيه الروسيه" not in speakers
    assert korea == 1  # the pair under the readable names, once


# ----------------------------------------------------------------------------- hand-made database

_DOCS = [  # doc_id, source, url, title, published_at, story_id
    ("d1", "aawsat", "https://aawsat.com/home/article/1", "كوريا الشمالية ترسل جنوداً إلى روسيا", "2024-10-23 08:00", "s_troops"),
    ("d2", "aawsat", None, "سول: 1500 جندي كوري شمالي في روسيا", "2024-10-23 15:00", "s_troops"),
    ("d3", "aawsat", None, "روته: القوات الكورية في كورسك", "2024-10-28 12:56", "s_troops"),
    ("d4", "alarabiya", "javascript:alert(1)", "الناتو يؤكد نشر قوات كورية", "2024-10-28 13:30", "s_troops"),
    ("d5", "alarabiya", "https://alarabiya.net/x?a=1&b=2", "زيلينسكي: 12 ألف جندي", "2024-10-24 09:00", "s_troops"),
    ("d6", "spa", None, "واس: موسكو تنفي", "2024-10-25 10:00", "s_troops"),
    ("d7", "spa", None, "قمة الرياض تبحث التعاون الاقتصادي", "2024-10-26 09:00", "s_summit"),
    ("d8", "aawsat", None, "قمة الرياض: 40 في المئة من الاستثمارات", "2024-10-26 18:00", "s_summit"),
    ("d9", "spa", None, "قمة الرياض تختتم أعمالها", "2024-10-27 11:00", "s_summit"),
    ("d10", "alarabiya", None, None, None, None),
]
_STORIES = [  # story_id, title, representative_doc_id, first, last, n_documents, n_sources, sources, top_entity_ids
    ("s_troops", "كوريا الشمالية ترسل جنوداً إلى روسيا", "d1", "2024-10-23 08:00", "2024-10-28 13:30", 6, 3,
     ["aawsat", "alarabiya", "spa"], ["e_rutte", "e_russia", "e_unknown"]),
    ("s_summit", "قمة الرياض تبحث التعاون الاقتصادي", "d7", "2024-10-26 09:00", "2024-10-27 11:00", 3, 2,
     ["spa", "aawsat"], ["e_riyadh"]),
]
_ENTITIES = [  # entity_id, name, label, mentions, documents, lat, lon, country_code
    ("e_russia", "روسيا", "LOC", 40, 7, 55.752, 37.6178, "RU"),
    ("e_moscow", "موسكو", "LOC", 12, 4, 55.752, 37.6178, "RU"),
    ("e_riyadh", "الرياض", "LOC", 30, 3, 24.6877, 46.7219, "SA"),
    ("e_kursk", "كورسك", "LOC", 8, 2, 51.7269, 36.1846, "RU"),
    ("e_pacific", "والهادئ", "LOC", 2, 1, None, None, None),
    ("e_rutte", "مارك روته", "PER", 12, 3, None, None, None),
    ("e_nato", "حلف شمال الأطلسي", "ORG", 9, 4, None, None, None),
]
_DISPUTES = [  # dispute_id, story_id, kind, subject, unit, value, qualifier, figure_text, claimed_by, source, published, doc
    ("dx1", "s_troops", "count", "جندي [كوري شمالي] (إرسال/نشر)", "جندي", 12000, "approx", "نحو 12 ألف جندي",
     "فولوديمير زيلينسكي", "alarabiya", "2024-10-24 09:00", "d5"),
    ("dx1", "s_troops", "count", "جندي [كوري شمالي] (إرسال/نشر)", "جندي", 1500, "exact", "1500 جندي",
     "وكالة الاستخبارات الكورية الجنوبية", "aawsat", "2024-10-23 15:00", "d2"),
    ("dx1", "s_troops", "count", "جندي [كوري شمالي] (إرسال/نشر)", "جندي", 3000, "more_than", "أكثر من ثلاثة آلاف جندي",
     "مارك روته", "aawsat", "2024-10-28 12:56", "d3"),
    ("dx1", "s_troops", "count", "جندي [كوري شمالي] (إرسال/نشر)", "جندي", 3000, "more_than", "أكثر من ثلاثة آلاف جندي",
     "مارك روته", "alarabiya", "2024-10-28 13:30", "d4"),
    ("dx2", "s_summit", "money", "استثمارات القمة", "دولار", 2e6, "exact", "مليونا دولار", "spa", "spa",
     "2024-10-26 09:00", "d7"),
    ("dx2", "s_summit", "money", "استثمارات القمة", "دولار", 5e8, "up_to", "حتى 500 مليون دولار", "وزير المالية", "aawsat",
     "2024-10-26 18:00", "d8"),
]


def _utc(row: tuple) -> list:
    """The row with its "YYYY-MM-DD HH:MM" strings as UTC datetimes."""
    return [dt.datetime.fromisoformat(v).replace(tzinfo=dt.timezone.utc)
            if isinstance(v, str) and re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", v) else v for v in row]


def _handmade_db(path: Path, with_stories: bool = True) -> Path:
    """A small database with the relations the report reads; with_stories adds the
    `stories` and `disputed_figures` views and documents.story_id (pending in the pipeline)."""
    con = duckdb.connect(str(path))
    try:
        story_col = ", story_id VARCHAR" if with_stories else ""
        con.execute(f"""CREATE TABLE documents (doc_id VARCHAR, source VARCHAR, url VARCHAR, title VARCHAR,
                        published_at TIMESTAMPTZ, scraped_at TIMESTAMPTZ, ingested_at TIMESTAMPTZ{story_col})""")
        for d in _DOCS:
            con.execute(f"INSERT INTO documents VALUES (?, ?, ?, ?, ?, '2024-10-29 00:00:00+00', '2024-10-30 00:00:00+00'"
                        f"{', ?' if with_stories else ''})", _utc(d if with_stories else d[:5]))
        con.execute("""CREATE TABLE entity_catalog (entity_id VARCHAR, name VARCHAR, label VARCHAR, mentions BIGINT,
                       documents BIGINT, lat DOUBLE, lon DOUBLE, country_code VARCHAR)""")
        con.executemany("INSERT INTO entity_catalog VALUES (?, ?, ?, ?, ?, ?, ?, ?)", _ENTITIES)
        con.execute("CREATE TABLE rejects (source VARCHAR, \"table\" VARCHAR, reason VARCHAR)")
        con.execute("INSERT INTO rejects VALUES ('x.json#3', 'documents', 'empty document')")
        if with_stories:
            con.execute("""CREATE TABLE story_rows (story_id VARCHAR, title VARCHAR, representative_doc_id VARCHAR,
                           first_seen TIMESTAMPTZ, last_seen TIMESTAMPTZ, n_documents BIGINT, n_sources BIGINT,
                           sources VARCHAR[], top_entity_ids VARCHAR[])""")
            con.executemany("INSERT INTO story_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [_utc(r) for r in _STORIES])
            con.execute("CREATE VIEW stories AS SELECT * FROM story_rows")
            con.execute("""CREATE TABLE dispute_rows (dispute_id VARCHAR, story_id VARCHAR, kind VARCHAR,
                           subject VARCHAR, unit VARCHAR, value DOUBLE, qualifier VARCHAR, figure_text VARCHAR,
                           claimed_by VARCHAR, source VARCHAR, published_at TIMESTAMPTZ, doc_id VARCHAR)""")
            con.executemany("INSERT INTO dispute_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            [_utc(r) for r in _DISPUTES])
            con.execute("""CREATE VIEW disputed_figures AS
                SELECT *, value AS value_low, value AS value_high, claimed_by = source AS claimed_by_outlet,
                       'قالت إن ' || figure_text || ' في روسيا' AS sentence,
                       count(DISTINCT value) OVER g AS n_values, count(DISTINCT doc_id) OVER g AS n_documents,
                       count(DISTINCT source) OVER g AS n_sources
                FROM dispute_rows WINDOW g AS (PARTITION BY dispute_id)""")
    finally:
        con.close()
    return path


@pytest.fixture(scope="module")
def handmade_report(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("handmade")
    return build_report(_handmade_db(tmp / "akhbar.duckdb"), tmp / "report.html")


def test_stories_from_the_stories_view(handmade_report):
    page = handmade_report.read_text(encoding="utf-8")
    stories = _section(page, "stories")
    blocks = stories.split("<div class='story'>")[1:]
    assert len(blocks) == 2
    troops, summit = blocks  # the larger story first
    assert "كوريا الشمالية ترسل جنوداً إلى روسيا" in troops and "قمة الرياض تبحث التعاون الاقتصادي" in summit
    assert "<b>6</b> documents · <b>3</b> sources" in troops
    assert "first seen 2024-10-23 08:00 → last seen 2024-10-28 13:30" in troops
    assert "مارك روته" in troops and "روسيا" in troops  # top entities by their names; an unknown id is left out
    # the timeline counts every document of the story once, per source, from documents.story_id
    bars = re.findall(r"<title>[^<]* · ([a-z]+): (\d+)</title></rect>", troops)
    per_source: dict[str, int] = {}
    for source, n in bars:
        per_source[source] = per_source.get(source, 0) + int(n)
    assert per_source == {"aawsat": 3, "alarabiya": 2, "spa": 1}
    assert sum(int(n) for _, n in re.findall(r"<title>[^<]* · ([a-z]+): (\d+)</title></rect>", summit)) == 3
    assert "documents per 3 hours" in stories  # 23 Oct 08:00 – 28 Oct 13:30: 42 bins of 3 hours (at most 48)
    assert "<b>2</b> stories · <b>2</b> disputed figures" in _section(page, "run")
    # the documents table names each document's story
    docs = _section(page, "documents")
    assert "<th>story</th>" in docs and docs.count("كوريا الشمالية ترسل جنوداً إلى روسيا") >= 6


def test_disputed_figures_side_by_side(handmade_report):
    page = handmade_report.read_text(encoding="utf-8")
    disputes = _section(page, "disputes")
    blocks = disputes.split("<div class='dispute' dir='rtl'>")[1:]
    assert len(blocks) == 2
    troops = next(b for b in blocks if "جندي [كوري شمالي]" in b)
    money = next(b for b in blocks if "استثمارات القمة" in b)
    assert "القصة: <bdi>كوريا الشمالية ترسل جنوداً إلى روسيا</bdi>" in troops
    assert "3 values · 4 documents · 2 sources" in troops
    # values sorted, with their qualifier, claimant, source and date
    rows = re.findall(r"<tr><td class='n' dir='ltr'>(.*?)</td><td>(.*?)</td>.*?</tr>", troops)
    assert [r[0] for r in rows] == ["1,500", "&gt;3,000", "&gt;3,000", "≈12,000"]
    assert [r[1] for r in rows] == ["", "more than", "more than", "about"]
    for who in ("وكالة الاستخبارات الكورية الجنوبية", "مارك روته", "فولوديمير زيلينسكي"):
        assert who in troops
    assert "2024-10-28 12:56" in troops
    assert "title='قالت إن 1500 جندي في روسيا'>1500 جندي</td>" in troops  # the sentence on hover
    assert "spa <small class='dim'>(outlet)</small>" in money and "(outlet)" not in troops
    assert "linear scale" in troops and "log scale" in money  # 1,500–12,000 linear; 2 million–500 million log
    assert "≤500,000,000" in money
    assert _svgs_parse(page) >= 2 + 2 + 1  # two timelines, two dot plots, the map


def test_places_entities_and_links(handmade_report):
    page = handmade_report.read_text(encoding="utf-8")
    places = _section(page, "places")
    assert places.count("<circle") == 3  # روسيا and موسكو share a point; والهادئ has no coordinates
    assert "روسيا · موسكو" in places and "1 places (2 mentions) have no coordinates" in places
    entities = _section(page, "entities")
    assert "مارك روته" in entities and "حلف شمال الأطلسي" in entities and "People" in entities
    docs = _section(page, "documents")
    assert "href='https://aawsat.com/home/article/1'" in docs
    assert "href='https://alarabiya.net/x?a=1&amp;b=2'" in docs
    assert "javascript:" not in docs  # only http(s) URLs become links
    assert docs.count("<a ") == 2
    assert "(no title) d10" in docs
    assert "empty document" in _section(page, "qa")
    # no quotes_by_speaker and no runs in this database: skipped / said so, nothing breaks
    assert "id='quotes'" not in page and "no run recorded" in page


def test_story_sections_skipped_without_the_views(tmp_path):
    db = _handmade_db(tmp_path / "akhbar.duckdb", with_stories=False)
    page = build_report(db, tmp_path).read_text(encoding="utf-8")
    assert "id='stories'" not in page and "id='disputes'" not in page and "href='#stories'" not in page
    assert "Not in this database, so not shown: Stories, Disputed figures" in page
    docs = _section(page, "documents")
    assert "<th>story</th>" not in docs and "قمة الرياض تختتم أعمالها" in docs
    # a stories view without documents.story_id cannot be drawn either
    con = duckdb.connect(str(db))
    con.execute("CREATE VIEW stories AS SELECT 's1' AS story_id, 't' AS title, 2 AS n_documents")
    con.close()
    page = build_report(db, tmp_path).read_text(encoding="utf-8")
    assert "id='stories'" not in page


def test_report_beside_an_open_connection_of_the_same_process(tmp_path):
    """An analyst's notebook holds akhbar.duckdb open (default configuration) while the flow
    writes the report in the same process: DuckDB refuses a second connection to one file with
    another configuration, so the report's memory bound must not reach the file's instance."""
    db = _handmade_db(tmp_path / "akhbar.duckdb")
    analyst = duckdb.connect(str(db), read_only=True)
    try:
        page = build_report(db, tmp_path).read_text(encoding="utf-8")
        assert "قمة الرياض تختتم أعمالها" in _section(page, "documents")
        # and the analyst's connection keeps its own settings and still reads
        assert analyst.execute("SELECT current_setting('memory_limit')").fetchone()[0] != "512.0 MiB"
        assert analyst.execute("SELECT count(*) FROM documents").fetchone()[0] > 0
        again = duckdb.connect(str(db), read_only=True)
        again.close()
    finally:
        analyst.close()


def test_size_does_not_grow_with_the_corpus(tmp_path):
    """3,000 documents, 600 stories, 2,000 entities, 200 disputes: the page shows top-N
    lists only, so it stays small."""
    db = tmp_path / "akhbar.duckdb"
    con = duckdb.connect(str(db))
    try:
        con.execute("""CREATE TABLE documents AS
            SELECT 'd' || i AS doc_id, 'source' || (i % 14) AS source, 'https://example.org/' || i AS url,
                   'عنوان المقال رقم ' || i AS title,
                   TIMESTAMPTZ '2015-07-01 00:00:00+00' + INTERVAL (i * 7) MINUTE AS published_at,
                   NULL::TIMESTAMPTZ AS scraped_at, NULL::TIMESTAMPTZ AS ingested_at, 's' || (i % 600) AS story_id
            FROM range(3000) t(i)""")
        con.execute("""CREATE VIEW stories AS
            SELECT story_id, min(title) AS title, min(doc_id) AS representative_doc_id, min(published_at) AS first_seen,
                   max(published_at) AS last_seen, count(*) AS n_documents, count(DISTINCT source) AS n_sources,
                   list(DISTINCT source) AS sources, ['e1', 'e2', 'e3'] AS top_entity_ids
            FROM documents GROUP BY story_id""")
        con.execute("""CREATE TABLE entity_catalog AS
            SELECT 'e' || i AS entity_id, 'كيان ' || i AS name, ['PER', 'ORG', 'LOC', 'MISC'][i % 4 + 1] AS label,
                   3000 - i AS mentions, 1 + i % 50 AS documents,
                   CASE WHEN i % 4 = 2 THEN (i * 37) % 140 - 60.0 END AS lat,
                   CASE WHEN i % 4 = 2 THEN (i * 53) % 340 - 170.0 END AS lon, NULL AS country_code
            FROM range(2000) t(i)""")
        con.execute("""CREATE TABLE disputed_figures AS
            SELECT 'x' || (i // 4) AS dispute_id, 's' || (i // 4) AS story_id, 'count' AS kind, 'جندي' AS subject,
                   'جندي' AS unit, 100.0 * (i % 4 + 1) AS value, NULL::DOUBLE AS value_low, NULL::DOUBLE AS value_high,
                   'exact' AS qualifier, (100 * (i % 4 + 1)) || ' جندي' AS figure_text, 'متحدث' AS claimed_by,
                   false AS claimed_by_outlet, 'source' || (i % 3) AS source, NULL::TIMESTAMPTZ AS published_at,
                   'd' || i AS doc_id, 4 AS n_values, 4 AS n_documents, 3 AS n_sources
            FROM range(800) t(i)""")
    finally:
        con.close()
    page = build_report(db, tmp_path).read_text(encoding="utf-8")
    assert page.count("<div class='story'>") == N_STORIES
    assert page.count("<div class='dispute' dir='rtl'>") == N_DISPUTES
    assert f"The {N_STORIES} largest of 600 stories" in page and f"{N_DISPUTES} of 200 disputes" in page
    assert len(page.encode()) < 300_000
    _svgs_parse(page)


def _png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA PNG (what Chromium writes) into rows of raw pixels."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    height = bpp = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and color in (2, 6)
            bpp = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 0xFF
            elif f == 2:
                line[i] = (line[i] + b) & 0xFF
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif f == 4:
                p = a + b - c
                pa_, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa_ <= pb and pa_ <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, bpp, rows


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt-get install -y chromium)")
def test_report_renders_in_chromium(handmade_report, tmp_path):
    shot = tmp_path / "report.png"
    cmd = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
           f"--screenshot={shot}", "--window-size=1280,2000", handmade_report.resolve().as_uri()]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    console = [ln for ln in proc.stderr.splitlines() if "Uncaught" in ln or ("CONSOLE" in ln and "rror" in ln)]
    assert not console, "\n".join(console)
    assert shot.exists() and shot.stat().st_size > 20_000, proc.stderr[-2000:]
    width, bpp, rows = _png_pixels(shot)
    assert len(rows) == 2000 and width == 1280
    colors: set[bytes] = set()
    not_white = 0
    sampled = 0
    for row in rows[::10]:
        for x in range(0, width * bpp, bpp * 10):
            px = row[x : x + 3]
            colors.add(px)
            sampled += 1
            not_white += px != b"\xff\xff\xff"
    assert len(colors) > 20, "screenshot looks blank"
    assert not_white / sampled > 0.05
