"""How a report is sent: its formats, chosen by `format` or `Accept`, its download name, its
ETag, and each worker's latest renderings."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from fastapi import Request, Response
from pydantic import BaseModel

from app import __version__
from app.core.errors import AppError
from app.core.http.concurrency import client_has, digest_etag, not_modified
from app.reports.documents import HTML_TYPE, PDF_TYPE, html_bytes, to_pdf
from app.reports.formats import CSV_TYPE, XLSX_TYPE, table_csv, to_csv
from app.reports.pack import BoardPack, quarterly_filename, quarterly_pack
from app.reports.quarters import Quarter
from app.reports.schemas import QuarterlyReport
from app.reports.workbook import pack_csv, table_workbook, to_workbook

# The bounds on a quarterly report's `plan_id` and `quarter`, for the route and the fast path
# answer alike.
MAX_PLAN_ID_LENGTH = 40
MAX_QUARTER_LENGTH = 20


class ReportFormat(StrEnum):
    """A report's representation."""

    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    html = "html"
    pdf = "pdf"


class TableFormat(StrEnum):
    """The representations of a report that is a table: exceptions, summary."""

    json = "json"
    csv = "csv"
    xlsx = "xlsx"


MEDIA_TYPES = {
    ReportFormat.json: "application/json",
    ReportFormat.csv: CSV_TYPE,
    ReportFormat.xlsx: XLSX_TYPE,
    ReportFormat.html: HTML_TYPE,
    ReportFormat.pdf: PDF_TYPE,
}
PACK_FORMATS = frozenset(ReportFormat)
TABLE_FORMATS = frozenset(ReportFormat(f.value) for f in TableFormat)
# Sent with the body's type: a browser shows these, and saves them under the file name.
SHOWN_INLINE = frozenset({ReportFormat.html, ReportFormat.pdf})
EXTENSIONS = {f: f.value for f in ReportFormat}


# The contract's description of a download's name, for every route that sends files.
DOWNLOAD_HEADERS = {
    "Content-Disposition": {
        "description": "The file name, from the plan's key and the report's period "
        "(`stockton-2023-quarterly-report-2023-24-Q2.pdf`); not sent with JSON.",
        "schema": {"type": "string"},
    }
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


def choose_format(
    request: Request,
    format_: StrEnum | None,
    offered: frozenset[ReportFormat] = PACK_FORMATS,
) -> ReportFormat:
    """`format` when given (the route's enum has refused any other), else the first media
    type in `Accept` the report comes as; 406 when it comes as none of them."""
    if format_ is not None:
        return ReportFormat(format_.value)
    accept = request.headers.get("Accept", "").strip() or "*/*"
    for media in accepted(accept):
        if media in {"*/*", "application/*", "application/json", "application/problem+json"}:
            return ReportFormat.json
        for kind, media_type in MEDIA_TYPES.items():
            if kind not in offered:
                continue
            if media == media_type or (media == "text/*" and kind == ReportFormat.csv):
                return kind
    kinds = [kind for kind in ReportFormat if kind in offered]
    raise NotAcceptable(
        "The report comes as " + ", ".join(MEDIA_TYPES[kind] for kind in kinds) + "; ask for "
        "one of those in Accept, or use format=" + "|".join(kind.value for kind in kinds) + "."
    )


def download_headers(chosen: ReportFormat, filename: str) -> dict[str, str]:
    """`Content-Disposition` naming the file (by plan key and period); none for JSON."""
    if chosen == ReportFormat.json:
        return {}
    disposition = "inline" if chosen in SHOWN_INLINE else "attachment"
    return {"Content-Disposition": f'{disposition}; filename="{filename}.{EXTENSIONS[chosen]}"'}


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

    etag: str | None
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


def render(report: QuarterlyReport, chosen: ReportFormat, etag: str | None) -> Rendered:
    """The quarterly report in the chosen format; every format from the same report."""
    headers = {"Vary": "Accept", **download_headers(chosen, quarterly_filename(report))}
    if etag is not None:  # a file written by the `report` command has none
        headers["ETag"] = etag
    if chosen == ReportFormat.csv:
        body, media_type = to_csv(report), f"{CSV_TYPE}; charset=utf-8"
    elif chosen == ReportFormat.xlsx:
        body, media_type = to_workbook(quarterly_pack(report)), XLSX_TYPE
    elif chosen == ReportFormat.html:
        body, media_type = html_bytes(quarterly_pack(report)), f"{HTML_TYPE}; charset=utf-8"
    elif chosen == ReportFormat.pdf:
        body, media_type = to_pdf(quarterly_pack(report)), PDF_TYPE
    else:
        # Serialised once, straight to JSON bytes.
        body, media_type = report.__pydantic_serializer__.to_json(report), "application/json"
    return Rendered(etag, body, media_type, headers)


def pack_etag(pack: BoardPack, chosen: ReportFormat) -> str:
    """A strong ETag of a pack in a format: its content and the release that renders it."""
    return digest_etag("\n".join([__version__, chosen.value, repr(pack)]).encode())


def render_pack(pack: BoardPack, chosen: ReportFormat, etag: str | None) -> Rendered:
    """A pack (not JSON, which is its report's) as HTML, PDF, XLSX or its actions as CSV."""
    headers = {"Vary": "Accept", **download_headers(chosen, pack.filename)}
    if etag is not None:
        headers["ETag"] = etag
    if chosen == ReportFormat.html:
        body, media_type = html_bytes(pack), f"{HTML_TYPE}; charset=utf-8"
    elif chosen == ReportFormat.pdf:
        body, media_type = to_pdf(pack), PDF_TYPE
    elif chosen == ReportFormat.xlsx:
        body, media_type = to_workbook(pack), XLSX_TYPE
    else:
        body, media_type = pack_csv(pack), f"{CSV_TYPE}; charset=utf-8"
    return Rendered(etag, body, media_type, headers)


def respond(rendered: Rendered) -> Response:
    return Response(rendered.body, media_type=rendered.media_type, headers=dict(rendered.headers))


def cached_response(request: Request, key: ReportKey, etag: str) -> Response | None:
    """A report when it needs no computing: a 304 when the client has this ETag, or this
    worker's rendering when it has the same ETag; None otherwise."""
    if client_has(request, etag):
        return not_modified(etag, by_accept=True)
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


def respond_table(
    report: BaseModel,
    chosen: ReportFormat,
    *,
    filename: str,
    title: str,
    plan_title: str,
    heading: str,
    table: tuple[list[str], list[list[object]]],
) -> Response:
    """A report that is one table, as JSON (the model), CSV or a one-sheet workbook."""
    headers = {"Vary": "Accept", **download_headers(chosen, filename)}
    headings, rows = table
    if chosen == ReportFormat.csv:
        body, media_type = table_csv(headings, rows), f"{CSV_TYPE}; charset=utf-8"
    elif chosen == ReportFormat.xlsx:
        body = table_workbook(
            title=title, plan_title=plan_title, heading=heading, headings=headings, rows=rows
        )
        media_type = XLSX_TYPE
    else:
        body, media_type = report.__pydantic_serializer__.to_json(report), "application/json"
    return Response(body, media_type=media_type, headers=headers)
