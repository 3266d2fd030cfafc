"""The day an article speaks from, for its relative dates («أمس», «اليوم», «الثلاثاء»).

The pipeline's reference date is the article's publication or scrape date; a scrape can lag
publication by days (SaudiNewsNet's ``date_extracted``). When the article itself names today's
or yesterday's weekday («اليوم الاثنين», «أمس (الثلاثاء)»), that weekday pins the day it was
written: the most recent such day on or before the reference date (within a week). Every
relative date of the article is then resolved from that one day, so «أمس» means one day in the
whole article (issue #24).
"""

from __future__ import annotations

import datetime as dt
import re

from akhbar.figures import lexicon as L
from akhbar.text import fold_match

_WEEKDAY_ALT = "|".join(sorted(map(re.escape, L.WEEKDAYS), key=len, reverse=True))
_PINNED_RE = re.compile(
    rf"(?<![\w])(اليوم|امس|بالامس)[\s،,(]{{0,3}}({_WEEKDAY_ALT})(?![\w])"
)


def anchor_date(text: str, reference_date: dt.date | None) -> dt.date | None:
    """``reference_date`` moved back to the day the article names as today (at most 6 days
    back); unchanged when the article names none or ``reference_date`` is None."""
    if reference_date is None or not text:
        return reference_date
    m = _PINNED_RE.search(fold_match(text))
    if m is None:
        return reference_date
    wd = L.WEEKDAYS[m.group(2)]
    if m.group(1) != "اليوم":
        wd = (wd + 1) % 7  # «أمس الثلاثاء»: today is Wednesday
    return reference_date - dt.timedelta(days=(reference_date.weekday() - wd) % 7)
