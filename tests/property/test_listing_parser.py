"""Properties of the sort parser and the signed list cursors, for any input."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import example, given
from hypothesis import strategies as st

from app.core.errors import ValidationFailed
from app.core.http.listing import SortField, SortKey, decode_cursor, encode_cursor, parse_sort

_table = sa.table(
    "thing",
    sa.column("title"),
    sa.column("number"),
    sa.column("due_date"),
    sa.column("updated_at"),
    sa.column("archived"),
)
ALLOWED: dict[str, SortField] = {
    "title": SortField(_table.c.title, "str"),
    "number": SortField(_table.c.number, "int"),
    "due_date": SortField(_table.c.due_date, "date", nullable=True),
    "updated_at": SortField(_table.c.updated_at, "datetime"),
    "archived": SortField(_table.c.archived, "bool"),
}
DEFAULT = ["title"]

VALUES: dict[str, st.SearchStrategy[Any]] = {
    "title": st.text(),
    "number": st.integers(min_value=-(2**63), max_value=2**63 - 1),
    "due_date": st.none() | st.dates(),
    "updated_at": st.datetimes(timezones=st.just(UTC)),
    "archived": st.booleans(),
}
row_ids = st.text(min_size=1, max_size=40)


@st.composite
def sort_orders(draw: st.DrawFn) -> list[tuple[str, bool]]:
    names = draw(st.lists(st.sampled_from(sorted(ALLOWED)), min_size=1, unique=True))
    return [(name, draw(st.booleans())) for name in names]


def _written(order: list[tuple[str, bool]]) -> str:
    return ",".join(("-" if descending else "") + name for name, descending in order)


@given(sort_orders())
def test_known_fields_parse_in_order_with_their_direction(order: list[tuple[str, bool]]) -> None:
    keys = parse_sort(_written(order), ALLOWED, DEFAULT)
    assert [(key.name, key.descending) for key in keys] == order


@given(st.text())
@example("title,title")
@example("-")
@example(",")
@example("title,\x00")
@example("-title, +number")
def test_any_sort_text_gives_known_fields_or_the_documented_error(text: str) -> None:
    try:
        keys = parse_sort(text, ALLOWED, DEFAULT)
    except ValidationFailed as error:
        assert error.errors is not None
        assert [e.field for e in error.errors] == ["query.sort"]
        return
    names = [key.name for key in keys]
    assert set(names) <= set(ALLOWED)
    assert len(names) == len(set(names))


def test_no_sort_gives_the_default() -> None:
    assert [key.name for key in parse_sort(None, ALLOWED, DEFAULT)] == DEFAULT


@st.composite
def cursors(draw: st.DrawFn) -> tuple[list[SortKey], list[Any], str]:
    order = draw(sort_orders())
    keys = parse_sort(_written(order), ALLOWED, DEFAULT)
    values = [draw(VALUES[key.name]) for key in keys]
    return keys, values, draw(row_ids)


@given(cursors())
def test_a_cursor_reads_back_as_the_values_it_was_made_from(
    made: tuple[list[SortKey], list[Any], str],
) -> None:
    keys, values, row_id = made
    assert decode_cursor(encode_cursor(keys, values, row_id), keys) == (values, row_id)


@given(cursors(), sort_orders())
def test_a_cursor_from_another_sort_order_is_refused(
    made: tuple[list[SortKey], list[Any], str], other: list[tuple[str, bool]]
) -> None:
    keys, values, row_id = made
    other_keys = parse_sort(_written(other), ALLOWED, DEFAULT)
    cursor = encode_cursor(keys, values, row_id)
    if [(k.name, k.descending) for k in other_keys] == [(k.name, k.descending) for k in keys]:
        return
    with pytest.raises(ValidationFailed):
        decode_cursor(cursor, other_keys)


@given(cursors(), st.data())
def test_a_tampered_cursor_is_refused(
    made: tuple[list[SortKey], list[Any], str], data: st.DataObject
) -> None:
    keys, values, row_id = made
    cursor = encode_cursor(keys, values, row_id)
    position = data.draw(st.integers(0, len(cursor) - 1))
    replacement = data.draw(st.characters().filter(lambda c: c != cursor[position]))
    tampered = cursor[:position] + replacement + cursor[position + 1 :]
    try:
        decoded = decode_cursor(tampered, keys)
    except ValidationFailed as error:
        assert error.errors is not None
        assert [e.field for e in error.errors] == ["query.cursor"]
        return
    # Base64 ignores some changes (padding bits); then the cursor must say what it said.
    assert decoded == (values, row_id)


@given(st.text(max_size=2000))
@example("abc.é")
@example("e30.\x00")
@example("e30.\ud800")
@example(".")
@example("")
def test_any_cursor_text_gives_the_documented_error(text: str) -> None:
    keys = parse_sort(None, ALLOWED, DEFAULT)
    with pytest.raises(ValidationFailed):
        decode_cursor(text, keys)


def test_cursor_values_keep_their_types() -> None:
    keys = parse_sort("due_date,updated_at,-number", ALLOWED, DEFAULT)
    values = [date(2023, 5, 31), datetime(2023, 7, 31, 9, tzinfo=UTC), 7]
    decoded, _ = decode_cursor(encode_cursor(keys, values, "act_1"), keys)
    assert decoded == values
    assert [type(v) for v in decoded] == [date, datetime, int]
