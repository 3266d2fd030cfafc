"""Shared pieces of the table schemas: Arrow types and the span columns of text-span tables."""

from __future__ import annotations

import pandera.pandas as pa_
import pyarrow as pa
from pandera.typing import DataFrame, Series

STR = pa.string()
I32 = pa.int32()
F64 = pa.float64()
BOOL = pa.bool_()
TS = pa.timestamp("us", tz="UTC")
DATE = pa.date32()

DOC_ID_PATTERN = r"^[0-9a-f]{16}$"


def span_fields(*between: tuple[str, pa.DataType]) -> list[tuple[str, pa.DataType]]:
    """Arrow fields of a text-span table: doc_id, sentence_idx, ``between``, offsets, text."""
    return [("doc_id", STR), ("sentence_idx", I32), *between, ("start_char", I32), ("end_char", I32), ("text", STR)]


class SpanModel(pa_.DataFrameModel):
    """Columns and checks every text-span table shares (sentences, entities, figures,
    quotes): a document, a sentence, exact offsets into clean_text and the text itself."""

    doc_id: Series[str] = pa_.Field(str_matches=DOC_ID_PATTERN)
    sentence_idx: Series[int] = pa_.Field(ge=0)
    start_char: Series[int] = pa_.Field(ge=0)
    end_char: Series[int] = pa_.Field(ge=1)
    text: Series[str] = pa_.Field(str_length={"min_value": 1})

    @pa_.dataframe_check
    def span_matches_text(cls, df: DataFrame) -> Series[bool]:
        return (df["end_char"] - df["start_char"]) == df["text"].str.len()

    class Config:
        strict = True
        coerce = True
