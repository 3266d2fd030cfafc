"""What a figure counts (issue #23): ``subject`` and ``subject_key`` of figures.

Sentences are quoted from the seed articles (``seeds/``) and from the development
articles of the real-news benchmark (benchmarks/gold/figq_articles_dev.jsonl); the few
written for a test say so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from akhbar.figures import extract_figures
from akhbar.figures.subject import document_subjects, figure_subject, lemma, subject_key, subject_text
from akhbar.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent


def _fig(text: str, figure_text: str):
    figs = [f for f in extract_figures(text) if f.text == figure_text]
    assert len(figs) == 1, [f.text for f in extract_figures(text)]
    return figs[0]


def key(text: str, figure_text: str) -> str | None:
    return subject_key(figure_subject(text, _fig(text, figure_text)))


def text_of(text: str, figure_text: str) -> str | None:
    return subject_text(figure_subject(text, _fig(text, figure_text)))


# seeds
RUTTE = "وأفاد روته بأن أكثر من 600 ألف جندي روسي قتلوا أو جرحوا منذ اندلع النزاع، مضيفاً أن الكرملين غير قادر على مواصلة الغزو من دون الدعم الخارجي."
US_OFFICIAL = "إلى ذلك، أكد مسؤول أمريكي كبير، أمس الأربعاء، أن “آلاف الجنود الكوريين الشماليين” نُشروا في روسيا للتدرب، مضيفا أن واشنطن “لا تعرف ما ستكون عليه مهمتهم”."
TRAINING = "ويرى الأمين العام للحلف والولايات المتحدة أن آلافاً من الجنود الكوريين الشماليين يتدربون في روسيا."
ZELENSKY = "وحذّر الرئيس الأوكراني فولوديمير زيلينسكي الأسبوع الماضي من أن روسيا تُخطط لإرسال قوات كورية شمالية للانخراط في الحرب في غضون أيام، وأشار إلى أن كوريا الشمالية تدرّب 10 آلاف جندي لدعم روسيا."
NIS = "وأفادت وكالة الاستخبارات الكورية الجنوبية، الأربعاء، أن بيونغ يانغ أرسلت 1500 جندي إضافي إلى روسيا، مشيرة إلى أنها محاولة لمساعدة روسيا عسكريا في حربها مع أوكرانيا."
# the brief's own spellings of the North Korean troops, written for this test
WRITTEN_INDEFINITE = "وقالت المصادر إن 10 آلاف جندي كوري شمالي وصلوا."
WRITTEN_PLURAL = "وقالت المصادر إن ثلاثة جنود كوريين شماليين أصيبوا."


def test_spellings_of_one_subject_share_a_key():
    k = key(US_OFFICIAL, "آلاف الجنود")
    assert k == "جندي شمالي كوري"
    assert key(TRAINING, "آلافاً من الجنود") == k
    assert key(WRITTEN_INDEFINITE, "10 آلاف جندي") == k
    # «أصيبوا» makes these wounded soldiers: the outcome is part of the key
    assert key(WRITTEN_PLURAL, "ثلاثة جنود") == "جندي جريح شمالي كوري"


def test_russian_casualties_are_another_subject():
    k = key(RUTTE, "أكثر من 600 ألف جندي")
    assert set(k.split()) == {"جندي", "روسي", "قتيل", "جريح"}
    assert k != key(US_OFFICIAL, "آلاف الجنود")
    assert text_of(RUTTE, "أكثر من 600 ألف جندي") == "جندي روسي (قتيل، جريح)"


def test_the_sending_country_lends_its_nationality():
    nk = key(US_OFFICIAL, "آلاف الجنود")
    assert key(ZELENSKY, "10 آلاف جندي") == nk
    # the agent is the capital after «أن»; the South Korean agency that reports it is not
    assert key(NIS, "1500 جندي") == nk
    assert text_of(NIS, "1500 جندي") == "جندي إضافي [كوري شمالي] (إرسال/نشر)"
    # dev article: an organisation with a nationality adjective sends aircraft
    guard = ('قالت الهيئة المعنية بمكافحة الحرائق في ولاية كاليفورنيا يوم الاحد إن الحرس الوطني الأمريكي '
             'أرسل أربع طائرات من طراز "سي 130" مملوءة بمثبطات اللهب والماء من أجل المساعدة في إخماد الحرائق.')
    assert key(guard, "أربع طائرات") == "طايره امريكي"


def test_an_agent_does_not_own_whom_it_kills():
    # written for this test: killing is not sending, the soldiers are not the agent's
    assert key("قتلت القوات الروسية 50 جنديا", "50 جنديا") == "جندي قتيل"
    assert key("أرسلت روسيا 50 جنديا", "50 جنديا") == "جندي روسي"


def test_nationality_spellings_meet_at_the_country():
    # written for this test: two spellings of «American»
    assert key("أرسلت المملكة 500 جندي أميركي", "500 جندي") == key("وصل 500 جندي أمريكي", "500 جندي")
    assert key("وصل 500 جندي أمريكي", "500 جندي") != key("وصل 500 جندي أسترالي", "500 جندي")


# development articles
TUNIS = "قتل 4 أشخاص بينهم مطلق النار في اشتباكات داخل ثكنة عسكرية في العاصمة التونسية، اليوم الاثنين، فيما أعلنت السلطات أن العملية ليست إرهابية."
ATTACK = ("وقال المصدر الأمني إن الهجوم أسفر عن مقتل عقيد وإصابة ثمانية جنود آخرين، إضافة لمقتل الجندي الذي فتح النار "
          "على زملائه، إلا أن العدد ارتفع فيما بعد لأربعة قتلى بما فيهم مطلق النار.")
ARRESTS = "كما أعلنت عن توقيف خمسة أشخاص، اثنان منهم جرى إيقافهما بعد مطاردتهما من دورية خفر السواحل."
BARDO = "يأتي الهجوم بعد شهرين من هجوم دموي استهدف متحف “باردو” بالعاصمة تونس ونفذه مسلحان وقتلا خلاله 21 سائحاً أجنبياً وشرطياً."


def test_killed_people_and_the_dead_share_a_key_arrests_do_not():
    assert key(TUNIS, "4 أشخاص") == "قتيل"
    assert key(ATTACK, "أربعة قتلى") == "قتيل"
    assert key(ARRESTS, "خمسة أشخاص") == "معتقل"
    # «آخرين» describes, it does not identify
    assert key(ATTACK, "ثمانية جنود") == "جندي جريح"
    assert text_of(ATTACK, "ثمانية جنود") == "جنود آخرين (جريح)"


def test_qualifiers_agree_and_stop():
    # «وشرطياً» is another noun joined by «و», not a qualifier of the tourists
    assert set(key(BARDO, "21 سائحاً").split()) == {"سايح", "اجنبي", "قتيل"}
    boards = ("بدأت اللجنة المحلية للانتخابات البلدية بمنطقة الجوف وضمن خطتها الإعلامية، تركيب 600 لوحة إعلانية "
              "في مختلف مدن ومحافظات المنطقة وعلى الطرق الرئيسة والميادين العامة.")
    assert key(boards, "600 لوحة") == "لوحه اعلاني"
    fines = ("كما رصدت الوزارة 24 مخالفة لحافلات تعمل بدون بطاقات تشغيل وغرمت بمبلغ 24 ألف ريال، إضافة إلى تسجيل "
             "مخالفتين لتشغيل حافلات ببطاقات تشغيل منتهية وتم تغريمها 1000 ريال.")
    assert key(fines, "24 مخالفة") == "مخالفه حافله"
    assert key(fines, "24 ألف ريال") == "غرامة"


def test_money_says_what_it_measures_or_nothing():
    revenue = ("من جانبه قال الرئيس التنفيذي لشركة أورفيتو السيد ساتيش إن هذه الشراكة المثمرة تعزز من قدرة الشركتين، "
               "متوقعا أن تبلغ عائدات الشركة الأولية 30 مليون دولار أميركي خلال الثلاث سنوات القادمة.")
    assert key(revenue, "30 مليون دولار أميركي") == "شركه عايده"
    embezzled = ("ويشتبه في هذا المسؤول أن يكون قد اختلس من المال العام ما تصل قيمته إلى مليار روبل (16 مليون دولار)، "
                 "يقع جزء منه في حساب في سويسرا.")
    figs = extract_figures(embezzled)
    subs = document_subjects([(embezzled, f) for f in figs])
    assert [f.text for f in figs] == ["مليار روبل", "16 مليون دولار"]
    assert subject_key(subs[0]) == subject_key(subs[1]) == "اختلاس"  # the restated amount is the same amount
    # a currency alone says nothing
    assert key("وذكرت تقارير ان الفريقين اتفقا على 25 مليون يورو.", "25 مليون يورو") is None


def test_no_subject_for_dates_years_ordinals_and_bare_numbers():
    sanctions = "وتخضع كوريا الشمالية وروسيا لعقوبات، الأولى بسبب برنامجها العسكري النووي، والثانية بسبب حربها على أوكرانيا."
    assert [(f.kind, figure_subject(sanctions, f)) for f in extract_figures(sanctions)] == [
        ("ordinal", None), ("ordinal", None)]
    war = "ويأتي ذلك في ظل تزايد التعاون العسكري بين بيونجيانج وموسكو منذ اندلاع الحرب الأوكرانية في عام 2022."
    assert key(war, "عام 2022") is None
    assert key("30 أبريل 2025 10:16 م", "30 أبريل 2025") is None
    screen = 'أضافت شركة سامسونج إلكترونيكس الكورية الجنوبية للإلكترونيات وحدة شحن لاسلكي إلى شاشتها الجديدة "إس.إي 370".'
    # a product named by letters and a number is no figure at all (issue #24), so it has no subject either
    assert not [f for f in extract_figures(screen) if "370" in f.text]
    assert key("انو غالياني قال في وقت سابق أن الصفقة أنجزت بنسبة 99%.", "99%") is None
    # a part of a group already counted is not that group («اثنان منهم»)
    assert key(ARRESTS, "اثنان") is None


def test_lemmas():
    assert [lemma(w) for w in ("الجنود", "جنود", "جندياً", "الكوريين", "كورية", "الشماليين", "أجنبياً",
                               "مخالفات", "الأراضي", "آخرين", "الألماني", "ألماني")] == [
        "جندي", "جندي", "جندي", "كوري", "كوري", "شمالي", "اجنبي", "مخالفه", "ارض", "اخر", "الماني", "الماني"]


def _seed_document(name: str):
    text = (ROOT / "seeds" / name).read_text("utf-8")
    items = [(s.text, f) for s in split_sentences(text) for f in extract_figures(s.text)]
    return items, document_subjects(items)


@pytest.mark.parametrize("name", ["000_a09b7958db38c890.txt", "001_4fb4680f70c0b9ac.txt",
                                  "002_3a7b1e736c3f31df.txt", "004_9ec23b553c2d35f7.txt"])
def test_seed_troop_counts_share_one_key(name):
    items, subs = _seed_document(name)
    keys = {}
    for (_, f), s in zip(items, subs):
        if f.kind == "count" and (f.unit == "جندي" or f.unit is None and f.value and f.value >= 1000):
            keys[f.text if f.value != 600000 else "rutte"] = subject_key(s)
    nk = {k for t, k in keys.items() if t != "rutte"}
    assert nk == {"جندي شمالي كوري"}, keys
    if "rutte" in keys:
        assert keys["rutte"] not in nk


def test_bare_count_after_an_unnamed_total():
    items, subs = _seed_document("001_4fb4680f70c0b9ac.txt")
    by_text = {f.text: (f, s) for (_, f), s in zip(items, subs)}
    for text in ("ثلاثة آلاف", "عشرة آلاف"):  # «يرفع العدد الإجمالي إلى ثلاثة آلاف», «أن يصل العدد إلى عشرة آلاف»
        f, s = by_text[text]
        assert f.unit is None and subject_key(s) == "جندي شمالي كوري"
        assert subject_text(s).startswith("[")


def test_a_document_with_two_nationalities_leaves_a_bare_count_bare():
    # written for this test: which soldiers «وصل 300 جندي» are cannot be told
    doc = ["أرسلت روسيا 100 جندي روسي.", "أرسلت كوريا الشمالية 200 جندي كوري شمالي.", "ووصل 300 جندي أمس."]
    items = [(t, f) for t in doc for f in extract_figures(t)]
    keys = [subject_key(s) for s in document_subjects(items)]
    assert keys == ["جندي روسي", "جندي شمالي كوري", "جندي"]
    # with one nationality in the document, the bare count takes it
    items = [(t, f) for t in doc[1:] for f in extract_figures(t)]
    assert [subject_key(s) for s in document_subjects(items)] == ["جندي شمالي كوري"] * 2


def test_points_have_no_subject_of_their_own():
    from akhbar.figures import extract_figures
    from akhbar.figures.subject import figure_subject
    text = "ويتصدر الزمالك جدول المسابقة برصيد 83 نقطة بفارق تسع نقاط عن الأهلي."
    figs = [f for f in extract_figures(text) if f.unit == "نقطة"]
    assert len(figs) == 2 and all(figure_subject(text, f) is None for f in figs)
