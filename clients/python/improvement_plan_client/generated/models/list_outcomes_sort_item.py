from enum import StrEnum


class ListOutcomesSortItem(StrEnum):
    CREATED_AT = "created_at"
    NUMBER = "number"
    POSITION = "position"
    REF = "ref"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-position"
    VALUE_3 = "-ref"
    VALUE_5 = "-number"
    VALUE_7 = "-created_at"
    VALUE_9 = "-updated_at"

    def __str__(self) -> str:
        return str(self.value)
