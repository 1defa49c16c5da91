from enum import StrEnum


class ListStrategiesSortItem(StrEnum):
    CREATED_AT = "created_at"
    TITLE = "title"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-title"
    VALUE_3 = "-created_at"
    VALUE_5 = "-updated_at"

    def __str__(self) -> str:
        return str(self.value)
