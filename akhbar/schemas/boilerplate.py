"""``boilerplate``: the audit of every line the cleaner removed (and of doubtful lines it kept)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pyarrow
from pandera.typing import Series

from akhbar.config import BOILERPLATE_CATEGORIES
from akhbar.schemas._common import BOOL, DOC_ID_PATTERN, F64, I32, STR

ARROW = pyarrow.schema(
    [
        ("doc_id", STR),
        ("line_no", I32),
        ("text", STR),
        ("category", STR),
        ("rule", STR),
        ("confidence", F64),
        ("removed", BOOL),
        ("kept_reason", STR),
        ("char_start", I32),
    ]
)


class Boilerplate(pa.DataFrameModel):
    doc_id: Series[str] = pa.Field(str_matches=DOC_ID_PATTERN)
    line_no: Series[int] = pa.Field(ge=0)
    text: Series[str]
    category: Series[str] = pa.Field(isin=list(BOILERPLATE_CATEGORIES))
    rule: Series[str] = pa.Field(str_length={"min_value": 1})
    confidence: Series[float] = pa.Field(ge=0.0, le=1.0)
    removed: Series[bool]
    kept_reason: Series[str] = pa.Field(nullable=True)
    # a part of a line (sub-line template): where ``text`` starts in the raw line; null = the whole line
    char_start: Series[pd.Int32Dtype] = pa.Field(nullable=True, ge=0)

    class Config:
        strict = True
        coerce = True
        unique = ["doc_id", "line_no", "char_start"]
