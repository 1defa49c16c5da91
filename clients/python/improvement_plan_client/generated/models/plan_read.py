from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_status import PlanStatus
from ..models.rating_definitions_source import RatingDefinitionsSource

if TYPE_CHECKING:
    from ..models.meeting_cadence import MeetingCadence
    from ..models.rating_definitions import RatingDefinitions


T = TypeVar("T", bound="PlanRead")


@_attrs_define
class PlanRead:
    """A plan.

    Attributes:
        id (str): Opaque identifier.
        created_at (datetime.datetime): When it was created (RFC 3339, UTC).
        updated_at (datetime.datetime): When it last changed (RFC 3339, UTC).
        archived_at (datetime.datetime | None): When it was archived; null while it is live.
        title (str): The plan's title, as its document has it.
        organisation (str): The council or body whose plan this is.
        version_label (None | str): The document's own version label.
        status (PlanStatus): Where a plan is in its life: written, agreed by the board, or finished.
        update_interval_days (int): How many days an action may go without a status update before it is stale. Default:
            31.
        description (None | str): Introductory text: why the plan exists and how it is governed.
        rating_definitions (RatingDefinitions): What each rating means for this plan, in the plan's own words.
        rating_definitions_source (RatingDefinitionsSource): Whose words a plan's rating definitions are.
        meeting_schedule (MeetingCadence | None): How often the board overseeing the plan meets, as the plan states it;
            null when it does not say.
        key (None | str): The plan's business key, unique and the same in every environment: lower-case letters, digits
            and hyphens (`stockton-2023`).
    """

    id: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    archived_at: datetime.datetime | None
    title: str
    organisation: str
    version_label: None | str
    status: PlanStatus
    description: None | str
    rating_definitions: RatingDefinitions
    rating_definitions_source: RatingDefinitionsSource
    meeting_schedule: MeetingCadence | None
    key: None | str
    update_interval_days: int = 31
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.meeting_cadence import MeetingCadence

        id = self.id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        archived_at: None | str
        if isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        title = self.title

        organisation = self.organisation

        version_label: None | str
        version_label = self.version_label

        status = self.status.value

        update_interval_days = self.update_interval_days

        description: None | str
        description = self.description

        rating_definitions = self.rating_definitions.to_dict()

        rating_definitions_source = self.rating_definitions_source.value

        meeting_schedule: dict[str, Any] | None
        if isinstance(self.meeting_schedule, MeetingCadence):
            meeting_schedule = self.meeting_schedule.to_dict()
        else:
            meeting_schedule = self.meeting_schedule

        key: None | str
        key = self.key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "archived_at": archived_at,
                "title": title,
                "organisation": organisation,
                "version_label": version_label,
                "status": status,
                "update_interval_days": update_interval_days,
                "description": description,
                "rating_definitions": rating_definitions,
                "rating_definitions_source": rating_definitions_source,
                "meeting_schedule": meeting_schedule,
                "key": key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.meeting_cadence import MeetingCadence
        from ..models.rating_definitions import RatingDefinitions

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

        title = d.pop("title")

        organisation = d.pop("organisation")

        def _parse_version_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        version_label = _parse_version_label(d.pop("version_label"))

        status = PlanStatus(d.pop("status"))

        update_interval_days = d.pop("update_interval_days")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        rating_definitions = RatingDefinitions.from_dict(d.pop("rating_definitions"))

        rating_definitions_source = RatingDefinitionsSource(
            d.pop("rating_definitions_source")
        )

        def _parse_meeting_schedule(data: object) -> MeetingCadence | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                meeting_schedule_type_0 = MeetingCadence.from_dict(data)

                return meeting_schedule_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeetingCadence | None, data)

        meeting_schedule = _parse_meeting_schedule(d.pop("meeting_schedule"))

        def _parse_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key = _parse_key(d.pop("key"))

        plan_read = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            archived_at=archived_at,
            title=title,
            organisation=organisation,
            version_label=version_label,
            status=status,
            update_interval_days=update_interval_days,
            description=description,
            rating_definitions=rating_definitions,
            rating_definitions_source=rating_definitions_source,
            meeting_schedule=meeting_schedule,
            key=key,
        )

        plan_read.additional_properties = d
        return plan_read

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
