"""Property-based fuzzing of every operation in the committed contract with schemathesis.

Each operation in `openapi/openapi.json` is called in-process against the ASGI app, with an
admin key and with a contributor key whose officer leads actions, on a database that holds
the Stockton plan (plus a status update and a meeting, so every kind of id can resolve), on
SQLite and, with `IPA_TEST_POSTGRES_URL`, PostgreSQL. Cases are drawn in both generation
modes: positive (requests the contract allows) and negative (requests it forbids).

Some of the time a positive case's path parameters are swapped for ids that exist, so the
operation gets past its 404 and into the code that reads bodies, filters and sorts. The
choice is derived from the generated value itself, so a run is repeatable.

Checks on every response:

- `not_a_server_error`: never a 5xx.
- `status_code_conformance`, `content_type_conformance`, `response_schema_conformance`,
  `response_headers_conformance`: the status, content type, body and headers are those the
  operation documents.
- `negative_data_rejection`: a request the contract forbids is refused with a 4xx (400, 401,
  403, 404, 405, 406, 409, 412, 413, 415, 422 or 428); a 404 counts because a malformed id
  names nothing, and 412/428 because a malformed or missing `If-Match` is refused as such.
- `positive_data_acceptance`: a request the contract allows is answered 2xx or 304, or with
  a refusal about the state of the data rather than the shape of the request: 403 (the
  contributor may not change plan content, or the action is not one its officer leads),
  404 (a generated id names nothing), 409 (archived, duplicate, blocked), 412 (a generated
  `If-Match` is not the current ETag). 428 is not accepted, because the contract marks
  `If-Match` as required, so a positive case always sends one. 422 is accepted only from
  the plan's own rules (a red rating without a narrative, a future effective date, an
  unknown sort field, a cursor the service did not sign, a link across two plans, a date
  outside 1900 to 2999, text with a NUL character, a field one rule needs such as `reason`
  for a cancelled action): the custom check `shape_rules_match_contract` fails a positive
  case answered with a 422 whose errors are of the kinds a JSON schema describes (too long,
  wrong type, out of range, not in the enum, unknown field), because then the contract and
  the validation disagree.

The database is seeded once per backend for the module and shared by the cases: writes the
fuzzer can make (new items, links, updates, meetings) leave the ids it uses valid, and
archiving or changing needs a current ETag, which it never has. API-key ids are never
swapped in, so the fuzzer cannot revoke the keys it runs with.

Settings: the contract's examples plus `max_examples` generated cases per operation
(`FUZZ_MAX_EXAMPLES`, 15 by default), no deadline, derandomized (the same cases every run),
no example database, the rate limits off. Schemathesis's coverage
phase (hundreds of boundary cases per operation) is off to keep the run within a few
minutes; `tests/test_input_limits.py` checks the bounds themselves.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
import sqlalchemy as sa
from fastapi import FastAPI
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import CheckContext, not_a_server_error
from schemathesis.core.failures import Failure
from schemathesis.generation.case import Case
from schemathesis.python import asgi
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy.engine import make_url
from sqlmodel import col

from app.core.config import Settings
from app.main import create_app
from app.models import (
    Action,
    ActionLeadOfficer,
    Area,
    InspectionAction,
    Meeting,
    Objective,
    Officer,
    Outcome,
    Plan,
    Role,
    StatusUpdate,
    Strategy,
    StrategyLink,
    SuccessCriterion,
    Webhook,
)
from app.seeding.loader import default_seed_path, load_seed, read_seed_file
from tests.conftest import BACKENDS, POSTGRES_URL, SKIP_POSTGRES, Templates, _run_admin
from tests.factories import make_api_key

CONTRACT_PATH = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"
MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "15"))

# Pydantic error types that describe the shape of a request, which the contract also
# describes: a positive case must never be refused with one of them.
SHAPE_ERRORS = frozenset(
    {
        "extra_forbidden",
        "string_type",
        "string_too_short",
        "string_too_long",
        "string_pattern_mismatch",
        "too_short",
        "too_long",
        "int_type",
        "int_parsing",
        "int_from_float",
        "float_type",
        "float_parsing",
        "bool_type",
        "bool_parsing",
        "greater_than",
        "greater_than_equal",
        "less_than",
        "less_than_equal",
        "enum",
        "literal_error",
        "list_type",
        "dict_type",
        "model_type",
        "model_attributes_type",
        "date_type",
        "date_parsing",
        "date_from_datetime_parsing",
        "datetime_type",
        "datetime_parsing",
        "datetime_from_date_parsing",
        "url_type",
        "url_parsing",
        "json_invalid",
        "json_type",
        "none_required",
    }
)

config = schemathesis.Config.from_dict(
    {
        "generation": {
            "mode": "all",
            "max-examples": MAX_EXAMPLES,
            "deterministic": True,
            "with-security-parameters": False,
        },
        # The coverage phase's hundreds of boundary cases per operation do not fit the time
        # budget; the examples phase and MAX_EXAMPLES generated cases per operation do.
        "phases": {"coverage": {"enabled": False}},
        "checks": {
            "negative_data_rejection": {
                "expected-statuses": [
                    "400",
                    "401",
                    "403",
                    "404",
                    "405",
                    "406",
                    "409",
                    "412",
                    "413",
                    "415",
                    "422",
                    "428",
                ]
            },
            "positive_data_acceptance": {
                "expected-statuses": ["2xx", "304", "403", "404", "409", "412", "422"]
            },
        },
    }
)
schema = schemathesis.openapi.from_dict(json.loads(CONTRACT_PATH.read_text()), config=config)


@dataclass
class World:
    """The seeded database's app, keys and the ids that exist in it."""

    app: FastAPI
    keys: dict[str, str]
    ids: dict[str, list[str]] = field(default_factory=dict)


# Path parameter name -> the table whose ids it takes.
ID_SOURCES: dict[str, Any] = {
    "plan_id": Plan,
    "area_id": Area,
    "outcome_id": Outcome,
    "objective_id": Objective,
    "action_id": Action,
    "criterion_id": SuccessCriterion,
    "officer_id": Officer,
    "strategy_id": Strategy,
    "link_id": StrategyLink,
    "inspection_action_id": InspectionAction,
    "update_id": StatusUpdate,
    "meeting_id": Meeting,
    "webhook_id": Webhook,
}


@pytest.fixture(scope="module", params=BACKENDS)
def fuzz_database(
    request: pytest.FixtureRequest, templates: Templates, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A migrated database for the module, on each backend."""
    if request.param == "sqlite":
        target = tmp_path_factory.mktemp("fuzz") / "fuzz.db"
        shutil.copyfile(templates.sqlite_file, target)
        yield f"sqlite+aiosqlite:///{target}"
        return
    if not POSTGRES_URL:
        pytest.skip(SKIP_POSTGRES)
    name = f"{templates.postgres_database}_fuzz"
    _run_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _run_admin(f'CREATE DATABASE "{name}" TEMPLATE "{templates.postgres_database}"')
    yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    _run_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def _seed(app: FastAPI) -> World:
    async with app.router.lifespan_context(app), app.state.session_factory() as session:
        plan_id = (await load_seed(session, read_seed_file(default_seed_path()))).plan_id
        lead = (
            await session.execute(
                sa.select(
                    col(ActionLeadOfficer.officer_id), col(ActionLeadOfficer.action_id)
                ).limit(1)
            )
        ).one()
        _, admin_key = await make_api_key(session, role=Role.admin)
        _, contributor_key = await make_api_key(
            session, role=Role.contributor, officer_id=lead.officer_id
        )
        headers = {"Authorization": f"Bearer {admin_key}"}
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://test", headers=headers
        ) as http:
            posted = await http.post(
                f"/api/v1/actions/{lead.action_id}/status-updates",
                json={"rag": "green", "status": "in_progress", "narrative": "Going well."},
            )
            assert posted.status_code == 201, posted.text
            meeting = await http.post(
                "/api/v1/meetings", json={"plan_id": plan_id, "board": "GABB", "date": "2023-07-31"}
            )
            assert meeting.status_code == 201, meeting.text
        ids = {
            name: list(
                (await session.scalars(sa.select(col(model.id)).order_by(col(model.id)))).all()
            )
            for name, model in ID_SOURCES.items()
        }
    return World(app=app, keys={"admin": admin_key, "contributor": contributor_key}, ids=ids)


@pytest.fixture(scope="module")
def world(fuzz_database: str) -> Iterator[World]:
    """The Stockton plan seeded, and the app that serves it (started by schemathesis)."""
    app = create_app(
        Settings(
            environment="test",
            database_url=fuzz_database,
            create_admin_key_on_start=False,
            rate_limit="",
            auth_failure_rate_limit="",
        )
    )
    seeded = asyncio.run(_seed(app))
    yield seeded
    # Stop the app schemathesis started, so its connections close before the database goes.
    asgi.shutdown_lifespans()


@pytest.fixture(scope="module", params=["admin", "contributor"])
def role(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _use_real_ids(case: Case[Any], ids: dict[str, list[str]]) -> None:
    """Swap three in four generated path ids of a positive case for ids that exist."""
    if case.meta is not None and case.meta.generation.mode.is_negative:
        return
    for name, value in list((case.path_parameters or {}).items()):
        pool = ids.get(name)
        if not pool:
            continue
        digest = zlib.crc32(repr(value).encode())
        if digest % 4:
            case.path_parameters[name] = pool[digest % len(pool)]


def _no_long_poll(case: Case[Any]) -> None:
    """The feed's long poll would wait out its `wait` for events that never come here."""
    if case.meta is not None and case.meta.generation.mode.is_negative:
        return
    if case.method == "GET" and case.path == "/api/v1/events" and case.query:
        case.query.pop("wait", None)


def shape_rules_match_contract(ctx: CheckContext, response: Any, case: Case[Any]) -> bool | None:
    """A request the contract allows is never refused for its shape."""
    if response.status_code != 422 or case.meta is None:
        return None
    if case.meta.generation.mode.is_negative:
        return None
    errors = response.json().get("errors", [])
    shape = [error for error in errors if error.get("type") in SHAPE_ERRORS]
    if shape:
        raise Failure(
            operation=case.operation.label,
            title="A request the contract allows was refused for its shape",
            message=json.dumps(shape, ensure_ascii=False),
        )
    return True


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    shape_rules_match_contract,
]


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_every_operation(case: Case[Any], world: World, role: str) -> None:
    _use_real_ids(case, world.ids)
    _no_long_poll(case)
    if case.query and case.query.get("format") == "pdf":
        # A PDF pack takes seconds of a core: the pack's own tests read PDFs back, and here
        # its HTML (the same pack) stands in, keeping the run within its time.
        case.query["format"] = "html"
    case.call_and_validate(
        app=world.app,
        headers={"Authorization": f"Bearer {world.keys[role]}"},
        checks=CHECKS,
    )
