"""The `improvement-plan/v1` seed file format, validated exactly (see seed/README.md)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.models import PlanStatus, RatingDefinitions
from app.plans.schemas import MeetingCadence

KEY = r"^[a-z0-9][a-z0-9\-]*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class SeedPlan(Strict):
    key: str = Field(pattern=KEY, max_length=100)
    title: str = Field(min_length=1, max_length=500)
    organisation: str = Field(min_length=1, max_length=200)
    version_label: str | None = Field(default=None, max_length=100)
    status: PlanStatus = PlanStatus.draft
    description: str | None = Field(default=None, max_length=20000)
    # Left out when the plan does not define its ratings: the service's defaults then apply,
    # marked as such, rather than words the plan never wrote.
    rating_definitions: RatingDefinitions | None = None
    meeting_schedule: MeetingCadence | None = None


class SeedOfficer(Strict):
    key: str = Field(pattern=KEY, max_length=100)
    name: str = Field(min_length=1, max_length=200)
    job_title: str | None = Field(default=None, max_length=200)
    email: str | None = Field(default=None, max_length=320)
    is_role: bool = False


class SeedStrategy(Strict):
    key: str = Field(pattern=KEY, max_length=100)
    title: str = Field(min_length=1, max_length=300)
    url: str | None = Field(default=None, max_length=2000)
    owner: str | None = Field(default=None, max_length=200)


class SeedInspectionAction(Strict):
    number: int = Field(ge=1, le=10000)
    source: str = Field(default="Ofsted", min_length=1, max_length=100)
    text: str = Field(min_length=1, max_length=5000)


class Reading(Strict):
    """How the item was read from the source, and whether its owner must confirm it."""

    reading_notes: list[str] = Field(default_factory=list, max_length=50)
    needs_review: bool = False


class SeedCriterion(Reading):
    key: str = Field(pattern=KEY, max_length=100)
    statement: str = Field(min_length=1, max_length=5000)


class SeedStrategyLink(Strict):
    strategy: str = Field(pattern=KEY, max_length=100)
    note: str | None = Field(default=None, max_length=2000)


class SeedAction(Reading):
    title: str = Field(min_length=1, max_length=2000)
    description: str | None = Field(default=None, max_length=10000)
    notes: str | None = Field(default=None, max_length=5000)
    timescale: str | None = Field(default=None, max_length=100)
    lead_officers: list[str] = Field(default_factory=list, max_length=20)
    inspection_actions: list[int] = Field(default_factory=list)
    strategies: list[SeedStrategyLink] = Field(default_factory=list)
    success_criteria: list[str] = Field(default_factory=list)
    sub_actions: list[SeedAction] = Field(default_factory=list)


class SeedObjective(Reading):
    statement: str = Field(min_length=1, max_length=5000)
    success_criteria: list[SeedCriterion] = Field(default_factory=list)
    actions: list[SeedAction] = Field(default_factory=list)


class SeedOutcome(Reading):
    number: str | None = Field(default=None, max_length=20)
    statement: str = Field(min_length=1, max_length=5000)
    success_criteria: list[SeedCriterion] = Field(default_factory=list)
    objectives: list[SeedObjective] = Field(default_factory=list)
    actions: list[SeedAction] = Field(default_factory=list)


class SeedArea(Reading):
    number: int = Field(ge=1, le=999)
    title: str = Field(min_length=1, max_length=300)
    aim: str | None = Field(default=None, max_length=5000)
    success_criteria: list[SeedCriterion] = Field(default_factory=list)
    outcomes: list[SeedOutcome] = Field(default_factory=list)
    actions: list[SeedAction] = Field(default_factory=list)


class SeedFile(Strict):
    """A whole plan, as a council writes it down."""

    format: Literal["improvement-plan/v1"]
    plan: SeedPlan
    officers: list[SeedOfficer]
    strategies: list[SeedStrategy]
    inspection_actions: list[SeedInspectionAction]
    areas: list[SeedArea] = Field(min_length=1)
