"""Reading a timescale as written ("May 23", "Q4 2026/27", "31/03/2027", "Spring 2024",
"Every Q", "Ongoing") into a due date or recurrence.

Text that cannot be read is kept and flagged, never rejected and never guessed. Dates are
read the British way (day first), and quarters are financial-year quarters (Q1 April-June).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from app.models import Recurrence

MONTHS = {
    name: number
    for number in range(1, 13)
    for name in {
        calendar.month_name[number].lower(),
        calendar.month_abbr[number].lower(),
    }
}
MONTHS["sept"] = 9

RECURRENCES = {
    "ongoing": Recurrence.ongoing,
    "on going": Recurrence.ongoing,
    "on-going": Recurrence.ongoing,
    "continuous": Recurrence.ongoing,
    "every q": Recurrence.quarterly,
    "every quarter": Recurrence.quarterly,
    "quarterly": Recurrence.quarterly,
    "each quarter": Recurrence.quarterly,
    "monthly": Recurrence.monthly,
    "every month": Recurrence.monthly,
    "each month": Recurrence.monthly,
}

_MONTH_YEAR = re.compile(r"^(?P<month>[a-z]+)\.?[\s\-/']*(?P<year>\d{2}|\d{4})$")
# "by end of", "by the end of", "end of", "before", "no later than": the date is the same.
_DEADLINE_WORDS = re.compile(
    r"^(?:by|before|no later than|not later than)?\s*(?:the\s+)?(?:end\s+of\s+)?"
)
_FINANCIAL_YEAR = r"(?P<start>\d{4}|\d{2})\s*[/\-]\s*(?P<end>\d{2}|\d{4})"
_QUARTER = re.compile(
    rf"^q(?:uarter)?\s*(?P<quarter>[1-4])\s*(?:of\s+)?(?:fy\s*)?{_FINANCIAL_YEAR}$"
)
_QUARTER_AFTER = re.compile(rf"^(?:fy\s*)?{_FINANCIAL_YEAR}\s*q(?:uarter)?\s*(?P<quarter>[1-4])$")
_YEAR_ONLY = re.compile(rf"^(?:financial year\s+|fy\s*)?{_FINANCIAL_YEAR}$")
_DAY_MONTH_YEAR = re.compile(
    r"^(?P<day>\d{1,2})[/.\-](?P<month>\d{1,2})[/.\-](?P<year>\d{4}|\d{2})$"
)
_ISO_DATE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$")
_SEASON = re.compile(r"^(?P<season>spring|summer|autumn|fall|winter)\s+(?P<year>\d{4}|\d{2})$")
# A season ends with its last month; winter 2024 is December 2024 to February 2025.
SEASON_ENDS = {
    "spring": (5, 0),
    "summer": (8, 0),
    "autumn": (11, 0),
    "fall": (11, 0),
    "winter": (2, 1),
}


@dataclass(frozen=True)
class Timescale:
    """What a timescale's text means."""

    due_date: date | None
    recurrence: Recurrence
    readable: bool


def end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(text: str) -> int | None:
    year = int(text)
    if year < 100:
        year += 2000
    return year if 1900 <= year <= 2999 else None


def _financial_year_end(start_text: str, end_text: str) -> int | None:
    """The calendar year a financial year ends in ("2026/27" ends in 2027), or None when the
    two halves are not consecutive years."""
    start = _year(start_text)
    end = (
        int(end_text)
        if len(end_text) == 4
        else (start // 100 * 100 + int(end_text) if start else 0)
    )
    if start is None or end != start + 1:
        return None
    return end


def quarter_end(end_year: int, quarter: int) -> date:
    """The last day of a financial-year quarter, for the financial year ending in `end_year`."""
    month = (3 + 3 * quarter) if quarter < 4 else 3
    year = end_year - 1 if quarter < 4 else end_year
    return end_of_month(year, month)


def _due_date(normal: str) -> date | None:
    """The date a one-off timescale names, or None when it names none this reader knows."""
    match = _MONTH_YEAR.match(normal)
    if match and match["month"] in MONTHS and (year := _year(match["year"])):
        return end_of_month(year, MONTHS[match["month"]])
    match = _QUARTER.match(normal) or _QUARTER_AFTER.match(normal)
    if match and (end := _financial_year_end(match["start"], match["end"])):
        return quarter_end(end, int(match["quarter"]))
    match = _YEAR_ONLY.match(normal)
    if match and (end := _financial_year_end(match["start"], match["end"])):
        return quarter_end(end, 4)
    match = _DAY_MONTH_YEAR.match(normal) or _ISO_DATE.match(normal)
    if match and (year := _year(match["year"])):
        try:
            return date(year, int(match["month"]), int(match["day"]))
        except ValueError:
            return None
    match = _SEASON.match(normal)
    if match and (year := _year(match["year"])):
        month, later = SEASON_ENDS[match["season"]]
        return end_of_month(year + later, month)
    return None


def read_timescale(text: str | None) -> Timescale:
    """The due date or recurrence the text names."""
    if text is None or not text.strip():
        return Timescale(due_date=None, recurrence=Recurrence.none, readable=True)
    normal = " ".join(text.strip().lower().rstrip(".").split())
    if normal in RECURRENCES:
        return Timescale(due_date=None, recurrence=RECURRENCES[normal], readable=True)
    due = _due_date(normal) or _due_date(_DEADLINE_WORDS.sub("", normal, count=1))
    if due is not None:
        return Timescale(due_date=due, recurrence=Recurrence.none, readable=True)
    return Timescale(due_date=None, recurrence=Recurrence.none, readable=False)


def write_due_date(due: date) -> str:
    """A due date as a timescale that reads back as exactly that date: `31/03/2027`."""
    return due.strftime("%d/%m/%Y")
