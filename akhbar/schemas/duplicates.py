"""``duplicates``: paragraphs that near-duplicate an earlier paragraph (syndicated copy)."""

from __future__ import annotations

import pandera.pandas as pa
import pyarrow
from pandera.typing import Series

from akhbar.schemas._common import DOC_ID_PATTERN, F64, I32, STR

ARROW = pyarrow.schema(
    [
        ("doc_id", STR),
        ("paragraph_idx", I32),
        ("dup_of_doc_id", STR),
        ("dup_of_paragraph_idx", I32),
        ("similarity", F64),
    ]
)


class Duplicates(pa.DataFrameModel):
    doc_id: Series[str] = pa.Field(str_matches=DOC_ID_PATTERN)
    paragraph_idx: Series[int] = pa.Field(ge=0)
    dup_of_doc_id: Series[str] = pa.Field(str_matches=DOC_ID_PATTERN)
    dup_of_paragraph_idx: Series[int] = pa.Field(ge=0)
    similarity: Series[float] = pa.Field(ge=0.0, le=1.0)

    class Config:
        strict = True
        coerce = True
        unique = ["doc_id", "paragraph_idx"]
