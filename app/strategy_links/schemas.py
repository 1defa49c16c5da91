"""Request and response bodies for strategy links."""

from __future__ import annotations

from pydantic import Field

from app.core.http.listing import Page
from app.core.http.schemas import PatchBody, RequestBody, ResourceRead, id_field

NOTE = "How the action contributes to the strategy, or where in it the action appears."


class StrategyLinkCreate(RequestBody):
    """A new link from an action to a strategy in the same plan."""

    action_id: str = id_field(
        "The action; it must exist and not be archived.", examples=["act_0123456789abcdef0123"]
    )
    strategy_id: str = id_field(
        "The strategy, in the action's plan; it must exist and not be archived.",
        examples=["strat_0123456789abcdef0123"],
    )
    note: str | None = Field(default=None, max_length=2000, description=NOTE)


class StrategyLinkUpdate(PatchBody):
    """Changes to a link: only its note can change."""

    note: str | None = Field(
        default=None, max_length=2000, description="New note; null clears it. " + NOTE
    )


class StrategyLinkRead(ResourceRead):
    """A link from an action to a strategy it contributes to."""

    action_id: str = Field(description="The action.")
    strategy_id: str = Field(description="The strategy the action contributes to.")
    note: str | None = Field(description=NOTE)


class StrategyLinkPage(Page[StrategyLinkRead]):
    """A page of strategy links."""
