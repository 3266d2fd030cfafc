"""Synthetic page layouts for training and measuring the learned line classifier.

Real article bodies and titles (SaudiNewsNet) are wrapped in page furniture drawn from
*boilerplate families*: a family is one kind of widget or banner (a weather box, a market
ticker, a cookie banner, a tag line, …) that writes lines with variable content.  Each
family says where on a page it sits (``top`` above the headline, ``head`` under it,
``mid`` between paragraphs, ``foot`` after the text) and which boilerplate category its
lines belong to.  :func:`make_page` composes one labelled page.

Only the training script (``akhbar/training/train_line_classifier.py``) and the held-out-family
benchmark use this module; the cleaner never imports it.  Labels follow the blind-set
format: ``None`` for content, ``"TITLE"`` for the headline, else a category of
:data:`akhbar.config.BOILERPLATE_CATEGORIES`.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

Label = str | None
Row = tuple[str, Label]

CITIES = ["الرياض", "جدة", "مكة المكرمة", "المدينة المنورة", "الدمام", "الخبر", "أبها", "تبوك", "حائل",
          "القصيم", "جازان", "نجران", "الطائف", "بريدة", "القاهرة", "دبي", "الكويت", "المنامة", "الدوحة",
          "مسقط", "عمّان", "بيروت", "الإسكندرية", "أبوظبي", "ينبع", "الأحساء"]
SITES = ["سبق", "عكاظ", "الرياض", "المدينة", "اليوم", "الجزيرة", "الوطن", "الشرق الأوسط", "الحياة", "مكة",
         "عاجل", "المواطن", "تواصل", "البلاد", "الاقتصادية", "المرصد", "الخليج", "الأنباء", "النهار", "الرؤية",
         "صدى", "أخبار 24", "العربية نت", "البوابة", "المشهد", "الساعة", "نبض", "الحدث"]
FIRST = ["محمد", "عبدالله", "فهد", "خالد", "سعود", "نورة", "سارة", "أحمد", "علي", "فيصل", "ماجد", "عبدالعزيز",
         "منى", "هند", "تركي", "ناصر", "سلمان", "ريم", "عبدالرحمن", "يوسف", "إبراهيم", "بندر", "لطيفة", "حسن"]
LAST = ["العتيبي", "القحطاني", "الغامدي", "الشمري", "الدوسري", "الحربي", "الزهراني", "المطيري", "السبيعي",
        "العنزي", "الشهري", "البقمي", "الجهني", "المالكي", "السلمي", "الرشيدي", "الثبيتي", "العمري", "حسن",
        "عبدالله", "الفيفي", "آل سعود", "الخالدي", "النعيمي"]
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
          "ديسمبر"]
LEV_MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
              "تشرين الثاني", "كانون الأول"]
HIJRI = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان",
         "شوال", "ذو القعدة", "ذو الحجة"]
WEEKDAYS = ["السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"]
SECTIONS = ["محليات", "اقتصاد", "رياضة", "دوليات", "ثقافة", "منوعات", "تقنية", "صحة", "آراء", "مجتمع",
            "أخبار المملكة", "عربي ودولي", "سياسة", "حوادث", "تعليم", "فن", "سياحة", "سيارات"]
TOPICS = ["السعودية", "الرياض", "الهلال", "النصر", "النفط", "أرامكو", "التعليم", "الصحة", "وزارة الداخلية",
          "الحج", "رمضان", "كورونا", "الاقتصاد", "سوق الأسهم", "الأمطار", "الطقس", "اليمن", "إيران", "مجلس الوزراء",
          "رؤية 2030", "المرور", "جامعة الملك سعود", "الدوري السعودي", "العمرة", "الإسكان"]
AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@dataclass
class Ctx:
    """What a family may borrow from the page: the site, a city, the date, other real
    titles, real authors and the article's own sentences."""

    rng: random.Random
    site: str
    city: str
    date: dt.date
    titles: list[str]
    authors: list[str]
    body: list[str]
    arabic_digits: bool = False
    # the variable slots (numbers, dates, times, names, titles, tags, the page's own
    # sentences) are drawn from ``slot_rng``; the wording and the structure of a widget
    # from ``rng``.  On a synthetic page they are one generator; on a synthetic *site*
    # (:func:`make_site_page`) ``rng`` is seeded per site and widget, so that every page
    # of the site shows the same widget with other slot values.
    slot_rng: random.Random | None = None

    @property
    def slot(self) -> random.Random:
        return self.slot_rng if self.slot_rng is not None else self.rng

    def num(self, text: str) -> str:
        return text.translate(AR_DIGITS) if self.arabic_digits else text

    def pick(self, seq):
        return self.rng.choice(seq)

    def name(self) -> str:
        if self.authors and self.slot.random() < 0.4:
            return self.slot.choice(self.authors)
        return f"{self.slot.choice(FIRST)} {self.slot.choice(LAST)}"

    def title(self) -> str:
        return self.slot.choice(self.titles)

    def gdate(self) -> str:
        d, r = self.date, self.rng.random()
        if r < 0.3:
            return self.num(f"{d.day} {MONTHS[d.month - 1]} {d.year}")
        if r < 0.5:
            return self.num(f"{d.year}/{d.month:02d}/{d.day:02d}")
        if r < 0.65:
            return self.num(f"{d.day:02d}-{d.month:02d}-{d.year}")
        if r < 0.8:
            return self.num(f"{WEEKDAYS[(d.weekday() + 2) % 7]} {d.day} {MONTHS[d.month - 1]} {d.year}")
        return self.num(f"{d.day} {LEV_MONTHS[d.month - 1]} {d.year}")

    def hdate(self) -> str:
        return self.num(f"{self.slot.randint(1, 29)} {self.slot.choice(HIJRI)} {self.slot.randint(1434, 1446)}هـ")

    def time(self) -> str:
        h, m = self.slot.randint(1, 12), self.slot.randint(0, 59)
        return self.num(f"{h:02d}:{m:02d}") + self.pick(["", " ص", " م", " مساءً", " صباحاً", " PM", " AM"])

    def n(self, lo: int, hi: int) -> str:
        return self.num(str(self.slot.randint(lo, hi)))

    def f(self, lo: float, hi: float, nd: int = 2) -> str:
        return self.num(f"{self.slot.uniform(lo, hi):.{nd}f}")

    def big(self) -> str:
        return self.num(f"{self.slot.randint(1000, 999999):,}")

    def sentence_head(self, k: int) -> str:
        """The first k words of one of the article's sentences (a caption, a teaser)."""
        words = self.slot.choice(self.body).split() if self.body else self.title().split()
        return " ".join(words[:k]).rstrip("،,.:")


Gen = Callable[[Ctx], list[str]]


@dataclass
class Family:
    name: str
    category: str
    zones: tuple[str, ...]
    gen: Gen
    lines: list[str] = field(default_factory=list)


FAMILIES: list[Family] = []


def family(name: str, category: str, *zones: str):
    def deco(fn: Gen) -> Gen:
        FAMILIES.append(Family(name, category, zones, fn))
        return fn

    return deco


def _one(c: Ctx, *options: str) -> str:
    return c.pick(options)


# ------------------------------------------------------------------ widgets and tickers


@family("weather", "other", "top", "foot")
def _weather(c: Ctx) -> list[str]:
    t = c.n(18, 49)
    rows = [
        _one(c, f"{c.city} {t}°", f"الطقس في {c.city}", f"{c.city} | {t} درجة مئوية", f"حالة الطقس: {c.city}",
             f"طقس اليوم في {c.city}", f"{c.city}  {t}°C"),
    ]
    extra = [f"{_one(c, 'العظمى', 'الحرارة العظمى', 'أعلى')} {c.n(30, 49)}°", f"{_one(c, 'الصغرى', 'أدنى')} {c.n(15, 30)}°",
             f"الرطوبة {c.n(5, 90)}%", f"الرياح {c.n(5, 40)} كم/س", _one(c, "مشمس", "غائم جزئياً", "أمطار متفرقة",
                                                                         "غبار", "صافٍ", "رياح نشطة"),
             f"{t}° {_one(c, 'مشمس', 'غائم', 'صحو')}", f"سرعة الرياح: {c.n(5, 40)} كم/ساعة"]
    c.rng.shuffle(extra)
    rows += extra[: c.rng.randint(0, 4)]
    if c.rng.random() < 0.3:
        rows = [" | ".join(rows)]
    return rows


@family("stock_ticker", "other", "top", "foot", "head")
def _ticker(c: Ctx) -> list[str]:
    names = ["تاسي", "المؤشر العام", "نمو", "برنت", "خام برنت", "نايمكس", "الذهب", "الفضة", "داو جونز", "ناسداك",
             "سابك", "الراجحي", "أرامكو", "الاتصالات", "دبي", "أبوظبي", "الكويت", "إس آند بي"]
    c.rng.shuffle(names)
    out = []
    for nm in names[: c.rng.randint(1, 5)]:
        arrow = _one(c, "▲", "▼", "+", "-", "↑", "↓", "")
        out.append(_one(c, f"{nm} {c.f(10, 9999)} {arrow}{c.f(0, 5)}%", f"{nm} {arrow} {c.f(0, 5)}%",
                        f"{nm}: {c.f(10, 9999)} ({arrow}{c.f(0, 3)}%)", f"{nm} {c.f(10, 9999)}"))
    if c.rng.random() < 0.3:
        out.insert(0, _one(c, "الأسواق", "أسواق المال", "مؤشرات الأسواق", "البورصة الآن", "الأسهم"))
    if c.rng.random() < 0.3:
        out = ["   ".join(out)]
    return out


@family("currency", "other", "top", "foot")
def _currency(c: Ctx) -> list[str]:
    cur = ["الدولار", "اليورو", "الجنيه الإسترليني", "الدرهم", "الدينار الكويتي", "الين", "الجنيه المصري"]
    c.rng.shuffle(cur)
    out = [_one(c, "أسعار العملات", "العملات", "سعر الصرف اليوم", "أسعار صرف العملات مقابل الريال")] if c.rng.random() < 0.6 else []
    for cu in cur[: c.rng.randint(1, 4)]:
        out.append(_one(c, f"{cu} {c.f(0.5, 6, 3)} ريال", f"{cu}: {c.f(0.5, 6, 4)}", f"{cu} | شراء {c.f(0.5, 6)} | بيع {c.f(0.5, 6)}",
                        f"USD/SAR {c.f(3.7, 3.8, 4)}"))
    return out


@family("gold_fuel", "other", "top", "foot", "mid")
def _gold(c: Ctx) -> list[str]:
    return [_one(c, f"عيار 21: {c.f(150, 260)} ريال", f"سعر جرام الذهب عيار 24 {c.f(180, 300)} ريال",
                 f"بنزين 91: {c.f(0.7, 2.3)} ريال/لتر", f"أسعار الذهب اليوم عيار 18 = {c.f(120, 200)}",
                 f"أوقية الذهب {c.f(1100, 2400)} دولار")
            for _ in range(c.rng.randint(1, 3))]


@family("sports_score", "other", "top", "mid", "foot")
def _score(c: Ctx) -> list[str]:
    teams = ["الهلال", "النصر", "الأهلي", "الاتحاد", "الشباب", "الفتح", "التعاون", "الرائد", "الفيصلي", "الاتفاق",
             "الزمالك", "العين", "السد", "الوحدة", "الفيحاء", "ضمك"]
    out = []
    if c.rng.random() < 0.5:
        out.append(_one(c, "نتائج المباريات", "مباريات اليوم", "النتائج المباشرة", "جدول المباريات"))
    for _ in range(c.rng.randint(1, 3)):
        a, b = c.rng.sample(teams, 2)
        out.append(_one(c, f"{a} {c.n(0, 5)} - {c.n(0, 5)} {b}", f"{a} × {b} {c.time()}", f"{a} {c.n(0, 4)} : {c.n(0, 4)} {b} (انتهت)",
                        f"{a} ضد {b} - الجولة {c.n(1, 30)}"))
    return out


@family("breaking_ticker", "other", "top")
def _breaking(c: Ctx) -> list[str]:
    return [_one(c, "عاجل", "عاجل:", "آخر الأخبار", "الآن", "شريط الأخبار", "أخبار عاجلة") + _one(c, " ", " | ", ": ", "\u00a0- ")
            + c.title() for _ in range(c.rng.randint(1, 2))]


@family("date_bar", "dateline", "top")
def _date_bar(c: Ctx) -> list[str]:
    return [_one(c, f"{c.gdate()} | {c.hdate()}", f"{WEEKDAYS[c.slot.randint(0, 6)]}، {c.hdate()} - {c.gdate()}",
                 f"اليوم: {c.gdate()}", f"{c.gdate()} م الموافق {c.hdate()}", f"{c.city} {c.gdate()}")]


@family("reading_meta", "other", "head", "foot")
def _reading(c: Ctx) -> list[str]:
    opts = [f"مدة القراءة: {c.n(1, 12)} دقائق", f"وقت القراءة {c.n(1, 9)} دقيقة", f"عدد المشاهدات: {c.big()}",
            f"{c.big()} مشاهدة", f"قراءات {c.big()}", f"زيارات: {c.big()}", f"{c.n(1, 900)} تعليق | {c.big()} قراءة",
            f"👁 {c.big()}", f"المشاهدات {c.big()}", f"القراءات: {c.big()}"]
    return [c.pick(opts) for _ in range(c.rng.randint(1, 2))]


@family("poll", "other", "foot", "mid")
def _poll(c: Ctx) -> list[str]:
    out = [_one(c, "استطلاع الرأي", "استفتاء", "شارك برأيك", "صوّت الآن", "رأيك يهمنا")]
    out.append(_one(c, f"هل تؤيد قرار {c.pick(TOPICS)} الأخير؟", f"ما رأيك في أداء {c.pick(TOPICS)} هذا الموسم؟",
                    f"هل تتوقع ارتفاع أسعار {c.pick(['النفط', 'الذهب', 'العقار'])}؟"))
    out += c.rng.sample(["نعم", "لا", "لا أعرف", "ربما", "أؤيد", "أعارض", "محايد"], c.rng.randint(2, 3))
    out += c.rng.sample(["تصويت", "التصويت", "النتائج", "عرض النتائج", f"عدد الأصوات: {c.big()}"], c.rng.randint(1, 2))
    return out


@family("rating", "other", "foot")
def _rating(c: Ctx) -> list[str]:
    return [_one(c, "قيّم هذا المقال", "تقييم المقال", "ما رأيك في هذا الخبر؟", "هل أعجبك المقال؟", "قيم الموضوع"),
            _one(c, "★★★★☆", f"({c.n(1, 900)} تقييم)", f"التقييم {c.f(1, 5, 1)} من 5", "👍 أعجبني  👎 لم يعجبني",
                 f"أعجبني {c.n(0, 999)}")]


# ------------------------------------------------------------------ banners and prompts


@family("cookie_consent", "other", "top", "foot")
def _cookies(c: Ctx) -> list[str]:
    out = [_one(c,
                "نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك على موقعنا. باستمرارك في التصفح فإنك توافق على ذلك.",
                f"يستخدم موقع {c.site} ملفات تعريف الارتباط لتقديم أفضل تجربة ممكنة",
                "هذا الموقع يستخدم الكوكيز لضمان حصولك على أفضل تجربة",
                "بمواصلة استخدامك للموقع، فإنك توافق على سياسة الخصوصية واستخدام ملفات الارتباط.",
                "نحن نحترم خصوصيتك ونستخدم ملفات تعريف الارتباط لأغراض التحليل والإعلانات",
                "This site uses cookies to improve your experience.")]
    out += c.rng.sample(["موافق", "أوافق", "قبول", "قبول الكل", "رفض", "إعدادات الخصوصية", "سياسة الخصوصية",
                         "المزيد من المعلومات", "فهمت", "حسناً", "Accept", "إدارة التفضيلات"], c.rng.randint(0, 3))
    return out


@family("newsletter", "social", "foot", "mid")
def _newsletter(c: Ctx) -> list[str]:
    out = [_one(c, "اشترك في نشرتنا البريدية", "النشرة الإخبارية", f"اشترك في نشرة {c.site} اليومية",
                "سجّل بريدك ليصلك أهم الأخبار يومياً", "احصل على آخر الأخبار في بريدك الإلكتروني",
                "اشترك الآن ليصلك جديد الأخبار", "كن أول من يعرف: اشترك في القائمة البريدية")]
    out += c.rng.sample(["أدخل بريدك الإلكتروني", "البريد الإلكتروني", "اشتراك", "اشترك", "سجل الآن",
                         "يمكنك إلغاء الاشتراك في أي وقت", "بالتسجيل أنت توافق على شروط الاستخدام", "إرسال"],
                        c.rng.randint(0, 3))
    return out


@family("app_prompt", "social", "top", "foot", "mid")
def _app(c: Ctx) -> list[str]:
    return [_one(c, f"حمّل تطبيق {c.site} على هاتفك", f"تطبيق {c.site} متاح الآن على أندرويد وآيفون",
                 "احصل على التطبيق", "حمل التطبيق مجاناً من App Store و Google Play", "متوفر على Google Play",
                 f"لمتابعة آخر الأخبار حمّل تطبيق {c.site}", "افتح في التطبيق", "تابع الأخبار لحظة بلحظة عبر تطبيقنا",
                 "تحميل التطبيق", "Download on the App Store")
            for _ in range(c.rng.randint(1, 2))]


@family("push_prompt", "social", "top")
def _push(c: Ctx) -> list[str]:
    out = [_one(c, "فعّل الإشعارات ليصلك كل جديد", "هل تريد تلقي إشعارات بآخر الأخبار؟", "اسمح بالتنبيهات لمتابعة الأخبار العاجلة",
                f"يود موقع {c.site} إرسال إشعارات إليك", "تفعيل التنبيهات")]
    out += c.rng.sample(["السماح", "لا شكراً", "لاحقاً", "تفعيل", "إلغاء", "نعم"], c.rng.randint(0, 2))
    return out


@family("whatsapp_channel", "social", "mid", "foot")
def _channel(c: Ctx) -> list[str]:
    return [_one(c, f"للاشتراك في قناة {c.site} على واتساب اضغط هنا", "تابعوا آخر الأخبار عبر قناتنا على تيليجرام",
                 f"انضم لقناة {c.site} على الواتساب", "لمتابعة الأخبار العاجلة أولاً بأول اشترك في قناتنا",
                 f"تابع {c.site} على جوجل نيوز", f"تابعونا عبر سناب شات {c.site.replace(' ', '')}_news")]


@family("membership", "navigation", "top", "foot")
def _login(c: Ctx) -> list[str]:
    return c.rng.sample(["تسجيل الدخول", "إنشاء حساب", "نسيت كلمة المرور؟", "حسابي", "تسجيل جديد", "دخول",
                         "اشترك الآن", "الاشتراك الرقمي", "العضوية", "خروج", "ملفي الشخصي"], c.rng.randint(1, 3))


@family("ads", "other", "top", "mid", "foot", "head")
def _ads(c: Ctx) -> list[str]:
    out = [_one(c, "إعلان", "إعلانات", "مساحة إعلانية", "اعلان", "ADVERTISEMENT", "Advertisement", "محتوى إعلاني",
                "المحتوى الممول", "محتوى مدفوع", "برعاية", f"أعلن معنا في {c.site}", "Sponsored", "روابط إعلانية",
                "إعلان تجاري", "- إعلان -")]
    if c.rng.random() < 0.3:
        out.append(_one(c, f"برعاية {c.pick(['بنك الرياض', 'stc', 'موبايلي', 'سامسونج', 'طيران ناس'])}",
                        "احجز الآن بأفضل الأسعار", "عروض حصرية لفترة محدودة", "اضغط هنا للتفاصيل",
                        f"خصم {c.n(10, 70)}% على جميع المنتجات"))
    return out


@family("video_widget", "image_caption", "head", "mid")
def _video(c: Ctx) -> list[str]:
    out = [_one(c, "فيديو", "شاهد الفيديو", "▶ تشغيل", "مشاهدة الفيديو", "فيديو | " + c.sentence_head(6), "بالفيديو")]
    if c.rng.random() < 0.6:
        out.append(_one(c, c.num(f"{c.slot.randint(0, 9):02d}:{c.slot.randint(0, 59):02d}"), f"مدة الفيديو {c.num('0' + str(c.slot.randint(1, 9)))}:{c.n(10, 59)}",
                        "يتعذر تشغيل الفيديو", "Your browser does not support the video tag."))
    return out


@family("gallery", "image_caption", "head", "mid")
def _gallery(c: Ctx) -> list[str]:
    k = c.rng.randint(2, 25)
    return [_one(c, f"{c.n(1, k)} / {c.num(str(k))}", f"الصورة {c.n(1, k)} من {c.num(str(k))}", f"معرض الصور ({c.num(str(k))} صورة)",
                 f"ألبوم الصور", f"{c.num(str(k))} صور", "عرض جميع الصور", "السابق التالي")
            for _ in range(c.rng.randint(1, 2))]


# ------------------------------------------------------------------ captions and credits


@family("caption_scene", "image_caption", "head", "mid")
def _caption_scene(c: Ctx) -> list[str]:
    who = _one(c, "ولي العهد", "أمير المنطقة", "الوزير", "المحافظ", "رئيس الهيئة", "مدير الجامعة", "الأمير",
               "وزير الصحة", "نائب أمير المنطقة", "مدرب الفريق", "اللاعب")
    act = _one(c, "خلال استقباله الوفد", "أثناء جولته في المشروع", "لدى وصوله", "يتوسط الحضور", "مع عدد من المسؤولين",
               "في أحد الاجتماعات", "يكرم الفائزين", "يدشن المبادرة", "خلال الاجتماع", "في صورة تذكارية",
               "عقب توقيع الاتفاقية", "يستمع لشرح عن المشروع", "أثناء المؤتمر الصحفي")
    out = [f"{who} {act}"]
    if c.rng.random() < 0.4:
        out[0] += _one(c, " (واس)", " - واس", " (تصوير: " + c.name() + ")", " (الشرق الأوسط)", "", " (أرشيفية)")
    return out


@family("caption_from_body", "image_caption", "head", "mid")
def _caption_body(c: Ctx) -> list[str]:
    return [_one(c, "", "صورة: ", "📷 ", "من الموقع: ", "") + c.sentence_head(c.slot.randint(3, 9))
            + _one(c, "", "", " (أرشيفية)", " - أرشيف", " (متداولة)", " (من المصدر)")]


@family("photo_credit", "photo_credit", "head", "mid", "foot")
def _photo(c: Ctx) -> list[str]:
    return [_one(c, f"تصوير: {c.name()}", f"عدسة: {c.name()}", f"الصورة: {c.pick(['رويترز', 'أ ف ب', 'واس', 'أرشيف'])}",
                 f"© {c.pick(['Getty Images', 'Reuters', 'AFP', 'EPA'])}", f"Photo: {c.pick(['AP', 'AFP', 'Reuters'])}",
                 f"المصدر: {c.pick(['متداولة', 'مواقع التواصل', 'أرشيف ' + c.site])}", f"تصوير - {c.name()}",
                 "صورة تعبيرية", f"بعدسة {c.name()}")]


# ------------------------------------------------------------------ bylines, datelines, sections


@family("byline_plain", "byline", "head")
def _byline(c: Ctx) -> list[str]:
    return [_one(c, f"{c.name()} - {c.city}", f"{c.city}: {c.name()}", f"بقلم: {c.name()}", f"كتب - {c.name()}",
                 f"{c.name()}", f"إعداد: {c.name()}", f"المحرر: {c.name()}", f"{c.site} - {c.city}",
                 f"{c.city} - {c.site}", f"{c.city} - واس", f"متابعة: {c.name()}", f"تقرير: {c.name()}")]


@family("byline_role", "byline", "head", "foot")
def _byline_role(c: Ctx) -> list[str]:
    out = [_one(c, f"محرر الشؤون {c.pick(['المحلية', 'الاقتصادية', 'الرياضية', 'الدولية'])}", f"مراسل {c.site} في {c.city}",
                f"فريق التحرير - {c.site}", f"{c.site} - خاص", "خاص", f"محررو {c.site}", "المحرر الاقتصادي",
                f"كاتب صحفي - {c.city}")]
    if c.rng.random() < 0.5:
        out.insert(0, c.name())
    return out


@family("author_box", "byline", "foot")
def _author_box(c: Ctx) -> list[str]:
    out = [_one(c, "عن الكاتب", "نبذة عن الكاتب", "الكاتب", "كاتب المقال", "مقالات الكاتب")]
    out.append(c.name())
    if c.rng.random() < 0.7:
        out.append(_one(c, "كاتب وصحفي سعودي مهتم بالشأن الاقتصادي", f"صحفي في {c.site} منذ {c.n(2005, 2015)}",
                        "باحث في العلاقات الدولية وكاتب رأي", "جميع مقالات الكاتب", f"{c.n(10, 900)} مقال",
                        "مستشار إعلامي وكاتب"))
    return out


@family("dateline_pub", "dateline", "head", "top", "foot")
def _dateline(c: Ctx) -> list[str]:
    out = [_one(c, f"نشر في: {c.gdate()}", f"تاريخ النشر: {c.gdate()} - {c.time()}", f"{c.gdate()} - {c.time()}",
                f"{c.hdate()} - {c.gdate()}", f"نُشر بتاريخ {c.gdate()}", f"{c.gdate()}", f"{c.time()} - {c.gdate()}",
                f"{WEEKDAYS[c.slot.randint(0, 6)]} {c.gdate()}", f"منذ {c.n(2, 11)} ساعات", f"قبل {c.n(2, 50)} دقيقة")]
    if c.rng.random() < 0.3:
        out.append(_one(c, f"آخر تحديث: {c.gdate()} {c.time()}", f"تحديث: {c.time()}", f"آخر تحديث {c.time()}"))
    return out


@family("breadcrumb", "navigation", "top")
def _crumb(c: Ctx) -> list[str]:
    sep = _one(c, " > ", " » ", " / ", " | ", " › ", " - ")
    parts = [_one(c, "الرئيسية", "الصفحة الرئيسية", "Home", c.site)] + c.slot.sample(SECTIONS, c.rng.randint(1, 2))
    return [sep.join(parts)]


@family("section_tabs", "navigation", "top", "foot")
def _menu(c: Ctx) -> list[str]:
    secs = c.rng.sample(SECTIONS, c.rng.randint(3, 8))
    if c.rng.random() < 0.5:
        return [_one(c, " | ", "  ", " - ", " • ").join(secs)]
    return secs[: c.rng.randint(2, 5)]


@family("footer_links", "navigation", "foot")
def _footer(c: Ctx) -> list[str]:
    items = c.rng.sample(["من نحن", "اتصل بنا", "أعلن معنا", "سياسة الخصوصية", "شروط الاستخدام", "خريطة الموقع",
                          "الأرشيف", "وظائف", "هيئة التحرير", "الأسئلة الشائعة", "RSS", "النسخة الورقية", "PDF العدد"],
                         c.rng.randint(2, 6))
    if c.rng.random() < 0.5:
        return [_one(c, " | ", " - ", " • ", "  ").join(items)]
    return items


@family("pagination", "navigation", "foot", "mid")
def _pages(c: Ctx) -> list[str]:
    k = c.rng.randint(2, 6)
    return [_one(c, " ".join(c.num(str(i)) for i in range(1, k + 1)) + " التالي »", f"صفحة {c.n(1, k)} من {c.num(str(k))}",
                 "« السابق | التالي »", f"الصفحة التالية", f"تابع القراءة في الصفحة {c.num(str(k))}", "1 2 3 ... 10")]


@family("toolbar", "navigation", "head", "foot")
def _toolbar(c: Ctx) -> list[str]:
    return c.rng.sample(["طباعة", "أرسل لصديق", "حفظ", "تكبير الخط", "تصغير الخط", "A+ A-", "نسخة للطباعة",
                         "أضف للمفضلة", "الاستماع للخبر", "استمع", "🔊 استمع إلى المقال", "ارسال بالبريد",
                         "حجم الخط", "أ أ"], c.rng.randint(1, 4))


@family("share_bar", "social", "head", "foot", "mid")
def _share(c: Ctx) -> list[str]:
    nets = c.rng.sample(["فيسبوك", "تويتر", "واتساب", "تيليجرام", "لينكدإن", "انستغرام", "إكس", "سناب شات",
                         "Facebook", "Twitter", "WhatsApp", "Email", "Pinterest"], c.rng.randint(1, 5))
    head = _one(c, "شارك:", "شارك عبر", "مشاركة الخبر", "انشر على", "شارك هذا الخبر مع أصدقائك", "شارك المقال", "")
    if c.rng.random() < 0.5:
        return [x for x in [head, " ".join(nets)] if x]
    return [x for x in [head] + nets if x]


@family("short_link", "social", "foot", "head")
def _shortlink(c: Ctx) -> list[str]:
    slug = "".join(c.slot.choice("abcdefghkmnpqrstuvwxyz23456789") for _ in range(6))
    return [_one(c, f"رابط مختصر: https://{c.pick(['sabq', 'okaz', 'alyaum', 'al-madina'])}.org/{slug}", f"الرابط المختصر https://x.co/{slug}",
                 "نسخ الرابط", f"https://t.co/{slug}", f"http://www.{c.pick(['sabq', 'okaz', 'alriyadh'])}.com/{c.n(100000, 999999)}")]


@family("hashtags", "navigation", "foot", "head")
def _hashtags(c: Ctx) -> list[str]:
    tags = c.slot.sample(TOPICS, c.rng.randint(2, 5))
    return [" ".join("#" + t.replace(" ", "_") for t in tags)]


@family("tags_line", "navigation", "foot")
def _tags(c: Ctx) -> list[str]:
    tags = c.slot.sample(TOPICS, c.rng.randint(2, 6))
    head = _one(c, "الكلمات المفتاحية:", "وسوم:", "كلمات دلالية:", "مواضيع:", "Tags:", "الوسوم :", "اقرأ المزيد عن:",
                "تصنيفات:", "المواضيع ذات العلاقة:")
    if c.rng.random() < 0.6:
        return [head + " " + _one(c, "، ", " - ", " | ", " ").join(tags)]
    return [head.rstrip(":").strip()] + tags


@family("copyright", "other", "foot")
def _copyright(c: Ctx) -> list[str]:
    y = c.num(str(c.date.year))
    out = [_one(c, f"© {y} {c.site}. جميع الحقوق محفوظة", f"جميع الحقوق محفوظة لصحيفة {c.site} {y}",
                f"الحقوق محفوظة © {c.site} {y}", f"حقوق النشر © {y} مؤسسة {c.site} للصحافة والنشر",
                f"Copyright © {y} {c.site}. All rights reserved.", f"{c.site} {y} ©",
                f"يمنع النسخ أو إعادة النشر دون إذن مسبق من {c.site}", "جميع الحقوق محفوظة",
                f"تصميم وتطوير {c.pick(['شركة الرؤية', 'ديجيتال ميديا', 'تقنية'])}", f"جميع المواد المنشورة تعبر عن رأي كتابها")]
    if c.rng.random() < 0.3:
        out.append(_one(c, "يمنع الاقتباس دون ذكر المصدر", "الآراء الواردة تعبر عن أصحابها", f"رقم الترخيص {c.n(1000, 99999)}",
                        f"هاتف: {c.num('0' + str(c.rng.randint(100000000, 999999999)))}"))
    return out


@family("contact_box", "other", "foot")
def _contact(c: Ctx) -> list[str]:
    return c.rng.sample([f"للتواصل: news@{c.pick(['sabq', 'okaz', 'alyaum'])}.org", f"هاتف: {c.num('011' + str(c.rng.randint(1000000, 9999999)))}",
                         f"فاكس {c.num('012' + str(c.rng.randint(1000000, 9999999)))}", f"ص.ب {c.n(100, 9999)} {c.city}",
                         "للإعلان في الصحيفة", "لإرسال الأخبار والصور", f"البريد الإلكتروني: info@{c.pick(['alwatan', 'almadina'])}.com.sa",
                         "واتساب الأخبار"], c.rng.randint(1, 3))


@family("corrections_note", "other", "foot")
def _notes(c: Ctx) -> list[str]:
    return [_one(c, "لمشاهدة الخبر كاملاً اضغط هنا", "تم نشر هذا الخبر من مصدر آلي", "هذا الخبر منقول من موقع آخر",
                 "لقراءة المزيد من الأخبار تابعونا", "* المقالات المنشورة تعبر عن آراء كتابها", "تصحيح: تم تعديل عنوان الخبر",
                 "ملاحظة: هذا الخبر يتم تحديثه باستمرار", "قراءة المقال كاملاً", "اضغط هنا لقراءة الخبر من المصدر")]


@family("source_line", "source_credit", "foot", "head")
def _source(c: Ctx) -> list[str]:
    return [_one(c, f"المصدر: {c.site}", f"المصدر : {c.pick(['واس', 'وكالات', 'رويترز', 'سبق'])}", f"نقلاً عن {c.site}",
                 f"عن صحيفة {c.site}", f"خاص - {c.site}", f"(واس)", f"{c.site} - وكالات", f"المصدر - {c.site}",
                 f"وكالات - {c.city}", f"المصدر: صحيفة {c.site}")]


@family("section_label", "section_label", "top")
def _section(c: Ctx) -> list[str]:
    return [c.slot.choice(SECTIONS)]


# ------------------------------------------------------------------ lists


@family("related_list", "related_articles", "foot", "mid")
def _related(c: Ctx) -> list[str]:
    head = _one(c, "أخبار ذات صلة", "اقرأ أيضاً", "من نفس التصنيف", "تغطيات ذات علاقة", "قصص أخرى", "المزيد من الأخبار",
                "مقالات مقترحة", "لا يفوتك", "أخبار متعلقة", "ذات صلة", "اخترنا لك", "موضوعات أخرى قد تهمك",
                "في نفس السياق", "عناوين أخرى", "شاهد أيضاً", "أخبار مشابهة", "المزيد")
    out = [head]
    for _ in range(c.rng.randint(2, 6)):
        out.append(_one(c, "", "", "• ", "- ", "» ") + c.title())
        if c.rng.random() < 0.3:
            out.append(_one(c, c.gdate(), f"منذ {c.n(2, 9)} ساعات", f"{c.time()}", f"قبل {c.n(2, 20)} يوم"))
    return out


@family("most_read", "related_articles", "foot", "top")
def _most(c: Ctx) -> list[str]:
    out = [_one(c, "الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولاً", "الأكثر تعليقاً", "الأكثر مشاركة", "الأكثر شعبية",
                "الأخبار الأكثر قراءة اليوم", "ترند", "الرائج الآن", "الأخبار الرائجة")]
    for i in range(1, c.rng.randint(3, 6)):
        out.append(_one(c, f"{c.num(str(i))} ", f"{c.num(str(i))}. ", f"{c.num(str(i))} - ", "") + c.title())
    return out


@family("inline_teaser", "related_articles", "mid")
def _teaser(c: Ctx) -> list[str]:
    return [_one(c, "اقرأ أيضاً: ", "طالع أيضاً: ", "ذات صلة: ", "لمزيد من التفاصيل: ", "إقرأ أيضا | ", "يهمك أيضاً: ",
                 "شاهد: ", "تابع أيضاً - ", "اقرأ المزيد: ") + c.title()]


@family("headline_stack", "related_articles", "top", "foot")
def _stack(c: Ctx) -> list[str]:
    """Bare headlines of other articles, without any header (a sidebar)."""
    return [c.title() for _ in range(c.rng.randint(2, 4))]


@family("comments_block", "comment_form", "foot")
def _comments(c: Ctx) -> list[str]:
    out = [_one(c, f"التعليقات ({c.n(0, 90)})", "أضف تعليقك", "اكتب تعليقك هنا", "شاركنا رأيك", "آراء القراء", "التعليقات",
                "تعليقات الزوار", f"{c.n(0, 90)} تعليقات", "أضف تعليقاً")]
    out += c.rng.sample(["الاسم", "البريد الإلكتروني", "نص التعليق", "إرسال", "أرسل التعليق",
                         "التعليقات المنشورة لا تعبر عن رأي الموقع", "لن يتم نشر بريدك الإلكتروني",
                         "يرجى الالتزام بآداب الحوار", "كن أول من يعلق", "اقرأ التعليقات", "إلغاء",
                         f"عدد الأحرف المتبقية: {c.n(100, 999)}"], c.rng.randint(1, 4))
    return out


@family("prayer_widget", "prayer_times", "top", "foot")
def _prayer(c: Ctx) -> list[str]:
    names = ["الفجر", "الشروق", "الظهر", "العصر", "المغرب", "العشاء"]
    rows = [f"{p} {c.num(f'{c.slot.randint(1, 12)}:{c.slot.randint(0, 59):02d}')}" for p in names]
    if c.rng.random() < 0.4:
        return [f"مواقيت الصلاة في {c.city}: " + " ".join(rows)]
    return [_one(c, f"مواقيت الصلاة - {c.city}", "أوقات الصلاة", f"{c.city}")] + rows


# ------------------------------------------------------------------ more kinds of page furniture
# (added for issue #20, from what news sites commonly show: latest-news and top-story
# lists with times or numbers, descriptive photo captions that reuse the article's
# names, paywall and sign-in prompts, print-edition stamps, audio players, live
# badges, multi-city weather strips, follow-a-topic buttons, sponsored-content boxes,
# search boxes and the columnist's handle)


@family("latest_news", "related_articles", "top", "foot")
def _latest(c: Ctx) -> list[str]:
    out = [_one(c, "آخر الأخبار", "أحدث الأخبار", "الأخبار العاجلة", "آخر المستجدات", "الآن على الموقع", "جديد الأخبار",
                "آخر الأخبار المحلية", "أخبار اليوم")] if c.rng.random() < 0.7 else []
    style = c.rng.randint(0, 3)
    for _ in range(c.rng.randint(2, 5)):
        t = c.title()
        out.append([f"{c.time()} | {t}", f"{c.time()} {t}", f"• {t}", f"{t} - {c.time()}"][style])
    return out


@family("top_stories", "related_articles", "top", "foot", "mid")
def _top_stories(c: Ctx) -> list[str]:
    out = [_one(c, "أهم الأخبار", "اخترنا لكم", "مختارات المحرر", "قصص مميزة", "الأبرز اليوم", "أبرز العناوين",
                "عناوين اليوم", "الأخبار الأهم")] if c.rng.random() < 0.6 else []
    style = c.rng.randint(0, 4)
    for i in range(1, c.rng.randint(3, 6)):
        k = c.num(str(i))
        out.append([f"{c.num(f'{i:02d}')} {c.title()}", f"({k}) {c.title()}", f"{k}) {c.title()}", f"{k}- {c.title()}",
                    f"#{k} {c.title()}"][style])
    return out


@family("caption_descr", "image_caption", "head", "mid")
def _caption_descr(c: Ctx) -> list[str]:
    """A caption that describes the photo with the article's own names: a run of words
    from the middle of one of its sentences, and a credit or a scene word."""
    words = c.slot.choice(c.body).split() if c.body else c.title().split()
    i = c.slot.randint(1, max(1, min(len(words) - 4, 8)))
    core = " ".join(words[i: i + c.slot.randint(3, 7)]).strip("،,.:؛")
    return [_one(c, "", "", "جانب من ", "صورة تجمع ", "لقطة لـ") + core
            + _one(c, " (واس)", " - تصوير: " + c.name(), " (أرشيف)", " (الصورة من المصدر)", "", " | رويترز")]


@family("paywall", "other", "top", "mid", "foot")
def _paywall(c: Ctx) -> list[str]:
    out = [_one(c, "هذا المحتوى حصري للمشتركين", f"لديك {c.n(1, 5)} مقالات مجانية متبقية هذا الشهر",
                "سجّل الدخول لمتابعة القراءة", "اشترك الآن للوصول غير المحدود إلى جميع المقالات",
                f"انضم إلى مشتركي {c.site} واحصل على تجربة قراءة بلا إعلانات", "أكمل القراءة بعد الاشتراك",
                "لقد وصلت إلى الحد الأقصى من المقالات المجانية", "المقال متاح للمشتركين فقط")]
    out += c.rng.sample(["اشترك الآن", "سجل الدخول", "عرض الباقات", f"{c.n(9, 99)} ريال شهرياً", "جرّب مجاناً لمدة شهر",
                         "لديك حساب؟ سجّل دخولك"], c.rng.randint(0, 2))
    return out


@family("print_edition", "other", "head", "foot", "top")
def _print(c: Ctx) -> list[str]:
    return [_one(c, f"العدد {c.n(10000, 19999)}", f"العدد: {c.n(10000, 19999)} | الصفحة: {c.n(1, 48)}",
                 f"الطبعة الأولى - العدد {c.n(1000, 9999)}", f"نشر في النسخة الورقية بتاريخ {c.gdate()}",
                 f"صحيفة {c.site} - العدد {c.n(10000, 19999)}", f"الصفحة {c.n(1, 48)} من العدد الورقي",
                 "تصفح العدد الورقي", "النسخة الإلكترونية من العدد المطبوع")]


@family("audio_player", "other", "head")
def _audio(c: Ctx) -> list[str]:
    out = [_one(c, "استمع إلى المقال", "استمع للخبر", "🎧 استمع", "النسخة الصوتية", "اضغط للاستماع", "تشغيل الصوت")]
    if c.rng.random() < 0.7:
        out.append(_one(c, c.num(f"00:00 / {c.slot.randint(1, 9):02d}:{c.slot.randint(0, 59):02d}"),
                        c.num(f"{c.slot.randint(1, 9)}:{c.slot.randint(10, 59)} دقيقة"), "سرعة التشغيل 1x",
                        "مدعوم بتقنية القراءة الآلية"))
    return out


@family("live_badge", "other", "top", "head")
def _live(c: Ctx) -> list[str]:
    out = [_one(c, "مباشر", "بث مباشر", "تغطية مستمرة", "تحديثات حية", "🔴 مباشر", "متابعة لحظة بلحظة", "LIVE")]
    if c.rng.random() < 0.5:
        out.append(_one(c, f"آخر تحديث قبل {c.n(2, 50)} دقيقة", f"{c.n(2, 40)} تحديثاً", f"بدأت التغطية {c.time()}"))
    return out


@family("weather_multi", "other", "top", "foot")
def _weather_multi(c: Ctx) -> list[str]:
    cities = c.rng.sample(CITIES, c.rng.randint(2, 5))
    cells = [f"{ct} {c.n(18, 49)}°" for ct in cities]
    if c.rng.random() < 0.5:
        return [_one(c, " | ", "  ", " - ", " • ").join(cells)]
    head = [_one(c, "درجات الحرارة اليوم", "الطقس في المدن", "حالة الطقس")] if c.rng.random() < 0.5 else []
    return head + cells


@family("topic_follow", "social", "head", "foot")
def _topic(c: Ctx) -> list[str]:
    t = c.slot.choice(TOPICS)
    return [_one(c, f"تابع موضوع: {t}", f"أضف {t} إلى اهتماماتك", f"تابع آخر أخبار {t}", f"متابعة {t}",
                 f"احصل على تنبيهات عن {t}", f"المزيد عن {t}")]


@family("sponsored_links", "other", "foot", "mid")
def _sponsored(c: Ctx) -> list[str]:
    out = [_one(c, "محتوى مقترح من شركائنا", "قد يعجبك أيضاً - محتوى ممول", "من الويب", "روابط مقترحة", "محتوى برعاية",
                "مقالات من شركائنا")]
    for _ in range(c.rng.randint(2, 4)):
        out.append(_one(c, "هذه الحيلة البسيطة تخفض فاتورة الكهرباء إلى النصف", "لن تصدق كيف يبدو نجوم التسعينات الآن",
                        f"اكتشف أفضل عروض السفر إلى {c.pick(CITIES)}", "أطباء يكشفون سر النوم العميق",
                        "سيارات مستعملة بأسعار لا تصدق في منطقتك", "تعلم الإنجليزية في 3 أشهر فقط",
                        f"شقق للبيع في {c.pick(CITIES)} بالتقسيط المريح", "كيف تربح من التداول؟ دليل المبتدئين")
                   + _one(c, "", "", " | إعلان", " - Sponsored", " (ممول)"))
    return out


@family("search_box", "navigation", "top")
def _search(c: Ctx) -> list[str]:
    return c.rng.sample(["ابحث في الموقع", "بحث...", "اكتب كلمة البحث", "ابحث", "بحث متقدم", "🔍", "القائمة",
                         "English", "عربي | English"], c.rng.randint(1, 3))


@family("handle_line", "byline", "head", "foot")
def _handle(c: Ctx) -> list[str]:
    h = "".join(c.rng.choice("abcdefghklmnoprstuwy_") for _ in range(c.rng.randint(5, 10)))
    return [_one(c, f"@{h}", f"تويتر: @{h}", f"للتواصل مع الكاتب: {h}@gmail.com", f"{c.name()} @{h}",
                 f"حساب الكاتب على إكس: @{h}")]


BLOCK_TO_CATEGORY = {f.name: f.category for f in FAMILIES}


# ------------------------------------------------------------------ pages


def split_families(seed: int, folds: int) -> list[list[str]]:
    """Deterministic assignment of the families to ``folds`` disjoint groups."""
    names = sorted(f.name for f in FAMILIES)
    random.Random(seed).shuffle(names)
    return [sorted(names[i::folds]) for i in range(folds)]


def make_page(
    rng: random.Random,
    body: list[str],
    title: str,
    families: list[Family],
    titles: list[str],
    authors: list[str],
    site: str,
    url: str | None = None,
    date: dt.date | None = None,
) -> tuple[dict, list[Row]]:
    """One labelled page: furniture of ``families`` around a real title and body.

    Returns (meta, rows); meta holds RawDocument fields (sometimes the URL and a
    site-suffixed metadata title, as a page's <title> would be).  One page in ten has
    no headline line: half of them get it as a container title, the other half have
    no title at all (the cleaner must then choose none)."""
    ctx = Ctx(rng=rng, site=site, city=rng.choice(CITIES), date=date or dt.date(2015, 7, 21), titles=titles,
              authors=authors, body=body, arabic_digits=rng.random() < 0.2)
    by_zone: dict[str, list[Family]] = {}
    for f in families:
        for z in f.zones:
            by_zone.setdefault(z, []).append(f)

    def blocks(zone: str, lo: int, hi: int) -> list[list[Row]]:
        pool = by_zone.get(zone, [])
        if not pool:
            return []
        out = []
        for f in rng.sample(pool, min(len(pool), rng.randint(lo, hi))):
            out.append([(ln, f.category) for ln in f.gen(ctx) if ln.strip()])
        return out

    top = blocks("top", 0, 3)
    has_title_line = rng.random() < 0.9
    head = blocks("head", 0, 3)
    paras = _with_mid(rng, body, blocks("mid", 0, 2) if len(body) >= 3 else [])
    rows = _page_rows(title, has_title_line, top, head, paras, blocks("foot", 1, 5))
    meta = _page_meta(rng, title, site, url, has_title_line)
    if rng.random() < 0.3:
        meta["source"] = site
    return meta, rows


def _with_mid(rng: random.Random, body: list[str], mids: list[list[Row]]) -> list:
    """The body's paragraphs with each mid-text widget inserted after a random paragraph
    (none in a body under three paragraphs)."""
    paras: list = list(body)
    if len(paras) >= 3:
        for b in mids:
            paras.insert(rng.randint(1, len(paras) - 1), b)
    return paras


def _page_rows(title: str, has_title_line: bool, top: list[list[Row]], head: list[list[Row]], paras: list,
               foot: list[list[Row]]) -> list[Row]:
    """A page's labelled lines, top to bottom: widgets above the headline, the headline,
    widgets under it, the body (with its mid-text widgets), the footer widgets."""
    rows: list[Row] = [r for b in top for r in b]
    if has_title_line:
        rows.append((title, "TITLE"))
    rows += [r for b in head for r in b]
    for p in paras:
        rows += p if isinstance(p, list) else [(p, None)]
    rows += [r for b in foot for r in b]
    return rows


def _page_meta(rng: random.Random, title: str, site: str, url: str | None, has_title_line: bool) -> dict:
    """A page's metadata: sometimes its URL or a site-suffixed <title>; a page without a
    headline line gets it as a container title half the time, else no title at all."""
    meta: dict = {}
    r = rng.random()
    if r < 0.25 and url:
        meta["url"] = url
    elif r < 0.4:
        meta["title"] = title + rng.choice([" - " + site, " | " + site, " | صحيفة " + site, ""])
    if not has_title_line:
        if rng.random() < 0.5:  # the headline came in the container…
            meta["title"] = title
            meta["title_from_container"] = True
        else:  # …or the page has none (a body scraped without its headline)
            meta.pop("title", None)
    return meta


# ------------------------------------------------------------------ sites


@dataclass
class Site:
    """A synthetic site: its name, its layout (which widgets stand in which zone, in
    page order) and the seed of their fixed wording."""

    name: str
    seed: int
    blocks: list[tuple[str, Family]]  # (zone, family)
    arabic_digits: bool


# a widget of the layout is missing from a page with this probability (a video box, a
# caption, a poll: not every page shows every widget)
SITE_BLOCK_ABSENT = 0.15


def make_site(rng: random.Random, families: list[Family], name: str) -> Site:
    """A layout over ``families``: per zone as many widgets as :func:`make_page` puts on
    one page, drawn once for the whole site."""
    by_zone: dict[str, list[Family]] = {}
    for f in families:
        for z in f.zones:
            by_zone.setdefault(z, []).append(f)
    blocks: list[tuple[str, Family]] = []
    for zone, lo, hi in (("top", 0, 3), ("head", 0, 3), ("mid", 0, 2), ("foot", 1, 5)):
        pool = by_zone.get(zone, [])
        if pool:
            blocks += [(zone, f) for f in rng.sample(pool, min(len(pool), rng.randint(lo, hi)))]
    return Site(name, rng.randrange(2**32), blocks, rng.random() < 0.2)


def make_site_page(
    site: Site,
    rng: random.Random,
    body: list[str],
    title: str,
    titles: list[str],
    authors: list[str],
    url: str | None = None,
    date: dt.date | None = None,
) -> tuple[dict, list[Row]]:
    """One labelled page of ``site`` around a real title and body: the site's widgets,
    each with the wording it has on every page of the site (its own generator, seeded by
    the site and the widget) and this page's slot values (``rng``: numbers, dates,
    names, titles, tags; also which widgets are missing, where the mid-text widgets
    stand, the headline line and the metadata, as in :func:`make_page`).  Every page
    has the site's name as ``source``."""
    city, date = rng.choice(CITIES), date or dt.date(2015, 7, 21)

    def block(k: int, f: Family) -> list[Row]:
        ctx = Ctx(rng=random.Random(f"{site.seed}:{k}"), site=site.name, city=city, date=date, titles=titles,
                  authors=authors, body=body, arabic_digits=site.arabic_digits, slot_rng=rng)
        return [(ln, f.category) for ln in f.gen(ctx) if ln.strip()]

    zones: dict[str, list[list[Row]]] = {"top": [], "head": [], "mid": [], "foot": []}
    for k, (zone, f) in enumerate(site.blocks):
        if rng.random() >= SITE_BLOCK_ABSENT:
            zones[zone].append(block(k, f))
    has_title_line = rng.random() < 0.9
    paras = _with_mid(rng, body, zones["mid"])
    rows = _page_rows(title, has_title_line, zones["top"], zones["head"], paras, zones["foot"])
    meta = _page_meta(rng, title, site.name, url, has_title_line)
    meta["source"] = site.name
    return meta, rows
