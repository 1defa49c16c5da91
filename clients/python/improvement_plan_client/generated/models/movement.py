from enum import StrEnum


class Movement(StrEnum):
    DECLINED = "declined"
    IMPROVED = "improved"
    NEWLY_RATED = "newly_rated"
    NOT_RATED = "not_rated"
    NO_LONGER_RATED = "no_longer_rated"
    UNCHANGED = "unchanged"

    def __str__(self) -> str:
        return str(self.value)
