"""What a plan import answers: the plan it would create (or created) and how it read the file."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, Field

from app.models import Recurrence


class ImportFormat(StrEnum):
    docx = "docx"
    xlsx = "xlsx"
    yaml = "yaml"
    json = "json"


class ReadingChoice(BaseModel):
    """A place where the file could be read more than one way, and how it was read."""

    item: str | None = Field(
        description="The plan item concerned, as it will be numbered "
        "(`area 2 / outcome 2.4 / action A2.15`), or null for the plan as a whole.",
        examples=["area 1 / outcome 1.1 / objective 1.1.1 / action A1.2"],
    )
    kind: str = Field(
        description="A stable code for the kind of choice (`lead_same_as_above`, "
        "`sub_items`, `criteria_cell_spans_actions`, ...).",
        examples=["lead_same_as_above"],
    )
    message: str = Field(description="The choice, in words.")
    place: str = Field(
        description='Where in the file: `table 1, row 5, cell "Lead Officer"` or '
        '`sheet "Actions", row 12, column M ("Lead officers")`.',
        examples=['table 1, row 5, cell "Lead Officer"'],
    )


class ImportFinding(BaseModel):
    """A warning (the import can go ahead) or an error (it cannot), with its place."""

    place: str = Field(
        description="Where in the file: table, row and cell; sheet, row and column; or the "
        "path into a YAML or JSON document.",
        examples=['sheet "Actions", row 12, column N ("Timescale")'],
    )
    message: str = Field(description="What is wrong or worth knowing, in words.")


class PreviewAction(BaseModel):
    ref: str
    title: str
    timescale: str | None
    due_date: date | None
    recurrence: Recurrence
    timescale_readable: bool = Field(description="False when the timescale could not be read.")
    lead_officers: list[str] = Field(description="The lead officers' names.")
    success_criteria: int = Field(description="How many success criteria the action is linked to.")
    strategies: list[str] = Field(description="The titles of the strategies it links to.")
    inspection_actions: list[int]
    sub_actions: list[PreviewAction]


_CRITERIA = Field(
    description="The statements of the success criteria it would hold.",
    examples=[["The workforce understands what good looks like"]],
)


class PreviewObjective(BaseModel):
    ref: str
    statement: str
    success_criteria: list[str] = _CRITERIA
    actions: list[PreviewAction]


class PreviewOutcome(BaseModel):
    ref: str
    number: str | None
    statement: str
    success_criteria: list[str] = _CRITERIA
    objectives: list[PreviewObjective]
    actions: list[PreviewAction]


class PreviewArea(BaseModel):
    ref: str
    title: str
    aim: str | None
    success_criteria: list[str] = _CRITERIA
    outcomes: list[PreviewOutcome]
    actions: list[PreviewAction]


class PreviewPlan(BaseModel):
    key: str
    title: str
    organisation: str
    version_label: str | None
    status: str


class PlanImportResult(BaseModel):
    """The plan read from a file: on a dry run what would be created, else what was."""

    format: ImportFormat
    dry_run: bool
    applied: bool = Field(description="True when this request stored the plan.")
    plan_id: str | None = Field(
        description="The plan's id once stored: this request's, or the one already stored "
        "under the same key (a second import changes nothing)."
    )
    already_imported: bool = Field(
        description="True when a plan with this key was already stored, so nothing changed."
    )
    plan: PreviewPlan | None
    counts: dict[str, int] = Field(
        description="How many of each kind of item the plan has (areas, actions, ...)."
    )
    tree: list[PreviewArea] = Field(description="The areas, outcomes, objectives and actions.")
    officers_to_create: list[str] = Field(
        description="Lead officers not yet known for this council, who will be created."
    )
    reading_choices: list[ReadingChoice]
    warnings: list[ImportFinding]
    errors: list[ImportFinding] = Field(
        description="What stops the import; a dry run lists them all, an apply refuses with 422."
    )
