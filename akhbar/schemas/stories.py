"""``stories``: one row per story (documents about the same real-world event, akhbar.stories).

Not yet in ``akhbar.schemas.MODELS``: the maintainer registers it when the flow writes the
table (docs/data-contract.md, section "stories (draft)").  The list columns are Arrow
``list<string>`` (DuckDB ``VARCHAR[]``).
"""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa
import pyarrow
from pandera.typing import DataFrame, Series

from akhbar.schemas._common import DOC_ID_PATTERN, I32, STR, TS

STORY_ID_PATTERN = r"^s[0-9a-f]{15}$"
ENTITY_ID_PATTERN = r"^e[0-9a-f]{15}$"
STR_LIST = pyarrow.list_(STR)

ARROW = pyarrow.schema(
    [
        ("story_id", STR),
        ("title", STR),
        ("representative_doc_id", STR),
        ("first_seen", TS),
        ("last_seen", TS),
        ("n_documents", I32),
        ("n_sources", I32),
        ("sources", STR_LIST),
        ("top_entity_ids", STR_LIST),
    ]
)


def _strings(values: Series, pattern: str | None = None) -> Series[bool]:
    """Each cell is a list (or array) of strings, matching ``pattern`` when given."""
    rx = re.compile(pattern) if pattern else None

    def ok(cell) -> bool:
        if cell is None or isinstance(cell, str):
            return False
        return all(isinstance(v, str) and (rx is None or rx.match(v)) for v in cell)

    return values.map(ok)


class Stories(pa.DataFrameModel):
    story_id: Series[str] = pa.Field(str_matches=STORY_ID_PATTERN, unique=True)
    title: Series[str] = pa.Field(nullable=True, str_length={"min_value": 1, "max_value": 1000})
    representative_doc_id: Series[str] = pa.Field(str_matches=DOC_ID_PATTERN)
    first_seen: Series[pd.DatetimeTZDtype] = pa.Field(dtype_kwargs={"unit": "us", "tz": "UTC"})
    last_seen: Series[pd.DatetimeTZDtype] = pa.Field(dtype_kwargs={"unit": "us", "tz": "UTC"})
    n_documents: Series[int] = pa.Field(ge=1)
    n_sources: Series[int] = pa.Field(ge=0)
    sources: Series[object]
    top_entity_ids: Series[object]

    @pa.check("sources")
    def sources_are_strings(cls, s: Series) -> Series[bool]:
        return _strings(s)

    @pa.check("top_entity_ids")
    def entity_ids_are_ids(cls, s: Series) -> Series[bool]:
        return _strings(s, ENTITY_ID_PATTERN)

    @pa.dataframe_check
    def seen_in_order(cls, df: DataFrame) -> Series[bool]:
        return df["last_seen"] >= df["first_seen"]

    @pa.dataframe_check
    def sources_counted(cls, df: DataFrame) -> Series[bool]:
        return df["n_sources"] == df["sources"].map(len)

    @pa.dataframe_check
    def no_more_sources_than_documents(cls, df: DataFrame) -> Series[bool]:
        return df["n_sources"] <= df["n_documents"]

    class Config:
        strict = True
        coerce = True
