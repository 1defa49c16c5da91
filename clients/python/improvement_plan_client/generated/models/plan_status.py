from enum import StrEnum


class PlanStatus(StrEnum):
    APPROVED = "approved"
    CLOSED = "closed"
    DRAFT = "draft"

    def __str__(self) -> str:
        return str(self.value)
