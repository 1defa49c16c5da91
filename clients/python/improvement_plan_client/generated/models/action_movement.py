from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.movement import Movement
from ..models.rag import Rag

T = TypeVar("T", bound="ActionMovement")


@_attrs_define
class ActionMovement:
    """How one action's rating moved between the previous meeting's snapshot and this one.

    Attributes:
        ref (str): The action's ref.
        action_id (str): The action's id.
        title (str): Its title, in the latest snapshot that has it.
        previous_rag (None | Rag): Its rating in the previous snapshot; null when not rated or not there.
        current_rag (None | Rag): Its rating in this snapshot; null when not rated or not there.
        in_previous (bool): Whether the previous snapshot has the action.
        in_current (bool): Whether this snapshot has the action.
        movement (Movement): How an action's rating moved between two quarter ends (red < amber < green < blue).
    """

    ref: str
    action_id: str
    title: str
    previous_rag: None | Rag
    current_rag: None | Rag
    in_previous: bool
    in_current: bool
    movement: Movement
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ref = self.ref

        action_id = self.action_id

        title = self.title

        previous_rag: None | str
        if isinstance(self.previous_rag, Rag):
            previous_rag = self.previous_rag.value
        else:
            previous_rag = self.previous_rag

        current_rag: None | str
        if isinstance(self.current_rag, Rag):
            current_rag = self.current_rag.value
        else:
            current_rag = self.current_rag

        in_previous = self.in_previous

        in_current = self.in_current

        movement = self.movement.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ref": ref,
                "action_id": action_id,
                "title": title,
                "previous_rag": previous_rag,
                "current_rag": current_rag,
                "in_previous": in_previous,
                "in_current": in_current,
                "movement": movement,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ref = d.pop("ref")

        action_id = d.pop("action_id")

        title = d.pop("title")

        def _parse_previous_rag(data: object) -> None | Rag:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_rag_type_0 = Rag(data)

                return previous_rag_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Rag, data)

        previous_rag = _parse_previous_rag(d.pop("previous_rag"))

        def _parse_current_rag(data: object) -> None | Rag:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                current_rag_type_0 = Rag(data)

                return current_rag_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Rag, data)

        current_rag = _parse_current_rag(d.pop("current_rag"))

        in_previous = d.pop("in_previous")

        in_current = d.pop("in_current")

        movement = Movement(d.pop("movement"))

        action_movement = cls(
            ref=ref,
            action_id=action_id,
            title=title,
            previous_rag=previous_rag,
            current_rag=current_rag,
            in_previous=in_previous,
            in_current=in_current,
            movement=movement,
        )

        action_movement.additional_properties = d
        return action_movement

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
