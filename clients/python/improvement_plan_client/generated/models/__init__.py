"""Contains all the data models used in inputs/outputs"""

from .action_create import ActionCreate
from .action_history import ActionHistory
from .action_movement import ActionMovement
from .action_node import ActionNode
from .action_page import ActionPage
from .action_read import ActionRead
from .action_ref import ActionRef
from .action_summary import ActionSummary
from .action_update import ActionUpdate
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_page import ApiKeyPage
from .api_key_read import ApiKeyRead
from .api_key_rotate import ApiKeyRotate
from .area_count import AreaCount
from .area_create import AreaCreate
from .area_node import AreaNode
from .area_page import AreaPage
from .area_quarter import AreaQuarter
from .area_read import AreaRead
from .area_update import AreaUpdate
from .audit_event_page import AuditEventPage
from .audit_event_read import AuditEventRead
from .audit_event_read_changes import AuditEventReadChanges
from .blocker import Blocker
from .counts import Counts
from .criterion_node import CriterionNode
from .criterion_summary import CriterionSummary
from .delivery_status import DeliveryStatus
from .due_date_revision_read import DueDateRevisionRead
from .evidence import Evidence
from .exception_item import ExceptionItem
from .exception_reason import ExceptionReason
from .exceptions import Exceptions
from .field_error import FieldError
from .get_action_expand_item import GetActionExpandItem
from .group_by import GroupBy
from .health import Health
from .history_entry import HistoryEntry
from .history_entry_changes import HistoryEntryChanges
from .history_kind import HistoryKind
from .inspection_action_create import InspectionActionCreate
from .inspection_action_node import InspectionActionNode
from .inspection_action_page import InspectionActionPage
from .inspection_action_read import InspectionActionRead
from .inspection_action_summary import InspectionActionSummary
from .inspection_action_update import InspectionActionUpdate
from .inspection_quarter import InspectionQuarter
from .list_action_status_updates_sort_item import ListActionStatusUpdatesSortItem
from .list_actions_expand_item import ListActionsExpandItem
from .list_actions_sort_item import ListActionsSortItem
from .list_api_keys_sort_item import ListApiKeysSortItem
from .list_areas_sort_item import ListAreasSortItem
from .list_audit_events_sort_item import ListAuditEventsSortItem
from .list_inspection_actions_sort_item import ListInspectionActionsSortItem
from .list_meetings_sort_item import ListMeetingsSortItem
from .list_objectives_sort_item import ListObjectivesSortItem
from .list_officers_sort_item import ListOfficersSortItem
from .list_outcomes_sort_item import ListOutcomesSortItem
from .list_plans_sort_item import ListPlansSortItem
from .list_status_updates_sort_item import ListStatusUpdatesSortItem
from .list_strategies_sort_item import ListStrategiesSortItem
from .list_strategy_links_sort_item import ListStrategyLinksSortItem
from .list_success_criteria_sort_item import ListSuccessCriteriaSortItem
from .me import Me
from .meeting_create import MeetingCreate
from .meeting_page import MeetingPage
from .meeting_read import MeetingRead
from .meeting_schedule import MeetingSchedule
from .meeting_schedule_create import MeetingScheduleCreate
from .meeting_snapshot_read import MeetingSnapshotRead
from .meeting_update import MeetingUpdate
from .movement import Movement
from .movement_counts import MovementCounts
from .objective_create import ObjectiveCreate
from .objective_node import ObjectiveNode
from .objective_page import ObjectivePage
from .objective_read import ObjectiveRead
from .objective_update import ObjectiveUpdate
from .officer_create import OfficerCreate
from .officer_page import OfficerPage
from .officer_read import OfficerRead
from .officer_summary import OfficerSummary
from .officer_update import OfficerUpdate
from .outcome_create import OutcomeCreate
from .outcome_node import OutcomeNode
from .outcome_page import OutcomePage
from .outcome_read import OutcomeRead
from .outcome_update import OutcomeUpdate
from .period import Period
from .plan_create import PlanCreate
from .plan_page import PlanPage
from .plan_read import PlanRead
from .plan_ref import PlanRef
from .plan_status import PlanStatus
from .plan_tree import PlanTree
from .plan_update import PlanUpdate
from .problem import Problem
from .quarter_action import QuarterAction
from .quarter_updates import QuarterUpdates
from .quarterly_report import QuarterlyReport
from .rag import Rag
from .rag_filter import RagFilter
from .rating_counts import RatingCounts
from .rating_definitions import RatingDefinitions
from .reason_counts import ReasonCounts
from .recurrence import Recurrence
from .report_format import ReportFormat
from .role import Role
from .slipped_due_date import SlippedDueDate
from .snapshot_content import SnapshotContent
from .snapshot_movement import SnapshotMovement
from .status_counts import StatusCounts
from .status_update_create import StatusUpdateCreate
from .status_update_page import StatusUpdatePage
from .status_update_read import StatusUpdateRead
from .strategy_create import StrategyCreate
from .strategy_link_create import StrategyLinkCreate
from .strategy_link_page import StrategyLinkPage
from .strategy_link_read import StrategyLinkRead
from .strategy_link_update import StrategyLinkUpdate
from .strategy_on_action import StrategyOnAction
from .strategy_page import StrategyPage
from .strategy_read import StrategyRead
from .strategy_update import StrategyUpdate
from .success_criterion_create import SuccessCriterionCreate
from .success_criterion_page import SuccessCriterionPage
from .success_criterion_read import SuccessCriterionRead
from .success_criterion_update import SuccessCriterionUpdate
from .summary import Summary
from .summary_group import SummaryGroup

__all__ = (
    "ActionCreate",
    "ActionHistory",
    "ActionMovement",
    "ActionNode",
    "ActionPage",
    "ActionRead",
    "ActionRef",
    "ActionSummary",
    "ActionUpdate",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyPage",
    "ApiKeyRead",
    "ApiKeyRotate",
    "AreaCount",
    "AreaCreate",
    "AreaNode",
    "AreaPage",
    "AreaQuarter",
    "AreaRead",
    "AreaUpdate",
    "AuditEventPage",
    "AuditEventRead",
    "AuditEventReadChanges",
    "Blocker",
    "Counts",
    "CriterionNode",
    "CriterionSummary",
    "DeliveryStatus",
    "DueDateRevisionRead",
    "Evidence",
    "ExceptionItem",
    "ExceptionReason",
    "Exceptions",
    "FieldError",
    "GetActionExpandItem",
    "GroupBy",
    "Health",
    "HistoryEntry",
    "HistoryEntryChanges",
    "HistoryKind",
    "InspectionActionCreate",
    "InspectionActionNode",
    "InspectionActionPage",
    "InspectionActionRead",
    "InspectionActionSummary",
    "InspectionActionUpdate",
    "InspectionQuarter",
    "ListActionStatusUpdatesSortItem",
    "ListActionsExpandItem",
    "ListActionsSortItem",
    "ListApiKeysSortItem",
    "ListAreasSortItem",
    "ListAuditEventsSortItem",
    "ListInspectionActionsSortItem",
    "ListMeetingsSortItem",
    "ListObjectivesSortItem",
    "ListOfficersSortItem",
    "ListOutcomesSortItem",
    "ListPlansSortItem",
    "ListStatusUpdatesSortItem",
    "ListStrategiesSortItem",
    "ListStrategyLinksSortItem",
    "ListSuccessCriteriaSortItem",
    "Me",
    "MeetingCreate",
    "MeetingPage",
    "MeetingRead",
    "MeetingSchedule",
    "MeetingScheduleCreate",
    "MeetingSnapshotRead",
    "MeetingUpdate",
    "Movement",
    "MovementCounts",
    "ObjectiveCreate",
    "ObjectiveNode",
    "ObjectivePage",
    "ObjectiveRead",
    "ObjectiveUpdate",
    "OfficerCreate",
    "OfficerPage",
    "OfficerRead",
    "OfficerSummary",
    "OfficerUpdate",
    "OutcomeCreate",
    "OutcomeNode",
    "OutcomePage",
    "OutcomeRead",
    "OutcomeUpdate",
    "Period",
    "PlanCreate",
    "PlanPage",
    "PlanRead",
    "PlanRef",
    "PlanStatus",
    "PlanTree",
    "PlanUpdate",
    "Problem",
    "QuarterAction",
    "QuarterUpdates",
    "QuarterlyReport",
    "Rag",
    "RagFilter",
    "RatingCounts",
    "RatingDefinitions",
    "ReasonCounts",
    "Recurrence",
    "ReportFormat",
    "Role",
    "SlippedDueDate",
    "SnapshotContent",
    "SnapshotMovement",
    "StatusCounts",
    "StatusUpdateCreate",
    "StatusUpdatePage",
    "StatusUpdateRead",
    "StrategyCreate",
    "StrategyLinkCreate",
    "StrategyLinkPage",
    "StrategyLinkRead",
    "StrategyLinkUpdate",
    "StrategyOnAction",
    "StrategyPage",
    "StrategyRead",
    "StrategyUpdate",
    "SuccessCriterionCreate",
    "SuccessCriterionPage",
    "SuccessCriterionRead",
    "SuccessCriterionUpdate",
    "Summary",
    "SummaryGroup",
)
