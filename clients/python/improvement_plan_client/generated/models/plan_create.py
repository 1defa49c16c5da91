from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.plan_status import PlanStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.meeting_cadence import MeetingCadence
    from ..models.rating_definitions import RatingDefinitions


T = TypeVar("T", bound="PlanCreate")


@_attrs_define
class PlanCreate:
    """A new plan.

    Attributes:
        title (str): The plan's title, as its document has it.
        organisation (str): The council or body whose plan this is.
        version_label (None | str | Unset): The document's own version label.
        status (PlanStatus | Unset): Where a plan is in its life: written, agreed by the board, or finished.
        update_interval_days (int | Unset): How many days an action may go without a status update before it is stale.
            Default: 31.
        description (None | str | Unset): Introductory text: why the plan exists and how it is governed.
        key (None | str | Unset): The plan's business key, unique and the same in every environment: lower-case letters,
            digits and hyphens (`stockton-2023`). Optional.
        rating_definitions (RatingDefinitions | Unset): What each rating means for this plan, in the plan's own words.
        meeting_schedule (MeetingCadence | None | Unset): How often the board overseeing the plan meets.
    """

    title: str
    organisation: str
    version_label: None | str | Unset = UNSET
    status: PlanStatus | Unset = UNSET
    update_interval_days: int | Unset = 31
    description: None | str | Unset = UNSET
    key: None | str | Unset = UNSET
    rating_definitions: RatingDefinitions | Unset = UNSET
    meeting_schedule: MeetingCadence | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.meeting_cadence import MeetingCadence

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

        update_interval_days = self.update_interval_days

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        key: None | str | Unset
        if isinstance(self.key, Unset):
            key = UNSET
        else:
            key = self.key

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

        field_dict.update(
            {
                "title": title,
                "organisation": organisation,
            }
        )
        if version_label is not UNSET:
            field_dict["version_label"] = version_label
        if status is not UNSET:
            field_dict["status"] = status
        if update_interval_days is not UNSET:
            field_dict["update_interval_days"] = update_interval_days
        if description is not UNSET:
            field_dict["description"] = description
        if key is not UNSET:
            field_dict["key"] = key
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
        title = d.pop("title")

        organisation = d.pop("organisation")

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

        update_interval_days = d.pop("update_interval_days", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        key = _parse_key(d.pop("key", UNSET))

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

        plan_create = cls(
            title=title,
            organisation=organisation,
            version_label=version_label,
            status=status,
            update_interval_days=update_interval_days,
            description=description,
            key=key,
            rating_definitions=rating_definitions,
            meeting_schedule=meeting_schedule,
        )

        return plan_create
