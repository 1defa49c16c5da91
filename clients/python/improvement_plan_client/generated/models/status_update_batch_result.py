from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.batch_item_failure import BatchItemFailure
    from ..models.status_update_read import StatusUpdateRead


T = TypeVar("T", bound="StatusUpdateBatchResult")


@_attrs_define
class StatusUpdateBatchResult:
    """What a batch stored, or with `dry_run=true` would store.

    Attributes:
        dry_run (bool): True for a dry run's preview: `created` shows the updates as they would be stored, and nothing
            was (their ids and times are not kept).
        created (list[StatusUpdateRead]): The stored updates, in item order.
        failed (list[BatchItemFailure]): Items not stored; always empty when `all_or_nothing` is true.
    """

    dry_run: bool
    created: list[StatusUpdateRead]
    failed: list[BatchItemFailure]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dry_run = self.dry_run

        created = []
        for created_item_data in self.created:
            created_item = created_item_data.to_dict()
            created.append(created_item)

        failed = []
        for failed_item_data in self.failed:
            failed_item = failed_item_data.to_dict()
            failed.append(failed_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dry_run": dry_run,
                "created": created,
                "failed": failed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.batch_item_failure import BatchItemFailure
        from ..models.status_update_read import StatusUpdateRead

        d = dict(src_dict)
        dry_run = d.pop("dry_run")

        created = []
        _created = d.pop("created")
        for created_item_data in _created:
            created_item = StatusUpdateRead.from_dict(created_item_data)

            created.append(created_item)

        failed = []
        _failed = d.pop("failed")
        for failed_item_data in _failed:
            failed_item = BatchItemFailure.from_dict(failed_item_data)

            failed.append(failed_item)

        status_update_batch_result = cls(
            dry_run=dry_run,
            created=created,
            failed=failed,
        )

        status_update_batch_result.additional_properties = d
        return status_update_batch_result

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
