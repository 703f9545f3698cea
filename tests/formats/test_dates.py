"""Dates of Arabic news read as ISO 8601, in the month names of each region."""

from __future__ import annotations

import pytest

from annotator.core.text.dates import iso_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("اليوم الأربعاء 02 فبراير 2022", "2022-02-02"),  # Morocco and the Gulf
        ("فاتح يوليوز 2021", "2021-07-01"),  # Morocco: فاتح is the first
        ("15 شتنبر 2020", "2020-09-15"),
        ("2 غشت 2019", "2019-08-02"),
        ("10 نونبر 2020", "2020-11-10"),
        ("5 دجنبر 2021", "2021-12-05"),
        ("12 جانفي 2023", "2023-01-12"),  # Algeria and Tunisia
        ("2 فيفري 2021", "2021-02-02"),
        ("17 أفريل 2022", "2022-04-17"),
        ("8 جوان 2021", "2021-06-08"),
        ("4 جويلية 2022", "2022-07-04"),
        ("20 أوت 2021", "2021-08-20"),
        ("9 مايو 2022", "2022-05-09"),  # Egypt and the Gulf
        ("3 أغسطس 2020", "2020-08-03"),
        ("1 كانون الثاني 2020", "2020-01-01"),  # the Levant and Iraq
        ("3 تشرين الأول 2021", "2021-10-03"),
        ("12 أيار 2019", "2019-05-12"),
        ("7 آذار 2018", "2018-03-07"),
        ("٣ مارس ٢٠٢٤", "2024-03-03"),  # Eastern digits
        ("۱۵ إبريل ۲۰۲۰", "2020-04-15"),
        ("الفترة الممتدة من 10 إلى 22 نوفمبر 2021", "2021-11-10/2021-11-22"),
        ("15/03/2020", "2020-03-15"),
        ("2020-03-15", "2020-03-15"),
        ("شهر يونيو 2023", "2023-06"),
        ("2017-2021", "2017/2021"),
        ("سنة 2024", "2024"),
    ],
)
def test_a_stated_date_is_read(text: str, iso: str) -> None:
    assert iso_date(text) == iso


@pytest.mark.parametrize(
    "text",
    [
        "السنة الجارية",  # relative: the text does not state it
        "أمس الثلاثاء",
        "فاتح أبريل الجاري",  # no year
        "30 فبراير 2021",  # no such day
        "12 رجب 1443 هـ",  # Hijri: not a Gregorian date
        "اليوم الإفريقي للمرفق العام",
        "2021-2017",
    ],
)
def test_what_the_text_does_not_state_gives_none(text: str) -> None:
    assert iso_date(text) is None
