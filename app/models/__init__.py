"""Every table model, imported in one place so Alembic and the app see the same metadata."""

from app.models.api_key import ApiKey, Role
from app.models.audit import AuditEvent
from app.models.base import TimestampedTable, UTCDateTime, new_id, utcnow
from app.models.plan import Plan, PlanBase, PlanStatus, RatingDefinitions

__all__ = [
    "ApiKey",
    "AuditEvent",
    "Plan",
    "PlanBase",
    "PlanStatus",
    "RatingDefinitions",
    "Role",
    "TimestampedTable",
    "UTCDateTime",
    "new_id",
    "utcnow",
]
