"""The plan template as an Excel workbook: `template` (the sheets' columns, shared so that an
exported plan always imports), `reader` and its `actions_sheet`, and `writer`."""

from __future__ import annotations

from app.plan_imports.excel.reader import read_excel
from app.plan_imports.excel.template import NotATemplate, column_place
from app.plan_imports.excel.writer import write_workbook

__all__ = ["NotATemplate", "column_place", "read_excel", "write_workbook"]
