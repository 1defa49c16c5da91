"""The direct answer to `GET /actions/{action_id}` (see `app.core.direct`)."""

from __future__ import annotations

import functools
from datetime import date

from fastapi import Request, Response
from sqlalchemy.engine import Dialect

from app.actions import rendering
from app.actions.dependencies import MAX_EXPAND_VALUES, MAX_ID_LENGTH, expansion_names
from app.actions.schemas import ActionRead, Expansion
from app.actions.service import plain_of
from app.core import crud, direct
from app.core.concurrency import conditional_read
from app.core.ratelimit import rate_limiter
from app.core.schemas import MAX_FILTER_LENGTH

_PARAMETERS = frozenset({"expand"})
_KNOWN = frozenset(e.value for e in Expansion)


@functools.lru_cache(maxsize=64)
def _compiled(dialect: Dialect, expand: frozenset[Expansion]) -> direct.Compiled:
    return direct.compile_for(dialect, rendering.keyed_statement(expand))


async def get_action(request: Request) -> Response | None:
    """The action with the expansions asked for, when the request is a plain one."""
    engine = direct.postgres_engine(request)
    if engine is None or not direct.plain_request(request, _PARAMETERS):
        return None
    presented = direct.bearer_key(request)
    action_id: str = request.path_params["action_id"]
    values = request.query_params.getlist("expand")
    if (
        presented is None
        or len(action_id) > MAX_ID_LENGTH
        or len(values) > MAX_EXPAND_VALUES
        or any(len(value) > MAX_FILTER_LENGTH for value in values)
    ):
        return None
    names = expansion_names(values)
    if not names <= _KNOWN:
        return None
    key, prefix = presented
    limiter = rate_limiter(request.app)
    await limiter.check_address(request.client.host if request.client else "unknown")
    expand = frozenset(Expansion(name) for name in names)
    compiled = _compiled(engine.dialect, expand - {Expansion.lead_officers})
    row = await direct.fetch_row(
        engine, compiled, {"prefix": prefix, "id": action_id, "today": date.today()}
    )
    principal = direct.admit(key, row)
    if principal is None:
        return None
    request.state.rate_limit = await limiter.hit_key(principal.key_id)
    request.state.principal = principal
    if row["document"] is None:
        raise crud.not_found("action", action_id)
    read = ActionRead.model_validate_json(row["document"])
    plain = plain_of(read, expand)
    if not expand:
        return conditional_read(request, Response(), plain)
    return conditional_read(request, Response(), read, version_of=plain)
