"""How a quarterly report is sent: its formats, chosen by `format` or `Accept`, its ETag,
and each worker's latest renderings."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from fastapi import Request, Response

from app import __version__
from app.core.errors import AppError
from app.core.http.concurrency import client_has, digest_etag
from app.reports.formats import CSV_TYPE, XLSX_TYPE, to_csv, to_xlsx
from app.reports.quarters import Quarter
from app.reports.schemas import QuarterlyReport

# The bounds on a quarterly report's `plan_id` and `quarter`, for the route and the fast path
# answer alike.
MAX_PLAN_ID_LENGTH = 40
MAX_QUARTER_LENGTH = 20


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


def accepted(header: str) -> list[str]:
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


def choose_format(request: Request, format_: ReportFormat | None) -> ReportFormat:
    if format_ is not None:
        return format_
    accept = request.headers.get("Accept", "").strip() or "*/*"
    for media in accepted(accept):
        if media in {"*/*", "application/*", "application/json", "application/problem+json"}:
            return ReportFormat.json
        for kind, media_type in MEDIA_TYPES.items():
            if media == media_type or (media == "text/*" and kind == ReportFormat.csv):
                return kind
    raise NotAcceptable(
        "The report comes as application/json, text/csv or "
        f"{XLSX_TYPE}; ask for one of those in Accept, or use format=json|csv|xlsx."
    )


# A quarter's report changes only when the plan's data does (a late update dated in the
# quarter, an edit), and the plan's fingerprint (one query) changes with it; a quarter not
# yet closed is reported as of today, so its report changes with the day too. So the ETag
# is made from the fingerprint and the day: any worker or instance answers If-None-Match
# with a 304 without the report. The price: any change to the plan's data, even an update
# of a later quarter, gives a new ETag, and the next read gets the report again. Each
# worker also keeps its latest renderings, so a repeat read skips the report too.
REPORTS_CACHED = 32

ReportKey = tuple[str, ...]


def report_key(plan_id: str, period: Quarter, chosen: ReportFormat, today: date) -> ReportKey:
    """What a report's rendering depends on besides the plan's data: the plan, quarter and
    format, and for a quarter not yet closed, the day it is reported on."""
    key = (plan_id, period.label, chosen.value)
    return key if period.end < today else (*key, today.isoformat())


def report_etag(key: ReportKey, fingerprint: tuple[Any, ...]) -> str:
    """The strong ETag of a report: its key, the plan's data (by its fingerprint) and the
    release that renders it."""
    return digest_etag("\n".join([__version__, *key, repr(fingerprint)]).encode())


@dataclass(frozen=True)
class Rendered:
    """A report as sent: body, media type, headers, ETag."""

    etag: str
    body: bytes
    media_type: str
    headers: dict[str, str]


def cached_reports(request: Request) -> OrderedDict[ReportKey, Rendered]:
    cache: OrderedDict[ReportKey, Rendered] | None = getattr(
        request.app.state, "cached_reports", None
    )
    if cache is None:
        cache = OrderedDict()
        request.app.state.cached_reports = cache
    return cache


def render(report: QuarterlyReport, chosen: ReportFormat, etag: str) -> Rendered:
    headers = {"Vary": "Accept", "ETag": etag}
    filename = f"quarterly-report-{report.period.label}"
    if chosen == ReportFormat.csv:
        headers["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        body, media_type = to_csv(report), f"{CSV_TYPE}; charset=utf-8"
    elif chosen == ReportFormat.xlsx:
        headers["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
        body, media_type = to_xlsx(report), XLSX_TYPE
    else:
        # Serialised once, straight to JSON bytes.
        body, media_type = report.__pydantic_serializer__.to_json(report), "application/json"
    return Rendered(etag, body, media_type, headers)


def respond(rendered: Rendered) -> Response:
    return Response(rendered.body, media_type=rendered.media_type, headers=dict(rendered.headers))


def cached_response(request: Request, key: ReportKey, etag: str) -> Response | None:
    """A report when it needs no computing: a 304 when the client has this ETag, or this
    worker's rendering when it has the same ETag; None otherwise."""
    if client_has(request, etag):
        return Response(status_code=304, headers={"Vary": "Accept", "ETag": etag})
    cache = cached_reports(request)
    cached = cache.get(key)
    if cached is None or cached.etag != etag:
        return None
    cache.move_to_end(key)
    return respond(cached)


def cache_rendering(request: Request, key: ReportKey, rendered: Rendered) -> None:
    """Keep a report's rendering, dropping the least recently read over the limit."""
    cache = cached_reports(request)
    cache[key] = rendered
    while len(cache) > REPORTS_CACHED:
        cache.popitem(last=False)
