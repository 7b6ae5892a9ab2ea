import datetime as dt

from eventwire.time.dates import is_duration, parse_offset, resolve

PUB = dt.date(2025, 2, 12)  # a Wednesday


def test_dates_weekday_is_the_publication_day_or_before():
    assert resolve("Wednesday", PUB).date == "2025-02-12"
    assert resolve("on Tuesday", PUB).date == "2025-02-11"
    assert resolve("Thursday", PUB).date == "2025-02-06"


def test_dates_weekday_in_a_future_clause_looks_forward():
    assert resolve("on Thursday", PUB, future=True).date == "2025-02-13"
    assert resolve("Wednesday", PUB, future=True).date == "2025-02-19"  # "will meet on Wednesday", said Wednesday
    assert resolve("Friday", PUB, future=False).date == "2025-02-07"


def test_dates_month_and_year_precision():
    d = resolve("February 2022", PUB)
    assert (d.date, d.precision) == ("2022-02-01", "month")
    y = resolve("2014", PUB)
    assert (y.date, y.precision) == ("2014-01-01", "year")


def test_dates_durations_and_vague_expressions_are_not_dates():
    assert resolve("90 minutes", PUB) is None
    assert is_duration("for 90 minutes")
    assert resolve("recent years", PUB) is None


def test_dates_offsets():
    assert parse_offset("one day after") == (1, "day", 1)
    assert parse_offset("two weeks earlier") == (2, "week", -1)
    assert parse_offset("Wednesday") is None
