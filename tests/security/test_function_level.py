"""API5, broken function-level authorisation: every route's role, from one table.

`ROUTE_ROLES` names the least role each `/api/v1` operation needs; `PUBLIC` lists the
routes outside the API that need no key. The tests walk the application's routes and fail
when a route is missing from the table (a new route without a rule), when the table names a
route that no longer exists, or when the table and the role the route's dependency declares
(`required_role`, set by `app.core.auth.keys.require`) differ. Then each route is called
with no key (401) and with every role below its minimum (403). Path parameters name items
that do not exist: the role is checked before anything is looked up, so a role that may
not make the call learns nothing about what exists.
"""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import iter_route_contexts
from starlette.routing import Mount

from app.models import Role
from tests.conftest import Clients
from tests.support import assert_problem

V, C, E, A = Role.viewer, Role.contributor, Role.editor, Role.admin

ROUTE_ROLES: dict[tuple[str, str], Role] = {
    ("GET", "/api/v1/plans"): V,
    ("POST", "/api/v1/plans"): E,
    ("GET", "/api/v1/plans/{plan_id}"): V,
    ("PATCH", "/api/v1/plans/{plan_id}"): E,
    ("DELETE", "/api/v1/plans/{plan_id}"): E,
    ("POST", "/api/v1/plans/{plan_id}/restore"): A,
    ("GET", "/api/v1/plans/{plan_id}/tree"): V,
    ("GET", "/api/v1/plans/{plan_id}/areas"): V,
    ("POST", "/api/v1/plans/{plan_id}/areas"): E,
    ("GET", "/api/v1/areas/{area_id}"): V,
    ("PATCH", "/api/v1/areas/{area_id}"): E,
    ("DELETE", "/api/v1/areas/{area_id}"): E,
    ("POST", "/api/v1/areas/{area_id}/restore"): A,
    ("GET", "/api/v1/areas/{area_id}/outcomes"): V,
    ("POST", "/api/v1/areas/{area_id}/outcomes"): E,
    ("GET", "/api/v1/outcomes/{outcome_id}"): V,
    ("PATCH", "/api/v1/outcomes/{outcome_id}"): E,
    ("DELETE", "/api/v1/outcomes/{outcome_id}"): E,
    ("POST", "/api/v1/outcomes/{outcome_id}/restore"): A,
    ("GET", "/api/v1/outcomes/{outcome_id}/objectives"): V,
    ("POST", "/api/v1/outcomes/{outcome_id}/objectives"): E,
    ("GET", "/api/v1/objectives/{objective_id}"): V,
    ("PATCH", "/api/v1/objectives/{objective_id}"): E,
    ("DELETE", "/api/v1/objectives/{objective_id}"): E,
    ("POST", "/api/v1/objectives/{objective_id}/restore"): A,
    ("GET", "/api/v1/actions"): V,
    ("POST", "/api/v1/actions"): E,
    ("GET", "/api/v1/actions/{action_id}"): V,
    ("PATCH", "/api/v1/actions/{action_id}"): E,
    ("DELETE", "/api/v1/actions/{action_id}"): E,
    ("POST", "/api/v1/actions/{action_id}/restore"): A,
    ("PUT", "/api/v1/actions/{action_id}/success-criteria/{criterion_id}"): E,
    ("DELETE", "/api/v1/actions/{action_id}/success-criteria/{criterion_id}"): E,
    ("PUT", "/api/v1/actions/{action_id}/lead-officers/{officer_id}"): E,
    ("DELETE", "/api/v1/actions/{action_id}/lead-officers/{officer_id}"): E,
    ("PUT", "/api/v1/actions/{action_id}/inspection-actions/{inspection_action_id}"): E,
    ("DELETE", "/api/v1/actions/{action_id}/inspection-actions/{inspection_action_id}"): E,
    ("POST", "/api/v1/actions/{action_id}/status-updates"): C,
    ("GET", "/api/v1/actions/{action_id}/status-updates"): V,
    ("GET", "/api/v1/status-updates"): V,
    ("POST", "/api/v1/status-updates/batch"): C,
    ("GET", "/api/v1/status-updates/{update_id}"): V,
    ("GET", "/api/v1/actions/{action_id}/history"): V,
    ("GET", "/api/v1/audit-events"): A,
    ("GET", "/api/v1/success-criteria"): V,
    ("POST", "/api/v1/success-criteria"): E,
    ("GET", "/api/v1/success-criteria/{criterion_id}"): V,
    ("PATCH", "/api/v1/success-criteria/{criterion_id}"): E,
    ("DELETE", "/api/v1/success-criteria/{criterion_id}"): E,
    ("POST", "/api/v1/success-criteria/{criterion_id}/restore"): A,
    ("GET", "/api/v1/officers"): V,
    ("POST", "/api/v1/officers"): E,
    ("GET", "/api/v1/officers/{officer_id}"): V,
    ("PATCH", "/api/v1/officers/{officer_id}"): E,
    ("DELETE", "/api/v1/officers/{officer_id}"): E,
    ("POST", "/api/v1/officers/{officer_id}/restore"): A,
    ("GET", "/api/v1/strategies"): V,
    ("POST", "/api/v1/strategies"): E,
    ("GET", "/api/v1/strategies/{strategy_id}"): V,
    ("PATCH", "/api/v1/strategies/{strategy_id}"): E,
    ("DELETE", "/api/v1/strategies/{strategy_id}"): E,
    ("POST", "/api/v1/strategies/{strategy_id}/restore"): A,
    ("GET", "/api/v1/strategy-links"): V,
    ("POST", "/api/v1/strategy-links"): E,
    ("GET", "/api/v1/strategy-links/{link_id}"): V,
    ("PATCH", "/api/v1/strategy-links/{link_id}"): E,
    ("DELETE", "/api/v1/strategy-links/{link_id}"): E,
    ("GET", "/api/v1/inspection-actions"): V,
    ("POST", "/api/v1/inspection-actions"): E,
    ("GET", "/api/v1/inspection-actions/{inspection_action_id}"): V,
    ("PATCH", "/api/v1/inspection-actions/{inspection_action_id}"): E,
    ("DELETE", "/api/v1/inspection-actions/{inspection_action_id}"): E,
    ("POST", "/api/v1/inspection-actions/{inspection_action_id}/restore"): A,
    ("GET", "/api/v1/reports/quarterly"): V,
    ("GET", "/api/v1/reports/quarterly.csv"): V,
    ("GET", "/api/v1/reports/quarterly.xlsx"): V,
    ("GET", "/api/v1/reports/exceptions"): V,
    ("GET", "/api/v1/reports/summary"): V,
    ("GET", "/api/v1/reports/updates-owed"): V,
    ("GET", "/api/v1/officers/{officer_id}/update-workbook"): C,
    ("POST", "/api/v1/officers/{officer_id}/update-workbook"): C,
    ("POST", "/api/v1/plan-imports"): E,
    ("GET", "/api/v1/plan-imports/schema"): V,
    ("GET", "/api/v1/plans/{plan_id}/export"): V,
    ("GET", "/api/v1/meetings"): V,
    ("POST", "/api/v1/meetings"): E,
    ("POST", "/api/v1/meetings/schedule"): E,
    ("GET", "/api/v1/meetings/{meeting_id}"): V,
    ("PATCH", "/api/v1/meetings/{meeting_id}"): E,
    ("POST", "/api/v1/meetings/{meeting_id}/snapshot"): E,
    ("GET", "/api/v1/meetings/{meeting_id}/snapshot"): V,
    ("GET", "/api/v1/api-keys"): A,
    ("POST", "/api/v1/api-keys"): A,
    ("GET", "/api/v1/api-keys/{key_id}"): A,
    ("DELETE", "/api/v1/api-keys/{key_id}"): A,
    ("POST", "/api/v1/api-keys/{key_id}/rotate"): A,
    ("GET", "/api/v1/me"): V,
    ("GET", "/api/v1/plans/{plan_key_or_id}/actions/{ref}"): V,
    ("GET", "/api/v1/events"): V,
    ("GET", "/api/v1/webhooks"): A,
    ("POST", "/api/v1/webhooks"): A,
    ("GET", "/api/v1/webhooks/{webhook_id}"): A,
    ("PATCH", "/api/v1/webhooks/{webhook_id}"): A,
    ("DELETE", "/api/v1/webhooks/{webhook_id}"): A,
    ("POST", "/api/v1/webhooks/{webhook_id}/rotate-secret"): A,
    ("POST", "/api/v1/webhooks/{webhook_id}/ping"): A,
    ("GET", "/api/v1/webhooks/{webhook_id}/deliveries"): A,
    ("POST", "/api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver"): A,
}

# Outside /api/v1: the probes, Prometheus metrics and the docs (switched off in production
# by IPA_DOCS_ENABLED=false), each with a path that answers 200 without a key.
PUBLIC: dict[tuple[str, str], str] = {
    ("GET", "/health/live"): "/health/live",
    ("GET", "/health/ready"): "/health/ready",
    ("GET", "/metrics"): "/metrics",
    ("GET", "/openapi.json"): "/openapi.json",
    ("GET", "/docs"): "/docs",
    ("GET", "/docs/oauth2-redirect"): "/docs/oauth2-redirect",
    ("GET", "/redoc"): "/redoc",
    ("GET", "/docs/static"): "/docs/static/swagger-ui.css",
    ("GET", "/auth/openid-configuration"): "/auth/openid-configuration",
}


def declared_roles(dependant: Dependant) -> list[Role]:
    """Every role a route's dependencies require, however deeply nested."""
    found: list[Role] = []
    for dependency in dependant.dependencies:
        role = getattr(dependency.call, "required_role", None)
        if role is not None:
            found.append(role)
        found.extend(declared_roles(dependency))
    return found


def app_routes(app: FastAPI) -> dict[tuple[str, str], Any]:
    """(method, path template) of every route the application serves, with the route."""
    routes: dict[tuple[str, str], Any] = {}
    for context in iter_route_contexts(app.routes):
        path = context.path
        assert path is not None, context
        if isinstance(context.original_route, Mount):
            routes["GET", path] = context
            continue
        methods = set(context.methods or ())
        if "GET" in methods:
            methods.discard("HEAD")  # Starlette answers HEAD wherever it answers GET
        for method in methods:
            routes[method, path] = context
    return routes


def fill(template: str) -> str:
    """The path with every parameter naming an item that does not exist."""
    parts = [
        f"missing_{part[1:-1]}" if part.startswith("{") else part for part in template.split("/")
    ]
    return "/".join(parts)


async def test_every_route_has_a_rule_and_every_rule_a_route(app: FastAPI) -> None:
    served = set(app_routes(app))
    ruled = set(ROUTE_ROLES) | set(PUBLIC)
    assert sorted(served - ruled) == [], "routes with no rule: add them to ROUTE_ROLES or PUBLIC"
    assert sorted(ruled - served) == [], "rules for routes that no longer exist"
    assert all(path.startswith("/api/v1/") for _, path in ROUTE_ROLES)
    assert not [path for _, path in PUBLIC if path.startswith("/api/")]


async def test_the_table_matches_the_role_each_route_declares(app: FastAPI) -> None:
    drift = {}
    for key, context in app_routes(app).items():
        declared = declared_roles(context.dependant) if hasattr(context, "dependant") else []
        expected = [ROUTE_ROLES[key]] if key in ROUTE_ROLES else []
        if declared != expected:
            drift[key] = (declared, expected)
    assert drift == {}, "route: (declared by its dependency, in the table)"


# With no sign-in provider configured, its discovery document is a 404 (tests/oidc has the 200).
NOT_CONFIGURED = {"/auth/openid-configuration"}


async def test_public_routes_answer_without_a_key(client: httpx.AsyncClient) -> None:
    for (method, _), path in PUBLIC.items():
        response = await client.request(method, path)
        expected = 404 if path in NOT_CONFIGURED else 200
        assert response.status_code == expected, (path, response.status_code)


async def test_each_route_refuses_no_key_and_every_role_below_its_minimum(
    client: httpx.AsyncClient, clients: Clients
) -> None:
    as_role = {role: await clients.as_role(role) for role in Role}
    wrong: list[str] = []
    for (method, template), minimum in ROUTE_ROLES.items():
        url = fill(template)
        anonymous = await client.request(method, url)
        if anonymous.status_code != 401:
            wrong.append(f"{method} {template} without a key: {anonymous.status_code}")
        else:
            assert_problem(anonymous, 401)
            assert anonymous.headers["WWW-Authenticate"].startswith("Bearer")
        for role in Role:
            response = await as_role[role].request(method, url)
            allowed = role.allows(minimum)
            if allowed and response.status_code in {401, 403}:
                wrong.append(f"{method} {template} as {role.value}: {response.status_code}")
            elif not allowed and response.status_code != 403:
                wrong.append(
                    f"{method} {template} as {role.value}: {response.status_code}, not 403"
                )
            elif not allowed:
                body = assert_problem(response, 403)
                assert minimum.value in body["detail"], body
    assert wrong == []
