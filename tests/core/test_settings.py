"""Settings refuse unsafe values in production and default to a local SQLite file."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.core.config import Settings

REAL_SECRET = "k" * 40


def test_defaults_run_on_a_local_sqlite_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IPA_DATABASE_URL", raising=False)
    settings = Settings(_env_file=None)
    assert settings.database_url == "sqlite+aiosqlite:///./var/improvement-plan.db"
    assert str(settings.sqlite_path()) == "var/improvement-plan.db"


@pytest.mark.parametrize(
    ("fields", "complaint"),
    [
        ({}, "IPA_SECRET_KEY"),
        ({"secret_key": "changeme"}, "IPA_SECRET_KEY"),
        ({"secret_key": "short"}, "IPA_SECRET_KEY"),
        ({"secret_key": REAL_SECRET, "cors_origins": ["*"]}, "IPA_CORS_ORIGINS"),
    ],
)
def test_production_refuses_unsafe_values(fields: dict[str, object], complaint: str) -> None:
    with pytest.raises(ValidationError, match=complaint):
        Settings(environment="production", **fields)  # type: ignore[arg-type]


def test_production_accepts_safe_values() -> None:
    settings = Settings(
        environment="production", secret_key=REAL_SECRET, cors_origins=["https://plan.example"]
    )
    assert settings.environment == "production"


def test_settings_read_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPA_LOG_FORMAT", "json")
    monkeypatch.setenv("IPA_CORS_ORIGINS", '["https://a.example", "https://b.example"]')
    settings = Settings()
    assert settings.log_format == "json"
    assert settings.cors_origins == ["https://a.example", "https://b.example"]
