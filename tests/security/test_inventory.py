"""API9, improper inventory management: the routes served and the contract agree exactly.

Every operation the application serves is in the committed contract (openapi/openapi.json)
with the same method, and every operation in the contract is served; the only routes
outside the contract are the ones listed in `UNDOCUMENTED`. `tests/test_openapi.py` checks
that the committed document is what the code generates; these tests check the inventory
itself, so a route hidden from the schema cannot slip through. The OWASP items and the test
modules that cover them are listed in tests/security/README.md.
"""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.routing import iter_route_contexts

from app import __version__
from app.core.config import Settings
from app.main import create_app
from tests.security.test_function_level import app_routes

CONTRACT = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"
HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}

# Served but deliberately not in the contract: the docs and their assets (off in production),
# the contract itself, and Prometheus metrics. The health probes are in the contract.
UNDOCUMENTED = {
    ("GET", "/openapi.json"),
    ("GET", "/docs"),
    ("GET", "/docs/oauth2-redirect"),
    ("GET", "/docs/static"),
    ("GET", "/redoc"),
    ("GET", "/metrics"),
}


def contract() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(CONTRACT.read_text())
    return document


def contract_operations() -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (method.upper(), path): operation
        for path, item in contract()["paths"].items()
        for method, operation in item.items()
        if method in HTTP_METHODS
    }


def test_every_served_route_is_in_the_contract_and_every_contract_path_is_served() -> None:
    served = set(app_routes(create_app()))
    documented = set(contract_operations())
    assert sorted(served - documented - UNDOCUMENTED) == [], "served but not in the contract"
    assert sorted(documented - served) == [], "in the contract but not served"
    assert served >= UNDOCUMENTED, "UNDOCUMENTED lists routes that no longer exist"
    assert not UNDOCUMENTED & documented


def keys_of(context: Any) -> set[tuple[str, str]]:
    """(method, path) pairs of one route; a mount counts as GET."""
    return {(method, context.path) for method in set(context.methods or {"GET"}) - {"HEAD"}}


def test_only_the_listed_routes_are_hidden_from_the_schema() -> None:
    hidden = set()
    for context in iter_route_contexts(create_app().routes):
        if not getattr(context, "include_in_schema", False):
            hidden |= keys_of(context)
    assert hidden == UNDOCUMENTED


def test_everything_in_the_contract_is_under_api_v1_a_probe_or_the_sign_in_discovery() -> None:
    paths = set(contract()["paths"])
    assert {path for path in paths if not path.startswith("/api/v1/")} == {
        "/health/live",
        "/health/ready",
        "/auth/openid-configuration",
    }


def test_the_contract_version_is_the_package_version() -> None:
    assert contract()["info"]["version"] == __version__ == version("improvement-plan-api")


def test_deprecated_operations_are_marked_in_the_contract() -> None:
    app: FastAPI = create_app()
    deprecated_routes = {
        key
        for context in iter_route_contexts(app.routes)
        if getattr(context, "deprecated", False)
        for key in keys_of(context)
    }
    marked = {
        key for key, operation in contract_operations().items() if operation.get("deprecated")
    }
    assert deprecated_routes == marked


def test_with_docs_switched_off_only_the_metrics_stay_outside_the_contract() -> None:
    settings = Settings(environment="test", docs_enabled=False)
    served = set(app_routes(create_app(settings)))
    assert served - set(contract_operations()) == {("GET", "/metrics")}
