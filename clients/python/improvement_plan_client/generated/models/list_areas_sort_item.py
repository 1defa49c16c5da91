from enum import StrEnum


class ListAreasSortItem(StrEnum):
    CREATED_AT = "created_at"
    NUMBER = "number"
    POSITION = "position"
    REF = "ref"
    TITLE = "title"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-position"
    VALUE_11 = "-updated_at"
    VALUE_3 = "-number"
    VALUE_5 = "-ref"
    VALUE_7 = "-title"
    VALUE_9 = "-created_at"

    def __str__(self) -> str:
        return str(self.value)
