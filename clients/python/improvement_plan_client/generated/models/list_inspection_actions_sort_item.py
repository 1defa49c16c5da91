from enum import StrEnum


class ListInspectionActionsSortItem(StrEnum):
    CREATED_AT = "created_at"
    NUMBER = "number"
    SOURCE = "source"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-number"
    VALUE_3 = "-source"
    VALUE_5 = "-created_at"
    VALUE_7 = "-updated_at"

    def __str__(self) -> str:
        return str(self.value)
