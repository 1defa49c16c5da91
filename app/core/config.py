"""Settings: one class, read from `IPA_*` environment variables and an optional `.env` file."""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from limits import parse as parse_limit
from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from app.models.api_key import Role
from app.models.clock import DEFAULT_TIME_ZONE

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
    # The zone whose date is "today": default dates, "not in the future", overdue, quarters.
    timezone: str = DEFAULT_TIME_ZONE
    # Where reminders are sent from: `smtp://user:password@host:port` (`smtps://` for TLS on
    # connect; `?starttls=true` to upgrade); unset, `reminders send` sends nothing.
    smtp_url: SecretStr | None = None
    reminder_from: str = "improvement-plan@localhost"
    # Reminders go out this many days before an update cycle ends.
    reminder_days_before: int = Field(default=7, ge=0, le=366)
    rate_limit: str = "600/minute"
    auth_failure_rate_limit: str = "60/minute"
    rate_limit_storage_uri: str = "memory://"
    # Set: `serve` answers `/metrics` on this port only (at `metrics_host`), away from the
    # API's port; unset: the API's port answers `/metrics`.
    metrics_port: int | None = Field(default=None, ge=1, le=65535)
    metrics_host: str = "127.0.0.1"
    # Idempotency records older than this are purged: a retry after it is a new request.
    idempotency_retention_hours: int = Field(default=168, ge=1)

    @field_validator("database_url")
    @classmethod
    def database_url_with_async_driver(cls, value: str) -> str:
        """The URL with the driver the service uses (asyncpg, aiosqlite), so the forms other
        tools use (`postgresql://`, `postgres://`, `postgresql+psycopg://`, `sqlite:///`)
        work as they are."""
        return async_database_url(value)

    @field_validator("timezone")
    @classmethod
    def timezone_is_known(cls, value: str) -> str:
        """An IANA time zone name such as `Europe/London`."""
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"not a time zone name such as Europe/London: {value!r}") from exc
        return value

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


# The databases the service runs on, by the names a URL's scheme gives them, and the async
# driver it uses for each.
_ASYNC_DRIVERS = {
    "postgresql": "postgresql+asyncpg",
    "postgres": "postgresql+asyncpg",
    "sqlite": "sqlite+aiosqlite",
}


def async_database_url(url: str) -> str:
    """`url` with the async driver for its database, whatever driver it names; a
    `ValueError` saying what is accepted for a database the service does not run on.
    libpq's `sslmode` becomes asyncpg's `ssl`, which takes the same values."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        parsed = None
    driver = _ASYNC_DRIVERS.get(parsed.get_backend_name()) if parsed is not None else None
    if parsed is None or driver is None:
        scheme = url.partition(":")[0] if ":" in url else "no scheme"
        raise ValueError(
            f"unsupported database URL ({scheme}); use postgresql://user:password@host/name "
            "or sqlite:///path/to/file.db"
        )
    # Only the scheme is replaced: rendering the parsed URL again would escape the rest.
    rest = url.partition(":")[2]
    if driver == "postgresql+asyncpg" and "sslmode" in parsed.query:
        address, _, query = rest.partition("?")
        rest = address + "?" + re.sub(r"(^|&)sslmode=", r"\1ssl=", query)
    return f"{driver}:{rest}"


def settings_problems(error: ValidationError) -> list[str]:
    """Each problem with the settings as one line naming its variable, for a person
    starting the service."""
    lines = []
    for problem in error.errors():
        message = str(problem["msg"]).removeprefix("Value error, ")
        where = [str(part) for part in problem.get("loc", ())]
        lines.append(f"IPA_{where[0].upper()}: {message}" if where else message)
    return lines


@lru_cache
def get_settings() -> Settings:
    return Settings()
