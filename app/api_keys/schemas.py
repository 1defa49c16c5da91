"""Request and response bodies for API keys, `/me` and the sign-in provider's discovery
document."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from app.core.http.listing import Page
from app.core.http.schemas import IsoDateTime, RequestBody, ResourceRead
from app.models import Role, utcnow

MAX_GRACE_SECONDS = 7 * 24 * 60 * 60


class ApiKeyCreate(RequestBody):
    """A new key for a person or an integrating system.

    A key is bound to an officer (`officer_id`), to a named integrating system (`system`),
    or to neither (a person who is not an officer, such as an administrator); never to both.
    """

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
    system: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="The integrating system the key belongs to, e.g. `Performance dashboard`. "
        "Not with `officer_id`.",
        examples=["Performance dashboard"],
    )
    expires_at: IsoDateTime | None = Field(
        default=None, description="When the key stops working (RFC 3339); null for never."
    )

    @field_validator("system")
    @classmethod
    def one_binding(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None and info.data.get("officer_id") is not None:
            raise ValueError(
                "a key belongs to an officer or to an integrating system, not both: "
                "leave out officer_id or system"
            )
        return value

    @field_validator("expires_at")
    @classmethod
    def expiry_in_future(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        if value <= utcnow():
            raise ValueError("must be in the future")
        return value


class ApiKeyRead(ResourceRead):
    """A key, without its secret."""

    name: str = Field(description="Who or what uses the key.")
    role: Role = Field(description="What the key may do.")
    prefix: str = Field(description="The key's public prefix, to recognise it in lists and logs.")
    officer_id: str | None = Field(description="The officer the key acts for.")
    system: str | None = Field(description="The integrating system the key belongs to.")
    expires_at: datetime | None = Field(description="When the key stops working.")
    last_used_at: datetime | None = Field(description="When the key was last used (to the minute).")
    revoked_at: datetime | None = Field(description="When the key was revoked; null while active.")


class ApiKeyRotate(RequestBody):
    """How to retire the key being replaced."""

    grace_seconds: int = Field(
        default=0,
        ge=0,
        le=MAX_GRACE_SECONDS,
        description="How long the old key keeps working, in seconds (up to 7 days), so its "
        "users can switch; 0 revokes it at once. Never extends an earlier expiry.",
        examples=[3600],
    )


class ApiKeyCreated(ApiKeyRead):
    """A new key. `key` is shown only in this response: store it now."""

    key: str = Field(
        description="The secret. Send it as `Authorization: Bearer <key>`. It is not stored "
        "and cannot be shown again.",
        examples=["ipa_3f9a1c0d2b7e_Zq8...redacted"],
    )


class Me(ApiKeyRead):
    """The caller: how it signed in (its key, or a sign-in token), its role and what the role
    allows. The key's own fields are null for a caller signed in with a token."""

    id: str | None = Field(description="The key's id; null when signed in with a token.")  # type: ignore[assignment]
    created_at: datetime | None = Field(description="When the key was created.")  # type: ignore[assignment]
    updated_at: datetime | None = Field(description="When the key last changed.")  # type: ignore[assignment]
    prefix: str | None = Field(description="The key's public prefix.")  # type: ignore[assignment]
    name: str = Field(description="The key's name, or the signed-in person's or system's.")
    role: Role = Field(description="What the caller may do.")
    signed_in_with: Literal["api_key", "openid_connect"] = Field(
        description="How the caller signed in: an API key, or an OpenID Connect token."
    )
    subject: str | None = Field(
        description="The signed-in person's subject at the sign-in provider (a system's "
        "client id); null for an API key."
    )
    permissions: list[str] = Field(description="What this role may do.")


class ApiKeyPage(Page[ApiKeyRead]):
    """A page of API keys."""


ENTRA = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000"


class OpenIdConfiguration(BaseModel):
    """The sign-in provider's OpenID Connect discovery document (OpenID Connect Discovery
    1.0), as the provider publishes it: the fields below, and any others it publishes."""

    model_config = ConfigDict(extra="allow")

    issuer: str = Field(
        description="The provider's issuer, as in its tokens' `iss`.",
        examples=[f"{ENTRA}/v2.0"],
    )
    jwks_uri: str = Field(
        description="Where the provider publishes its signing keys.",
        examples=[f"{ENTRA}/discovery/v2.0/keys"],
    )
    authorization_endpoint: str | None = Field(
        default=None,
        description="Where a person signs in (the authorization code flow).",
        examples=[f"{ENTRA}/oauth2/v2.0/authorize"],
    )
    token_endpoint: str | None = Field(
        default=None,
        description="Where a code or client credentials become a token.",
        examples=[f"{ENTRA}/oauth2/v2.0/token"],
    )
    code_challenge_methods_supported: list[str] | None = Field(
        default=None,
        description="The PKCE methods the provider accepts, such as `S256`.",
        examples=[["S256"]],
    )
