from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StrategyLinkCreate")


@_attrs_define
class StrategyLinkCreate:
    """A new link from an action to a strategy in the same plan.

    Attributes:
        action_id (str): The action; it must exist and not be archived.
        strategy_id (str): The strategy, in the action's plan; it must exist and not be archived.
        note (None | str | Unset): How the action contributes to the strategy, or where in it the action appears.
    """

    action_id: str
    strategy_id: str
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action_id = self.action_id

        strategy_id = self.strategy_id

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action_id": action_id,
                "strategy_id": strategy_id,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        action_id = d.pop("action_id")

        strategy_id = d.pop("strategy_id")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        strategy_link_create = cls(
            action_id=action_id,
            strategy_id=strategy_id,
            note=note,
        )

        return strategy_link_create
