"""Settings: one class, read from `IPA_*` environment variables and an optional `.env` file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from limits import parse as parse_limit
from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from app.models.api_key import Role

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./var/improvement-plan.db"
PLACEHOLDER_SECRETS = frozenset({"", "changeme", "change-me", "secret", "development-only-secret"})


class Settings(BaseSettings):
    """Everything the service can be configured with; see the README for each variable."""

    model_config = SettingsConfigDict(
        env_prefix="IPA_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = DEFAULT_DATABASE_URL
    secret_key: SecretStr = SecretStr("development-only-secret")
    cors_origins: list[str] = Field(default_factory=list)
    docs_enabled: bool = True
    log_format: Literal["text", "json"] = "text"
    log_level: str = "INFO"
    sqlite_busy_timeout_ms: int = Field(default=5000, ge=0)
    db_statement_timeout_ms: int = Field(default=10000, ge=0)
    # One pool per worker on PostgreSQL, shared by every path: at most
    # `db_pool_size + db_max_overflow` connections each.
    db_pool_size: int = Field(default=10, ge=1)
    db_max_overflow: int = Field(default=10, ge=0)
    db_connect_timeout_ms: int = Field(default=5000, ge=100)
    db_pool_timeout_ms: int = Field(default=10000, ge=100)
    max_request_body_bytes: int = Field(default=1_048_576, ge=1024)
    create_admin_key_on_start: bool = True
    # Unset: `serve` loads the Stockton plan into an empty database outside production only,
    # so a new council's production database never starts with another council's plan.
    seed: bool | None = None
    # Where `serve` writes the first admin key (owner-only); production writes it to
    # `var/first-admin-key` when this is unset, and never to the log.
    admin_key_file: Path | None = None
    rate_limit: str = "600/minute"
    auth_failure_rate_limit: str = "60/minute"
    rate_limit_storage_uri: str = "memory://"
    # OpenID Connect sign-in beside API keys (docs/authentication.md); off while unset.
    oidc_issuer: str | None = None
    oidc_audience: str | None = None
    # Entra ID: the one directory (`tid`) whose tokens are accepted.
    oidc_tenant: str | None = None
    oidc_roles_claim: str = "roles"
    # Claim value (a group id, say) to role; empty: the values are the role names themselves.
    oidc_role_map: dict[str, Role] = Field(default_factory=dict)
    # Entra ID: `oid`, the person's id across every application of the directory.
    oidc_subject_claim: str = "sub"
    oidc_officer_match: Literal["subject", "email"] = "subject"
    # Client id of an application signing in as itself (client credentials) to its system name.
    oidc_systems: dict[str, str] = Field(default_factory=dict)
    oidc_timeout_ms: int = Field(default=5000, ge=100)
    # The least time between two reads of the signing keys prompted by an unknown key id.
    oidc_jwks_refresh_seconds: float = Field(default=5, ge=0)
    oidc_leeway_seconds: int = Field(default=30, ge=0, le=300)
    # What /docs signs in with (authorization code and PKCE): a public client and its scopes.
    oidc_docs_client_id: str | None = None
    oidc_docs_scopes: list[str] = Field(default_factory=list)

    @field_validator("rate_limit", "auth_failure_rate_limit")
    @classmethod
    def rate_limit_is_readable(cls, value: str) -> str:
        """A `limits` rate such as `600/minute` or `10 per second`; empty turns it off."""
        value = value.strip()
        if value:
            try:
                allowed = parse_limit(value).amount
            except ValueError as exc:
                raise ValueError(f"not a rate such as '600/minute': {value!r}") from exc
            if allowed < 1:
                raise ValueError(f"must allow at least one request: {value!r}")
        return value

    @field_validator("oidc_issuer")
    @classmethod
    def issuer_is_a_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip()
        if not value.startswith(("https://", "http://")):
            raise ValueError(f"not an http(s) URL: {value!r}")
        return value

    @model_validator(mode="after")
    def issuer_has_an_audience(self) -> Settings:
        if self.oidc_issuer is not None and not self.oidc_audience:
            raise ValueError("IPA_OIDC_AUDIENCE must be set with IPA_OIDC_ISSUER")
        return self

    @model_validator(mode="after")
    def refuse_unsafe_production_values(self) -> Settings:
        if self.environment != "production":
            return self
        problems = []
        if self.secret_key.get_secret_value().strip().lower() in PLACEHOLDER_SECRETS:
            problems.append("IPA_SECRET_KEY must be set to a real secret")
        elif len(self.secret_key.get_secret_value()) < 32:
            problems.append("IPA_SECRET_KEY must be at least 32 characters")
        if self.oidc_issuer is not None and not self.oidc_issuer.startswith("https://"):
            problems.append("IPA_OIDC_ISSUER must be an https URL")
        if "*" in self.cors_origins:
            problems.append("IPA_CORS_ORIGINS must list origins, not '*'")
        if problems:
            raise ValueError("unsafe production settings: " + "; ".join(problems))
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def sqlite_path(self) -> Path | None:
        """The database file for a file-backed SQLite URL, or None."""
        if not self.is_sqlite:
            return None
        _, _, path = self.database_url.partition(":///")
        if not path or path.startswith(":memory:"):
            return None
        return Path(path.split("?", 1)[0])


@lru_cache
def get_settings() -> Settings:
    return Settings()
