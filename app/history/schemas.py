"""The audit log and an action's history, as the API shows them."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from app.core.http.listing import Page
from app.status_updates.schemas import StatusUpdateRead


class AuditEventRead(BaseModel):
    """One write: who did what to which item, and what changed."""

    model_config = ConfigDict(from_attributes=True)

    id: str = Field(description="Opaque identifier.")
    occurred_at: datetime = Field(description="When (RFC 3339, UTC).")
    actor: str = Field(
        description="The API key's name, the signed-in person's or system's name, or `system` "
        "for the service itself."
    )
    actor_key_id: str | None = Field(description="The API key that made the change.")
    actor_subject: str | None = Field(
        description="The signed-in person's subject at the sign-in provider (a system's "
        "client id); null for an API key."
    )
    actor_officer_id: str | None = Field(description="The officer the caller acts for.")
    entity_type: str = Field(description="What kind of item.", examples=["action"])
    entity_id: str = Field(description="Which item.")
    operation: str = Field(
        description="`create`, `update`, `archive`, `restore`, `link`, `unlink`, "
        "`status_update`, `correct`, `revoke`, or `read` for personal data.",
        examples=["update"],
    )
    changes: dict[str, Any] = Field(
        description='Each changed field as `{"before": …, "after": …}`.',
        examples=[{"due_date": {"before": "2023-05-31", "after": "2023-09-30"}}],
    )
    request_id: str | None = Field(description="The request's `X-Request-ID`.")


class AuditEventPage(Page[AuditEventRead]):
    """A page of audit events."""


class HistoryKind(StrEnum):
    """What a history entry records."""

    change = "change"
    status_update = "status_update"
    due_date_revision = "due_date_revision"


class DueDateRevisionRead(BaseModel):
    """One change of the due date."""

    model_config = ConfigDict(from_attributes=True)

    id: str = Field(description="Opaque identifier.")
    from_date: date | None = Field(description="The due date before.")
    to_date: date | None = Field(description="The due date after.")
    reason: str = Field(description="Why it changed.")
    changed_at: datetime = Field(description="When it changed.")
    actor: str = Field(description="Who changed it.")


class HistoryEntry(BaseModel):
    """One event in an action's life."""

    occurred_at: datetime = Field(description="When it was recorded (RFC 3339, UTC).")
    kind: HistoryKind = Field(description="`change`, `status_update` or `due_date_revision`.")
    operation: str = Field(description="The audit operation, e.g. `create`, `update`, `link`.")
    actor: str = Field(description="Who did it.")
    changes: dict[str, Any] = Field(
        description='Fields that changed on the action, each `{"before", "after"}`.'
    )
    request_id: str | None = Field(description="The request's `X-Request-ID`.")
    status_update: StatusUpdateRead | None = Field(
        description="The status update, for `status_update` entries."
    )
    due_date_revision: DueDateRevisionRead | None = Field(
        description="The revision, for `due_date_revision` entries."
    )


class ActionHistory(BaseModel):
    """Everything that happened to an action, oldest first."""

    action_id: str = Field(description="The action.")
    entries: list[HistoryEntry] = Field(description="The timeline, oldest first.")
