from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RatingDefinitions")


@_attrs_define
class RatingDefinitions:
    """What each rating means for this plan, in the plan's own words.

    Attributes:
        red (str | Unset): What a red rating means for this plan. Default: 'Off track: the action will not be delivered
            on time without intervention.'.
        amber (str | Unset): What an amber rating means for this plan. Default: 'At risk: delivery is slipping or faces
            issues that are being managed.'.
        green (str | Unset): What a green rating means for this plan. Default: 'On track: the action is progressing as
            planned.'.
        blue (str | Unset): What a blue rating means for this plan. Default: 'Complete: the action has been delivered.'.
    """

    red: str | Unset = (
        "Off track: the action will not be delivered on time without intervention."
    )
    amber: str | Unset = (
        "At risk: delivery is slipping or faces issues that are being managed."
    )
    green: str | Unset = "On track: the action is progressing as planned."
    blue: str | Unset = "Complete: the action has been delivered."

    def to_dict(self) -> dict[str, Any]:
        red = self.red

        amber = self.amber

        green = self.green

        blue = self.blue

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if red is not UNSET:
            field_dict["red"] = red
        if amber is not UNSET:
            field_dict["amber"] = amber
        if green is not UNSET:
            field_dict["green"] = green
        if blue is not UNSET:
            field_dict["blue"] = blue

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        red = d.pop("red", UNSET)

        amber = d.pop("amber", UNSET)

        green = d.pop("green", UNSET)

        blue = d.pop("blue", UNSET)

        rating_definitions = cls(
            red=red,
            amber=amber,
            green=green,
            blue=blue,
        )

        return rating_definitions
