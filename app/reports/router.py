"""Reports for the board: the quarterly QA report, exceptions and summaries."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from app.core.auth.keys import Viewer
from app.core.db.session import SessionDep
from app.core.errors import ValidationFailed
from app.core.http.responses import NOT_MODIFIED, problems
from app.core.http.schemas import IsoDate
from app.models import Plan, clock
from app.plans.service import get_plan
from app.reports import fingerprint as fingerprints
from app.reports import service
from app.reports.documents import HTML_TYPE, PDF_TYPE
from app.reports.formats import CSV_TYPE, XLSX_TYPE, exceptions_table, summary_table
from app.reports.pack import download_name, uk_date
from app.reports.quarterly import quarterly_report
from app.reports.quarters import QUARTER_PATTERN, Quarter
from app.reports.rendering import (
    DOWNLOAD_HEADERS,
    MAX_PLAN_ID_LENGTH,
    MAX_QUARTER_LENGTH,
    TABLE_FORMATS,
    ReportFormat,
    TableFormat,
    cache_rendering,
    cached_response,
    choose_format,
    render,
    report_etag,
    report_key,
    respond,
    respond_table,
)
from app.reports.schemas import Exceptions, GroupBy, QuarterlyReport, Summary

router = APIRouter(prefix="/reports", tags=["Reports"])

TABLE_CONTENT = {
    CSV_TYPE: {"schema": {"type": "string"}},
    XLSX_TYPE: {"schema": {"type": "string", "format": "binary"}},
}
# What a report in every format is sent as besides JSON (a board pack too).
DOCUMENT_CONTENT = {
    **TABLE_CONTENT,
    HTML_TYPE: {"schema": {"type": "string"}},
    PDF_TYPE: {"schema": {"type": "string", "format": "binary"}},
}


PlanId = Annotated[str, Query(max_length=MAX_PLAN_ID_LENGTH, description="The plan to report on.")]


async def plan_from_query(session: SessionDep, plan_id: PlanId) -> Plan:
    return await get_plan(session=session, plan_id=plan_id)


PlanQuery = Annotated[Plan, Depends(plan_from_query)]


@dataclass(frozen=True)
class ReportedPlan:
    """The plan a quarterly report is asked for, and the fingerprint of its data."""

    id: str
    fingerprint: tuple[Any, ...]


async def reported_plan(session: SessionDep, plan_id: PlanId) -> ReportedPlan:
    """A 404 for an unknown plan before anything else about the request is checked, as every
    report's plan dependency gives, from the statement that reads the fingerprint."""
    fingerprint = await fingerprints.plan_fingerprint(session, plan_id)
    if not fingerprint[0]:  # the plan's own counter: 0 when there is no such plan
        await get_plan(session=session, plan_id=plan_id)  # its 404
    return ReportedPlan(plan_id, fingerprint)


AsOf = Annotated[
    IsoDate | None, Query(description="The day to report on (end of day); today when left out.")
]


def _parse_quarter(quarter: str) -> Quarter:
    try:
        return Quarter.parse(quarter)
    except ValueError as exc:
        raise ValidationFailed(
            f"'{quarter}' is not a quarter: {exc}.", field="query.quarter", message=str(exc)
        ) from exc


Quarter_ = Annotated[
    str,
    Query(
        max_length=MAX_QUARTER_LENGTH,
        description="A financial-year quarter: `2023-24-Q2` is July to September 2023.",
        examples=["2023-24-Q2"],
        json_schema_extra={"pattern": QUARTER_PATTERN},
    ),
]


async def _quarterly(
    request: Request, session: SessionDep, plan: ReportedPlan, quarter: str, chosen: ReportFormat
) -> Response:
    period = _parse_quarter(quarter)
    today = clock.today()
    key = report_key(plan.id, period, chosen, today)
    # The fingerprint was read first, and the plan is read after it, so a rendering is
    # never older than the fingerprint its ETag is made from.
    etag = report_etag(key, plan.fingerprint)
    cached = cached_response(request, key, etag)
    if cached is not None:
        return cached
    report = await quarterly_report(
        session=session,
        plan=await get_plan(session=session, plan_id=plan.id),
        quarter=period,
        today=today,
    )
    # Rendering a PDF or a workbook is CPU work: off the event loop.
    rendered = (
        render(report, chosen, etag)
        if chosen == ReportFormat.json
        else await run_in_threadpool(render, report, chosen, etag)
    )
    cache_rendering(request, key, rendered)
    return respond(rendered)


@router.get(
    "/quarterly",
    response_model=QuarterlyReport,
    responses={
        **problems(404, 406),
        **NOT_MODIFIED,
        200: {
            "description": "The report, as JSON (default); CSV (one row per action, UTF-8 "
            "with a byte-order mark); XLSX (the board's workbook); HTML or PDF (the board "
            "pack). Each download is named by the plan's key and the quarter in "
            "`Content-Disposition`.",
            "headers": DOWNLOAD_HEADERS,
            "content": DOCUMENT_CONTENT,
        },
    },
)
async def get_quarterly_report(
    *,
    request: Request,
    session: SessionDep,
    _: Viewer,
    quarter: Quarter_,
    format_: Annotated[
        ReportFormat | None,
        Query(
            alias="format",
            description="`json`, `csv`, `xlsx`, `html` or `pdf`; overrides `Accept`. A "
            "generated client reads one media type per response: it calls "
            "`get_quarterly_report_csv` or `get_quarterly_report_xlsx` for those files instead.",
        ),
    ] = None,
    plan: Annotated[ReportedPlan, Depends(reported_plan)],
) -> Response:
    """The quarterly Quality Assurance report for CSLT and the Good and Beyond Board.

    Computed from the recorded history as it stood at the quarter's end (today, for the
    current quarter). The report has a strong `ETag`, the same until the plan's data (or,
    for the current quarter, the day) changes, and `If-None-Match` gives 304. The format
    follows `Accept` or `format`.
    """
    return await _quarterly(request, session, plan, quarter, choose_format(request, format_))


@router.get(
    "/quarterly.csv",
    response_class=Response,
    responses={
        **problems(404),
        **NOT_MODIFIED,
        200: {
            "description": "The report as CSV: one row per action, UTF-8 with a byte-order "
            "mark, stable column names only ever added to at the end.",
            "content": {CSV_TYPE: {"schema": {"type": "string"}}},
        },
    },
)
async def get_quarterly_report_csv(
    *,
    request: Request,
    session: SessionDep,
    _: Viewer,
    quarter: Quarter_,
    plan: Annotated[ReportedPlan, Depends(reported_plan)],
) -> Response:
    """The quarterly report as CSV, for a client that reads one media type per operation."""
    return await _quarterly(request, session, plan, quarter, ReportFormat.csv)


@router.get(
    "/quarterly.xlsx",
    response_class=Response,
    responses={
        **problems(404),
        **NOT_MODIFIED,
        200: {
            "description": "The report as an XLSX workbook: a summary sheet and an actions sheet.",
            "content": {XLSX_TYPE: {"schema": {"type": "string", "format": "binary"}}},
        },
    },
)
async def get_quarterly_report_xlsx(
    *,
    request: Request,
    session: SessionDep,
    _: Viewer,
    quarter: Quarter_,
    plan: Annotated[ReportedPlan, Depends(reported_plan)],
) -> Response:
    """The quarterly report as XLSX, for a client that reads one media type per operation."""
    return await _quarterly(request, session, plan, quarter, ReportFormat.xlsx)


TableFormatQuery = Annotated[
    TableFormat | None,
    Query(alias="format", description="`json`, `csv` or `xlsx`; overrides `Accept`."),
]


@router.get(
    "/exceptions",
    response_model=Exceptions,
    responses={
        **problems(404, 406),
        200: {
            "description": "The exceptions, as JSON (default), CSV (one row per action, UTF-8 "
            "with a byte-order mark) or XLSX. Downloads are named by the plan's key and the "
            "day in `Content-Disposition`.",
            "headers": DOWNLOAD_HEADERS,
            "content": TABLE_CONTENT,
        },
    },
)
async def get_exceptions_report(
    request: Request,
    session: SessionDep,
    _: Viewer,
    plan: PlanQuery,
    as_of: AsOf = None,
    format_: TableFormatQuery = None,
) -> Response:
    """What the board must see on a day, each item with every reason: red, overdue,
    slipped (due later than first planned), stale (open with no update within the plan's
    update interval)."""
    chosen = choose_format(request, format_, TABLE_FORMATS)
    report = await service.exceptions(session=session, plan=plan, as_of=as_of or clock.today())
    day = report.as_of.isoformat()
    return await run_in_threadpool(
        partial(
            respond_table,
            report,
            chosen,
            filename=download_name(report.plan.key or plan.id, "exceptions", day),
            title="Exceptions",
            plan_title=plan.title,
            heading=f"Exceptions on {uk_date(report.as_of)}",
            table=exceptions_table(report),
        )
    )


@router.get(
    "/summary",
    response_model=Summary,
    responses={
        **problems(404, 406),
        200: {
            "description": "The summary, as JSON (default), CSV (a row per group, then the "
            "totals) or XLSX. Downloads are named by the plan's key, the grouping and the day "
            "in `Content-Disposition`.",
            "headers": DOWNLOAD_HEADERS,
            "content": TABLE_CONTENT,
        },
    },
)
async def get_summary_report(
    request: Request,
    session: SessionDep,
    _: Viewer,
    plan: PlanQuery,
    as_of: AsOf = None,
    group_by: Annotated[
        GroupBy, Query(description="`area`, `officer` or `inspection_action`.")
    ] = GroupBy.area,
    format_: TableFormatQuery = None,
) -> Response:
    """Counts of actions by rating and by status on a day, grouped."""
    chosen = choose_format(request, format_, TABLE_FORMATS)
    report = await service.summary(
        session=session, plan=plan, as_of=as_of or clock.today(), group_by=group_by
    )
    day = report.as_of.isoformat()
    return await run_in_threadpool(
        partial(
            respond_table,
            report,
            chosen,
            filename=download_name(
                report.plan.key or plan.id, "summary", f"by-{group_by.value}", day
            ),
            title="Summary",
            plan_title=plan.title,
            heading=f"Summary on {uk_date(report.as_of)}",
            table=summary_table(report),
        )
    )
