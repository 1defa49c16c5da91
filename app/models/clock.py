"""The service's clock: what time it is, and what day it is where the council works.

"Today" is the date in the service's time zone (`IPA_TIMEZONE`, Europe/London by default),
never the UTC date or the server's: an officer posting at 00:30 BST on 1 July is posting
on 1 July, in the second quarter. Every default date, every "not in the future" rule,
"overdue" and whether a quarter has closed read `today()`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

DEFAULT_TIME_ZONE = "Europe/London"

_zone = ZoneInfo(DEFAULT_TIME_ZONE)
_now: Callable[[], datetime] = lambda: datetime.now(UTC)  # noqa: E731


def set_time_zone(name: str) -> None:
    """Set the service's time zone (from its settings, at start-up)."""
    global _zone
    _zone = ZoneInfo(name)


def time_zone() -> ZoneInfo:
    return _zone


def utcnow() -> datetime:
    """Now, in UTC, to the microsecond."""
    return _now().astimezone(UTC)


def today() -> date:
    """Today's date in the service's time zone."""
    return _now().astimezone(_zone).date()


@contextmanager
def clock_at(moment: datetime) -> Iterator[None]:
    """Stop the clock at `moment` (with a zone) while the block runs, for tests."""
    global _now
    if moment.tzinfo is None:
        raise ValueError("give the moment a zone")
    previous = _now
    _now = lambda: moment  # noqa: E731
    try:
        yield
    finally:
        _now = previous
