from enum import StrEnum


class Rag(StrEnum):
    AMBER = "amber"
    BLUE = "blue"
    GREEN = "green"
    RED = "red"

    def __str__(self) -> str:
        return str(self.value)
