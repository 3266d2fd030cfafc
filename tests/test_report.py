"""The HTML report and the analysts' views: they compile on an empty database, the
report is built from the pipeline's output on the seeds (plus the quotes table and
its views, until the flow writes quotes itself) and renders in headless Chromium
without console errors.

Chromium: ``apt-get install -y chromium`` (Debian bookworm) puts it at /usr/bin/chromium.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from akhbar.catalog import build_catalog, sql_models
from akhbar.models import Mention, Sentence
from akhbar.quotes import extract_quotes
from akhbar.report import build_report
from akhbar.store import Store
from akhbar.schemas import ARROW

ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = ROOT / "akhbar" / "sql"
PENDING = SQL_DIR / "pending"  # views over `quotes`, moved to sql/ once the flow writes quotes
CHROMIUM = Path("/usr/bin/chromium")

QUOTES_ARROW = pa.schema([
    ("doc_id", pa.string()), ("sentence_idx", pa.int32()), ("start_char", pa.int32()), ("end_char", pa.int32()),
    ("text", pa.string()), ("kind", pa.string()), ("cue", pa.string()), ("speaker", pa.string()),
    ("speaker_canonical", pa.string()), ("speaker_start", pa.int32()), ("speaker_end", pa.int32()),
])
MY_VIEWS = {"claims", "quotes_by_speaker", "entity_cooccurrence"}


def _all_sql(tmp: Path) -> Path:
    """sql/*.sql plus sql/pending/*.sql in one folder, as the catalogue will see them."""
    out = tmp / "sql"
    out.mkdir()
    for p in list(SQL_DIR.glob("*.sql")) + list(PENDING.glob("*.sql")):
        shutil.copy(p, out / p.name)
    return out


def _schemas() -> dict[str, pa.Schema]:
    return {**ARROW, "quotes": ARROW.get("quotes", QUOTES_ARROW)}


def test_views_compile_on_an_empty_database(tmp_path):
    store = Store(tmp_path / "out")
    created = build_catalog(store, _schemas(), _all_sql(tmp_path))
    assert MY_VIEWS <= set(created)
    con = duckdb.connect(str(store.db_path), read_only=True)
    try:
        for view in MY_VIEWS:
            assert con.execute(f"SELECT count(*) FROM {view}").fetchone()[0] == 0
    finally:
        con.close()
    report = build_report(store.db_path, tmp_path / "report.html")
    text = report.read_text(encoding="utf-8")
    assert "no documents" in text and "no run recorded" in text


def _with_quotes(output: Path, dest: Path) -> Path:
    """A copy of the output database with a `quotes` table (extract_quotes over the stored
    sentences and entities) and the views over it — what the flow will produce."""
    dest.mkdir(parents=True, exist_ok=True)
    db = dest / "akhbar.duckdb"
    shutil.copy(output / "akhbar.duckdb", db)
    con = duckdb.connect(str(db))
    try:
        names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "quotes" not in names:
            rows = []
            for doc_id, text in con.execute("SELECT doc_id, clean_text FROM documents").fetchall():
                sents = [Sentence(*r) for r in con.execute(
                    "SELECT sentence_idx, paragraph_idx, start_char, end_char, text FROM sentences "
                    "WHERE doc_id = ? ORDER BY sentence_idx", [doc_id]).fetchall()]
                ments = [Mention(*r) for r in con.execute(
                    "SELECT start_char, end_char, text, label, canonical, confidence, canonical_en FROM entities "
                    "WHERE doc_id = ? ORDER BY start_char", [doc_id]).fetchall()]
                rows += [{"doc_id": doc_id, "sentence_idx": q.sentence_idx, "start_char": q.start, "end_char": q.end,
                          "text": q.text, "kind": q.kind, "cue": q.cue, "speaker": q.speaker,
                          "speaker_canonical": q.speaker_canonical, "speaker_start": q.speaker_start,
                          "speaker_end": q.speaker_end} for q in extract_quotes(text, sents, ments)]
            con.register("quotes_rows", pa.Table.from_pylist(rows, schema=QUOTES_ARROW))
            con.execute("CREATE TABLE quotes AS SELECT * FROM quotes_rows")
            con.unregister("quotes_rows")
        for name, body in sql_models(PENDING).items():
            con.execute(f"CREATE OR REPLACE VIEW {name} AS {body}")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return db


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


@pytest.fixture(scope="module")
def seeds_report(seeds_output, tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("report")
    db = _with_quotes(seeds_output, dest)
    return build_report(db, dest)


def test_report_content(seeds_report):
    html = seeds_report.read_text(encoding="utf-8")
    assert seeds_report.name == "report.html"
    for title in ("Documents and sentences per source", "Boilerplate removed, by category", "Top entities by type",
                  "Figures over time", "Counts claimed, by unit", "Who is quoted", "Rejects by reason"):
        assert title in html, title
    assert "فلاديمير بوتين" in html  # Arabic labels as written, not reshaped or reversed
    assert "completed" in html  # run header from `runs`
    # self-contained: plotly.js inlined, nothing fetched from the network
    assert "Plotly" in html and len(html) > 1_000_000
    assert not re.search(r"<script[^>]*\ssrc=", html) and not re.search(r"<link[^>]*href=[\"']?https?:", html)


def test_claims_line_up_the_troop_counts(seeds_report):
    con = duckdb.connect(str(seeds_report.parent / "akhbar.duckdb"), read_only=True)
    try:
        values = {r[0] for r in con.execute(
            "SELECT value FROM claims WHERE kind = 'count' AND (unit = 'جندي' OR unit IS NULL) AND value >= 1000"
        ).fetchall()}
        speakers = {r[0] for r in con.execute("SELECT speaker FROM quotes_by_speaker").fetchall()}
        pairs = con.execute("SELECT count(*) FROM entity_cooccurrence WHERE sentences > 0").fetchone()[0]
        one_row_per_figure = con.execute("SELECT (SELECT count(*) FROM claims) = (SELECT count(*) FROM figures)").fetchone()[0]
    finally:
        con.close()
    assert {1500, 3000, 10000, 12000} <= values
    assert pairs > 0 and len(speakers) > 5
    assert one_row_per_figure


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt-get install -y chromium)")
def test_report_renders_in_chromium(seeds_report, tmp_path):
    shot = tmp_path / "report.png"
    cmd = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
           f"--screenshot={shot}", "--window-size=1280,2000", seeds_report.resolve().as_uri()]
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
