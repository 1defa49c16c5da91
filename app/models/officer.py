"""Lead officers: a named person, or a role such as "DCS"."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.models.base import TimestampedTable


class OfficerBase(SQLModel):
    name: str = Field(
        min_length=1,
        max_length=200,
        description="A person's name, or a role or group (`is_role`).",
        schema_extra={"examples": ["Jane Smith"]},
    )
    job_title: str | None = Field(
        default=None,
        max_length=200,
        description="Their job title, or what the role means.",
        schema_extra={"examples": ["Director of Children's Services"]},
    )
    email: str | None = Field(
        default=None,
        max_length=320,
        description="A contact email address.",
        schema_extra={"examples": ["jane.smith@example.gov.uk"]},
    )
    is_role: bool = Field(
        default=False,
        description='True when this is a role ("DCS") or a group of partners, not a person.',
    )
    organisation: str | None = Field(
        default=None,
        max_length=200,
        description="The council or partner body the officer belongs to.",
        schema_extra={"examples": ["Stockton-on-Tees Borough Council"]},
    )


class Officer(OfficerBase, TimestampedTable, table=True):
    __table_args__ = (sa.Index("ix_officer_organisation_name", "organisation", "name"),)

    id: str = Field(primary_key=True, max_length=40)
    # The officer's subject at the sign-in provider (Entra ID's `oid`), when people sign in.
    sign_in_subject: str | None = Field(default=None, max_length=200, unique=True)
