from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.area_quarter import AreaQuarter
    from ..models.counts import Counts
    from ..models.inspection_quarter import InspectionQuarter
    from ..models.movement_counts import MovementCounts
    from ..models.period import Period
    from ..models.plan_ref import PlanRef
    from ..models.quarter_action import QuarterAction
    from ..models.quarter_ratings import QuarterRatings
    from ..models.quarter_updates import QuarterUpdates
    from ..models.rating_definitions import RatingDefinitions
    from ..models.slipped_due_date import SlippedDueDate


T = TypeVar("T", bound="QuarterlyReport")


@_attrs_define
class QuarterlyReport:
    """The quarterly Quality Assurance report for CSLT and the Good and Beyond Board.

    Attributes:
        plan (PlanRef): The plan a report is about.
        period (Period): The quarter a report covers.
        computed_at (datetime.datetime): When this was computed.
        totals (Counts): Actions counted by rating and by delivery status.
        areas (list[AreaQuarter]): Per area, in document order.
        movement (MovementCounts): How ratings moved from the previous quarter's end to this one's.
        completed (list[QuarterAction]): Completed in the quarter.
        overdue (list[QuarterAction]): Overdue at the quarter's end.
        due_next_quarter (list[QuarterAction]): Open and due next quarter.
        slipped (list[SlippedDueDate]): Due dates moved later in the quarter.
        exceptions (list[QuarterAction]): Red; amber for two quarter ends running; open with no update in the quarter;
            slipped in the quarter.
        updates (QuarterUpdates): Status updates effective in the quarter (corrected ones left out).
        inspection_actions (list[InspectionQuarter]): Each inspection action with its actions and their ratings.
        actions (list[QuarterAction]): Every live action, in document order.
        trend (list[QuarterRatings]): Ratings at the end of each of the last four to eight quarters, oldest first,
            ending with this one (whose counts are `totals`); it starts no earlier than the quarter of the plan's first
            update, but always shows four quarters.
        rating_definitions (RatingDefinitions): What each rating means for this plan, in the plan's own words.
    """

    plan: PlanRef
    period: Period
    computed_at: datetime.datetime
    totals: Counts
    areas: list[AreaQuarter]
    movement: MovementCounts
    completed: list[QuarterAction]
    overdue: list[QuarterAction]
    due_next_quarter: list[QuarterAction]
    slipped: list[SlippedDueDate]
    exceptions: list[QuarterAction]
    updates: QuarterUpdates
    inspection_actions: list[InspectionQuarter]
    actions: list[QuarterAction]
    trend: list[QuarterRatings]
    rating_definitions: RatingDefinitions
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan = self.plan.to_dict()

        period = self.period.to_dict()

        computed_at = self.computed_at.isoformat()

        totals = self.totals.to_dict()

        areas = []
        for areas_item_data in self.areas:
            areas_item = areas_item_data.to_dict()
            areas.append(areas_item)

        movement = self.movement.to_dict()

        completed = []
        for completed_item_data in self.completed:
            completed_item = completed_item_data.to_dict()
            completed.append(completed_item)

        overdue = []
        for overdue_item_data in self.overdue:
            overdue_item = overdue_item_data.to_dict()
            overdue.append(overdue_item)

        due_next_quarter = []
        for due_next_quarter_item_data in self.due_next_quarter:
            due_next_quarter_item = due_next_quarter_item_data.to_dict()
            due_next_quarter.append(due_next_quarter_item)

        slipped = []
        for slipped_item_data in self.slipped:
            slipped_item = slipped_item_data.to_dict()
            slipped.append(slipped_item)

        exceptions = []
        for exceptions_item_data in self.exceptions:
            exceptions_item = exceptions_item_data.to_dict()
            exceptions.append(exceptions_item)

        updates = self.updates.to_dict()

        inspection_actions = []
        for inspection_actions_item_data in self.inspection_actions:
            inspection_actions_item = inspection_actions_item_data.to_dict()
            inspection_actions.append(inspection_actions_item)

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        trend = []
        for trend_item_data in self.trend:
            trend_item = trend_item_data.to_dict()
            trend.append(trend_item)

        rating_definitions = self.rating_definitions.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "plan": plan,
                "period": period,
                "computed_at": computed_at,
                "totals": totals,
                "areas": areas,
                "movement": movement,
                "completed": completed,
                "overdue": overdue,
                "due_next_quarter": due_next_quarter,
                "slipped": slipped,
                "exceptions": exceptions,
                "updates": updates,
                "inspection_actions": inspection_actions,
                "actions": actions,
                "trend": trend,
                "rating_definitions": rating_definitions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.area_quarter import AreaQuarter
        from ..models.counts import Counts
        from ..models.inspection_quarter import InspectionQuarter
        from ..models.movement_counts import MovementCounts
        from ..models.period import Period
        from ..models.plan_ref import PlanRef
        from ..models.quarter_action import QuarterAction
        from ..models.quarter_ratings import QuarterRatings
        from ..models.quarter_updates import QuarterUpdates
        from ..models.rating_definitions import RatingDefinitions
        from ..models.slipped_due_date import SlippedDueDate

        d = dict(src_dict)
        plan = PlanRef.from_dict(d.pop("plan"))

        period = Period.from_dict(d.pop("period"))

        computed_at = datetime.datetime.fromisoformat(d.pop("computed_at"))

        totals = Counts.from_dict(d.pop("totals"))

        areas = []
        _areas = d.pop("areas")
        for areas_item_data in _areas:
            areas_item = AreaQuarter.from_dict(areas_item_data)

            areas.append(areas_item)

        movement = MovementCounts.from_dict(d.pop("movement"))

        completed = []
        _completed = d.pop("completed")
        for completed_item_data in _completed:
            completed_item = QuarterAction.from_dict(completed_item_data)

            completed.append(completed_item)

        overdue = []
        _overdue = d.pop("overdue")
        for overdue_item_data in _overdue:
            overdue_item = QuarterAction.from_dict(overdue_item_data)

            overdue.append(overdue_item)

        due_next_quarter = []
        _due_next_quarter = d.pop("due_next_quarter")
        for due_next_quarter_item_data in _due_next_quarter:
            due_next_quarter_item = QuarterAction.from_dict(due_next_quarter_item_data)

            due_next_quarter.append(due_next_quarter_item)

        slipped = []
        _slipped = d.pop("slipped")
        for slipped_item_data in _slipped:
            slipped_item = SlippedDueDate.from_dict(slipped_item_data)

            slipped.append(slipped_item)

        exceptions = []
        _exceptions = d.pop("exceptions")
        for exceptions_item_data in _exceptions:
            exceptions_item = QuarterAction.from_dict(exceptions_item_data)

            exceptions.append(exceptions_item)

        updates = QuarterUpdates.from_dict(d.pop("updates"))

        inspection_actions = []
        _inspection_actions = d.pop("inspection_actions")
        for inspection_actions_item_data in _inspection_actions:
            inspection_actions_item = InspectionQuarter.from_dict(
                inspection_actions_item_data
            )

            inspection_actions.append(inspection_actions_item)

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = QuarterAction.from_dict(actions_item_data)

            actions.append(actions_item)

        trend = []
        _trend = d.pop("trend")
        for trend_item_data in _trend:
            trend_item = QuarterRatings.from_dict(trend_item_data)

            trend.append(trend_item)

        rating_definitions = RatingDefinitions.from_dict(d.pop("rating_definitions"))

        quarterly_report = cls(
            plan=plan,
            period=period,
            computed_at=computed_at,
            totals=totals,
            areas=areas,
            movement=movement,
            completed=completed,
            overdue=overdue,
            due_next_quarter=due_next_quarter,
            slipped=slipped,
            exceptions=exceptions,
            updates=updates,
            inspection_actions=inspection_actions,
            actions=actions,
            trend=trend,
            rating_definitions=rating_definitions,
        )

        quarterly_report.additional_properties = d
        return quarterly_report

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
