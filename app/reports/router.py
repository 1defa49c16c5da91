"""Reports for the board: the quarterly QA report, exceptions and summaries."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from app import __version__
from app.core.concurrency import client_has, digest_etag
from app.core.deps import SessionDep
from app.core.errors import AppError, ValidationFailed
from app.core.responses import NOT_MODIFIED, problems
from app.core.schemas import IsoDate
from app.core.security import Viewer
from app.models import Plan, utcnow
from app.plans.service import get_plan
from app.reports import service
from app.reports.formats import CSV_TYPE, XLSX_TYPE, to_csv, to_xlsx
from app.reports.quarterly import quarterly_report
from app.reports.quarters import Quarter
from app.reports.schemas import Exceptions, GroupBy, QuarterlyReport, Summary

router = APIRouter(prefix="/reports", tags=["Reports"])


class ReportFormat(StrEnum):
    """A report's representation."""

    json = "json"
    csv = "csv"
    xlsx = "xlsx"


MEDIA_TYPES = {
    ReportFormat.json: "application/json",
    ReportFormat.csv: CSV_TYPE,
    ReportFormat.xlsx: XLSX_TYPE,
}


class NotAcceptable(AppError):
    status_code, slug, title = 406, "not-acceptable", "Not Acceptable"


PlanId = Annotated[str, Query(max_length=40, description="The plan to report on.")]


async def plan_from_query(session: SessionDep, plan_id: PlanId) -> Plan:
    return await get_plan(session=session, plan_id=plan_id)


PlanQuery = Annotated[Plan, Depends(plan_from_query)]


@dataclass(frozen=True)
class ReportedPlan:
    """The plan a quarterly report is asked for, and the fingerprint of its data."""

    id: str
    fingerprint: tuple[Any, ...]


async def reported_plan(session: SessionDep, plan_id: PlanId) -> ReportedPlan:
    """A 404 for an unknown plan before anything else about the request is judged, as every
    report's plan dependency gives, from the statement that reads the fingerprint."""
    fingerprint = await service.plan_fingerprint(session, plan_id)
    if not fingerprint[0]:  # the plan's own counter: 0 when there is no such plan
        await get_plan(session=session, plan_id=plan_id)  # its 404
    return ReportedPlan(plan_id, fingerprint)


AsOf = Annotated[
    IsoDate | None, Query(description="The day to report on (end of day); today when left out.")
]


def _accepted(header: str) -> list[str]:
    """The media ranges of an `Accept` header, most preferred first; q=0 ranges dropped."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        media, *params = (piece.strip() for piece in part.split(";"))
        if not media:
            continue
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if 0 < quality <= 1:
            ranked.append((-quality, position, media.lower()))
    return [media for _, _, media in sorted(ranked)]


def _choose_format(request: Request, format_: ReportFormat | None) -> ReportFormat:
    if format_ is not None:
        return format_
    accept = request.headers.get("Accept", "").strip() or "*/*"
    for media in _accepted(accept):
        if media in {"*/*", "application/*", "application/json", "application/problem+json"}:
            return ReportFormat.json
        for kind, media_type in MEDIA_TYPES.items():
            if media == media_type or (media == "text/*" and kind == ReportFormat.csv):
                return kind
    raise NotAcceptable(
        "The report comes as application/json, text/csv or "
        f"{XLSX_TYPE}; ask for one of those in Accept, or use format=json|csv|xlsx."
    )


def _parse_quarter(quarter: str) -> Quarter:
    try:
        return Quarter.parse(quarter)
    except ValueError as exc:
        raise ValidationFailed(
            f"'{quarter}' is not a quarter: {exc}.", field="query.quarter", message=str(exc)
        ) from exc


@router.get(
    "/quarterly",
    response_model=QuarterlyReport,
    responses={
        **problems(404, 406),
        **NOT_MODIFIED,
        200: {
            "description": "The report, as JSON (default), CSV (one row per action, UTF-8 "
            "with a byte-order mark) or XLSX (a summary sheet and an actions sheet).",
            "content": {
                CSV_TYPE: {"schema": {"type": "string"}},
                XLSX_TYPE: {"schema": {"type": "string", "format": "binary"}},
            },
        },
    },
)
async def get_quarterly_report(
    *,
    request: Request,
    session: SessionDep,
    _: Viewer,
    quarter: Annotated[
        str,
        Query(
            max_length=20,
            description="A financial-year quarter: `2023-24-Q2` is July to September 2023.",
            examples=["2023-24-Q2"],
        ),
    ],
    format_: Annotated[
        ReportFormat | None,
        Query(alias="format", description="`json`, `csv` or `xlsx`; overrides `Accept`."),
    ] = None,
    plan: Annotated[ReportedPlan, Depends(reported_plan)],
) -> Response:
    """The quarterly Quality Assurance report for CSLT and the Good and Beyond Board.

    Computed from the recorded history as it stood at the quarter's end. A closed quarter's
    report has a strong `ETag`, the same until the plan's data changes, and
    `If-None-Match` gives 304.
    """
    period = _parse_quarter(quarter)
    chosen = _choose_format(request, format_)
    key = (plan.id, period.label, chosen.value)
    etag = None
    if period.end < utcnow().date():
        # The fingerprint was read first, and the plan is read after it, so a rendering is
        # never older than the fingerprint its ETag is made from.
        etag = closed_report_etag(key, plan.fingerprint)
        if client_has(request, etag):
            return Response(status_code=304, headers={"Vary": "Accept", "ETag": etag})
    cache = _closed_reports(request)
    cached = cache.get(key)
    if etag is not None and cached is not None and cached.etag == etag:
        cache.move_to_end(key)
        return _respond(cached)
    report = await quarterly_report(
        session=session, plan=await get_plan(session=session, plan_id=plan.id), quarter=period
    )
    rendered = _render(report, chosen, etag)
    if rendered.etag is not None:
        cache[key] = rendered
        while len(cache) > CLOSED_REPORTS_KEPT:
            cache.popitem(last=False)
    return _respond(rendered)


# A closed quarter's report changes only when the plan's data does (a late update dated in
# the quarter, an edit), and the plan's fingerprint (one query) changes with it. So the
# ETag is made from the fingerprint: any worker answers If-None-Match with a 304 without
# the report, for any number of plans. The price: any change to the plan's data, even an
# update of a later quarter, gives a new ETag, and the next read gets the report again.
# Each worker also keeps its latest renderings, so a repeat read skips the report too.
CLOSED_REPORTS_KEPT = 32


def closed_report_etag(key: tuple[str, str, str], fingerprint: tuple[Any, ...]) -> str:
    """The strong ETag of a closed quarter's report: its plan, quarter and format, the
    plan's data (by its fingerprint) and the release that renders it."""
    return digest_etag("\n".join([__version__, *key, repr(fingerprint)]).encode())


@dataclass(frozen=True)
class Rendered:
    """A report as sent: body, media type, headers, ETag (closed quarters only)."""

    etag: str | None
    body: bytes
    media_type: str
    headers: dict[str, str]


def _closed_reports(request: Request) -> OrderedDict[tuple[str, str, str], Rendered]:
    cache: OrderedDict[tuple[str, str, str], Rendered] | None = getattr(
        request.app.state, "closed_reports", None
    )
    if cache is None:
        cache = OrderedDict()
        request.app.state.closed_reports = cache
    return cache


def _render(report: QuarterlyReport, chosen: ReportFormat, etag: str | None) -> Rendered:
    headers = {"Vary": "Accept"}
    if etag is not None:
        headers["ETag"] = etag
    filename = f"quarterly-report-{report.period.label}"
    if chosen == ReportFormat.csv:
        headers["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        body, media_type = to_csv(report), f"{CSV_TYPE}; charset=utf-8"
    elif chosen == ReportFormat.xlsx:
        headers["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
        body, media_type = to_xlsx(report), XLSX_TYPE
    else:
        # Serialised once, straight to JSON bytes.
        body, media_type = report.model_dump_json().encode(), "application/json"
    return Rendered(etag, body, media_type, headers)


def _respond(rendered: Rendered) -> Response:
    return Response(rendered.body, media_type=rendered.media_type, headers=dict(rendered.headers))


@router.get("/exceptions", response_model=Exceptions, responses=problems(404))
async def get_exceptions_report(
    session: SessionDep, _: Viewer, plan: PlanQuery, as_of: AsOf = None
) -> Exceptions:
    """What the board must see on a day, each item with every reason: red, overdue,
    slipped (due later than first planned), stale (open with no update within the plan's
    update interval)."""
    return await service.exceptions(session=session, plan=plan, as_of=as_of or utcnow().date())


@router.get("/summary", response_model=Summary, responses=problems(404))
async def get_summary_report(
    session: SessionDep,
    _: Viewer,
    plan: PlanQuery,
    as_of: AsOf = None,
    group_by: Annotated[
        GroupBy, Query(description="`area`, `officer` or `inspection_action`.")
    ] = GroupBy.area,
) -> Summary:
    """Counts of actions by rating and by status on a day, grouped."""
    return await service.summary(
        session=session, plan=plan, as_of=as_of or utcnow().date(), group_by=group_by
    )
