"""Which kind of file an upload is, and whether it is safe to open.

Word and Excel files are zip archives: one that would unpack far larger than it is (a zip
bomb), or holds thousands of parts, is refused before python-docx or openpyxl opens it.
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import yaml

from app.plan_imports.schemas import ImportFormat

MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_PARTS = 2000
MAX_RATIO = 200  # Office files compress text about 5 to 20 times


class UnsupportedFile(Exception):
    """Not a kind of file a plan can be imported from (415)."""


class UnreadableFile(Exception):
    """A file of a known kind that cannot be read (422)."""


def detect_format(content: bytes, filename: str | None) -> ImportFormat:
    """The file's format, from its content (its name only tells YAML from JSON)."""
    if content.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, ValueError, OSError) as exc:
            raise UnreadableFile(
                f"The file looks like a zip archive but is damaged: {exc}"
            ) from exc
        if "word/document.xml" in names:
            return ImportFormat.docx
        if "xl/workbook.xml" in names:
            return ImportFormat.xlsx
        raise UnsupportedFile(
            "The file is a zip archive but neither a Word document (.docx) nor an Excel "
            "workbook (.xlsx)."
        )
    if content.startswith((b"\xd0\xcf\x11\xe0", b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8")):
        raise UnsupportedFile(
            "Old Word and Excel files (.doc, .xls), PDFs and images cannot be imported: save "
            "the plan as .docx or .xlsx."
        )
    try:
        content.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnsupportedFile(
            "The file is neither a Word document, an Excel workbook, nor UTF-8 YAML or JSON."
        ) from exc
    name = (filename or "").lower()
    if name.endswith(".json") or content.lstrip().startswith(b"{"):
        return ImportFormat.json
    return ImportFormat.yaml


def check_archive(content: bytes) -> None:
    """Refuse an archive that would unpack too large, into too many parts, or too suddenly."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise UnreadableFile(f"The file is damaged: {exc}") from exc
    if len(parts) > MAX_PARTS:
        raise UnreadableFile(f"The file holds {len(parts)} parts; a plan needs far fewer.")
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableFile(
            f"The file would unpack to {unpacked} bytes, more than the {MAX_UNPACKED_BYTES} "
            "a plan may."
        )
    for part in parts:
        if (
            part.compress_size
            and part.file_size / part.compress_size > MAX_RATIO
            and (part.file_size > 1024 * 1024)
        ):
            raise UnreadableFile(
                f"The part '{part.filename[:100]}' unpacks {part.file_size // part.compress_size}"
                " times larger than it is stored, as no document does."
            )


def parse_text(content: bytes, format: ImportFormat) -> Any:
    """A YAML or JSON document, parsed safely."""
    text = content.decode("utf-8")
    try:
        if format is ImportFormat.json:
            return json.loads(text)
        return yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        raise UnreadableFile(
            f"Not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}."
        ) from exc
    except yaml.YAMLError as exc:
        raise UnreadableFile(f"Not valid YAML: {exc}") from exc
    except RecursionError as exc:
        raise UnreadableFile("The document is nested too deeply.") from exc
