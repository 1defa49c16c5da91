"""Timescales as councils write them."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.actions.timescales import read_timescale
from app.models import Recurrence


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("May 23", date(2023, 5, 31)),
        ("July 23", date(2023, 7, 31)),
        ("Sep 23", date(2023, 9, 30)),
        ("Sept 2023", date(2023, 9, 30)),
        ("Feb 24", date(2024, 2, 29)),
        ("feb-25", date(2025, 2, 28)),
        ("  Nov   23 ", date(2023, 11, 30)),
        ("June 2024", date(2024, 6, 30)),
    ],
)
def test_month_and_year_give_the_last_day_of_that_month(text: str, due: date) -> None:
    timescale = read_timescale(text)
    assert timescale.due_date == due
    assert timescale.recurrence == Recurrence.none
    assert timescale.readable


@pytest.mark.parametrize(
    ("text", "recurrence"),
    [
        ("Ongoing", Recurrence.ongoing),
        ("Every Q", Recurrence.quarterly),
        ("Quarterly", Recurrence.quarterly),
        ("Monthly", Recurrence.monthly),
    ],
)
def test_recurrences(text: str, recurrence: Recurrence) -> None:
    timescale = read_timescale(text)
    assert timescale.recurrence == recurrence
    assert timescale.due_date is None
    assert timescale.readable


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # Financial-year quarters: Q1 is April to June, Q4 January to March of the next year.
        ("Q4 2026/27", date(2027, 3, 31)),
        ("Q1 2023-24", date(2023, 6, 30)),
        ("Q2 2023/24", date(2023, 9, 30)),
        ("q3 2027/28", date(2027, 12, 31)),
        ("End of Q3 2027/28", date(2027, 12, 31)),
        ("2023/24 Q2", date(2023, 9, 30)),
        ("Quarter 4 2026/2027", date(2027, 3, 31)),
        ("by the end of 2024/25", date(2025, 3, 31)),
        # Dates, day first as British councils write them.
        ("31/03/2027", date(2027, 3, 31)),
        ("1/4/24", date(2024, 4, 1)),
        ("30.06.2025", date(2025, 6, 30)),
        ("2027-03-31", date(2027, 3, 31)),
        # Months with a deadline's words around them.
        ("Sept 23", date(2023, 9, 30)),
        ("by end of March 2024", date(2024, 3, 31)),
        ("By the end of Jan 25", date(2025, 1, 31)),
        ("before June 2024", date(2024, 6, 30)),
        # Seasons end with their last month; winter runs into the next year.
        ("Spring 2024", date(2024, 5, 31)),
        ("Summer 24", date(2024, 8, 31)),
        ("Autumn 2023", date(2023, 11, 30)),
        ("Winter 2024", date(2025, 2, 28)),
    ],
)
def test_quarters_dates_seasons_and_deadlines(text: str, due: date) -> None:
    timescale = read_timescale(text)
    assert (timescale.due_date, timescale.readable) == (due, True)
    assert timescale.recurrence == Recurrence.none


@pytest.mark.parametrize(
    "text",
    [
        "ASAP",
        "Mayday 23",
        "May",
        "13/2023",
        "Sep 123",
        "31/02/2027",
        "Q5 2026/27",
        "Q4 2026/28",
        "When the board agrees",
        "End of term",
    ],
)
def test_unreadable_text_is_flagged_not_guessed(text: str) -> None:
    timescale = read_timescale(text)
    assert not timescale.readable
    assert timescale.due_date is None


def test_blank_is_readable_with_no_due_date() -> None:
    assert read_timescale(None).readable
    assert read_timescale("  ").due_date is None


@given(st.text(max_size=40))
def test_any_text_is_read_without_error(text: str) -> None:
    timescale = read_timescale(text)
    assert timescale.readable or timescale.due_date is None
    if timescale.due_date is not None:
        assert timescale.recurrence == Recurrence.none


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=0, max_value=99))
def test_every_month_abbreviation_round_trips(month: int, year: int) -> None:
    import calendar

    timescale = read_timescale(f"{calendar.month_abbr[month]} {year:02d}")
    assert timescale.due_date is not None
    assert (timescale.due_date.year, timescale.due_date.month) == (2000 + year, month)
    assert timescale.due_date.day == calendar.monthrange(2000 + year, month)[1]
