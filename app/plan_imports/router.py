"""Importing a plan from a Word document, an Excel workbook or the YAML/JSON plan format."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Response, UploadFile, status
from starlette.concurrency import run_in_threadpool

from app.core.auth.keys import Editor
from app.core.db.session import SessionDep
from app.core.http.responses import problems
from app.plan_imports import service
from app.plan_imports.schemas import PlanImportResult

router = APIRouter(tags=["Plan imports"])


@router.post(
    "/plan-imports",
    response_model=PlanImportResult,
    responses={
        **problems(415),
        200: {"description": "A dry run's preview, or a plan already imported under this key."},
        201: {"model": PlanImportResult, "description": "The plan was imported."},
    },
)
async def create_plan_import(
    response: Response,
    session: SessionDep,
    actor: Editor,
    file: Annotated[
        UploadFile,
        File(
            description="A Word document (.docx) with the plan's table, an Excel workbook "
            "(.xlsx) in the plan template, or a plan in the YAML or JSON plan format."
        ),
    ],
    dry_run: Annotated[
        bool, Query(description="Read the file and answer what would be created; store nothing.")
    ] = False,
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
