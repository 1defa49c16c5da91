"""Request and response bodies for API keys and `/me`."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field, field_validator

from app.core.listing import Page
from app.core.schemas import RequestBody, ResourceRead
from app.models import Role, utcnow


class ApiKeyCreate(RequestBody):
    """A new key for a person or an integrating system."""

    name: str = Field(
        min_length=1,
        max_length=200,
        description="Who or what uses the key: a person, or a named integrating system.",
        examples=["Performance team dashboard"],
    )
    role: Role = Field(
        description="What the key may do: `viewer`, `contributor`, `editor`, `admin`."
    )
    officer_id: str | None = Field(
        default=None,
        max_length=40,
        description="The officer the key acts for; a contributor may update the actions it leads.",
    )
    expires_at: datetime | None = Field(
        default=None, description="When the key stops working (RFC 3339); null for never."
    )

    @field_validator("expires_at")
    @classmethod
    def expiry_in_future(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("must include a timezone, e.g. 2024-03-31T23:59:59Z")
        if value <= utcnow():
            raise ValueError("must be in the future")
        return value


class ApiKeyRead(ResourceRead):
    """A key, without its secret."""

    name: str = Field(description="Who or what uses the key.")
    role: Role = Field(description="What the key may do.")
    prefix: str = Field(description="The key's public prefix, to recognise it in lists and logs.")
    officer_id: str | None = Field(description="The officer the key acts for.")
    expires_at: datetime | None = Field(description="When the key stops working.")
    last_used_at: datetime | None = Field(description="When the key was last used (to the minute).")
    revoked_at: datetime | None = Field(description="When the key was revoked; null while active.")


class ApiKeyCreated(ApiKeyRead):
    """A new key. `key` is shown only in this response: store it now."""

    key: str = Field(
        description="The secret. Send it as `Authorization: Bearer <key>`. It is not stored "
        "and cannot be shown again.",
        examples=["ipa_3f9a1c0d2b7e_Zq8...redacted"],
    )


class Me(ApiKeyRead):
    """The caller: its key, role and what the role allows."""

    permissions: list[str] = Field(description="What this role may do.")


class ApiKeyPage(Page[ApiKeyRead]):
    """A page of API keys."""
