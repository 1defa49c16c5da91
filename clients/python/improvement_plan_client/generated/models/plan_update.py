from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.plan_status import PlanStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rating_definitions import RatingDefinitions


T = TypeVar("T", bound="PlanUpdate")


@_attrs_define
class PlanUpdate:
    """Changes to a plan: only the fields sent change.

    Attributes:
        title (str | Unset): New title.
        organisation (str | Unset): New organisation.
        version_label (None | str | Unset): New version label; null clears it.
        status (PlanStatus | Unset): Where a plan is in its life: written, agreed by the board, or finished.
        description (None | str | Unset): New introduction; null clears it.
        rating_definitions (RatingDefinitions | Unset): What each rating means for this plan, in the plan's own words.
    """

    title: str | Unset = UNSET
    organisation: str | Unset = UNSET
    version_label: None | str | Unset = UNSET
    status: PlanStatus | Unset = UNSET
    description: None | str | Unset = UNSET
    rating_definitions: RatingDefinitions | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        organisation = self.organisation

        version_label: None | str | Unset
        if isinstance(self.version_label, Unset):
            version_label = UNSET
        else:
            version_label = self.version_label

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        rating_definitions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rating_definitions, Unset):
            rating_definitions = self.rating_definitions.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if organisation is not UNSET:
            field_dict["organisation"] = organisation
        if version_label is not UNSET:
            field_dict["version_label"] = version_label
        if status is not UNSET:
            field_dict["status"] = status
        if description is not UNSET:
            field_dict["description"] = description
        if rating_definitions is not UNSET:
            field_dict["rating_definitions"] = rating_definitions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.rating_definitions import RatingDefinitions

        d = dict(src_dict)
        title = d.pop("title", UNSET)

        organisation = d.pop("organisation", UNSET)

        def _parse_version_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version_label = _parse_version_label(d.pop("version_label", UNSET))

        _status = d.pop("status", UNSET)
        status: PlanStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = PlanStatus(_status)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _rating_definitions = d.pop("rating_definitions", UNSET)
        rating_definitions: RatingDefinitions | Unset
        if isinstance(_rating_definitions, Unset):
            rating_definitions = UNSET
        else:
            rating_definitions = RatingDefinitions.from_dict(_rating_definitions)

        plan_update = cls(
            title=title,
            organisation=organisation,
            version_label=version_label,
            status=status,
            description=description,
            rating_definitions=rating_definitions,
        )

        return plan_update
