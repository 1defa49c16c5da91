"""API keys: credentials for people and integrating systems."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field

from app.models.base import StrEnumType, TimestampedTable, UTCDateTime


class Role(StrEnum):
    """What a key may do. Each role includes everything the roles before it may do."""

    viewer = "viewer"
    contributor = "contributor"
    editor = "editor"
    admin = "admin"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    def allows(self, required: Role) -> bool:
        return self.rank >= required.rank


# Looked up on every request that presents a key.
_RANKS = {role: rank for rank, role in enumerate(Role)}


class ApiKey(TimestampedTable, table=True):
    __tablename__ = "api_key"
    __table_args__ = (
        sa.CheckConstraint("role IN ('viewer', 'contributor', 'editor', 'admin')", name="role"),
        sa.CheckConstraint("officer_id IS NULL OR system IS NULL", name="one_binding"),
    )

    id: str = Field(primary_key=True, max_length=40)
    name: str = Field(max_length=200)
    role: Role = Field(sa_type=StrEnumType(Role))
    prefix: str = Field(max_length=16, unique=True)
    key_hash: str = Field(max_length=64)
    officer_id: str | None = Field(default=None, foreign_key="officer.id", max_length=40)
    # The integrating system the key belongs to; a key has an officer, a system, or neither.
    system: str | None = Field(default=None, max_length=200)
    expires_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_by_key_id: str | None = Field(default=None, max_length=40)
