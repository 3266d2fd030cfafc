"""``quotes``: statements attributed to a speaker (who said what)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pyarrow
from pandera.typing import DataFrame, Series

from schemas._common import DOC_ID_PATTERN, I32, STR

QUOTE_KINDS = ("direct", "reported", "according_to")

ARROW = pyarrow.schema(
    [
        ("doc_id", STR),
        ("sentence_idx", I32),
        ("start_char", I32),
        ("end_char", I32),
        ("text", STR),
        ("kind", STR),
        ("cue", STR),
        ("speaker", STR),
        ("speaker_canonical", STR),
        ("speaker_start", I32),
        ("speaker_end", I32),
    ]
)


class Quotes(pa.DataFrameModel):
    doc_id: Series[str] = pa.Field(str_matches=DOC_ID_PATTERN)
    sentence_idx: Series[int] = pa.Field(ge=0)
    start_char: Series[int] = pa.Field(ge=0)
    end_char: Series[int] = pa.Field(ge=1)
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    kind: Series[str] = pa.Field(isin=list(QUOTE_KINDS))
    cue: Series[str] = pa.Field(nullable=True)
    speaker: Series[str] = pa.Field(nullable=True)
    speaker_canonical: Series[str] = pa.Field(nullable=True)
    speaker_start: Series[pd.Int32Dtype] = pa.Field(nullable=True, ge=0)
    speaker_end: Series[pd.Int32Dtype] = pa.Field(nullable=True, ge=0)

    @pa.dataframe_check
    def span_matches_text(cls, df: DataFrame) -> Series[bool]:
        return (df["end_char"] - df["start_char"]) == df["text"].str.len()

    class Config:
        strict = True
        coerce = True
        unique = ["doc_id", "start_char", "end_char", "kind"]
