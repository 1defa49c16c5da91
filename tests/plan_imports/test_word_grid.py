"""A Word table's grid, read in one walk down its rows, is the grid python-docx gives row by
row."""

from __future__ import annotations

import io

from docx import Document

from app.plan_imports.word_cells import table_grid


def test_the_grid_is_python_docxs_row_cells() -> None:
    document = Document()
    table = document.add_table(rows=6, cols=4)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"r{r}c{c}"
    table.cell(0, 1).merge(table.cell(0, 2))  # across: columns 1 and 2 of the first row
    table.cell(1, 0).merge(table.cell(4, 0))  # down: column 0 of rows 1 to 4
    table.cell(2, 2).merge(table.cell(4, 3))  # across and down: columns 2 and 3 of rows 2 to 4
    # Saved and opened again, as an upload is read.
    buffer = io.BytesIO()
    document.save(buffer)
    table = Document(io.BytesIO(buffer.getvalue())).tables[0]

    grid = table_grid(table)

    assert [[c.text for c in cells] for cells in grid] == [
        [c.text for c in row.cells] for row in table.rows
    ]
    assert [[c._tc for c in cells] for cells in grid] == [
        [c._tc for c in row.cells] for row in table.rows
    ]
    # The merged cells as a reader of the table sees them.
    down, block = "r1c0\nr2c0\nr3c0\nr4c0", "r2c2\nr2c3\nr3c2\nr3c3\nr4c2\nr4c3"
    assert [c.text for c in grid[0]] == ["r0c0", "r0c1\nr0c2", "r0c1\nr0c2", "r0c3"]
    assert [c.text for c in grid[3]] == [down, "r3c1", block, block]
    assert [c.text for c in grid[5]] == ["r5c0", "r5c1", "r5c2", "r5c3"]
    assert grid[1][0]._tc is grid[4][0]._tc and grid[2][3]._tc is grid[4][2]._tc
