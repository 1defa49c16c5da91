from enum import StrEnum


class ListMeetingsSortItem(StrEnum):
    CREATED_AT = "created_at"
    DATE = "date"
    VALUE_1 = "-date"
    VALUE_3 = "-created_at"

    def __str__(self) -> str:
        return str(self.value)
