from enum import StrEnum


class ExceptionReason(StrEnum):
    AMBER_TWO_QUARTERS = "amber_two_quarters"
    NO_UPDATE_IN_QUARTER = "no_update_in_quarter"
    OVERDUE = "overdue"
    RED = "red"
    SLIPPED = "slipped"
    STALE = "stale"

    def __str__(self) -> str:
        return str(self.value)
