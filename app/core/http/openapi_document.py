"""The last pass over the generated OpenAPI document, so that it says exactly what the service
does in the forms third-party generators and fuzzers read best: nullable values as OpenAPI 3.1
type lists, parameters that are absent rather than null, the headers every response sends,
response fields that are always sent marked `required`, and sort fields as enums."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from app.core.http.idempotency import REPLAY_HEADER
from app.core.http.schemas import without_null

JSON_TYPES = frozenset({"string", "integer", "number", "boolean", "array", "object"})

SORT_FIELDS = "x-sort-fields"
"""Set on a `sort` query parameter's schema by `listing.sorted_by`: the fields it takes."""

HEADERS: dict[str, dict[str, Any]] = {
    "X-Request-ID": {
        "description": "The request's id: the caller's `X-Request-ID` when it is a UUID, else "
        "a new one. Every log line about the request carries it.",
        "required": True,
        "schema": {"type": "string", "pattern": "^[0-9a-fA-F-]{32,36}$"},
    },
    "ETag": {
        "description": "The resource's version, for `If-None-Match` on reads and `If-Match` on "
        "writes.",
        "schema": {"type": "string"},
    },
    "Location": {
        "description": "The URL of the resource just created.",
        "schema": {"type": "string", "format": "uri"},
    },
    "Link": {
        "description": 'The next page, as `<url>; rel="next"`; left out on the last page.',
        "schema": {"type": "string"},
    },
    REPLAY_HEADER: {
        "description": "`true` when this is the stored first response to a retried request "
        "with the same `Idempotency-Key`; left out otherwise.",
        "schema": {"type": "string", "enum": ["true"]},
    },
}

# Response models sent without the fields they hold no value for (`exclude_none`), and the
# sign-in provider's discovery document, passed on as the provider wrote it.
SPARSE_SCHEMAS = frozenset({"Problem", "FieldError", "Blocker", "OpenIdConfiguration"})


def _header(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/headers/{name}"}


def _is_null(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("type") == "null" and len(schema) == 1


def type_lists(node: Any) -> Any:
    """`anyOf: [{type: T, ...}, {type: null}]` as `{type: [T, "null"], ...}`, everywhere.

    Generators name each branch of an `anyOf` as a class of its own (`Ref1`, `Ref2`...);
    a type list is one field of an optional type. A `$ref` or an enum stays an `anyOf`.
    """
    if isinstance(node, list):
        return [type_lists(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: type_lists(value) for key, value in node.items()}
    options = node.get("anyOf")
    if isinstance(options, list) and len(options) == 2 and any(map(_is_null, options)):
        other = next(option for option in options if not _is_null(option))
        if other.get("type") in JSON_TYPES and not {"$ref", "enum", "const"} & other.keys():
            merged = {k: v for k, v in node.items() if k != "anyOf"}
            merged.update(other)
            merged["type"] = [other["type"], "null"]
            for key in ("title", "description", "default", "examples"):
                if key in node:
                    merged[key] = node[key]
            return merged
    return node


# Dates and times the service takes run from 1900 to 2999 (`schemas.EARLIEST`, `LATEST`).
YEARS_PATTERN = "^(19[0-9]{2}|2[0-9]{3})-"


def dated(node: Any) -> Any:
    """Every date and time, in requests and responses, says its years run from 1900 to 2999."""
    if isinstance(node, list):
        return [dated(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: dated(value) for key, value in node.items()}
    # A `properties` map may have a member named `format`: only a schema's format is text.
    if node.get("format") in ("date", "date-time") and "pattern" not in node:
        node["pattern"] = YEARS_PATTERN
    return node


def _operations(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for path in document.get("paths", {}).values():
        yield from path.values()


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            yield ref.rsplit("/", 1)[-1]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def _reachable(roots: Iterator[str], schemas: dict[str, Any]) -> set[str]:
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen or name not in schemas:
            continue
        seen.add(name)
        todo.extend(_refs(schemas[name]))
    return seen


def _require_sent_fields(document: dict[str, Any]) -> None:
    """A response model sends every field it has (null where it has no value), so in the
    schemas only responses use, every property is `required`."""
    schemas = document.get("components", {}).get("schemas", {})
    requests: list[Any] = []
    responses: list[Any] = []
    for operation in _operations(document):
        requests.append(operation.get("requestBody", {}))
        requests.append(operation.get("parameters", []))
        responses.append(operation.get("responses", {}))
    written = _reachable(_refs(requests), schemas)
    for name in _reachable(_refs(responses), schemas) - written - SPARSE_SCHEMAS:
        properties = schemas[name].get("properties")
        if properties:
            schemas[name]["required"] = list(properties)


def _sort_parameter(parameter: dict[str, Any]) -> None:
    """`sort` as what it is: a list of the fields a list sorts by, each either way."""
    fields = parameter["schema"].pop(SORT_FIELDS, None)
    if fields is None:
        return
    choices = [value for name in fields for value in (name, f"-{name}")]
    parameter["schema"] = {
        "type": "array",
        "items": {"type": "string", "enum": choices},
        "minItems": 1,
        "maxItems": len(fields),
        "uniqueItems": True,
    }
    if len(fields) > 1:  # one field is one item (`maxItems`)
        # A field once, either way: `rag,-rag` is a 422.
        parameter["schema"]["not"] = {
            "anyOf": [
                {"allOf": [{"contains": {"const": name}}, {"contains": {"const": f"-{name}"}}]}
                for name in fields
            ]
        }


def _parameters(operation: dict[str, Any]) -> None:
    for parameter in operation.get("parameters", []):
        # A parameter is left out to mean "none"; it is never sent as null.
        parameter["schema"] = without_null(parameter["schema"])
        if parameter["name"] == "sort":
            _sort_parameter(parameter)


def _request_body(operation: dict[str, Any]) -> None:
    """An optional body is declared as its model with `required: false`, not "model or
    null", so a generated client may leave it out."""
    body = operation.get("requestBody")
    if not body:
        return
    for content in body.get("content", {}).values():
        if "schema" in content:
            schema = without_null(content["schema"])
            if set(schema) - {"$ref", "title", "description"} == set() and "$ref" in schema:
                schema = {"$ref": schema["$ref"]}
            content["schema"] = schema


def _response_headers(operation: dict[str, Any]) -> None:
    """Declare the headers each response sends (the `RateLimit-*` and `ETag` headers of
    reads and updates are declared where those are documented)."""
    names = {p["name"] for p in operation.get("parameters", []) if p["in"] == "header"}
    idempotent = "Idempotency-Key" in names
    for status, response in operation.get("responses", {}).items():
        headers = response.setdefault("headers", {})
        headers["X-Request-ID"] = _header("X-Request-ID")
        if status == "304":
            headers["ETag"] = _header("ETag")
        if status == "201":
            headers["Location"] = _header("Location")
            headers["ETag"] = _header("ETag")
        elif status == "200" and "ETag" in headers:
            headers["ETag"] = _header("ETag")
        if status.startswith("2") and idempotent:
            headers[REPLAY_HEADER] = _header(REPLAY_HEADER)
        schema = response.get("content", {}).get("application/json", {}).get("schema", {})
        if status == "200" and schema.get("$ref", "").endswith("Page"):
            headers["Link"] = _header("Link")
        response["headers"] = dict(sorted(headers.items()))


def refine(document: dict[str, Any]) -> None:
    """Apply every rule above to the generated document, in place."""
    for operation in _operations(document):
        _parameters(operation)
        _request_body(operation)
        _response_headers(operation)
    components = document.setdefault("components", {})
    components["headers"] = {name: HEADERS[name] for name in sorted(HEADERS)}
    _require_sent_fields(document)
    document.update(dated(type_lists(document)))
