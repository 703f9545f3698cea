"""Gregorian dates written in Arabic news, read as ISO 8601: the month names of Morocco
(يوليوز، غشت، شتنبر)، Algeria and Tunisia (جانفي، جوان، أوت), Egypt and the Gulf (مايو،
أغسطس) and the Levant and Iraq (كانون الثاني، آذار، تشرين الأول), Western or Eastern digits,
numeric dates and ranges within one month. dateparser (checked) knows none of the Maghreb or
Levantine names, hence this small reader. Relative dates (السنة الجارية) and Hijri ones
give None: only what the text states is read."""

from __future__ import annotations

import re

from annotator.core.text.folding import normalise_for_search

_MONTH_NAMES = {
    1: "يناير جانفي كانون_الثاني",
    2: "فبراير فيفري شباط",
    3: "مارس آذار",
    4: "أبريل إبريل أفريل نيسان",
    5: "ماي مايو أيار",
    6: "يونيو يونيه جوان حزيران",
    7: "يوليوز يوليو يوليه جويلية تموز",
    8: "غشت أغسطس أوت آب",
    9: "شتنبر سبتمبر أيلول",
    10: "أكتوبر تشرين_الأول",
    11: "نونبر نوفمبر تشرين_الثاني",
    12: "دجنبر ديسمبر دسمبر كانون_الأول",
}
# Folded as search folds text (hamza forms, teh marbuta, tashkeel), so spelling variants meet.
_MONTHS = {
    normalise_for_search(name.replace("_", " ")): month
    for month, names in _MONTH_NAMES.items()
    for name in names.split()
}
_MONTH = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_FIRST = normalise_for_search("فاتح")  # «فاتح أبريل»: the first of the month, in Morocco
_DAY = rf"(?:\d{{1,2}}|{_FIRST})"
_YEAR = r"(?P<year>\d{4})(?!\d)(?!\s*ه)"  # «1443 هـ» is Hijri: not read
_RANGE = re.compile(
    rf"(?<!\d)(?P<d1>{_DAY})\s*(?:الي|-|–|و)\s*(?P<d2>{_DAY})\s+(?:من\s+)?(?:شهر\s+)?"
    rf"(?P<month>{_MONTH})\s*،?\s*{_YEAR}"
)
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(?P<day>{_DAY})\s+(?:من\s+)?(?:شهر\s+)?(?P<month>{_MONTH})\s*،?\s*{_YEAR}"
)
_NUMERIC = re.compile(
    r"(?<!\d)(?:(?P<year>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})"
    r"|(?P<d2>\d{1,2})[-/.](?P<m2>\d{1,2})[-/.](?P<y2>\d{4}))(?!\d)"
)
_YEARS = re.compile(r"(?<!\d)(?P<y1>\d{4})\s*[-–/]\s*(?P<y2>\d{4})(?!\d)")
_YEAR_ONLY = re.compile(rf"(?:سنه|عام)\s+{_YEAR}")
_MONTH_YEAR = re.compile(rf"(?:^|(?<=\s))(?:شهر\s+)?(?P<month>{_MONTH})\s*،?\s*{_YEAR}")


def _day(text: str) -> int:
    return 1 if text == _FIRST else int(text)


def _iso(year: int, month: int, day: int | None = None) -> str | None:
    if not 1 <= month <= 12 or not 1000 <= year <= 2999:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    days = (
        31,
        29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    )
    if not 1 <= day <= days[month - 1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def iso_date(text: str) -> str | None:
    """The first date the text states, as ISO 8601: a day (2022-02-02), a range in one
    month (2021-11-10/2021-11-22), a month (2020-05), years (2017/2021) or a year named as
    one («سنة 2024»: 2024); None when it states none."""
    folded = normalise_for_search(text).translate(_DIGITS)
    if match := _RANGE.search(folded):
        year, month = int(match["year"]), _MONTHS[match["month"]]
        first, last = _iso(year, month, _day(match["d1"])), _iso(year, month, _day(match["d2"]))
        if first and last and first < last:
            return f"{first}/{last}"
    if match := _DAY_MONTH_YEAR.search(folded):
        return _iso(int(match["year"]), _MONTHS[match["month"]], _day(match["day"]))
    if match := _NUMERIC.search(folded):
        if match["year"]:
            return _iso(int(match["year"]), int(match["m1"]), int(match["d1"]))
        return _iso(int(match["y2"]), int(match["m2"]), int(match["d2"]))
    if match := _MONTH_YEAR.search(folded):
        return _iso(int(match["year"]), _MONTHS[match["month"]])
    if (match := _YEARS.search(folded)) and match["y1"] < match["y2"]:
        return f"{match['y1']}/{match['y2']}"
    if match := _YEAR_ONLY.search(folded):
        return match["year"]
    return None
