"""Every table model, imported in one place so Alembic and the app see the same metadata."""

from app.models.api_key import ApiKey, Role
from app.models.audit import AuditEvent
from app.models.base import TimestampedTable, UTCDateTime, new_id
from app.models.clock import today, utcnow
from app.models.content import (
    Action,
    ActionLeadOfficer,
    ActionSuccessCriterion,
    Area,
    DeliveryStatus,
    Objective,
    Outcome,
    Rag,
    RagFilter,
    Recurrence,
    Reviewable,
    SuccessCriterion,
)
from app.models.event import Event
from app.models.inspection import ActionInspectionAction, InspectionAction, InspectionActionBase
from app.models.meeting import Meeting, MeetingSnapshot
from app.models.officer import Officer, OfficerBase
from app.models.plan import (
    MeetingFrequency,
    Plan,
    PlanBase,
    PlanStatus,
    RatingDefinitions,
    RatingDefinitionsSource,
)
from app.models.reminder import ReminderSent
from app.models.status_update import DueDateRevision, IdempotencyRecord, StatusUpdate
from app.models.strategy import Strategy, StrategyBase, StrategyLink
from app.models.webhook import Webhook, WebhookAttempt, WebhookDelivery

__all__ = [
    "Action",
    "ActionInspectionAction",
    "ActionLeadOfficer",
    "ActionSuccessCriterion",
    "ApiKey",
    "Area",
    "AuditEvent",
    "DeliveryStatus",
    "DueDateRevision",
    "Event",
    "IdempotencyRecord",
    "InspectionAction",
    "InspectionActionBase",
    "Meeting",
    "MeetingFrequency",
    "MeetingSnapshot",
    "Objective",
    "Officer",
    "OfficerBase",
    "Outcome",
    "Plan",
    "PlanBase",
    "PlanStatus",
    "Rag",
    "RagFilter",
    "RatingDefinitions",
    "RatingDefinitionsSource",
    "Recurrence",
    "ReminderSent",
    "Reviewable",
    "Role",
    "StatusUpdate",
    "Strategy",
    "StrategyBase",
    "StrategyLink",
    "SuccessCriterion",
    "TimestampedTable",
    "UTCDateTime",
    "Webhook",
    "WebhookAttempt",
    "WebhookDelivery",
    "new_id",
    "today",
    "utcnow",
]
