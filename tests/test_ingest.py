"""Ingest: file formats, encodings and bad inputs, on real seed text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from akhbar.ingest import decode_bytes, doc_id_for, ingest_inputs, iter_inputs, parse_timestamp

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
HTML = Path(__file__).parent / "fixtures" / "html"
SEED_TEXT = (SEEDS / "000_a09b7958db38c890.txt").read_text(encoding="utf-8")


def _ingest(path: Path):
    return ingest_inputs(iter_inputs(path))


def test_seed_folder_gives_five_documents_with_distinct_ids():
    docs, rejects = _ingest(SEEDS)
    assert rejects == []
    assert len(docs) == 5
    assert len({doc_id for doc_id, _ in docs}) == 5
    for doc_id, doc in docs:
        assert doc.fmt == "txt" and doc.source == "seeds"
        assert Path(doc.source_path).read_text(encoding="utf-8").replace("\r\n", "\n") == doc.raw_text


def test_doc_id_is_stable_under_normalisation():
    with_marks = "يُهدد الأمن في ٢٠٢٤"
    plain = "يهدد  الأمن في 2024"
    assert doc_id_for(with_marks) == doc_id_for(plain)
    assert doc_id_for(SEED_TEXT) != doc_id_for(SEED_TEXT + " إضافة")


@pytest.mark.parametrize(
    "encoding,prefix",
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),  # BOM
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-16-le", b""),  # no BOM
        ("cp1256", b""),  # Windows Arabic, common on older Arabic sites
    ],
)
def test_encodings_are_detected(tmp_path: Path, encoding: str, prefix: bytes):
    f = tmp_path / "a.txt"
    f.write_bytes(prefix + SEED_TEXT.encode(encoding))
    docs, rejects = _ingest(f)
    assert rejects == []
    assert docs[0][1].raw_text == SEED_TEXT
    assert docs[0][0] == doc_id_for(SEED_TEXT)


def test_cp1256_is_not_accepted_for_latin_binary():
    text, enc, err = decode_bytes(bytes(range(256)) * 4)
    assert text is None and "binary" in err


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("empty.txt", b"", "empty input"),
        ("blank.txt", b"  \n\n \n", "empty document"),
        ("junk.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary"),
        ("latin1.txt", "café crème brûlée à la française, très déçu".encode("latin-1"), "undecodable"),
    ],
)
def test_bad_text_files_are_rejected_with_a_reason(tmp_path: Path, name: str, data: bytes, reason: str):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(SEED_TEXT, encoding="utf-8")
    docs, rejects = _ingest(tmp_path)
    assert len(docs) == 1, "the good file still goes through"
    assert len(rejects) == 1
    assert rejects[0].source.endswith(name)
    assert reason in rejects[0].reason


def test_json_lines_with_fields_and_a_broken_line(tmp_path: Path):
    good = {"title": "عنوان الخبر", "content": SEED_TEXT, "url": "https://www.example.sa/a/1",
            "date_extracted": "2015-07-21 01:51:09", "author": "محرر"}
    other = {"headline": "خبر آخر", "text": "نص الخبر الثاني عن الاقتصاد والأسواق في المنطقة.", "source": "okaz"}
    lines = [json.dumps(good, ensure_ascii=False), "{\"title\": \"مقطوع\", \"content\": \"نص", json.dumps(other, ensure_ascii=False),
             json.dumps({"title": "بلا نص"}, ensure_ascii=False),
             json.dumps({"title": "نص فارغ", "content": ""}, ensure_ascii=False)]
    (tmp_path / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, rejects = _ingest(tmp_path)
    assert [d.title for _, d in docs] == ["عنوان الخبر", "خبر آخر"]
    first = docs[0][1]
    assert first.source == "example.sa" and first.author == "محرر" and first.title_from_container
    assert first.scraped_at.isoformat() == "2015-07-21T01:51:09+00:00"
    assert docs[1][1].source == "okaz"
    reasons = {r.source.rsplit("#", 1)[1]: r.reason for r in rejects}
    assert reasons["L4"].startswith("JSON record has no text field")
    assert reasons["L2"].startswith("invalid JSON line")
    # a text field that is there but empty (SaudiNewsNet has such records) is an empty document
    assert reasons["L5"] == "empty document: no text"
    assert set(reasons) == {"L2", "L4", "L5"}


def test_truncated_json_array_keeps_complete_records(tmp_path: Path):
    records = [{"title": f"خبر {i}", "content": f"{SEED_TEXT} رقم {i}"} for i in range(3)]
    text = json.dumps(records, ensure_ascii=False)
    (tmp_path / "cut.json").write_text(text[: len(text) - 40], encoding="utf-8")  # cut inside the 3rd record
    docs, rejects = _ingest(tmp_path)
    assert [d.title for _, d in docs] == ["خبر 0", "خبر 1"]
    assert len(rejects) == 1 and "truncated or invalid JSON from record 2" in rejects[0].reason


def test_json_single_object_and_custom_fields(tmp_path: Path):
    (tmp_path / "one.json").write_text(json.dumps({"headline": "عنوان", "article": SEED_TEXT}, ensure_ascii=False),
                                       encoding="utf-8")
    docs, rejects = _ingest(tmp_path)
    assert rejects == [] and docs[0][1].title == "عنوان"
    fields = {"title": ("t",), "text": ("body_ar",), "url": (), "source": (), "date": (), "scraped_at": (), "author": ()}
    (tmp_path / "one.json").write_text(json.dumps({"t": "x", "body_ar": SEED_TEXT}, ensure_ascii=False), encoding="utf-8")
    docs, rejects = ingest_inputs(iter_inputs(tmp_path), fields)
    assert docs[0][1].title == "x" and rejects == []


def test_html_article_keeps_text_and_metadata_and_drops_widgets():
    docs, rejects = _ingest(HTML / "article_ar.html")
    assert rejects == []
    doc = docs[0][1]
    assert doc.title == "البرلمان يقر موازنة العام الجديد بعد نقاش طويل"
    assert doc.author == "سارة الحسيني"
    assert doc.url == "https://www.almasaa.example/news/2024/11/05/budget"
    assert doc.published_at.date().isoformat() == "2024-11-05"
    assert "أقر مجلس النواب" in doc.raw_text and "80 مليار دولار" in doc.raw_text
    for widget in ("مواقيت الصلاة", "أخبار ذات صلة", "اترك تعليقاً", "جميع الحقوق محفوظة"):
        assert widget not in doc.raw_text
    assert not doc.raw_text.startswith(doc.title), "the <h1> title is metadata, not body"


def test_html_without_article_is_a_reject():
    docs, rejects = _ingest(HTML / "no_article.html")
    assert docs == []
    assert "no article text" in rejects[0].reason


def test_duplicate_content_in_one_batch_is_a_reject_not_a_second_row(tmp_path: Path):
    (tmp_path / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SEED_TEXT.replace("الأمن", "الأَمن"), encoding="utf-8")  # same after normalising
    docs, rejects = _ingest(tmp_path)
    assert len(docs) == 1 and "duplicate content" in rejects[0].reason


def test_missing_input_path_is_a_clear_error(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        list(iter_inputs(tmp_path / "nope"))


@pytest.mark.parametrize(
    "value,iso",
    [
        ("2015-07-21 01:51:09", "2015-07-21T01:51:09+00:00"),
        ("2024-10-28T12:56:00+03:00", "2024-10-28T09:56:00+00:00"),
        ("28.10.2024", "2024-10-28T00:00:00+00:00"),
        ("not a date", None),
        (None, None),
    ],
)
def test_parse_timestamp(value, iso):
    parsed = parse_timestamp(value)
    assert (parsed.isoformat() if parsed else None) == iso


def test_an_exception_while_reading_one_input_is_a_reject(tmp_path: Path, monkeypatch):
    import akhbar.ingest as ingest

    (tmp_path / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>نص</p></body></html>", encoding="utf-8")

    def broken(unit):
        raise ImportError("a parser dependency is missing")

    monkeypatch.setattr(ingest, "_from_html", broken)
    docs, rejects = _ingest(tmp_path)
    assert len(docs) == 1
    assert rejects[0].reason == "ingest failed: ImportError: a parser dependency is missing"
