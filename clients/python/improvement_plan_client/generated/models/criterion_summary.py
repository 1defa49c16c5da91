from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CriterionSummary")


@_attrs_define
class CriterionSummary:
    """A success criterion linked to the action.

    Attributes:
        id (str): Opaque identifier.
        created_at (datetime.datetime): When it was created (RFC 3339, UTC).
        updated_at (datetime.datetime): When it last changed (RFC 3339, UTC).
        archived_at (datetime.datetime | None): When it was archived; null while it is live.
        statement (str): What good looks like.
        area_id (None | str): Set when it describes the whole area.
        outcome_id (None | str): Set when it describes an outcome.
        objective_id (None | str): Set when it describes an objective.
    """

    id: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    archived_at: datetime.datetime | None
    statement: str
    area_id: None | str
    outcome_id: None | str
    objective_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        archived_at: None | str
        if isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        statement = self.statement

        area_id: None | str
        area_id = self.area_id

        outcome_id: None | str
        outcome_id = self.outcome_id

        objective_id: None | str
        objective_id = self.objective_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "archived_at": archived_at,
                "statement": statement,
                "area_id": area_id,
                "outcome_id": outcome_id,
                "objective_id": objective_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_archived_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                archived_at_type_0 = datetime.datetime.fromisoformat(data)

                return archived_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        statement = d.pop("statement")

        def _parse_area_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        area_id = _parse_area_id(d.pop("area_id"))

        def _parse_outcome_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome_id = _parse_outcome_id(d.pop("outcome_id"))

        def _parse_objective_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        objective_id = _parse_objective_id(d.pop("objective_id"))

        criterion_summary = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            archived_at=archived_at,
            statement=statement,
            area_id=area_id,
            outcome_id=outcome_id,
            objective_id=objective_id,
        )

        criterion_summary.additional_properties = d
        return criterion_summary

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
