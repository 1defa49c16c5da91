from enum import StrEnum


class MeetingScheduleServiceDefaultsItem(StrEnum):
    BOARD = "board"
    FREQUENCY = "frequency"
    PARTNERS_EVERY = "partners_every"

    def __str__(self) -> str:
        return str(self.value)
