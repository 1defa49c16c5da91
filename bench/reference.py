"""The reference endpoints: PostgreSQL builds the JSON, the server passes the bytes through.

This is the design of PostgREST: one statement per request (the key check included), the
response assembled with `json_build_object` and `json_agg` inside the database, and the
server adding nothing but headers. It answers the same list and detail requests as the
service, with the same rows and related data:

- `GET /api/v1/actions?area_id=…&rag=…&limit=50&expand=lead_officers,latest_update`
- `GET /api/v1/actions/{id}?expand=success_criteria,strategies,latest_update`
- `GET /api/v1/plans/{id}/tree`: the plan nested (areas, outcomes, objectives, their
  criteria with the actions linked to them, actions with their criteria, strategies,
  inspection actions and sub-actions), in one statement
- `POST /api/v1/actions/{id}/status-updates`: a plain insert of the status update row the
  service stores, in one statement (the key check, which must be a writer's, included),
  answering the stored row

Run with uvicorn: `uvicorn bench.reference:app`, `BENCH_DATABASE_URL=postgresql://…`.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg  # type: ignore[import-untyped]
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

KEY_CHECK = """
    SELECT 1 FROM api_key
    WHERE prefix = $1 AND key_hash = $2 AND revoked_at IS NULL
      AND (expires_at IS NULL OR expires_at > now())
"""

ACTION_FIELDS = """
    'id', a.id, 'plan_id', a.plan_id, 'area_id', a.area_id, 'outcome_id', a.outcome_id,
    'objective_id', a.objective_id, 'parent_id', a.parent_id, 'ref', a.ref, 'title', a.title,
    'description', a.description, 'notes', a.notes, 'timescale', a.timescale,
    'timescale_readable', a.timescale_readable, 'due_date', a.due_date,
    'original_due_date', a.original_due_date,
    'due_date_revision_count', a.due_date_revision_count, 'recurrence', a.recurrence,
    'rag', a.rag, 'status', a.status, 'last_update_date', a.last_update_date,
    'completed_date', a.completed_date, 'position', a.position,
    'overdue', coalesce(a.due_date < current_date
        AND a.status NOT IN ('complete', 'cancelled'), false),
    'slippage_days', a.due_date - a.original_due_date,
    'created_at', a.created_at, 'updated_at', a.updated_at, 'archived_at', a.archived_at,
    'version', a.version,
    'lead_officers', coalesce((
        SELECT json_agg(json_build_object(
            'id', o.id, 'name', o.name, 'job_title', o.job_title, 'email', o.email,
            'is_role', o.is_role, 'organisation', o.organisation)
            ORDER BY l.position, o.name)
        FROM action_lead_officer l JOIN officer o ON o.id = l.officer_id
        WHERE l.action_id = a.id), '[]'::json)
"""

LATEST_UPDATE = """
    'latest_update', (
        SELECT json_build_object(
            'id', u.id, 'action_id', u.action_id, 'plan_id', u.plan_id, 'area_id', u.area_id,
            'rag', u.rag, 'status', u.status, 'narrative', u.narrative,
            'next_steps', u.next_steps, 'reason', u.reason, 'evidence', u.evidence,
            'effective_date', u.effective_date, 'author', u.author,
            'author_officer_id', u.author_officer_id,
            'corrects_update_id', u.corrects_update_id, 'superseded_by_id', NULL,
            'created_at', u.created_at, 'updated_at', u.created_at, 'archived_at', NULL)
        FROM status_update u
        WHERE u.action_id = a.id
          AND NOT EXISTS (SELECT 1 FROM status_update c WHERE c.corrects_update_id = u.id)
        ORDER BY u.effective_date DESC, u.created_at DESC, u.id DESC
        LIMIT 1)
"""

LIST = f"""
WITH allowed AS ({KEY_CHECK}),
matching AS (
    SELECT * FROM action
    WHERE area_id = $3 AND rag = $4 AND archived_at IS NULL
      AND EXISTS (SELECT 1 FROM allowed)
),
page AS (SELECT * FROM matching ORDER BY created_at, id LIMIT $5 + 1),
shown AS (SELECT * FROM page ORDER BY created_at, id LIMIT $5)
SELECT CASE WHEN EXISTS (SELECT 1 FROM allowed) THEN json_build_object(
    'items', coalesce((
        SELECT json_agg(json_build_object({ACTION_FIELDS}, {LATEST_UPDATE})
                        ORDER BY a.created_at, a.id)
        FROM shown a), '[]'::json),
    'total', (SELECT count(*) FROM matching),
    'next_cursor', CASE WHEN (SELECT count(*) FROM page) > $5 THEN (
        SELECT encode(convert_to(a.created_at::text || '|' || a.id, 'UTF8'), 'base64')
        FROM shown a ORDER BY a.created_at DESC, a.id DESC LIMIT 1) END
)::text END
"""  # noqa: S608 (built from the constant fragments above, no input)

DETAIL = f"""
SELECT CASE WHEN EXISTS ({KEY_CHECK}) THEN (
    SELECT json_build_object({ACTION_FIELDS}, {LATEST_UPDATE},
        'success_criteria', coalesce((
            SELECT json_agg(json_build_object(
                'id', s.id, 'statement', s.statement, 'area_id', s.area_id,
                'outcome_id', s.outcome_id, 'objective_id', s.objective_id)
                ORDER BY s.position, s.id)
            FROM action_success_criterion x
            JOIN success_criterion s ON s.id = x.criterion_id
            WHERE x.action_id = a.id AND s.archived_at IS NULL), '[]'::json),
        'strategies', coalesce((
            SELECT json_agg(json_build_object(
                'id', t.id, 'title', t.title, 'url', t.url, 'owner', t.owner,
                'link_id', k.id, 'note', k.note)
                ORDER BY k.created_at, k.id)
            FROM strategy_link k JOIN strategy t ON t.id = k.strategy_id
            WHERE k.action_id = a.id AND k.archived_at IS NULL), '[]'::json)
    )::text
    FROM action a WHERE a.id = $3
) END
"""  # noqa: S608 (built from the constant fragments above, no input)

# An action of the tree, with what the tree expands; `{sub_actions}` is its sub-actions'
# array (the generated data nests them one level deep).
TREE_ACTION = f"""json_build_object({ACTION_FIELDS},
    'success_criteria', coalesce((
        SELECT json_agg(json_build_object(
            'id', s.id, 'statement', s.statement, 'area_id', s.area_id,
            'outcome_id', s.outcome_id, 'objective_id', s.objective_id)
            ORDER BY s.position, s.id)
        FROM action_success_criterion x JOIN success_criterion s ON s.id = x.criterion_id
        WHERE x.action_id = a.id AND s.archived_at IS NULL), '[]'::json),
    'strategies', coalesce((
        SELECT json_agg(json_build_object(
            'id', t.id, 'title', t.title, 'url', t.url, 'link_id', k.id, 'note', k.note)
            ORDER BY k.created_at, k.id)
        FROM strategy_link k JOIN strategy t ON t.id = k.strategy_id
        WHERE k.action_id = a.id AND k.archived_at IS NULL), '[]'::json),
    'inspection_actions', coalesce((
        SELECT json_agg(json_build_object(
            'id', i.id, 'source', i.source, 'number', i.number, 'text', i.text)
            ORDER BY i.source, i.number)
        FROM action_inspection_action y JOIN inspection_action i ON i.id = y.inspection_action_id
        WHERE y.action_id = a.id), '[]'::json),
    'sub_actions', {{sub_actions}})"""  # noqa: S608 (constant fragments)


def _tree_actions(under: str) -> str:
    """The top-level live actions whose nearest item is `under` (a condition on `a`), each
    with its live sub-actions."""
    child = TREE_ACTION.format(sub_actions="'[]'::json")
    sub_actions = f"""coalesce((
        SELECT json_agg({child} ORDER BY a.position, a.id)
        FROM action a WHERE a.parent_id = t.top_id AND a.archived_at IS NULL), '[]'::json)"""  # noqa: S608
    top = TREE_ACTION.format(sub_actions=sub_actions)
    return f"""coalesce((
        SELECT json_agg({top} ORDER BY a.position, a.id)
        FROM action a CROSS JOIN LATERAL (SELECT a.id AS top_id) t
        WHERE {under} AND a.parent_id IS NULL AND a.archived_at IS NULL), '[]'::json)"""  # noqa: S608


def _criteria(condition: str) -> str:
    return f"""coalesce((
        SELECT json_agg(json_build_object(
            'id', c.id, 'statement', c.statement,
            'action_ids', coalesce((
                SELECT json_agg(l.action_id ORDER BY la.ref)
                FROM action_success_criterion l JOIN action la ON la.id = l.action_id
                WHERE l.criterion_id = c.id AND la.archived_at IS NULL), '[]'::json))
            ORDER BY c.position, c.id)
        FROM success_criterion c WHERE {condition} AND c.archived_at IS NULL), '[]'::json)"""  # noqa: S608


TREE = f"""
SELECT CASE WHEN EXISTS ({KEY_CHECK}) THEN (
    SELECT json_build_object(
        'plan', row_to_json(p),
        'areas', coalesce((
            SELECT json_agg(json_build_object(
                'id', ar.id, 'ref', ar.ref, 'number', ar.number, 'title', ar.title,
                'aim', ar.aim,
                'success_criteria', {_criteria("c.area_id = ar.id AND c.outcome_id IS NULL")},
                'outcomes', coalesce((
                    SELECT json_agg(json_build_object(
                        'id', oc.id, 'ref', oc.ref, 'number', oc.number,
                        'statement', oc.statement,
                        'success_criteria', {
    _criteria("c.outcome_id = oc.id AND c.objective_id IS NULL")
},
                        'objectives', coalesce((
                            SELECT json_agg(json_build_object(
                                'id', ob.id, 'ref', ob.ref, 'statement', ob.statement,
                                'success_criteria', {_criteria("c.objective_id = ob.id")},
                                'actions', {_tree_actions("a.objective_id = ob.id")})
                                ORDER BY ob.position, ob.id)
                            FROM objective ob
                            WHERE ob.outcome_id = oc.id AND ob.archived_at IS NULL),
                            '[]'::json),
                        'actions', {
    _tree_actions("a.outcome_id = oc.id AND a.objective_id IS NULL")
})
                        ORDER BY oc.position, oc.id)
                    FROM outcome oc WHERE oc.area_id = ar.id AND oc.archived_at IS NULL),
                    '[]'::json),
                'actions', {_tree_actions("a.area_id = ar.id AND a.outcome_id IS NULL")})
                ORDER BY ar.position, ar.id)
            FROM area ar WHERE ar.plan_id = p.id AND ar.archived_at IS NULL), '[]'::json),
        'inspection_actions', coalesce((
            SELECT json_agg(json_build_object(
                'id', i.id, 'source', i.source, 'number', i.number, 'text', i.text,
                'action_ids', coalesce((
                    SELECT json_agg(y.action_id ORDER BY ya.ref)
                    FROM action_inspection_action y JOIN action ya ON ya.id = y.action_id
                    WHERE y.inspection_action_id = i.id AND ya.archived_at IS NULL),
                    '[]'::json))
                ORDER BY i.source, i.number)
            FROM inspection_action i WHERE i.plan_id = p.id AND i.archived_at IS NULL),
            '[]'::json)
    )::text
    FROM plan p WHERE p.id = $3
) END
"""  # noqa: S608 (built from the constant fragments above, no input)

# The status update row the service would store for the body, and nothing else: no
# rules, no idempotency record, no audit or change-feed events, no action state.
INSERT_UPDATE = """
WITH allowed AS (
    SELECT id FROM api_key
    WHERE prefix = $1 AND key_hash = $2 AND revoked_at IS NULL
      AND (expires_at IS NULL OR expires_at > now()) AND role IN ('editor', 'admin')
),
stored AS (
    INSERT INTO status_update (
        id, action_id, plan_id, area_id, rag, status, narrative, next_steps, evidence,
        effective_date, author, created_by_key_id, created_at)
    SELECT $3, a.id, a.plan_id, a.area_id, $5, $6, $7, $8, '[]', current_date,
           'Benchmark', k.id, now()
    FROM action a, allowed k
    WHERE a.id = $4 AND a.archived_at IS NULL
    RETURNING *
)
SELECT json_build_object(
    'id', u.id, 'action_id', u.action_id, 'plan_id', u.plan_id, 'area_id', u.area_id,
    'rag', u.rag, 'status', u.status, 'narrative', u.narrative, 'next_steps', u.next_steps,
    'reason', u.reason, 'evidence', u.evidence, 'effective_date', u.effective_date,
    'author', u.author, 'author_officer_id', u.author_officer_id,
    'corrects_update_id', u.corrects_update_id, 'created_at', u.created_at)::text
FROM stored u
"""

PROBLEM = "application/problem+json"


def _key(request: Request) -> tuple[str, str] | None:
    header = request.headers.get("authorization", "")
    scheme, _, key = header.partition(" ")
    parts = key.split("_", 2)
    if scheme.lower() != "bearer" or len(parts) != 3:
        return None
    return parts[1], hashlib.sha256(key.encode()).hexdigest()


def _answer(body: str | None, not_found: bool = False) -> Response:
    if body is None:
        status = 404 if not_found else 401
        return Response(b'{"status":%d}' % status, status_code=status, media_type=PROBLEM)
    return Response(body.encode(), media_type="application/json")


async def list_actions(request: Request) -> Response:
    key = _key(request)
    if key is None:
        return _answer(None)
    query = request.query_params
    limit = int(query.get("limit", "50"))
    async with request.app.state.pool.acquire() as connection:
        body = await connection.fetchval(
            LIST, key[0], key[1], query.get("area_id"), query.get("rag"), limit
        )
    return _answer(body)


async def get_action(request: Request) -> Response:
    key = _key(request)
    if key is None:
        return _answer(None)
    async with request.app.state.pool.acquire() as connection:
        allowed = await connection.fetchval(
            DETAIL, key[0], key[1], request.path_params["action_id"]
        )
    return _answer(allowed, not_found=True)


async def get_plan_tree(request: Request) -> Response:
    key = _key(request)
    if key is None:
        return _answer(None)
    async with request.app.state.pool.acquire() as connection:
        body = await connection.fetchval(TREE, key[0], key[1], request.path_params["plan_id"])
    return _answer(body, not_found=True)


async def post_status_update(request: Request) -> Response:
    key = _key(request)
    if key is None:
        return _answer(None)
    body = json.loads(await request.body())
    async with request.app.state.pool.acquire() as connection:
        stored = await connection.fetchval(
            INSERT_UPDATE,
            key[0],
            key[1],
            f"upd_{secrets.token_hex(10)}",
            request.path_params["action_id"],
            body.get("rag"),
            body["status"],
            body.get("narrative"),
            body.get("next_steps"),
        )
    if stored is None:
        return _answer(None, not_found=True)
    return Response(stored.encode(), status_code=201, media_type="application/json")


@asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    url = os.environ.get("BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/ipa_bench_m")
    pool: Any = await asyncpg.create_pool(url, min_size=2, max_size=10)
    app.state.pool = pool
    try:
        yield
    finally:
        await pool.close()


app = Starlette(
    routes=[
        Route("/api/v1/actions", list_actions),
        Route("/api/v1/actions/{action_id}", get_action),
        Route("/api/v1/plans/{plan_id}/tree", get_plan_tree),
        Route("/api/v1/actions/{action_id}/status-updates", post_status_update, methods=["POST"]),
    ],
    lifespan=lifespan,
)
