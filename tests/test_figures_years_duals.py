"""Pairs of years and dual nouns, on sentences from SaudiNewsNet articles (issue #24)."""

import datetime as dt

from akhbar.figures import extract_figures

REF = dt.date(2015, 7, 25)


def _figs(s: str):
    return [(f.text, f.kind, f.qualifier, f.value, f.unit) for f in extract_figures(s, reference_date=REF)]


def test_season_is_two_years():
    assert _figs("ونهائي دوري ابطال اوروبا في موسم 2012-2013. واشارت الصحف") == [
        ("موسم 2012", "year", "exact", 2012.0, None), ("2013", "year", "exact", 2013.0, None)]


def test_life_dates_are_two_years():
    got = _figs("في المنزل الذي كان يعيش فيه فاغنر (1883 - 1813)، والذي يحمل اسم")
    assert [(t, v) for t, _, _, v, _ in got] == [("1883", 1883.0), ("1813", 1813.0)]


def test_dual_year_word_gives_two_years():
    got = _figs("توقعاته لأسعار النفط في عامي 2015 و 2016 متذرعا بالآثار")
    assert [(t, k, v) for t, k, _, v, _ in got] == [("عامي 2015", "year", 2015.0), ("2016", "year", 2016.0)]


def test_hijri_pair_dates_both_years():
    figs = extract_figures("الانتخابات البلدية في دورتها الثالثة 1436 / 1437 هـ حيث تم", reference_date=REF)
    years = [(f.text, f.kind, f.date_value) for f in figs if f.unit == "year"]
    assert years == [("1436", "date", dt.date(2014, 10, 25)), ("1437 هـ", "date", dt.date(2015, 10, 14))]


def test_periods_stay_ranges():
    [_, f] = extract_figures("منذ الحرب العالمية الثانية (1939-1945)، وشهدت", reference_date=REF)
    assert (f.qualifier, f.value_low, f.value_high) == ("range", 1939.0, 1945.0)
    [_, f] = extract_figures("بنحو 3% خلال الفترة من 2013 ــ 2022، مقدرة", reference_date=REF)
    assert (f.qualifier, f.value_low, f.value_high) == ("range", 2013.0, 2022.0)


def test_duals_of_nouns_with_broken_plurals():
    assert _figs("إذ انقسم الحراك إلى قسمين، صباحا") == [("قسمين", "count", "exact", 2.0, "قسم")]
    assert _figs("ثم جاءت حافلة بطابقين لتنهي حياتها") == [("طابقين", "count", "exact", 2.0, "طابق")]
    assert _figs("ووفقاً لمرسومين رئاسيين تم إصدارهما") == [("مرسومين", "count", "exact", 2.0, "مرسوم")]


def test_dual_adjective_after_a_conjoined_dual():
    got = _figs("في ضوء المصلحة المشتركة للبلدين والشعبين الشقيقين، ومواجهة التحديات")
    assert [t for t, *_ in got] == ["للبلدين", "الشعبين"]
    got = _figs("في فلسطين واليمن والشعبين والحكومتين في سوريا والعراق")
    assert [t for t, *_ in got] == ["الشعبين", "الحكومتين"]


def test_years_after_between_are_a_period():
    [f] = extract_figures("ومن بينهم جورجيو أرماني بين عامي 1991 - 1998.", reference_date=REF)
    assert (f.qualifier, f.value_low, f.value_high) == ("range", 1991.0, 1998.0)


def test_sound_plurals_and_names_are_not_duals():
    assert _figs("تبادلاً لإطلاق النار وقع بين مسلحين خلال حفل زفاف") == []
    assert _figs("خلال حفل زفاف في شمال أفغانستان، حسبما أعلن مسؤولون") == []
    assert _figs("الذين ينشطون في شرق أفغانستان، على حدود باكستان.") == []
    assert _figs("قالت المديرة العامة لصندوق النقد الدولي كريستين لاغارد") == []
    assert _figs("يتقدمهم الفنان يوسف شعبان، وأحمد ماهر") == []
    assert _figs("وسجلهما الوافدان الجديدان على خارطة الفريق") == [("الوافدان", "count", "exact", 2.0, "وافد")]
    assert _figs("كما شاهد اليوناني أداء الوافدين الجديدين في صفوف الفريق") == [("الوافدين", "count", "exact", 2.0, "وافد")]
    assert _figs("خطورة تزايد الوافدين في الأحياء") == []
