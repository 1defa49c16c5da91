"""The resources routes load from their path: each by its id, archived or not, or a 404."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from app.core.resources.loaders import path_loader
from app.models import (
    Action,
    Area,
    InspectionAction,
    Meeting,
    Objective,
    Officer,
    Outcome,
    Plan,
    Strategy,
    StrategyLink,
    SuccessCriterion,
)

PlanDep = Annotated[Plan, Depends(path_loader(Plan, "plan", "plan_id"))]
AreaDep = Annotated[Area, Depends(path_loader(Area, "area", "area_id"))]
OutcomeDep = Annotated[Outcome, Depends(path_loader(Outcome, "outcome", "outcome_id"))]
ObjectiveDep = Annotated[Objective, Depends(path_loader(Objective, "objective", "objective_id"))]
ActionDep = Annotated[Action, Depends(path_loader(Action, "action", "action_id"))]
# An update decides its action's state from the action's latest update: posts on one action
# take turns, so that each sees the ones before it.
LockedActionDep = Annotated[Action, Depends(path_loader(Action, "action", "action_id", lock=True))]
CriterionDep = Annotated[
    SuccessCriterion, Depends(path_loader(SuccessCriterion, "success criterion", "criterion_id"))
]
OfficerDep = Annotated[Officer, Depends(path_loader(Officer, "officer", "officer_id"))]
StrategyDep = Annotated[Strategy, Depends(path_loader(Strategy, "strategy", "strategy_id"))]
StrategyLinkDep = Annotated[
    StrategyLink, Depends(path_loader(StrategyLink, "strategy link", "link_id"))
]
InspectionActionDep = Annotated[
    InspectionAction,
    Depends(path_loader(InspectionAction, "inspection action", "inspection_action_id")),
]
MeetingDep = Annotated[Meeting, Depends(path_loader(Meeting, "meeting", "meeting_id"))]
