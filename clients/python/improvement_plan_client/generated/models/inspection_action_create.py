from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="InspectionActionCreate")


@_attrs_define
class InspectionActionCreate:
    """A new inspection recommendation, in a plan. Source and number are unique in the plan.

    Attributes:
        number (int): The recommendation's number.
        text (str): The recommendation as written.
        plan_id (str): The plan it belongs to; it must exist and not be archived.
        source (str | Unset): Who made the recommendation. Default: 'Ofsted'.
    """

    number: int
    text: str
    plan_id: str
    source: str | Unset = "Ofsted"

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        text = self.text

        plan_id = self.plan_id

        source = self.source

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "number": number,
                "text": text,
                "plan_id": plan_id,
            }
        )
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        number = d.pop("number")

        text = d.pop("text")

        plan_id = d.pop("plan_id")

        source = d.pop("source", UNSET)

        inspection_action_create = cls(
            number=number,
            text=text,
            plan_id=plan_id,
            source=source,
        )

        return inspection_action_create
