"""Examples for every JSON request and response body in the contract, built from the
schemas' own field examples, so that docs, mock servers and generated clients show
realistic bodies without a second copy of each model to keep in step."""

from __future__ import annotations

from typing import Any

FORMAT_EXAMPLES = {
    "date": "2023-07-31",
    "date-time": "2023-07-31T09:00:00Z",
    "uri": "https://intranet.example.gov.uk/plans/people-strategy",
    "binary": None,
}
# Past this depth, optional and repeated parts are left empty (null, []), which keeps
# recursive schemas such as the plan tree's sub-actions finite.
MAX_DEPTH = 4


# One branch per kind of JSON Schema node.
def example_for(schema: dict[str, Any], components: dict[str, Any], depth: int = 0) -> Any:
    """A value that satisfies `schema`, preferring the examples written on it."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return example_for(components.get(name, {}), components, depth + 1)
    if schema.get("examples"):
        return schema["examples"][0]
    if "example" in schema:
        return schema["example"]
    if "default" in schema and schema["default"] is not None:
        return schema["default"]
    if "enum" in schema:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    for key in ("anyOf", "oneOf"):
        if key in schema:
            options = [o for o in schema[key] if o.get("type") != "null"]
            nullable = len(options) < len(schema[key])
            if not options or (nullable and depth > MAX_DEPTH):
                return None
            return example_for(options[0], components, depth + 1)
    if "allOf" in schema:
        return example_for(schema["allOf"][0], components, depth + 1)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        # Optional fields appear only where the schema gives them an example of their own.
        required = set(schema.get("required", []))
        return {
            name: example_for(prop, components, depth + 1)
            for name, prop in schema.get("properties", {}).items()
            if name in required or "examples" in prop or "example" in prop
        }
    if kind == "array":
        if depth > MAX_DEPTH:
            return []
        return [example_for(schema.get("items", {}), components, depth + 1)]
    if kind == "integer":
        return (
            max(int(schema.get("minimum", 1)), 1)
            if "maximum" not in schema
            else schema.get("minimum", 0)
        )
    if kind == "number":
        return schema.get("minimum", 1.0)
    if kind == "boolean":
        return False
    if kind == "string":
        if schema.get("format") in FORMAT_EXAMPLES:
            return FORMAT_EXAMPLES[schema["format"]]
        pattern = schema.get("pattern", "")
        if "@" in pattern:
            return "jane.smith@example.gov.uk"
        if pattern.startswith("^https?"):
            return FORMAT_EXAMPLES["uri"]
        return (
            "text"[: max(schema.get("maxLength", 4), 1)]
            if schema.get("minLength", 1) <= 4
            else ("x" * schema["minLength"])
        )
    return None


def add_examples(document: dict[str, Any]) -> None:
    """Give each JSON request body and response in the document an `example`."""
    components = document.get("components", {}).get("schemas", {})
    for path in document.get("paths", {}).values():
        for operation in path.values():
            bodies = [operation.get("requestBody", {})]
            bodies += list(operation.get("responses", {}).values())
            for body in bodies:
                for media, content in body.get("content", {}).items():
                    if media.endswith("json") and "schema" in content and "example" not in content:
                        content["example"] = example_for(content["schema"], components)
