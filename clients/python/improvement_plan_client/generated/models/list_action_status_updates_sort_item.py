from enum import StrEnum


class ListActionStatusUpdatesSortItem(StrEnum):
    CREATED_AT = "created_at"
    EFFECTIVE_DATE = "effective_date"
    VALUE_1 = "-created_at"
    VALUE_3 = "-effective_date"

    def __str__(self) -> str:
        return str(self.value)
