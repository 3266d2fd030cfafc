"""Turn a processed batch into rows of the output tables (plain dicts, one list per table).

The column names here are the data contract (docs/data-contract.md); their types
and checks are enforced by the pandera models in ``akhbar.schemas``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from akhbar.config import PIPELINE_VERSION
from akhbar.ingest import stable_key
from akhbar.models import Reject
from akhbar.pipeline import DocState
from akhbar.quotes import quote_rows

Rows = dict[str, list[dict]]

CHILD_TABLES = ("boilerplate", "sentences", "entities", "figures", "quotes")


def document_rows(batch: Sequence[DocState], run_id: str, ingested_at: dt.datetime) -> Rows:
    rows: Rows = {name: [] for name in ("documents", *CHILD_TABLES)}
    for st in batch:
        clean = st.clean
        assert clean is not None
        raw = st.raw
        rows["documents"].append(
            {
                "doc_id": st.doc_id,
                "source_path": raw.source_path,
                "source": raw.source,
                "url": raw.url,
                "title": clean.title,
                "byline": clean.byline,  # the cleaner decides (an author field that is a sentence or a timestamp is none)
                "byline_person": clean.byline_person,
                "byline_outlet": clean.byline_outlet,
                "dateline_place": clean.dateline_place,
                "section": clean.section,
                "published_at": clean.published_at or raw.published_at,
                "updated_at": clean.updated_at,
                "scraped_at": raw.scraped_at,
                "raw_text": raw.raw_text,
                "clean_text": clean.clean_text,
                "n_paragraphs": clean.clean_text.count("\n") + 1 if clean.clean_text else 0,
                "n_sentences": len(st.sentences),
                "format": raw.fmt,
                "run_id": run_id,
                "ingested_at": ingested_at,
                "pipeline_version": PIPELINE_VERSION,
                "story_id": None,
            }
        )
        for rl in clean.removed:
            rows["boilerplate"].append(
                {
                    "doc_id": st.doc_id,
                    "line_no": rl.line_no,
                    "text": rl.text,
                    "category": rl.category,
                    "rule": rl.rule,
                    "confidence": float(rl.confidence),
                    "removed": True,
                    "kept_reason": None,
                    "char_start": rl.char_start,
                }
            )
        raw_lines = raw.raw_text.split("\n")
        for line_no, reason in clean.kept_notes:
            rows["boilerplate"].append(
                {
                    "doc_id": st.doc_id,
                    "line_no": line_no,
                    "text": raw_lines[line_no] if 0 <= line_no < len(raw_lines) else "",
                    "category": "other",
                    "rule": "kept",
                    "confidence": 0.0,
                    "removed": False,
                    "kept_reason": reason,
                    "char_start": None,
                }
            )
        for s in st.sentences:
            rows["sentences"].append(
                {
                    "doc_id": st.doc_id,
                    "sentence_idx": s.sentence_idx,
                    "paragraph_idx": s.paragraph_idx,
                    "start_char": s.start,
                    "end_char": s.end,
                    "text": s.text,
                }
            )
        for sidx, m in st.mentions:
            rows["entities"].append(
                {
                    "doc_id": st.doc_id,
                    "sentence_idx": sidx,
                    "start_char": m.start,
                    "end_char": m.end,
                    "text": m.text,
                    "label": m.label,
                    "canonical": m.canonical,
                    "canonical_en": m.canonical_en,
                    "confidence": float(m.confidence),
                    "entity_id": m.entity_id,
                    "name": m.name,
                    "alias": m.alias,
                    "alias_key": m.alias_key,
                    "lat": m.lat,
                    "lon": m.lon,
                    "country_code": m.country_code,
                }
            )
        for sidx, f in st.figures:
            rows["figures"].append(
                {
                    "doc_id": st.doc_id,
                    "sentence_idx": sidx,
                    "start_char": f.start,
                    "end_char": f.end,
                    "text": f.text,
                    "value": f.value,
                    "value_low": f.value_low,
                    "value_high": f.value_high,
                    "qualifier": f.qualifier,
                    "kind": f.kind,
                    "unit": f.unit,
                    "magnitude": f.magnitude,
                    "date_value": f.date_value,
                    "subject": f.subject,
                    "subject_key": f.subject_key,
                }
            )
        rows["quotes"].extend(quote_rows(st.doc_id, st.quotes))
    return rows


def reject_rows(rejects: Iterable[Reject], run_id: str, rejected_at: dt.datetime) -> list[dict]:
    """Rows of ``rejects``; ``reject_id`` is stable so a rerun does not add the same reject twice."""
    out = []
    for r in rejects:
        out.append(
            {
                "reject_id": stable_key(r.source, r.table, r.reason, r.payload),
                "source": r.source,
                "table": r.table,
                "reason": r.reason,
                "payload": r.payload,
                "doc_id": r.doc_id,
                "run_id": run_id,
                "rejected_at": rejected_at,
            }
        )
    return out
