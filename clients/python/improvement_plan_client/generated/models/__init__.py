"""Contains all the data models used in inputs/outputs"""

from .accepted import Accepted
from .action_archived_event import ActionArchivedEvent
from .action_create import ActionCreate
from .action_created_event import ActionCreatedEvent
from .action_history import ActionHistory
from .action_movement import ActionMovement
from .action_node import ActionNode
from .action_page import ActionPage
from .action_read import ActionRead
from .action_ref import ActionRef
from .action_restored_event import ActionRestoredEvent
from .action_summary import ActionSummary
from .action_update import ActionUpdate
from .action_updated_event import ActionUpdatedEvent
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_created_event import ApiKeyCreatedEvent
from .api_key_page import ApiKeyPage
from .api_key_read import ApiKeyRead
from .api_key_revoked_event import ApiKeyRevokedEvent
from .api_key_rotate import ApiKeyRotate
from .api_key_rotated_event import ApiKeyRotatedEvent
from .area_archived_event import AreaArchivedEvent
from .area_count import AreaCount
from .area_create import AreaCreate
from .area_created_event import AreaCreatedEvent
from .area_node import AreaNode
from .area_page import AreaPage
from .area_quarter import AreaQuarter
from .area_read import AreaRead
from .area_restored_event import AreaRestoredEvent
from .area_update import AreaUpdate
from .area_updated_event import AreaUpdatedEvent
from .audit_event_page import AuditEventPage
from .audit_event_read import AuditEventRead
from .audit_event_read_changes import AuditEventReadChanges
from .batch_item_failure import BatchItemFailure
from .blocker import Blocker
from .body_create_plan_import import BodyCreatePlanImport
from .body_post_update_workbook import BodyPostUpdateWorkbook
from .counts import Counts
from .criterion_node import CriterionNode
from .criterion_summary import CriterionSummary
from .delivery_status import DeliveryStatus
from .due_date_revised_event import DueDateRevisedEvent
from .due_date_revision_read import DueDateRevisionRead
from .event_page import EventPage
from .event_read import EventRead
from .event_read_data import EventReadData
from .event_resource import EventResource
from .event_type_name import EventTypeName
from .evidence import Evidence
from .exception_item import ExceptionItem
from .exception_reason import ExceptionReason
from .exceptions import Exceptions
from .export_plan_format import ExportPlanFormat
from .field_error import FieldError
from .get_action_expand_item import GetActionExpandItem
from .get_plan_action_by_ref_expand_item import GetPlanActionByRefExpandItem
from .group_by import GroupBy
from .health import Health
from .history_entry import HistoryEntry
from .history_entry_changes import HistoryEntryChanges
from .history_kind import HistoryKind
from .import_finding import ImportFinding
from .import_format import ImportFormat
from .inspection_action_archived_event import InspectionActionArchivedEvent
from .inspection_action_create import InspectionActionCreate
from .inspection_action_created_event import InspectionActionCreatedEvent
from .inspection_action_node import InspectionActionNode
from .inspection_action_page import InspectionActionPage
from .inspection_action_read import InspectionActionRead
from .inspection_action_restored_event import InspectionActionRestoredEvent
from .inspection_action_summary import InspectionActionSummary
from .inspection_action_update import InspectionActionUpdate
from .inspection_action_updated_event import InspectionActionUpdatedEvent
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
from .list_webhook_deliveries_sort_item import ListWebhookDeliveriesSortItem
from .list_webhooks_sort_item import ListWebhooksSortItem
from .me import Me
from .me_signed_in_with import MeSignedInWith
from .meeting_cadence import MeetingCadence
from .meeting_create import MeetingCreate
from .meeting_created_event import MeetingCreatedEvent
from .meeting_frequency import MeetingFrequency
from .meeting_page import MeetingPage
from .meeting_read import MeetingRead
from .meeting_schedule import MeetingSchedule
from .meeting_schedule_create import MeetingScheduleCreate
from .meeting_schedule_from_plan_item import MeetingScheduleFromPlanItem
from .meeting_schedule_service_defaults_item import MeetingScheduleServiceDefaultsItem
from .meeting_snapshot_created_event import MeetingSnapshotCreatedEvent
from .meeting_snapshot_read import MeetingSnapshotRead
from .meeting_update import MeetingUpdate
from .meeting_updated_event import MeetingUpdatedEvent
from .movement import Movement
from .movement_counts import MovementCounts
from .objective_archived_event import ObjectiveArchivedEvent
from .objective_create import ObjectiveCreate
from .objective_created_event import ObjectiveCreatedEvent
from .objective_node import ObjectiveNode
from .objective_page import ObjectivePage
from .objective_read import ObjectiveRead
from .objective_restored_event import ObjectiveRestoredEvent
from .objective_update import ObjectiveUpdate
from .objective_updated_event import ObjectiveUpdatedEvent
from .officer_archived_event import OfficerArchivedEvent
from .officer_create import OfficerCreate
from .officer_created_event import OfficerCreatedEvent
from .officer_owes import OfficerOwes
from .officer_page import OfficerPage
from .officer_read import OfficerRead
from .officer_restored_event import OfficerRestoredEvent
from .officer_summary import OfficerSummary
from .officer_update import OfficerUpdate
from .officer_updated_event import OfficerUpdatedEvent
from .open_id_configuration import OpenIdConfiguration
from .outcome_archived_event import OutcomeArchivedEvent
from .outcome_create import OutcomeCreate
from .outcome_created_event import OutcomeCreatedEvent
from .outcome_node import OutcomeNode
from .outcome_page import OutcomePage
from .outcome_read import OutcomeRead
from .outcome_restored_event import OutcomeRestoredEvent
from .outcome_update import OutcomeUpdate
from .outcome_updated_event import OutcomeUpdatedEvent
from .owed_action import OwedAction
from .period import Period
from .ping_message import PingMessage
from .plan_archived_event import PlanArchivedEvent
from .plan_create import PlanCreate
from .plan_created_event import PlanCreatedEvent
from .plan_import_result import PlanImportResult
from .plan_import_result_counts import PlanImportResultCounts
from .plan_page import PlanPage
from .plan_read import PlanRead
from .plan_ref import PlanRef
from .plan_restored_event import PlanRestoredEvent
from .plan_status import PlanStatus
from .plan_tree import PlanTree
from .plan_update import PlanUpdate
from .plan_updated_event import PlanUpdatedEvent
from .preview_action import PreviewAction
from .preview_area import PreviewArea
from .preview_objective import PreviewObjective
from .preview_outcome import PreviewOutcome
from .preview_plan import PreviewPlan
from .problem import Problem
from .quarter_action import QuarterAction
from .quarter_ratings import QuarterRatings
from .quarter_updates import QuarterUpdates
from .quarterly_report import QuarterlyReport
from .rag import Rag
from .rag_filter import RagFilter
from .rating_counts import RatingCounts
from .rating_definitions import RatingDefinitions
from .rating_definitions_source import RatingDefinitionsSource
from .reading_choice import ReadingChoice
from .reason_counts import ReasonCounts
from .recurrence import Recurrence
from .report_format import ReportFormat
from .role import Role
from .slipped_due_date import SlippedDueDate
from .snapshot_content import SnapshotContent
from .snapshot_movement import SnapshotMovement
from .status_counts import StatusCounts
from .status_update_batch import StatusUpdateBatch
from .status_update_batch_item import StatusUpdateBatchItem
from .status_update_batch_result import StatusUpdateBatchResult
from .status_update_create import StatusUpdateCreate
from .status_update_created_event import StatusUpdateCreatedEvent
from .status_update_page import StatusUpdatePage
from .status_update_read import StatusUpdateRead
from .strategy_archived_event import StrategyArchivedEvent
from .strategy_create import StrategyCreate
from .strategy_created_event import StrategyCreatedEvent
from .strategy_link_archived_event import StrategyLinkArchivedEvent
from .strategy_link_create import StrategyLinkCreate
from .strategy_link_created_event import StrategyLinkCreatedEvent
from .strategy_link_page import StrategyLinkPage
from .strategy_link_read import StrategyLinkRead
from .strategy_link_update import StrategyLinkUpdate
from .strategy_link_updated_event import StrategyLinkUpdatedEvent
from .strategy_on_action import StrategyOnAction
from .strategy_page import StrategyPage
from .strategy_read import StrategyRead
from .strategy_restored_event import StrategyRestoredEvent
from .strategy_update import StrategyUpdate
from .strategy_updated_event import StrategyUpdatedEvent
from .success_criterion_archived_event import SuccessCriterionArchivedEvent
from .success_criterion_create import SuccessCriterionCreate
from .success_criterion_created_event import SuccessCriterionCreatedEvent
from .success_criterion_page import SuccessCriterionPage
from .success_criterion_read import SuccessCriterionRead
from .success_criterion_restored_event import SuccessCriterionRestoredEvent
from .success_criterion_update import SuccessCriterionUpdate
from .success_criterion_updated_event import SuccessCriterionUpdatedEvent
from .summary import Summary
from .summary_group import SummaryGroup
from .table_format import TableFormat
from .updates_owed import UpdatesOwed
from .webhook_archived_event import WebhookArchivedEvent
from .webhook_attempt_page import WebhookAttemptPage
from .webhook_attempt_read import WebhookAttemptRead
from .webhook_create import WebhookCreate
from .webhook_created_event import WebhookCreatedEvent
from .webhook_disabled_event import WebhookDisabledEvent
from .webhook_page import WebhookPage
from .webhook_read import WebhookRead
from .webhook_update import WebhookUpdate
from .webhook_updated_event import WebhookUpdatedEvent
from .webhook_with_secret import WebhookWithSecret

__all__ = (
    "Accepted",
    "ActionArchivedEvent",
    "ActionCreate",
    "ActionCreatedEvent",
    "ActionHistory",
    "ActionMovement",
    "ActionNode",
    "ActionPage",
    "ActionRead",
    "ActionRef",
    "ActionRestoredEvent",
    "ActionSummary",
    "ActionUpdate",
    "ActionUpdatedEvent",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyCreatedEvent",
    "ApiKeyPage",
    "ApiKeyRead",
    "ApiKeyRevokedEvent",
    "ApiKeyRotate",
    "ApiKeyRotatedEvent",
    "AreaArchivedEvent",
    "AreaCount",
    "AreaCreate",
    "AreaCreatedEvent",
    "AreaNode",
    "AreaPage",
    "AreaQuarter",
    "AreaRead",
    "AreaRestoredEvent",
    "AreaUpdate",
    "AreaUpdatedEvent",
    "AuditEventPage",
    "AuditEventRead",
    "AuditEventReadChanges",
    "BatchItemFailure",
    "Blocker",
    "BodyCreatePlanImport",
    "BodyPostUpdateWorkbook",
    "Counts",
    "CriterionNode",
    "CriterionSummary",
    "DeliveryStatus",
    "DueDateRevisedEvent",
    "DueDateRevisionRead",
    "EventPage",
    "EventRead",
    "EventReadData",
    "EventResource",
    "EventTypeName",
    "Evidence",
    "ExceptionItem",
    "ExceptionReason",
    "Exceptions",
    "ExportPlanFormat",
    "FieldError",
    "GetActionExpandItem",
    "GetPlanActionByRefExpandItem",
    "GroupBy",
    "Health",
    "HistoryEntry",
    "HistoryEntryChanges",
    "HistoryKind",
    "ImportFinding",
    "ImportFormat",
    "InspectionActionArchivedEvent",
    "InspectionActionCreate",
    "InspectionActionCreatedEvent",
    "InspectionActionNode",
    "InspectionActionPage",
    "InspectionActionRead",
    "InspectionActionRestoredEvent",
    "InspectionActionSummary",
    "InspectionActionUpdate",
    "InspectionActionUpdatedEvent",
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
    "ListWebhookDeliveriesSortItem",
    "ListWebhooksSortItem",
    "Me",
    "MeSignedInWith",
    "MeetingCadence",
    "MeetingCreate",
    "MeetingCreatedEvent",
    "MeetingFrequency",
    "MeetingPage",
    "MeetingRead",
    "MeetingSchedule",
    "MeetingScheduleCreate",
    "MeetingScheduleFromPlanItem",
    "MeetingScheduleServiceDefaultsItem",
    "MeetingSnapshotCreatedEvent",
    "MeetingSnapshotRead",
    "MeetingUpdate",
    "MeetingUpdatedEvent",
    "Movement",
    "MovementCounts",
    "ObjectiveArchivedEvent",
    "ObjectiveCreate",
    "ObjectiveCreatedEvent",
    "ObjectiveNode",
    "ObjectivePage",
    "ObjectiveRead",
    "ObjectiveRestoredEvent",
    "ObjectiveUpdate",
    "ObjectiveUpdatedEvent",
    "OfficerArchivedEvent",
    "OfficerCreate",
    "OfficerCreatedEvent",
    "OfficerOwes",
    "OfficerPage",
    "OfficerRead",
    "OfficerRestoredEvent",
    "OfficerSummary",
    "OfficerUpdate",
    "OfficerUpdatedEvent",
    "OpenIdConfiguration",
    "OutcomeArchivedEvent",
    "OutcomeCreate",
    "OutcomeCreatedEvent",
    "OutcomeNode",
    "OutcomePage",
    "OutcomeRead",
    "OutcomeRestoredEvent",
    "OutcomeUpdate",
    "OutcomeUpdatedEvent",
    "OwedAction",
    "Period",
    "PingMessage",
    "PlanArchivedEvent",
    "PlanCreate",
    "PlanCreatedEvent",
    "PlanImportResult",
    "PlanImportResultCounts",
    "PlanPage",
    "PlanRead",
    "PlanRef",
    "PlanRestoredEvent",
    "PlanStatus",
    "PlanTree",
    "PlanUpdate",
    "PlanUpdatedEvent",
    "PreviewAction",
    "PreviewArea",
    "PreviewObjective",
    "PreviewOutcome",
    "PreviewPlan",
    "Problem",
    "QuarterAction",
    "QuarterRatings",
    "QuarterUpdates",
    "QuarterlyReport",
    "Rag",
    "RagFilter",
    "RatingCounts",
    "RatingDefinitions",
    "RatingDefinitionsSource",
    "ReadingChoice",
    "ReasonCounts",
    "Recurrence",
    "ReportFormat",
    "Role",
    "SlippedDueDate",
    "SnapshotContent",
    "SnapshotMovement",
    "StatusCounts",
    "StatusUpdateBatch",
    "StatusUpdateBatchItem",
    "StatusUpdateBatchResult",
    "StatusUpdateCreate",
    "StatusUpdateCreatedEvent",
    "StatusUpdatePage",
    "StatusUpdateRead",
    "StrategyArchivedEvent",
    "StrategyCreate",
    "StrategyCreatedEvent",
    "StrategyLinkArchivedEvent",
    "StrategyLinkCreate",
    "StrategyLinkCreatedEvent",
    "StrategyLinkPage",
    "StrategyLinkRead",
    "StrategyLinkUpdate",
    "StrategyLinkUpdatedEvent",
    "StrategyOnAction",
    "StrategyPage",
    "StrategyRead",
    "StrategyRestoredEvent",
    "StrategyUpdate",
    "StrategyUpdatedEvent",
    "SuccessCriterionArchivedEvent",
    "SuccessCriterionCreate",
    "SuccessCriterionCreatedEvent",
    "SuccessCriterionPage",
    "SuccessCriterionRead",
    "SuccessCriterionRestoredEvent",
    "SuccessCriterionUpdate",
    "SuccessCriterionUpdatedEvent",
    "Summary",
    "SummaryGroup",
    "TableFormat",
    "UpdatesOwed",
    "WebhookArchivedEvent",
    "WebhookAttemptPage",
    "WebhookAttemptRead",
    "WebhookCreate",
    "WebhookCreatedEvent",
    "WebhookDisabledEvent",
    "WebhookPage",
    "WebhookRead",
    "WebhookUpdate",
    "WebhookUpdatedEvent",
    "WebhookWithSecret",
)
