"""JSON written by the database for a model's representation (`app.actions.rendering`).

On PostgreSQL it can be the text pydantic would write: the same members in the same order,
the same string escapes, timestamps as `…Z` with microseconds only when there are some. On
SQLite it is JSON with the same members and values, which the model reads back."""

from __future__ import annotations

import json
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy.dialects import postgresql
from sqlmodel import col

NULL: sa.ColumnElement[str] = sa.literal_column("'null'")
# Timestamps as pydantic writes them: RFC 3339 in UTC, whatever the connection's time zone,
# with microseconds only when there are some (".000000" can only be the fraction).
_TIMESTAMP = 'YYYY-MM-DD"T"HH24:MI:SS.US'
_WHOLE = ".000000"


def constant(text: str) -> sa.ColumnElement[Any]:
    """A string written into the statement rather than bound: these are the code's own."""
    return sa.literal_column("'" + text.replace("'", "''") + "'")


# PostgreSQL's limit on a function's arguments (SQLite's is higher).
_MAX_ARGUMENTS = 100


def concat(*parts: sa.ColumnElement[Any]) -> sa.ColumnElement[str]:
    """The parts' text, joined: `concat(…)`, which copies each part once (a chain of `||`
    copies the growing text at every step). A null part counts as empty text."""
    while len(parts) > _MAX_ARGUMENTS:
        parts = tuple(
            sa.func.concat(*parts[i : i + _MAX_ARGUMENTS])
            for i in range(0, len(parts), _MAX_ARGUMENTS)
        )
    return sa.func.concat(*parts, type_=sa.Text)


@dataclass(frozen=True)
class Json:
    """SQL that gives a JSON value already (a nested object or array), in the style it
    was built in: JSON text, PostgreSQL's `json`, or SQLite's JSON."""

    sql: sa.ColumnElement[Any]


class Missing:
    """A member that is always null (`superseded_by_id`, an expansion not asked for)."""


MISSING = Missing()


def _time(column: Any, *, quoted: bool) -> sa.ColumnElement[str]:
    """A timestamp as pydantic writes it, in UTC with microseconds only when there are
    some: as JSON text (`"…Z"`, or `null`) when `quoted`, else the string itself (SQL null
    for null, which `json_build_object` writes as `null`)."""
    utc = sa.func.to_char(sa.func.timezone(constant("UTC"), column), constant(_TIMESTAMP))
    text = sa.func.replace(utc, constant(_WHOLE), constant(""))
    if quoted:
        return sa.case((column.is_(None), NULL), else_=concat(constant('"'), text, constant('Z"')))
    return sa.case((column.is_(None), sa.null()), else_=concat(text, constant("Z")))


def _is_time(annotation: Any) -> bool:
    return datetime in (annotation, *typing.get_args(annotation))


def _sqlite_time(column: Any) -> sa.ColumnElement[str]:
    """A timestamp as SQLite stores it (UTC, `YYYY-MM-DD HH:MM:SS.ffffff`), in RFC 3339."""
    return sa.func.replace(column, constant(" "), constant("T")).concat(constant("Z"))


@dataclass(frozen=True)
class Style:
    """How objects and arrays are built.

    `TEXT` writes the JSON text itself, member by member, exactly as pydantic writes it, so
    that it can be sent as it comes. `VALUES` has PostgreSQL build `json` values
    (`json_build_object`, `json_agg`), which costs the database less but spaces members
    as PostgreSQL does: the text is written out again in Python (`detail_json`). In both,
    timestamps are made text as pydantic writes them (PostgreSQL's own form trims the
    fraction's zeros). `SQLITE` builds values with SQLite's JSON functions; the model
    reads them back and writes its own text.
    """

    values: bool
    sqlite: bool = False

    def value(self, value: Any, annotation: Any) -> sa.ColumnElement[Any]:
        """One member's value, as pydantic writes a field of this type."""
        if isinstance(value, Json):
            # SQLite keeps a value's JSON-ness only straight from a JSON function.
            return sa.func.json(value.sql) if self.sqlite else value.sql
        if isinstance(value, Missing):
            return sa.null() if self.values else NULL
        if self.sqlite:
            if _is_time(annotation):
                return _sqlite_time(value)
            if bool in (annotation, *typing.get_args(annotation)):
                # SQLite has no booleans: its 1 and 0 become JSON's true and false.
                if annotation is bool:  # never null
                    shown = sa.case((value, constant("true")), else_=constant("false"))
                else:
                    shown = sa.case((value, constant("true")), (sa.not_(value), constant("false")))
                return sa.func.json(shown)
            return value  # type: ignore[no-any-return]
        if _is_time(annotation):
            return _time(value, quoted=not self.values)
        if self.values:
            return value  # type: ignore[no-any-return]
        # PostgreSQL escapes strings as pydantic does (`\n`, `\"`, `\u0001`, the rest as is).
        return sa.func.coalesce(sa.cast(sa.func.to_json(value), sa.Text), NULL)

    def json_object(
        self, model: type[BaseModel], fields: dict[str, Any], names: Sequence[str]
    ) -> sa.ColumnElement[Any]:
        """These of the model's members, in order, as one JSON object (not `TEXT`)."""
        arguments: list[sa.ColumnElement[Any]] = []
        for name in names:
            annotation = model.model_fields[name].annotation
            arguments += [constant(name), self.value(fields[name], annotation)]
        if len(arguments) > _MAX_ARGUMENTS:
            raise TypeError(f"{model.__name__} has too many members for one JSON object")
        if self.sqlite:
            return sa.func.json_object(*arguments)
        return sa.func.json_build_object(*arguments)

    def object(self, model: type[BaseModel], fields: dict[str, Any]) -> sa.ColumnElement[Any]:
        """The object pydantic writes for `model` with these fields: one entry per field of
        the model (`MISSING` for null), in the model's order."""
        check_fields(model, fields)
        if self.values:
            return self.json_object(model, fields, list(model.model_fields))
        return concat(*members(self, model, fields, list(model.model_fields), "{"), constant("}"))

    def array(
        self,
        item: sa.ColumnElement[Any],
        order: Sequence[Any],
        source: sa.Select[Any],
        correlate: Any = None,
    ) -> Json:
        """The items of `source` as an array, `[]` when none: a scalar subquery correlated
        to `correlate` (or to the enclosing statement, when not given)."""

        def scalar(select: sa.Select[Any]) -> sa.ScalarSelect[Any]:
            return (select if correlate is None else select.correlate(correlate)).scalar_subquery()

        if self.sqlite:
            # SQLite's aggregates take no order; a window over all the rows does.
            whole = source.with_only_columns(
                sa.func.json_group_array(item).over(order_by=order, rows=(None, None))
            ).limit(1)
            return Json(sa.func.coalesce(scalar(whole), constant("[]")))
        if self.values:
            aggregated = sa.func.json_agg(postgresql.aggregate_order_by(item, *order))
            return Json(
                scalar(source.with_only_columns(sa.func.coalesce(aggregated, _EMPTY_ARRAY)))
            )
        joined = sa.func.string_agg(item, postgresql.aggregate_order_by(constant(","), *order))
        # An aggregate gives a row when nothing matches, and concat() `[]` for its null.
        return Json(scalar(source.with_only_columns(concat(constant("["), joined, constant("]")))))

    def elements(self, column: Any, *, text: bool) -> tuple[Any, Any, Any]:
        """The elements of a JSON array in a column, as a table to select from, with its
        value (as text when `text`, for an array of strings) and position columns."""
        if self.sqlite:
            each = sa.func.json_each(column).table_valued("key", "value")
            return each, each.c.value, each.c.key
        function = sa.func.json_array_elements_text if text else sa.func.json_array_elements
        element = function(column).table_valued("value", with_ordinality="number")
        element = element.render_derived()
        return element, element.c.value, element.c.number

    def days_between(self, later: Any, earlier: Any) -> sa.ColumnElement[Any]:
        """Whole days from one date to another; null when either is null."""
        if self.sqlite:
            days = sa.func.julianday(later) - sa.func.julianday(earlier)
            return sa.cast(days, sa.Integer)
        return later - earlier  # type: ignore[no-any-return]


TEXT = Style(values=False)
VALUES = Style(values=True)
SQLITE = Style(values=True, sqlite=True)


def read_style(dialect_name: str) -> Style:
    """The style a route reads a representation in on this database."""
    return SQLITE if dialect_name == "sqlite" else TEXT


_EMPTY_ARRAY: sa.ColumnElement[Any] = sa.literal_column("'[]'::json")


def members(
    style: Style,
    model: type[BaseModel],
    fields: dict[str, Any],
    names: Sequence[str],
    opening: str,
) -> list[sa.ColumnElement[Any]]:
    """`"name":value` text for these of the model's fields, in order, after `opening`."""
    parts: list[sa.ColumnElement[Any]] = []
    for number, name in enumerate(names):
        separator = opening if number == 0 else ","
        parts += [
            constant(separator + json.dumps(name) + ":"),
            style.value(fields[name], model.model_fields[name].annotation),
        ]
    return parts


def check_fields(model: type[BaseModel], fields: dict[str, Any]) -> None:
    if set(fields) != set(model.model_fields):
        raise TypeError(
            f"{model.__name__} needs {sorted(model.model_fields)}, not {sorted(fields)}"
        )


def stored_names(model: type[BaseModel], entity: Any) -> list[str]:
    """The fields of `model` that are columns of the same name of `entity` (a table, or an
    alias of one), in the model's order."""
    columns = sa.inspect(entity).mapper.columns.keys()
    return [name for name in model.model_fields if name in columns]


def stored_fields(model: type[BaseModel], entity: Any, **others: Any) -> dict[str, Any]:
    """`model`'s fields as `Style.object` takes them: its `stored_names` read from those
    columns, and `others` for the rest."""
    stored = [name for name in stored_names(model, entity) if name not in others]
    return {**{name: col(getattr(entity, name)) for name in stored}, **others}


def resource_fields(entity: Any) -> dict[str, Any]:
    """The fields every resource shows (`ResourceRead`)."""
    return {
        "id": col(entity.id),
        "created_at": col(entity.created_at),
        "updated_at": col(entity.updated_at),
        "archived_at": col(entity.archived_at),
    }
