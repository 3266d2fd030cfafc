"""Share/follow bars and site navigation."""

from __future__ import annotations

import re

from akhbar.clean._text import Line

_NETWORKS = set(
    "فيسبوك فيس بوك الفيسبوك الفيس تويتر التويتر اكس واتساب واتس اب الواتساب واتسآب تيليجرام تليجرام تلغرام "
    "التليجرام انستغرام انستجرام انستقرام الانستغرام يوتيوب اليوتيوب لينكدان لينكد ان سناب شات سناب شات تيك توك "
    "تيكتوك ماسنجر بينتريست ريديت جوجل نيوز ثريدز بلس "
    "facebook twitter x whatsapp telegram instagram youtube linkedin snapchat tiktok messenger "
    "pinterest reddit email print threads google news".split()
)
_SHARE_WORDS = set(
    "شارك شاركها شاركوا مشاركه المشاركه انشر نشر ارسل طباعه اطبع نسخ الرابط انسخ تابع تابعونا تابعنا "
    "عبر علي في عبر البريد الالكتروني بريد share tweet follow us on copy link print via "
    # «شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك»: the comment prompt beside the bar
    "من خلال اكتب رايك علق تعليقك".split()
)
_SOCIAL_START = re.compile(
    r"^(?:تابعونا|تابعنا|تابعوا|انضم|انضموا|اشترك|اشتركوا|للاشتراك|لمتابعه|حمل تطبيق|حملوا تطبيق)"
    r"(?: (?:الينا|الي|في|علي|عبر|قناتنا|قناه|صفحتنا|حسابنا|حساباتنا|اخبارنا|اخر الاخبار|اخبار|اهم الاخبار|اشعارات|تطبيق|مجموعتنا|النشره))"
)
_OURS = re.compile(r"(?:قناتنا|صفحتنا|حسابنا|حساباتنا|مجموعتنا|اخبارنا|تطبيقنا|النشره البريديه|منصاتنا|مواقع التواصل)")
_SOCIAL_EXACT = re.compile(
    r"^(?:شارك|شاركوا|مشاركه|شارك المقال|شارك الخبر|شارك هذا (?:المقال|الخبر)|شارك علي|"
    r"انشر|نشر علي|مشاركه الخبر|المشاركات|share|share this|تابعونا علي|تابعنا علي|"
    r"نسخ الرابط|تم نسخ الرابط|الرابط المختصر|رابط مختصر)$"
)
_NAV_EXACT = re.compile(
    r"^(?:زر الذهاب الي الاعلي|الذهاب الي الاعلي|العوده (?:الي|ل)(?:ل)?(?:الاعلي|اعلي)|العوده للاعلي|"
    r"الي الاعلي|للاعلي|اعلي الصفحه|back to top|الرييسيه|الصفحه الرييسيه|home|"
    r"التالي|السابق|المقال التالي|المقال السابق|الخبر التالي|الخبر السابق|next|previous|"
    r"اقرا المزيد|عرض المزيد|تحميل المزيد|اضغط هنا|اضغط هنا للمزيد|للمزيد اضغط هنا|"
    r"طباعه|اطبع|حجم الخط|تكبير الخط|تصغير الخط|ا ا|a a|a|"
    r"القايمه|القايمه الرييسيه|بحث|ابحث|البحث|اغلاق|اغلق|تسجيل الدخول|تسجيل الخروج|"
    r"النشره البريديه|اشترك في النشره البريديه|خريطه الموقع|اتصل بنا|من نحن|"
    r"الاكثر انتشارا|اكثر الكلمات انتشارا|الكلمات الاكثر انتشارا|"
    r"الوسوم|وسوم|الكلمات الدالله|الكلمات الداله|كلمات داله|كلمات مفتاحيه|الكلمات المفتاحيه|tags|"
    r"مواضيع|مواضيع الخبر|ذات الصله بالوسوم)$"
)
_TAG_HEADER_WORDS = (
    r"(?:الاكثر انتشارا|اكثر الكلمات انتشارا|الكلمات الاكثر انتشارا|(?:ال)?وسوم(?: ذات (?:ال)?صله)?|"
    r"(?:ال)?كلمات (?:ال)?(?:داله|دلاليه|مفتاحيه|البحث)|(?:ال)?كلمات ذات (?:ال)?صله|tags|مواضيع الخبر)"
)
_TAG_HEADER = re.compile(rf"^{_TAG_HEADER_WORDS}$")
# «كلمات البحث: ابن · مساعد», «الوسوم: الحج، مكة»: the header and its tags on one line
_TAG_LINE = re.compile(rf"^{_TAG_HEADER_WORDS} ?[:：]")
_BREADCRUMB = re.compile(r"^(?:الرييسيه|home)\s*[>»/›|\\-]")


_SHARE_BAR = re.compile(
    r"^(?:شارك|شاركي|شاركوا|انشر|مشاركه|share)(?: (?:هذا|هذه))?(?: (?:المقال|الخبر|الموضوع|الصفحه|التقرير|القصه|"
    r"الفيديو|الصوره|المنشور|article|this|post))?(?: (?:عبر|علي|في|مع|on|via))?(?: (?:اصدقايك|اصدقاءك|اصدقائك))?$"
)


_LINK_WORDS = frozenset("من في علي عبر خلال on via us".split())


def is_bar_end(word: str) -> bool:
    """A word a share bar can end on (a network, «شارك», «رأيك»; not a preposition), in
    ``Line.words`` form."""
    return (word in _NETWORKS or word in _SHARE_WORDS) and word not in _LINK_WORDS and len(word) >= 3 \
        and word != "شارك"  # a bar opens with «شارك»; after one it is the text's verb


def is_social(line: Line) -> bool:
    if line.n_words == 0 or line.n_words > 14:
        return False
    key = line.key
    if _SOCIAL_EXACT.match(key) or _SHARE_BAR.match(key):
        return True
    words = line.words
    nets = sum(1 for w in words if w in _NETWORKS)
    if _SOCIAL_START.match(key) and line.n_words <= 14 and (
        nets or _OURS.search(key) or line.n_words <= 3
    ):
        return True
    if nets == 0:
        return False
    share = sum(1 for w in words if w in _NETWORKS or w in _SHARE_WORDS)
    return share / len(words) >= 0.75 and (nets >= 2 or len(words) <= 3)


_SLIDER = re.compile(r"^(?:next previous|previous next|السابق التالي|التالي السابق)(?: |$)")


def is_navigation(line: Line) -> bool:
    if line.n_words > 18:
        return False
    if line.n_words > 12:
        return is_tag_line(line)
    return bool(_NAV_EXACT.match(line.key) or _TAG_HEADER.match(line.key) or _BREADCRUMB.match(line.norm)
                or _SLIDER.match(line.key) or is_tag_line(line))


def breadcrumb_section(line: Line) -> str | None:
    """«الرئيسية > أخبار > سياسة» → «سياسة» (author's spelling)."""
    if not _BREADCRUMB.match(line.norm):
        return None
    parts = [p.strip() for p in re.split(r"[>»/›|\\]|\s-\s", line.text) if p.strip()]
    if len(parts) >= 2 and len(parts[-1].split()) <= 3:
        return parts[-1]
    return None


_COPYRIGHT = re.compile(
    r"^(?:c )?(?:جميع الحقوق محفوظه|كل الحقوق محفوظه|حقوق النشر محفوظه|الحقوق محفوظه|copyright|all rights reserved)"
)


def is_copyright(line: Line) -> bool:
    return line.n_words <= 15 and bool(_COPYRIGHT.match(line.key)) or (
        "©" in line.text and line.n_words <= 15
    )


def is_tag_header(line: Line) -> bool:
    return bool(_TAG_HEADER.match(line.key))


_TAG_SEPARATORS = re.compile(r"[·•|،,/#]|\s[-–]\s")


def is_tag_line(line: Line) -> bool:
    """A tag header and its tags on one line: «كلمات البحث: ابن · مساعد», «الوسوم: مكة، الحج»
    (the tags: at most 15 words, no sentence end, separated by a mark or at most four)."""
    if line.n_words > 18 or not _TAG_LINE.match(line.norm):
        return False
    rest = line.text.split(":", 1)[-1] if ":" in line.text else line.text.split("：", 1)[-1]
    rest = rest.strip()
    if not rest or rest[-1] in ".؟?!…":
        return False
    return len(rest.split()) <= 4 or bool(_TAG_SEPARATORS.search(rest))


# (unlike clean._HASHTAGS_ONLY, «_» is allowed: under a tag header «#a_b» is a tag, not a quoted tweet's)
_HASHTAG_ITEM = re.compile(r"^\s*#[^\s#:]+(?:\s+#[^\s#:]+)*\s*$")


def _tag_item(line: Line) -> bool:
    return bool(_HASHTAG_ITEM.match(line.text)) or (line.n_words <= 3 and not line.ends_sentence)


def find_tag_blocks(lines: list[Line], taken: set[int]) -> dict[int, tuple[str, float]]:
    """Tag clouds: a header, then very short lines up to the end of the text, or a run of
    tags right under it (hashtags, or at least two lines of one to three words) where other
    widgets follow."""
    out: dict[int, tuple[str, float]] = {}
    n = len(lines)
    for i, ln in enumerate(lines):
        if not is_tag_header(ln):
            continue
        tail = [k for k in range(i + 1, n) if k not in taken]
        if all(lines[k].n_words <= 4 and not lines[k].ends_sentence for k in tail) and len(tail) <= 30:
            for k in tail:
                out[k] = ("tag_cloud_item", 0.85)
            continue
        run: list[int] = []
        for k in tail:
            if k != (run[-1] if run else i) + 1 or not _tag_item(lines[k]) or len(run) >= 30:
                break
            run.append(k)
        if len(run) >= 2 or any(_HASHTAG_ITEM.match(lines[k].text) for k in run):
            for k in run:
                out[k] = ("tag_cloud_item", 0.85)
    return out
