"""Figures: numbers in Arabic news text, resolved to values, bounds, units and kinds.

``extract_figures(text, reference_date=None)`` is the only entry point; the
conventions (vague amounts have ``qualifier="approx"`` and a ``magnitude``,
ranges have ``value=None`` and bounds, dates carry their precision in ``unit``)
are documented in :mod:`akhbar.figures.extract`.
"""

from __future__ import annotations

from akhbar.figures.extract import extract_figures

__all__ = ["extract_figures"]
