"""Rows read for work done row by row, as named tuples."""

from __future__ import annotations

import functools
from collections import namedtuple
from typing import Any

import sqlalchemy as sa


@functools.lru_cache(maxsize=64)
def _fields(names: tuple[str, ...]) -> Any:
    return namedtuple("Columns", names)


def plain_rows(result: sa.Result[Any]) -> list[Any]:
    """The result's rows as named tuples of its columns. Reading a column by name from
    SQLAlchemy's `Row` costs several times what it does from a named tuple, and a report
    reads a dozen columns of each of hundreds of rows, some several times."""
    fields = _fields(tuple(result.keys()))
    return [fields._make(row) for row in result]
