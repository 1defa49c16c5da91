"""API keys: generation, hashing, and the dependencies that authenticate and authorise."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import OperationalError
from sqlmodel import col

from app.core.auth.ratelimit import rate_limiter
from app.core.auth.tokens import (
    Identity,
    InvalidToken,
    TokenVerifier,
    caller_id,
    looks_like_token,
    token_verifier,
)
from app.core.db.session import SessionDep
from app.core.errors import Forbidden, Unauthorized, ValidationFailed
from app.models import ApiKey, Officer, Role, utcnow

KEY_PREFIX = "ipa"
SECRET_BYTES = 32  # 256 random bits
MAX_KEY_LENGTH = 100
LAST_USED_RESOLUTION = timedelta(minutes=1)

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="ApiKey",
    description="An API key: `Authorization: Bearer ipa_<prefix>_<secret>`.",
)


@dataclass(frozen=True)
class GeneratedKey:
    key: str
    prefix: str
    key_hash: str


@dataclass(frozen=True)
class Principal:
    """Who is calling: the key or signed-in person or system, its role, and the officer it
    acts for."""

    key_id: str | None
    name: str
    role: Role
    officer_id: str | None
    system: str | None = None
    subject: str | None = None
    """The token's subject, for a caller signed in with OpenID Connect (a system's client id)."""
    token_caller_id: str | None = None

    @property
    def caller_id(self) -> str:
        """What the caller is counted and remembered under: its key, or its token's subject."""
        caller = self.key_id if self.key_id is not None else self.token_caller_id
        if caller is None:  # pragma: no cover - every principal is made with one
            raise ValueError("a principal with neither a key nor a token")
        return caller


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def generate_key() -> GeneratedKey:
    """A new key: 256 random bits, found again by its public prefix."""
    prefix = secrets.token_hex(6)
    key = f"{KEY_PREFIX}_{prefix}_{secrets.token_urlsafe(SECRET_BYTES)}"
    return GeneratedKey(key=key, prefix=prefix, key_hash=hash_key(key))


# What a request's key check reads: plain columns rather than the entity, since the ORM's
# identity map has nothing to add here.
KEY_COLUMNS = tuple(
    col(column)
    for column in (
        ApiKey.id,
        ApiKey.name,
        ApiKey.role,
        ApiKey.officer_id,
        ApiKey.system,
        ApiKey.key_hash,
        ApiKey.revoked_at,
        ApiKey.expires_at,
        ApiKey.last_used_at,
    )
)
KEY_PREFIX_PARAM: sa.BindParameter[str] = sa.bindparam("prefix", type_=sa.String)


def beside_key(answer: sa.FromClause | None = None) -> sa.FromClause:
    """The key row with the bound prefix beside a statement's answer, for the fast paths
    that read the caller's key and the answer together; with `KEY_OR_TOKEN`, one row when a
    key has the prefix, or when the prefix is null (a token, checked before the read, its key
    columns null), and none otherwise, so a key that matches none costs no answer."""
    keys = ApiKey.__table__  # type: ignore[attr-defined]
    one = sa.select(sa.literal(1).label("one")).subquery("one")
    joined = one.outerjoin(keys, col(ApiKey.prefix) == KEY_PREFIX_PARAM)
    return joined if answer is None else joined.outerjoin(answer, sa.true())


KEY_OR_TOKEN = sa.or_(col(ApiKey.id).is_not(None), KEY_PREFIX_PARAM.is_(None))


# Built once, since every request runs it: the statement and its cache key are reused.
_KEY_BY_PREFIX = sa.select(*KEY_COLUMNS).where(col(ApiKey.prefix) == KEY_PREFIX_PARAM)


def prefix_of(key: str) -> str | None:
    if len(key) > MAX_KEY_LENGTH:
        return None
    parts = key.split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX or len(parts[1]) != 12 or not parts[2]:
        return None
    return parts[1]


INVALID_KEY = "The API key is not valid."


def refusal(row: Mapping[Any, Any] | None, key: str, now: datetime) -> str | None:
    """Why the key row read by the key's prefix (None when no key has it) does not admit
    `key` at `now`, in the words of the 401; None when it does."""
    # Compare even when no key matched, so timing does not tell which prefixes exist.
    expected = row["key_hash"] if row is not None else hash_key("")
    if not hmac.compare_digest(expected, hash_key(key)) or row is None:
        return INVALID_KEY
    if row["revoked_at"] is not None:
        return "The API key has been revoked."
    if row["expires_at"] is not None and row["expires_at"] <= now:
        return "The API key has expired."
    return None


def stamp_due(row: Mapping[Any, Any], now: datetime) -> bool:
    """Whether the key's `last_used_at` is due to be written again."""
    return row["last_used_at"] is None or now - row["last_used_at"] >= LAST_USED_RESOLUTION


def principal_of(row: Mapping[Any, Any]) -> Principal:
    return Principal(
        key_id=row["id"],
        name=row["name"],
        role=Role(row["role"]),
        officer_id=row["officer_id"],
        system=row["system"],
    )


async def _officer_for(session: SessionDep, match: str, value: str) -> str | None:
    """The one live officer a signed-in person is matched to, by stored subject or email."""
    column = (
        col(Officer.sign_in_subject) if match == "subject" else sa.func.lower(col(Officer.email))
    )
    found = (
        await session.execute(
            sa.select(col(Officer.id))
            .where(column == (value if match == "subject" else value.lower()))
            .where(col(Officer.archived_at).is_(None))
            .limit(2)
        )
    ).all()
    return found[0][0] if len(found) == 1 else None


def token_principal(
    verifier: TokenVerifier, identity: Identity, officer_id: str | None
) -> Principal:
    """The caller a verified token names; 403 when it grants no known role."""
    if identity.role is None:
        roles = ", ".join(role.value for role in Role)
        raise Forbidden(f"Your token grants none of the roles this API knows ({roles}).")
    return Principal(
        key_id=None,
        name=identity.name,
        role=identity.role,
        officer_id=officer_id,
        system=identity.system,
        subject=identity.subject,
        token_caller_id=caller_id(verifier.issuer, identity.subject),
    )


async def _authenticate_token(
    request: Request, session: SessionDep, verifier: TokenVerifier, token: str
) -> Principal:
    limiter = rate_limiter(request.app)
    try:
        identity = verifier.identity(await verifier.claims(token))
    except InvalidToken:
        await limiter.record_failure(request.client.host if request.client else "unknown")
        raise
    officer_id = None
    settings = verifier.settings
    if identity.is_person:
        match = settings.oidc_officer_match
        matched_by = identity.subject if match == "subject" else identity.email
        if matched_by is not None:
            officer_id = await _officer_for(session, match, matched_by)
    principal = token_principal(verifier, identity, officer_id)
    request.state.rate_limit = await limiter.hit_key(principal.caller_id)
    return principal


async def authenticate(
    request: Request,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    """The caller's key or token, checked, and counted against its rate limit.

    Only the `Authorization` header is read: a key in the URL would end up in logs.
    """
    verifier = token_verifier(request.app)
    if credentials is None:
        raise Unauthorized(
            "This API needs an API key or a sign-in token: send 'Authorization: Bearer <key>'."
            if verifier is not None
            else "This API needs an API key: send 'Authorization: Bearer <key>'."
        )
    limiter = rate_limiter(request.app)
    address = request.client.host if request.client else "unknown"
    await limiter.check_address(address)
    key = credentials.credentials
    if verifier is not None and prefix_of(key) is None and looks_like_token(key):
        return await _authenticate_token(request, session, verifier, key)
    prefix = prefix_of(key)
    api_key = None
    if prefix is not None:
        api_key = (await session.execute(_KEY_BY_PREFIX, {"prefix": prefix})).first()
    row = api_key._mapping if api_key is not None else None
    now = utcnow()
    refused = refusal(row, key, now)
    if refused == INVALID_KEY:
        await limiter.record_failure(address)
    if row is None or refused is not None:
        raise Unauthorized(refused or INVALID_KEY)
    principal = principal_of(row)
    # The response middleware sends these figures on whatever response this request gets.
    request.state.rate_limit = await limiter.hit_key(principal.caller_id)
    if stamp_due(row, now):
        try:
            await session.execute(
                sa.update(ApiKey).where(col(ApiKey.id) == principal.key_id).values(last_used_at=now)
            )
            await session.commit()
        except OperationalError:
            # Best effort: a busy database must not fail the request over a timestamp.
            await session.rollback()
    return principal


ME = "me"


def own_officer(
    officer_ids: Sequence[str], principal: Principal, *, field: str = "query.lead_officer_id"
) -> list[str]:
    """Officer ids from a filter or path, `me` standing for the officer the caller acts for;
    a 422 naming `field` when the caller acts for none."""
    if ME not in officer_ids:
        return list(officer_ids)
    if principal.officer_id is None:
        raise ValidationFailed(
            "You act for no officer, so 'me' names none.",
            field=field,
            message="the caller acts for no officer",
        )
    return [principal.officer_id if value == ME else value for value in officer_ids]


def require(role: Role) -> object:
    """A dependency that admits keys whose role is at least `role`."""

    async def dependency(
        request: Request, principal: Annotated[Principal, Depends(authenticate)]
    ) -> Principal:
        if not principal.role.allows(role):
            held = "key" if principal.key_id is not None else "token"
            raise Forbidden(
                f"This needs the '{role.value}' role; your {held} has '{principal.role.value}'."
            )
        request.state.principal = principal
        return principal

    dependency.required_role = role  # type: ignore[attr-defined]
    return Depends(dependency)


Viewer = Annotated[Principal, require(Role.viewer)]
Contributor = Annotated[Principal, require(Role.contributor)]
Editor = Annotated[Principal, require(Role.editor)]
Admin = Annotated[Principal, require(Role.admin)]
