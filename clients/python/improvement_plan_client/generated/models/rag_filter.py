from enum import StrEnum


class RagFilter(StrEnum):
    AMBER = "amber"
    BLUE = "blue"
    GREEN = "green"
    NONE = "none"
    RED = "red"

    def __str__(self) -> str:
        return str(self.value)
