"""Datelines, relative ages and Arabic month names."""

from __future__ import annotations

import datetime as dt

import pytest

from akhbar.metadata import date_residue, is_age_line, month_number, parse_date, parse_dateline

UTC = dt.timezone.utc
REF = dt.datetime(2015, 7, 22, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "line,kind,expected",
    [
        ("تاريخ النشر: 28.10.2024 | 12:56 GMT", "published", dt.datetime(2024, 10, 28, 12, 56, tzinfo=UTC)),
        ("آخر تحديث: 28.10.2024 | 13:47 GMT", "updated", dt.datetime(2024, 10, 28, 13, 47, tzinfo=UTC)),
        ("نشر في ٢٢ يوليو ٢٠١٥", "published", dt.datetime(2015, 7, 22, tzinfo=UTC)),
        ("نُشر في: الأربعاء، 22 تموز/يوليو 2015 الساعة 03:40 مساءً", "published", dt.datetime(2015, 7, 22, 15, 40, tzinfo=UTC)),
        ("الأحد ١٢ كانون الثاني ٢٠٢٠ - ٠٨:٣٠ ص", "date", dt.datetime(2020, 1, 12, 8, 30, tzinfo=UTC)),
        ("30 أبريل 2025 10:16 م", "date", dt.datetime(2025, 4, 30, 22, 16, tzinfo=UTC)),
        ("12:30 ص 1 تشرين الثاني 2019", "date", dt.datetime(2019, 11, 1, 0, 30, tzinfo=UTC)),
        ("2015-07-21 02:51", "date", dt.datetime(2015, 7, 21, 2, 51, tzinfo=UTC)),
        ("الخميس 23 يوليو 2015 03:00 م GMT+3", "date",
         dt.datetime(2015, 7, 23, 15, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))),
        ("نشر في 22 يوليوز 2024", "published", dt.datetime(2024, 7, 22, tzinfo=UTC)),
        ("منذ 3 ساعات", "date", REF - dt.timedelta(hours=3)),
        ("منذ ساعة", "date", REF - dt.timedelta(hours=1)),
        ("منذ ساعتين", "date", REF - dt.timedelta(hours=2)),
        ("قبل ثلاث دقائق", "date", REF - dt.timedelta(minutes=3)),
        ("منذ يومين", "date", REF - dt.timedelta(days=2)),
    ],
)
def test_datelines(line, kind, expected):
    info = parse_dateline(line, REF)
    assert info is not None, line
    assert info.kind == kind
    assert info.when == expected
    assert info.when.tzinfo is not None


def test_relative_needs_reference():
    assert parse_dateline("منذ 3 ساعات") is None
    assert parse_dateline("منذ 3 ساعات", REF).relative


def test_naive_reference_taken_as_utc():
    info = parse_dateline("منذ ساعة", dt.datetime(2015, 7, 22, 10, 0))
    assert info is not None and info.when == dt.datetime(2015, 7, 22, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "sentence",
    [
        "وقعت بيونغ يانغ وموسكو المعاهدة في 12 يونيو 2024 خلال زيارة نادرة",
        "وكان البنك قد رفع الفائدة آخر مرة في 12 حزيران 2023، بعد اجتماع استثنائي.",
        "تنفّذ القوات الأوكرانية عملية عسكرية منذ أغسطس",
        "منذ ساعات الصباح الأولى تجمع المتظاهرون",
        "12 ألف جندي",
        "60 دقيقة",
    ],
)
def test_sentences_are_not_datelines(sentence):
    assert parse_dateline(sentence, REF) is None


def test_parse_date_inside_sentence():
    assert parse_date("وقعت المعاهدة في 12 يونيو/حزيران 2024 خلال الزيارة") == dt.datetime(2024, 6, 12, tzinfo=UTC)
    assert parse_date("لا تاريخ هنا") is None


def test_month_names_all_regions():
    assert month_number("كانون الثاني") == 1
    assert month_number("شباط") == 2
    assert month_number("آذار") == 3
    assert month_number("نيسان") == 4
    assert month_number("أيار") == 5
    assert month_number("حزيران") == 6
    assert month_number("تموز") == 7
    assert month_number("آب") == 8
    assert month_number("أيلول") == 9
    assert month_number("تشرين الأول") == 10
    assert month_number("تشرين الثاني") == 11
    assert month_number("كانون الأول") == 12
    for i, name in enumerate(
        ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"], 1
    ):
        assert month_number(name) == i
    assert month_number("إبريل") == 4 and month_number("يونية") == 6
    assert month_number("ليس شهرا") is None


def test_age_lines_and_residue():
    assert is_age_line("منذ ساعة")
    assert is_age_line("قبل 5 دقائق")
    assert not is_age_line("منذ ساعة تقريبا قال الوزير")
    assert date_residue("الأحد 22 يوليو 2015") == []
    assert date_residue("اجتماع الأحد 22 يوليو 2015") == ["اجتماع"]
