"""Reading a plan from a Word document: the table councils write their plans in.

The table has a header row naming its columns (Outcome, Objective, Action, Success criteria,
Lead officer, Timescale, RAG rating, Links to strategy; any order, some may be missing), a
row spanning the whole table for each improvement area ("Improvement Area One : Our People",
its aim below), and then a row per action. The rules, and the choices they make, are in
docs/plan-imports.md; every choice is reported in the dry run. The table's cells are read in
`word_cells`, its levels in `word_levels` and its action rows in `word_rows`.
"""

from __future__ import annotations

import io
import re
from typing import Any

from docx import Document
from docx.table import Table

from app.plan_imports.reading import Draft, Registry, meeting_schedule, slug
from app.plan_imports.word_cells import (
    FIELD_COLUMNS,
    NEEDS_REVIEW,
    headings,
    is_list_item,
    style_name,
    table_grid,
    table_rows,
)
from app.plan_imports.word_rows import Reader

_LABEL = re.compile(
    r"^(?P<label>organisation|organization|council|version|status|plan key)\s*:\s*(?P<value>.+)$",
    re.IGNORECASE,
)


class NotAPlan(Exception):
    """The document has no table this reader can take a plan from."""


def _rating_definitions(tables: list[Table]) -> dict[str, str] | None:
    for table in tables:
        found: dict[str, str] = {}
        for cells in table_grid(table):
            if len(cells) >= 2:
                word = cells[0].text.strip().lower()
                if word in {"red", "amber", "green", "blue"}:
                    found[word] = " ".join(cells[1].text.split())
        if len(found) == 4:
            return found
    return None


def _introduction(document: Any, table: Table) -> tuple[dict[str, str], str | None, str | None]:
    """What the paragraphs before the plan table give: labelled lines ("Organisation: …"),
    the title, and the introduction (its lists kept as lines)."""
    labels: dict[str, str] = {}
    title: str | None = None
    paragraphs: list[list[str]] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            if block._tbl is table._tbl:
                break
            continue
        text = block.text.strip()
        if not text:
            continue
        label = _LABEL.match(text)
        style = style_name(block)
        if label:
            labels[label["label"].lower()] = label["value"].strip()
        elif title is None and (style.startswith(("Title", "Heading")) or not paragraphs):
            title = " ".join(text.split())
        elif style.startswith(("Title", "Heading")):
            continue  # a heading over the rating key or the table, not the plan's introduction
        elif paragraphs and is_list_item(block) and paragraphs[-1] and paragraphs[-1][-1] == "list":
            paragraphs[-1].insert(-1, text)
        else:
            paragraphs.append([text, "list"] if is_list_item(block) else [text])
    description = (
        "\n\n".join("\n".join(part for part in p if part != "list") for p in paragraphs) or None
    )
    return labels, title, description


def _who_and_key(
    draft: Draft,
    labels: dict[str, str],
    title: str | None,
    key: str | None,
    organisation: str | None,
) -> tuple[str | None, str]:
    """The council (sent, or named before the table) and the plan's key (sent, labelled, or
    taken from the title); a missing council or title is an error."""
    organisation = (
        organisation
        or labels.get("organisation")
        or labels.get("organization")
        or labels.get("council")
    )
    if not organisation:
        draft.fail(
            "document",
            "The document does not name the council: add a line 'Organisation: <name>' before "
            "the table, or send the organisation field.",
        )
    if title is None:
        draft.fail("document", "The document has no title paragraph before the plan table.")
    plan_key = key or labels.get("plan key") or slug(title or "plan", limit=60)
    if not key and "plan key" not in labels:
        draft.choose(
            None, "plan_key", f"The plan's key is taken from its title: '{plan_key}'.", "document"
        )
    return organisation, plan_key


def read_word(content: bytes, *, key: str | None, organisation: str | None) -> Draft:
    """A plan document from a Word file's plan table and the paragraphs before it."""
    document = Document(io.BytesIO(content))
    draft = Draft(format="docx", document={})
    tables = list(document.tables)
    plan_table = next(
        ((n, t, h) for n, t in enumerate(tables, start=1) if (h := headings(t)) is not None),
        None,
    )
    if plan_table is None:
        raise NotAPlan(
            "The document has no table with a header row naming an Action column, so no "
            "plan can be read from it."
        )
    table_number, table, found = plan_table
    labels, title, description = _introduction(document, table)
    organisation, plan_key = _who_and_key(draft, labels, title, key, organisation)
    version = labels.get("version")
    status = labels.get("status", "draft").lower()
    ratings = _rating_definitions([t for t in tables if t._tbl is not table._tbl])
    if ratings is None:
        draft.choose(
            None,
            "rating_definitions",
            "The document has no rating key table, so the plan shows the service's usual "
            "meanings of red, amber, green and blue, marked as the service's.",
            "document",
        )
    registry = Registry()
    rows = table_rows(table, found)
    reader = Reader(draft=draft, registry=registry, table_number=table_number)
    reader.read(rows)
    headers = rows[0].headers if rows else {}
    draft.field_places = {
        name: f'cell "{headers[kind]}"' for name, kind in FIELD_COLUMNS.items() if kind in headers
    }
    if not reader.areas:
        draft.fail(f"table {table_number}", "The table has no improvement area heading rows.")
    draft.keep_choices(NEEDS_REVIEW)
    draft.document = {
        "format": "improvement-plan/v1",
        "plan": {
            "key": plan_key,
            "title": title,
            "organisation": organisation,
            "version_label": version,
            "status": status,
            "description": description,
            "rating_definitions": ratings,
            "meeting_schedule": meeting_schedule(description),
        },
        **registry.lists(),
        "areas": reader.areas,
    }
    return draft
