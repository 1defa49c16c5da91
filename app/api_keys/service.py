"""API keys: create, list, revoke, rotate."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.auth.keys import GeneratedKey, Principal, generate_key
from app.core.errors import KeyExpired, KeyRevoked, KeyRotated, NotFound, ValidationFailed
from app.core.http.listing import ListParams, PageResult, SortField, paginate
from app.core.resources import audit
from app.models import ApiKey, AuditEvent, Officer, Role, new_id, utcnow

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
    system: str | None = None,
    expires_at: datetime | None = None,
) -> tuple[ApiKey, GeneratedKey]:
    """Store a new key's hash; the secret itself is returned once and never stored."""
    await _check_officer(session, officer_id)
    api_key, generated = _new_key(
        session,
        name=name,
        role=role,
        officer_id=officer_id,
        system=system,
        expires_at=expires_at,
        actor=actor,
    )
    await session.commit()
    return api_key, generated


async def _check_officer(session: AsyncSession, officer_id: str | None) -> None:
    if officer_id is None:
        return
    officer = await session.get(Officer, officer_id)
    if officer is None or officer.archived_at is not None:
        raise ValidationFailed(
            f"No officer with id '{officer_id}'.",
            field="body.officer_id",
            message="no such officer" if officer is None else "the officer is archived",
            type="not_found" if officer is None else "archived",
        )


def _new_key(
    session: AsyncSession,
    *,
    name: str,
    role: Role,
    officer_id: str | None,
    system: str | None,
    expires_at: datetime | None,
    actor: Principal | None,
    rotated_from: str | None = None,
) -> tuple[ApiKey, GeneratedKey]:
    if officer_id is not None and system is not None:
        raise ValidationFailed(
            "A key belongs to an officer or to an integrating system, not both.",
            field="body.system",
            message="leave out officer_id or system",
        )
    generated = generate_key()
    api_key = ApiKey(
        id=new_id("key"),
        name=name,
        role=role,
        prefix=generated.prefix,
        key_hash=generated.key_hash,
        officer_id=officer_id,
        system=system,
        expires_at=expires_at,
        created_by_key_id=actor.key_id if actor else None,
    )
    session.add(api_key)
    fields: dict[str, object] = {
        "name": name,
        "role": role,
        "officer_id": officer_id,
        "system": system,
        "expires_at": expires_at,
    }
    if rotated_from is not None:
        fields["rotated_from"] = rotated_from
    audit.record(
        session,
        actor=actor,
        entity_type=ENTITY,
        entity_id=api_key.id,
        operation="create",
        changes=audit.created(fields),
    )
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
    return await paginate(session, statement, params, SORTABLE, ["created_at"])


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


async def rotate_api_key(
    *, session: AsyncSession, api_key: ApiKey, grace_seconds: int, actor: Principal
) -> tuple[ApiKey, GeneratedKey]:
    """Replace a key: a new key like it, and the old one revoked now or after a grace period.

    Both changes and their audit events are stored together, or neither is.
    """
    now = utcnow()
    if api_key.revoked_at is not None:
        raise KeyRevoked(f"API key '{api_key.id}' is revoked; create a new key instead.")
    if api_key.expires_at is not None and api_key.expires_at <= now:
        raise KeyExpired(
            f"API key '{api_key.id}' has expired; create a new key with a new expiry instead."
        )
    successor = await session.scalar(
        sa.select(col(AuditEvent.id)).where(
            col(AuditEvent.entity_type) == ENTITY,
            col(AuditEvent.entity_id) == api_key.id,
            col(AuditEvent.operation) == "rotate",
        )
    )
    if successor is not None:
        # Its expiry is now the grace deadline: a second successor would inherit it.
        raise KeyRotated(
            f"API key '{api_key.id}' has already been rotated; use its replacement, "
            "or rotate that one."
        )
    new_key, generated = _new_key(
        session,
        name=api_key.name,
        role=Role(api_key.role),
        officer_id=api_key.officer_id,
        system=api_key.system,
        expires_at=api_key.expires_at,
        actor=actor,
        rotated_from=api_key.id,
    )
    before = {"revoked_at": api_key.revoked_at, "expires_at": api_key.expires_at}
    if grace_seconds == 0:
        api_key.revoked_at = now
    else:
        grace_ends = now + timedelta(seconds=grace_seconds)
        if api_key.expires_at is None or grace_ends < api_key.expires_at:
            api_key.expires_at = grace_ends
    api_key.updated_at = now
    after = {"revoked_at": api_key.revoked_at, "expires_at": api_key.expires_at}
    audit.record(
        session,
        actor=actor,
        entity_type=ENTITY,
        entity_id=api_key.id,
        operation="rotate",
        changes={
            **audit.changes_between(before, after),
            "replaced_by": {"before": None, "after": new_key.id},
        },
    )
    await session.commit()
    return new_key, generated


async def any_key_exists(*, session: AsyncSession) -> bool:
    return (
        await session.scalar(sa.select(sa.exists().where(col(ApiKey.id).is_not(None))))
    ) or False
