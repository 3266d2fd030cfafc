"""Photo credits, image captions, «المصدر:» stubs and bylines."""

from __future__ import annotations

import re

from akhbar.clean._text import FUNCTION_WORDS, Line
from akhbar.text import collapse_spaces, fold_match

_AGENCY_LATIN = re.compile(
    r"\b(?:press|agency|afp|reuters|getty|gettyimages|images?|ap|epa|photos?|pool|sputnik|anadolu|"
    r"xinhua|tass|ria|novosti|shutterstock|globallookpress|keystone|imago|dpa|istock|alamy|efe|ansa|"
    r"zuma|sipa|bloomberg|wikimedia|commons|credit|courtesy|archive|ria novosti|aa|spa|wam|mena)\b",
    re.IGNORECASE,
)
# normalised Arabic agency names (line_key form, no punctuation)
_AGENCY_AR = (
    r"(?:رويترز|ا ف ب|اف ب|فرانس برس|وكاله فرانس برس|اسوشيتد برس|اسوشييتد برس|الاسوشيتد برس|ا ب|"
    r"د ب ا|الاناضول|وكاله الاناضول|سبوتنيك|غيتي|جيتي|غيتي ايميجز|جيتي ايماجز|ا ب ا|اي ب ا|"
    r"شينخوا|تاس|واس|وام|ارشيفيه|صوره ارشيفيه|الشرق الاوسط|وكالات|متداوله|مواقع التواصل|"
    r"سبق|يونيوز|انترنت|الانترنت|ارشيف)"
)
_AGENCY_ONLY = re.compile(rf"^(?:صوره |الصوره |تصوير |عن |المصدر )?{_AGENCY_AR}(?: {_AGENCY_AR})*$")
_PHOTO_PREFIX = re.compile(
    r"^(?:تصوير|تصوير الزميل|عدسه|بعدسه|بعدسه الزميل|المصور|الصوره|صوره|الصور|photo|photos|credit|"
    r"image|picture|حقوق الصوره)\s*[:：\-–|]"
)
_PHOTO_EXACT = re.compile(
    r"^(?:صوره|صور|الصوره) (?:ارشيفيه|تعبيريه|توضيحيه|من الارشيف|متداوله|من الانترنت)$|^ارشيفيه$|^تعبيريه$"
)
_CAPTION_START = re.compile(
    r"^(?:صوره|صور|الصوره|لقطه|لقطات) (?:(?:ارشيفيه|تعبيريه|توضيحيه|متداوله|من|تظهر|يظهر|تجمع|"
    r"نشرتها|وزعتها|بثتها|التقطت|ملتقطه|جويه|بالاقمار)(?: |$)|ل)"
)
# caption that ends with an agency credit: «جنود في كورسك (رويترز)», «… - أ ف ب»
_CAPTION_CREDIT_END = re.compile(
    rf"(?:\(\s*{_AGENCY_AR}\s*\)|[\-–—|]\s*{_AGENCY_AR}|\(\s*(?:[a-z]+\s*){{1,3}}\))\s*$"
)
_PLACE_AGENCY = re.compile(r"^\(?\s*\S+(?:\s\S+)?\s*[\-–—ـ:]+\s*\(?([^\-–—ـ:()]+)\)?\s*$")
_SOURCE = re.compile(r"^(?:المصدر|المصادر|مصدر الخبر|مصدر|source|sources)(?:$| )")
_SOURCE_ONLY = re.compile(rf"^(?:{_AGENCY_AR}|وكالات|وكالات الانباء|المحرر|محرر الموقع)$")
_BYLINE_WITH_SEP = re.compile(
    r"^(?:الكاتب|الكاتبه|كاتب المقال|المولف|كتب|كتبت|كتبه|بقلم|اعداد|اعدادا|تقرير|تحرير|حوار|متابعه|ترجمه|"
    r"ترجمه وتحرير|by|written by|المحرر|مراسل|مراسلنا|من مراسلنا)\s*[:：\-–—]\s*(\S.*)$",
    re.IGNORECASE,
)
_BYLINE_NO_SEP = re.compile(r"^(?:كتب|كتبت|بقلم|by|written by)\s+(\S.*)$", re.IGNORECASE)


def _ar_key(text: str) -> str:
    return collapse_spaces(re.sub(r"[^\w\s]|_", " ", fold_match(text)).lower())


_INLINE_PHOTO = re.compile(r"(?:^|[\-–—|(/]\s*)(?:تصوير|عدسه|بعدسه|الصوره|photo)\s*[:：]\s*\S")


def photo_credit_rule(line: Line, in_header: bool) -> tuple[str, float] | None:
    key = line.key
    if line.n_words > 16:
        return None
    if line.n_words <= 14 and not line.is_body() and _INLINE_PHOTO.search(line.norm):
        return ("inline_photo_credit", 0.85)  # «من أجواء المعرض - تصوير: خالد المهيري»
    if _PHOTO_PREFIX.match(line.norm) and line.n_words <= 10:
        return ("photo_prefix", 0.95)
    if _PHOTO_EXACT.match(key):
        return ("photo_archive", 0.95)
    if _AGENCY_ONLY.match(key) and line.n_words <= 6 and ("(" in line.text or line.n_words <= 4):
        # «(رويترز)», «أ.ف.ب», «صورة أرشيفية»
        return ("agency_only", 0.9)
    if line.latin_share >= 0.7 and line.n_words <= 12:
        if _AGENCY_LATIN.search(line.text):
            return ("latin_agency_credit", 0.95)
    return None


def caption_rule(line: Line) -> tuple[str, float] | None:
    if line.n_words > 25 or line.is_body() and line.n_words > 20:
        return None
    if _CAPTION_START.match(line.key) and not (line.ends_sentence and line.n_words > 12):
        return ("caption_prefix", 0.85)
    # the credit keeps its brackets/dash: test on norm (punctuation kept, dots → spaces)
    norm = collapse_spaces(line.norm.replace(".", " "))
    m = _CAPTION_CREDIT_END.search(norm)
    if m and len(norm[: m.start()].split()) >= 3:  # «عين اليوم – واس» is a credit, not a caption
        return ("caption_with_credit", 0.85)
    return None


_SYNDICATION = re.compile(
    r"^(?:خدمه|بالاتفاق مع|بالتعاون مع|خاص ب|خاص ل|ينشر بالاتفاق مع|تنشر بالاتفاق مع|حصري ل|نقلا عن)\s*"
    r"(?:ال)?(?:صحيفه|جريده|موقع|وكاله|مجله)?\s*\S"
)


def source_credit_rule(line: Line) -> tuple[str, float] | None:
    key = line.key
    if line.n_words <= 8 and not line.ends_sentence and _SYNDICATION.match(key) and (
        "«" in line.text or "{" in line.text or '"' in line.text or key.startswith(("خدمه", "خاص"))
    ):
        return ("syndication_credit", 0.85)
    if line.n_words <= 6 and _SOURCE.match(key) and (":" in line.text or line.n_words <= 3):
        return ("source_stub", 0.95)
    if line.n_words <= 3 and _SOURCE_ONLY.match(key) and "(" not in line.text:
        return ("source_agency_only", 0.8)
    m = _PLACE_AGENCY.match(line.norm)
    if m and line.n_words <= 5 and _AGENCY_ONLY.match(_ar_key(m.group(1))):
        return ("place_agency", 0.85)  # «دبي - وام», «الرياض ـ واس»
    return None


def explicit_byline(line: Line) -> str | None:
    """«كتب: محمد علي» / «بقلم محمد علي» → «محمد علي»; None otherwise."""
    if line.n_words > 8 or line.ends_sentence and line.text.rstrip()[-1] == ".":
        return None
    text = line.text
    if _BYLINE_WITH_SEP.match(line.norm):
        sep = re.search(r"[:：\-–—]", text)
        if sep is None:
            return None
        name = text[sep.end():]
    elif _BYLINE_NO_SEP.match(line.norm):
        name = text.split(None, 2 if line.norm.lower().startswith("written by") else 1)[-1]
        # «كتب الرئيس على حسابه» is a sentence: without a colon the rest must be a name
        if not looks_like_name(Line(pos=0, no=0, text=name)):
            return None
    else:
        return None
    name = name.strip(" :-–—")
    if not name or len(name.split()) > 6:
        return None
    return name


# words that make a short line a role or a scene, not a person's name
_NOT_NAME_WORDS = set(
    "رييس وزير امير الامير نايب مدير فريق اثناء خلال تكريم كلمه جانب لقطه صوره مدرب لاعب سمو الملك ملك "
    "سفير عضو مجلس امين محافظ الشيخ شيخ حفل لقاء اجتماع جلسه مباراه منتخب نادي وفد ولي العهد".split()
)


def looks_like_name(line: Line) -> bool:
    """2–4 words, no digits, no punctuation (a hyphen or a dot allowed), no function
    word, first word not an «ال» noun: «حبيبة وائل», «محمد عبد الله»."""
    if not 2 <= line.n_words <= 4 or line.has_digit:
        return False
    if re.search(r"[^\w\s.\-]", line.text):
        return False
    words = line.words
    if words[0].startswith("ال") or any(w in FUNCTION_WORDS or w in _NOT_NAME_WORDS for w in words):
        return False
    if any(w.startswith(("وال", "بال", "لل", "فال", "كال")) for w in words):
        return False
    return line.latin_share < 0.3


_NAME_CITY = re.compile(r"^\s*([^\-–—ـ:]+?)\s*[\-–—ـ]+\s*([^\-–—ـ:]+?)\s*$")


def name_city_byline(line: Line) -> str | None:
    """«عبدالكريم الحمد ـ الرياض» / «طلال عبدالله - جدة» → the name part."""
    if line.n_words > 6 or line.has_digit:
        return None
    m = _NAME_CITY.match(line.text)
    if not m:
        return None
    name, place = m.group(1).strip(), m.group(2).strip()
    if not 1 <= len(place.split()) <= 2:
        return None
    name_line = Line(pos=0, no=0, text=name)
    if not looks_like_name(name_line):
        return None
    return name
