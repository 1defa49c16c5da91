"""Building blocks for request and response schemas."""

from __future__ import annotations

import re
import types
from datetime import date, datetime
from typing import Annotated, Any, ClassVar, TypeVar, Union, get_args, get_origin

from annotated_types import Len
from fastapi import Depends, Query, Request
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from app.core.errors import ValidationFailed

NUL = "\x00"
NUL_MESSAGE = "Text may not contain NUL (\\x00) characters"


def _refuse_nul(value: Any) -> Any:
    """NUL cannot be stored (PostgreSQL refuses it in text), so it is refused on the way in."""
    texts = value if isinstance(value, list) else [value]
    if any(isinstance(text, str) and NUL in text for text in texts):
        raise PydanticCustomError("nul_character", NUL_MESSAGE)
    return value


async def refuse_nul_in_url(request: Request) -> None:
    """A 422 naming the parameter for a NUL in a path or query parameter."""
    for name, value in request.path_params.items():
        if isinstance(value, str) and NUL in value:
            raise ValidationFailed(
                f"The path parameter {name} contains a NUL character.",
                field=f"path.{name}",
                message=NUL_MESSAGE,
                type="nul_character",
            )
    for name, value in request.query_params.multi_items():
        if NUL in name or NUL in value:
            raise ValidationFailed(
                f"The query parameter {name!r} contains a NUL character.",
                field=f"query.{name}",
                message=NUL_MESSAGE,
                type="nul_character",
            )


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ISO_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}")


def _iso_date(value: Any) -> Any:
    """Dates are ISO 8601 text (`2023-07-31`), never a number read as a timestamp."""
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    raise PydanticCustomError(
        "date_parsing", "Input should be a date written YYYY-MM-DD, such as 2023-07-31"
    )


def _iso_datetime(value: Any) -> Any:
    """Times are RFC 3339 text (`2023-07-31T09:00:00Z`), never a number read as a timestamp."""
    if isinstance(value, datetime) or (isinstance(value, str) and _ISO_DATETIME.match(value)):
        return value
    raise PydanticCustomError(
        "datetime_parsing", "Input should be an RFC 3339 time, such as 2023-07-31T09:00:00Z"
    )


T = TypeVar("T")

MAX_FILTER_VALUES = 100
"""How many times one filter parameter may be repeated."""

MAX_FILTER_LENGTH = 200
"""The longest value a text filter takes."""

Id = Annotated[str, StringConstraints(max_length=40)]
"""An id in a request body."""

FilterText = Annotated[str, StringConstraints(max_length=MAX_FILTER_LENGTH)]
"""One value of a repeatable text filter."""

Filters = Annotated[list[T], Len(0, MAX_FILTER_VALUES)]
"""A repeatable query parameter: any of its values matches."""

TextFilters = Filters[FilterText]
"""A repeatable text query parameter."""

EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)
RANGE_MESSAGE = f"Dates must fall between {EARLIEST} and {LATEST}"


def _in_range(value: Any) -> Any:
    """Dates a plan can mean; arithmetic on the far ends of the calendar would overflow."""
    day = value.date() if isinstance(value, datetime) else value
    if isinstance(day, date) and not EARLIEST <= day <= LATEST:
        raise PydanticCustomError("date_out_of_range", RANGE_MESSAGE)
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date), AfterValidator(_in_range)]
"""A date in a query parameter or body: ISO 8601 text only, 1900 to 2999."""


def _aware(value: datetime) -> datetime:
    """A time without a zone offset could mean any of 24 hours; RFC 3339 requires one."""
    if value.tzinfo is None:
        raise PydanticCustomError(
            "timezone_aware",
            "Input should be a time with a zone offset, such as 2023-07-31T09:00:00Z "
            "or 2023-07-31T10:00:00+01:00",
        )
    return value


IsoDateTime = Annotated[
    datetime, BeforeValidator(_iso_datetime), AfterValidator(_aware), AfterValidator(_in_range)
]
"""A time in a query parameter, header or body: RFC 3339 text with a zone offset only,
1900 to 2999."""


def _base_type(annotation: Any) -> Any:
    """`int` for `int`, `int | None` and `Annotated[int, ...]`; None for anything else."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (Union, types.UnionType):
        members = [arg for arg in get_args(annotation) if arg is not type(None)]
        return _base_type(members[0]) if len(members) == 1 else None
    return annotation


def _json_kind_matches(kind: Any, value: Any) -> bool:
    """Whether a JSON value has the type the contract gives the field (no coercion)."""
    if value is None:
        return True
    if kind is bool:
        return isinstance(value, bool)
    if kind is int:
        # JSON Schema counts 3.0 as an integer; 3.5, "3" and true are not.
        whole = isinstance(value, float) and value.is_integer()
        return whole or (isinstance(value, int) and not isinstance(value, bool))
    if kind is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind is datetime:
        return isinstance(value, str) and _ISO_DATETIME.match(value) is not None
    if kind is date:
        return isinstance(value, str) and _ISO_DATE.fullmatch(value) is not None
    return True


# Python's `str.strip` and the `\s` of the pattern's regular expressions (schemathesis's, and
# every other JSON Schema tool's) agree on what is whitespace except for a few control
# characters; `\S` is the closest a contract can say "not only whitespace".
NOT_BLANK = r"\S"


def _not_blank(schema: dict[str, Any]) -> None:
    """A string that must keep a character once stripped (`minLength` 1 or more, no
    pattern of its own) gets `NOT_BLANK` as its pattern, here and in `anyOf`/`items`."""
    stripped_length = schema.get("type") == "string" and schema.get("minLength", 0) >= 1
    if stripped_length and not {"pattern", "format", "enum", "const"} & schema.keys():
        schema["pattern"] = NOT_BLANK
    for nested in schema.get("anyOf", ()):
        _not_blank(nested)
    if isinstance(schema.get("items"), dict):
        _not_blank(schema["items"])


def not_blank_strings(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """For models that strip whitespace (`str_strip_whitespace`) before checking a string's
    length: the contract says such a string may not be whitespace alone, as the model does
    (a value of only whitespace is empty once stripped, and refused)."""
    for field in schema.get("properties", {}).values():
        _not_blank(field)


class RequestBody(BaseModel):
    """A request body: unknown fields are rejected, never silently dropped."""

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, json_schema_extra=not_blank_strings
    )

    @field_validator("*", mode="before")
    @classmethod
    def refuse_nul(cls, value: Any) -> Any:
        return _refuse_nul(value)

    @field_validator("*", mode="after")
    @classmethod
    def refuse_far_dates(cls, value: Any) -> Any:
        return _in_range(value)

    @model_validator(mode="before")
    @classmethod
    def refuse_coercion(cls, values: Any) -> Any:
        """Booleans, numbers and dates must arrive as the JSON types the contract names.

        Pydantic would read `0` as false, `"5"` as 5 and `0.5` as a timestamp; such a value
        is wrapped so that the field's own validation refuses it and names the field.
        """
        if not isinstance(values, dict):
            return values
        checked = dict(values)
        for name, info in cls.model_fields.items():
            key = info.alias or name
            if key in checked and not _json_kind_matches(_base_type(info.annotation), checked[key]):
                checked[key] = [checked[key]]
        return checked


def without_null(schema: dict[str, Any]) -> dict[str, Any]:
    """A field's or parameter's schema with null no longer allowed, and no default."""
    options = schema.get("anyOf")
    if not options or not any(option == {"type": "null"} for option in options):
        return schema
    rest = [option for option in options if option != {"type": "null"}]
    outer = {k: v for k, v in schema.items() if k not in {"anyOf", "default"}}
    return {**rest[0], **outer} if len(rest) == 1 else {**outer, "anyOf": rest}


def _patch_schema(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """In a partial update a field left out is left as it is, so no field has a default; one
    that may not be cleared is not nullable."""
    not_blank_strings(schema, model)
    refused: frozenset[str] = getattr(model, "not_nullable", frozenset())
    properties = schema.get("properties", {})
    for name, field in list(properties.items()):
        field.pop("default", None)
        if name in refused:
            properties[name] = without_null(field)


class PatchBody(RequestBody):
    """A partial update: send only the fields to change.

    Fields named in `not_nullable` may be left out but may not be set to null, and the
    contract does not declare them nullable.
    """

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, json_schema_extra=_patch_schema
    )

    not_nullable: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="before")
    @classmethod
    def refuse_null_for_required(cls, values: Any) -> Any:
        if isinstance(values, dict):
            nulls = sorted(k for k, v in values.items() if v is None and k in cls.not_nullable)
            if nulls:
                raise ValueError(f"cannot be null: {', '.join(nulls)}")
        return values

    def changes(self) -> dict[str, Any]:
        return self.model_dump(exclude_unset=True)


class ResourceRead(BaseModel):
    """Fields every resource has."""

    model_config = ConfigDict(from_attributes=True)

    id: str = Field(description="Opaque identifier.", examples=["plan_8d1e6c2a9b4f03e5d7a1"])
    created_at: datetime = Field(description="When it was created (RFC 3339, UTC).")
    updated_at: datetime = Field(description="When it last changed (RFC 3339, UTC).")
    archived_at: datetime | None = Field(description="When it was archived; null while it is live.")


REF_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9.\-]*$"
"""What a `ref` may be: letters, digits, dots and dashes, starting with a letter or digit."""


PLAN_ID_EXAMPLE = "plan_8d1e6c2a9b4f03e5d7a1"


def id_field(description: str, *, examples: list[str] | None = None, optional: bool = False) -> Any:
    """The id of another resource a request body names (whether it must exist, and be live,
    is in `description`)."""
    extra: dict[str, Any] = {} if examples is None else {"examples": examples}
    default: dict[str, Any] = {"default": None} if optional else {}
    return Field(**default, min_length=1, max_length=40, description=description, **extra)


def ref_field(description: str, *, examples: list[str] | None = None) -> Any:
    """An optional `ref` a request body takes (what it defaults to is in `description`)."""
    extra: dict[str, Any] = {} if examples is None else {"examples": examples}
    return Field(
        default=None,
        min_length=1,
        max_length=20,
        pattern=REF_PATTERN,
        description=description,
        **extra,
    )


async def _dry_run(
    dry_run: Annotated[
        bool,
        Query(
            description="Check the request as a real one is checked and answer what it "
            "would store; store nothing."
        ),
    ] = False,
) -> bool:
    return dry_run


DryRun = Annotated[bool, Depends(_dry_run)]
"""The `dry_run` query parameter of a write that can be tried first. A dependency, so that a
route and its other dependencies (the idempotency key's) read one declaration."""
