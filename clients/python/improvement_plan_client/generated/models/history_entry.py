from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.history_kind import HistoryKind

if TYPE_CHECKING:
    from ..models.due_date_revision_read import DueDateRevisionRead
    from ..models.history_entry_changes import HistoryEntryChanges
    from ..models.status_update_read import StatusUpdateRead


T = TypeVar("T", bound="HistoryEntry")


@_attrs_define
class HistoryEntry:
    """One event in an action's life.

    Attributes:
        occurred_at (datetime.datetime): When it was recorded (RFC 3339, UTC).
        kind (HistoryKind): What a history entry records.
        operation (str): The audit operation, e.g. `create`, `update`, `link`.
        actor (str): Who did it.
        changes (HistoryEntryChanges): Fields that changed on the action, each `{"before", "after"}`.
        request_id (None | str): The request's `X-Request-ID`.
        status_update (None | StatusUpdateRead): The status update, for `status_update` entries.
        due_date_revision (DueDateRevisionRead | None): The revision, for `due_date_revision` entries.
    """

    occurred_at: datetime.datetime
    kind: HistoryKind
    operation: str
    actor: str
    changes: HistoryEntryChanges
    request_id: None | str
    status_update: None | StatusUpdateRead
    due_date_revision: DueDateRevisionRead | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.due_date_revision_read import DueDateRevisionRead
        from ..models.status_update_read import StatusUpdateRead

        occurred_at = self.occurred_at.isoformat()

        kind = self.kind.value

        operation = self.operation

        actor = self.actor

        changes = self.changes.to_dict()

        request_id: None | str
        request_id = self.request_id

        status_update: dict[str, Any] | None
        if isinstance(self.status_update, StatusUpdateRead):
            status_update = self.status_update.to_dict()
        else:
            status_update = self.status_update

        due_date_revision: dict[str, Any] | None
        if isinstance(self.due_date_revision, DueDateRevisionRead):
            due_date_revision = self.due_date_revision.to_dict()
        else:
            due_date_revision = self.due_date_revision

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "occurred_at": occurred_at,
                "kind": kind,
                "operation": operation,
                "actor": actor,
                "changes": changes,
                "request_id": request_id,
                "status_update": status_update,
                "due_date_revision": due_date_revision,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.due_date_revision_read import DueDateRevisionRead
        from ..models.history_entry_changes import HistoryEntryChanges
        from ..models.status_update_read import StatusUpdateRead

        d = dict(src_dict)
        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        kind = HistoryKind(d.pop("kind"))

        operation = d.pop("operation")

        actor = d.pop("actor")

        changes = HistoryEntryChanges.from_dict(d.pop("changes"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        def _parse_status_update(data: object) -> None | StatusUpdateRead:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                status_update_type_0 = StatusUpdateRead.from_dict(data)

                return status_update_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StatusUpdateRead, data)

        status_update = _parse_status_update(d.pop("status_update"))

        def _parse_due_date_revision(data: object) -> DueDateRevisionRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                due_date_revision_type_0 = DueDateRevisionRead.from_dict(data)

                return due_date_revision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DueDateRevisionRead | None, data)

        due_date_revision = _parse_due_date_revision(d.pop("due_date_revision"))

        history_entry = cls(
            occurred_at=occurred_at,
            kind=kind,
            operation=operation,
            actor=actor,
            changes=changes,
            request_id=request_id,
            status_update=status_update,
            due_date_revision=due_date_revision,
        )

        history_entry.additional_properties = d
        return history_entry

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
