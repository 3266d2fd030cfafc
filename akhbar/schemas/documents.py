"""``documents``: one row per article that made it through ingestion and cleaning."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pyarrow
from pandera.typing import Series

from akhbar.schemas._common import DOC_ID_PATTERN, I32, STR, TS

ARROW = pyarrow.schema(
    [
        ("doc_id", STR),
        ("source_path", STR),
        ("source", STR),
        ("url", STR),
        ("title", STR),
        ("byline", STR),
        ("byline_person", STR),
        ("byline_outlet", STR),
        ("dateline_place", STR),
        ("section", STR),
        ("published_at", TS),
        ("updated_at", TS),
        ("scraped_at", TS),
        ("raw_text", STR),
        ("clean_text", STR),
        ("n_paragraphs", I32),
        ("n_sentences", I32),
        ("format", STR),
        ("run_id", STR),
        ("ingested_at", TS),
        ("pipeline_version", STR),
        ("story_id", STR),
    ]
)


class Documents(pa.DataFrameModel):
    doc_id: Series[str] = pa.Field(str_matches=DOC_ID_PATTERN, unique=True)
    source_path: Series[str] = pa.Field(str_length={"min_value": 1})
    source: Series[str] = pa.Field(nullable=True)
    url: Series[str] = pa.Field(nullable=True)
    title: Series[str] = pa.Field(nullable=True, str_length={"min_value": 1, "max_value": 1000})
    byline: Series[str] = pa.Field(nullable=True)
    byline_person: Series[str] = pa.Field(nullable=True)
    byline_outlet: Series[str] = pa.Field(nullable=True)
    dateline_place: Series[str] = pa.Field(nullable=True)
    section: Series[str] = pa.Field(nullable=True)
    published_at: Series[pd.DatetimeTZDtype] = pa.Field(nullable=True, dtype_kwargs={"unit": "us", "tz": "UTC"})
    updated_at: Series[pd.DatetimeTZDtype] = pa.Field(nullable=True, dtype_kwargs={"unit": "us", "tz": "UTC"})
    scraped_at: Series[pd.DatetimeTZDtype] = pa.Field(nullable=True, dtype_kwargs={"unit": "us", "tz": "UTC"})
    raw_text: Series[str] = pa.Field(str_length={"min_value": 1})
    # a document whose every line was boilerplate has nothing left to analyse
    clean_text: Series[str] = pa.Field(str_length={"min_value": 1})
    n_paragraphs: Series[int] = pa.Field(ge=1)
    n_sentences: Series[int] = pa.Field(ge=1)
    format: Series[str] = pa.Field(isin=["txt", "html", "jsonl", "json"])
    run_id: Series[str]
    ingested_at: Series[pd.DatetimeTZDtype] = pa.Field(dtype_kwargs={"unit": "us", "tz": "UTC"})
    pipeline_version: Series[str]
    # set by the stories step after the batch is stored (akhbar.story_store): null until then
    story_id: Series[str] = pa.Field(nullable=True, str_matches=r"^s[0-9a-f]{15}$")

    class Config:
        strict = True
        coerce = True
