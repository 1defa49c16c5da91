"""Reading a Word plan table's levels: improvement areas, outcomes, objectives, and the
success criteria written beside them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from app.plan_imports.reading import Draft, Registry
from app.plan_imports.word_cells import Row
from app.seeding.rules import PARAGRAPH_BREAK, Criteria, pair

NUMBER_WORDS = {
    word: n
    for n, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}
_AREA = re.compile(
    r"^(?:improvement\s+)?(?:area|theme|priority)\s+(?P<number>\w+)\s*[:\-\u2013\u2014.]?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
_OUTCOME_NUMBER = re.compile(r"^(?P<number>\d{1,3}(?:\.\d{1,3})+)\.?\s+(?P<statement>\S.*)$")


@dataclass
class LevelReader:
    """The reading state of a plan table, row by row, and its levels."""

    draft: Draft
    registry: Registry
    table_number: int
    areas: list[dict[str, Any]] = field(default_factory=list)
    area: dict[str, Any] | None = None
    outcome: dict[str, Any] | None = None
    objective: dict[str, Any] | None = None
    # The cell (its XML element) each column's value was last read from, so a merged cell
    # read again on the next row is known as the same cell.
    last: dict[str, Any] = field(default_factory=dict)
    leads: list[str] = field(default_factory=list)
    criteria_of_cell: dict[Any, list[str]] = field(default_factory=dict)
    criteria: Criteria = field(default_factory=Criteria)
    criterion_items: dict[str, dict[str, Any]] = field(default_factory=dict)
    # The criteria read on a row with no action and linked to none so far, by key.
    unlinked: set[str] = field(default_factory=set)
    # The criteria last linked to an action, and the item it belongs to, for blank cells.
    criteria_above: list[str] = field(default_factory=list)
    criteria_owner: dict[str, Any] | None = None
    sub_item_row: bool = False
    # The actions written in the row's action cell, with their places in it, when several.
    cell_actions: list[tuple[dict[str, Any], int, list[dict[str, Any]]]] = field(
        default_factory=list
    )

    def _same(self, kind: str, row: Row) -> bool:
        cell = row.cells.get(kind)
        element = cell._tc if cell is not None else None
        same = element is not None and self.last.get(kind) is element
        self.last[kind] = element
        return same

    def _choose(
        self, item: dict[str, Any] | None, row: Row, kind: str, choice: str, message: str
    ) -> None:
        self.draft.choose(item, choice, message, row.place(self.table_number, kind))

    def _owner(self) -> dict[str, Any]:
        # Rows are read only once an area heading has been seen.
        return self.objective or self.outcome or self.area or {}

    def _area(self, row: Row, lines: list[str]) -> None:
        match = _AREA.match(lines[0])
        number = len(self.areas) + 1
        title = lines[0]
        if match and match["title"].strip():
            word = match["number"].lower()
            written = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
            if written is not None:
                number, title = written, match["title"].strip()
        area: dict[str, Any] = {
            "number": number,
            "title": title,
            "aim": " ".join(lines[1:]) or None,
            "success_criteria": [],
            "outcomes": [],
            "actions": [],
        }
        self.draft.placed(area, row.place(self.table_number))
        if not match:
            self.draft.choose(
                area,
                "area_heading",
                f"'{lines[0]}' spans the table, so it is read as improvement area {number}.",
                row.place(self.table_number),
            )
        self.areas.append(area)
        self.area, self.outcome, self.objective = area, None, None
        self.last.clear()
        self.leads = []

    def _levels(self, row: Row, texts: dict[str, list[str]]) -> None:
        if self.area is None:
            return
        if not self._same("outcome", row) and texts.get("outcome"):
            self._new_outcome(row, texts["outcome"])
        elif self.outcome is not None and self._blank_new("outcome", row, texts):
            self._continues(row, "outcome")
        new_objective = not self._same("objective", row)
        if (
            new_objective
            and self.objective is not None
            and self._blank_new("objective", row, texts)
        ):
            self._continues(row, "objective")
        if new_objective and texts.get("objective"):
            if self.outcome is None:
                self.draft.fail(
                    row.place(self.table_number, "objective"),
                    "An objective needs an outcome: this row has none, nor has any row above "
                    "it in this area.",
                )
                return
            lines = texts["objective"]
            self.objective = self.draft.placed(
                {"statement": PARAGRAPH_BREAK.join(lines), "success_criteria": [], "actions": []},
                row.place(self.table_number, "objective"),
            )
            self.outcome["objectives"].append(self.objective)
            self._joined(self.objective, row, "objective", lines)

    def _new_outcome(self, row: Row, lines: list[str]) -> None:
        number = None
        match = _OUTCOME_NUMBER.match(lines[0])
        if match:
            number = match["number"]
            lines = [match["statement"], *lines[1:]]
        self.outcome = self.draft.placed(
            {
                "number": number,
                "statement": PARAGRAPH_BREAK.join(lines),
                "success_criteria": [],
                "objectives": [],
                "actions": [],
            },
            row.place(self.table_number, "outcome"),
        )
        if self.area is not None:
            self.area["outcomes"].append(self.outcome)
        self.objective = None
        if number is not None:
            self._choose(
                self.outcome,
                row,
                "outcome",
                "outcome_number",
                f"'{number}' at the start of the outcome is read as its printed number.",
            )
        self._joined(self.outcome, row, "outcome", lines)

    def _blank_new(self, kind: str, row: Row, texts: dict[str, list[str]]) -> bool:
        """A blank cell of its own (not a merged cell carried down) in this column."""
        return (
            row.cells.get(kind) is not None
            and not texts.get(kind)
            and self.last.get(kind) is not None
        )

    def _continues(self, row: Row, kind: str) -> None:
        self.draft.choose(
            None,
            f"blank_{kind}_continues",
            f"A blank {kind} cell under a filled one is read as the same {kind} as above.",
            row.place(self.table_number, kind),
        )

    def _joined(self, item: dict[str, Any], row: Row, kind: str, lines: list[str]) -> None:
        if len(lines) > 1:
            self._choose(
                item,
                row,
                kind,
                "paragraphs_joined",
                f"The {kind} cell has {len(lines)} paragraphs. They are kept as paragraphs of "
                f"one {kind}, not {len(lines)} of them: the actions beside the cell sit beside "
                "all its paragraphs.",
            )

    def _paired(self, row: Row, kind: str, count: int) -> list[list[int]] | None:
        """Rule 5 for a cell beside an action cell of several actions: which of its `count`
        paragraphs go with each action, noted on each; None for a cell of one action."""
        if len(self.cell_actions) < 2:
            return None
        pairing = pair([place for _, place, _ in self.cell_actions], count)
        column = row.headers.get(kind, kind).lower()
        message = _PAIRED.get(pairing.how)
        for action, _, _ in self.cell_actions if message else []:
            self._choose(
                action,
                row,
                kind,
                f"paired_{pairing.how}",
                message.format(n=len(self.cell_actions), count=count, column=column),  # type: ignore[union-attr]
            )
        return pairing.groups

    def _criteria(
        self, row: Row, texts: dict[str, list[str]], actions: list[dict[str, Any]]
    ) -> None:
        cell = row.cells.get("criteria")
        if cell is None:
            return
        element = cell._tc
        groups: list[list[int]] | None = None
        if element not in self.criteria_of_cell:
            keys = self._new_criteria(row, texts, actions)
            groups = self._paired(row, "criteria", len(keys)) if keys else None
            if (
                not keys
                and actions
                and not self.sub_item_row
                and self.criteria_above
                and self.criteria_owner is self._owner()
            ):
                # A blank criteria cell means "same as above" within the item (rule 6).
                keys = list(self.criteria_above)
                self._choose(
                    actions[0],
                    row,
                    "criteria",
                    "criteria_same_as_above",
                    "The success criteria cell is blank under a filled one, so this action has "
                    "the criteria above.",
                )
            self.criteria_of_cell[element] = keys
        else:
            keys = self.criteria_of_cell[element]
            for action in actions if keys else []:
                self._choose(
                    action,
                    row,
                    "criteria",
                    "criteria_cell_spans_actions",
                    "The success criteria cell spans this action and the one above, so its "
                    "criteria go with each of them.",
                )
        for action in actions:
            _link(action, keys)
        if groups is not None:
            for (action, _, items), group in zip(self.cell_actions, groups, strict=True):
                for linked in (action, *items):
                    linked["success_criteria"] = []
                    _link(linked, [keys[i] for i in group])
        if keys and actions and not self.sub_item_row:
            self.criteria_above, self.criteria_owner = keys, self._owner()

    def _new_criteria(
        self, row: Row, texts: dict[str, list[str]], actions: list[dict[str, Any]]
    ) -> list[str]:
        keys = []
        for statement in texts.get("criteria", []):
            key, new = self.criteria.key(self._owner(), statement)
            keys.append(key)
            if not new:
                self._written_again(row, self.criterion_items[key], actions)
                continue
            criterion = self.criterion_items[key] = self.draft.placed(
                {"key": key, "statement": statement},
                row.place(self.table_number, "criteria"),
            )
            self._owner()["success_criteria"].append(criterion)
            if not actions:
                self.unlinked.add(key)
                self._choose(
                    criterion,
                    row,
                    "criteria",
                    "criteria_without_action",
                    "Sits on a row with no action, so it describes the item it sits under "
                    "and is linked to no action.",
                )
        return keys

    def _written_again(
        self, row: Row, criterion: dict[str, Any], actions: list[dict[str, Any]]
    ) -> None:
        if actions and criterion["key"] in self.unlinked:
            # Linked to an action after all: its reading as linked to none no longer holds.
            self.unlinked.discard(criterion["key"])
            self.draft.choices = [
                c
                for c in self.draft.choices
                if c.item is not criterion or c.kind != "criteria_without_action"
            ]
        self._choose(
            criterion,
            row,
            "criteria",
            "criterion_written_again",
            "The same criterion is written again in a cell of its own within the same "
            "objective (or outcome, or area): it is read as this one criterion, linked to the "
            "actions beside each cell it is written in.",
        )


def _link(action: dict[str, Any], keys: list[str]) -> None:
    for key in keys:
        if key not in action["success_criteria"]:
            action["success_criteria"].append(key)


# How the paragraphs of a cell beside an action cell of several actions went with them.
_PAIRED = {
    "in_order": "The action cell has {n} actions beside {count} paragraphs of the {column} "
    "cell, paired in order.",
    "each": "The {column} cell has one paragraph beside the {n} actions of the action cell; "
    "it goes with each of them.",
    "by_position": "The {column} cell has {count} paragraphs beside {n} actions; each goes with "
    "the action whose place in the action cell it lines up with or follows.",
    "all": "The {column} cell has {count} paragraphs beside {n} actions and nothing in the "
    "table pairs them, so each goes with every action: confirm which go together.",
}
