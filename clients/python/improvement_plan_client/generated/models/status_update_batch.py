from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.status_update_batch_item import StatusUpdateBatchItem


T = TypeVar("T", bound="StatusUpdateBatch")


@_attrs_define
class StatusUpdateBatch:
    """Many status updates, checked by the same rules as one, and stored in one transaction.

    Attributes:
        items (list[StatusUpdateBatchItem]): The updates, at most 500.
        all_or_nothing (bool | Unset): When true (the default), one broken item stores nothing and the 422 names every
            broken item (`body.items[3].rag`). When false, the items that keep the rules are stored and the others are
            answered in `failed`. Default: True.
    """

    items: list[StatusUpdateBatchItem]
    all_or_nothing: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        all_or_nothing = self.all_or_nothing

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
            }
        )
        if all_or_nothing is not UNSET:
            field_dict["all_or_nothing"] = all_or_nothing

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.status_update_batch_item import StatusUpdateBatchItem

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = StatusUpdateBatchItem.from_dict(items_item_data)

            items.append(items_item)

        all_or_nothing = d.pop("all_or_nothing", UNSET)

        status_update_batch = cls(
            items=items,
            all_or_nothing=all_or_nothing,
        )

        return status_update_batch
