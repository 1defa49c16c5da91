"""The plan template as an Excel workbook: reading one in, and writing a plan out in it.

Sheets: "Plan" (field and value rows), "Actions" (one row per action, and rows holding only
success criteria), "Officers", "Strategies" and "Inspection actions". A cell listing several
things (criteria, lead officers, links) holds one per line. The reader and the writer share
the column list below, so an exported plan always imports.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.models import RatingDefinitions
from app.plan_imports.reading import (
    Draft,
    Registry,
    inspection_tag,
    is_role,
    slug,
)
from app.reports.formats import append_row, spreadsheet_text
from app.seeding.format import SeedAction, SeedFile
from app.seeding.rules import PARAGRAPH_BREAK

ACTION_COLUMNS = [
    ("area", "Area"),
    ("area_title", "Area title"),
    ("area_aim", "Area aim"),
    ("outcome_number", "Outcome number"),
    ("outcome", "Outcome"),
    ("objective", "Objective"),
    ("ref", "Ref"),
    ("parent_ref", "Parent ref"),
    ("action", "Action"),
    ("description", "Description"),
    ("notes", "Notes"),
    ("success_criteria", "Success criteria"),
    ("lead_officers", "Lead officers"),
    ("timescale", "Timescale"),
    ("strategies", "Strategy links"),
    ("inspection_actions", "Inspection actions"),
    ("reading_notes", "Reading notes"),
    ("needs_review", "Needs review"),
]
# How the areas, outcomes, objectives and criteria were read, by the texts that name them.
READING_COLUMNS = [
    "Area",
    "Outcome",
    "Objective",
    "Success criterion",
    "Needs review",
    "Reading notes",
]
PLAN_FIELDS = [
    ("key", "Key"),
    ("title", "Title"),
    ("organisation", "Organisation"),
    ("version_label", "Version"),
    ("status", "Status"),
    ("description", "Description"),
    ("red", "Red means"),
    ("amber", "Amber means"),
    ("green", "Green means"),
    ("blue", "Blue means"),
    ("board", "Board"),
    ("frequency", "Board meets"),
    ("partners_every", "Partners attend every (months)"),
]
_YES = {"yes", "y", "true", "1"}
MAX_ROWS = 5000
MAX_COLUMNS = 40
_NOTE = re.compile(r"^note\s*:\s*", re.IGNORECASE)
# The document field each template column feeds, for errors that name a column.
FIELD_COLUMNS = {
    "title": "action",
    "description": "description",
    "notes": "notes",
    "timescale": "timescale",
    "lead_officers": "lead_officers",
    "strategies": "strategies",
    "success_criteria": "success_criteria",
    "inspection_actions": "inspection_actions",
    "statement": "success_criteria",
}


class NotATemplate(Exception):
    """A workbook that is not in the plan template."""


def _text(value: Any) -> str | None:
    """A cell as text: dates as day/month/year, a leading quote that guarded a formula dropped."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return spreadsheet_text(str(value).strip()) or None


def _paragraphs(value: Any) -> str | None:
    """A statement of one or more paragraphs, each paragraph's spacing tidied."""
    text = _text(value)
    if text is None:
        return None
    parts = [" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip()]
    return PARAGRAPH_BREAK.join(parts) or None


def _reading(draft: Draft, notes: Any, review: Any, place: str) -> dict[str, Any]:
    flag = (_text(review) or "no").lower()
    if flag not in _YES | {"no", "n", "false", "0"}:
        draft.fail(place, f"'{_text(review)}' is not yes or no.")
    # Notes are kept as written, one a line, their spacing included (they quote the source).
    lines = [line.strip() for line in (_text(notes) or "").splitlines() if line.strip()]
    return {"reading_notes": lines, "needs_review": flag in _YES}


def _lines(value: Any) -> list[str]:
    text = _text(value)
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()] if text else []


def column_place(sheet: str, row: int, column: int, header: str) -> str:
    """Where a cell is, as every error about a workbook names it."""
    return f'sheet "{sheet}", row {row}, column {get_column_letter(column)} ("{header}")'


def _rows(sheet: Worksheet, draft: Draft) -> list[tuple[int, list[Any]]]:
    rows: list[tuple[int, list[Any]]] = []
    for number, values in enumerate(
        sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1
    ):
        if number > MAX_ROWS + 1:
            draft.fail(f'sheet "{sheet.title}"', f"The sheet has more than {MAX_ROWS} rows.")
            break
        if any(v is not None and str(v).strip() for v in values):
            rows.append((number, list(values)))
    return rows


def read_excel(content: bytes, *, key: str | None, organisation: str | None) -> Draft:
    """A plan document from a workbook in the plan template."""
    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        return _read(workbook, key=key, organisation=organisation)
    finally:
        workbook.close()


def _read(workbook: Any, *, key: str | None, organisation: str | None) -> Draft:
    if "Actions" not in workbook.sheetnames:
        raise NotATemplate(
            'The workbook has no "Actions" sheet, so it is not in the plan template (export '
            "any plan as xlsx to get one)."
        )
    draft = Draft(format="xlsx", document={})
    plan = _plan_sheet(workbook, draft)
    if key:
        plan["key"] = key
    if organisation:
        plan["organisation"] = organisation
    registry = Registry()
    officers = _officer_sheet(workbook, draft)
    strategies = _listing(workbook, draft, "Strategies", ("title", "url", "owner"))
    for row in strategies:
        if row.get("title"):
            registry.strategies[slug(row["title"])] = {
                "key": slug(row["title"]),
                "title": row["title"],
                "url": row.get("url"),
                "owner": row.get("owner"),
            }
    for row in _listing(workbook, draft, "Inspection actions", ("number", "source", "text")):
        number = row.get("number")
        if number and str(number).isdigit():
            registry.inspections[int(number)] = {
                "number": int(number),
                "source": row.get("source") or "Ofsted",
                "text": row.get("text")
                or f"{row.get('source') or 'Ofsted'} Improvement Action {number}",
            }
    areas = _actions_sheet(workbook["Actions"], draft, registry, officers)
    if "Reading notes" in workbook.sheetnames:
        _reading_sheet(workbook["Reading notes"], draft, areas)
    # An inspection action made up from its number is not the plan's wording: to confirm.
    draft.keep_choices({"inspection_action_created"})
    draft.document = {
        "format": "improvement-plan/v1",
        "plan": plan,
        **registry.lists(),
        "areas": areas,
    }
    return draft


def _plan_sheet(workbook: Any, draft: Draft) -> dict[str, Any]:
    found: dict[str, str | None] = {}
    labels = {label.lower(): name for name, label in PLAN_FIELDS}
    if "Plan" in workbook.sheetnames:
        for _, values in _rows(workbook["Plan"], draft):
            label = _text(values[0])
            if label and label.lower() in labels:
                found[labels[label.lower()]] = _text(values[1]) if len(values) > 1 else None
    else:
        draft.fail('sheet "Plan"', 'The workbook has no "Plan" sheet naming the plan.')
    ratings: dict[str, Any] | None = {c: found.get(c) for c in ("red", "amber", "green", "blue")}
    if ratings is not None and not any(ratings.values()):
        ratings = None  # none given: the plan shows the service's definitions, marked so
    elif ratings is not None and not all(ratings.values()):
        defaults = RatingDefinitions().model_dump()
        ratings = {c: v or defaults[c] for c, v in ratings.items()}
        draft.choose(
            None,
            "rating_definitions",
            "A rating with no meaning given takes its usual meaning.",
            'sheet "Plan"',
        )
    schedule: dict[str, Any] | None = None
    if found.get("board") or found.get("frequency"):
        every = found.get("partners_every")
        schedule = {
            "board": found.get("board"),
            "frequency": (found.get("frequency") or "").lower(),
            "partners_every": int(every) if every and every.isdigit() else every,
        }
    return {
        "meeting_schedule": schedule,
        "key": found.get("key"),
        "title": found.get("title"),
        "organisation": found.get("organisation"),
        "version_label": found.get("version_label"),
        "status": (found.get("status") or "draft").lower(),
        "description": found.get("description"),
        "rating_definitions": ratings,
    }


def _listing(
    workbook: Any, draft: Draft, name: str, fields: tuple[str, ...]
) -> list[dict[str, Any]]:
    if name not in workbook.sheetnames:
        return []
    rows = _rows(workbook[name], draft)
    return [
        {field: _text(values[i]) if i < len(values) else None for i, field in enumerate(fields)}
        for _, values in rows[1:]
    ]


def _officer_sheet(workbook: Any, draft: Draft) -> dict[str, dict[str, Any]]:
    officers: dict[str, dict[str, Any]] = {}
    for row in _listing(workbook, draft, "Officers", ("name", "job_title", "email", "role")):
        if row.get("name"):
            role = (row.get("role") or "").lower()
            officers[row["name"]] = {
                "key": slug(row["name"]),
                "name": row["name"],
                "job_title": row.get("job_title"),
                "email": row.get("email"),
                "is_role": role in {"yes", "y", "true", "role"} if role else is_role(row["name"]),
            }
    return officers


def _actions_sheet(
    sheet: Worksheet, draft: Draft, registry: Registry, officers: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    rows = _rows(sheet, draft)
    if not rows:
        draft.fail('sheet "Actions"', "The sheet is empty.")
        return []
    header_row, header_values = rows[0]
    index: dict[str, int] = {}
    headers: dict[str, str] = {}
    by_label = {label.lower(): name for name, label in ACTION_COLUMNS}
    for i, value in enumerate(header_values):
        label = (_text(value) or "").lower()
        if label in by_label:
            index[by_label[label]] = i
            headers[by_label[label]] = _text(value) or ""
    for required in ("area", "action"):
        if required not in index:
            draft.fail(
                f'sheet "Actions", row {header_row}',
                f'The header row has no "{dict(ACTION_COLUMNS)[required]}" column.',
            )
    if draft.errors:
        return []
    draft.field_places = {
        field: f'column {get_column_letter(index[column] + 1)} ("{headers[column]}")'
        for field, column in FIELD_COLUMNS.items()
        if column in index
    }
    areas: dict[int, dict[str, Any]] = {}
    by_ref: dict[str, dict[str, Any]] = {}
    criteria: dict[tuple[int, str], str] = {}
    for number, values in rows[1:]:

        def cell(name: str, values: list[Any] = values) -> Any:
            i = index.get(name)
            return values[i] if i is not None and i < len(values) else None

        def place(name: str | None = None, number: int = number) -> str:
            if name is None or name not in index:
                return f'sheet "Actions", row {number}'
            return column_place("Actions", number, index[name] + 1, headers[name])

        area_text = _text(cell("area"))
        if area_text is None or not area_text.isdigit():
            draft.fail(place("area"), "The area must be a whole number (1, 2, ...).")
            continue
        area = areas.get(int(area_text))
        if area is None:
            area = draft.placed(
                {
                    "number": int(area_text),
                    "title": _text(cell("area_title")),
                    "aim": _text(cell("area_aim")),
                    "success_criteria": [],
                    "outcomes": [],
                    "actions": [],
                },
                place(),
            )
            areas[int(area_text)] = area
        owner: dict[str, Any] = area
        outcome_text = _paragraphs(cell("outcome"))
        if outcome_text:
            outcome = next((o for o in area["outcomes"] if o["statement"] == outcome_text), None)
            if outcome is None:
                outcome = draft.placed(
                    {
                        "number": _text(cell("outcome_number")),
                        "statement": outcome_text,
                        "success_criteria": [],
                        "objectives": [],
                        "actions": [],
                    },
                    place("outcome"),
                )
                area["outcomes"].append(outcome)
            owner = outcome
        objective_text = _paragraphs(cell("objective"))
        if objective_text:
            if owner is area:
                draft.fail(place("objective"), "An objective needs an outcome on the same row.")
                continue
            objective = next(
                (j for j in owner["objectives"] if j["statement"] == objective_text), None
            )
            if objective is None:
                objective = draft.placed(
                    {"statement": objective_text, "success_criteria": [], "actions": []},
                    place("objective"),
                )
                owner["objectives"].append(objective)
            owner = objective
        keys = []
        for statement in _lines(cell("success_criteria")):
            found = criteria.get((id(owner), statement))
            if found is None:
                found = f"sc-{len(criteria) + 1}"
                criteria[(id(owner), statement)] = found
                owner["success_criteria"].append(
                    draft.placed({"key": found, "statement": statement}, place("success_criteria"))
                )
            keys.append(found)
        title = _text(cell("action"))
        if not title:
            if any(_text(cell(c)) for c in ("lead_officers", "timescale", "strategies")):
                draft.warn(
                    place(), "The row has no action, so its lead, timescale and links are not read."
                )
            continue
        action = draft.placed(
            {
                "title": " ".join(title.split()),
                "description": _text(cell("description")),
                "notes": _text(cell("notes")),
                "timescale": _text(cell("timescale")),
                "lead_officers": [],
                "inspection_actions": [],
                "strategies": [],
                "success_criteria": keys,
                "sub_actions": [],
                **_reading(
                    draft, cell("reading_notes"), cell("needs_review"), place("needs_review")
                ),
            },
            place(),
        )
        for line in _lines(cell("lead_officers")):
            for name in (part.strip() for part in line.split(";")):
                if not name:
                    continue
                if name in officers:
                    registry.officers.setdefault(officers[name]["key"], officers[name])
                    action["lead_officers"].append(officers[name]["key"])
                else:
                    action["lead_officers"].append(
                        registry.officer(draft, name, place("lead_officers"))
                    )
        for line in _lines(cell("strategies")):
            if _NOTE.match(line) and action["strategies"]:
                previous = action["strategies"][-1]
                note = _NOTE.sub("", line)
                previous["note"] = f"{previous['note']} {note}" if previous["note"] else note
                continue
            action["strategies"].append({"strategy": registry.strategy(line), "note": None})
        for part in re.split(r"[,\n;]", _text(cell("inspection_actions")) or ""):
            part = part.strip()
            if not part:
                continue
            tag = inspection_tag(part)
            if part.isdigit():
                tag = ("Ofsted", int(part))
            if tag is None:
                draft.fail(
                    place("inspection_actions"), f"'{part}' is not an inspection action number."
                )
                continue
            if tag[1] not in registry.inspections:
                registry.inspection(tag[0], tag[1], f"{tag[0]} Improvement Action {tag[1]}")
                draft.choose(
                    action,
                    "inspection_action_created",
                    f"Inspection action {tag[1]} is not listed, so it is created with "
                    "its label as its text.",
                    place("inspection_actions"),
                )
            action["inspection_actions"].append(tag[1])
        ref = _text(cell("ref"))
        parent_ref = _text(cell("parent_ref"))
        if parent_ref:
            parent = by_ref.get(parent_ref)
            if parent is None:
                draft.fail(place("parent_ref"), f"No action above has the ref '{parent_ref}'.")
                continue
            parent["sub_actions"].append(action)
        else:
            owner["actions"].append(action)
        if ref:
            if ref in by_ref:
                draft.fail(place("ref"), f"The ref '{ref}' is used on an earlier row.")
            by_ref[ref] = action
    return [areas[n] for n in sorted(areas)]


def _reading_sheet(sheet: Worksheet, draft: Draft, areas: list[dict[str, Any]]) -> None:
    """Reading notes of areas, outcomes, objectives and criteria, found by their texts."""
    for number, values in _rows(sheet, draft)[1:]:
        texts = [_paragraphs(values[i]) if i < len(values) else None for i in range(4)]
        place = f'sheet "Reading notes", row {number}'
        area = next((a for a in areas if str(a["number"]) == texts[0]), None)
        item: dict[str, Any] | None = area
        for level, text in (("outcomes", texts[1]), ("objectives", texts[2])):
            if text and item is not None:
                item = next((i for i in item.get(level, []) if i["statement"] == text), None)
        if texts[3] and item is not None:
            statement = " ".join(texts[3].split())
            item = next((c for c in item["success_criteria"] if c["statement"] == statement), None)
        if item is None:
            draft.fail(
                place, "No area, outcome, objective or criterion of the plan has these texts."
            )
            continue
        item.update(_reading(draft, values[5] if len(values) > 5 else None, values[4], place))


# Writing -----------------------------------------------------------------------------------


def write_workbook(seed: SeedFile) -> bytes:
    """The plan in the template, every text cell through `append_row`."""
    workbook = Workbook()
    plan_sheet = workbook.create_sheet("Plan")
    for blank in [s for s in workbook.worksheets if s is not plan_sheet]:
        workbook.remove(blank)
    append_row(plan_sheet, ["Field", "Value"])
    plan = seed.plan
    values = {
        "key": plan.key,
        "title": plan.title,
        "organisation": plan.organisation,
        "version_label": plan.version_label,
        "status": plan.status.value,
        "description": plan.description,
        **(
            plan.rating_definitions.model_dump()
            if plan.rating_definitions is not None
            else dict.fromkeys(("red", "amber", "green", "blue"))
        ),
        **(
            plan.meeting_schedule.model_dump()
            if plan.meeting_schedule is not None
            else dict.fromkeys(("board", "frequency", "partners_every"))
        ),
    }
    for name, label in PLAN_FIELDS:
        append_row(plan_sheet, [label, values[name]])
    sheet = workbook.create_sheet("Actions")
    append_row(sheet, [label for _, label in ACTION_COLUMNS])
    officers = {o.key: o.name for o in seed.officers}
    strategies = {s.key: s.title for s in seed.strategies}
    # Every criterion's statement, whichever item it belongs to: an action may link to a
    # criterion of an item written further down.
    statements: dict[str, str] = {}
    for area in seed.areas:
        owners: list[Any] = [area, *area.outcomes]
        owners += [objective for outcome in area.outcomes for objective in outcome.objectives]
        for owner in owners:
            for criterion in owner.success_criteria:
                statements[criterion.key] = criterion.statement
    for area in seed.areas:
        area_cells = [area.number, area.title, area.aim]
        counter = _RefCounter(f"A{area.number}")

        def owner_rows(owner: Any, levels: list[Any], area_cells: list[Any] = area_cells) -> None:
            for criterion in owner.success_criteria:
                statements[criterion.key] = criterion.statement
            linked = {key for action in _walk(owner.actions) for key in action.success_criteria}
            unlinked = [c for c in owner.success_criteria if c.key not in linked]
            first_linked = min(
                (i for i, c in enumerate(owner.success_criteria) if c.key in linked), default=None
            )
            before = [
                c
                for i, c in enumerate(owner.success_criteria)
                if c in unlinked and first_linked is not None and i < first_linked
            ]
            for criterion in before:
                append_row(
                    sheet, [*area_cells, *levels, None, None, None, None, None, criterion.statement]
                )
            for action in owner.actions:
                action_rows(action, levels, None)
            for criterion in unlinked:
                if criterion not in before:
                    append_row(
                        sheet,
                        [*area_cells, *levels, None, None, None, None, None, criterion.statement],
                    )

        def action_rows(
            action: SeedAction,
            levels: list[Any],
            parent_ref: str | None,
            area_cells: list[Any] = area_cells,
            counter: _RefCounter = counter,
        ) -> None:
            ref = counter.next(parent_ref)
            append_row(
                sheet,
                [
                    *area_cells,
                    *levels,
                    ref,
                    parent_ref,
                    action.title,
                    action.description,
                    action.notes,
                    "\n".join(statements[k] for k in action.success_criteria) or None,
                    "\n".join(officers[k] for k in action.lead_officers) or None,
                    action.timescale,
                    "\n".join(
                        strategies[link.strategy] + (f"\nNote: {link.note}" if link.note else "")
                        for link in action.strategies
                    )
                    or None,
                    ", ".join(str(n) for n in action.inspection_actions) or None,
                    "\n".join(action.reading_notes) or None,
                    "yes" if action.needs_review else None,
                ],
            )
            for sub in action.sub_actions:
                action_rows(sub, levels, ref)

        for outcome in area.outcomes:
            for objective in outcome.objectives:
                owner_rows(objective, [outcome.number, outcome.statement, objective.statement])
            owner_rows(outcome, [outcome.number, outcome.statement, None])
        owner_rows(area, [None, None, None])
    officer_sheet = workbook.create_sheet("Officers")
    append_row(officer_sheet, ["Name", "Job title", "Email", "Role"])
    for officer in seed.officers:
        append_row(
            officer_sheet,
            [officer.name, officer.job_title, officer.email, "yes" if officer.is_role else "no"],
        )
    strategy_sheet = workbook.create_sheet("Strategies")
    append_row(strategy_sheet, ["Title", "URL", "Owner"])
    for strategy in seed.strategies:
        append_row(strategy_sheet, [strategy.title, strategy.url, strategy.owner])
    inspection_sheet = workbook.create_sheet("Inspection actions")
    append_row(inspection_sheet, ["Number", "Source", "Text"])
    for inspection in seed.inspection_actions:
        append_row(inspection_sheet, [inspection.number, inspection.source, inspection.text])
    _write_reading_sheet(workbook, seed)
    for each in workbook.worksheets:
        for cell in each[1]:
            cell.font = Font(bold=True)
        for number, column in enumerate(each.columns, start=1):
            letter = get_column_letter(number)
            each.column_dimensions[letter].width = 40 if each.title != "Plan" else 30
            for item in column:
                item.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_reading_sheet(workbook: Workbook, seed: SeedFile) -> None:
    rows: list[list[Any]] = []

    def add(item: Any, names: list[Any]) -> None:
        if item.reading_notes or item.needs_review:
            rows.append(
                [
                    *names,
                    "yes" if item.needs_review else None,
                    "\n".join(item.reading_notes) or None,
                ]
            )

    def owner(item: Any, names: list[Any]) -> None:
        add(item, [*names, None])
        for criterion in item.success_criteria:
            add(criterion, [*names, criterion.statement])

    for area in seed.areas:
        owner(area, [area.number, None, None])
        for outcome in area.outcomes:
            owner(outcome, [area.number, outcome.statement, None])
            for objective in outcome.objectives:
                owner(objective, [area.number, outcome.statement, objective.statement])
    sheet = workbook.create_sheet("Reading notes")
    append_row(sheet, READING_COLUMNS)
    for row in rows:
        append_row(sheet, row)


class _RefCounter:
    """Refs for the template's Ref and Parent ref columns: only their pairing matters."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.count = 0
        self.children: dict[str, int] = {}

    def next(self, parent: str | None) -> str:
        if parent is None:
            self.count += 1
            return f"{self.prefix}.{self.count}"
        self.children[parent] = self.children.get(parent, 0) + 1
        return f"{parent}.{self.children[parent]}"


def _walk(actions: list[SeedAction]) -> list[SeedAction]:
    found: list[SeedAction] = []
    for action in actions:
        found.append(action)
        found += _walk(action.sub_actions)
    return found
