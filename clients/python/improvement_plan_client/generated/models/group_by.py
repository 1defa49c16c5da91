from enum import StrEnum


class GroupBy(StrEnum):
    AREA = "area"
    INSPECTION_ACTION = "inspection_action"
    OFFICER = "officer"

    def __str__(self) -> str:
        return str(self.value)
