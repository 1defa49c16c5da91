from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.delivery_status import DeliveryStatus
from ..models.rag import Rag
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.evidence import Evidence


T = TypeVar("T", bound="StatusUpdateCreate")


@_attrs_define
class StatusUpdateCreate:
    """A progress report on an action.

    Rules, each a 422 naming the field: `red` and `amber` need `narrative` and `next_steps`;
    `blue` goes with status `complete` and `complete` with `blue`; `deferred` and `cancelled`
    need a `reason`; `effective_date` cannot be in the future; an archived action takes no
    updates; a correction names an update of the same action that is not already corrected.

        Attributes:
            status (DeliveryStatus): Where delivery of an action stands, separate from the RAG judgement.
            rag (None | Rag | Unset): The rating: `red`, `amber`, `green`, `blue`, or null for not rated.
            narrative (None | str | Unset): Progress in words. Required for red and amber.
            next_steps (None | str | Unset): What happens next. Required for red and amber.
            reason (None | str | Unset): Why the action is deferred or cancelled. Required for those statuses.
            evidence (list[Evidence] | Unset): Evidence of progress.
            effective_date (datetime.date | None | Unset): The day the update reports on; today when left out.
            author (None | str | Unset): Who wrote it, for keys of integrating systems; a key bound to an officer is always
                that officer, and a signed-in person is always themselves: neither may name another author.
            corrects_update_id (None | str | Unset): The update this one corrects; the corrected one stays, marked
                superseded.
    """

    status: DeliveryStatus
    rag: None | Rag | Unset = UNSET
    narrative: None | str | Unset = UNSET
    next_steps: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    evidence: list[Evidence] | Unset = UNSET
    effective_date: datetime.date | None | Unset = UNSET
    author: None | str | Unset = UNSET
    corrects_update_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        rag: None | str | Unset
        if isinstance(self.rag, Unset):
            rag = UNSET
        elif isinstance(self.rag, Rag):
            rag = self.rag.value
        else:
            rag = self.rag

        narrative: None | str | Unset
        if isinstance(self.narrative, Unset):
            narrative = UNSET
        else:
            narrative = self.narrative

        next_steps: None | str | Unset
        if isinstance(self.next_steps, Unset):
            next_steps = UNSET
        else:
            next_steps = self.next_steps

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        evidence: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.evidence, Unset):
            evidence = []
            for evidence_item_data in self.evidence:
                evidence_item = evidence_item_data.to_dict()
                evidence.append(evidence_item)

        effective_date: None | str | Unset
        if isinstance(self.effective_date, Unset):
            effective_date = UNSET
        elif isinstance(self.effective_date, datetime.date):
            effective_date = self.effective_date.isoformat()
        else:
            effective_date = self.effective_date

        author: None | str | Unset
        if isinstance(self.author, Unset):
            author = UNSET
        else:
            author = self.author

        corrects_update_id: None | str | Unset
        if isinstance(self.corrects_update_id, Unset):
            corrects_update_id = UNSET
        else:
            corrects_update_id = self.corrects_update_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )
        if rag is not UNSET:
            field_dict["rag"] = rag
        if narrative is not UNSET:
            field_dict["narrative"] = narrative
        if next_steps is not UNSET:
            field_dict["next_steps"] = next_steps
        if reason is not UNSET:
            field_dict["reason"] = reason
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if effective_date is not UNSET:
            field_dict["effective_date"] = effective_date
        if author is not UNSET:
            field_dict["author"] = author
        if corrects_update_id is not UNSET:
            field_dict["corrects_update_id"] = corrects_update_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.evidence import Evidence

        d = dict(src_dict)
        status = DeliveryStatus(d.pop("status"))

        def _parse_rag(data: object) -> None | Rag | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rag_type_0 = Rag(data)

                return rag_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Rag | Unset, data)

        rag = _parse_rag(d.pop("rag", UNSET))

        def _parse_narrative(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        narrative = _parse_narrative(d.pop("narrative", UNSET))

        def _parse_next_steps(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_steps = _parse_next_steps(d.pop("next_steps", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        _evidence = d.pop("evidence", UNSET)
        evidence: list[Evidence] | Unset = UNSET
        if _evidence is not UNSET:
            evidence = []
            for evidence_item_data in _evidence:
                evidence_item = Evidence.from_dict(evidence_item_data)

                evidence.append(evidence_item)

        def _parse_effective_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_date_type_0 = datetime.date.fromisoformat(data)

                return effective_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        effective_date = _parse_effective_date(d.pop("effective_date", UNSET))

        def _parse_author(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        author = _parse_author(d.pop("author", UNSET))

        def _parse_corrects_update_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        corrects_update_id = _parse_corrects_update_id(
            d.pop("corrects_update_id", UNSET)
        )

        status_update_create = cls(
            status=status,
            rag=rag,
            narrative=narrative,
            next_steps=next_steps,
            reason=reason,
            evidence=evidence,
            effective_date=effective_date,
            author=author,
            corrects_update_id=corrects_update_id,
        )

        return status_update_create
