from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActionUpdate")


@_attrs_define
class ActionUpdate:
    """Changes to an action: only the fields sent change.

    Changing the due date (directly, or through a timescale that reads differently) needs
    `due_date_reason`; the reason is kept in the action's history.

        Attributes:
            outcome_id (None | str | Unset): Move to this outcome of the same area; null for none.
            objective_id (None | str | Unset): Move to this objective; null for none.
            parent_id (None | str | Unset): Make it a sub-action of this action; null for none.
            ref (str | Unset): New ref.
            title (str | Unset): New title.
            description (None | str | Unset): New detail.
            notes (None | str | Unset): New notes.
            timescale (None | str | Unset): New timescale text.
            due_date (datetime.date | None | Unset): New due date; null clears it.
            due_date_reason (str | Unset): Why the due date changes. Required whenever it does.
            lead_officer_ids (list[str] | Unset): The new lead officers, replacing the old.
            reading_notes (list[str] | Unset): New reading notes, replacing the old.
            needs_review (bool | Unset): False confirms the reading (the change is audited); true asks for review.
    """

    outcome_id: None | str | Unset = UNSET
    objective_id: None | str | Unset = UNSET
    parent_id: None | str | Unset = UNSET
    ref: str | Unset = UNSET
    title: str | Unset = UNSET
    description: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    timescale: None | str | Unset = UNSET
    due_date: datetime.date | None | Unset = UNSET
    due_date_reason: str | Unset = UNSET
    lead_officer_ids: list[str] | Unset = UNSET
    reading_notes: list[str] | Unset = UNSET
    needs_review: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        outcome_id: None | str | Unset
        if isinstance(self.outcome_id, Unset):
            outcome_id = UNSET
        else:
            outcome_id = self.outcome_id

        objective_id: None | str | Unset
        if isinstance(self.objective_id, Unset):
            objective_id = UNSET
        else:
            objective_id = self.objective_id

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        ref = self.ref

        title = self.title

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        timescale: None | str | Unset
        if isinstance(self.timescale, Unset):
            timescale = UNSET
        else:
            timescale = self.timescale

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        due_date_reason = self.due_date_reason

        lead_officer_ids: list[str] | Unset = UNSET
        if not isinstance(self.lead_officer_ids, Unset):
            lead_officer_ids = self.lead_officer_ids

        reading_notes: list[str] | Unset = UNSET
        if not isinstance(self.reading_notes, Unset):
            reading_notes = self.reading_notes

        needs_review = self.needs_review

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if outcome_id is not UNSET:
            field_dict["outcome_id"] = outcome_id
        if objective_id is not UNSET:
            field_dict["objective_id"] = objective_id
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if ref is not UNSET:
            field_dict["ref"] = ref
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if notes is not UNSET:
            field_dict["notes"] = notes
        if timescale is not UNSET:
            field_dict["timescale"] = timescale
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if due_date_reason is not UNSET:
            field_dict["due_date_reason"] = due_date_reason
        if lead_officer_ids is not UNSET:
            field_dict["lead_officer_ids"] = lead_officer_ids
        if reading_notes is not UNSET:
            field_dict["reading_notes"] = reading_notes
        if needs_review is not UNSET:
            field_dict["needs_review"] = needs_review

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_outcome_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome_id = _parse_outcome_id(d.pop("outcome_id", UNSET))

        def _parse_objective_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        objective_id = _parse_objective_id(d.pop("objective_id", UNSET))

        def _parse_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        ref = d.pop("ref", UNSET)

        title = d.pop("title", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_timescale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timescale = _parse_timescale(d.pop("timescale", UNSET))

        def _parse_due_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_date = _parse_due_date(d.pop("due_date", UNSET))

        due_date_reason = d.pop("due_date_reason", UNSET)

        lead_officer_ids = cast(list[str], d.pop("lead_officer_ids", UNSET))

        reading_notes = cast(list[str], d.pop("reading_notes", UNSET))

        needs_review = d.pop("needs_review", UNSET)

        action_update = cls(
            outcome_id=outcome_id,
            objective_id=objective_id,
            parent_id=parent_id,
            ref=ref,
            title=title,
            description=description,
            notes=notes,
            timescale=timescale,
            due_date=due_date,
            due_date_reason=due_date_reason,
            lead_officer_ids=lead_officer_ids,
            reading_notes=reading_notes,
            needs_review=needs_review,
        )

        return action_update
