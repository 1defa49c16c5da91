from enum import StrEnum


class DeliveryStatus(StrEnum):
    CANCELLED = "cancelled"
    COMPLETE = "complete"
    DEFERRED = "deferred"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"

    def __str__(self) -> str:
        return str(self.value)
