"""API keys: create, list, revoke."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core import audit
from app.core.errors import NotFound
from app.core.listing import ListParams, PageResult, SortField, paginate
from app.core.security import GeneratedKey, Principal, generate_key
from app.models import ApiKey, Role, new_id, utcnow

SORTABLE = {
    "name": SortField(col(ApiKey.name), "str"),
    "created_at": SortField(col(ApiKey.created_at), "datetime"),
    "last_used_at": SortField(col(ApiKey.last_used_at), "datetime", nullable=True),
}
ENTITY = "api_key"

PERMISSIONS = {
    Role.viewer: ["read"],
    Role.contributor: ["read", "post_status_updates_on_led_actions"],
    Role.editor: ["read", "post_status_updates", "edit_plan_content"],
    Role.admin: [
        "read",
        "post_status_updates",
        "edit_plan_content",
        "restore_archived",
        "manage_api_keys",
    ],
}


async def create_api_key(
    *,
    session: AsyncSession,
    name: str,
    role: Role,
    actor: Principal | None,
    officer_id: str | None = None,
    expires_at: datetime | None = None,
) -> tuple[ApiKey, GeneratedKey]:
    """Store a new key's hash; the secret itself is returned once and never stored."""
    generated = generate_key()
    api_key = ApiKey(
        id=new_id("key"),
        name=name,
        role=role,
        prefix=generated.prefix,
        key_hash=generated.key_hash,
        officer_id=officer_id,
        expires_at=expires_at,
        created_by_key_id=actor.key_id if actor else None,
    )
    session.add(api_key)
    audit.record(
        session,
        actor=actor,
        entity_type=ENTITY,
        entity_id=api_key.id,
        operation="create",
        changes=audit.created(
            {"name": name, "role": role, "officer_id": officer_id, "expires_at": expires_at}
        ),
    )
    await session.commit()
    return api_key, generated


async def list_api_keys(
    *, session: AsyncSession, params: ListParams, role: Sequence[Role] = (), active: bool | None
) -> PageResult[ApiKey]:
    statement = sa.select(ApiKey)
    if role:
        statement = statement.where(col(ApiKey.role).in_([r.value for r in role]))
    if active is True:
        statement = statement.where(col(ApiKey.revoked_at).is_(None))
    elif active is False:
        statement = statement.where(col(ApiKey.revoked_at).is_not(None))
    return await paginate(
        session,
        statement,
        params=params,
        sortable=SORTABLE,
        default_sort=["created_at"],
        id_column=col(ApiKey.id),
    )


async def get_api_key(*, session: AsyncSession, key_id: str) -> ApiKey:
    api_key = await session.get(ApiKey, key_id)
    if api_key is None:
        raise NotFound(f"No API key with id '{key_id}'.")
    return api_key


async def revoke_api_key(*, session: AsyncSession, api_key: ApiKey, actor: Principal) -> ApiKey:
    """Stop a key working. Revoking a revoked key changes nothing."""
    if api_key.revoked_at is not None:
        return api_key
    api_key.revoked_at = api_key.updated_at = utcnow()
    audit.record(
        session,
        actor=actor,
        entity_type=ENTITY,
        entity_id=api_key.id,
        operation="revoke",
        changes={"revoked_at": {"before": None, "after": api_key.revoked_at.isoformat()}},
    )
    await session.commit()
    return api_key


async def any_key_exists(*, session: AsyncSession) -> bool:
    return (
        await session.scalar(sa.select(sa.exists().where(col(ApiKey.id).is_not(None))))
    ) or False
