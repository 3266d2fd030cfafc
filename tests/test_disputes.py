"""The rules of the disputed_figures view (akhbar/sql/disputed_figures.sql), on a small
story_figures table written from real SaudiNewsNet sentences (first 3,000 articles)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from akhbar.catalog import PERIODS_MACRO, WORDS_MACRO

SQL = Path(__file__).resolve().parent.parent / "akhbar" / "sql"

TURKEY_A = "قالت وزارة الداخلية التركية في بيان إن انفجارا في بلدة سروج قرب الحدود مع سوريا أسفر عن مقتل 27 شخصا"
TURKEY_B = "قالت وزارة الداخلية التركية في بيان أمس إن انفجاراً في بلدة سروج قرب الحدود مع سوريا أسفر عن مقتل 30 شخصاً"
FIFA_A = "قال الاتحاد الدولي لكرة القدم إنه سيشكل مجموعة عمل مكونة من 11 شخصا لاقتراح اصلاحات"
FIFA_B = "وجهت الولايات المتحدة في مايو الماضي اتهامات بالفساد إلى 14 شخصا بينهم مسؤولون كبار"
MARKET = "وشهدت تداولات اليوم ارتفاع أسهم {} شركة في قيمتها وتراجعت أسهم شركات أخرى"
ATM = "أشارت النشرة إلى أن عدد أجهزة الصرف الآلي في شهر مايو بلغ 16312 جهازا بزيادة 113 جهازا"


def _row(story, doc, source, value, sentence, kind="count", unit="شخص", subject_key="شخص قتيل", idx=0, claimant=None,
         text=None, qualifier="exact"):
    return (story, doc, source, None, "t", kind, unit, subject_key, subject_key, value, value, value,
            qualifier, text or str(value), claimant or source, claimant is None, True, sentence, idx, 10 * idx, 10 * idx + 1)


@pytest.fixture()
def disputes():
    con = duckdb.connect()
    con.execute("""CREATE TABLE story_figures (story_id VARCHAR, doc_id VARCHAR, source VARCHAR,
        published_at TIMESTAMP, title VARCHAR, kind VARCHAR, unit VARCHAR, subject VARCHAR,
        subject_key VARCHAR, value DOUBLE, value_low DOUBLE, value_high DOUBLE, qualifier VARCHAR,
        figure_text VARCHAR, claimed_by VARCHAR, claimed_by_outlet BOOLEAN, independent BOOLEAN,
        sentence VARCHAR, sentence_idx INTEGER, start_char INTEGER, end_char INTEGER)""")
    con.execute(WORDS_MACRO)
    con.execute(PERIODS_MACRO)
    # the figures the occasions of a sentence are read from (none unless a test adds them)
    con.execute("CREATE TABLE figures (doc_id VARCHAR, sentence_idx INTEGER, kind VARCHAR, unit VARCHAR, "
                "value DOUBLE, date_value DATE)")
    # the places a sentence names (none unless a test adds them)
    con.execute("CREATE TABLE entities (doc_id VARCHAR, sentence_idx INTEGER, label VARCHAR, entity_id VARCHAR, "
                "start_char INTEGER, end_char INTEGER)")
    con.execute("CREATE VIEW disputed_figures AS " + (SQL / "disputed_figures.sql").read_text(encoding="utf-8"))
    con.execute("CREATE VIEW confirmed_figures AS " + (SQL / "confirmed_figures.sql").read_text(encoding="utf-8"))

    def run(rows):
        con.execute("DELETE FROM story_figures")
        con.executemany("INSERT INTO story_figures VALUES (" + ",".join("?" * 21) + ")", rows)
        return {r[0]: sorted(r[1]) for r in con.execute(
            "SELECT story_id, list(DISTINCT value) FROM disputed_figures GROUP BY story_id").fetchall()}

    yield run, con
    con.close()


def test_two_outlets_that_give_different_tolls_in_the_same_words_dispute(disputes):
    run, _ = disputes
    assert run([_row("s", "a", "aawsat", 27, TURKEY_A), _row("s", "b", "aljazirah", 30, TURKEY_B)]) == {"s": [27, 30]}


def test_values_said_about_different_things_are_no_dispute(disputes):
    run, _ = disputes
    assert run([_row("s", "a", "aleqtisadiya", 11, FIFA_A), _row("s", "b", "alweeam", 14, FIFA_B)]) == {}


def test_the_same_series_copied_by_several_outlets_is_no_dispute(disputes):
    run, con = disputes
    rows = [_row("s", d, d, v, ATM, unit="جهاز", subject_key="جهاز")
            for d in ("okaz", "alwatan", "almadina") for v in (16312, 113)]
    assert run(rows) == {}
    # …and each value is confirmed by the three outlets
    confirmed = con.execute("SELECT value, independent_sources, disputed FROM confirmed_figures ORDER BY value").fetchall()
    assert confirmed == [(113, 3, False), (16312, 3, False)]


def test_one_outlet_that_gives_a_new_number_updates_itself_it_does_not_dispute(disputes):
    run, _ = disputes
    rows = [_row("s", "a", "alweeam", 94, MARKET.format(94), subject_key="شركة"),
            _row("s", "b", "alweeam", 81, MARKET.format(81), subject_key="شركة")]
    assert run(rows) == {}
    rows[1] = _row("s", "b", "okaz", 81, MARKET.format(81), subject_key="شركة")  # two outlets: a dispute
    assert run(rows) == {"s": [81, 94]}


def test_one_outlet_that_quotes_two_claimants_who_disagree_has_a_dispute(disputes):
    run, _ = disputes
    rows = [_row("s", "a", "alyaum", 27, TURKEY_A, claimant="وزارة الداخلية التركية"),
            _row("s", "b", "alyaum", 20, TURKEY_B, claimant="شهود")]
    assert run(rows) == {"s": [20, 27]}
    rows[1] = _row("s", "b", "alyaum", 20, TURKEY_B, claimant="الداخلية التركية")  # the same claimant
    assert run(rows) == {}


def test_sentences_about_different_places_are_no_dispute(disputes):
    run, con = disputes
    aden = "وقتل 60 مدنيا وجرح أكثر من 200 آخرين في حي دار سعد بقصف صاروخي"
    taiz = "وقتل ثوار المقاومة 36 متمردا وجرح أكثر من 100 آخرين في حي الزنوج بقصف صاروخي"
    rows = [_row("s", "a", "alyaum", 200, aden, subject_key="آخرين جريح"),
            _row("s", "b", "alwatan", 100, taiz, subject_key="آخرين جريح")]
    assert run(rows) == {"s": [100, 200]}  # no place named: the words decide
    con.execute("INSERT INTO entities VALUES ('a', 0, 'LOC', 'aden', 40, 45), ('b', 0, 'LOC', 'taiz', 40, 45)")
    assert run(rows) == {}
    con.execute("INSERT INTO entities VALUES ('b', 0, 'LOC', 'aden', 50, 55)")  # both name Aden
    assert run(rows) == {"s": [100, 200]}


def test_sales_of_a_month_and_of_a_half_year_are_no_dispute(disputes):
    run, _ = disputes
    month = "وذكر الاتحاد أن عدد السيارات الجديدة التي تم بيعها في أوروبا خلال يونيو الماضي بلغ 1.36 مليون سيارة"
    half = "وذكر الاتحاد أن عدد السيارات الجديدة التي تم بيعها في أوروبا خلال النصف الأول من العام الحالي بلغ 7.17 مليون سيارة"
    other_month = "وذكر الاتحاد أن عدد السيارات الجديدة التي تم بيعها في أوروبا خلال الشهر الماضي بلغ 1.4 مليون سيارة"
    assert run([_row("s", "a", "alweeam", 1.36e6, month, subject_key="سيارة"),
                _row("s", "b", "aawsat", 7.17e6, half, subject_key="سيارة")]) == {}
    assert run([_row("s", "a", "alweeam", 1.36e6, month, subject_key="سيارة"),
                _row("s", "b", "aawsat", 1.4e6, other_month, subject_key="سيارة")]) == {"s": [1.36e6, 1.4e6]}


def test_only_the_values_that_disagree_are_rows_of_the_dispute(disputes):
    run, con = disputes
    # document b also counts the wounded of another town: not part of the toll's dispute
    rows = [_row("s", "a", "aawsat", 27, TURKEY_A), _row("s", "b", "aljazirah", 30, TURKEY_B),
            _row("s", "b", "aljazirah", 4, "وفي حادث سير على طريق الساحل لقي 4 أشخاص حتفهم", idx=5),
            _row("s", "c", "okaz", 30, TURKEY_B)]
    assert run(rows) == {"s": [27, 30]}
    docs = con.execute("SELECT doc_id, value FROM disputed_figures ORDER BY doc_id").fetchall()
    assert docs == [("a", 27), ("b", 30), ("c", 30)]  # okaz agrees with aljazirah: a row of the dispute


def test_money_compares_within_one_currency(disputes):
    run, _ = disputes
    budget = "وتبلغ ميزانية المحكمة الخاصة نحو {} تؤمنها جهات مانحة عدة"
    rows = [_row("s", "a", "aawsat", 9.15e6, budget.format("9.15 مليون يورو"), kind="money", unit="يورو", subject_key="ميزانية محكمة"),
            _row("s", "b", "alyaum", 6e9, budget.format("ستة مليارات فرنك"), kind="money", unit="فرنك", subject_key="ميزانية محكمة")]
    assert run(rows) == {}
    rows[1] = _row("s", "b", "alyaum", 9.5e6, budget.format("9.5 مليون يورو"), kind="money", unit="يورو", subject_key="ميزانية محكمة")
    assert run(rows) == {"s": [9.15e6, 9.5e6]}


def test_a_document_with_many_values_for_one_subject_takes_no_part(disputes):
    run, _ = disputes
    loans = "وأوضح التقرير أن إجمالي المنصرف الفعلي من القروض بلغ {} مليار ريال"
    many = [_row("s", "a", "aawsat", v, loans.format(v), subject_key="قرض") for v in (1, 2, 3, 4, 5)]
    other = [_row("s", "b", "alweeam", 9, loans.format(9), subject_key="قرض")]
    assert run(many + other) == {}
    assert run(many[:2] + other) == {"s": [1, 2, 9]}


def test_sentences_dated_to_different_occasions_are_no_dispute(disputes):
    run, con = disputes
    batch = "وصلت أمس الدفعة {} من المعونة الطبية إلى مدينة سيئون على متن {} قاطرات قادمة من المملكة عبر منفذ الوديعة"
    rows = [_row("s", "a", "aawsat", 3, batch.format("الثالثة", 3), unit="قاطرة", subject_key="قاطرة"),
            _row("s", "b", "alyaum", 5, batch.format("الثانية", "خمس"), unit="قاطرة", subject_key="قاطرة")]
    con.execute("INSERT INTO figures VALUES ('a', 0, 'ordinal', 'دفعة', 3, NULL), ('b', 0, 'ordinal', 'دفعة', 2, NULL)")
    assert run(rows) == {}  # the third batch and the second: two deliveries
    con.execute("UPDATE figures SET value = 3")
    assert run(rows) == {"s": [3, 5]}  # one batch, two counts


def test_a_rounded_value_agrees_with_the_exact_one(disputes):
    run, _ = disputes
    cost = "وبلغت تكلفة مشاريع المدينة المنورة {} لإنشاء حدائق وممرات مشاة"
    exact = _row("s", "b", "alyaum", 4365980, cost.format("4,365,980 ريال"), kind="money", unit="ريال",
                 subject_key="تكلفة", text="4,365,980 ريال")
    rounded = _row("s", "a", "alriyadh", 4.3e6, cost.format("4،3 ملايين ريال"), kind="money", unit="ريال",
                   subject_key="تكلفة", text="4،3 ملايين ريال")
    assert run([rounded, exact]) == {}  # 4.3 million is how 4,365,980 is written in millions
    other = _row("s", "a", "alriyadh", 4.5e6, cost.format("4.5 ملايين ريال"), kind="money", unit="ريال",
                 subject_key="تكلفة", text="4.5 ملايين ريال")
    assert run([other, exact]) == {"s": [4365980, 4.5e6]}
    fee = "وينتقل اللاعب إلى باريس سان جيرمان مقابل {} مليون جنيه إسترليني"
    assert run([_row("s", "a", "alweeam", 44e6, fee.format(44), kind="money", unit="جنيه", subject_key="مقابل",
                     text="44 مليون جنيه"),
                _row("s", "b", "aawsat", 45e6, fee.format(45), kind="money", unit="جنيه", subject_key="مقابل",
                     text="45 مليون جنيه")]) == {"s": [44e6, 45e6]}  # whole millions are exact


def test_more_than_reaches_one_written_unit_further(disputes):
    run, _ = disputes
    a = _row("s", "a", "aawsat", 27, TURKEY_A, text="أكثر من 27 شخصا", qualifier="more_than")
    assert run([a, _row("s", "b", "aljazirah", 30, TURKEY_B)]) == {"s": [27, 30]}  # more than 27 is not 30
    a = _row("s", "a", "aawsat", 4.3e6, TURKEY_A, text="أكثر من 4.3 مليون شخص", qualifier="more_than")
    assert run([a, _row("s", "b", "aljazirah", 4.38e6, TURKEY_B, text="4,380,000")]) == {}


def test_a_breakdown_by_place_compares_each_place_with_sentences_that_name_it(disputes):
    run, con = disputes
    eu = "وذكر اتحاد منتجي السيارات الأوروبي أن عدد السيارات الجديدة التي تم بيعها في الاتحاد الأوروبي بلغ 1.36 مليون سيارة"
    by_country = ("وسجلت دولتان من أشد دول الاتحاد الأوروبي معاناة أقوى نمو في المبيعات حيث زادت السيارات الجديدة "
                  "في اليونان إلى 7800 سيارة في حين زادت في إيطاليا إلى 148.8 ألف سيارة")
    greece = by_country.index("7800")
    italy = by_country.index("148.8")
    rows = [_row("s", "a", "alweeam", 1.36e6, eu, subject_key="سيارة"),
            (*_row("s", "b", "aawsat", 7800, by_country, subject_key="سيارة")[:-2], greece, greece + 4),
            (*_row("s", "b", "aawsat", 148800, by_country, subject_key="سيارة")[:-2], italy, italy + 5)]
    con.execute("INSERT INTO entities VALUES ('b', 0, 'LOC', 'greece', ?, ?), ('b', 0, 'LOC', 'italy', ?, ?)",
                [by_country.index("اليونان"), by_country.index("اليونان") + 7,
                 by_country.index("إيطاليا"), by_country.index("إيطاليا") + 7])
    assert run(rows) == {}  # Greece's and Italy's sales are parts, not the Union's total
    # a sentence that names Italy compares with Italy's figure
    italy_only = "وذكر اتحاد منتجي السيارات أن عدد السيارات الجديدة التي تم بيعها في إيطاليا بلغ 150 ألف سيارة"
    con.execute("INSERT INTO entities VALUES ('a', 0, 'LOC', 'italy', ?, ?)",
                [italy_only.index("إيطاليا"), italy_only.index("إيطاليا") + 7])
    rows[0] = _row("s", "a", "alweeam", 150000, italy_only, subject_key="سيارة")
    assert run(rows) == {"s": [148800, 150000]}


def test_values_ten_times_apart_count_different_things_unless_written_with_the_same_digits(disputes):
    run, _ = disputes
    repay = "كما ستقوم اليونان برد قرض بقيمة {} للبنك المركزي اليوناني"
    bridge = "وأعلنت المتحدثة باسم المفوضية أنه تم صرف قرض عاجل لليونان بقيمة {} للبنك المركزي الأوروبي"
    loan = dict(kind="money", unit="يورو", subject_key="قرض يورو")
    assert run([_row("s", "a", "alwatan", 5e8, repay.format("500 مليون يورو"), **loan),
                _row("s", "b", "aleqtisadiya", 7.16e9, bridge.format("7.16 مليار يورو"), **loan)]) == {}
    revenue = "وهبطت الإيرادات بنسبة 26.5 في المائة إلى {} دولار"
    money = dict(kind="money", unit="دولار", subject_key="ايراده دولار")
    assert run([_row("s", "a", "aleqtisadiya", 5.92e9, revenue.format("5.92 مليار"), **money),
                _row("s", "b", "aawsat", 92.5e9, revenue.format("92.5 مليار"), **money)]) == {"s": [5.92e9, 92.5e9]}


def test_an_outlet_that_gives_both_values_in_its_documents_does_not_dispute_either(disputes):
    run, _ = disputes
    road = "أصيب {} أشخاص بإصابات متفرقة جراء حادث تصادم مروري وقع على طريق الرياض الدمام"
    other_road = "لقي شخصان مصرعهما وأصيب {} آخرون إثر تصادم على طريق الدمام الرياض بعد كوبري المعادن"
    wounded = dict(subject_key="جريح شخص")
    okaz = _row("s", "c", "okaz", 4, other_road.format(4), **wounded)
    sabq_8 = _row("s", "a", "sabq", 8, road.format("ثمانية"), **wounded)
    assert run([okaz, sabq_8]) == {"s": [4, 8]}
    # sabq also counts four wounded in another of its documents: a second accident the story joined
    sabq_4 = _row("s", "b", "sabq", 4, "لقي شخص مصرعه وأصيب 4 آخرون إثر حادث مروري على طريق الرياض", **wounded)
    assert run([okaz, sabq_8, sabq_4]) == {}


def test_the_penultimate_day_is_another_occasion_than_the_fifth(disputes):
    run, con = disputes
    fifth = ("زاد نجوم المملكة للأولمبياد الخاص غلتهم من الميداليات في منافسات الألعاب العالمية "
             "التي تستضيفها لوس أنجلوس إلى 15 ميدالية في اليوم الخامس")
    penultimate = ("واصل نجوم المملكة للأولمبياد الخاص حصد الميداليات في اليوم قبل الأخير من منافسات الألعاب "
                   "العالمية التي تستضيفها لوس أنجلوس ورفعوا غلتهم إلى 20 ميدالية")
    medals = dict(unit="ميدالية", subject_key="ميدالية")
    also_penultimate = fifth.replace("في اليوم الخامس", "في اليوم قبل الأخير")
    assert run([_row("s", "a", "aawsat", 15, also_penultimate, **medals),
                _row("s", "b", "okaz", 20, penultimate, **medals)]) == {"s": [15, 20]}  # the same day
    con.execute("INSERT INTO figures VALUES ('a', 0, 'ordinal', 'يوم', 5, NULL)")  # the parser's «اليوم الخامس»
    assert run([_row("s", "a", "aawsat", 15, fifth, **medals), _row("s", "b", "okaz", 20, penultimate, **medals)]) == {}


def test_a_count_of_one_day_does_not_dispute_a_count_of_no_day(disputes):
    run, _ = disputes
    day_two = ("تواصلت فعاليات مهرجان عيدية بمنتزه الملك عبدالله البيئي بالهفوف وسط اقبال كبير من الزوار "
               "مسجلا حضور أكثر من 9 آلاف زائر في يومه الثاني")
    undated = ("سجلت إحصائية زوار مهرجان عيدية الذي تقيمه أمانة الأحساء بمنتزه الملك عبدالله البيئي "
               "أكثر من 7 آلاف زائر اكتظت بهم جنبات المنتزه")
    visitors = dict(unit="زائر", subject_key="زائر", qualifier="more_than")
    assert run([_row("s", "a", "alyaum", 9000, day_two, **visitors),
                _row("s", "b", "okaz", 7000, undated, **visitors)]) == {}
    # two counts of the same day still disagree
    assert run([_row("s", "a", "alyaum", 9000, day_two, **visitors),
                _row("s", "b", "okaz", 7000, undated + " في يومه الثاني", **visitors)]) == {"s": [7000, 9000]}


def test_one_of_something_is_no_count_to_dispute(disputes):
    run, _ = disputes
    jazan = ("أوضح الناطق الإعلامي بفرع هيئة الهلال الأحمر في جازان أن غرفة العمليات تلقت بلاغا عن وقوع حادث "
             "على طريق جازان المضايا لقي فيه {} مصرعهم")
    family = dict(unit="عائلة", subject_key="عائلة")
    assert run([_row("s", "a", "aleqtisadiya", 7, jazan.format("7 من عائلة"), text="7 من عائلة", **family),
                _row("s", "b", "alriyadh", 1, jazan.format("أربعة أشخاص من عائلة واحدة"), text="عائلة واحدة",
                     **family)]) == {}
    assert run([_row("s", "a", "aleqtisadiya", 7, jazan.format("7 من عائلة"), text="7 من عائلة", **family),
                _row("s", "b", "alriyadh", 4, jazan.format("4 من عائلة"), text="4 من عائلة",
                     **family)]) == {"s": [4, 7]}
