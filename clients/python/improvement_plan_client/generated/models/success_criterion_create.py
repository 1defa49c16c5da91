from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SuccessCriterionCreate")


@_attrs_define
class SuccessCriterionCreate:
    """A new success criterion, attached to exactly one area, outcome or objective.

    Attributes:
        statement (str): How the plan will know it has succeeded.
        area_id (None | str | Unset): The improvement area it measures. Give exactly one of `area_id`, `outcome_id` and
            `objective_id`.
        outcome_id (None | str | Unset): The outcome it measures. Give exactly one of `area_id`, `outcome_id` and
            `objective_id`.
        objective_id (None | str | Unset): The objective it measures. Give exactly one of `area_id`, `outcome_id` and
            `objective_id`.
    """

    statement: str
    area_id: None | str | Unset = UNSET
    outcome_id: None | str | Unset = UNSET
    objective_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        statement = self.statement

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "statement": statement,
            }
        )
        if area_id is not UNSET:
            field_dict["area_id"] = area_id
        if outcome_id is not UNSET:
            field_dict["outcome_id"] = outcome_id
        if objective_id is not UNSET:
            field_dict["objective_id"] = objective_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        statement = d.pop("statement")

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

        success_criterion_create = cls(
            statement=statement,
            area_id=area_id,
            outcome_id=outcome_id,
            objective_id=objective_id,
        )

        return success_criterion_create
