"""Properties of the timescale parser ("May 23", "Every Q", "Ongoing"), for any input."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hypothesis import example, given
from hypothesis import strategies as st

from app.actions.timescales import RECURRENCES, Timescale, end_of_month, read_timescale
from app.models import Recurrence

months = st.integers(1, 12)
years = st.integers(1900, 2999)


@st.composite
def written_timescales(draw: st.DrawFn) -> tuple[str, int, int]:
    """A month and year as people write them in a plan: "May 23", "Sept-2024", "JUNE '25"."""
    month, year = draw(months), draw(years)
    name = draw(
        st.sampled_from(
            [calendar.month_name[month], calendar.month_abbr[month]]
            + (["Sept"] if month == 9 else [])
        )
    )
    name = draw(st.sampled_from([name, name.lower(), name.upper()]))
    dot = draw(st.sampled_from(["", "."]))
    separator = draw(st.sampled_from([" ", "  ", "-", "/", " '", "'", " - "]))
    written_year = (
        str(year)
        if not 2000 <= year <= 2099
        else draw(st.sampled_from([str(year), f"{year % 100:02d}"]))
    )
    padding = draw(st.sampled_from(["", " ", "\t"]))
    return f"{padding}{name}{dot}{separator}{written_year}{padding}", month, year


@given(written_timescales())
def test_a_written_month_gives_the_last_day_of_that_month(written: tuple[str, int, int]) -> None:
    text, month, year = written
    assert read_timescale(text) == Timescale(
        due_date=end_of_month(year, month), recurrence=Recurrence.none, readable=True
    )


@given(st.text())
@example("\x00")
@example("May \x0023")
@example("May ٢٣")
@example("Feb 1900")
@example("Dec 2999")
@example("Jan 3000")
def test_any_text_is_read_without_error_and_never_guessed(text: str) -> None:
    result = read_timescale(text)
    if not result.readable:
        assert result == Timescale(due_date=None, recurrence=Recurrence.none, readable=False)
    if result.due_date is not None:
        assert result.readable
        assert result.recurrence is Recurrence.none
        assert (result.due_date + timedelta(days=1)).day == 1
        assert 1900 <= result.due_date.year <= 2999
    if result.recurrence is not Recurrence.none:
        assert result.due_date is None


@given(st.text())
def test_surrounding_space_and_case_do_not_change_the_reading(text: str) -> None:
    assert read_timescale(f"  {text}\t") == read_timescale(text)
    if text.isascii():
        assert read_timescale(text.upper()) == read_timescale(text.lower())


@given(st.sampled_from(sorted(RECURRENCES)), st.sampled_from(["", ".", " "]))
def test_recurrences_set_no_due_date(text: str, suffix: str) -> None:
    result = read_timescale(text.title() + suffix)
    assert result == Timescale(due_date=None, recurrence=RECURRENCES[text], readable=True)


@given(written_timescales(), written_timescales())
def test_later_months_are_due_later(
    first: tuple[str, int, int], second: tuple[str, int, int]
) -> None:
    (text1, month1, year1), (text2, month2, year2) = first, second
    due1, due2 = read_timescale(text1).due_date, read_timescale(text2).due_date
    assert due1 is not None and due2 is not None
    assert ((year1, month1) < (year2, month2)) == (due1 < due2)
    assert ((year1, month1) == (year2, month2)) == (due1 == due2)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
def test_the_due_date_of_a_month_is_its_last_day(day: date) -> None:
    text = f"{calendar.month_abbr[day.month]} {day.year}"
    due = read_timescale(text).due_date
    assert due is not None
    assert due >= day
    assert (due.year, due.month) == (day.year, day.month)
    assert (due + timedelta(days=1)).day == 1
