"""Probes for orchestrators: liveness and readiness."""

from __future__ import annotations

import logging

import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import SQLAlchemyError

from app.core.errors import database_trouble, problem_response
from app.core.http.responses import problems

router = APIRouter(prefix="/health", tags=["Health"])
logger = logging.getLogger("app.health")


class Health(BaseModel):
    """The service's state."""

    status: str = Field(description="`ok` when the probe passes.", examples=["ok"])
    database: str | None = Field(default=None, description="The database's state.")
    migration: str | None = Field(default=None, description="The schema's migration revision.")


@router.get("/live", response_model=Health)
async def get_liveness() -> Health:
    """The process is up. Needs no key."""
    return Health(status="ok")


@router.get(
    "/ready",
    response_model=Health,
    responses={503: problems(503)[503]},
)
async def get_readiness(request: Request) -> Health | JSONResponse:
    """The database answers and its schema is at the latest migration. Needs no key."""
    heads: set[str] = request.app.state.migration_heads
    try:
        async with request.app.state.engine.connect() as connection:
            rows = await connection.execute(sa.text("SELECT version_num FROM alembic_version"))
            current = {row[0] for row in rows}
    except Exception as exc:
        if not isinstance(exc, SQLAlchemyError) and database_trouble(exc) is None:
            raise
        logger.warning("readiness: database unavailable: %s", exc.__class__.__name__)
        return _not_ready(request, "The database is not reachable or not readable.")
    if current != heads:
        return _not_ready(
            request,
            f"The database schema is at {sorted(current) or 'no revision'}, not at the latest "
            f"migration {sorted(heads)}. Run 'improvement-plan migrate'.",
        )
    return Health(status="ok", database="ok", migration=",".join(sorted(current)))


def _not_ready(request: Request, detail: str) -> JSONResponse:
    return problem_response(
        request,
        status=503,
        slug="not-ready",
        title="Service Unavailable",
        detail=detail,
        headers={"Retry-After": "5"},
    )
