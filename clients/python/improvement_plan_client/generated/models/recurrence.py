from enum import StrEnum


class Recurrence(StrEnum):
    MONTHLY = "monthly"
    NONE = "none"
    ONGOING = "ongoing"
    QUARTERLY = "quarterly"

    def __str__(self) -> str:
        return str(self.value)
