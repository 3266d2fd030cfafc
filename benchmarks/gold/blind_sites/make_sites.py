#!/usr/bin/env python3
"""Build blind_sites.json: 12 fictional Arabic news-site templates x 20 real articles.

Deterministic, standard library only.  Usage:
    python3 make_sites.py            # writes blind_sites.json next to this file, prints checks
    python3 make_sites.py --no-write # only prints the checks

Article bodies and titles are real SaudiNewsNet records from the three zips listed in
ZIPS; all site chrome (boilerplate) is invented here.  See README.md.
"""
import collections
import datetime as dt
import json
import math
import os
import random
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA_DIR = os.path.normpath(os.path.join(HERE, '..', '..', '..', '..', 'shared', 'data', 'saudinewsnet'))
ZIPS = ('2015-08-09.zip', '2015-08-10.zip', '2015-08-11.zip')
OUT = os.path.join(HERE, 'blind_sites.json')

PICK_SEED = 2026          # random.Random(2026).sample(candidates, 240)
POOL_SEED = 2027          # shuffle of the related-titles pool before splitting it over the sites
PAGE_SEED = 202600        # page rng = random.Random(PAGE_SEED + 100 * site_index + page_index)
N_SITES, PER_SITE = 12, 20
DEV_SITES = {'S03', 'S06', 'S09', 'S12'}

AR_DIGITS = str.maketrans('0123456789', '٠١٢٣٤٥٦٧٨٩')
WEEKDAYS_HAMZA = ['الإثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد']
WEEKDAYS_PLAIN = ['الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد']
MONTHS_EAST = {7: 'يوليو', 8: 'أغسطس', 9: 'سبتمبر'}
MONTHS_LEVANT = {7: 'تموز', 8: 'آب', 9: 'أيلول'}
MONTHS_MOROCCO = {7: 'يوليوز', 8: 'غشت', 9: 'شتنبر'}
MONTHS_ALG_TUN = {7: 'جويلية', 8: 'أوت', 9: 'سبتمبر'}
SHAWWAL_1 = dt.date(2015, 7, 17)   # 1 Shawwal 1436; Shawwal 1436 taken as 30 days

STOP = set('''في من على إلى الى عن مع بعد قبل أن إن التي الذي الذين اللذين هذا هذه ذلك تلك كان كانت
يكون أمام عبر دون وسط أكثر أول ومن وفي فيه منه عليه ليس لكن أيضا أيضاً أنه إنه عند حتى خلال منذ بين
غير حول ضمن لدى بها فيها منها عليها لها له كما وقد قد لم لن ما ماذا لماذا كيف هل يوم اليوم أمس'''.split())


# ----------------------------------------------------------------------------- data
def load_records():
    recs = []
    for zn in ZIPS:
        with zipfile.ZipFile(os.path.join(DATA_DIR, zn)) as z:
            for name in sorted(z.namelist()):
                if name.endswith('.json'):
                    recs.extend(json.loads(z.read(name).decode('utf-8')))
    return recs


def article_lines(rec):
    return [l.strip() for l in rec['content'].split('\n') if l.strip()]


def pick_articles(recs):
    seen, cands = set(), []
    for r in recs:
        c = (r.get('content') or '').strip()
        t = (r.get('title') or '').strip()
        if not t or not (400 <= len(c) <= 2500) or c in seen:
            continue
        seen.add(c)
        cands.append(r)
    return cands, random.Random(PICK_SEED).sample(cands, N_SITES * PER_SITE)


def related_pool(recs, picked):
    ptitles = {r['title'].strip() for r in picked}
    pcontents = {r['content'].strip() for r in picked}
    plines = {l for r in picked for l in article_lines(r)}
    pool, seen = [], set()
    for r in recs:
        t = (r.get('title') or '').strip()
        c = (r.get('content') or '').strip()
        if not (20 <= len(t) <= 110) or '\n' in t or t in seen:
            continue
        if t in ptitles or c in pcontents or t in plines:
            continue
        seen.add(t)
        pool.append(t)
    random.Random(POOL_SEED).shuffle(pool)
    return [pool[i::N_SITES] for i in range(N_SITES)]   # disjoint per site


# ----------------------------------------------------------------------------- helpers
KIND_WORDS = {
    'sport': 'مباراة مباراته الدوري لاعب اللاعب لاعبي المدرب مدرب المنتخب كأس الهلال النصر الأهلي الاتحاد '
             'هدف الفريق فريق نادي النادي السوبر بطولة الملعب ملعب الجولة',
    'economy': 'النفط أسعار الأسهم مؤشر السوق الاقتصاد اقتصاد البنك بنك مليار الاستثمار الشركة شركة التجارة '
               'الأسواق برميل تداول الدولار',
    'world': 'اليمن الحوثي الحوثيين سوريا السوري العراق داعش إيران الإيراني أمريكا الأمريكي روسيا ليبيا لبنان '
             'فلسطين غزة إسرائيل تركيا أوروبا الصين البحرين عدن صنعاء الأمم',
    'misc': 'تطبيق آيفون قوقل جوجل الهاتف الإنترنت تقنية فيسبوك تويتر فيلم الفنان الفنانة مهرجان',
}
KIND_SETS = {k: set(v.split()) for k, v in KIND_WORDS.items()}


def article_kind(title, lines):
    """Crude keyword vote used only to choose a plausible section for the page."""
    tw = re.findall(r'[\u0621-\u064A]+', title)
    bw = re.findall(r'[\u0621-\u064A]+', ' '.join(lines)[:400])
    score = {k: 3 * sum(w in ws for w in tw) + sum(w in ws for w in bw) for k, ws in KIND_SETS.items()}
    best = max(score, key=lambda k: (score[k], k))
    return best if score[best] >= 2 else 'local'


def hijri(d):
    n = (d - SHAWWAL_1).days
    if 0 <= n < 30:
        return n + 1, 'شوال'
    return n - 29, 'ذو القعدة'


def prayer(base, d):
    """base: {name: (h, m, drift_min_per_day)} at 2015-08-10 -> {name: (h, m)} for date d."""
    k = (d - dt.date(2015, 8, 10)).days
    out = {}
    for name, (h, m, drift) in base.items():
        t = h * 60 + m + int(round(drift * k))
        out[name] = (t // 60, t % 60)
    return out


class Zone:
    def __init__(self, name, label, pos, prob, fn):
        self.name, self.label, self.pos, self.prob, self.fn = name, label, pos, prob, fn


class Site:
    def __init__(self, code, name, domain, country, arabic_digits, months, weekdays,
                 authors, sections, url):
        self.code, self.name, self.domain, self.country = code, name, domain, country
        self.arabic_digits, self.months, self.weekdays = arabic_digits, months, weekdays
        self.authors, self.sections, self.url = authors, sections, url
        self.zones = []

    def add(self, name, label, pos, prob, fn):
        self.zones.append(Zone(name, label, pos, prob, fn))


class Page:
    """Per-page slot values and formatting helpers handed to zone generators."""

    def __init__(self, site, rng, rec, pool):
        self.site, self.rng, self.pool = site, rng, pool
        self.title = rec['title'].strip()
        self.lines = article_lines(rec)
        self.today = dt.date.fromisoformat(rec['date_extracted'][:10])
        pub_day = self.today - dt.timedelta(days=rng.choice([0, 0, 0, 1, 1, 2]))
        self.pub = dt.datetime(pub_day.year, pub_day.month, pub_day.day,
                               rng.randint(6, 23), rng.randint(0, 59))
        self.upd = self.pub + dt.timedelta(minutes=rng.randint(5, 400))
        self.author = rng.choice(site.authors)
        kind = article_kind(self.title, self.lines)
        secs = [x for x in site.sections if kind in x[2].split()] or \
            [x for x in site.sections if 'local' in x[2].split()]
        self.section = rng.choice(secs)
        self.views = rng.randint(90, 24000)
        self.comments = rng.choice([0, 0, 1, 2, 3, 4, 5, 7, 9, 12, 16, 23, 31])
        self.shares = rng.randint(0, 1800)
        self.words = sum(len(l.split()) for l in self.lines)
        self.used_titles = set()

    # digits -----------------------------------------------------------------
    def D(self, s):
        return s.translate(AR_DIGITS) if self.site.arabic_digits else s

    def N(self, x, dec=0, group=False):
        s = f'{x:,.{dec}f}' if group else f'{x:.{dec}f}'
        if self.site.arabic_digits:
            s = s.replace(',', '٬').replace('.', '٫').translate(AR_DIGITS)
        return s

    def P(self, x, dec=0):
        return self.N(x, dec) + ('٪' if self.site.arabic_digits else '%')

    # dates ------------------------------------------------------------------
    def wd(self, d):
        return self.site.weekdays[d.weekday()]

    def mon(self, d):
        return self.site.months[d.month]

    def t12(self, t, suffix=True):
        h = t.hour % 12 or 12
        s = self.D(f'{h:02d}:{t.minute:02d}') if suffix else self.D(f'{h}:{t.minute:02d}')
        return s + (' ص' if t.hour < 12 else ' م') if suffix else s

    def t24(self, t):
        return self.D(f'{t.hour:02d}:{t.minute:02d}')

    # site-wide values that change per day, not per page ----------------------
    def daily(self, key, d=None):
        return random.Random(f'{self.site.code}|{key}|{(d or self.today).isoformat()}')

    # titles of other articles -------------------------------------------------
    def rel(self, k, which='related'):
        """k titles from this site's private related (or network) pool, distinct within the page."""
        out = []
        while len(out) < k:
            t = self.rng.choice(self.pool[which])
            if t not in self.used_titles and t != self.title:
                self.used_titles.add(t)
                out.append(t)
        return out

    def from_list(self, which, k, key):
        """k titles from a short site list (most read, breaking), same for all pages of a day."""
        lst = [t for t in self.pool[which] if t not in self.used_titles and t != self.title]
        out = self.daily(key).sample(lst, k)
        self.used_titles.update(out)
        return out

    def tags(self, k):
        words, seen = [], set()
        for w in re.findall(r'[\u0621-\u064A]+', self.title):
            if len(w) >= 3 and w not in STOP and w not in seen:
                seen.add(w)
                words.append(w)
        if len(words) > k:
            idx = sorted(self.rng.sample(range(len(words)), k))
            words = [words[i] for i in idx]
        if len(words) < 2:
            words.append(self.section[0])
        return words

    def minutes_ar(self, n):
        if n == 1:
            return 'دقيقة واحدة'
        if n == 2:
            return 'دقيقتان'
        return self.N(n) + (' دقائق' if n <= 10 else ' دقيقة')

    def slug(self, n=6):
        return '-'.join(re.findall(r'[\u0621-\u064A0-9]+', self.title)[:n]) or 'article'


def poll_split(rng, base):
    a = max(3, base[0] + rng.randint(-4, 4))
    b = max(3, base[1] + rng.randint(-4, 4))
    c = max(1, 100 - a - b)
    return a, b, 100 - a - b if a + b + c == 100 else c


# ============================================================================ sites
def site_S01():
    s = Site('S01', 'صحيفة الواحة الإلكترونية', 'wahat-news.example', 'Saudi (Eastern Province, al-Ahsa)',
             True, MONTHS_EAST, WEEKDAYS_HAMZA,
             ['فهد العتيبي', 'نورة القحطاني', 'عبدالله الزهراني', 'سلطان الدوسري', 'ريم الشمري',
              'ماجد الغامدي', 'هيفاء المطيري', 'حسين البحراني'],
             [('أخبار المملكة', 'local', 'local world'), ('الأحساء', 'ahsa', 'local'),
              ('المال والأعمال', 'economy', 'economy'), ('الملاعب', 'sport', 'sport'),
              ('منوعات', 'misc', 'misc'), ('تقارير وتحقيقات', 'reports', 'local')],
             lambda c, i: f'https://www.wahat-news.example/news/{i}.html')
    base = {'الفجر': (3, 53, .7), 'الظهر': (11, 45, -.1),
            'العصر': (15, 11, -.3), 'المغرب': (18, 16, -.9), 'العشاء': (19, 46, -.9)}

    def date_header(c):
        hd, hm = hijri(c.today)
        return [c.D(f'{c.wd(c.today)} {hd} {hm} 1436 هـ - الموافق {c.today.day} {c.mon(c.today)} {c.today.year} م')]

    def prayer_times(c):
        p = prayer(base, c.today)
        parts = [f'{k} ' + c.D(f'{(h % 12) or 12}:{m:02d}') for k, (h, m) in p.items()]
        return ['مواقيت الصلاة في الأحساء: ' + ' | '.join(parts)]

    s.add('date_header', 'date_header', 'top', 1, date_header)
    s.add('prayer', 'prayer_times', 'top', 1, prayer_times)
    s.add('nav', 'navigation', 'top', 1, lambda c: ['الصفحة الرئيسية', 'أخبار المملكة', 'الأحساء',
                                                  'المال والأعمال', 'الملاعب', 'كتّاب الواحة'])
    s.add('breadcrumb', 'breadcrumb', 'top', 1, lambda c: [f'الرئيسية » {c.section[0]}'])
    s.add('byline', 'byline_template', 'head', .85, lambda c: [f'الواحة - {c.author}'])
    s.add('dateline', 'dateline_template', 'head', 1, lambda c: [
        c.D(f'نشر في: {c.pub.day:02d}-{c.pub.month:02d}-{c.pub.year}') + ' | ' + c.t12(c.pub)])
    s.add('counters', 'counters', 'head', 1, lambda c: [
        f'عدد القراءات: {c.N(c.views)} | التعليقات: {c.N(c.comments)}'])
    s.add('caption', 'caption', 'head', .6, lambda c: [
        c.rng.choice([f'(تصوير: {c.rng.choice(["علي الحسن", "محمد السالم", "ياسر العيسى"])})', '(أرشيفية)'])])
    s.add('read_also', 'related', 'body:2', .6, lambda c: ['اقرأ أيضاً:'] + c.rel(1))
    s.add('tags', 'tags', 'tail', .8, lambda c: ['الوسوم: ' + ' - '.join(c.tags(4))])
    s.add('share', 'share', 'tail', 1, lambda c: ['شارك الخبر: تويتر | فيسبوك | واتساب | جوجل+'])
    s.add('comments', 'comments', 'tail', .8, lambda c: [
        f'التعليقات ({c.N(c.comments)})', 'أضف تعليقك', 'نشر التعليق'])
    s.add('disclaimer', 'disclaimer', 'tail', .6, lambda c: [
        'التعليقات المنشورة تعبر عن رأي كاتبيها ولا تعبر بالضرورة عن رأي صحيفة الواحة الإلكترونية.'])
    s.add('footer', 'footer', 'tail', 1, lambda c: [
        'جميع الحقوق محفوظة لصحيفة الواحة الإلكترونية © ' + c.D('1436') + ' هـ'])
    return s


def site_S02():
    s = Site('S02', 'بوابة النيل اليوم', 'elnil-today.example', 'Egyptian', False, MONTHS_EAST, WEEKDAYS_HAMZA,
             [('أحمد عبد الحليم', 'm'), ('منى السيد', 'f'), ('محمود الشناوي', 'm'), ('إسراء حسن', 'f'),
              ('كريم فوزي', 'm'), ('هبة عادل', 'f'), ('عمرو سليمان', 'm'), ('دينا المصري', 'f')],
             [('أخبار مصر', 'egypt', ''), ('حوادث', 'accidents', ''), ('اقتصاد وبورصة', 'economy', 'economy'),
              ('رياضة', 'sports', 'sport'), ('عرب وعالم', 'world', 'local world'), ('فن', 'art', 'misc')],
             lambda c, i: (f'https://www.elnil-today.example/{c.section[1]}/{c.pub.year}/{c.pub.month}/'
                           f'{c.pub.day}/{i}'))
    polls = [('هل تتوقع أن تسهم قناة السويس الجديدة في إنعاش الاقتصاد المصري خلال العام المقبل؟', (71, 19)),
             ('هل تؤيد تعميم منظومة الخبز الجديدة بالكارت الذكي على جميع المحافظات؟', (58, 31)),
             ('هل ترى أن أسعار الخضروات والفاكهة ارتفعت خلال الأسبوع الماضي؟', (83, 11))]

    def currency(c):
        r = c.daily('fx')
        return [f'الدولار 7.83 | اليورو {8.55 + r.randint(0, 12) / 100:.2f} | الريال السعودي '
                f'{2.08 + r.randint(0, 1) / 100:.2f}']

    def byline(c):
        name, g = c.author
        return [('كتبت: ' if g == 'f' else 'كتب: ') + name]

    def poll(c):
        q, base = polls[c.today.toordinal() % len(polls)]
        a, b, n = poll_split(c.rng, base)
        return ['استطلاع الرأي', q, f'نعم {a}%', f'لا {b}%', f'غير مهتم {n}%']

    s.add('breaking', 'breaking', 'top', .5, lambda c: ['عاجل | ' + t for t in c.from_list('breaking', 1, 'brk')])
    s.add('currency', 'currency', 'top', 1, currency)
    s.add('login', 'login', 'top', 1, lambda c: ['تسجيل الدخول | حساب جديد'])
    s.add('search', 'search', 'top', 1, lambda c: ['ابحث هنا'])
    s.add('nav', 'navigation', 'top', 1, lambda c: [
        'الرئيسية | أخبار مصر | حوادث | اقتصاد وبورصة | رياضة | عرب وعالم | فن | فيديو'])
    s.add('byline', 'byline_template', 'head', 1, byline)
    s.add('dateline', 'dateline_template', 'head', 1, lambda c: [
        f'{c.wd(c.pub)}، {c.pub.day} {c.mon(c.pub)} {c.pub.year} - {c.t12(c.pub)}'])
    s.add('caption', 'caption', 'head', .55, lambda c: [
        c.rng.choice(['صورة أرشيفية', c.tags(1)[0] + ' - أرشيفية'])])
    s.add('read_also', 'related', 'body:2', .6, lambda c: ['اقرأ أيضًا..'] + c.rel(1))
    s.add('ad', 'ad', 'body:4', .5, lambda c: ['إعلان'])
    s.add('whatsapp', 'follow', 'tail', .7, lambda c: [
        'تابعوا قناة بوابة النيل اليوم على واتساب'])
    s.add('most_read', 'most_read', 'tail', 1, lambda c: ['الأكثر قراءة'] + c.from_list('top', 3, 'top'))
    s.add('poll', 'poll', 'tail', .3, poll)
    s.add('footer', 'footer', 'tail', 1, lambda c: [
        '© 2015 بوابة النيل اليوم - جميع الحقوق محفوظة', 'من نحن | اتصل بنا | سياسة الخصوصية | أعلن معنا'])
    return s


def site_S03():
    s = Site('S03', 'الخليج الآن', 'gulfnow24.example', 'Emirati (Gulf)', False, MONTHS_EAST, WEEKDAYS_HAMZA,
             ['سارة المنصوري', 'خالد الكعبي', 'محمد الظاهري', 'ليلى الحمادي', 'راشد النعيمي', 'أمل الشامسي'],
             [('الإمارات', 'uae', ''), ('الخليج', 'gulf', 'local'), ('العالم', 'world', 'world'),
              ('مال وأعمال', 'business', 'economy'), ('ملاعب', 'sport', 'sport'), ('تكنولوجيا', 'tech', 'misc')],
             lambda c, i: (f'https://www.gulfnow24.example/ar/{c.section[1]}/'
                           f'{c.pub.year}-{c.pub.month:02d}-{c.pub.day:02d}-1.{i}'))
    sponsored = ['امتلك شقتك في دبي بدفعة أولى 10% فقط وأقساط على 5 سنوات',
                 'عروض الصيف: خصومات تصل إلى 70% في أشهر مراكز التسوق',
                 'تعلّم الإنجليزية في 3 أشهر مع برنامج معتمد دولياً',
                 'احجز عطلتك إلى جورجيا: 4 ليال شاملة الطيران من 1999 درهماً']

    def weather(c):
        r = c.daily('wx')
        return [f'دبي {42 + r.randint(-1, 2)}°م | أبوظبي {43 + r.randint(-1, 2)}°م | '
                f'العين {45 + r.randint(-1, 2)}°م']

    def market(c):
        r = c.daily('mkt')
        a, b = 3950 + r.randint(0, 15000) / 100, 4700 + r.randint(0, 15000) / 100
        ca, cb = r.randint(-90, 90) / 100, r.randint(-90, 90) / 100
        return [f'سوق دبي {a:,.2f} {"▲" if ca >= 0 else "▼"} {abs(ca):.2f}% | '
                f'أبوظبي {b:,.2f} {"▲" if cb >= 0 else "▼"} {abs(cb):.2f}%']

    def video(c):
        sec = c.rng.randint(35, 290)
        return [f'فيديو | {" ".join(c.tags(2))} ({sec // 60:02d}:{sec % 60:02d})']

    s.add('lang', 'language', 'top', 1, lambda c: ['English | العربية'])
    s.add('weather', 'weather', 'top', 1, weather)
    s.add('market', 'market', 'top', 1, market)
    s.add('nav', 'navigation', 'top', 1, lambda c: ['الإمارات', 'الخليج', 'العالم', 'مال وأعمال', 'ملاعب',
                                                  'أسلوب حياة'])
    s.add('breadcrumb', 'breadcrumb', 'top', 1, lambda c: [f'الرئيسية / {c.section[0]}'])
    s.add('updated', 'updated', 'head', 1, lambda c: [
        f'آخر تحديث: {c.upd.day} {c.mon(c.upd)} {c.upd.year} - {c.t24(c.upd)}'])
    s.add('reading', 'reading_time', 'head', 1, lambda c: [
        'قراءة ' + c.minutes_ar(max(1, math.ceil(c.words / 180))).replace('دقيقة واحدة', 'دقيقة')])
    s.add('share', 'share', 'head', 1, lambda c: ['مشاركة', 'فيسبوك', 'تويتر', 'لينكدإن', 'البريد الإلكتروني'])
    s.add('video', 'video', 'head', .3, video)
    s.add('ad', 'ad', 'body:3', .6, lambda c: ['محتوى إعلاني'])
    s.add('byline', 'byline_template', 'tail', .8, lambda c: [f'إعداد: {c.author} - محرر الشبكة'])
    s.add('related', 'related', 'tail', 1, lambda c: ['مقالات ذات صلة'] + c.rel(2))
    s.add('sponsored', 'ad', 'tail', .45, lambda c: ['محتوى مدفوع'] + c.rng.sample(sponsored, 1))
    s.add('newsletter', 'newsletter', 'tail', .6, lambda c: [
        'اشترك في النشرة اليومية واحصل على أهم أخبار الخليج في بريدك كل صباح', 'اشترك الآن'])
    s.add('cookie', 'cookie', 'tail', .6, lambda c: [
        'نستخدم ملفات تعريف الارتباط لتحسين تجربتك. باستمرارك في تصفح الموقع فإنك توافق على سياسة الخصوصية.',
        'موافق'])
    s.add('footer', 'footer', 'tail', 1, lambda c: ['© 2015 الخليج الآن. جميع الحقوق محفوظة.'])
    return s


def site_S04():
    s = Site('S04', 'نوافذ بيروت', 'nawafez-beirut.example', 'Lebanese (Levantine)', False, MONTHS_LEVANT,
             WEEKDAYS_PLAIN,
             ['جورج عقيقي', 'ريتا شمعون', 'حسن فضل الله', 'منال الخوري', 'وسام أبو زيد', 'كارلا حداد'],
             [('لبنان', 'lebanon', ''), ('إقليميات', 'region', 'local'), ('دوليات', 'world', 'world'),
              ('اقتصاد', 'economy', 'economy'), ('ثقافة', 'culture', 'misc'), ('رياضة', 'sport', 'sport'),
              ('رأي', 'opinion', 'local')],
             lambda c, i: f'https://nawafez-beirut.example/article/{i}/{c.slug()}')

    def fuel(c):
        r = c.daily('fuel', c.today - dt.timedelta(days=(c.today.weekday() - 2) % 7))  # set on Wednesdays
        b95 = 22500 + 100 * r.randint(0, 5)
        return [f'أسعار المحروقات: بنزين 95 أوكتان {b95:,} ل.ل | بنزين 98 أوكتان {b95 + 700:,} ل.ل | '
                f'مازوت {14700 + 100 * r.randint(0, 4):,} ل.ل']

    s.add('date_header', 'date_header', 'top', 1, lambda c: [
        f'{c.wd(c.today)} {c.today.day} {c.mon(c.today)} {c.today.year}'])
    s.add('fuel', 'fuel', 'top', 1, fuel)
    s.add('login', 'login', 'top', 1, lambda c: ['اشترك | تسجيل الدخول'])
    s.add('nav', 'navigation', 'top', 1, lambda c: ['لبنان · إقليميات · دوليات · اقتصاد · ثقافة · رياضة · رأي'])
    s.add('byline', 'byline_template', 'head', .7, lambda c: [f'بقلم {c.author}'])
    s.add('dateline', 'dateline_template', 'head', 1, lambda c: [
        f'نُشر في {c.pub.day} {c.mon(c.pub)} {c.pub.year} - {c.t24(c.pub)}'])
    s.add('tools', 'tools', 'head', .7, lambda c: ['طباعة | تكبير الخط | تصغير الخط'])
    s.add('paywall', 'paywall', 'body:3', .3, lambda c: [
        f'المقالات المجانية المتبقية لك هذا الشهر: {c.rng.randint(1, 4)}',
        'اشترك في النسخة الرقمية بـ 5 دولارات شهرياً واقرأ بلا حدود على كل أجهزتك'])
    s.add('disclaimer', 'disclaimer', 'tail', .5, lambda c: [
        'المقالات المنشورة تعبّر عن آراء كتّابها ولا تعكس بالضرورة وجهة نظر نوافذ بيروت.'])
    s.add('related', 'related', 'tail', 1, lambda c: ['مواضيع ذات صلة'] + c.rel(2))
    s.add('comment_form', 'comment_form', 'tail', .8, lambda c: [
        'اترك تعليقاً', 'الاسم *', 'البريد الإلكتروني *', 'التعليق', 'إرسال التعليق'])
    s.add('footer', 'footer', 'tail', 1, lambda c: [
        'جميع الحقوق محفوظة © نوافذ بيروت 2015',
        'بيروت - هاتف: 01-345678'])
    return s


def site_S05():
    s = Site('S05', 'الرافدين بريس', 'rafidain-press.example', 'Iraqi', True, MONTHS_LEVANT, WEEKDAYS_PLAIN,
             ['علي الساعدي', 'زينب الربيعي', 'مصطفى الجبوري', 'حيدر الكعبي', 'سرى العبيدي'],
             [('سياسة', 'politics', 'local world'), ('أمن', 'security', 'local'), ('المحافظات', 'provinces', ''),
              ('اقتصاد', 'economy', 'economy'), ('رياضة', 'sport', 'sport'), ('مقالات', 'articles', 'misc')],
             lambda c, i: f'https://www.rafidain-press.example/?p={i}')
    base = {'الفجر': (4, 15, .7), 'الظهر': (12, 20, -.1),
            'العصر': (16, 0, -.3), 'المغرب': (18, 55, -.9), 'العشاء': (20, 18, -1.0)}

    def weather(c):
        r = c.daily('wx')
        return [f'بغداد {c.N(48 + r.randint(-1, 2))}° | البصرة {c.N(50 + r.randint(-1, 2))}° | '
                f'أربيل {c.N(43 + r.randint(-1, 2))}°']

    def prayer_lines(c):
        p = prayer(base, c.today)
        return ['مواقيت الصلاة - بغداد'] + [f'{k} ' + c.D(f'{(h % 12) or 12}:{m:02d}') for k, (h, m) in p.items()]

    s.add('date_header', 'date_header', 'top', 1, lambda c: [
        c.wd(c.today) + ' ' + c.D(f'{c.today.day}/{c.today.month}/{c.today.year}')])
    s.add('weather', 'weather', 'top', 1, weather)
    s.add('currency', 'currency', 'top', 1, lambda c: [
        f'سعر صرف الدولار في بورصة الكفاح: {c.N(122500 + 250 * c.daily("fx").randint(0, 8), group=True)} '
        f'دينار لكل {c.N(100)} دولار'])
    s.add('nav', 'navigation', 'top', 1, lambda c: ['الرئيسية', 'سياسة', 'أمن', 'المحافظات', 'اقتصاد', 'رياضة',
                                                  'مقالات'])
    s.add('breaking', 'breaking', 'top', .7, lambda c: ['عاجل: ' + c.from_list('breaking', 1, 'brk')[0]])
    s.add('views', 'counters', 'head', 1, lambda c: [f'المشاهدات: {c.N(c.views)}'])
    s.add('dateline', 'dateline_template', 'head', 1, lambda c: [
        c.rng.choice(['بغداد', 'بغداد', 'بغداد', 'البصرة', 'النجف', 'أربيل', 'الموصل']) + '/ الرافدين بريس'])
    s.add('caption', 'caption', 'head', .5, lambda c: [c.rng.choice(['صورة تعبيرية', '(أرشيف)'])])
    s.add('inline_related', 'related', 'body:2', .6, lambda c: ['• ذات صلة: ' + c.rel(1)[0]])
    s.add('tags', 'tags', 'tail', 1, lambda c: ['كلمات مفتاحية: ' + '، '.join(c.tags(3))])
    s.add('telegram', 'follow', 'tail', .8, lambda c: ['تابعونا على قناة التلغرام ليصلكم كل جديد'])
    s.add('related', 'related', 'tail', 1, lambda c: ['اخبار ذات صلة'] + c.rel(2))
    s.add('prayer', 'prayer_times', 'tail', .7, prayer_lines)
    s.add('footer', 'footer', 'tail', 1, lambda c: [
        'جميع الحقوق محفوظة لوكالة الرافدين بريس © ' + c.D('2015')])
    return s


def site_S06():
    s = Site('S06', 'أنباء الأطلس', 'anbaa-atlas.example', 'Moroccan (Maghreb)', False, MONTHS_MOROCCO,
             WEEKDAYS_HAMZA,
             ['يوسف لخضر', 'سعيد الإدريسي', 'فاطمة الزهراء بنعلي', 'هشام أمزيان', 'نادية الوزاني'],
             [('سياسة', 'politique', ''), ('مجتمع', 'societe', 'misc'), ('اقتصاد', 'economie', 'economy'),
              ('دولية', 'international', 'local world'), ('رياضة', 'sport', 'sport'), ('مغاربة العالم', 'mre', '')],
             lambda c, i: f'https://www.anbaa-atlas.example/{i}.html')

    def weather(c):
        r = c.daily('wx')
        return [f'الرباط {27 + r.randint(-1, 2)}° | الدار البيضاء {26 + r.randint(-1, 2)}° | '
                f'مراكش {38 + r.randint(-1, 3)}°']

    s.add('lang', 'language', 'top', 1, lambda c: ['Français | English | ⵜⴰⵎⴰⵣⵉⵖⵜ'])
    s.add('date_header', 'date_header', 'top', 1, lambda c: [
        f'{c.wd(c.today)} {c.today.day} {c.mon(c.today)} {c.today.year}'])
    s.add('weather', 'weather', 'top', 1, weather)
    s.add('nav', 'navigation', 'top', 1, lambda c: [
        'سياسة | مجتمع | اقتصاد | دولية | رياضة | مغاربة العالم | آراء'])
    s.add('byline', 'byline_template', 'head', .9, lambda c: [f'أنباء الأطلس - {c.author}'])
    s.add('dateline', 'dateline_template', 'head', 1, lambda c: [
        f'{c.pub.day} {c.mon(c.pub)} {c.pub.year} - {c.t24(c.pub)}'])
    s.add('tools', 'tools', 'head', .5, lambda c: ['طباعة | أرسل لصديق'])
    s.add('caption', 'caption', 'head', .65, lambda c: ['صورة: أرشيف'])
    s.add('ad', 'ad', 'body:mid', .7, lambda c: ['مساحة إعلانية'])
    s.add('tags', 'tags', 'tail', 1, lambda c: [' '.join('#' + w for w in c.tags(3))])
    s.add('share', 'share', 'tail', 1, lambda c: ['شارك المقال على:', 'Facebook', 'Twitter', 'WhatsApp'])
    s.add('related', 'related', 'tail', 1, lambda c: ['اقرأ أيضا في أنباء الأطلس'] + c.rel(2))
    s.add('comments', 'comments', 'tail', 1, lambda c: [
        f'تعليقات الزوار ({c.comments})',
        'المرجو عدم تضمين تعليقاتكم عبارات مسيئة أو خارجة عن موضوع المقال، فهي لن تنشر. شكرا على التزامكم.',
        'أضف تعليقا'])
    s.add('cookie', 'cookie', 'tail', .5, lambda c: [
        'يستخدم هذا الموقع ملفات الكوكيز لضمان حصولك على أفضل تجربة تصفح.',
        'قبول'])
    s.add('footer', 'footer', 'tail', 1, lambda c: [
        '© 2015 أنباء الأطلس - جميع الحقوق محفوظة'])
    return s


def site_S07():
    s = Site('S07', 'بوابة قرطاج', 'carthage-gate.example', 'Tunisian (Maghreb)', False, MONTHS_ALG_TUN,
             WEEKDAYS_PLAIN,
             ['منية العرفاوي', 'سفيان بن فرحات', 'آمال الزواري', 'لطفي الحجري', 'نزار مقني'],
             [('وطنية', 'national', ''), ('جهات', 'regions', ''), ('عربية ودولية', 'monde', 'local world'),
              ('اقتصاد وطني', 'eco', 'economy'), ('رياضة وطنية', 'sport', 'sport'), ('ثقافة وفنون', 'culture', 'misc')],
             lambda c, i: (f'https://www.carthage-gate.example/{c.pub.year}/{c.pub.month:02d}/{c.pub.day:02d}/'
                           f'{i}-{c.slug(5)}/'))
    clubs = ['الترجي الرياضي', 'النادي الإفريقي', 'النجم الساحلي', 'النادي الصفاقسي', 'الملعب التونسي',
             'النادي البنزرتي', 'الاتحاد المنستيري', 'مستقبل المرسى']

    def scores(c):
        r = c.daily('scores')
        teams = r.sample(clubs, 4)
        out = ['نتائج المباريات الودية']
        for j in range(0, 4, 2):
            out.append(f'{teams[j]} {r.randint(0, 3)} - {r.randint(0, 3)} {teams[j + 1]}')
        return out

    def audio(c):
        sec = int(c.words / 2.4)
        return ['استمع إلى المقال', f'00:00 / {sec // 60:02d}:{sec % 60:02d}']

    s.add('date_header', 'date_header', 'top', 1, lambda c: [
        f'{c.wd(c.today)} {c.today.day} {c.mon(c.today)} {c.today.year} | آخر تحيين: {c.t24(c.upd)}'])
    s.add('scores', 'scores', 'top', .4, scores)
    s.add('nav', 'navigation', 'top', 1, lambda c: ['وطنية', 'جهات', 'عربية ودولية', 'اقتصاد وطني',
                                                  'رياضة وطنية', 'ثقافة وفنون'])
    s.add('byline', 'byline_template', 'head', 1, lambda c: [f'بقلم: {c.author}'])
    s.add('dateline', 'dateline_template', 'head', 1, lambda c: [
        f'نشر في {c.pub.day:02d}/{c.pub.month:02d}/{c.pub.year} على الساعة {c.t24(c.pub)}'])
    s.add('audio', 'audio', 'head', 1, audio)
    s.add('ad', 'ad', 'body:2', .6, lambda c: ['– إشهار –'])
    s.add('inline_related', 'related', 'body:4', .5, lambda c: ['اقرأ كذلك'] + c.rel(1))
    s.add('tags', 'tags', 'tail', 1, lambda c: ['الكلمات الدالة: ' + ' / '.join(c.tags(3))])
    s.add('related', 'related', 'tail', 1, lambda c: ['مواضيع ذات علاقة'] + c.rel(2))
    s.add('donation', 'donation', 'tail', .6, lambda c: [
        'ادعموا الصحافة المستقلة: مساهمتكم، مهما كانت صغيرة، تضمن استمرار بوابة قرطاج مجانية للجميع.',
        'ساهم الآن'])
    s.add('report', 'report_error', 'tail', 1, lambda c: ['إبلاغ عن خطأ'])
    s.add('footer', 'footer', 'tail', 1, lambda c: [
        'بوابة قرطاج © 2015 - كل الحقوق محفوظة', 'الهاتف: 71 123 456'])
    return s


def site_S08():
    s = Site('S08', 'أخبار الديرة', 'diranews.example', 'Kuwaiti (Gulf)', True, MONTHS_EAST, WEEKDAYS_PLAIN,
             ['بدر العنزي', 'دانة الرشيد', 'عبدالعزيز الصباح', 'مشاري الهاجري', 'فجر السعيد'],
             [('محليات', 1, ''), ('برلمان', 2, ''), ('اقتصاد', 3, 'economy'), ('خليجيات', 4, 'local'),
              ('عربي وعالمي', 5, 'world'), ('رياضة', 6, 'sport'), ('منوعات', 7, 'misc')],
             lambda c, i: f'https://www.diranews.example/Article.aspx?id={i}&cat={c.section[1]}')

    def gold(c):
        r = c.daily('gold')
        g24 = 10.70 + r.randint(0, 12) / 100
        return ['أسعار الذهب اليوم في الكويت (دينار/غرام): ' +
                ' | '.join(f'عيار {c.N(k)}: {c.N(g24 * k / 24, 2)}' for k in (24, 21, 18))]

    def gallery(c):
        n = c.rng.randint(4, 14)
        return [f'ألبوم الصور ({c.N(n)} صور)', f'صورة {c.N(1)} من {c.N(n)}']

    s.add('app', 'app', 'top', .8, lambda c: ['حمّل تطبيق أخبار الديرة', 'App Store', 'Google Play'])
    s.add('gold', 'gold', 'top', 1, gold)
    s.add('nav', 'navigation', 'top', 1, lambda c: [
        'محليات | برلمان | اقتصاد | خليجيات | عربي وعالمي | رياضة | منوعات | كاريكاتير'])
    s.add('push', 'push', 'top', .35, lambda c: [
        'هل تريد تلقي إشعارات فورية بآخر الأخبار العاجلة من أخبار الديرة؟', 'لاحقاً', 'نعم، أرغب بذلك'])
    s.add('dateline', 'dateline_template', 'head', 1, lambda c: [
        c.D(f'{c.pub.day} ') + c.mon(c.pub) + c.D(f' {c.pub.year} ') + c.t12(c.pub)])
    s.add('views', 'counters', 'head', 1, lambda c: [f'مشاهدات: {c.N(c.views)}'])
    s.add('gallery', 'gallery', 'head', .35, gallery)
    s.add('caption', 'caption', 'head', .5, lambda c: [
        'تصوير ' + c.rng.choice(['أسعد عبدالله', 'نايف العقلة', 'محمد ماهر'])])
    s.add('ad1', 'ad', 'body:2', .8, lambda c: ['— إعلان —'])
    s.add('ad2', 'ad', 'body:5', .4, lambda c: ['— إعلان —'])
    s.add('source', 'byline_template', 'tail', .6, lambda c: ['المصدر: أخبار الديرة - محرر الموقع'])
    s.add('most_read', 'most_read', 'tail', 1, lambda c: ['الأكثر مشاهدة'] + c.from_list('top', 3, 'top'))
    s.add('follow', 'follow', 'tail', .7, lambda c: ['تابعونا على إنستغرام وتويتر وسناب شات: @diranews'])
    s.add('footer', 'footer', 'tail', 1, lambda c: [
        'جميع الحقوق محفوظة لأخبار الديرة © ' + c.D('2015'),
        c.D('الكويت - هاتف: 22456789')])
    return s


def site_S09():
    s = Site('S09', 'القاهرة 360', 'cairo360-news.example', 'Egyptian', True, MONTHS_EAST, WEEKDAYS_HAMZA,
             [('شيماء عبد المنعم', 'f'), ('محمد رضا', 'm'), ('أميرة الجمال', 'f'), ('وليد مجدي', 'm'),
              ('نرمين سعد', 'f'), ('طارق البنا', 'm')],
             [('الوطن العربي', 'arab', 'local world'), ('محافظات مصر', 'governorates', ''),
              ('حوادث وقضايا', 'crime', ''), ('بيزنس', 'business', 'economy'), ('ملاعب وكرة', 'sports', 'sport'),
              ('فن ونجوم', 'variety', 'misc')],
             lambda c, i: (f'https://www.cairo360-news.example/story/{c.pub.year}/{c.pub.month}/{c.pub.day}/'
                           f'{c.slug()}/{i}'))
    sponsored = ['اكتشف سر خسارة الوزن دون رجيم قاسٍ أو أدوية',
                 'أفضل 5 قرى سياحية في الساحل الشمالي لصيف 2015',
                 'قسّط سيارتك الجديدة بدون مقدم وعلى 7 سنوات',
                 'شقق بالتقسيط في التجمع الخامس تبدأ من 500 ألف جنيه']

    def gold(c):
        r = c.daily('gold')
        g21 = 268 + r.randint(0, 6)
        return [f'الذهب: عيار {c.N(21)} {c.N(g21)} جنيهاً | عيار {c.N(18)} {c.N(round(g21 * 18 / 21))} جنيهاً']

    def byline(c):
        name, g = c.author
        return [('كتبت ' if g == 'f' else 'كتب ') + name]

    s.add('date_header', 'date_header', 'top', 1, lambda c: [
        f'القاهرة: {c.wd(c.today)} ' + c.D(f'{c.today.day} ') + c.mon(c.today) + c.D(f' {c.today.year} - ') +
        c.D(str(hijri(c.today)[0])) + ' ' + hijri(c.today)[1] + ' ' + c.D('1436')])
    s.add('gold', 'gold', 'top', 1, gold)
    s.add('search', 'search', 'top', 1, lambda c: ['بحث في الموقع'])
    s.add('nav', 'navigation', 'top', 1, lambda c: ['الوطن العربي', 'محافظات مصر', 'حوادث وقضايا', 'بيزنس',
                                                  'ملاعب وكرة', 'فن ونجوم', 'ملفات خاصة'])
    s.add('byline', 'byline_template', 'head', 1, byline)
    s.add('dateline', 'dateline_template', 'head', 1, lambda c: [
        f'{c.wd(c.pub)}، ' + c.D(f'{c.pub.day} ') + c.mon(c.pub) + c.D(f' {c.pub.year} - ') + c.t12(c.pub)])
    s.add('counters', 'counters', 'head', 1, lambda c: [f'مشاركة {c.N(c.shares)}', f'تعليقات {c.N(c.comments)}'])
    s.add('read_also1', 'related', 'body:1', .7, lambda c: ['اقرأ أيضاً'] + c.rel(1))
    s.add('read_also2', 'related', 'body:3', .4, lambda c: ['اقرأ أيضاً'] + c.rel(1))
    s.add('tags', 'tags', 'tail', 1, lambda c: ['كلمات البحث: ' + ' · '.join(c.tags(3))])
    s.add('report', 'report_error', 'tail', 1, lambda c: ['أبلغ عن خطأ في هذا الخبر'])
    s.add('comments', 'comments', 'tail', 1, lambda c: [f'تعليقات القراء ({c.N(c.comments)})', 'أضف تعليق'])
    s.add('network', 'network', 'tail', .8, lambda c: ['المزيد من شبكة القاهرة ' + c.D('360')] + c.rel(2, 'network'))
    s.add('sponsored', 'ad', 'tail', .75, lambda c: ['محتوى مدعوم'] + [c.D(x) for x in c.rng.sample(sponsored, 1)])
    s.add('footer', 'footer', 'tail', 1, lambda c: [
        '© جميع حقوق النشر محفوظة لموقع القاهرة ' + c.D('360 - 2015'),
        c.D('المهندسين - الجيزة')])
    return s


def site_S10():
    s = Site('S10', 'عمّان بوست', 'ammanpost.example', 'Jordanian (Levantine)', False, MONTHS_LEVANT,
             WEEKDAYS_HAMZA,
             ['عمر المحارمة', 'رانيا الصرايرة', 'محمد الخوالدة', 'دانا الزعبي', 'إبراهيم العبادي'],
             [('أخبار محلية', 'local', ''), ('برلمانيات', 'parliament', ''), ('اقتصاديات', 'economy', 'economy'),
              ('عربي ودولي', 'world', 'local world misc'), ('الرياضة', 'sport', 'sport')],
             lambda c, i: f'https://ammanpost.example/article/{i}')
    polls = [('هل تؤيد رفع أسعار الكهرباء على الشرائح المنزلية العليا؟', (34, 58)),
             ('هل تعتقد أن امتحانات التوجيهي هذا العام كانت أصعب من العام الماضي؟', (61, 27)),
             ('هل أنت راضٍ عن خدمات النقل العام في عمّان؟', (12, 79))]

    def weather(c):
        r = c.daily('wx')
        return [f'عمّان {34 + r.randint(-2, 1)}/{21 + r.randint(-1, 1)} | العقبة {41 + r.randint(-1, 2)}/'
                f'{29 + r.randint(-1, 1)} | إربد {33 + r.randint(-2, 1)}/{20 + r.randint(-1, 1)}']

    def poll(c):
        q, base = polls[c.today.toordinal() % len(polls)]
        a, b, n = poll_split(c.rng, base)
        return ['شارك في استطلاع الرأي', q, f'أؤيد ({a}%)', f'لا أؤيد ({b}%)', f'لا رأي لي ({n}%)',
                f'عدد المصوتين: {c.rng.randint(300, 4800)}']

    s.add('fuel', 'fuel', 'top', 1, lambda c: [
        'محروقات آب: أوكتان 90: 615 فلساً | أوكتان 95: 815 فلساً | سولار: 505 فلسات'])
    s.add('weather', 'weather', 'top', 1, weather)
    s.add('nav', 'navigation', 'top', 1, lambda c: ['أخبار محلية', 'برلمانيات', 'اقتصاديات', 'عربي ودولي',
                                                  'الرياضة', 'وفيات'])
    s.add('breadcrumb', 'breadcrumb', 'top', 1, lambda c: [f'الرئيسية > {c.section[0]}'])
    s.add('dateline', 'dateline_template', 'head', 1, lambda c: ['عمّان - عمّان بوست'])
    s.add('pubdate', 'dateline_template', 'head', 1, lambda c: [
        f'تاريخ النشر: {c.pub.day:02d}-{c.pub.month:02d}-{c.pub.year} {c.t12(c.pub)}'])
    s.add('reading', 'reading_time', 'head', 1, lambda c: [
        f'مدة القراءة: {max(1, math.ceil(c.words / 200))} دقيقة'])
    s.add('tools', 'tools', 'head', 1, lambda c: ['حجم الخط: أ+ أ-'])
    s.add('whatsapp', 'follow', 'body:2', .5, lambda c: ['للاشتراك في قناة عمّان بوست على واتساب اضغط هنا'])
    s.add('tags', 'tags', 'tail', 1, lambda c: ['#عمان_بوست ' + ' '.join('#' + w for w in c.tags(2))])
    s.add('poll', 'poll', 'tail', .3, poll)
    s.add('disclaimer', 'disclaimer', 'tail', .7, lambda c: [
        'تنويه: التعليقات المنشورة تعبر عن آراء أصحابها ولا تتحمل عمّان بوست أي مسؤولية قانونية عنها.'])
    s.add('most_read', 'most_read', 'tail', 1, lambda c: ['الأكثر قراءة اليوم'] + c.from_list('top', 2, 'top'))
    s.add('footer', 'footer', 'tail', 1, lambda c: [
        'جميع الحقوق محفوظة لعمّان بوست © 2015 | هاتف: 5678901 6 962+'])
    return s


def site_S11():
    s = Site('S11', 'صدى الهضاب', 'sada-hidab.example', 'Algerian (Maghreb)', False, MONTHS_ALG_TUN,
             WEEKDAYS_HAMZA,
             ['ق. و', 'ر. بلقاسم', 'س. مراد', 'ع. بن عيسى', 'نسرين. ب', 'م. لعرابي'],
             [('الوطني', 'national', ''), ('الجزائر العميقة', 'regions', ''), ('اقتصاد', 'economie', 'economy'),
              ('دولي', 'international', 'local world'), ('رياضة', 'sport', 'sport'), ('مجتمع', 'societe', 'misc')],
             lambda c, i: f'https://www.sada-hidab.example/{c.section[1]}/{i}.html')
    base = {'الفجر': (4, 22, .7), 'الظهر': (13, 0, -.1), 'العصر': (16, 46, -.3),
            'المغرب': (19, 55, -.9), 'العشاء': (21, 25, -1.0)}

    def prayer_line(c):
        p = prayer(base, c.today)
        return ['الجزائر العاصمة: ' + ' '.join(f'{k} {h:02d}:{m:02d}' for k, (h, m) in p.items())]

    def exchange(c):
        r = c.daily('fx')
        return [f'سعر الأورو في السوق الموازية: {176 + r.randint(0, 40) / 10:.2f} دج | '
                f'الدولار: {158 + r.randint(0, 30) / 10:.2f} دج']

    s.add('masthead', 'masthead', 'top', 1, lambda c: ['صدى الهضاب - يومية وطنية إخبارية مستقلة'])
    s.add('date_header', 'date_header', 'top', 1, lambda c: [
        f'{c.wd(c.today)} {c.today.day} {c.mon(c.today)} {c.today.year} م الموافق لـ '
        f'{hijri(c.today)[0]} {hijri(c.today)[1]} 1436 هـ'])
    s.add('prayer', 'prayer_times', 'top', 1, prayer_line)
    s.add('exchange', 'currency', 'top', 1, exchange)
    s.add('nav', 'navigation', 'top', 1, lambda c: [
        'الوطني | الجزائر العميقة | اقتصاد | دولي | رياضة | ثقافة | مجتمع | الحدث'])
    s.add('byline', 'byline_template', 'head', 1, lambda c: [c.author])
    s.add('caption', 'caption', 'head', .4, lambda c: ['الصورة: أرشيف'])
    s.add('ad', 'ad', 'body:2', .5, lambda c: ['إشهار'])
    s.add('dateline', 'dateline_template', 'tail', 1, lambda c: [
        f'نشر يوم {c.pub.day:02d}-{c.pub.month:02d}-{c.pub.year} على {c.t24(c.pub)}'])
    s.add('correction', 'correction', 'tail', .15, lambda c: [
        'تصحيح: ورد في نسخة سابقة من هذا المقال خطأ في تاريخ الحدث، وقد تم تصويبه. نعتذر لقرائنا الكرام.'])
    s.add('tags', 'tags', 'tail', 1, lambda c: ['الكلمات المفتاحية : ' + '، '.join(c.tags(3))])
    s.add('share', 'share', 'tail', 1, lambda c: ['شارك: فايسبوك - تويتر - جوجل بلس - البريد'])
    s.add('comment_form', 'comment_form', 'tail', .8, lambda c: [
        f'تعليقات ({c.comments})', 'ترك تعليق',
        'لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *', 'أرسل تعليقك'])
    s.add('footer', 'footer', 'tail', 1, lambda c: [
        '© صدى الهضاب 2015 - جميع الحقوق محفوظة', 'سطيف - الفاكس: 036 12 34 56'])
    return s


def site_S12():
    s = Site('S12', 'نبض الدوحة', 'nabd-doha.example', 'Qatari (Gulf)', True, MONTHS_EAST, WEEKDAYS_HAMZA,
             ['مريم الكواري', 'حمد المري', 'نوف السليطي', 'جاسم الهاجري', 'عائشة المهندي'],
             [('قطر', 'qatar', ''), ('الخليج العربي', 'gulf', 'local'), ('عربي', 'arab', 'world'),
              ('دولي', 'world', 'world'), ('اقتصاد', 'economy', 'economy'), ('رياضة', 'sport', 'sport'),
              ('ثقافة وفنون', 'culture', 'misc')],
             lambda c, i: f'https://www.nabd-doha.example/news/{c.section[1]}/{i}')
    teams = ['مانشستر يونايتد', 'توتنهام', 'تشيلسي', 'سوانزي سيتي', 'أرسنال', 'وست هام', 'ليفربول',
             'ستوك سيتي', 'برشلونة', 'إشبيلية', 'بايرن ميونخ', 'هامبورغ']

    def market(c):
        r = c.daily('mkt')
        v, ch = 11600 + r.randint(0, 40000) / 100, r.randint(-120, 120) / 100
        return [f'بورصة قطر {c.N(v, 2, True)} {"▲" if ch >= 0 else "▼"} {c.P(abs(ch), 2)}']

    def scores(c):
        r = c.daily('scores')
        t = r.sample(teams, 4)
        return ['نتائج مباشرة'] + [f'{t[j]} {c.N(r.randint(0, 3))} - {c.N(r.randint(0, 3))} {t[j + 1]} '
                                   f'({c.rng.choice(["انتهت", "الشوط الأول", "الدقيقة " + c.N(c.rng.randint(50, 89))])})'
                                   for j in (0, 2)]

    def audio(c):
        sec = int(c.words / 2.2)
        return ['استمع للخبر', c.D(f'{sec // 60:02d}:{sec % 60:02d}')]

    s.add('date_header', 'date_header', 'top', 1, lambda c: [
        f'{c.wd(c.today)} ' + c.D(str(hijri(c.today)[0])) + f' {hijri(c.today)[1]} ' + c.D('1436') + ' | ' +
        c.D(f'{c.today.day} ') + c.mon(c.today) + ' ' + c.D(str(c.today.year))])
    s.add('lang', 'language', 'top', 1, lambda c: ['EN'])
    s.add('breaking', 'breaking', 'top', .6, lambda c: ['عاجل'] + c.from_list('breaking', 1, 'brk'))
    s.add('market', 'market', 'top', 1, market)
    s.add('scores', 'scores', 'top', .4, scores)
    s.add('nav', 'navigation', 'top', 1, lambda c: [
        'قطر — الخليج العربي — عربي — دولي — اقتصاد — رياضة — ثقافة وفنون — المنوعات'])
    s.add('byline', 'byline_template', 'head', .6, lambda c: [c.author + ' - نبض الدوحة'])
    s.add('updated', 'updated', 'head', 1, lambda c: ['آخر تحديث: ' + c.t12(c.upd)])
    s.add('audio', 'audio', 'head', 1, audio)
    s.add('video', 'video', 'head', .25, lambda c: [
        'شاهد الفيديو (' + c.D(f'{c.rng.randint(0, 3):02d}:{c.rng.randint(0, 59):02d}') + ')'])
    s.add('ad', 'ad', 'body:mid', .65, lambda c: ['إعلان مدفوع'])
    s.add('tags', 'tags', 'tail', 1, lambda c: ['وسوم ذات صلة'] + ['#' + w for w in c.tags(4)])
    s.add('newsletter', 'newsletter', 'tail', .7, lambda c: [
        'النشرة البريدية', 'سجّل بريدك الإلكتروني ليصلك ملخص أخبار قطر والعالم يومياً'])
    s.add('paywall', 'paywall', 'tail', .5, lambda c: [
        'اشترك في نبض الدوحة بريميوم: تصفح بلا إعلانات ومحتوى حصري بـ ' + c.D('25') + ' ريالاً شهرياً'])
    s.add('cookie', 'cookie', 'tail', .6, lambda c: [
        'باستخدامك لهذا الموقع، فإنك توافق على استخدامنا لملفات تعريف الارتباط وفقاً لسياسة الخصوصية '
        'وشروط الاستخدام.', 'حسناً'])
    s.add('footer', 'footer', 'tail', 1, lambda c: [
        'جميع الحقوق محفوظة © نبض الدوحة ' + c.D('2015'), 'عن نبض الدوحة', 'اتصل بنا', 'سياسة الخصوصية',
        'أعلن معنا'])
    return s


SITES = [site_S01, site_S02, site_S03, site_S04, site_S05, site_S06,
         site_S07, site_S08, site_S09, site_S10, site_S11, site_S12]


# ============================================================================ build
def build_page(site, si, pi, rec, pool, page_id):
    rng = random.Random(PAGE_SEED + 100 * si + pi)
    c = Page(site, rng, rec, pool)
    top, head, tail, body_ins = [], [], [], collections.defaultdict(list)
    n = len(c.lines)
    for z in site.zones:
        u = rng.random()            # drawn for every zone, so the page rng sequence is stable
        if u >= z.prob:
            continue
        lines = [(t, z.label, z.name) for t in z.fn(c)]
        if z.pos == 'top':
            top += lines
        elif z.pos == 'head':
            head += lines
        elif z.pos == 'tail':
            tail += lines
        else:
            k = max(1, n // 2) if z.pos == 'body:mid' else int(z.pos.split(':')[1])
            j = min(k, n - 1) if n >= 2 else 1          # after paragraph j (1-based), never after the last
            body_ins[j] += lines
    body = []
    for j, line in enumerate(c.lines, 1):
        body.append((line, None, None))
        body += body_ins.get(j, [])
    lines = top + [(c.title, 'TITLE', 'TITLE')] + head + body + tail
    url = site.url(c, page_id)
    return c, lines, url


def build():
    recs = load_records()
    cands, picked = pick_articles(recs)
    pools = related_pool(recs, picked)
    docs, internal = [], []
    for si, mk in enumerate(SITES):
        site = mk()
        sp = pools[si]
        pool = {'top': sp[:10], 'breaking': sp[10:18], 'related': sp[18::2], 'network': sp[19::2]}
        ids = random.Random(PAGE_SEED + 100 * si + 99).sample(range(100000, 999999), PER_SITE)
        for pi in range(PER_SITE):
            rec = picked[si * PER_SITE + pi]
            c, lines, url = build_page(site, si, pi, rec, pool, ids[pi])
            docs.append({'family': site.code, 'site': site.code,
                         'split': 'dev' if site.code in DEV_SITES else 'heldout',
                         'meta': {'source': site.domain, 'url': url},
                         'lines': [[t, l] for t, l, _ in lines]})
            internal.append((site, rec, c, lines))
    about = (
        'Blind site-level evaluation set for Arabic boilerplate removal, built by make_sites.py '
        '(Python standard library only, deterministic). Article bodies and titles are real SaudiNewsNet '
        'records from 2015-08-09.zip, 2015-08-10.zip and 2015-08-11.zip only: candidates are records with a '
        'non-empty title and stripped content of 400-2,500 characters, deduplicated by stripped content '
        f'({len(cands)} candidates); 240 were drawn with random.Random({PICK_SEED}).sample and dealt 20 per '
        'site in draw order. Content lines = content split on newlines, stripped, empties dropped, unchanged, '
        'labelled null; the real title is one line labelled TITLE. All other lines are invented chrome of 12 '
        'fictional news sites (S01-S12), each with one fixed template (zones with fixed wording, fixed '
        'per-site probabilities and per-page slots); each boilerplate line is labelled with a short family '
        'name. Related / most-read / breaking titles are real titles of other records of the same zips (not '
        f'among the 240), shuffled with random.Random({POOL_SEED}) and split into 12 disjoint per-site pools. '
        f'Page slots use random.Random({PAGE_SEED} + 100*site_index + page_index); values that a real site '
        'shows the same to every visitor on a given day (weather, prices, most-read, poll) are seeded by '
        'site, key and date. Split: sites S03, S06, S09, S12 are dev (80 pages); the other 8 sites (160 '
        'pages) are heldout. Clean each site\'s 20 pages together.')
    return {'_about': about, 'docs': docs}, internal, picked, pools


# ============================================================================ checks
def checks(data, internal, picked, pools):
    docs = data['docs']
    ok = True

    def fail(msg):
        nonlocal ok
        ok = False
        print('FAIL:', msg)

    print(f'docs: {len(docs)}')
    per_site = collections.Counter(d['site'] for d in docs)
    print('pages per site:', dict(per_site))
    if len(docs) != 240 or any(v != 20 for v in per_site.values()) or len(per_site) != 12:
        fail('doc counts')
    urls = [d['meta']['url'] for d in docs]
    if len(set(urls)) != len(urls):
        fail('duplicate urls')
    all_bp_texts = set()
    content_texts = set()
    picked_titles = {r['title'].strip() for r in picked}
    pool_titles = {t for p in pools for t in p}
    if picked_titles & pool_titles:
        fail('picked title in pool')
    for d, (site, rec, c, lines) in zip(docs, internal):
        labs = [l for _, l in d['lines']]
        if labs.count('TITLE') != 1:
            fail(f'{d["meta"]["url"]}: TITLE count {labs.count("TITLE")}')
        if [t for t, l in d['lines'] if l == 'TITLE'][0] != rec['title'].strip():
            fail('title text')
        if [t for t, l in d['lines'] if l is None] != article_lines(rec):
            fail(f'{d["meta"]["url"]}: content lines differ')
        if rec['title'].strip() in c.used_titles:
            fail('own title among related')
        for t, l in d['lines']:
            if not t or t != t.strip() or '\n' in t:
                fail(f'bad line text {t!r}')
            if l is None:
                content_texts.add(t)
            elif l != 'TITLE':
                all_bp_texts.add(t)
    print('each doc: exactly one TITLE, article lines unchanged and in order, titles not in own related pool:',
          'ok' if ok else 'see FAIL')
    # cross-site distinctness
    owner = collections.defaultdict(set)
    for d in docs:
        for t, l in d['lines']:
            if l not in (None, 'TITLE'):
                owner[t].add(d['site'])
    shared = {t: s for t, s in owner.items() if len(s) > 1}
    print(f'boilerplate texts shared by two or more sites: {len(shared)}')
    for t, s in list(shared.items())[:20]:
        fail(f'shared text {t!r} {sorted(s)}')
    clash = all_bp_texts & (content_texts | picked_titles)
    print(f'boilerplate texts equal to some content line or picked title: {len(clash)}')
    for t in list(clash)[:20]:
        fail(f'boilerplate/content clash {t!r}')
    lab_of = collections.defaultdict(set)
    for d in docs:
        for t, l in d['lines']:
            lab_of[(d['site'], t)].add(l)
    multi = {k: v for k, v in lab_of.items() if len(v) > 1}
    print(f'(site, text) pairs with more than one label: {len(multi)}')
    for k, v in list(multi.items())[:10]:
        print('   ', k, sorted(v, key=str))
    # shares
    print('\nper-site boilerplate share (chars / lines), mean per-page share, min-max per-page share:')
    allp = []
    for site_code in sorted(per_site):
        bc = tc = bl = tl = 0
        pp = []
        for d in docs:
            if d['site'] != site_code:
                continue
            b = sum(len(t) for t, l in d['lines'] if l not in (None, 'TITLE'))
            t_ = sum(len(t) for t, _ in d['lines'])
            bc += b
            tc += t_
            bl += sum(1 for _, l in d['lines'] if l not in (None, 'TITLE'))
            tl += len(d['lines'])
            pp.append(b / t_)
            allp.append((b, t_))
        print(f'  {site_code}: chars {100 * bc / tc:5.1f}%  lines {100 * bl / tl:5.1f}%  '
              f'page mean {100 * sum(pp) / len(pp):5.1f}%  range {100 * min(pp):4.1f}-{100 * max(pp):4.1f}%  '
              f'bp chars/page {bc / 20:6.0f}')
    b_all = [b for b, _ in allp]
    sh = sorted(b / t for b, t in allp)
    print(f'  ALL: chars {100 * sum(b_all) / sum(t for _, t in allp):.1f}%  bp chars/page mean '
          f'{sum(b_all) / len(b_all):.0f} (min {min(b_all)}, max {max(b_all)})  per-page share median '
          f'{100 * sh[len(sh) // 2]:.1f}%  p10 {100 * sh[len(sh) // 10]:.1f}%  p90 {100 * sh[9 * len(sh) // 10]:.1f}%')
    # zones
    print('\nper-site zones: name(label)@position: pages present / distinct texts over those pages')
    for site_code in sorted(per_site):
        zs = collections.OrderedDict()
        site = None
        for (s_, rec, c, lines) in internal:
            if s_.code != site_code:
                continue
            site = s_
            seen = collections.defaultdict(list)
            for t, l, zn in lines:
                if zn not in (None, 'TITLE'):
                    seen[zn].append(t)
            for z in s_.zones:
                zs.setdefault(z.name, [])
                if z.name in seen:
                    zs[z.name].append(' ¶ '.join(seen[z.name]))
        parts = []
        for z in site.zones:
            v = zs[z.name]
            parts.append(f'{z.name}({z.label})@{z.pos} {len(v)}/{len(set(v))}')
        print(f'  {site_code} {site.name} [{site.country}; {"Arabic-Indic" if site.arabic_digits else "ASCII"}'
              f' digits]:\n     ' + ', '.join(parts))
    print('\nALL CHECKS PASSED' if ok else '\nSOME CHECKS FAILED')
    return ok


def main():
    data, internal, picked, pools = build()
    ok = checks(data, internal, picked, pools)
    if '--no-write' not in sys.argv:
        with open(OUT, 'w', encoding='utf-8') as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
            f.write('\n')
        print('wrote', OUT)
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
