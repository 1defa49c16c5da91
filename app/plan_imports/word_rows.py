"""Reading the action rows of a Word plan table: the actions in each action cell, and the
lead officers, timescales and links beside them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.plan_imports.reading import lead_with_partners
from app.plan_imports.word_cells import (
    NOTE,
    ActionCell,
    CellAction,
    Row,
    join_notes,
    read_action_cell,
    short,
    texts,
)
from app.plan_imports.word_levels import LevelReader


@dataclass
class Reader(LevelReader):
    """A plan table read row by row into the plan document's areas."""

    top_action: dict[str, Any] | None = None
    # Whether the row being read left its lead cell blank under a filled one.
    lead_inherited: bool = False
    # Whether this row's lead cell is the row above's, merged down.
    lead_cell_above: bool = False
    # The links of the last action read, and the item it belongs to, for blank links cells.
    links_above: list[dict[str, Any]] = field(default_factory=list)
    links_owner: dict[str, Any] | None = None

    def read(self, rows: list[Row]) -> None:
        for row in rows:
            self._row(row)

    def _row(self, row: Row) -> None:
        distinct = {id(c._tc) for c in row.cells.values() if c is not None}
        cells = {kind: texts(cell) for kind, cell in row.cells.items()}
        if len(distinct) == 1 and any(cells.values()):
            self._area(row, next(t for t in cells.values() if t))
            return
        if not any(cells.values()):
            return
        if self.area is None:
            self.draft.fail(
                row.place(self.table_number),
                "This row comes before any improvement area heading (a row spanning the "
                "table, such as 'Improvement Area One : Our People').",
            )
            return
        self._levels(row, cells)
        actions = self._actions(row, cells)
        self._criteria(row, cells, actions)
        if cells.get("rag"):
            self.draft.warn(
                row.place(self.table_number, "rag"),
                f"The rating '{' '.join(cells['rag'])}' is not imported: ratings arrive with "
                "status updates.",
            )

    def _actions(self, row: Row, cells: dict[str, list[str]]) -> list[dict[str, Any]]:
        """The actions this row holds: those in its action cell and their listed sub-items."""
        cell = row.cells.get("action")
        self.cell_actions = []
        if cell is None or not cells.get("action") or self._same("action", row):
            # A row with no action of its own: its criteria describe the item above it.
            self._same("lead", row)
            self._same("timescale", row)
            return []
        self.lead_inherited = False
        self.sub_item_row = False
        read = read_action_cell(cell)
        leads = self._leads(row, cells)
        lead_notes = self._lead_notes(row, cells)
        links = self._links(row, cells)
        if not read.actions and self.top_action is not None:
            return self._continued(row, self.top_action, read, (leads, lead_notes, links), cells)
        if not read.actions:  # list items with no action above: the first is the action
            first, *rest = read.loose_items
            read.actions, first.items = [first], rest
        mains = [self._main(row, written) for written in read.actions]
        everything: list[dict[str, Any]] = []
        for main, written in zip(mains, read.actions, strict=True):
            items = [self._new_action(item.title, row) for item in written.items]
            self.cell_actions.append((main, written.place, items))
            everything += [main, *items]
        self._tags(row, read, mains)
        if lead_notes:
            mains[0]["notes"] = join_notes(mains[0]["notes"], *lead_notes)
            self._note_in_lead_cell(row, mains[0])
        links = self._beside(row, cells, leads, links)
        for main, _, items in self.cell_actions:
            self._owner()["actions"].append(main)
            self._sub_items(row, main, items)
        self.top_action = mains[-1]
        self.links_above, self.links_owner = links, self._owner()
        return everything

    def _main(self, row: Row, written: CellAction) -> dict[str, Any]:
        main = self._new_action(written.title, row)
        main["description"] = " ".join(written.descriptions) or None
        main["notes"] = join_notes(None, *(NOTE.sub("", n) for n in written.notes))
        if written.notes:
            self._choose(
                main,
                row,
                "action",
                "note_in_action_cell",
                "A line after the action naming a month, or starting 'Note:', is read as a note.",
            )
        if written.descriptions:
            self._choose(
                main,
                row,
                "action",
                "description",
                "Text after the action ending with ':' is read as its description.",
            )
        return main

    def _tags(self, row: Row, read: ActionCell, mains: list[dict[str, Any]]) -> None:
        """Rule 7: a tag goes on every action written before it in the cell, back to the
        previous tag; one written before any action goes on the action above."""
        pairs = [
            (main, entry)
            for main, (_, _, items), written in zip(
                mains, self.cell_actions, read.actions, strict=True
            )
            for main, entry in [(main, written), *zip(items, written.items, strict=True)]
        ]
        for action, entry in pairs:
            for (source, number, text), closes in entry.tags:
                self._tag(row, action, source, number, text, closes)

    def _tag(
        self, row: Row, action: dict[str, Any], source: str, number: int, text: str, closes: int
    ) -> None:
        found = self.registry.inspection(source, number, text)
        if found not in action["inspection_actions"]:
            action["inspection_actions"].append(found)
        self._choose(
            action,
            row,
            "action",
            "tag",
            f"'{text}' closes the action cell, so it tags every action written before it "
            "there, the listed sub-items included."
            if closes > 1
            else f"'{text}' follows this action in its cell, so it tags it.",
        )

    def _beside(
        self, row: Row, cells: dict[str, list[str]], leads: list[str], links: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """The lead, timescale and links cells go with the cell's actions (rule 5); the
        links, the ones above for a blank cell."""
        if not links and self.links_above and self.links_owner is self._owner():
            # A blank links cell means "same as above" within the item, as a blank lead does.
            links = [dict(link) for link in self.links_above]
            self._choose(
                self.cell_actions[0][0],
                row,
                "links",
                "links_same_as_above",
                "The links cell is blank under a filled one, so this action has the links above.",
            )
        if self.lead_inherited:
            self._choose(
                self.cell_actions[0][0],
                row,
                "lead",
                "lead_same_as_above",
                "The lead officer cell is blank under a filled one, so this action has the "
                "lead officers above.",
            )
        timescales = cells.get("timescale", [])
        lead_groups = self._paired(row, "lead", len(leads))
        time_groups = self._paired(row, "timescale", len(timescales))
        link_groups = self._paired(row, "links", len(links))
        for n, (main, _, items) in enumerate(self.cell_actions):
            main["lead_officers"] = _pick(leads, lead_groups, n)
            main["strategies"] = [dict(link) for link in _pick(links, link_groups, n)]
            if time_groups is None:
                self._place_timescales(row, main, items, timescales)
            else:
                main["timescale"] = " ".join(_pick(timescales, time_groups, n)) or None
                for item in items:
                    item["timescale"] = main["timescale"]
        return links

    def _sub_items(self, row: Row, main: dict[str, Any], items: list[dict[str, Any]]) -> None:
        for item in items:
            # The cells beside the action cell go with each of its listed items.
            item["lead_officers"] = list(main["lead_officers"])
            item["strategies"] = [dict(link) for link in main["strategies"]]
            main["sub_actions"].append(item)
            self._choose(
                item,
                row,
                "action",
                "sub_item",
                f"A listed item in the action cell of '{short(main['title'])}': it has the "
                "cells beside that cell (lead officers, timescale, links and criteria).",
            )
        if items:
            self._choose(
                main,
                row,
                "action",
                "sub_items",
                f"The {len(items)} list items in the action cell are read as sub-actions "
                "taking the cells beside it: lead officers, timescale, links and criteria.",
            )

    def _continued(
        self,
        row: Row,
        parent: dict[str, Any],
        read: ActionCell,
        beside: tuple[list[str], list[str], list[dict[str, Any]]],
        cells: dict[str, list[str]],
    ) -> list[dict[str, Any]]:
        """A row whose action cell has no action of its own continues the action above:
        its list items are that action's sub-items, with this row's lead, timescale and
        links and the criteria beside their parent; its tags and notes are the parent's."""
        leads, lead_notes, links = beside
        if self.lead_cell_above:  # the lead cell merged down from the action: noted there
            lead_notes = []
        timescales = cells.get("timescale", [])
        for position, written in enumerate(read.loose_items):
            item = self._new_action(written.title, row)
            item["lead_officers"] = list(leads)
            item["timescale"] = self._timescale_for(
                row, timescales, position, len(read.loose_items), parent
            )
            item["strategies"] = list(links) if position == 0 else []
            item["success_criteria"] = list(parent["success_criteria"])
            parent["sub_actions"].append(item)
            for (source, number, text), closes in written.tags:
                self._tag(row, item, source, number, text, closes)
            self._choose(
                item,
                row,
                "action",
                "sub_item",
                f"A listed item under '{short(parent['title'])}': it has the lead officers, "
                "timescale and links of its own row, and the criteria beside its parent's "
                "cell.",
            )
        for source, number, text in read.loose_tags:
            self._tag(row, parent, source, number, text, 1)
        if read.loose_notes or lead_notes:
            notes = (NOTE.sub("", n) for n in read.loose_notes)
            parent["notes"] = join_notes(parent.get("notes"), *notes, *lead_notes)
        if lead_notes:
            self._note_in_lead_cell(row, parent)
        self.sub_item_row = True
        return [parent]

    def _note_in_lead_cell(self, row: Row, action: dict[str, Any]) -> None:
        self._choose(
            action,
            row,
            "lead",
            "note_in_lead_cell",
            "The lead officer cell has more than a lead: a sentence, or partners named "
            "beside the lead, are kept in the action's notes, since a partner group is not "
            "a council officer.",
        )

    def _place_timescales(
        self, row: Row, main: dict[str, Any], items: list[dict[str, Any]], timescales: list[str]
    ) -> None:
        if not items:
            main["timescale"] = " ".join(timescales) or None
            if not timescales:
                self._choose(
                    main,
                    row,
                    "timescale",
                    "no_timescale",
                    "The timescale cell is blank, so the action has no timescale and no due date.",
                )
            if len(timescales) > 1:
                self._choose(
                    main,
                    row,
                    "timescale",
                    "timescale_joined",
                    "The timescale cell's paragraphs are read as one timescale.",
                )
            return
        if len(timescales) == len(items) + 1:
            main["timescale"] = timescales[0]
            for item, text in zip(items, timescales[1:], strict=True):
                item["timescale"] = text
            message = "The timescales line up with the action and its list items in order."
        elif len(timescales) == len(items) and len(items) > 1:
            main["timescale"] = None
            for item, text in zip(items, timescales, strict=True):
                item["timescale"] = text
            message = (
                "There are as many timescales as list items, so they go to the items "
                "in order, and the action itself has none."
            )
        else:
            main["timescale"] = " ".join(timescales) or None
            for item in items:
                item["timescale"] = main["timescale"]
            message = "The list items take the action's timescale."
        self._choose(main, row, "timescale", "sub_item_timescales", message)

    def _timescale_for(
        self, row: Row, timescales: list[str], position: int, count: int, parent: dict[str, Any]
    ) -> str | None:
        if len(timescales) == count:
            return timescales[position]
        if not timescales:
            self._choose(
                parent,
                row,
                "timescale",
                "timescale_from_parent",
                "A sub-item with a blank timescale takes its action's timescale.",
            )
            return parent.get("timescale")
        return " ".join(timescales)

    def _new_action(self, title: str, row: Row) -> dict[str, Any]:
        return self.draft.placed(
            {
                "title": title,
                "description": None,
                "notes": None,
                "timescale": None,
                "lead_officers": [],
                "inspection_actions": [],
                "strategies": [],
                "success_criteria": [],
                "sub_actions": [],
            },
            row.place(self.table_number),
        )

    def _leads(self, row: Row, cells: dict[str, list[str]]) -> list[str]:
        """The lead cell's officers, one a paragraph; the leads above when it is blank.
        A cell of one paragraph may name several, separated by ';'."""
        self.lead_cell_above = self._same("lead", row)
        if self.lead_cell_above:
            return self.leads
        names = [line for line in cells.get("lead", []) if not line.endswith(".")]
        if not names:
            self.lead_inherited = bool(self.leads)
            return self.leads
        keys: list[str] = []
        for line in names:
            # A lead written with partner agencies: the partners are not council officers, so
            # the line is kept in the action's notes and only the officer leads.
            line = lead_with_partners(line) or line
            for name in (part.strip() for part in line.split(";")):
                if name:
                    keys.append(
                        self.registry.officer(
                            self.draft, name, row.place(self.table_number, "lead")
                        )
                    )
        self.leads = keys
        return self.leads

    def _lead_notes(self, row: Row, cells: dict[str, list[str]]) -> list[str]:
        """The lead cell's sentences and partners, kept in the notes of each action it is
        beside, as its leads are."""
        return [
            line
            for line in cells.get("lead", [])
            if line.endswith(".") or lead_with_partners(line) is not None
        ]

    def _links(self, row: Row, cells: dict[str, list[str]]) -> list[dict[str, Any]]:
        links: list[dict[str, Any]] = []
        if self._same("links", row):
            self.draft.choose(
                None,
                "links_merged",
                "A links cell merged over several rows links each of their actions.",
                row.place(self.table_number, "links"),
            )
        for line in cells.get("links", []):
            if NOTE.match(line) and links:
                links[-1]["note"] = join_notes(links[-1]["note"], NOTE.sub("", line), between=" ")
                continue
            links.append({"strategy": self.registry.strategy(line), "note": None})
        return links


def _pick(values: list[Any], groups: list[list[int]] | None, n: int) -> list[Any]:
    """The values that go with the n-th action of the cell: all of them for a lone action,
    and then each once ("Jane Smith; Jane Smith" is one lead)."""
    chosen = values if groups is None else [values[i] for i in groups[n]]
    unique: list[Any] = []
    for value in chosen:
        if value not in unique:
            unique.append(value)
    return unique
