"""Financial-year quarters."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.reports.quarters import Quarter


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("2023-24-Q1", date(2023, 4, 1), date(2023, 6, 30)),
        ("2023-24-Q2", date(2023, 7, 1), date(2023, 9, 30)),
        ("2023-24-Q3", date(2023, 10, 1), date(2023, 12, 31)),
        ("2023-24-Q4", date(2024, 1, 1), date(2024, 3, 31)),
        ("1999-00-Q4", date(2000, 1, 1), date(2000, 3, 31)),
    ],
)
def test_quarters_are_financial_year_quarters(label: str, start: date, end: date) -> None:
    quarter = Quarter.parse(label)
    assert (quarter.start, quarter.end, quarter.label) == (start, end, label)


@pytest.mark.parametrize(
    "text", ["2023-Q2", "2023-25-Q1", "2023-24-Q5", "Q2 2023", "2023-24-q2", ""]
)
def test_malformed_quarters_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        Quarter.parse(text)


def test_neighbours() -> None:
    q4 = Quarter.parse("2023-24-Q4")
    assert q4.next.label == "2024-25-Q1"
    assert q4.next.previous == q4
    assert Quarter.parse("2023-24-Q1").previous.label == "2022-23-Q4"


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2900, 12, 31)))
def test_every_day_falls_in_exactly_one_quarter(day: date) -> None:
    quarter = Quarter.containing(day)
    assert quarter.start <= day <= quarter.end
    assert Quarter.parse(quarter.label) == quarter
    assert quarter.next.start == quarter.end + timedelta(days=1)
