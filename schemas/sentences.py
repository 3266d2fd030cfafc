"""``sentences``: sentence spans with exact offsets into ``documents.clean_text``."""

from __future__ import annotations

import pandera.pandas as pa
import pyarrow
from pandera.typing import DataFrame, Series

from schemas._common import DOC_ID_PATTERN, I32, STR

ARROW = pyarrow.schema(
    [
        ("doc_id", STR),
        ("sentence_idx", I32),
        ("paragraph_idx", I32),
        ("start_char", I32),
        ("end_char", I32),
        ("text", STR),
    ]
)


class Sentences(pa.DataFrameModel):
    doc_id: Series[str] = pa.Field(str_matches=DOC_ID_PATTERN)
    sentence_idx: Series[int] = pa.Field(ge=0)
    paragraph_idx: Series[int] = pa.Field(ge=0)
    start_char: Series[int] = pa.Field(ge=0)
    end_char: Series[int] = pa.Field(ge=1)
    text: Series[str] = pa.Field(str_length={"min_value": 1})

    @pa.dataframe_check
    def span_matches_text(cls, df: DataFrame) -> Series[bool]:
        return (df["end_char"] - df["start_char"]) == df["text"].str.len()

    class Config:
        strict = True
        coerce = True
        unique = ["doc_id", "sentence_idx"]
