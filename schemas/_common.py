"""Shared pieces of the table schemas: Arrow types and pandera field helpers."""

from __future__ import annotations

import pyarrow as pa

STR = pa.string()
I32 = pa.int32()
F64 = pa.float64()
BOOL = pa.bool_()
TS = pa.timestamp("us", tz="UTC")
DATE = pa.date32()

DOC_ID_PATTERN = r"^[0-9a-f]{16}$"
