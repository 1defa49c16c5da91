"""The board pack: what the HTML, PDF and workbook packs show, taken from one report.

A pack is built from a report's data model (the quarterly report, or a meeting's snapshot)
and computes nothing of its own, so every format shows the numbers the JSON has.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from app.models import RatingDefinitions
from app.reports.schemas import (
    ExceptionReason,
    Movement,
    MovementCounts,
    QuarterAction,
    QuarterlyReport,
)
from app.reports.service import RATING_KEYS

RATING_WORDS = {
    "red": "Red",
    "amber": "Amber",
    "green": "Green",
    "blue": "Blue",
    "not_rated": "Not rated",
}
REASON_WORDS = {
    ExceptionReason.red: "Rated red",
    ExceptionReason.overdue: "Overdue",
    ExceptionReason.slipped: "Due date slipped",
    ExceptionReason.stale: "No recent update",
    ExceptionReason.amber_two_quarters: "Amber two quarters running",
    ExceptionReason.no_update_in_quarter: "No update in the quarter",
}
MOVEMENT_WORDS = {
    Movement.improved: "Improved",
    Movement.declined: "Declined",
    Movement.unchanged: "Unchanged",
    Movement.newly_rated: "Newly rated",
    Movement.no_longer_rated: "No longer rated",
    Movement.not_rated: "Not rated",
}
STATUS_WORDS = {
    "not_started": "Not started",
    "in_progress": "In progress",
    "complete": "Complete",
    "deferred": "Deferred",
    "cancelled": "Cancelled",
}
_UNSAFE_IN_FILENAME = re.compile(r"[^A-Za-z0-9._-]+")


def rating_key(rag: object) -> str:
    """`red`..`blue`, or `not_rated` for None: a rating as the pack's tables key it."""
    value = getattr(rag, "value", rag)
    return str(value) if value else "not_rated"


def uk_date(day: date | None) -> str:
    """`31 July 2023`: dates as a UK board paper writes them."""
    return f"{day.day} {day:%B %Y}" if day else ""


def download_name(key: str, *parts: str) -> str:
    """A file name from the plan's key and the report's parts, safe in any header or folder."""
    return "-".join(_UNSAFE_IN_FILENAME.sub("_", part).strip("_") for part in (key, *parts))


@dataclass(frozen=True)
class RatingCounts:
    """A line of counts by rating: an area, the whole plan, or a point of the trend."""

    label: str
    actions: int
    by_rating: dict[str, int]
    updates: int | None = None


@dataclass(frozen=True)
class PackAction:
    """One action's line in the pack's tables."""

    ref: str
    title: str
    area_ref: str
    lead_officers: str
    timescale: str
    due_date: date | None
    rating: str
    previous_rating: str | None
    movement: str
    status: str
    last_update_date: date | None
    days_overdue: int | None
    reasons: list[str]
    narrative: str
    next_steps: str
    updates: int | None = None  # in the period, where the report counts them


@dataclass(frozen=True)
class SlippedLine:
    ref: str
    title: str
    from_date: date | None
    to_date: date | None
    reason: str
    changed_on: date | None


@dataclass(frozen=True)
class InspectionLine:
    label: str
    text: str
    actions: list[tuple[str, str]]  # (ref, rating key)
    gap: bool


@dataclass(frozen=True)
class Definition:
    rating: str
    word: str
    meaning: str


@dataclass(frozen=True)
class BoardPack:
    """Everything a board pack shows, in the order it shows it."""

    kind: str
    plan_title: str
    organisation: str
    version_label: str | None
    heading: str  # the quarter, or the meeting
    covers: str  # the days the numbers describe
    produced_at: datetime
    filename: str  # without extension
    totals: RatingCounts
    areas: list[RatingCounts]
    movement_since: str
    movement: MovementCounts
    trend_caption: str
    trend: list[RatingCounts]
    exceptions: list[PackAction]
    overdue: list[PackAction]
    slipped: list[SlippedLine]
    inspections: list[InspectionLine]
    actions: list[PackAction]
    definitions: list[Definition]
    updates_total: int | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def footer(self) -> str:
        return f"{self.plan_title} · {self.heading}"


def definitions(ratings: RatingDefinitions) -> list[Definition]:
    meanings = ratings.model_dump()
    return [
        *(Definition(key, RATING_WORDS[key], meanings[key]) for key in RATING_KEYS[:4]),
        Definition("not_rated", RATING_WORDS["not_rated"], "No rating has been given yet."),
    ]


def _quarter_action(action: QuarterAction) -> PackAction:
    return PackAction(
        ref=action.ref,
        title=action.title,
        area_ref=action.area_ref,
        lead_officers="; ".join(action.lead_officers),
        timescale=action.timescale or "",
        due_date=action.due_date,
        rating=rating_key(action.rag),
        previous_rating=rating_key(action.previous_rag),
        movement=MOVEMENT_WORDS[action.movement],
        status=STATUS_WORDS[action.status.value],
        last_update_date=action.last_update_date,
        days_overdue=action.days_overdue,
        reasons=[REASON_WORDS[reason] for reason in action.exceptions],
        narrative=action.latest_narrative or "",
        next_steps=action.latest_next_steps or "",
        updates=action.updates_in_quarter,
    )


def quarterly_filename(report: QuarterlyReport) -> str:
    """The quarterly report's download name, in every format."""
    return download_name(report.plan.key or report.plan.id, "quarterly-report", report.period.label)


def quarterly_pack(report: QuarterlyReport) -> BoardPack:
    """The quarterly QA report as a board pack."""
    period = report.period
    plan = report.plan
    rows = {action.action_id: _quarter_action(action) for action in report.actions}
    return BoardPack(
        kind="Quarterly Quality Assurance report",
        plan_title=plan.title,
        organisation=plan.organisation,
        version_label=plan.version_label,
        heading=f"Quarter {period.label}",
        covers=f"{uk_date(period.start)} to {uk_date(period.end)}",
        produced_at=report.computed_at,
        filename=quarterly_filename(report),
        totals=RatingCounts(
            "All areas",
            report.totals.actions,
            report.totals.by_rating.model_dump(),
            report.updates.total,
        ),
        areas=[
            RatingCounts(
                f"{a.ref} {a.title}", a.actions, a.by_rating.model_dump(), a.updates_in_quarter
            )
            for a in report.areas
        ],
        movement_since=f"the end of {period.previous}",
        movement=report.movement,
        trend_caption="Ratings at the end of each quarter",
        trend=[
            RatingCounts(point.label, point.actions, point.by_rating.model_dump())
            for point in report.trend
        ],
        exceptions=[rows[a.action_id] for a in report.exceptions],
        overdue=[rows[a.action_id] for a in report.overdue],
        slipped=[
            SlippedLine(
                ref=s.ref,
                title=s.title,
                from_date=s.from_date,
                to_date=s.to_date,
                reason=s.reason,
                changed_on=s.changed_at.date(),
            )
            for s in report.slipped
        ],
        inspections=[
            InspectionLine(
                label=f"{i.source} Improvement Action {i.number}",
                text=i.text,
                actions=[(a.ref, rating_key(a.rag)) for a in i.actions],
                gap=i.no_live_action,
            )
            for i in report.inspection_actions
        ],
        actions=list(rows.values()),
        definitions=definitions(report.rating_definitions),
        updates_total=report.updates.total,
    )


# Charts: the geometry is worked out here, and the template draws it, escaping every label.
CHART_WIDTH = 640
BAR_HEIGHT = 22
LABEL_WIDTH = 220


@dataclass(frozen=True)
class Segment:
    rating: str
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Bar:
    label: str
    total: int
    segments: list[Segment]
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    horizontal: bool


def horizontal_chart(lines: Sequence[RatingCounts]) -> Chart:
    """One stacked bar per line (area), its length the line's share of the longest."""
    most = max((line.actions for line in lines), default=0) or 1
    room = CHART_WIDTH - LABEL_WIDTH - 40
    bars = []
    for index, line in enumerate(lines):
        y = 8 + index * (BAR_HEIGHT + 10)
        bars.append(
            Bar(
                line.label,
                line.actions,
                list(_segments(line, LABEL_WIDTH, y, room / most, horizontal=True)),
                LABEL_WIDTH - 6,
                y + BAR_HEIGHT * 0.7,
            )
        )
    return Chart(CHART_WIDTH, 16 + len(lines) * (BAR_HEIGHT + 10), bars, horizontal=True)


def vertical_chart(lines: Sequence[RatingCounts]) -> Chart:
    """One stacked column per line (quarter), the trend read left to right."""
    height = 220
    most = max((line.actions for line in lines), default=0) or 1
    step = (CHART_WIDTH - 40) / max(len(lines), 1)
    bars = []
    for index, line in enumerate(lines):
        x = 30 + index * step + step * 0.2
        bars.append(
            Bar(
                line.label,
                line.actions,
                list(
                    _segments(
                        line, x, height, (height - 20) / most, horizontal=False, size=step * 0.6
                    )
                ),
                x + step * 0.3,
                height + 16,
            )
        )
    return Chart(CHART_WIDTH, height + 28, bars, horizontal=False)


def _segments(
    line: RatingCounts,
    start: float,
    base: float,
    scale: float,
    *,
    horizontal: bool,
    size: float = BAR_HEIGHT,
) -> Iterable[Segment]:
    offset = 0.0
    for key in RATING_KEYS:
        count = line.by_rating.get(key, 0)
        if not count:
            continue
        length = count * scale
        if horizontal:
            yield Segment(key, count, start + offset, base, length, size)
        else:
            yield Segment(key, count, start, base - offset - length, size, length)
        offset += length
