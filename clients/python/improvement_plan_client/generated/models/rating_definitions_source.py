from enum import StrEnum


class RatingDefinitionsSource(StrEnum):
    PLAN = "plan"
    SERVICE_DEFAULT = "service_default"

    def __str__(self) -> str:
        return str(self.value)
