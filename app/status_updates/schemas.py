"""Request and response bodies for status updates."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Row

from app.core.errors import FieldError
from app.core.http.listing import Page
from app.core.http.schemas import RequestBody, id_field, not_blank_strings
from app.models import DeliveryStatus, Rag, StatusUpdate


class Evidence(BaseModel):
    """A piece of evidence: a titled link or reference."""

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, json_schema_extra=not_blank_strings
    )

    title: str = Field(
        min_length=1, max_length=300, description="What it is.", examples=["Q2 audit summary"]
    )
    url: str | None = Field(
        default=None,
        max_length=2000,
        # No whitespace, nor the C1 controls (U+0085 is whitespace to one regex engine only).
        pattern=r"^https?://[^\s\x00-\x20\x7f-\x9f]+$",
        description="Where it is (http or https). Stored as text; never fetched.",
    )
    reference: str | None = Field(
        default=None,
        max_length=500,
        description="A document or case-file reference, when there is no link.",
        examples=["CSLT paper 2023/41"],
    )


class StatusUpdateCreate(RequestBody):
    """A progress report on an action.

    Rules, each a 422 naming the field: `red` and `amber` need `narrative` and `next_steps`;
    `blue` goes with status `complete` and `complete` with `blue`; `deferred` and `cancelled`
    need a `reason`; `effective_date` cannot be in the future; an archived action takes no
    updates; a correction names an update of the same action that is not already corrected.
    """

    rag: Rag | None = Field(
        default=None,
        description="The rating: `red`, `amber`, `green`, `blue`, or null for not rated.",
    )
    status: DeliveryStatus = Field(description="The delivery status.")
    narrative: str | None = Field(
        default=None,
        max_length=10000,
        description="Progress in words. Required for red and amber.",
        examples=["Recruitment campaign launched; two of five posts filled."],
    )
    next_steps: str | None = Field(
        default=None,
        max_length=5000,
        description="What happens next. Required for red and amber.",
        examples=["Second round of interviews in August."],
    )
    reason: str | None = Field(
        default=None,
        max_length=2000,
        description="Why the action is deferred or cancelled. Required for those statuses.",
    )
    evidence: list[Evidence] = Field(
        default_factory=list, max_length=20, description="Evidence of progress."
    )
    effective_date: date | None = Field(
        default=None, description="The day the update reports on; today when left out."
    )
    author: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="Who wrote it, for keys of integrating systems; a key bound to an officer "
        "is always that officer, and a signed-in person is always themselves: neither may "
        "name another author.",
    )
    corrects_update_id: str | None = id_field(
        "The update this one corrects; the corrected one stays, marked superseded.",
        optional=True,
    )


class StatusUpdateRead(BaseModel):
    """A status update. Never changed: a correction is a new update."""

    model_config = ConfigDict(from_attributes=True)

    id: str = Field(description="Opaque identifier.")
    action_id: str = Field(description="The action it reports on.")
    plan_id: str = Field(description="The action's plan.")
    area_id: str = Field(description="The action's area.")
    rag: Rag | None = Field(description="The rating; null for not rated.")
    status: DeliveryStatus = Field(description="The delivery status.")
    narrative: str | None = Field(description="Progress in words.")
    next_steps: str | None = Field(description="What happens next.")
    reason: str | None = Field(description="Why deferred or cancelled.")
    evidence: list[Evidence] = Field(description="Evidence of progress.")
    effective_date: date = Field(description="The day it reports on.")
    author: str = Field(description="Who wrote it.")
    author_officer_id: str | None = Field(description="The author's officer record, if any.")
    author_subject: str | None = Field(
        description="The author's subject at the sign-in provider, when they signed in with "
        "OpenID Connect; null for an API key."
    )
    corrects_update_id: str | None = Field(description="The update it corrects.")
    superseded_by_id: str | None = Field(description="The update that corrects it, if any.")
    created_at: datetime = Field(description="When it was recorded (server clock, UTC).")
    updated_at: datetime = Field(description="Always equal to `created_at`.")
    archived_at: datetime | None = Field(description="Always null: updates are never archived.")

    @classmethod
    def of(
        cls, update: StatusUpdate | Row[Any], superseded_by_id: str | None = None
    ) -> StatusUpdateRead:
        """From a stored update, or a row of its table's columns."""
        fields = dict(update._mapping) if isinstance(update, Row) else update.model_dump()
        return cls.model_validate(
            {
                **fields,
                "superseded_by_id": superseded_by_id,
                "updated_at": update.created_at,
                "archived_at": None,
            }
        )


class StatusUpdatePage(Page[StatusUpdateRead]):
    """A page of status updates."""


class StatusUpdateBatchItem(StatusUpdateCreate):
    """A status update in a batch, naming its action."""

    action_id: str = Field(min_length=1, max_length=40, description="The action it reports on.")


class StatusUpdateBatch(RequestBody):
    """Many status updates, checked by the same rules as one, and stored in one transaction."""

    items: list[StatusUpdateBatchItem] = Field(
        min_length=1, max_length=500, description="The updates, at most 500."
    )
    all_or_nothing: bool = Field(
        default=True,
        description="When true (the default), one broken item stores nothing and the 422 "
        "names every broken item (`body.items[3].rag`). When false, the items that keep "
        "the rules are stored and the others are answered in `failed`.",
    )


class BatchItemFailure(BaseModel):
    """An item of a batch that was not stored, and why."""

    index: int = Field(description="Its position in `items`, from 0.")
    action_id: str = Field(description="The action it named.")
    errors: list[FieldError] = Field(description="Each rule it broke.")


class StatusUpdateBatchResult(BaseModel):
    """What a batch stored, or with `dry_run=true` would store."""

    dry_run: bool = Field(
        description="True for a dry run's preview: `created` shows the updates as they would "
        "be stored, and nothing was (their ids and times are not kept)."
    )
    created: list[StatusUpdateRead] = Field(description="The stored updates, in item order.")
    failed: list[BatchItemFailure] = Field(
        description="Items not stored; always empty when `all_or_nothing` is true."
    )
