"""The sign-in settings: read from the environment, and refused when they cannot work."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.core.config import Settings
from app.models import Role

REAL_SECRET = "a-real-secret-that-is-long-enough-for-production"


def test_sign_in_settings_read_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPA_OIDC_ISSUER", "https://login.microsoftonline.com/tid/v2.0")
    monkeypatch.setenv("IPA_OIDC_AUDIENCE", "api-client-id")
    monkeypatch.setenv("IPA_OIDC_ROLES_CLAIM", "groups")
    monkeypatch.setenv("IPA_OIDC_ROLE_MAP", '{"group-a": "editor", "group-b": "viewer"}')
    monkeypatch.setenv("IPA_OIDC_SYSTEMS", '{"client-1": "Power BI dashboard"}')
    settings = Settings(_env_file=None)
    assert settings.oidc_issuer == "https://login.microsoftonline.com/tid/v2.0"
    assert settings.oidc_role_map == {"group-a": Role.editor, "group-b": Role.viewer}
    assert settings.oidc_systems == {"client-1": "Power BI dashboard"}


@pytest.mark.parametrize(
    ("fields", "complaint"),
    [
        ({"oidc_issuer": "https://login.example.gov.uk"}, "IPA_OIDC_AUDIENCE"),
        ({"oidc_issuer": "login.example.gov.uk", "oidc_audience": "api"}, "http"),
        ({"oidc_role_map": {"group-a": "superuser"}}, "oidc_role_map"),
        ({"oidc_officer_match": "name"}, "oidc_officer_match"),
    ],
)
def test_sign_in_settings_that_cannot_work_are_refused(
    fields: dict[str, object], complaint: str
) -> None:
    with pytest.raises(ValidationError, match=complaint):
        Settings(_env_file=None, **fields)  # type: ignore[arg-type]


def test_production_signs_in_only_over_https() -> None:
    with pytest.raises(ValidationError, match="IPA_OIDC_ISSUER must be an https URL"):
        Settings(
            _env_file=None,
            environment="production",
            secret_key=REAL_SECRET,
            oidc_issuer="http://login.example.gov.uk",
            oidc_audience="api",
        )
