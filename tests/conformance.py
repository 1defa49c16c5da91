"""Every response the tests receive is checked against the committed contract in openapi/.

The clients in conftest.py run `check_response` on each response: its status must be one
the operation documents, its content type one documented for that status, and a JSON body
must validate against the documented schema. So the whole suite proves, with real data,
that the service answers as openapi/openapi.json says.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import httpx
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

CONTRACT = Path(__file__).resolve().parents[1] / "openapi" / "openapi.json"
UNDOCUMENTED_OK = {404, 405}  # routing answers for paths or methods that do not exist


@cache
def _document() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(CONTRACT.read_text())
    return document


@cache
def _registry() -> Registry[Any]:
    resource: Resource[Any] = Resource.from_contents(_document(), default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource("urn:contract", resource)
    return registry


@cache
def _routes() -> list[tuple[re.Pattern[str], str]]:
    routes = []
    for template in _document()["paths"]:
        pattern = "".join(
            "[^/]+" if part.startswith("{") else re.escape(part)
            for part in re.split(r"(\{[^/]+\})", template)
        )
        routes.append((re.compile(f"^{pattern}$"), template))
    # Literal paths before templated ones: /meetings/schedule before /meetings/{id}.
    routes.sort(key=lambda route: route[1].count("{"))
    return routes


def _operation(method: str, path: str) -> dict[str, Any] | None:
    """The operation of the first path that matches, as OpenAPI matches them: a fixed path
    without this method has no operation for it, whatever template also matches."""
    for pattern, template in _routes():
        if pattern.match(path):
            operation: dict[str, Any] | None = _document()["paths"][template].get(method.lower())
            return operation
    return None


class ContractViolation(AssertionError):
    """The service answered something its contract does not say."""


def check_response(response: httpx.Response) -> None:
    request = response.request
    path = request.url.path
    if not path.startswith("/api/") and path not in {"/health/live", "/health/ready"}:
        return
    operation = _operation(request.method, path)
    where = f"{request.method} {path} -> {response.status_code}"
    if operation is None:
        if response.status_code in UNDOCUMENTED_OK:
            return
        raise ContractViolation(f"{where}: no such operation in the contract")
    responses = operation["responses"]
    documented = responses.get(str(response.status_code))
    if documented is None:
        raise ContractViolation(f"{where}: status not documented (documented: {sorted(responses)})")
    if response.status_code == 304 or not response.content:
        return
    media = response.headers.get("content-type", "").split(";")[0].strip()
    content = documented.get("content", {})
    if media not in content:
        raise ContractViolation(
            f"{where}: content type {media!r} not documented ({sorted(content)})"
        )
    kinds = {example["value"]["type"] for example in content[media].get("examples", {}).values()}
    if kinds and response.json().get("type") not in kinds:
        raise ContractViolation(
            f"{where}: problem type {response.json().get('type')!r} not documented "
            f"({sorted(kinds)})"
        )
    schema = content[media].get("schema")
    if schema is None or not media.endswith("json"):
        return
    # Refs in the contract point into its own components; resolve them in the registry.
    anchored = json.loads(
        json.dumps(schema).replace('"#/components/', '"urn:contract#/components/')
    )
    validator = Draft202012Validator(anchored, registry=_registry())
    errors = sorted(validator.iter_errors(response.json()), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        raise ContractViolation(
            f"{where}: body does not match the contract at {list(first.path)}: {first.message}"
        )


async def hook(response: httpx.Response) -> None:
    """An httpx response hook: read the body, then check it."""
    await response.aread()
    check_response(response)
