"""Settings: one class, read from `IPA_*` environment variables and an optional `.env` file."""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from pathlib import Path
from typing import Literal

from limits import parse as parse_limit
from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

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
    # The background worker (webhook deliveries and other periodic jobs) inside the web
    # process; `serve` turns it on for SQLite unless told not to.
    run_worker: bool = False
    worker_poll_seconds: float = Field(default=1.0, gt=0)
    # How long a worker's claim on a delivery lasts: a worker that dies loses it after this.
    worker_lease_seconds: float = Field(default=60.0, gt=0)
    # Addresses (or networks, `10.1.0.0/16`) webhooks may be sent to though they are not
    # public: loopback, private, link-local and metadata addresses are refused otherwise.
    webhook_allowed_addresses: list[str] = Field(default_factory=list)
    # A CA bundle (PEM) to trust for webhook receivers, beside the system's.
    webhook_ca_bundle: Path | None = None
    webhook_timeout_seconds: float = Field(default=10.0, gt=0)
    webhook_max_response_bytes: int = Field(default=65536, ge=0)
    # Retries back off exponentially from the first delay, with jitter, up to the longest.
    webhook_retry_first_seconds: float = Field(default=30.0, ge=0)
    webhook_retry_longest_seconds: float = Field(default=6 * 3600.0, ge=0)
    webhook_give_up_after_hours: float = Field(default=72.0, gt=0)
    webhook_disable_after_hours: float = Field(default=120.0, gt=0)

    @field_validator("webhook_allowed_addresses")
    @classmethod
    def addresses_are_readable(cls, value: list[str]) -> list[str]:
        for entry in value:
            try:
                ipaddress.ip_network(entry, strict=False)
            except ValueError as exc:
                raise ValueError(f"not an address or network: {entry!r}") from exc
        return value

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

    @model_validator(mode="after")
    def refuse_unsafe_production_values(self) -> Settings:
        if self.environment != "production":
            return self
        problems = []
        if self.secret_key.get_secret_value().strip().lower() in PLACEHOLDER_SECRETS:
            problems.append("IPA_SECRET_KEY must be set to a real secret")
        elif len(self.secret_key.get_secret_value()) < 32:
            problems.append("IPA_SECRET_KEY must be at least 32 characters")
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
