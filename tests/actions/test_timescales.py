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


@pytest.mark.parametrize("text", ["Spring 23", "ASAP", "Mayday 23", "May", "13/2023", "Sep 123"])
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
