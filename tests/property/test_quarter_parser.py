"""Properties of the financial-year quarter parser (`2023-24-Q2`), for any input."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import example, given
from hypothesis import strategies as st

from app.reports.quarters import Quarter

quarters = st.builds(Quarter, year=st.integers(1900, 2999), number=st.integers(1, 4))
days = st.dates(min_value=date(1900, 4, 1), max_value=date(2999, 12, 31))


@given(quarters)
def test_every_label_parses_back_to_the_same_quarter(quarter: Quarter) -> None:
    assert Quarter.parse(quarter.label) == quarter
    assert str(quarter) == quarter.label


@given(st.text())
@example("٢٠٢٣-٢٤-Q1")  # digits of another script
@example("2023-24-Q1\n")
@example("2023-24-Q1\x00")
@example("2999-00-Q4")
def test_any_text_parses_to_its_own_label_or_gives_the_documented_error(text: str) -> None:
    try:
        quarter = Quarter.parse(text)
    except ValueError as error:
        assert str(error)
        return
    assert quarter.label == text.strip()


@given(days)
def test_a_day_falls_in_the_quarter_that_contains_it_and_no_other(day: date) -> None:
    quarter = Quarter.containing(day)
    assert quarter.start <= day <= quarter.end
    assert not quarter.previous.start <= day <= quarter.previous.end
    assert not quarter.next.start <= day <= quarter.next.end


@given(days)
def test_april_to_june_is_q1_and_january_to_march_is_q4_of_the_year_before(day: date) -> None:
    quarter = Quarter.containing(day)
    if day.month in (4, 5, 6):
        assert quarter == Quarter(day.year, 1)
    elif day.month in (1, 2, 3):
        assert quarter == Quarter(day.year - 1, 4)
    else:
        assert quarter.year == day.year
        assert quarter.number == (day.month - 1) // 3


@given(days, days)
def test_later_days_never_fall_in_earlier_quarters(first: date, second: date) -> None:
    if first <= second:
        assert Quarter.containing(first) <= Quarter.containing(second)


@given(quarters)
def test_quarters_tile_the_calendar(quarter: Quarter) -> None:
    assert quarter.next.start == quarter.end + timedelta(days=1)
    assert quarter.next.previous == quarter
    assert quarter < quarter.next
    assert 89 <= (quarter.end - quarter.start).days + 1 <= 92
    assert Quarter.containing(quarter.start) == quarter == Quarter.containing(quarter.end)
