from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    CONTRIBUTOR = "contributor"
    EDITOR = "editor"
    VIEWER = "viewer"

    def __str__(self) -> str:
        return str(self.value)
