"""The committed contract in openapi/ is exactly what the code serves."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from app.main import create_app

OPENAPI_DIR = Path(__file__).resolve().parents[1] / "openapi"
REGENERATE = "Run 'make openapi' and commit openapi/."


def test_committed_json_matches_the_code() -> None:
    committed = json.loads((OPENAPI_DIR / "openapi.json").read_text())
    assert committed == create_app().openapi(), REGENERATE


def test_committed_yaml_matches_the_json() -> None:
    as_yaml = yaml.safe_load((OPENAPI_DIR / "openapi.yaml").read_text())
    assert as_yaml == json.loads((OPENAPI_DIR / "openapi.json").read_text()), REGENERATE


def test_operation_ids_are_readable_and_unique() -> None:
    document = create_app().openapi()
    ids = [op["operationId"] for path in document["paths"].values() for op in path.values()]
    assert len(ids) == len(set(ids))
    assert all(op_id.replace("_", "").isalpha() and op_id.islower() for op_id in ids)
    assert {"list_plans", "create_plan", "get_plan", "update_plan", "archive_plan"} <= set(ids)


def test_every_json_body_has_an_example_and_writes_declare_if_match() -> None:
    document = create_app().openapi()
    missing = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            bodies = {"request": operation.get("requestBody", {}), **operation["responses"]}
            for name, body in bodies.items():
                for media, content in body.get("content", {}).items():
                    if media.endswith("json") and "example" not in content:
                        missing.append(f"{method.upper()} {path} {name} {media}")
            if "428" in operation["responses"]:
                headers = {
                    p["name"] for p in operation.get("parameters", []) if p["in"] == "header"
                }
                assert "If-Match" in headers, f"{method.upper()} {path}"
    assert missing == []
