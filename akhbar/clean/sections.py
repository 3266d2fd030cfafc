"""Section labels: a one- or two-word rubric above the title («سياسة», «اقتصاد»,
«رياضة», «عربي ودولي»)."""

from __future__ import annotations

import re

from akhbar.clean._text import Line

# line_key() forms (normalised: ة→ه, أ→ا, ى→ي)
KNOWN_SECTIONS = set(
    """سياسه اقتصاد رياضه ثقافه فن فنون منوعات تكنولوجيا تقنيه علوم صحه محليات دوليات عربي دولي
    عالم العالم اخبار مقالات راي اراء تقارير حوارات مجتمع حوادث عربيات اسواق اعمال سيارات
    بيئه تعليم شباب مراه المراه ترفيه سياحه طب ثقافه وفنون فن وثقافه عربي ودولي شوون عربيه
    اخبار محليه اخبار عربيه اخبار دوليه اقتصاد واعمال مال واعمال الاقتصاد الرياضه السياسه
    الثقافه المحليات الدوليات العالم العربي الخليج مصر السعوديه ملفات تحقيقات حوار تحقيق
    منوعات وفنون اسلاميات دين ودنيا اخبار عاجله عاجل فيديو صور انفوجراف""".split("\n")
)
_SECTIONS = {" ".join(s.split()) for chunk in KNOWN_SECTIONS for s in [chunk]}
_WORDS = set(" ".join(_SECTIONS).split())
_MULTI = {"عربي ودولي", "ثقافه وفنون", "فن وثقافه", "شوون عربيه", "اخبار محليه", "اخبار عربيه",
          "اخبار دوليه", "اقتصاد واعمال", "مال واعمال", "العالم العربي", "منوعات وفنون", "دين ودنيا",
          "اخبار عاجله"}


def is_section_label(line: Line, top: bool = False) -> bool:
    """A rubric: a known section name, or (at the very top, ``top=True``) any single
    word without digits or punctuation."""
    if line.n_words == 0 or line.n_words > 3 or line.has_digit:
        return False
    if re.search(r"[^\w\s]", line.text):
        return False
    key = line.key
    if key in _MULTI or (line.n_words == 1 and key in _WORDS):
        return True
    return top and line.n_words == 1
