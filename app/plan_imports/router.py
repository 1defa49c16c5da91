"""Importing a plan from a Word document, an Excel workbook or the YAML/JSON plan format."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, Request, Response, UploadFile, status
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from app.core.auth.keys import Editor, Viewer
from app.core.config import Settings
from app.core.db.session import SessionDep
from app.core.errors import NotExportable, ValidationFailed
from app.core.http.responses import problems
from app.core.http.schemas import NOT_BLANK, DryRun
from app.dependencies import PlanDep
from app.plan_imports import service
from app.plan_imports.excel import write_workbook
from app.plan_imports.export import plan_document, yaml_bytes
from app.plan_imports.schemas import PlanImportResult
from app.reports.formats import XLSX_TYPE

YAML_TYPE = "application/yaml"
DEFAULT_BODY_LIMIT = Settings.model_fields["max_request_body_bytes"].default

router = APIRouter(tags=["Plan imports"])


@router.post(
    "/plan-imports",
    responses={
        **problems(415),
        200: {"description": "A dry run's preview, or a plan already imported under this key."},
        201: {"model": PlanImportResult, "description": "The plan was imported."},
    },
)
async def create_plan_import(
    request: Request,
    response: Response,
    session: SessionDep,
    actor: Editor,
    file: Annotated[
        UploadFile,
        File(
            description="A Word document (.docx) with the plan's table, an Excel workbook "
            "(.xlsx) in the plan template, or a plan in the YAML or JSON plan format. The "
            "whole request may be at most `IPA_MAX_REQUEST_BODY_BYTES` (1 MiB by default).",
            json_schema_extra={"maxLength": DEFAULT_BODY_LIMIT},
        ),
    ],
    dry_run: DryRun,
    key: Annotated[
        str | None,
        Form(
            max_length=100,
            pattern=r"^[a-z0-9][a-z0-9\-]*$",
            description="The plan's key, when the file does not give one (or to replace it).",
        ),
    ] = None,
    organisation: Annotated[
        str | None,
        Form(
            min_length=1,
            max_length=200,
            pattern=NOT_BLANK,
            description="The council's name, when the file does not give it.",
        ),
    ] = None,
) -> PlanImportResult:
    """Import a plan from a file. With `dry_run=true` the answer is a preview (the tree it
    would create, each choice made in reading the file, warnings, and errors naming the
    table, row and cell or the sheet, row and column) and nothing is stored.

    Otherwise the plan is stored whole or not at all, with an audit event for each item. A
    plan is imported once per key: sending the same file again changes nothing and answers
    the plan already stored. A file that cannot be read is a 422 (or 415 for a kind of file
    no plan comes in), never a partial plan.
    """
    await _refuse_empty_form_fields(request, "key", "organisation")
    content = await file.read()
    draft = await run_in_threadpool(
        service.read_upload,
        content,
        filename=file.filename,
        key=key,
        organisation=organisation,
    )
    result = await service.import_plan(session=session, draft=draft, dry_run=dry_run, actor=actor)
    if result.applied:
        response.status_code = status.HTTP_201_CREATED
    return result


async def _refuse_empty_form_fields(request: Request, *names: str) -> None:
    """A 422 for a form field sent empty, which FastAPI would read as left out: the contract
    says each is a non-empty text or absent."""
    form = await request.form()  # parsed already for the route: this is Starlette's copy
    for name in names:
        if form.get(name) == "":
            raise ValidationFailed(
                f"The form field {name} is empty: leave it out or give a value.",
                field=f"body.{name}",
                message="String should have at least 1 character",
                type="string_too_short",
            )


@router.get(
    "/plan-imports/schema",
    responses={
        **problems(),
        200: {
            "description": "The JSON Schema (draft 2020-12) of the plan format.",
            "content": {"application/schema+json": {"schema": {"type": "object"}}},
        },
    },
)
async def get_plan_import_schema(_: Viewer) -> Response:
    """The JSON Schema of the YAML/JSON plan format this import takes and the export gives,
    so other tools can write plans. The same schema is committed as
    `openapi/plan-import.schema.json`."""
    import json

    return Response(
        json.dumps(service.import_format_schema(), ensure_ascii=False).encode("utf-8"),
        media_type="application/schema+json",
    )


@router.get(
    "/plans/{plan_id}/export",
    response_class=Response,
    responses={
        **problems(404, conflicts=(NotExportable,)),
        200: {
            "description": "The plan as an Excel workbook in the import template (default), or "
            "in the YAML plan format. Importing it into an empty service gives the same plan.",
            "content": {
                XLSX_TYPE: {"schema": {"type": "string", "format": "binary"}},
                YAML_TYPE: {"schema": {"type": "object"}},
            },
        },
    },
)
async def export_plan(
    session: SessionDep,
    _: Viewer,
    plan: PlanDep,
    format: Annotated[
        Literal["xlsx", "yaml"],
        Query(description="`xlsx` (the import template) or `yaml` (the plan format)."),
    ] = "xlsx",
) -> Response:
    """The plan's live content, in a form `POST /plan-imports` takes back: areas, outcomes,
    objectives, actions with sub-actions, success criteria and their links, lead officers,
    timescales, strategy links and inspection actions. Ratings and status updates are not
    part of a plan's content and are not exported."""
    try:
        document = await plan_document(session, plan)
    except ValidationError as exc:
        raise NotExportable(
            "The plan cannot be written in the import format: "
            + "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:5])
        ) from exc
    name = (document.plan.key or "plan") + "." + format
    headers: dict[str, Any] = {"Content-Disposition": f'attachment; filename="{name}"'}
    if format == "yaml":
        return Response(yaml_bytes(document), media_type=YAML_TYPE, headers=headers)
    content = await run_in_threadpool(write_workbook, document)
    return Response(content, media_type=XLSX_TYPE, headers=headers)
