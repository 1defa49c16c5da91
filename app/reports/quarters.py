"""Financial-year quarters, written `2023-24-Q1` (April to June 2023)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_QUARTER = re.compile(r"^(?P<start>[0-9]{4})-(?P<end>[0-9]{2})-Q(?P<q>[1-4])$")

# The same rule for the contract, where a pattern cannot add one to a year: the two digits of
# the years a financial year spans, from 1900-01 to 2999-00.
QUARTER_PATTERN = (
    "^(19|2[0-9])(" + "|".join(f"{n:02d}-{(n + 1) % 100:02d}" for n in range(100)) + ")-Q[1-4]$"
)


@dataclass(frozen=True, order=True)
class Quarter:
    """A quarter of the financial year that starts on 1 April of `year`."""

    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """`2023-24-Q2` → Quarter(2023, 2); ValueError for anything else."""
        match = _QUARTER.match(text)
        if match is None:
            raise ValueError("write quarters as YYYY-YY-QN, for example 2023-24-Q2")
        year = int(match["start"])
        if (year + 1) % 100 != int(match["end"]):
            raise ValueError(
                f"{year}-{match['end']} is not a financial year; did you mean "
                f"{year}-{(year + 1) % 100:02d}?"
            )
        if not 1900 <= year <= 2999:
            raise ValueError("the year is out of range")
        return cls(year, int(match["q"]))

    @classmethod
    def containing(cls, day: date) -> Quarter:
        year = day.year if day.month >= 4 else day.year - 1
        return cls(year, (day.month - 4) % 12 // 3 + 1)

    @classmethod
    def last_closed(cls, today: date) -> Quarter:
        """The latest quarter that has ended by `today`: a report's usual default."""
        return cls.containing(today).previous

    @property
    def label(self) -> str:
        return f"{self.year}-{(self.year + 1) % 100:02d}-Q{self.number}"

    @property
    def start(self) -> date:
        month = 4 + 3 * (self.number - 1)
        return date(self.year + (month > 12), (month - 1) % 12 + 1, 1)

    @property
    def end(self) -> date:
        return self.next.start - timedelta(days=1)

    @property
    def next(self) -> Quarter:
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    @property
    def previous(self) -> Quarter:
        return (
            Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)
        )

    def __str__(self) -> str:
        return self.label
