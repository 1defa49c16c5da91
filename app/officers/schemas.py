"""Request and response bodies for lead officers."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict, Field

from app.core.http.listing import Page
from app.core.http.schemas import PatchBody, RequestBody, ResourceRead
from app.models import OfficerBase

# The shape of an address only: something before an @, a domain with a dot after it.
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
SIGN_IN_SUBJECT = Field(
    default=None,
    min_length=1,
    max_length=200,
    description="The person's subject at the sign-in provider (Entra ID's object id, `oid`), "
    "so that signing in acts as this officer; null clears it. No two officers share one.",
    examples=["5f1c2d9e-8a7b-4c3d-9e2f-1a0b3c4d5e6f"],
)


class OfficerCreate(OfficerBase, RequestBody):
    """A new lead officer: a person, or a role such as "DCS"."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)  # type: ignore[assignment]

    email: str | None = Field(
        default=None,
        max_length=320,
        pattern=EMAIL_PATTERN,
        description="A contact email address (`name@domain`).",
        examples=["jane.smith@example.gov.uk"],
    )
    sign_in_subject: str | None = SIGN_IN_SUBJECT


class OfficerUpdate(PatchBody):
    """Changes to an officer: only the fields sent change."""

    not_nullable: ClassVar[frozenset[str]] = frozenset({"name", "is_role"})

    name: str | None = Field(default=None, min_length=1, max_length=200, description="New name.")
    job_title: str | None = Field(
        default=None, max_length=200, description="New job title; null clears it."
    )
    email: str | None = Field(
        default=None,
        max_length=320,
        pattern=EMAIL_PATTERN,
        description="New email address; null clears it.",
    )
    is_role: bool | None = Field(
        default=None, description="Whether this is a role or group rather than a person."
    )
    organisation: str | None = Field(
        default=None, max_length=200, description="New organisation; null clears it."
    )
    sign_in_subject: str | None = SIGN_IN_SUBJECT


class OfficerRead(OfficerBase, ResourceRead):
    """A lead officer: a named person, or a role such as "DCS"."""

    # Every field is always sent, so the contract marks them all required.
    model_config = ConfigDict(  # type: ignore[assignment]
        from_attributes=True, json_schema_serialization_defaults_required=True
    )

    sign_in_subject: str | None = Field(
        default=None, description="The person's subject at the sign-in provider, if any."
    )


class OfficerPage(Page[OfficerRead]):
    """A page of officers."""
