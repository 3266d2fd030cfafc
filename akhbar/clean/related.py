"""Related-article lists: a header («أخبار ذات صلة», «اقرأ أيضاً», «الأكثر قراءة»,
«شاهد أيضا», «المزيد», …) followed by headline-like lines, optionally each with a
date or an age («منذ ساعة»); and inline «اقرأ أيضاً: <headline>» lines."""

from __future__ import annotations

import re

from akhbar.clean._text import Line, line_key, line_memo
from akhbar.metadata import is_age_line, parse_dateline

# Header phrases in line_key() form (normalised, no punctuation).
_HEADER_PHRASES = [
    r"(?:اخبار|مقالات|مواضيع|موضوعات|تقارير|روابط|قصص|عناوين) (?:ذات صله|متعلقه|مرتبطه|مشابهه|مقترحه|اخري)",
    r"ذات صله",
    r"(?:اقرا|اقراي|إقرأ|طالع|شاهد|تابع|انظر) (?:ايضا|كذلك|المزيد)",
    r"اقرا ايضا في",
    r"(?:الاكثر|الأكثر) (?:قراءه|مشاهده|تداولا|تعليقا|شعبيه|مشاركه|زياره)",
    r"(?:اخبار|مقالات|مواضيع) (?:الاكثر قراءه|ذات علاقه)",
    r"(?:قد|ربما) (?:يهمك|يعجبك|تهمك|يهمكم) (?:ايضا|كذلك)?",
    r"(?:اخبار|مقالات|مواضيع|موضوعات|قصص|تقارير) (?:قد|ربما) (?:تهمك|تعجبك|يهمك|يعجبك|تهمكم)(?: ايضا| كذلك)?",
    r"(?:لا )?(?:يفوتك|تفوتك|تفوتكم)(?: ايضا| كذلك)?",
    r"(?:اخترنا|ننصحك بقراءه|مختارات) ?(?:لك|لكم)?",
    r"المزيد(?: من (?:الاخبار|الاخبار ذات الصله|المقالات|[^\s]+))?",
    r"(?:اخر|احدث|اهم|ابرز) (?:الاخبار|الاخبار المحليه|المقالات|المواضيع)",
    r"(?:في|من) نفس (?:القسم|السياق|الموضوع)",
    r"اخبار اخري",
    r"مواد ذات صله",
    r"(?:related|read also|read more|more stories|most read)(?: (?:articles|news|stories))?",
]
_HEADER_RE = re.compile(r"^(?:" + "|".join(_HEADER_PHRASES) + r")$")
_INLINE_RE = re.compile(
    r"^\s*[\-–—•*»«(\[]?\s*(?:اقرا|طالع|شاهد|انظر|اقراي) (?:ايضا|كذلك|المزيد)\s*(?:[:：\-–—|»]|\s)\s*\S"
)
_INLINE_SEP_RE = re.compile(r"^(?:اقرا|طالع|شاهد|انظر|اقراي)\s+(?:ايضا|كذلك|المزيد)\s*[:：\-–—|»]")


@line_memo
def is_related_header(line: Line) -> bool:
    return line.n_words <= 7 and bool(_HEADER_RE.match(line.key))


@line_memo
def is_inline_related(line: Line) -> bool:
    """«اقرأ أيضاً: …» followed by a headline on the same line."""
    if line.n_words > 30 or line.n_words < 3:
        return False
    return bool(_INLINE_SEP_RE.match(line.norm.lstrip("-–—•*»«([ ")))


# A list header after the text's last sentence, the list run on behind it, its titles
# glued to one another (and often to the header): «… إلى اللقاء،،، مقالات أخرى
# للكاتببين العامي والفصيحالوطن العربي …».  Written by hand on the raw text: the header
# words in their spellings (hamza, ى/ي, ة/ه); no library knows these widgets.
_GLUED_HEADER_RE = re.compile(
    r"(?:(?<=\s)|^)(?P<h>(?:مقالات|أخبار|اخبار|مواضيع|موضوعات|تقارير)\s+"
    r"(?:[أا]خر[ىي]|ذات\s+صل[ةه]|متعلق[ةه]|مشابه[ةه])|[اإأ]قر[أا]\s+[أا]يض[اًا]+)(?P<w>\s*لل?كاتب)?(?P<next>\s*)(?=\S)"
)
_SENTENCE_END_BEFORE = ".!?؟…،:»\"”)"


def glued_list_header(text: str) -> tuple[int, str] | None:
    """(offset, header key) of the last related-list header in a line that either follows
    a sentence end (or opens the line) or is glued to the first item after it
    («للكاتبآه يا لندن»), with more text behind it; the caller decides, from the source's
    other documents, whether it is the source's list widget."""
    found = None
    for m in _GLUED_HEADER_RE.finditer(text):
        before = text[: m.start()].rstrip()
        if not before or before[-1] in _SENTENCE_END_BEFORE or not m.group("next"):
            found = m
    if found is None:
        return None
    return found.start("h"), " ".join(line_key(found.group("h")).split())


_ITEM_MARK_RE = re.compile(r"^\s*[•»·▪◄►■*\-–—]\s*\S")


def is_date_or_age(line: Line, reference=None) -> bool:
    return is_age_line(line.text) or parse_dateline(line.text, reference) is not None


def is_headline_like(line: Line) -> bool:
    """Short enough to be a headline in a list: ≤ 22 words, no running-text shape."""
    if line.n_words == 0 or line.n_words > 22:
        return False
    if line.n_words >= 14 and line.ends_sentence and line.text.rstrip()[-1] == ".":
        return False
    return True


def find_related_blocks(
    lines: list[Line], taken: set[int], reference=None
) -> dict[int, tuple[str, float]]:
    """pos → (rule, confidence) for related-article headers and their items.

    At the end of an article every headline-like line after the header is taken.  In
    the middle of an article (running text follows) only the first headline and lines
    followed by a date/age are taken, so that a sub-heading that opens the next
    paragraph is not swallowed."""
    out: dict[int, tuple[str, float]] = {}
    n = len(lines)
    body_after = [False] * (n + 1)
    for k in range(n - 1, -1, -1):
        body_after[k] = body_after[k + 1] or (k not in taken and lines[k].is_body())
    for i, ln in enumerate(lines):
        if i in taken or i in out:
            continue
        if is_inline_related(ln):
            out[i] = ("inline_read_also", 0.95)
            continue
        if not is_related_header(ln):
            continue
        out[i] = ("related_header", 0.97)
        items = 0
        j = i + 1
        while j < n and j not in taken:
            cur = lines[j]
            if is_related_header(cur) or is_inline_related(cur):
                break
            if is_date_or_age(cur, reference):
                out[j] = ("related_item_date", 0.95)
                j += 1
                continue
            if not is_headline_like(cur):
                break
            nxt_is_date = j + 1 < n and (j + 1) not in taken and is_date_or_age(lines[j + 1], reference)
            if not body_after[j + 1]:
                out[j] = ("related_item", 0.9)
            elif nxt_is_date or (items == 0 and cur.n_words >= 4) or (items and _ITEM_MARK_RE.match(cur.text)):
                # (a sub-heading does not open with a list's mark; a further item does)
                out[j] = ("related_item", 0.85)
            else:
                break
            items += 1
            j += 1
    return out
