from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_status import DeliveryStatus
from ..models.rag import Rag

if TYPE_CHECKING:
    from ..models.evidence import Evidence


T = TypeVar("T", bound="StatusUpdateRead")


@_attrs_define
class StatusUpdateRead:
    """A status update. Never changed: a correction is a new update.

    Attributes:
        id (str): Opaque identifier.
        action_id (str): The action it reports on.
        plan_id (str): The action's plan.
        area_id (str): The action's area.
        rag (None | Rag): The rating; null for not rated.
        status (DeliveryStatus): Where delivery of an action stands, separate from the RAG judgement.
        narrative (None | str): Progress in words.
        next_steps (None | str): What happens next.
        reason (None | str): Why deferred or cancelled.
        evidence (list[Evidence]): Evidence of progress.
        effective_date (datetime.date): The day it reports on.
        author (str): Who wrote it.
        author_officer_id (None | str): The author's officer record, if any.
        author_subject (None | str): The author's subject at the sign-in provider, when they signed in with OpenID
            Connect; null for an API key.
        corrects_update_id (None | str): The update it corrects.
        superseded_by_id (None | str): The update that corrects it, if any.
        created_at (datetime.datetime): When it was recorded (server clock, UTC).
        updated_at (datetime.datetime): Always equal to `created_at`.
        archived_at (datetime.datetime | None): Always null: updates are never archived.
    """

    id: str
    action_id: str
    plan_id: str
    area_id: str
    rag: None | Rag
    status: DeliveryStatus
    narrative: None | str
    next_steps: None | str
    reason: None | str
    evidence: list[Evidence]
    effective_date: datetime.date
    author: str
    author_officer_id: None | str
    author_subject: None | str
    corrects_update_id: None | str
    superseded_by_id: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    archived_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        action_id = self.action_id

        plan_id = self.plan_id

        area_id = self.area_id

        rag: None | str
        if isinstance(self.rag, Rag):
            rag = self.rag.value
        else:
            rag = self.rag

        status = self.status.value

        narrative: None | str
        narrative = self.narrative

        next_steps: None | str
        next_steps = self.next_steps

        reason: None | str
        reason = self.reason

        evidence = []
        for evidence_item_data in self.evidence:
            evidence_item = evidence_item_data.to_dict()
            evidence.append(evidence_item)

        effective_date = self.effective_date.isoformat()

        author = self.author

        author_officer_id: None | str
        author_officer_id = self.author_officer_id

        author_subject: None | str
        author_subject = self.author_subject

        corrects_update_id: None | str
        corrects_update_id = self.corrects_update_id

        superseded_by_id: None | str
        superseded_by_id = self.superseded_by_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        archived_at: None | str
        if isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "action_id": action_id,
                "plan_id": plan_id,
                "area_id": area_id,
                "rag": rag,
                "status": status,
                "narrative": narrative,
                "next_steps": next_steps,
                "reason": reason,
                "evidence": evidence,
                "effective_date": effective_date,
                "author": author,
                "author_officer_id": author_officer_id,
                "author_subject": author_subject,
                "corrects_update_id": corrects_update_id,
                "superseded_by_id": superseded_by_id,
                "created_at": created_at,
                "updated_at": updated_at,
                "archived_at": archived_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.evidence import Evidence

        d = dict(src_dict)
        id = d.pop("id")

        action_id = d.pop("action_id")

        plan_id = d.pop("plan_id")

        area_id = d.pop("area_id")

        def _parse_rag(data: object) -> None | Rag:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rag_type_0 = Rag(data)

                return rag_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Rag, data)

        rag = _parse_rag(d.pop("rag"))

        status = DeliveryStatus(d.pop("status"))

        def _parse_narrative(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        narrative = _parse_narrative(d.pop("narrative"))

        def _parse_next_steps(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_steps = _parse_next_steps(d.pop("next_steps"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        evidence = []
        _evidence = d.pop("evidence")
        for evidence_item_data in _evidence:
            evidence_item = Evidence.from_dict(evidence_item_data)

            evidence.append(evidence_item)

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))

        author = d.pop("author")

        def _parse_author_officer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        author_officer_id = _parse_author_officer_id(d.pop("author_officer_id"))

        def _parse_author_subject(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        author_subject = _parse_author_subject(d.pop("author_subject"))

        def _parse_corrects_update_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        corrects_update_id = _parse_corrects_update_id(d.pop("corrects_update_id"))

        def _parse_superseded_by_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        superseded_by_id = _parse_superseded_by_id(d.pop("superseded_by_id"))

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

        status_update_read = cls(
            id=id,
            action_id=action_id,
            plan_id=plan_id,
            area_id=area_id,
            rag=rag,
            status=status,
            narrative=narrative,
            next_steps=next_steps,
            reason=reason,
            evidence=evidence,
            effective_date=effective_date,
            author=author,
            author_officer_id=author_officer_id,
            author_subject=author_subject,
            corrects_update_id=corrects_update_id,
            superseded_by_id=superseded_by_id,
            created_at=created_at,
            updated_at=updated_at,
            archived_at=archived_at,
        )

        status_update_read.additional_properties = d
        return status_update_read

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
