from enum import StrEnum


class ExportPlanFormat(StrEnum):
    XLSX = "xlsx"
    YAML = "yaml"

    def __str__(self) -> str:
        return str(self.value)
