"""Dates as the cards write them."""

from __future__ import annotations

import datetime as dt

import pytest

from mkdocs_participation.core.dates import format_date, parse_date


@pytest.mark.parametrize(
    "value",
    [
        "2017-04-04T15:57:58.478+00:00",
        "2017-04-04 09:29:08 +0000",
        "2017-04-04",
        dt.date(2017, 4, 4),
        dt.datetime(2017, 4, 4, 10, 0),
    ],
)
def test_every_legacy_form_gives_the_day(value):
    assert parse_date(value) == dt.date(2017, 4, 4)


@pytest.mark.parametrize("value", ["2017-13-01", "hier", "", 2017, None])
def test_non_dates(value):
    assert parse_date(value) is None


def test_french_and_english_forms():
    assert format_date(dt.date(2017, 4, 4)) == "4 avril 2017"
    assert format_date(dt.date(2019, 8, 1)) == "1er août 2019"
    assert format_date(dt.date(2017, 4, 4), "en") == "April 4, 2017"
