#!/usr/bin/env python3
"""Build a BLIND evaluation set of scraped Arabic news pages (boilerplate + real body).

Written without looking at the cleaner under test.  Deterministic: rerun to rebuild
/work/gold_work/layouts/blind_layouts.json.

* Articles: all articles in /work/shared/data/saudinewsnet/2015-08-06.zip .. 2015-08-11.zip
  (zips sorted by name, records in file order), kept if 400 <= len(content) <= 2500,
  title non-empty and at least one non-empty body line; duplicates (same stripped content)
  dropped, first kept.  random.Random(7).sample(candidates, 80) picks the 80 bodies.
* Body lines = content.split('\\n'), stripped, empties dropped -> label None (content).
  The real title -> the single TITLE line.
* Layout: document i (0..79) belongs to family F{i//5+1:02d}; each family is a
  function below; per-document randomness comes from random.Random(1000 + i).
  Headlines used in related / breaking / read-also lines are real titles of other
  (not picked) candidate articles, so they look like titles.
"""
import datetime
import glob
import json
import os
import random
import re
import zipfile

DATA = '/work/shared/data/saudinewsnet'
OUT = '/work/gold_work/layouts/blind_layouts.json'
SEED = 7
N_DOCS = 80
PER_FAMILY = 5

# ----------------------------------------------------------------------------------
# data
# ----------------------------------------------------------------------------------

def body_lines(content):
    return [l.strip() for l in content.split('\n') if l.strip()]


def load_candidates():
    zips = sorted(glob.glob(os.path.join(DATA, '*.zip')))
    zips = [z for z in zips if os.path.basename(z) >= '2015-08-06.zip']
    arts = []
    for z in zips:
        zf = zipfile.ZipFile(z)
        for nm in sorted(zf.namelist()):
            arts.extend(json.loads(zf.read(nm).decode('utf-8')))
    seen = set()
    cands = []
    for a in arts:
        c = a.get('content') or ''
        t = (a.get('title') or '').strip()
        if not (400 <= len(c) <= 2500) or not t or not body_lines(c):
            continue
        key = c.strip()
        if key in seen:
            continue
        seen.add(key)
        cands.append(a)
    return cands


# ----------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------

AR_DIGITS = str.maketrans('0123456789', '٠١٢٣٤٥٦٧٨٩')


def ar(s):
    """ASCII -> Arabic-Indic digits, with Arabic decimal / thousands separators."""
    s = re.sub(r'(?<=\d)\.(?=\d)', '٫', s)
    s = re.sub(r'(?<=\d),(?=\d)', '٬', s)
    s = s.replace('%', '٪')
    return s.translate(AR_DIGITS)


MONTHS = {
    'gulf': ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس',
             'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
    'levant': ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب',
               'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'],
    'morocco': ['يناير', 'فبراير', 'مارس', 'أبريل', 'ماي', 'يونيو', 'يوليوز', 'غشت',
                'شتنبر', 'أكتوبر', 'نونبر', 'دجنبر'],
    'algeria': ['جانفي', 'فيفري', 'مارس', 'أفريل', 'ماي', 'جوان', 'جويلية', 'أوت',
                'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
}
WEEKDAYS = ['الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد']


def art_date(a):
    try:
        return datetime.datetime.strptime(a['date_extracted'][:10], '%Y-%m-%d').date()
    except Exception:
        return datetime.date(2015, 8, 8)


def hijri(d):
    # 1 Shawwal 1436 = 17 July 2015 (Umm al-Qura); all dates here fall in Shawwal / early Dhu al-Qadah
    n = (d - datetime.date(2015, 7, 16)).days
    if n <= 29:
        return n, 'شوال', 1436
    return n - 29, 'ذو القعدة', 1436


def long_date(d, region='gulf', weekday=True):
    s = '%d %s %d' % (d.day, MONTHS[region][d.month - 1], d.year)
    return (WEEKDAYS[d.weekday()] + ' ' + s) if weekday else s


def hm(rng, ampm=True, lo=0, hi=23):
    h = rng.randint(lo, hi)
    m = rng.randint(0, 59)
    if ampm:
        suf = 'ص' if h < 12 else 'م'
        h12 = h % 12 or 12
        return '%02d:%02d %s' % (h12, m, suf)
    return '%02d:%02d' % (h, m)


def fmt_num(x, dec=2):
    return '{:,.{}f}'.format(x, dec)


def arrow(ch):
    return ('▲' if ch >= 0 else '▼') + '%.2f%%' % abs(ch)


STOP = set('في من على إلى الى عن مع بعد قبل حول خلال بين هذا هذه التي الذي الذين أن إن ان كان '
           'تم عبر ضد منذ لدى حتى أو و ما لا لم لن قد كل أي غير وفق ضمن بسبب'.split())


def title_tags(rng, title, extra):
    words = [w.strip('«»"“”:،,.()؟!-–') for w in title.split()]
    words = [w for w in words if len(w) >= 4 and w not in STOP]
    rng.shuffle(words)
    tags = words[:rng.randint(2, 3)]
    tags += rng.sample(extra, rng.randint(1, 2))
    out = []
    for t in tags:
        if t and t not in out:
            out.append(t)
    return out


def interleave(rng, body, blocks):
    """Insert blocks (lists of [text,label]) between body paragraphs.

    Body order is preserved; if there are fewer gaps than blocks, the rest go after
    the body."""
    gaps = list(range(1, len(body)))
    k = min(len(blocks), len(gaps))
    pos = sorted(rng.sample(gaps, k))
    out = []
    bi = 0
    for i, line in enumerate(body):
        while bi < k and pos[bi] == i:
            out.extend(blocks[bi])
            bi += 1
        out.append([line, None])
    for b in blocks[k:]:
        out.extend(b)
    return out


def C(text):
    return [text, None]


# ----------------------------------------------------------------------------------
# shared pools
# ----------------------------------------------------------------------------------

NAMES = {
    'gulf': ['عبدالله الشهري', 'فهد العتيبي', 'ريم السالم', 'نورة القحطاني', 'سلطان الدوسري',
             'محمد الغامدي', 'خالد المطيري', 'هيا الزهراني', 'ماجد الحربي', 'سارة العنزي',
             'ناصر الشمري', 'عبدالعزيز الرشيد'],
    'egypt': ['أحمد عبد الفتاح', 'محمود سعيد', 'إسلام حسن', 'منى عبد العزيز', 'هاني فتحي',
              'شيماء مصطفى', 'عمرو جمال', 'مصطفى الشاذلي', 'ياسمين محمود'],
    'levant': ['رامي الخطيب', 'ريما حداد', 'جورج عقل', 'لينا شعبان', 'باسل العمري',
               'هبة النابلسي', 'طارق الزعبي', 'رنا عبيدات'],
    'maghreb': ['يوسف بلحاج', 'خديجة المنصوري', 'عبد الرحيم بنعلي', 'سمير بوزيد',
                'نادية العلوي', 'كريم بن صالح', 'أمال بوعلام', 'حسن أيت علي'],
    'iraq': ['حيدر الجبوري', 'علي الساعدي', 'زينب الموسوي', 'مصطفى الربيعي', 'عمار الدليمي'],
}

SOURCE_AR = {
    'aleqtisadiya': 'الاقتصادية', 'arreyadi': 'الرياضي', 'almadina': 'المدينة',
    'alyaum': 'اليوم', 'aljazirah': 'الجزيرة', 'sabq': 'سبق', 'alweeam': 'الوئام',
    '3alyoum': 'عين اليوم', 'alriyadh': 'الرياض', 'okaz': 'عكاظ',
    'aawsat': 'الشرق الأوسط', 'alwatan': 'الوطن',
}

GULF_WEATHER = ['مشمس', 'حار', 'شديد الحرارة', 'غبار', 'رطب', 'صحو', 'غائم جزئياً',
                'رياح مثيرة للغبار', 'أتربة']
CONSENT = [
    'يستخدم هذا الموقع ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك، وباستمرارك في التصفح فإنك توافق على ذلك.',
    'نستخدم ملفات الكوكيز لتقديم أفضل تجربة ممكنة لزوار موقعنا، ويمكنك معرفة المزيد من خلال سياسة الخصوصية.',
    'باستخدامك لهذا الموقع فإنك توافق على سياسة الخصوصية وشروط الاستخدام الخاصة بنا.',
    'هذا الموقع يعتمد على ملفات تعريف الارتباط لتخصيص المحتوى والإعلانات وتحليل حركة الزوار.',
    'نحن نحترم خصوصيتك، ونستخدم ملفات تعريف الارتباط لأغراض إحصائية وإعلانية فقط.',
]
CONSENT_BTN = ['موافق', 'أوافق', 'قبول', 'حسناً، فهمت', 'إغلاق', 'اعرف المزيد']


# ----------------------------------------------------------------------------------
# families
# ----------------------------------------------------------------------------------

def fam01(rng, a, body, H):
    """Saudi daily, Arabic-Indic digits: weather + TASI above title, breadcrumb,
    byline + Hijri/Gregorian dateline, read-also inside body, tags/share/related/copyright."""
    d = art_date(a)
    L = []
    cities = rng.sample([('الرياض', 41, 46), ('جدة', 35, 39), ('الدمام', 40, 45),
                         ('مكة المكرمة', 42, 46), ('أبها', 24, 29), ('المدينة المنورة', 41, 45)],
                        rng.randint(1, 3))
    for c, lo, hi in cities:
        L.append([ar('%s %d° %s' % (c, rng.randint(lo, hi), rng.choice(GULF_WEATHER))), 'weather'])
    tasi = rng.uniform(8300, 9100)
    ch = rng.uniform(-1.8, 1.8)
    L.append([ar('تاسي %s %s' % (fmt_num(tasi, 2), arrow(ch))), 'market_ticker'])
    sec = rng.choice(['محليات', 'اقتصاد', 'رياضة', 'منوعات', 'دولية', 'تقارير'])
    L.append([rng.choice(['الرئيسية › %s', 'الرئيسية » أخبار » %s', 'الرئيسية / %s']) % sec,
              'navigation'])
    L.append([a['title'].strip(), 'TITLE'])
    L.append([rng.choice(['بواسطة: %s', '%s', 'كتب: %s']) % rng.choice(NAMES['gulf']), 'byline'])
    hd, hmn, hy = hijri(d)
    L.append([ar('%s %d %s %d هـ - %s م' % (WEEKDAYS[d.weekday()], hd, hmn, hy,
                                            long_date(d, weekday=False))), 'dateline'])
    blocks = [[[rng.choice(['اقرأ أيضاً: ', 'اقرأ أيضا: ', 'شاهد أيضاً: ']) + H.pop(), 'related_articles']]]
    L += interleave(rng, body, blocks)
    L.append(['الوسوم: ' + '، '.join(title_tags(rng, a['title'], ['السعودية', sec, 'أخبار'])), 'tags'])
    L.append([rng.choice(['شارك: تويتر | فيسبوك | واتساب', 'مشاركة الخبر: تويتر - واتساب - فيسبوك - تيليجرام',
                          'شارك هذا الخبر']), 'social'])
    L.append([rng.choice(['أخبار ذات صلة', 'أخبار متعلقة', 'قد يعجبك أيضاً']), 'related_articles'])
    for _ in range(rng.randint(2, 4)):
        L.append([H.pop(), 'related_articles'])
    L.append([ar('جميع الحقوق محفوظة © %d %s' % (rng.choice([2015, 2016]), 'صحيفة الوئام اليوم')), 'copyright'])
    return 'alweeam-alyoum.example', L


def fam02(rng, a, body, H):
    """Egyptian portal, ASCII digits: consent banner, login, breaking ticker above title;
    'كتب -' byline; ad markers inside body; read-also, comment form, copyright."""
    d = art_date(a)
    L = []
    L.append([rng.choice([
        'الموقع ده بيستخدم الكوكيز علشان نقدملك تجربة أحسن، ولو كملت تصفح يبقى انت موافق على كده.',
        'يستخدم موقعنا ملفات تعريف الارتباط لضمان حصولك على أفضل تجربة على موقعنا.',
        'نستخدم الكوكيز لتحسين خدماتنا وعرض إعلانات تناسب اهتماماتك، استمرارك في التصفح يعني موافقتك.',
    ]), 'consent_banner'])
    L.append([rng.choice(CONSENT_BTN[:4]), 'consent_banner'])
    L.append([rng.choice(['تسجيل الدخول | حساب جديد', 'سجل دخولك | اشترك', 'دخول / تسجيل',
                          'سجل دخول علشان تقدر تعلق']), 'navigation'])
    for _ in range(rng.randint(1, 2)):
        L.append([rng.choice(['عاجل | ', 'عاجل: ', 'عاجل - ']) + H.pop(), 'breaking_ticker'])
    L.append([rng.choice(['الرئيسية أخبار مصر عربي وعالمي رياضة فن اقتصاد',
                          'الرئيسية | سياسة | حوادث | رياضة | فن | اقتصاد | منوعات',
                          'أخبار محافظات أخبار عربية رياضة بنوك وبورصة']), 'navigation'])
    L.append([a['title'].strip(), 'TITLE'])
    L.append([rng.choice(['كتب - %s', 'كتبت: %s', 'كتب: %s', 'كتب %s']) % rng.choice(NAMES['egypt']), 'byline'])
    L.append(['%s - %s' % (long_date(d), hm(rng)), 'dateline'])
    ad = [[[rng.choice(['إعلان', 'إعلان', 'مساحة إعلانية', 'Advertisement'])]] for _ in range(rng.randint(1, 2))]
    ad = [[[b[0][0], 'advert']] for b in ad]
    L += interleave(rng, body, ad)
    L.append([rng.choice(['اقرأ أيضا:', 'ماتفوتكش:', 'اقرأ كمان:']), 'related_articles'])
    for _ in range(rng.randint(2, 3)):
        L.append([H.pop(), 'related_articles'])
    L.append([rng.choice(['أضف تعليق', 'اكتب تعليقك', 'شارك برأيك']), 'comment_form'])
    L.append([rng.choice([
        'التعليقات المنشورة لا تعبر بالضرورة عن رأي الموقع وتعبر عن رأي أصحابها فقط.',
        'يرجى الالتزام بآداب الحوار وعدم الإساءة، ويحتفظ الموقع بحق حذف أي تعليق مخالف.']), 'comment_form'])
    L.append(['الاسم', 'comment_form'])
    L.append(['البريد الإلكتروني', 'comment_form'])
    L.append([rng.choice(['إرسال', 'أرسل التعليق']), 'comment_form'])
    L.append([rng.choice(['جميع الحقوق محفوظة لـ بوابة النيل الإخبارية © 2015',
                          '© 2015 بوابة النيل - جميع الحقوق محفوظة',
                          'حقوق النشر محفوظة لبوابة النيل 2015']), 'copyright'])
    return 'bawabet-elnil.example', L


def fam03(rng, a, body, H):
    """Beirut site, ASCII digits, Levantine months: weather + lira rates above title,
    section label, update time, photo credit, newsletter, keywords, most-read, copyright."""
    d = art_date(a)
    L = []
    L.append(['%s %d°C %s' % (rng.choice(['بيروت', 'طرابلس', 'صيدا', 'زحلة']), rng.randint(28, 34),
                              rng.choice(['غائم جزئياً', 'مشمس', 'صافٍ', 'رطب', 'حار نسبياً'])), 'weather'])
    usd = 1507.5
    L.append([rng.choice(['الدولار %.1f ل.ل | اليورو %d ل.ل' % (usd, rng.randint(1640, 1665)),
                          'سعر صرف الدولار: %.1f ليرة' % usd,
                          'الذهب %d$ | الدولار %.1f ل.ل' % (rng.randint(1085, 1095), usd)]), 'market_ticker'])
    sec = rng.choice(['سياسة', 'اقتصاد', 'محليات', 'عربي ودولي', 'رياضة', 'مجتمع'])
    L.append([sec, 'section_label'])
    L.append([a['title'].strip(), 'TITLE'])
    L.append(['آخر تحديث: %s - %s' % (long_date(d, 'levant', weekday=False), hm(rng, ampm=False)), 'dateline'])
    L.append([rng.choice(['(الصورة: أ ف ب)', '(الصورة: رويترز)', '(الصورة: أرشيف)', '(الصورة: وكالات)',
                          '(الصورة: أ ب)']), 'photo_credit'])
    L += [C(x) for x in body]
    L.append([rng.choice(['اشترك بالنشرة البريدية لتصلك آخر الأخبار مباشرة إلى بريدك.',
                          'اشترك في نشرتنا الإخبارية اليومية', 'بدك تعرف كل جديد؟ اشترك بالنشرة الإخبارية']),
              'newsletter'])
    L.append([rng.choice(['بريدك الإلكتروني', 'أدخل بريدك الإلكتروني']), 'newsletter'])
    L.append([rng.choice(['اشترك', 'اشتراك']), 'newsletter'])
    L.append(['كلمات مفتاحية: ' + ' - '.join(title_tags(rng, a['title'], ['السعودية', 'الخليج', sec])), 'tags'])
    L.append([rng.choice(['الأكثر قراءة', 'الأكثر مشاهدة', 'الأكثر تداولاً']), 'related_articles'])
    for i in range(rng.randint(3, 5)):
        L.append(['%d. %s' % (i + 1, H.pop()) if rng.random() < 0.6 else H.pop(), 'related_articles'])
    L.append([rng.choice(['© 2015 الشام نيوز. جميع الحقوق محفوظة',
                          'جميع الحقوق محفوظة © موقع الشام نيوز 2015']), 'copyright'])
    return 'sham-news.example', L


def fam04(rng, a, body, H):
    """Moroccan portal, ASCII digits, Moroccan months: prayer times + consent above
    title, breadcrumb, byline, dateline; share, comment count + form, copyright."""
    d = art_date(a)
    L = []
    city, base = rng.choice([('الرباط', (4, 38)), ('الدار البيضاء', (4, 45)), ('فاس', (4, 30)),
                             ('مراكش', (4, 50)), ('طنجة', (4, 35))])
    fj = base[1] + rng.randint(-3, 3)
    times = [('الفجر', '04:%02d' % fj), ('الشروق', '06:%02d' % (fj - 20 + rng.randint(0, 3))),
             ('الظهر', '13:%02d' % rng.randint(35, 45)), ('العصر', '17:%02d' % rng.randint(15, 25)),
             ('المغرب', '20:%02d' % rng.randint(30, 50)), ('العشاء', '22:%02d' % rng.randint(0, 15))]
    L.append(['مواقيت الصلاة - ' + city, 'prayer_times'])
    if rng.random() < 0.5:
        L.append([' '.join('%s %s' % t for t in times), 'prayer_times'])
    else:
        for t in times:
            L.append(['%s %s' % t, 'prayer_times'])
    L.append([rng.choice(CONSENT), 'consent_banner'])
    L.append([rng.choice(['موافق', 'قبول', "J'accepte"]), 'consent_banner'])
    sec = rng.choice(['مجتمع', 'سياسة', 'دولية', 'اقتصاد', 'رياضة', 'جهات'])
    L.append(['الرئيسية » ' + sec, 'navigation'])
    L.append([a['title'].strip(), 'TITLE'])
    L.append([rng.choice(['المغرب 24 - %s', '%s', 'بقلم %s']) % rng.choice(NAMES['maghreb']), 'byline'])
    L.append(['%s - %s' % (long_date(d, 'morocco'), hm(rng, ampm=False)), 'dateline'])
    L += [C(x) for x in body]
    L.append([rng.choice(['شارك المقال على: فيسبوك تويتر واتساب', 'مشاركة', 'شارك']), 'social'])
    L.append(['التعليقات (%d)' % rng.randint(0, 60), 'comment_form'])
    L.append([rng.choice(['أضف تعليقك', 'المرجو الالتزام بأخلاقيات النقاش قبل التعليق.']), 'comment_form'])
    L.append([rng.choice([
        'المرجو عدم تضمين التعليقات أي عبارات مسيئة أو خارجة عن الموضوع، وسيتم حذف كل تعليق مخالف.',
        'التعليقات تخضع للمراجعة قبل النشر.']), 'comment_form'])
    L.append(['إرسال', 'comment_form'])
    L.append([rng.choice(['© 2015 المغرب 24 - جميع الحقوق محفوظة', 'جميع الحقوق محفوظة © المغرب 24']),
              'copyright'])
    return 'almaghrib24.example', L


def fam05(rng, a, body, H):
    """Gulf markets site, ASCII digits: 3-4 market ticker lines above title, section
    label, dateline; ad marker inside body; app prompt, related, copyright."""
    d = art_date(a)
    L = []
    tick = [
        'تاسي %s %s' % (fmt_num(rng.uniform(8300, 9100)), arrow(rng.uniform(-2, 2))),
        'نفط برنت %.2f دولار %s' % (rng.uniform(47.5, 51.5), arrow(rng.uniform(-2.5, 2.5))),
        'الذهب %s دولار/أوقية' % fmt_num(rng.uniform(1080, 1100), 1),
        'الدولار/ريال %.4f' % rng.uniform(3.7495, 3.7510),
        'سوق دبي %s %s' % (fmt_num(rng.uniform(3900, 4150)), arrow(rng.uniform(-1.5, 1.5))),
        'نايمكس %.2f %s' % (rng.uniform(43.5, 46.5), arrow(rng.uniform(-2, 2))),
        'اليورو/ريال %.4f' % rng.uniform(4.08, 4.12),
    ]
    for t in rng.sample(tick, rng.randint(3, 4)):
        L.append([t, 'market_ticker'])
    L.append([rng.choice(['أسواق', 'اقتصاد', 'أخبار', 'محلي', 'شركات']), 'section_label'])
    L.append([a['title'].strip(), 'TITLE'])
    L.append([rng.choice(['نُشر في %s | %s', 'تاريخ النشر: %s %s']) %
              (d.strftime('%d-%m-%Y'), hm(rng)), 'dateline'])
    L += interleave(rng, body, [[[rng.choice(['إعلان', 'إعلانات', '- إعلان -']), 'advert']]])
    L.append([rng.choice([
        'حمّل تطبيق أرقام الخليج على آب ستور وجوجل بلاي لمتابعة الأسواق لحظة بلحظة.',
        'تابع أسعار الأسهم مباشرة عبر تطبيقنا المجاني للهواتف الذكية',
        'حمل التطبيق الآن']), 'app_prompt'])
    L.append([rng.choice(['قد يهمك أيضاً', 'أخبار ذات علاقة', 'المزيد من الأخبار']), 'related_articles'])
    for _ in range(rng.randint(2, 4)):
        L.append([H.pop(), 'related_articles'])
    L.append([rng.choice(['© 2015 أرقام الخليج. جميع الحقوق محفوظة', 'جميع الحقوق محفوظة لموقع أرقام الخليج 2015']),
              'copyright'])
    return 'arqam-alkhaleej.example', L


def fam06(rng, a, body, H):
    """Saudi regional paper, Arabic-Indic digits, nothing above the title: byline,
    photo credit + caption, print/font bar, tags, author bio, copyright."""
    L = [[a['title'].strip(), 'TITLE']]
    city = rng.choice(['جدة', 'الرياض', 'الدمام', 'تبوك', 'أبها', 'حائل'])
    L.append([rng.choice(['%s - %s', '%s ـ %s']) % (rng.choice(NAMES['gulf']), city), 'byline'])
    L.append(['تصوير: ' + rng.choice(NAMES['gulf']), 'photo_credit'])
    w = a['title'].split()
    L.append([rng.choice(['جانب من الحدث', 'صورة أرشيفية', 'من الموقع',
                          ' '.join(w[:min(4, len(w))]) + ' (أرشيفية)']), 'image_caption'])
    L += [C(x) for x in body]
    L.append([rng.choice(['طباعة | تكبير الخط | تصغير الخط', 'A+ | A- | طباعة', 'حجم الخط: أ+ أ- | طباعة | إرسال']),
              'other'])
    L.append(['كلمات مفتاحية: ' + '، '.join(title_tags(rng, a['title'], ['المنطقة', city, 'السعودية'])), 'tags'])
    L.append([rng.choice(['عن الكاتب', 'نبذة عن المحرر']), 'author_bio'])
    n = rng.choice(NAMES['gulf'])
    L.append([rng.choice([
        '%s صحفي سعودي يعمل محرراً في القسم المحلي منذ عام ٢٠٠٩، ويهتم بالشؤون البلدية والخدمية.',
        '%s مراسل الصحيفة في المنطقة، حاصل على بكالوريوس الإعلام من جامعة الملك سعود.',
        'يكتب %s في الشأن الاجتماعي والتعليمي، وله عدد من التحقيقات الميدانية المنشورة.']) % n, 'author_bio'])
    L.append([ar('جميع الحقوق محفوظة © %d صحيفة المنطقة' % 2015), 'copyright'])
    return 'almantiqa-daily.example', L


def fam07(rng, a, body, H):
    """Emirati site, ASCII digits: prayer times + weather + breaking above title;
    published/updated times, share bar, read-also inside body, newsletter, copyright."""
    d = art_date(a)
    L = []
    city = rng.choice(['أبوظبي', 'دبي', 'الشارقة', 'العين'])
    L.append(['%s: الفجر 4:%02d | الظهر 12:%02d | العصر 3:%02d | المغرب 7:%02d | العشاء 8:%02d' % (
        city, rng.randint(18, 26), rng.randint(24, 30), rng.randint(48, 55), rng.randint(2, 10),
        rng.randint(25, 35)), 'prayer_times'])
    L.append(['%s %d° %s' % (rng.choice(['دبي', 'أبوظبي', 'رأس الخيمة', 'الفجيرة']), rng.randint(40, 47),
                             rng.choice(['رطب', 'مشمس', 'غبار', 'حار ورطب'])), 'weather'])
    L.append(['عاجل: ' + H.pop(), 'breaking_ticker'])
    L.append([a['title'].strip(), 'TITLE'])
    L.append(['نشر في: %s' % d.strftime('%d/%m/%Y'), 'dateline'])
    if rng.random() < 0.7:
        L.append(['آخر تحديث: %s %s' % (d.strftime('%d/%m/%Y'), hm(rng)), 'dateline'])
    L.append([rng.choice(['شارك', 'مشاركة: فيسبوك تويتر لينكدإن بريد', 'Facebook Twitter WhatsApp']), 'social'])
    L += interleave(rng, body, [[[rng.choice(['اقرأ أيضاً: ', 'ذات صلة: ']) + H.pop(), 'related_articles']]])
    L.append([rng.choice([
        'سجّل في نشرتنا الإخبارية اليومية ليصلك ملخص أهم الأخبار كل صباح.',
        'اشترك الآن في النشرة البريدية', 'لا تفوّت أي خبر، اشترك في نشرتنا']), 'newsletter'])
    L.append([rng.choice(['© 2015 الإمارات نيوز. جميع الحقوق محفوظة', 'جميع الحقوق محفوظة © 2015 - الإمارات نيوز']),
              'copyright'])
    return 'emirates-news.example', L


def fam08(rng, a, body, H):
    """Kuwaiti site, mixed digits, nothing above the title: views counter, ad inside
    body, source credit, font controls, comment form, related articles."""
    L = [[a['title'].strip(), 'TITLE']]
    v = rng.randint(120, 9800)
    L.append([rng.choice(['عدد المشاهدات: %s' % fmt_num(v, 0), ar('المشاهدات: %d' % v), 'قراءات %d' % v]), 'other'])
    L += interleave(rng, body, [[[rng.choice(['إعلان', 'إعلانات جوجل']), 'advert']]])
    L.append([rng.choice(['المصدر: كونا', 'المصدر: وكالات', 'المصدر: واس', 'المصدر: ' +
                          SOURCE_AR.get(a['source'], 'وكالات')]), 'source_credit'])
    L.append([rng.choice(['تكبير الخط | تصغير الخط | طباعة', 'حجم الخط + -', 'طباعة الخبر']), 'other'])
    L.append([rng.choice(['اترك تعليقاً', 'أضف تعليقاً']), 'comment_form'])
    L.append([rng.choice([
        'لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *',
        'تعليقك سيظهر بعد مراجعته من قبل إدارة الموقع.']), 'comment_form'])
    L.append(['الاسم *', 'comment_form'])
    L.append(['البريد الإلكتروني *', 'comment_form'])
    L.append([rng.choice(['إرسال التعليق', 'أرسل']), 'comment_form'])
    L.append([rng.choice(['مقالات ذات صلة', 'مواضيع مشابهة']), 'related_articles'])
    for _ in range(rng.randint(2, 3)):
        L.append([H.pop(), 'related_articles'])
    return 'alkuwait-alaan.example', L


def fam09(rng, a, body, H):
    """Qatari site, Arabic-Indic digits: login + today's date + weather above title;
    ad markers inside body; tags, source, app prompt, copyright."""
    d = art_date(a)
    L = []
    L.append([rng.choice(['دخول | تسجيل', 'تسجيل الدخول', 'دخول الأعضاء | عضوية جديدة']), 'navigation'])
    hd, hmn, hy = hijri(d)
    L.append([ar('%s %d %s %d - %s' % (WEEKDAYS[d.weekday()], hd, hmn, hy, long_date(d, weekday=False))),
              'dateline'])
    L.append([ar('الدوحة %d° %s' % (rng.randint(38, 45), rng.choice(['مشمس', 'رطب', 'غبار خفيف', 'صحو']))),
              'weather'])
    L.append([a['title'].strip(), 'TITLE'])
    ads = [[[rng.choice(['إعلان', 'مساحة إعلانية', 'إعلان تجاري']), 'advert']] for _ in range(rng.randint(1, 2))]
    L += interleave(rng, body, ads)
    L.append(['الوسوم: ' + ' | '.join(title_tags(rng, a['title'], ['الخليج', 'السعودية', 'أخبار عربية'])), 'tags'])
    L.append([rng.choice(['المصدر: وكالات', 'المصدر: الدوحة - وكالات', 'المصدر: ' +
                          SOURCE_AR.get(a['source'], 'وكالات')]), 'source_credit'])
    L.append([rng.choice(['حمّل تطبيق الخليج اليوم على هاتفك', 'تطبيق الخليج اليوم متوفر الآن على أندرويد وآيفون',
                          'لتصلك الأخبار أولاً بأول حمّل تطبيقنا المجاني']), 'app_prompt'])
    L.append([ar('جميع الحقوق محفوظة © %d الخليج اليوم' % rng.choice([2015, 2014])), 'copyright'])
    return 'alkhaleej-alyoum.example', L


def fam10(rng, a, body, H):
    """Egyptian news site, ASCII digits: breadcrumb + section label above title;
    byline, published time, share; two read-also pairs inside body; most read, newsletter."""
    d = art_date(a)
    L = []
    sec = rng.choice(['عرب وعالم', 'أخبار', 'رياضة', 'اقتصاد', 'حوادث', 'تقارير'])
    L.append(['الرئيسية / أخبار / ' + sec, 'navigation'])
    L.append([sec, 'section_label'])
    L.append([a['title'].strip(), 'TITLE'])
    L.append([rng.choice(['كتب: %s', 'كتب - %s', 'تقرير: %s', 'كتبت - %s']) % rng.choice(NAMES['egypt']), 'byline'])
    L.append(['نُشر: %s %s' % (d.strftime('%d/%m/%Y'), hm(rng)), 'dateline'])
    L.append([rng.choice(['شارك', 'شارك الخبر', 'مشاركة عبر']), 'social'])
    blocks = []
    for _ in range(2):
        if rng.random() < 0.5:
            blocks.append([[rng.choice(['اقرأ أيضًا:', 'اقرأ أيضاً']), 'related_articles'],
                           [H.pop(), 'related_articles']])
        else:
            blocks.append([['اقرأ أيضًا: ' + H.pop(), 'related_articles']])
    L += interleave(rng, body, blocks)
    L.append([rng.choice(['الأكثر قراءة', 'الأكثر قراءة اليوم']), 'related_articles'])
    for _ in range(rng.randint(3, 4)):
        L.append([H.pop(), 'related_articles'])
    L.append([rng.choice(['اشترك في النشرة الإخبارية ليصلك كل جديد على بريدك الإلكتروني',
                          'اشترك في نشرتنا البريدية', 'عايز تعرف الأخبار أول بأول؟ اشترك في النشرة']), 'newsletter'])
    L.append([rng.choice(['جميع الحقوق محفوظة © 2015 مصر الآن', '© حقوق النشر محفوظة لموقع مصر الآن 2015']),
              'copyright'])
    return 'masr-alaan.example', L


def fam11(rng, a, body, H):
    """Iraqi site, Arabic-Indic digits: dinar rate + weather + breaking above title;
    dateline, photo caption; tags, read counter, copyright."""
    d = art_date(a)
    L = []
    L.append([ar(rng.choice(['الدولار %d دينار' % rng.randint(1215, 1240),
                             'سعر الدولار في بغداد: %d دينار لكل دولار' % rng.randint(1215, 1240),
                             'الدولار: بيع %d | شراء %d' % (rng.randint(1225, 1240), rng.randint(1210, 1224))])),
              'market_ticker'])
    L.append([ar('%s %d° %s' % (rng.choice(['بغداد', 'البصرة', 'أربيل', 'الموصل', 'النجف']), rng.randint(45, 51),
                                rng.choice(['حار جداً', 'مشمس', 'غبار', 'صحو']))), 'weather'])
    L.append([rng.choice(['عاجل ', 'عاجل: ', 'خبر عاجل | ']) + H.pop(), 'breaking_ticker'])
    L.append([a['title'].strip(), 'TITLE'])
    L.append([ar('آخر تحديث: %s - %s' % (long_date(d, 'levant', weekday=False), hm(rng, ampm=False))), 'dateline'])
    w = a['title'].split()
    L.append([rng.choice(['صورة أرشيفية', 'صورة تعبيرية', ' '.join(w[:min(3, len(w))]) + ' - صورة أرشيفية']),
              'image_caption'])
    L += [C(x) for x in body]
    L.append(['الوسوم: ' + '، '.join(title_tags(rng, a['title'], ['السعودية', 'الخليج', 'تقارير'])), 'tags'])
    L.append([ar('عدد القراءات: %d' % rng.randint(40, 5000)), 'other'])
    L.append([ar('جميع الحقوق محفوظة لـ وكالة الرافدين نيوز © %d' % 2015), 'copyright'])
    return 'alrafidain-news.example', L


def fam12(rng, a, body, H):
    """Algerian/Tunisian site, ASCII digits, Algerian months: consent + prayer
    times above title, nav bar, 'بقلم' byline, related topics, comments closed."""
    d = art_date(a)
    L = []
    L.append([rng.choice(CONSENT), 'consent_banner'])
    L.append([rng.choice(['موافق', 'قبول', 'OK']), 'consent_banner'])
    city = rng.choice(['الجزائر العاصمة', 'وهران', 'قسنطينة', 'تونس', 'صفاقس'])
    L.append(['أوقات الصلاة لمدينة %s' % city, 'prayer_times'])
    L.append(['الفجر %s الظهر %s العصر %s المغرب %s العشاء %s' % (
        '04:%02d' % rng.randint(5, 25), '12:%02d' % rng.randint(50, 59), '16:%02d' % rng.randint(30, 45),
        '19:%02d' % rng.randint(45, 59), '21:%02d' % rng.randint(10, 25)), 'prayer_times'])
    L.append([rng.choice(['الرئيسية | وطني | دولي | رياضة | ثقافة',
                          'الرئيسية الوطني العالم الرياضة اقتصاد مجتمع']), 'navigation'])
    L.append([a['title'].strip(), 'TITLE'])
    L.append(['بقلم: ' + rng.choice(NAMES['maghreb']), 'byline'])
    L.append([rng.choice(['%s على الساعة %s', '%s | %s']) % (long_date(d, 'algeria'), hm(rng, ampm=False)),
              'dateline'])
    L += [C(x) for x in body]
    L.append([rng.choice(['مواضيع ذات صلة', 'مقالات ذات صلة']), 'related_articles'])
    for _ in range(rng.randint(2, 4)):
        L.append([H.pop(), 'related_articles'])
    L.append([rng.choice(['التعليقات مغلقة.', 'لا توجد تعليقات حتى الآن، كن أول من يعلق على هذا المقال.',
                          'أضف تعليقك']), 'comment_form'])
    L.append([rng.choice(['جميع الحقوق محفوظة © الشروق المغاربي 2015', '© 2015 - الشروق المغاربي']), 'copyright'])
    return 'echourouk-maghrebi.example', L


def fam13(rng, a, body, H):
    """Saudi news/opinion site, ASCII digits, nothing above title: view count, byline,
    dateline; photo caption + credit inside body; author bio, tags, follow line, copyright."""
    d = art_date(a)
    L = [[a['title'].strip(), 'TITLE']]
    L.append(['%d مشاهدة' % rng.randint(150, 12000), 'other'])
    name = rng.choice(NAMES['gulf'])
    L.append([rng.choice(['%s', 'المحرر: %s', 'إعداد: %s']) % name, 'byline'])
    L.append([rng.choice(['%s - %s', '%s %s']) % (d.strftime('%Y-%m-%d'), hm(rng, ampm=False)), 'dateline'])
    w = a['title'].split()
    blk = [[rng.choice(['جانب من اللقاء', 'صورة من الموقع', ' '.join(w[:min(5, len(w))]) + ' (صورة أرشيفية)',
                        'لقطة من الحدث']), 'image_caption'],
           [rng.choice(['تصوير: %s' % rng.choice(NAMES['gulf']), 'الصورة: واس', '(تصوير: %s)' %
                        rng.choice(NAMES['gulf'])]), 'photo_credit']]
    L += interleave(rng, body, [blk])
    L.append([rng.choice(['نبذة عن الكاتب', 'عن المحرر']), 'author_bio'])
    L.append([rng.choice([
        '%s كاتب وصحفي مهتم بالشأن المحلي، عمل في عدد من الصحف السعودية قبل انضمامه إلى أسرة التحرير.',
        '%s محرر أخبار، يمكنكم التواصل معه عبر البريد الإلكتروني أو حسابه في تويتر.']) % name, 'author_bio'])
    L.append(['الكلمات المفتاحية: ' + ' ، '.join(title_tags(rng, a['title'], ['المملكة', 'أخبار محلية'])), 'tags'])
    L.append([rng.choice(['تابعنا على تويتر @almersad_news', 'تابعونا على تويتر وفيسبوك وإنستغرام',
                          'انضم إلى قناتنا على تيليجرام']), 'social'])
    L.append(['© 2015 المرصد الإخباري - جميع الحقوق محفوظة', 'copyright'])
    return 'almersad-news.example', L


def fam14(rng, a, body, H):
    """Gulf news aggregator, ASCII digits: app prompt + original-source credit + relative
    time above title; 'read from source' link, similar news, consent banner at bottom."""
    L = []
    L.append([rng.choice(['حمّل تطبيق نبأ الخليج لتصلك الأخبار لحظة بلحظة', 'افتح في التطبيق',
                          'حمّل تطبيق نبأ مجاناً من آب ستور وجوجل بلاي']), 'app_prompt'])
    src = SOURCE_AR.get(a['source'], 'محلية')
    L.append([rng.choice(['المصدر: صحيفة %s', 'صحيفة %s', 'نقلاً عن %s']) % src, 'source_credit'])
    L.append([rng.choice(['منذ %d ساعات' % rng.randint(3, 10), 'منذ %d دقيقة' % rng.randint(11, 59), 'منذ ساعتين',
                          'منذ ساعة']), 'dateline'])
    L.append([a['title'].strip(), 'TITLE'])
    L += [C(x) for x in body]
    L.append([rng.choice(['اقرأ الخبر من المصدر', 'لقراءة الخبر كاملاً من المصدر اضغط هنا', 'المصدر الأصلي']),
              'source_credit'])
    L.append([rng.choice(['أخبار مشابهة', 'أخبار قد تهمك']), 'related_articles'])
    for _ in range(rng.randint(3, 5)):
        L.append([H.pop(), 'related_articles'])
    L.append([rng.choice(CONSENT), 'consent_banner'])
    L.append([rng.choice(CONSENT_BTN), 'consent_banner'])
    return 'naba-alkhaleej.example', L


def fam15(rng, a, body, H):
    """Jordanian site, ASCII digits, Levantine months, nothing above title: section
    label and dateline after title, caption inside body, share/follow, comment form."""
    d = art_date(a)
    L = [[a['title'].strip(), 'TITLE']]
    L.append([rng.choice(['محليات', 'عربي ودولي', 'اقتصاد', 'رياضة', 'منوعات']), 'section_label'])
    L.append(['%s، %s %s' % (WEEKDAYS[d.weekday()], long_date(d, 'levant', weekday=False), hm(rng)), 'dateline'])
    L += interleave(rng, body, [[[rng.choice(['صورة أرشيفية', 'صورة تعبيرية', '(أرشيفية)']), 'image_caption']]])
    L.append([rng.choice(['شارك الخبر', 'شارك هذا الخبر']), 'social'])
    L.append([rng.choice(['فيسبوك تويتر واتساب', 'تابعونا على فيسبوك وتويتر', 'تابعوا آخر الأخبار عبر قناتنا على تلغرام']),
              'social'])
    L.append([rng.choice(['التعليقات', 'اكتب تعليقك']), 'comment_form'])
    L.append([rng.choice(['يرجى كتابة التعليق باللغة العربية، وسيتم نشره بعد موافقة المحرر.',
                          'الآراء الواردة في التعليقات تعبر عن أصحابها ولا تعبر عن رأي الموقع.']), 'comment_form'])
    L.append(['إرسال', 'comment_form'])
    L.append([rng.choice(['جميع الحقوق محفوظة © 2015 عمان نت', '© حقوق الطبع والنشر محفوظة لعمان نت 2015']),
              'copyright'])
    return 'amman-net.example', L


def fam16(rng, a, body, H):
    """Saudi print-edition archive, Arabic-Indic digits, nothing above title: issue
    number + date, print/send bar, page navigation, copyright."""
    d = art_date(a)
    hd, hmn, hy = hijri(d)
    L = [[a['title'].strip(), 'TITLE']]
    L.append([ar('العدد: %d | %s %d %s %d' % (rng.randint(15640, 15660), WEEKDAYS[d.weekday()], hd, hmn, hy)),
              'dateline'])
    L += [C(x) for x in body]
    L.append([rng.choice(['نسخة للطباعة | أرسل لصديق | حفظ', 'طباعة  أرسل لصديق', 'نسخة للطباعة']), 'other'])
    L.append([rng.choice(['الصفحة السابقة | الصفحة الرئيسية | الصفحة التالية', 'رجوع | الصفحة الرئيسية',
                          ar('الصفحة %d من 32' % rng.randint(2, 31))]), 'navigation'])
    L.append([ar(rng.choice(['حقوق الطبع محفوظة © مؤسسة الصحيفة للصحافة والطباعة والنشر %d',
                             'جميع الحقوق محفوظة لمؤسسة الصحيفة %d']) % 2015), 'copyright'])
    return 'print-archive.example', L


FAMILIES = [fam01, fam02, fam03, fam04, fam05, fam06, fam07, fam08,
            fam09, fam10, fam11, fam12, fam13, fam14, fam15, fam16]
ABOVE_TITLE = ['F01', 'F02', 'F03', 'F04', 'F05', 'F07', 'F09', 'F10', 'F11', 'F12', 'F14']


def main():
    cands = load_candidates()
    rng = random.Random(SEED)
    picked = rng.sample(cands, N_DOCS)
    picked_ids = set(id(a) for a in picked)
    bodyset = set()
    titles = set()
    for a in picked:
        bodyset.update(body_lines(a['content']))
        titles.add(a['title'].strip())
    # headline pool: titles of other candidates, unique, title-like length
    hl = []
    seen = set()
    for a in cands:
        t = ' '.join(a['title'].split())
        if id(a) in picked_ids or t in seen or t in titles or t in bodyset or not (25 <= len(t) <= 95):
            continue
        seen.add(t)
        hl.append(t)
    random.Random(SEED + 1).shuffle(hl)

    docs = []
    for i, a in enumerate(picked):
        fam = FAMILIES[i // PER_FAMILY]
        r = random.Random(1000 + i)
        body = body_lines(a['content'])
        src, lines = fam(r, a, body, hl)
        docs.append({'family': 'F%02d' % (i // PER_FAMILY + 1), 'meta': {'source': src}, 'lines': lines})

    # ---- verification
    assert len(docs) == N_DOCS
    for d, a in zip(docs, picked):
        assert sum(1 for t, l in d['lines'] if l == 'TITLE') == 1
        assert [t for t, l in d['lines'] if l is None] == body_lines(a['content'])
        assert [t for t, l in d['lines'] if l == 'TITLE'] == [a['title'].strip()]
        for t, l in d['lines']:
            assert t == t.strip() and t, (t, l)
            if l is not None and l != 'TITLE':
                assert t not in bodyset, t

    about = ('Blind layout set: written without reading the cleaner. 80 real article bodies from '
             'saudinewsnet zips 2015-08-06..2015-08-11 (400<=len(content)<=2500, non-empty title, '
             'dedup by content), picked with random.Random(7).sample(candidates, 80); body lines '
             '(content split on newlines, stripped, empties dropped) are labelled null, the real '
             'title is TITLE. 16 invented site layout families F01-F16, 5 docs each (doc i -> F{i//5+1}), '
             'per-doc randomness random.Random(1000+i); related/breaking/read-also headlines are real '
             'titles of other, non-picked articles (pool shuffled with random.Random(8)). Families differ in '
             'region/dialect (Saudi, Egyptian, Levantine, Emirati, Kuwaiti, Qatari, Iraqi, Moroccan, '
             'Algerian/Tunisian, Jordanian), digits (ASCII / Arabic-Indic), and placement of boilerplate '
             '(above title: %s; between title and body; inside body; after body). Note: real bodies '
             'sometimes begin with an in-text byline/source line; per spec those stay content (null). '
             'Built by make_layouts.py.' % ', '.join(ABOVE_TITLE))
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump({'_about': about, 'docs': docs}, f, ensure_ascii=False, indent=1)
    return docs


if __name__ == '__main__':
    docs = main()
    from collections import Counter
    c = Counter(str(l) for d in docs for t, l in d['lines'])
    print('docs', len(docs), 'lines', sum(c.values()))
    for k, v in sorted(c.items(), key=lambda x: -x[1]):
        print('%-18s %d' % (k, v))
    above = sorted(set(d['family'] for d in docs if d['lines'][0][1] != 'TITLE'))
    print('above-title families:', above, 'docs:', sum(1 for d in docs if d['lines'][0][1] != 'TITLE'))
