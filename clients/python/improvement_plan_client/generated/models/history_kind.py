from enum import StrEnum


class HistoryKind(StrEnum):
    CHANGE = "change"
    DUE_DATE_REVISION = "due_date_revision"
    STATUS_UPDATE = "status_update"

    def __str__(self) -> str:
        return str(self.value)
