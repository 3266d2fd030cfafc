"""Faults that used to stop a run or touch what akhbar does not own: each has a clear
outcome (a reject with its reason, an error, or nothing touched) and the good inputs
beside it are not lost.  Unit level: no Prefect."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from akhbar import ingest
from akhbar.catalog import build_catalog
from akhbar.config import SQL_DIR
from akhbar.errors import NoInputs, OutputUnusable
from akhbar.ingest import ingest_inputs, iter_inputs
from akhbar.models import RawDocument
from akhbar.outdir import MARKER, check_input, claim_output
from akhbar.executors import KILLED_REASON, ProcessExecutor
from akhbar.pipeline import DocState
from akhbar.store import Store
from akhbar.schemas import ARROW
from tests.conftest import SEEDS

SEED = (SEEDS / "000_a09b7958db38c890.txt").read_text(encoding="utf-8")
SEED1 = (SEEDS / "001_4fb4680f70c0b9ac.txt").read_text(encoding="utf-8")


def _reasons(rejects) -> dict[str, str]:
    return {Path(r.source).name: r.reason for r in rejects}


# ----------------------------------------------------------------------------- inputs


def test_deeply_nested_json_is_a_reject_and_the_files_beside_it_are_read(tmp_path: Path):
    (tmp_path / "good.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (tmp_path / "deep.jsonl").write_text(json.dumps({"content": SEED1}, ensure_ascii=False) + "\n"
                                         + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    docs, rejects = ingest_inputs(iter_inputs(tmp_path))
    assert len(docs) == 2, "good.txt and the good line of deep.jsonl"
    reasons = _reasons(rejects)
    assert "nested deeper than" in reasons["deep.json"]
    assert "nested deeper than" in reasons["deep.jsonl#L2"]


def test_a_file_name_that_is_not_utf8_is_read_and_named_with_escapes(tmp_path: Path):
    (tmp_path / "good.txt").write_text(SEED, encoding="utf-8")
    bad = os.fsencode(tmp_path) + b"/\xff\xfe-latin1-\xe9.txt"
    with open(bad, "wb") as fh:
        fh.write(SEED1.encode("utf-8"))
    docs, rejects = ingest_inputs(iter_inputs(tmp_path))
    assert rejects == []
    paths = sorted(doc.source_path for _, doc in docs)
    assert paths[1].endswith("good.txt")
    assert paths[0].endswith(r"/\xff\xfe-latin1-\xe9.txt")
    paths[0].encode("utf-8")  # every path can be written to Parquet
    table = pa.Table.from_pylist([{"p": p} for p in paths])
    pq.write_table(table, tmp_path / "t.parquet")


def test_unreadable_folder_and_dangling_link_are_rejects(tmp_path: Path, monkeypatch):
    (tmp_path / "good.txt").write_text(SEED, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(SEED1, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    # the tests run as root, whom chmod does not stop: the folder fails as it would for a user
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    docs, rejects = ingest_inputs(iter_inputs(tmp_path))
    assert [Path(d.source_path).name for _, d in docs] == ["good.txt"]
    reasons = _reasons(rejects)
    assert reasons == {"locked": "cannot read folder: Permission denied",
                       "gone.txt": "dangling link: No such file or directory"}


def test_nul_characters_are_removed_from_the_text(tmp_path: Path):
    rec = {"title": "عنوان\u0000الخبر", "content": SEED.replace("\n", "\u0000\n", 3)}
    (tmp_path / "nul.json").write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    docs, rejects = ingest_inputs(iter_inputs(tmp_path))
    assert rejects == [] and len(docs) == 1
    doc = docs[0][1]
    assert "\x00" not in doc.raw_text and "\x00" not in doc.title
    assert doc.raw_text == SEED


def test_a_folder_without_supported_files_is_an_error(tmp_path: Path):
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    with pytest.raises(NoInputs, match="no supported input files"):
        check_input(tmp_path)
    with pytest.raises(NoInputs):
        check_input(tmp_path / "notes.csv")
    (tmp_path / "sub" / "a.txt").write_text(SEED, encoding="utf-8")
    check_input(tmp_path)


# ----------------------------------------------------------------------------- output folder


def test_a_folder_akhbar_did_not_make_is_refused_untouched(tmp_path: Path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "report.html").write_text("my own report", encoding="utf-8")
    with pytest.raises(OutputUnusable, match="not empty and was not made by akhbar"):
        claim_output(out)
    assert sorted(p.name for p in out.iterdir()) == ["report.html"]
    fresh = claim_output(tmp_path / "new" / "out")
    assert (fresh / MARKER).is_file()
    claim_output(fresh)  # marked: accepted again
    with pytest.raises(OutputUnusable, match="is a file"):
        claim_output(out / "report.html")


def test_repair_and_version_clean_up_touch_only_akhbars_files(tmp_path: Path):
    store = Store(tmp_path)
    claim_output(tmp_path)
    foreign = [
        tmp_path / "parquet" / "sales" / "version=2023" / "part-0.parquet",
        tmp_path / "parquet" / "sales" / "part-1.parquet",
        tmp_path / "parquet" / "sales" / "export.tmp",
        tmp_path / "notes.tmp",
    ]
    for f in foreign:
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(b"not parquet, not ours")
    pq.write_table(pa.table({"amount": [1, 2]}), foreign[0])
    old = Store(tmp_path, version="0.0.1-s1.0.0")
    docs = pa.Table.from_pylist([], schema=ARROW["documents"])
    old.write_batch("r0-00000", {"documents": docs})
    store.write_batch("r1-00000", {"documents": docs})
    actions = store.repair()
    removed = store.drop_other_versions()
    assert removed == []  # no stored document of the old version: nothing of akhbar's to drop either
    assert all(f.exists() for f in foreign), actions
    assert pq.read_table(foreign[0]).num_rows == 2
    assert not (tmp_path / "quarantine").exists()


def _parts(store: Store, doc_id: str) -> None:
    import datetime as dt

    now = dt.datetime(2024, 10, 28, tzinfo=dt.timezone.utc)
    row = {"doc_id": doc_id, "source_path": f"{doc_id}.txt", "source": "s", "url": None, "title": "عنوان",
           "byline": None, "section": None, "published_at": None, "updated_at": None, "scraped_at": None,
           "raw_text": "نص الخبر", "clean_text": "نص الخبر", "n_paragraphs": 1, "n_sentences": 1, "format": "txt",
           "run_id": "r", "ingested_at": now, "pipeline_version": "v", "story_id": None}
    store.write_batch("r1-00000", {"documents": pa.Table.from_pylist([row], schema=ARROW["documents"])})


@pytest.mark.parametrize("name", ["out*", "o*t*"])
def test_views_read_their_own_folder_when_its_name_has_glob_characters(tmp_path: Path, name: str):
    sibling, mine = Store(tmp_path / "out1"), Store(tmp_path / name)
    _parts(sibling, "1111111111111111")
    _parts(Store(tmp_path / "outX"), "3333333333333333")
    _parts(mine, "2222222222222222")
    build_catalog(mine, ARROW, SQL_DIR)
    con = duckdb.connect(str(mine.db_path), read_only=True)
    assert con.execute("select doc_id from documents").fetchall() == [("2222222222222222",)]
    con.close()


def test_an_output_path_with_a_question_mark_is_refused(tmp_path: Path):
    with pytest.raises(OutputUnusable, match="contains '\\?'"):
        claim_output(tmp_path / "out?")
    assert not (tmp_path / "out?").exists()


@pytest.mark.parametrize("name", ["out[1]", "[o]ut"])
def test_an_output_path_with_brackets_is_refused_untouched(tmp_path: Path, name: str):
    with pytest.raises(OutputUnusable, match="contains '\\['"):
        claim_output(tmp_path / name)
    assert not (tmp_path / name).exists()


# ----------------------------------------------------------------------------- worker pool


def _states(texts: list[str]) -> list[DocState]:
    return [DocState(f"{i:016x}", RawDocument(f"/in/{i}.txt", t)) for i, t in enumerate(texts)]


def test_a_killed_worker_is_replaced_and_the_batch_retried(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("AKHBAR_TEST_KILL_FLAG", str(tmp_path / "flag"))
    from tests import _killer

    with ProcessExecutor(2, steps=()) as pool:
        seen = []
        out = pool.map(_killer.kill_once, _states(["نص"] * 12), progress=seen.append)
        assert pool.restarts == 1
        assert out == [(f"{i:016x}", "done") for i in range(12)], "nothing lost"
        assert sum(seen) == 12, "progress counts each document once, across the retry"
        again = pool.map(_killer.kill_once, _states(["نص"] * 4))
        assert len(again) == 4, "the new pool keeps working"


def test_a_document_that_kills_workers_twice_is_isolated_and_failed(tmp_path: Path):
    from tests import _killer

    texts = ["نص"] * 20
    texts[13] = "نص POISON"
    with ProcessExecutor(2, steps=()) as pool:
        out = pool.map(_killer.kill_on_poison, _states(texts))
    assert len(out) == 20
    assert isinstance(out[13], DocState) and out[13].failure == KILLED_REASON
    assert out[:13] + out[14:] == [(f"{i:016x}", "done") for i in range(20) if i != 13]


def test_a_document_marked_failed_becomes_a_reject_row():
    import datetime as dt

    from akhbar.validation import validate_batch

    failed = DocState("00000000000000aa", RawDocument("/in/big.txt", "نص طويل"), failure=KILLED_REASON)
    result = validate_batch([failed], [], "run", dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc), 500)
    assert result.tables["documents"].num_rows == 0
    assert [(r["source"], r["doc_id"], r["reason"]) for r in result.rejects] == [
        ("/in/big.txt", "00000000000000aa", f"processing failed: {KILLED_REASON}")]


_ORPHAN_SCRIPT = """
import sys, time
from akhbar.executors import ProcessExecutor
pool = ProcessExecutor(2, steps=())
list(pool._pool.map(len, [[1], [2], [3], [4]]))  # the workers are up
print(" ".join(str(p) for p in pool._pool._processes), flush=True)
time.sleep(600)
"""


def test_workers_die_with_a_killed_parent():
    proc = subprocess.Popen([sys.executable, "-c", _ORPHAN_SCRIPT], stdout=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        workers = [int(p) for p in proc.stdout.readline().split()]
        assert len(workers) == 2
        os.kill(proc.pid, signal.SIGKILL)  # the parent alone, as the out-of-memory killer does
        proc.wait()
        deadline = time.time() + 15
        while time.time() < deadline and any(Path(f"/proc/{p}").exists() and _alive(p) for p in workers):
            time.sleep(0.2)
        assert not [p for p in workers if _alive(p)], "orphaned workers"
    finally:
        with __import__("contextlib").suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


# ----------------------------------------------------------------------------- NER on long documents


def test_long_documents_are_tagged_in_slices_with_the_same_result(monkeypatch):
    from akhbar.entities import model as ner_model
    from akhbar.text import tokenize
    from akhbar.sentences import split_sentences

    crf = ner_model.CrfModel()
    text = SEED + "\n" + SEED1
    words = [[t.text for t in tokenize(text[s.start:s.end])] for s in split_sentences(text)]
    whole = crf.tag_many(words)
    monkeypatch.setattr(ner_model, "TAG_SLICE_TOKENS", 25)
    sliced = crf.tag_many(words)
    assert [t for t, _ in sliced] == [t for t, _ in whole]
    assert all(abs(a - b) < 1e-5 for (_, pa_), (_, pb) in zip(sliced, whole) for a, b in zip(pa_, pb))
    assert sum(1 for t, _ in whole for x in t if x.startswith("B-")) > 20, "the seeds have names to find"


def test_a_document_the_cleaner_empties_is_a_reject_that_says_so():
    import datetime as dt

    from akhbar.clean import build_line_stats
    from akhbar.steps import Clean, Split
    from akhbar.validation import validate_batch

    widget = "الفجر 4:{0:02d}\nالظهر 12:{0:02d}\nالعصر 3:{0:02d}\nالمغرب 6:{0:02d}\nالعشاء 8:{0:02d}"
    article = "أعلنت وزارة الصحة اليوم تسجيل 3 إصابات جديدة في المنطقة الشرقية، وفق بيان رسمي صدر مساء الأحد."
    batch = _states([widget.format(7), article])
    batch = Split()(Clean(build_line_stats([s.raw for s in batch]))(batch))
    result = validate_batch(batch, [], "run", dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc), 500)
    assert result.tables["documents"].num_rows == 1
    docs = [r for r in result.rejects if r["table"] == "documents"]
    assert [(r["doc_id"], r["reason"]) for r in docs] == [
        ("0000000000000000", "no text left after cleaning (5 of its 5 lines removed as boilerplate)")]
    # its audit rows go with it, each saying why
    assert {r["reason"] for r in result.rejects if r["table"] == "boilerplate"} == {
        "document rejected (no text left after cleaning (5 of its 5 lines removed as boilerplate))"}


def test_one_line_briefs_written_to_one_pattern_keep_their_text():
    from akhbar.clean import build_line_stats, clean_document

    docs = [RawDocument("/in/t.jsonl", f"أعلنت الوزارة اليوم نتائج الجولة رقم {i} من المسابقة.", title=f"موجز {i}",
                        source="briefs", title_from_container=True) for i in range(300)]
    stats = build_line_stats(docs).prune()
    clean = clean_document(docs[5], stats)
    assert clean.clean_text == "أعلنت الوزارة اليوم نتائج الجولة رقم 5 من المسابقة."
