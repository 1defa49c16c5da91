"""Request and response bodies for plans."""

from __future__ import annotations

from typing import ClassVar

from pydantic import AliasChoices, ConfigDict, Field

from app.core.http.listing import Page
from app.core.http.schemas import PatchBody, RequestBody, ResourceRead
from app.models import PlanBase, PlanStatus, RatingDefinitions

PLAN_KEY_PATTERN = r"^[a-z0-9][a-z0-9-]{0,99}$"
KEY_DESCRIPTION = (
    "The plan's business key, unique and the same in every environment: lower-case letters, "
    "digits and hyphens (`stockton-2023`)."
)


class PlanCreate(PlanBase, RequestBody):
    """A new plan."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)  # type: ignore[assignment]

    key: str | None = Field(
        default=None, pattern=PLAN_KEY_PATTERN, description=KEY_DESCRIPTION + " Optional."
    )

    rating_definitions: RatingDefinitions = Field(
        default_factory=RatingDefinitions,
        description="What each rating means for this plan; defaults apply where left out.",
    )


class PlanUpdate(PatchBody):
    """Changes to a plan: only the fields sent change."""

    not_nullable: ClassVar[frozenset[str]] = frozenset(
        {"title", "organisation", "status", "rating_definitions"}
    )

    key: str | None = Field(
        default=None, pattern=PLAN_KEY_PATTERN, description="New key; null clears it."
    )
    title: str | None = Field(default=None, min_length=1, max_length=500, description="New title.")
    organisation: str | None = Field(
        default=None, min_length=1, max_length=200, description="New organisation."
    )
    version_label: str | None = Field(
        default=None, max_length=100, description="New version label; null clears it."
    )
    status: PlanStatus | None = Field(default=None, description="New status.")
    description: str | None = Field(
        default=None, max_length=20000, description="New introduction; null clears it."
    )
    rating_definitions: RatingDefinitions | None = Field(
        default=None, description="New rating definitions, all four."
    )


class PlanRead(PlanBase, ResourceRead):  # type: ignore[misc]
    """A plan."""

    rating_definitions: RatingDefinitions = Field(description="What each rating means.")
    key: str | None = Field(
        validation_alias=AliasChoices("key", "seed_key"),
        description=KEY_DESCRIPTION,
        examples=["stockton-2023"],
    )


class PlanPage(Page[PlanRead]):
    """A page of plans."""
