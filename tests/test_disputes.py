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
    con.execute("CREATE TABLE entities (doc_id VARCHAR, sentence_idx INTEGER, label VARCHAR, entity_id VARCHAR)")
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
    con.execute("INSERT INTO entities VALUES ('a', 0, 'LOC', 'aden'), ('b', 0, 'LOC', 'taiz')")
    assert run(rows) == {}
    con.execute("INSERT INTO entities VALUES ('b', 0, 'LOC', 'aden')")  # both name Aden
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
