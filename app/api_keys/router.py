"""`/api-keys` (admin), `/me`, and the sign-in provider's discovery document."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path, Query, Request, Response, status
from fastapi.responses import JSONResponse

from app.api_keys import service
from app.api_keys.schemas import (
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyPage,
    ApiKeyRead,
    ApiKeyRotate,
    Me,
    OpenIdConfiguration,
)
from app.core.auth.keys import Admin, GeneratedKey, Viewer
from app.core.auth.tokens import token_verifier
from app.core.db.session import SessionDep
from app.core.errors import PROBLEM_CONTENT_TYPE, KeyExpired, KeyRevoked, KeyRotated, NotFound
from app.core.http.listing import ListParams, sorted_by
from app.core.http.locations import url_for
from app.core.http.responses import RETRY_AFTER_HEADER, problems
from app.core.http.schemas import Filters
from app.core.resources.loaders import MAX_ID_LENGTH
from app.models import ApiKey, Role

router = APIRouter(prefix="/api-keys", tags=["API keys"])
me_router = APIRouter(tags=["API keys"])
sign_in_router = APIRouter(prefix="/auth", tags=["Sign-in"])


async def api_key_from_path(
    session: SessionDep,
    key_id: Annotated[str, Path(max_length=MAX_ID_LENGTH, description="The key's id.")],
) -> ApiKey:
    return await service.get_api_key(session=session, key_id=key_id)


ApiKeyDep = Annotated[ApiKey, Depends(api_key_from_path)]


@router.get("", responses=problems())
async def list_api_keys(
    session: SessionDep,
    _: Admin,
    params: ListParams = sorted_by(service.SORTABLE),
    role: Annotated[Filters[Role], Query(description="Only keys with this role; repeatable.")] = [],  # noqa: B006
    active: Annotated[
        bool | None, Query(description="true: only unrevoked keys; false: only revoked keys.")
    ] = None,
) -> ApiKeyPage:
    """List API keys (admin). Secrets are never shown. Sortable by `name`, `created_at`,
    `last_used_at`."""
    result = await service.list_api_keys(session=session, params=params, role=role, active=active)
    return params.page(result, ApiKeyPage, ApiKeyRead.model_validate)


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems())
async def create_api_key(
    request: Request, response: Response, session: SessionDep, actor: Admin, body: ApiKeyCreate
) -> ApiKeyCreated:
    """Create an API key (admin). The response holds the secret, once."""
    api_key, generated = await service.create_api_key(
        session=session,
        name=body.name,
        role=body.role,
        officer_id=body.officer_id,
        system=body.system,
        expires_at=body.expires_at,
        actor=actor,
    )
    return _created(request, response, api_key, generated)


def _created(
    request: Request, response: Response, api_key: ApiKey, generated: GeneratedKey
) -> ApiKeyCreated:
    """The one response that shows a key's secret: never cached."""
    response.headers["Location"] = url_for(request, "get_api_key", "key_id", api_key.id)
    response.headers["Cache-Control"] = "no-store"
    return ApiKeyCreated.model_validate(
        {**ApiKeyRead.model_validate(api_key).model_dump(), "key": generated.key}
    )


@router.get("/{key_id}", responses=problems(404))
async def get_api_key(_: Admin, api_key: ApiKeyDep) -> ApiKeyRead:
    """Get an API key (admin), without its secret."""
    return ApiKeyRead.model_validate(api_key)


@router.delete("/{key_id}", responses=problems(404))
async def revoke_api_key(session: SessionDep, actor: Admin, api_key: ApiKeyDep) -> ApiKeyRead:
    """Revoke an API key (admin): it stops working at once. The record is kept."""
    revoked = await service.revoke_api_key(session=session, api_key=api_key, actor=actor)
    return ApiKeyRead.model_validate(revoked)


@router.post(
    "/{key_id}/rotate",
    status_code=status.HTTP_201_CREATED,
    responses=problems(404, conflicts=(KeyRevoked, KeyExpired, KeyRotated)),
)
async def rotate_api_key(
    request: Request,
    response: Response,
    session: SessionDep,
    actor: Admin,
    api_key: ApiKeyDep,
    body: Annotated[ApiKeyRotate | None, Body()] = None,
) -> ApiKeyCreated:
    """Rotate an API key (admin): a new key with the same name, role, officer or system and
    expiry, its secret shown once; the old key is revoked at once, or keeps working for
    `grace_seconds` so its users can switch. A revoked or expired key cannot be rotated (409)."""
    grace_seconds = body.grace_seconds if body is not None else 0
    new_key, generated = await service.rotate_api_key(
        session=session, api_key=api_key, grace_seconds=grace_seconds, actor=actor
    )
    return _created(request, response, new_key, generated)


@me_router.get("/me", response_model=Me, responses=problems())
async def get_me(session: SessionDep, principal: Viewer) -> Me:
    """Who the caller is, how it signed in (an API key or a sign-in token) and what its role
    allows."""
    permissions = service.PERMISSIONS[principal.role]
    if principal.key_id is None:
        return Me(
            id=None,
            created_at=None,
            updated_at=None,
            archived_at=None,
            prefix=None,
            name=principal.name,
            role=principal.role,
            officer_id=principal.officer_id,
            system=principal.system,
            expires_at=None,
            last_used_at=None,
            revoked_at=None,
            signed_in_with="openid_connect",
            subject=principal.subject,
            permissions=permissions,
        )
    api_key = await service.get_api_key(session=session, key_id=principal.key_id)
    return Me.model_validate(
        {
            **ApiKeyRead.model_validate(api_key).model_dump(),
            "signed_in_with": "api_key",
            "subject": None,
            "permissions": permissions,
        }
    )


NOT_CONFIGURED = "Sign-in with tokens is not configured on this service."
UNREACHABLE = "The sign-in provider cannot be reached."


def _answer(status: int, detail: str) -> dict[str, Any]:
    """The problem this operation answers with `status`, described and exemplified by its
    own words."""
    declared = problems(status)[status] | {"description": detail}
    declared["content"][PROBLEM_CONTENT_TYPE]["example"]["detail"] = detail
    return declared


DISCOVERY_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: _answer(404, NOT_CONFIGURED),
    422: problems()[422],
    503: _answer(503, UNREACHABLE) | {"headers": RETRY_AFTER_HEADER},
}


@sign_in_router.get(
    "/openid-configuration", response_model=OpenIdConfiguration, responses=DISCOVERY_RESPONSES
)
async def get_openid_configuration(request: Request) -> JSONResponse:
    """The sign-in provider's OpenID Connect discovery document, as the provider publishes
    it: where to sign in for a token that every operation accepts beside a key. The contract's
    `OpenIdConnect` scheme names this address, which stays the same whichever provider the
    service is configured for. Needs no key: it is read before signing in. 404 when the
    service is not configured for sign-in with tokens."""
    verifier = token_verifier(request.app)
    if verifier is None:
        raise NotFound(NOT_CONFIGURED)
    return JSONResponse(await verifier.provider_metadata())
