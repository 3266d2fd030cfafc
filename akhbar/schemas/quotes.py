"""``quotes``: statements attributed to a speaker (who said what)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pyarrow
from pandera.typing import Series

from akhbar.schemas._common import I32, STR, SpanModel, span_fields

QUOTE_KINDS = ("direct", "reported", "according_to")
SPEAKER_KINDS = ("named", "generic", "pronoun")

ARROW = pyarrow.schema(
    [
        *span_fields(),
        ("kind", STR),
        ("cue", STR),
        ("speaker", STR),
        ("speaker_canonical", STR),
        ("speaker_start", I32),
        ("speaker_end", I32),
        ("speaker_kind", STR),
        ("speaker_entity_id", STR),
    ]
)


class Quotes(SpanModel):
    kind: Series[str] = pa.Field(isin=list(QUOTE_KINDS))
    cue: Series[str] = pa.Field(nullable=True)
    speaker: Series[str] = pa.Field(nullable=True)
    speaker_canonical: Series[str] = pa.Field(nullable=True)
    speaker_start: Series[pd.Int32Dtype] = pa.Field(nullable=True, ge=0)
    speaker_end: Series[pd.Int32Dtype] = pa.Field(nullable=True, ge=0)
    speaker_kind: Series[str] = pa.Field(nullable=True, isin=list(SPEAKER_KINDS))
    speaker_entity_id: Series[str] = pa.Field(nullable=True, str_matches=r"^e[0-9a-f]{15}$")

    class Config:
        unique = ["doc_id", "start_char", "end_char", "kind"]
