from enum import StrEnum


class ListActionsSortItem(StrEnum):
    CREATED_AT = "created_at"
    DUE_DATE = "due_date"
    LAST_UPDATE_DATE = "last_update_date"
    ORIGINAL_DUE_DATE = "original_due_date"
    POSITION = "position"
    RAG = "rag"
    REF = "ref"
    STATUS = "status"
    TITLE = "title"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-created_at"
    VALUE_11 = "-ref"
    VALUE_13 = "-title"
    VALUE_15 = "-position"
    VALUE_17 = "-status"
    VALUE_19 = "-rag"
    VALUE_3 = "-updated_at"
    VALUE_5 = "-due_date"
    VALUE_7 = "-original_due_date"
    VALUE_9 = "-last_update_date"

    def __str__(self) -> str:
        return str(self.value)
