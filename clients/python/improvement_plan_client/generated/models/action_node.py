from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_status import DeliveryStatus
from ..models.rag import Rag
from ..models.recurrence import Recurrence

if TYPE_CHECKING:
    from ..models.action_summary import ActionSummary
    from ..models.criterion_summary import CriterionSummary
    from ..models.inspection_action_summary import InspectionActionSummary
    from ..models.officer_summary import OfficerSummary
    from ..models.status_update_read import StatusUpdateRead
    from ..models.strategy_on_action import StrategyOnAction


T = TypeVar("T", bound="ActionNode")


@_attrs_define
class ActionNode:
    """An action with its success criteria, strategies and inspection actions expanded.

    Attributes:
        id (str): Opaque identifier.
        created_at (datetime.datetime): When it was created (RFC 3339, UTC).
        updated_at (datetime.datetime): When it last changed (RFC 3339, UTC).
        archived_at (datetime.datetime | None): When it was archived; null while it is live.
        plan_id (str): The plan.
        area_id (str): The improvement area.
        outcome_id (None | str): The outcome, if any.
        objective_id (None | str): The objective, if any.
        parent_id (None | str): The parent action of a sub-action.
        ref (str): A short reference, unique in the plan (`A1.3`; sub-actions `A4.5.2`).
        title (str): What will be done.
        description (None | str): More detail.
        notes (None | str): Notes written beside the action.
        timescale (None | str): The timescale as written in the plan: `May 23`, `Every Q`, `Ongoing`.
        timescale_readable (bool): False when the timescale text could not be read as a date or recurrence; the text is
            kept and no due date is guessed.
        due_date (datetime.date | None): When it is due now.
        original_due_date (datetime.date | None): The first due date it had.
        due_date_revision_count (int): How many times the due date has changed.
        slippage_days (int | None): Days between the original and the current due date; positive when late.
        recurrence (Recurrence): How an action repeats: a one-off with a due date, ongoing, quarterly or monthly.
        rag (None | Rag): Current rating; null when not rated.
        status (DeliveryStatus): Where delivery of an action stands, separate from the RAG judgement.
        last_update_date (datetime.date | None): Effective date of the latest status update.
        completed_date (datetime.date | None): When it was completed.
        overdue (bool): Past its due date and neither complete nor cancelled.
        position (int): Its place in document order under its parent item.
        reading_notes (list[str]): Why the item reads as it does from its source document: what was split, joined,
            paired, inherited from the row above or given a date. Empty when the source said it plainly.
        needs_review (bool): True while the plan's owner has still to confirm a reading choice described in
            `reading_notes`; an editor confirms by setting it to false.
        lead_officers (list[OfficerSummary]): The accountable officers, in order.
        success_criteria (list[CriterionSummary] | None): Expanded with `expand=success_criteria`.
        strategies (list[StrategyOnAction] | None): Expanded with `expand=strategies`.
        inspection_actions (list[InspectionActionSummary] | None): Expanded with `expand=inspection_actions`.
        children (list[ActionSummary] | None): Live sub-actions in order; expanded with `expand=children`.
        latest_update (None | StatusUpdateRead): The update that decides the current rating (latest by effective date,
            not corrected); expanded with `expand=latest_update`, null when there is none.
        sub_actions (list[ActionNode]): Its live sub-actions, in order.
    """

    id: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    archived_at: datetime.datetime | None
    plan_id: str
    area_id: str
    outcome_id: None | str
    objective_id: None | str
    parent_id: None | str
    ref: str
    title: str
    description: None | str
    notes: None | str
    timescale: None | str
    timescale_readable: bool
    due_date: datetime.date | None
    original_due_date: datetime.date | None
    due_date_revision_count: int
    slippage_days: int | None
    recurrence: Recurrence
    rag: None | Rag
    status: DeliveryStatus
    last_update_date: datetime.date | None
    completed_date: datetime.date | None
    overdue: bool
    position: int
    reading_notes: list[str]
    needs_review: bool
    lead_officers: list[OfficerSummary]
    success_criteria: list[CriterionSummary] | None
    strategies: list[StrategyOnAction] | None
    inspection_actions: list[InspectionActionSummary] | None
    children: list[ActionSummary] | None
    latest_update: None | StatusUpdateRead
    sub_actions: list[ActionNode]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.status_update_read import StatusUpdateRead

        id = self.id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        archived_at: None | str
        if isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        plan_id = self.plan_id

        area_id = self.area_id

        outcome_id: None | str
        outcome_id = self.outcome_id

        objective_id: None | str
        objective_id = self.objective_id

        parent_id: None | str
        parent_id = self.parent_id

        ref = self.ref

        title = self.title

        description: None | str
        description = self.description

        notes: None | str
        notes = self.notes

        timescale: None | str
        timescale = self.timescale

        timescale_readable = self.timescale_readable

        due_date: None | str
        if isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        original_due_date: None | str
        if isinstance(self.original_due_date, datetime.date):
            original_due_date = self.original_due_date.isoformat()
        else:
            original_due_date = self.original_due_date

        due_date_revision_count = self.due_date_revision_count

        slippage_days: int | None
        slippage_days = self.slippage_days

        recurrence = self.recurrence.value

        rag: None | str
        if isinstance(self.rag, Rag):
            rag = self.rag.value
        else:
            rag = self.rag

        status = self.status.value

        last_update_date: None | str
        if isinstance(self.last_update_date, datetime.date):
            last_update_date = self.last_update_date.isoformat()
        else:
            last_update_date = self.last_update_date

        completed_date: None | str
        if isinstance(self.completed_date, datetime.date):
            completed_date = self.completed_date.isoformat()
        else:
            completed_date = self.completed_date

        overdue = self.overdue

        position = self.position

        reading_notes = self.reading_notes

        needs_review = self.needs_review

        lead_officers = []
        for lead_officers_item_data in self.lead_officers:
            lead_officers_item = lead_officers_item_data.to_dict()
            lead_officers.append(lead_officers_item)

        success_criteria: list[dict[str, Any]] | None
        if isinstance(self.success_criteria, list):
            success_criteria = []
            for success_criteria_type_0_item_data in self.success_criteria:
                success_criteria_type_0_item = (
                    success_criteria_type_0_item_data.to_dict()
                )
                success_criteria.append(success_criteria_type_0_item)

        else:
            success_criteria = self.success_criteria

        strategies: list[dict[str, Any]] | None
        if isinstance(self.strategies, list):
            strategies = []
            for strategies_type_0_item_data in self.strategies:
                strategies_type_0_item = strategies_type_0_item_data.to_dict()
                strategies.append(strategies_type_0_item)

        else:
            strategies = self.strategies

        inspection_actions: list[dict[str, Any]] | None
        if isinstance(self.inspection_actions, list):
            inspection_actions = []
            for inspection_actions_type_0_item_data in self.inspection_actions:
                inspection_actions_type_0_item = (
                    inspection_actions_type_0_item_data.to_dict()
                )
                inspection_actions.append(inspection_actions_type_0_item)

        else:
            inspection_actions = self.inspection_actions

        children: list[dict[str, Any]] | None
        if isinstance(self.children, list):
            children = []
            for children_type_0_item_data in self.children:
                children_type_0_item = children_type_0_item_data.to_dict()
                children.append(children_type_0_item)

        else:
            children = self.children

        latest_update: dict[str, Any] | None
        if isinstance(self.latest_update, StatusUpdateRead):
            latest_update = self.latest_update.to_dict()
        else:
            latest_update = self.latest_update

        sub_actions = []
        for sub_actions_item_data in self.sub_actions:
            sub_actions_item = sub_actions_item_data.to_dict()
            sub_actions.append(sub_actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "archived_at": archived_at,
                "plan_id": plan_id,
                "area_id": area_id,
                "outcome_id": outcome_id,
                "objective_id": objective_id,
                "parent_id": parent_id,
                "ref": ref,
                "title": title,
                "description": description,
                "notes": notes,
                "timescale": timescale,
                "timescale_readable": timescale_readable,
                "due_date": due_date,
                "original_due_date": original_due_date,
                "due_date_revision_count": due_date_revision_count,
                "slippage_days": slippage_days,
                "recurrence": recurrence,
                "rag": rag,
                "status": status,
                "last_update_date": last_update_date,
                "completed_date": completed_date,
                "overdue": overdue,
                "position": position,
                "reading_notes": reading_notes,
                "needs_review": needs_review,
                "lead_officers": lead_officers,
                "success_criteria": success_criteria,
                "strategies": strategies,
                "inspection_actions": inspection_actions,
                "children": children,
                "latest_update": latest_update,
                "sub_actions": sub_actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.action_summary import ActionSummary
        from ..models.criterion_summary import CriterionSummary
        from ..models.inspection_action_summary import InspectionActionSummary
        from ..models.officer_summary import OfficerSummary
        from ..models.status_update_read import StatusUpdateRead
        from ..models.strategy_on_action import StrategyOnAction

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

        plan_id = d.pop("plan_id")

        area_id = d.pop("area_id")

        def _parse_outcome_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome_id = _parse_outcome_id(d.pop("outcome_id"))

        def _parse_objective_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        objective_id = _parse_objective_id(d.pop("objective_id"))

        def _parse_parent_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))

        ref = d.pop("ref")

        title = d.pop("title")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        def _parse_timescale(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        timescale = _parse_timescale(d.pop("timescale"))

        timescale_readable = d.pop("timescale_readable")

        def _parse_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_date = _parse_due_date(d.pop("due_date"))

        def _parse_original_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                original_due_date_type_0 = datetime.date.fromisoformat(data)

                return original_due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        original_due_date = _parse_original_due_date(d.pop("original_due_date"))

        due_date_revision_count = d.pop("due_date_revision_count")

        def _parse_slippage_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        slippage_days = _parse_slippage_days(d.pop("slippage_days"))

        recurrence = Recurrence(d.pop("recurrence"))

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

        def _parse_last_update_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_update_date_type_0 = datetime.date.fromisoformat(data)

                return last_update_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        last_update_date = _parse_last_update_date(d.pop("last_update_date"))

        def _parse_completed_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_date_type_0 = datetime.date.fromisoformat(data)

                return completed_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        completed_date = _parse_completed_date(d.pop("completed_date"))

        overdue = d.pop("overdue")

        position = d.pop("position")

        reading_notes = cast(list[str], d.pop("reading_notes"))

        needs_review = d.pop("needs_review")

        lead_officers = []
        _lead_officers = d.pop("lead_officers")
        for lead_officers_item_data in _lead_officers:
            lead_officers_item = OfficerSummary.from_dict(lead_officers_item_data)

            lead_officers.append(lead_officers_item)

        def _parse_success_criteria(data: object) -> list[CriterionSummary] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                success_criteria_type_0 = []
                _success_criteria_type_0 = data
                for success_criteria_type_0_item_data in _success_criteria_type_0:
                    success_criteria_type_0_item = CriterionSummary.from_dict(
                        success_criteria_type_0_item_data
                    )

                    success_criteria_type_0.append(success_criteria_type_0_item)

                return success_criteria_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CriterionSummary] | None, data)

        success_criteria = _parse_success_criteria(d.pop("success_criteria"))

        def _parse_strategies(data: object) -> list[StrategyOnAction] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                strategies_type_0 = []
                _strategies_type_0 = data
                for strategies_type_0_item_data in _strategies_type_0:
                    strategies_type_0_item = StrategyOnAction.from_dict(
                        strategies_type_0_item_data
                    )

                    strategies_type_0.append(strategies_type_0_item)

                return strategies_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[StrategyOnAction] | None, data)

        strategies = _parse_strategies(d.pop("strategies"))

        def _parse_inspection_actions(
            data: object,
        ) -> list[InspectionActionSummary] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                inspection_actions_type_0 = []
                _inspection_actions_type_0 = data
                for inspection_actions_type_0_item_data in _inspection_actions_type_0:
                    inspection_actions_type_0_item = InspectionActionSummary.from_dict(
                        inspection_actions_type_0_item_data
                    )

                    inspection_actions_type_0.append(inspection_actions_type_0_item)

                return inspection_actions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[InspectionActionSummary] | None, data)

        inspection_actions = _parse_inspection_actions(d.pop("inspection_actions"))

        def _parse_children(data: object) -> list[ActionSummary] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                children_type_0 = []
                _children_type_0 = data
                for children_type_0_item_data in _children_type_0:
                    children_type_0_item = ActionSummary.from_dict(
                        children_type_0_item_data
                    )

                    children_type_0.append(children_type_0_item)

                return children_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ActionSummary] | None, data)

        children = _parse_children(d.pop("children"))

        def _parse_latest_update(data: object) -> None | StatusUpdateRead:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                latest_update_type_0 = StatusUpdateRead.from_dict(data)

                return latest_update_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StatusUpdateRead, data)

        latest_update = _parse_latest_update(d.pop("latest_update"))

        sub_actions = []
        _sub_actions = d.pop("sub_actions")
        for sub_actions_item_data in _sub_actions:
            sub_actions_item = ActionNode.from_dict(sub_actions_item_data)

            sub_actions.append(sub_actions_item)

        action_node = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            archived_at=archived_at,
            plan_id=plan_id,
            area_id=area_id,
            outcome_id=outcome_id,
            objective_id=objective_id,
            parent_id=parent_id,
            ref=ref,
            title=title,
            description=description,
            notes=notes,
            timescale=timescale,
            timescale_readable=timescale_readable,
            due_date=due_date,
            original_due_date=original_due_date,
            due_date_revision_count=due_date_revision_count,
            slippage_days=slippage_days,
            recurrence=recurrence,
            rag=rag,
            status=status,
            last_update_date=last_update_date,
            completed_date=completed_date,
            overdue=overdue,
            position=position,
            reading_notes=reading_notes,
            needs_review=needs_review,
            lead_officers=lead_officers,
            success_criteria=success_criteria,
            strategies=strategies,
            inspection_actions=inspection_actions,
            children=children,
            latest_update=latest_update,
            sub_actions=sub_actions,
        )

        action_node.additional_properties = d
        return action_node

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
