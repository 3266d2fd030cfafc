"""``sentences``: sentence spans with exact offsets into ``documents.clean_text``."""

from __future__ import annotations

import pandera.pandas as pa
import pyarrow
from pandera.typing import Series

from akhbar.schemas._common import I32, SpanModel, span_fields

ARROW = pyarrow.schema(span_fields(("paragraph_idx", I32)))


class Sentences(SpanModel):
    paragraph_idx: Series[int] = pa.Field(ge=0)

    class Config:
        unique = ["doc_id", "sentence_idx"]
