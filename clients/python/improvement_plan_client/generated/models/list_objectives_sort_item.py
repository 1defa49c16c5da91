from enum import StrEnum


class ListObjectivesSortItem(StrEnum):
    CREATED_AT = "created_at"
    POSITION = "position"
    REF = "ref"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-position"
    VALUE_3 = "-ref"
    VALUE_5 = "-created_at"
    VALUE_7 = "-updated_at"

    def __str__(self) -> str:
        return str(self.value)
