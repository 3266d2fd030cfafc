"""Figures: numbers in Arabic news text, resolved to values, bounds, units and kinds.

``extract_figures(text, reference_date=None)`` is the entry point
(``audit_figures`` also counts, by named guard, the numbers that were not figures); the
conventions (vague amounts have ``qualifier="approx"`` and a ``magnitude``,
ranges have ``value=None`` and bounds, dates carry their precision in ``unit``)
are documented in :mod:`akhbar.figures.extract`.
"""

from __future__ import annotations

from akhbar.figures.anchor import anchor_date
from akhbar.figures.extract import audit_figures, extract_figures
from akhbar.figures.guards import REASONS

__all__ = ["extract_figures", "audit_figures", "anchor_date", "REASONS"]
