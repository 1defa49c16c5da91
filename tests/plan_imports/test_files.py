"""Files that are not plans, or are damaged or hostile, get a problem-details answer and store
nothing."""

from __future__ import annotations

import io
import zipfile

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Plan


def _zip(parts: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


BOMB = _zip({"word/document.xml": b"<" + b"a" * (80 * 1024 * 1024)})
NOT_OFFICE = _zip({"hello.txt": b"hello"})
FAKE_DOCX = _zip({"word/document.xml": b"this is not xml", "[Content_Types].xml": b"nope"})
FAKE_XLSX = _zip({"xl/workbook.xml": b"<workbook/>"})


@pytest.mark.parametrize(
    ("name", "content", "status"),
    [
        ("bomb.docx", BOMB, 422),
        ("archive.zip", NOT_OFFICE, 415),
        ("plan.docx", FAKE_DOCX, 422),
        ("plan.xlsx", FAKE_XLSX, 422),
        ("plan.docx", b"PK\x03\x04 truncated", 422),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, 415),
        ("picture.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, 415),
        ("binary.bin", bytes(range(256)) * 4, 415),
        ("plan.yaml", b"areas: [unclosed", 422),
        ("plan.json", b'{"format": ', 422),
        ("plan.yaml", b"just a sentence", 422),
        ("plan.yaml", b"[" * 5000, 422),
    ],
)
@pytest.mark.parametrize("dry_run", [True, False])
async def test_an_unreadable_file_is_a_problem_not_a_failure(
    editor: httpx.AsyncClient,
    session: AsyncSession,
    name: str,
    content: bytes,
    status: int,
    dry_run: bool,
) -> None:
    response = await editor.post(
        "/api/v1/plan-imports",
        params={"dry_run": str(dry_run).lower()},
        files={"file": (name, content, "application/octet-stream")},
    )
    if status == 422 and dry_run and response.status_code == 200:
        # A document that parses but holds no plan: the dry run lists why.
        assert response.json()["errors"], response.text
    else:
        assert response.status_code == status, response.text
        assert response.headers["content-type"] == "application/problem+json"
    assert await session.scalar(sa.select(sa.func.count()).select_from(Plan)) == 0


async def test_an_upload_over_the_limit_is_refused(editor: httpx.AsyncClient) -> None:
    response = await editor.post(
        "/api/v1/plan-imports",
        files={"file": ("big.yaml", b"#" * (2 * 1024 * 1024), "application/yaml")},
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("field", ["key", "organisation"])
async def test_an_empty_form_field_is_refused_not_taken_as_left_out(
    editor: httpx.AsyncClient, session: AsyncSession, field: str
) -> None:
    response = await editor.post(
        "/api/v1/plan-imports",
        params={"dry_run": "true"},
        files={"file": ("plan.yaml", b"just a sentence", "application/yaml")},
        data={field: ""},
    )
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["field"] == f"body.{field}"
    assert await session.scalar(sa.select(sa.func.count()).select_from(Plan)) == 0
