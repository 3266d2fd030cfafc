"""``entities``: named-entity mentions (people, organisations, places) with canonical names."""

from __future__ import annotations

import pandera.pandas as pa
import pyarrow
from pandera.typing import Series

from akhbar.config import ENTITY_LABELS
from akhbar.schemas._common import F64, STR, SpanModel, span_fields

ARROW = pyarrow.schema(
    [
        *span_fields(),
        ("label", STR),
        ("canonical", STR),
        ("canonical_en", STR),
        ("confidence", F64),
        ("entity_id", STR),
        ("name", STR),
        ("alias", STR),
        ("alias_key", STR),
        ("lat", F64),
        ("lon", F64),
        ("country_code", STR),
    ]
)


class Entities(SpanModel):
    text: Series[str] = pa.Field(str_length={"min_value": 1, "max_value": 200})  # a name, not a paragraph
    label: Series[str] = pa.Field(isin=list(ENTITY_LABELS))
    canonical: Series[str] = pa.Field(str_length={"min_value": 1})
    canonical_en: Series[str] = pa.Field(nullable=True)
    confidence: Series[float] = pa.Field(ge=0.0, le=1.0)
    entity_id: Series[str] = pa.Field(str_matches=r"^e[0-9a-f]{15}$")
    name: Series[str] = pa.Field(str_length={"min_value": 1, "max_value": 200})
    alias: Series[str] = pa.Field(str_length={"min_value": 1, "max_value": 200})
    alias_key: Series[str] = pa.Field(str_length={"min_value": 1})
    lat: Series[float] = pa.Field(nullable=True, ge=-90.0, le=90.0)
    lon: Series[float] = pa.Field(nullable=True, ge=-180.0, le=180.0)
    country_code: Series[str] = pa.Field(nullable=True, str_matches=r"^[A-Z]{2}$")

    class Config:
        unique = ["doc_id", "start_char", "end_char"]
