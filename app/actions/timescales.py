"""Reading a timescale as written ("May 23", "Every Q", "Ongoing") into a due date or recurrence.

Text that cannot be read is kept and flagged, never rejected and never guessed.
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


@dataclass(frozen=True)
class Timescale:
    """What a timescale's text means."""

    due_date: date | None
    recurrence: Recurrence
    readable: bool


def end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def read_timescale(text: str | None) -> Timescale:
    """The due date (last day of the named month) or recurrence the text names."""
    if text is None or not text.strip():
        return Timescale(due_date=None, recurrence=Recurrence.none, readable=True)
    normal = " ".join(text.strip().lower().rstrip(".").split())
    if normal in RECURRENCES:
        return Timescale(due_date=None, recurrence=RECURRENCES[normal], readable=True)
    match = _MONTH_YEAR.match(normal)
    if match and match["month"] in MONTHS:
        year = int(match["year"])
        if year < 100:
            year += 2000
        if 1900 <= year <= 2999:
            return Timescale(
                due_date=end_of_month(year, MONTHS[match["month"]]),
                recurrence=Recurrence.none,
                readable=True,
            )
    return Timescale(due_date=None, recurrence=Recurrence.none, readable=False)
