from enum import StrEnum


class ListPlansSortItem(StrEnum):
    CREATED_AT = "created_at"
    ORGANISATION = "organisation"
    STATUS = "status"
    TITLE = "title"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-title"
    VALUE_3 = "-organisation"
    VALUE_5 = "-status"
    VALUE_7 = "-created_at"
    VALUE_9 = "-updated_at"

    def __str__(self) -> str:
        return str(self.value)
