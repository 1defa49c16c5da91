from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.plan_status import PlanStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.meeting_cadence import MeetingCadence
    from ..models.rating_definitions import RatingDefinitions


T = TypeVar("T", bound="PlanUpdate")


@_attrs_define
class PlanUpdate:
    """Changes to a plan: only the fields sent change.

    Attributes:
        key (None | str | Unset): New key; null clears it.
        title (str | Unset): New title.
        organisation (str | Unset): New organisation.
        version_label (None | str | Unset): New version label; null clears it.
        status (PlanStatus | Unset): Where a plan is in its life: written, agreed by the board, or finished.
        description (None | str | Unset): New introduction; null clears it.
        rating_definitions (RatingDefinitions | Unset): What each rating means for this plan, in the plan's own words.
        meeting_schedule (MeetingCadence | None | Unset): New meeting schedule; null clears it.
    """

    key: None | str | Unset = UNSET
    title: str | Unset = UNSET
    organisation: str | Unset = UNSET
    version_label: None | str | Unset = UNSET
    status: PlanStatus | Unset = UNSET
    description: None | str | Unset = UNSET
    rating_definitions: RatingDefinitions | Unset = UNSET
    meeting_schedule: MeetingCadence | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.meeting_cadence import MeetingCadence

        key: None | str | Unset
        if isinstance(self.key, Unset):
            key = UNSET
        else:
            key = self.key

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

        meeting_schedule: dict[str, Any] | None | Unset
        if isinstance(self.meeting_schedule, Unset):
            meeting_schedule = UNSET
        elif isinstance(self.meeting_schedule, MeetingCadence):
            meeting_schedule = self.meeting_schedule.to_dict()
        else:
            meeting_schedule = self.meeting_schedule

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if key is not UNSET:
            field_dict["key"] = key
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
        if meeting_schedule is not UNSET:
            field_dict["meeting_schedule"] = meeting_schedule

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.meeting_cadence import MeetingCadence
        from ..models.rating_definitions import RatingDefinitions

        d = dict(src_dict)

        def _parse_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        key = _parse_key(d.pop("key", UNSET))

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

        def _parse_meeting_schedule(data: object) -> MeetingCadence | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                meeting_schedule_type_0 = MeetingCadence.from_dict(data)

                return meeting_schedule_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeetingCadence | None | Unset, data)

        meeting_schedule = _parse_meeting_schedule(d.pop("meeting_schedule", UNSET))

        plan_update = cls(
            key=key,
            title=title,
            organisation=organisation,
            version_label=version_label,
            status=status,
            description=description,
            rating_definitions=rating_definitions,
            meeting_schedule=meeting_schedule,
        )

        return plan_update
