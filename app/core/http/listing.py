"""Lists: keyset pagination with opaque cursors, sorting, and the `Link` header."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Annotated, Any, Generic, Literal, TypeVar, overload

import sqlalchemy as sa
from fastapi import Depends, Query, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from app.core.config import get_settings
from app.core.errors import ValidationFailed
from app.core.http.schemas import FilterText, IsoDateTime

T = TypeVar("T")
P = TypeVar("P", bound=BaseModel)

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_CURSOR_LENGTH = 2000

SortKind = Literal["str", "int", "date", "datetime", "bool"]

IncludeArchived = Annotated[bool, Query(description="Include archived items.")]


class Page(BaseModel, Generic[T]):
    """One page of a list. Follow `next_cursor` (or the `Link` header) for the next."""

    items: list[T] = Field(description="The rows on this page, in the requested order.")
    total: int = Field(description="How many rows match the filters, over all pages.", ge=0)
    next_cursor: str | None = Field(
        description="Pass as `cursor` to get the next page; null on the last page."
    )


@dataclass(frozen=True)
class SortField:
    """A field a list may be sorted by."""

    column: ColumnElement[Any] | Mapped[Any]
    kind: SortKind
    nullable: bool = False

    @staticmethod
    def timestamps(model: Any) -> dict[str, SortField]:
        """The sort fields every stored resource has: when it was created and last changed."""
        return {
            "created_at": SortField(col(model.created_at), "datetime"),
            "updated_at": SortField(col(model.updated_at), "datetime"),
        }


@dataclass(frozen=True)
class SortKey:
    name: str
    field: SortField
    descending: bool


@dataclass(frozen=True)
class ListParams:
    limit: int
    cursor: str | None
    sort: str | None
    updated_since: datetime | None = None
    # The exchange the list answers, for the `Link` header of its page.
    request: Request | None = field(default=None, compare=False, repr=False)
    response: Response | None = field(default=None, compare=False, repr=False)

    def page(self, result: PageResult[T], page: type[P], items: Any) -> P:
        """The page the list answers, with its `Link` header (see `page_of`)."""
        if self.request is None or self.response is None:
            raise RuntimeError("ListParams.page needs the request from the dependency.")
        return page_of(self.request, self.response, result, page, items)


def sorted_by(sortable: Iterable[str], *, changed_since: bool = True) -> Any:
    """`Depends` for a list's `limit`, `cursor` and `sort`, whose contract names the fields
    `sort` takes (as an enum, so a typo in a generated client does not compile), and with
    `changed_since`, `updated_since` (for a list whose filters do not take it already)."""
    fields = list(sortable)

    async def params(
        request: Request,
        response: Response,
        limit: Annotated[
            int, Query(ge=1, le=MAX_LIMIT, description=f"Rows per page, 1 to {MAX_LIMIT}.")
        ] = DEFAULT_LIMIT,
        cursor: Annotated[
            str | None,
            Query(
                max_length=MAX_CURSOR_LENGTH,
                description="The `next_cursor` of the previous page, as the service sent it; "
                "any other value is a 422.",
            ),
        ] = None,
        # A default rather than `Annotated`: the annotation is read without this closure.
        sort: list[FilterText] = Query(
            [],
            max_length=len(fields),
            description="Fields to sort by, each at most once, repeated (`sort=a&sort=-b`) or "
            "comma-separated (`sort=a,-b`); a leading `-` sorts descending. Unknown fields "
            "are a 422.",
            json_schema_extra={"x-sort-fields": fields},
        ),
    ) -> ListParams:
        # `sort=` (an empty value) is refused as an unknown field, not read as no sort.
        return ListParams(
            limit=limit,
            cursor=cursor,
            sort=",".join(sort) if sort else None,
            request=request,
            response=response,
        )

    if not changed_since:
        return Depends(params)

    async def changed(
        sorted_params: ListParams = Depends(params),  # a default, as `sort`'s above
        updated_since: Annotated[
            IsoDateTime | None,
            Query(
                description="Only items changed (or, for those never changed, created) at or "
                "after this time: poll with the time of your last read."
            ),
        ] = None,
    ) -> ListParams:
        return replace(sorted_params, updated_since=updated_since)

    return Depends(changed)


def contains(column: ColumnElement[Any] | Mapped[Any], text: str) -> ColumnElement[bool]:
    """Case-insensitive "contains", with `%`, `_` and `\\` in the text taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")


# A filter value meaning "no value": `rag=none` is not rated, `parent_id=none` top level.
NONE = "none"


def without_none(values: Sequence[str]) -> tuple[list[str], bool]:
    """A filter's values but `none`, and whether `none` was among them."""
    return [value for value in values if value != NONE], NONE in values


def one_of(column: ColumnElement[Any] | Mapped[Any], values: Sequence[str]) -> ColumnElement[bool]:
    """`column` holds one of the values, or is null where they include `none`."""
    given, none = without_none(values)
    either = [column.in_(given)] if given else []
    if none:
        either.append(column.is_(None))
    return sa.or_(*either)


def parse_sort(
    raw: str | None, allowed: Mapping[str, SortField], default: Sequence[str]
) -> list[SortKey]:
    """Read `sort=a,-b` against the fields a list allows."""
    names = [part.strip() for part in raw.split(",")] if raw is not None else list(default)
    keys: list[SortKey] = []
    seen: set[str] = set()
    for name in names:
        descending = name.startswith("-")
        bare = name.removeprefix("-").removeprefix("+")
        if bare not in allowed:
            choices = ", ".join(sorted(allowed))
            raise ValidationFailed(
                f"Cannot sort by '{bare}'. Sortable fields: {choices}.",
                field="query.sort",
                message=f"unknown sort field '{bare}'; use one of: {choices}",
                type="unknown_sort_field",
            )
        if bare in seen:
            raise ValidationFailed(
                f"'{bare}' appears twice in sort.",
                field="query.sort",
                message=f"'{bare}' is repeated",
                type="duplicate_sort_field",
            )
        seen.add(bare)
        keys.append(SortKey(bare, allowed[bare], descending))
    return keys


def _sign(payload: bytes) -> str:
    secret = get_settings().secret_key.get_secret_value().encode()
    return hmac.new(secret, payload, hashlib.sha256).hexdigest()[:16]


def _encode_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _decode_value(value: Any, kind: SortKind) -> Any:
    if value is None:
        return None
    if kind == "datetime":
        return datetime.fromisoformat(value)
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "int" and not isinstance(value, int):
        raise ValueError("not an integer")
    if kind == "bool":
        return bool(value)
    return value


def _sort_signature(keys: Sequence[SortKey]) -> str:
    return ",".join(("-" if key.descending else "") + key.name for key in keys)


def encode_cursor(keys: Sequence[SortKey], values: Sequence[Any], row_id: str) -> str:
    body = json.dumps(
        {"s": _sort_signature(keys), "v": [_encode_value(v) for v in values], "id": row_id},
        separators=(",", ":"),
    ).encode()
    token = base64.urlsafe_b64encode(body).decode().rstrip("=")
    return f"{token}.{_sign(body)}"


def _bad_cursor(reason: str) -> ValidationFailed:
    return ValidationFailed(
        f"The cursor is not valid: {reason}. Start again without a cursor.",
        field="query.cursor",
        message=reason,
        type="invalid_cursor",
    )


def decode_cursor(cursor: str, keys: Sequence[SortKey]) -> tuple[list[Any], str]:
    token, _, signature = cursor.partition(".")
    try:
        body = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError) as exc:
        raise _bad_cursor("it is not one this service issued") from exc
    if not signature.isascii() or not hmac.compare_digest(signature, _sign(body)):
        raise _bad_cursor("it is not one this service issued")
    data = json.loads(body)
    if data.get("s") != _sort_signature(keys):
        raise _bad_cursor("it was issued for another sort order")
    try:
        values = [_decode_value(v, key.field.kind) for v, key in zip(data["v"], keys, strict=True)]
    except (ValueError, TypeError, KeyError) as exc:
        raise _bad_cursor("it is malformed") from exc
    return values, str(data["id"])


def _order_terms(keys: Sequence[SortKey], id_column: ColumnElement[Any] | Mapped[Any]) -> list[Any]:
    terms: list[Any] = []
    for key in keys:
        column = key.field.column
        if key.field.nullable:
            # Nulls sort last in both directions, the same on SQLite and PostgreSQL.
            terms.append(sa.case((column.is_(None), 1), else_=0))
        terms.append(column.desc() if key.descending else column.asc())
    terms.append(id_column.asc())
    return terms


def _after(
    keys: Sequence[SortKey],
    values: Sequence[Any],
    id_column: ColumnElement[Any] | Mapped[Any],
    row_id: str,
) -> ColumnElement[bool]:
    """The rows strictly after the cursor's row in the sort order."""
    # Each key contributes (equal-predicate, after-predicate); nullable keys contribute two
    # components: the "is null" flag (nulls last), then the value itself.
    parts: list[tuple[ColumnElement[bool], ColumnElement[bool]]] = []
    for key, value in zip(keys, values, strict=True):
        column = key.field.column
        if key.field.nullable:
            if value is None:
                parts.append((column.is_(None), sa.false()))
                continue
            parts.append((column.is_not(None), column.is_(None)))
        greater = column < value if key.descending else column > value
        parts.append((column == value, greater))
    parts.append((id_column == row_id, id_column > row_id))
    alternatives: list[ColumnElement[bool]] = []
    for index, (_, after) in enumerate(parts):
        prefix = [equal for equal, _ in parts[:index]]
        alternatives.append(sa.and_(*prefix, after))
    return sa.or_(*alternatives)


@dataclass
class PageResult(Generic[T]):
    rows: list[T]
    total: int
    next_cursor: str | None
    extras: list[dict[str, Any]] = field(default_factory=list)


@overload
async def paginate(
    session: AsyncSession,
    statement: sa.Select[T],
    params: ListParams,
    sortable: Mapping[str, SortField],
    default_sort: Sequence[str],
    *,
    id_column: ColumnElement[Any] | Mapped[Any] | None = None,
    extra_columns: Mapping[str, ColumnElement[Any]] | None = None,
    ids_only: Literal[False] = False,
) -> PageResult[T]: ...


@overload
async def paginate(
    session: AsyncSession,
    statement: sa.Select[T],
    params: ListParams,
    sortable: Mapping[str, SortField],
    default_sort: Sequence[str],
    *,
    id_column: ColumnElement[Any] | Mapped[Any] | None = None,
    extra_columns: Mapping[str, ColumnElement[Any]] | None = None,
    ids_only: bool,
) -> PageResult[Any]: ...


async def paginate(
    session: AsyncSession,
    statement: sa.Select[T],
    params: ListParams,
    sortable: Mapping[str, SortField],
    default_sort: Sequence[str],
    *,
    id_column: ColumnElement[Any] | Mapped[Any] | None = None,
    extra_columns: Mapping[str, ColumnElement[Any]] | None = None,
    ids_only: bool = False,
) -> PageResult[Any]:
    """Run a filtered select as one page: one count and one keyset query.

    `extra_columns` are computed per row and returned in `extras`; a sort field of the same
    name reads its cursor value from them rather than from the row. With `ids_only`, the
    page is of ids (`id_column`) rather than of the rows the statement selects, for a
    caller that reads the rows its own way. `id_column` is the selected table's `id`
    unless given.
    """
    if id_column is None:
        id_column = statement.column_descriptions[0]["entity"].id
    keys = parse_sort(params.sort, sortable, default_sort)
    if params.updated_since is not None:
        statement = statement.where(_changed_column(statement) >= params.updated_since)
    extras_wanted: dict[str, Any] = dict(extra_columns or {})
    if ids_only:
        statement = statement.with_only_columns(id_column)
        for key in keys:
            extras_wanted.setdefault(key.name, key.field.column)
    count = await session.scalar(sa.select(sa.func.count()).select_from(statement.subquery()))
    if params.cursor:
        values, row_id = decode_cursor(params.cursor, keys)
        statement = statement.where(_after(keys, values, id_column, row_id))
    page = statement.add_columns(*(c.label(name) for name, c in extras_wanted.items()))
    page = page.order_by(*_order_terms(keys, id_column)).limit(params.limit + 1)
    result = (await session.execute(page)).all()
    rows: list[Any] = [row[0] for row in result]
    extras = [{name: row._mapping[name] for name in extras_wanted} for row in result]
    next_cursor = None
    if len(rows) > params.limit:
        rows, extras = rows[: params.limit], extras[: params.limit]
        last, last_extras = rows[-1], extras[-1]
        # Sort names are the row's attribute names, or the names of extra columns.
        values = [
            last_extras[key.name] if key.name in last_extras else getattr(last, key.name)
            for key in keys
        ]
        last_id = last if ids_only else getattr(last, "id")  # noqa: B009
        next_cursor = encode_cursor(keys, values, str(last_id))
    return PageResult(rows=rows, total=count or 0, next_cursor=next_cursor, extras=extras)


def _changed_column(statement: sa.Select[Any]) -> Any:
    """The listed table's `updated_at`, or `created_at` for rows never changed."""
    model = statement.column_descriptions[0]["entity"]
    return getattr(model, "updated_at", None) or getattr(model, "created_at")  # noqa: B009


def set_link_header(request: Request, response: Response, next_cursor: str | None) -> None:
    if next_cursor is None:
        return
    url = request.url.include_query_params(cursor=next_cursor)
    response.headers["Link"] = f'<{url}>; rel="next"'


def page_of(
    request: Request, response: Response, result: PageResult[T], page: type[P], items: Any
) -> P:
    """The page a list answers, with its `Link` header: `items` are the representations of
    `result`'s rows, or what makes one from a row."""
    set_link_header(request, response, result.next_cursor)
    listed = [items(row) for row in result.rows] if callable(items) else items
    return page(items=listed, total=result.total, next_cursor=result.next_cursor)
