"""Read the many date forms found in cards, and write them out in French or English."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
_LEADING_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")


def parse_date(value: object) -> dt.date | None:
    """A date from a YAML date, datetime or string such as '2019-06-05 09:29:08 +0000'."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and (match := _LEADING_DATE.match(value)):
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            return None
    return None


def format_date(date: dt.date, language: str = "fr") -> str:
    """'4 avril 2017' in French, 'April 4, 2017' in English."""
    month = MONTHS.get(language, MONTHS["fr"])[date.month - 1]
    if language == "en":
        return f"{month} {date.day}, {date.year}"
    day = "1er" if date.day == 1 else str(date.day)
    return f"{day} {month} {date.year}"
