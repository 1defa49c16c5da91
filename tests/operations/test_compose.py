"""The compose file's safe defaults, read as Docker Compose reads it (Docker does not run
here): the API on localhost only, /metrics unpublished, Redis for the rate limits, and no
password written in the file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

COMPOSE = Path(__file__).resolve().parents[2] / "docker-compose.yml"


def _services() -> dict[str, Any]:
    services: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())["services"]
    return services


def test_the_api_is_published_on_localhost_only_and_metrics_not_at_all() -> None:
    api = _services()["api"]
    published = [str(port) for port in api["ports"]]
    assert published and all(port.startswith("127.0.0.1:") for port in published), published
    assert not any(port.endswith(":9464") for port in published)
    assert api["environment"]["IPA_DOCS_ENABLED"].endswith(":-false}")


def test_rate_limits_are_counted_in_the_redis_service() -> None:
    services = _services()
    assert "redis" in services and "redis" in services["api"]["depends_on"]
    assert services["api"]["environment"]["IPA_RATE_LIMIT_STORAGE_URI"] == "redis://redis:6379"


def test_passwords_come_from_the_environment_and_are_required() -> None:
    services = _services()
    required = re.compile(r"\$\{POSTGRES_PASSWORD:\?[^}]+\}")
    assert required.fullmatch(services["db"]["environment"]["POSTGRES_PASSWORD"])
    url = services["api"]["environment"]["IPA_DATABASE_URL"]
    assert required.search(url), url
    assert (
        required.sub("", url) == "postgresql+asyncpg://improvement_plan:@db:5432/improvement_plan"
    )
