from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActionCreate")


@_attrs_define
class ActionCreate:
    """A new action or sub-action.

    `area_id` is required unless `parent_id` is given (a sub-action takes its parent's area,
    outcome and objective unless told otherwise). The outcome must belong to the area and the
    objective to the outcome; an objective alone implies its outcome.

        Attributes:
            title (str): What will be done.
            area_id (None | str | Unset): The area it belongs to.
            outcome_id (None | str | Unset): Its outcome, if any.
            objective_id (None | str | Unset): Its objective, if any.
            parent_id (None | str | Unset): The action this is a sub-action of.
            ref (None | str | Unset): A short reference, unique in the plan (`A1.3`; sub-actions `A4.5.2`). Assigned when
                left out.
            description (None | str | Unset): More detail.
            notes (None | str | Unset): Notes written beside the action.
            timescale (None | str | Unset): The timescale as written in the plan: `May 23`, `Every Q`, `Ongoing`.
            due_date (datetime.date | None | Unset): The due date, when it differs from what the timescale says.
            lead_officer_ids (list[str] | Unset): The accountable officers or roles, in order.
    """

    title: str
    area_id: None | str | Unset = UNSET
    outcome_id: None | str | Unset = UNSET
    objective_id: None | str | Unset = UNSET
    parent_id: None | str | Unset = UNSET
    ref: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    timescale: None | str | Unset = UNSET
    due_date: datetime.date | None | Unset = UNSET
    lead_officer_ids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        area_id: None | str | Unset
        if isinstance(self.area_id, Unset):
            area_id = UNSET
        else:
            area_id = self.area_id

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

        ref: None | str | Unset
        if isinstance(self.ref, Unset):
            ref = UNSET
        else:
            ref = self.ref

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

        lead_officer_ids: list[str] | Unset = UNSET
        if not isinstance(self.lead_officer_ids, Unset):
            lead_officer_ids = self.lead_officer_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if area_id is not UNSET:
            field_dict["area_id"] = area_id
        if outcome_id is not UNSET:
            field_dict["outcome_id"] = outcome_id
        if objective_id is not UNSET:
            field_dict["objective_id"] = objective_id
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if ref is not UNSET:
            field_dict["ref"] = ref
        if description is not UNSET:
            field_dict["description"] = description
        if notes is not UNSET:
            field_dict["notes"] = notes
        if timescale is not UNSET:
            field_dict["timescale"] = timescale
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if lead_officer_ids is not UNSET:
            field_dict["lead_officer_ids"] = lead_officer_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        title = d.pop("title")

        def _parse_area_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        area_id = _parse_area_id(d.pop("area_id", UNSET))

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

        def _parse_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ref = _parse_ref(d.pop("ref", UNSET))

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

        lead_officer_ids = cast(list[str], d.pop("lead_officer_ids", UNSET))

        action_create = cls(
            title=title,
            area_id=area_id,
            outcome_id=outcome_id,
            objective_id=objective_id,
            parent_id=parent_id,
            ref=ref,
            description=description,
            notes=notes,
            timescale=timescale,
            due_date=due_date,
            lead_officer_ids=lead_officer_ids,
        )

        return action_create
