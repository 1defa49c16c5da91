from enum import StrEnum


class ImportFormat(StrEnum):
    DOCX = "docx"
    JSON = "json"
    XLSX = "xlsx"
    YAML = "yaml"

    def __str__(self) -> str:
        return str(self.value)
