from enum import StrEnum


class ListActionsExpandItem(StrEnum):
    CHILDREN = "children"
    INSPECTION_ACTIONS = "inspection_actions"
    LATEST_UPDATE = "latest_update"
    LEAD_OFFICERS = "lead_officers"
    STRATEGIES = "strategies"
    SUCCESS_CRITERIA = "success_criteria"

    def __str__(self) -> str:
        return str(self.value)
