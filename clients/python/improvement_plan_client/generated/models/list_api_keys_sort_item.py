from enum import StrEnum


class ListApiKeysSortItem(StrEnum):
    CREATED_AT = "created_at"
    LAST_USED_AT = "last_used_at"
    NAME = "name"
    VALUE_1 = "-name"
    VALUE_3 = "-created_at"
    VALUE_5 = "-last_used_at"

    def __str__(self) -> str:
        return str(self.value)
