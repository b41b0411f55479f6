from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from etl.text.dates import month_names, parse_date

UTC = timezone.utc


@pytest.mark.parametrize("raw, expected", [
    ("Sat, 14 Apr 2018 13:31:34 GMT", datetime(2018, 4, 14, 13, 31, 34, tzinfo=UTC)),
    ("Wed, 24 Jan 2024 09:12:00 +0300", datetime(2024, 1, 24, 6, 12, tzinfo=UTC)),
    ("2018-04-14T13:31:34+03:00", datetime(2018, 4, 14, 10, 31, 34, tzinfo=UTC)),
    ("2018-04-14T13:31:34Z", datetime(2018, 4, 14, 13, 31, 34, tzinfo=UTC)),
    ("2024-01-24 08:00:00", datetime(2024, 1, 24, 8, tzinfo=UTC)),
    ("الأحد 14 أبريل 2018 - 13:31", datetime(2018, 4, 14, 13, 31, tzinfo=UTC)),
    ("14 نيسان 2018", datetime(2018, 4, 14, tzinfo=UTC)),
    ("٢٤ كانون الثاني ٢٠٢٤ ١٠:٣٠ م", datetime(2024, 1, 24, 22, 30, tzinfo=UTC)),
    ("الأربعاء 24 يناير/كانون الثاني 2024 الساعة 09:15 GMT+3", datetime(2024, 1, 24, 6, 15, tzinfo=UTC)),
    ("5 أوت 2019", datetime(2019, 8, 5, tzinfo=UTC)),
    ("3 تشرين الأول 2023 12:05 ص", datetime(2023, 10, 3, 0, 5, tzinfo=UTC)),
    ("24/01/2024 09:15", datetime(2024, 1, 24, 9, 15, tzinfo=UTC)),
])
def test_parse_date(raw, expected):
    assert parse_date(raw) == expected


def test_zone_less_dates_use_the_source_zone():
    assert parse_date("24 كانون الثاني 2024 - 11:20", ZoneInfo("Asia/Baghdad")) == datetime(2024, 1, 24, 8, 20, tzinfo=UTC)
    # an explicit zone wins over the default
    assert parse_date("Wed, 24 Jan 2024 09:12:00 GMT", ZoneInfo("Asia/Baghdad")) == datetime(2024, 1, 24, 9, 12, tzinfo=UTC)


@pytest.mark.parametrize("raw", [None, "", "   ", "not a date", "31 فبراير 2020", "قبل ساعتين"])
def test_unreadable_dates_are_none(raw):
    assert parse_date(raw) is None


def test_month_table_covers_all_three_systems():
    names = month_names()
    assert sorted(set(names.values())) == list(range(1, 13))
    assert names["يناير"] == names["كانون الثاني"] == names["جانفي"] == 1
    assert names["تشرين الاول"] == 10 and names["تشرين الثاني"] == 11  # stored normalized (alef folded)
