"""``figures``: numbers with what they count, resolved to values, bounds, units and kinds."""

from __future__ import annotations

import pandera.pandas as pa
import pyarrow
from pandera.typing import DataFrame, Series

from akhbar.config import FIGURE_KINDS, FIGURE_QUALIFIERS
from akhbar.schemas._common import DATE, F64, STR, SpanModel, span_fields

ARROW = pyarrow.schema(
    [
        *span_fields(),
        ("value", F64),
        ("value_low", F64),
        ("value_high", F64),
        ("qualifier", STR),
        ("kind", STR),
        ("unit", STR),
        ("magnitude", F64),
        ("date_value", DATE),
        ("subject", STR),
        ("subject_key", STR),
    ]
)


class Figures(SpanModel):
    value: Series[float] = pa.Field(nullable=True)
    value_low: Series[float] = pa.Field(nullable=True)
    value_high: Series[float] = pa.Field(nullable=True)
    qualifier: Series[str] = pa.Field(isin=list(FIGURE_QUALIFIERS))
    kind: Series[str] = pa.Field(isin=list(FIGURE_KINDS))
    unit: Series[str] = pa.Field(nullable=True)
    magnitude: Series[float] = pa.Field(nullable=True, gt=0)
    # Arrow's date32 already types this column; pandera's own date dtype goes through
    # pandas timestamps, which cannot hold historical dates («فبراير 1258»)
    date_value: Series[object] = pa.Field(nullable=True)
    subject: Series[str] = pa.Field(nullable=True)
    subject_key: Series[str] = pa.Field(nullable=True)

    @pa.dataframe_check
    def bounds_ordered(cls, df: DataFrame) -> Series[bool]:
        low, high = df["value_low"], df["value_high"]
        return low.isna() | high.isna() | (low <= high)

    @pa.dataframe_check
    def something_resolved(cls, df: DataFrame) -> Series[bool]:
        """A figure must resolve to a value, bounds, a magnitude or a date."""
        return ~(
            df["value"].isna()
            & df["value_low"].isna()
            & df["value_high"].isna()
            & df["magnitude"].isna()
            & df["date_value"].isna()
        )
