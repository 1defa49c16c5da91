"""Every `/api/v1` router, one line each, and the one route beside them that needs no key."""

from fastapi import APIRouter, Depends

from app.actions.router import router as actions_router
from app.api_keys.router import me_router, sign_in_router
from app.api_keys.router import router as api_keys_router
from app.areas.router import router as areas_router
from app.core.http.requests import (
    refuse_unknown_query,
    refuse_unknown_query_without_key,
    refuse_unsupported_media_type,
)
from app.core.http.schemas import refuse_nul_in_url
from app.events.router import router as events_router
from app.history.router import router as history_router
from app.inspection_actions.router import router as inspection_actions_router
from app.meetings.router import router as meetings_router
from app.objectives.router import router as objectives_router
from app.officers.router import router as officers_router
from app.outcomes.router import router as outcomes_router
from app.plan_imports.router import router as plan_imports_router
from app.plans.router import router as plans_router
from app.reminders.router import router as reminders_router
from app.reports.router import router as reports_router
from app.status_updates.router import router as status_updates_router
from app.strategies.router import router as strategies_router
from app.strategy_links.router import router as strategy_links_router
from app.success_criteria.router import router as success_criteria_router
from app.update_workbooks.router import router as update_workbooks_router
from app.webhooks.router import router as webhooks_router

# Every operation needs a key; once it is accepted, the body's media type and the query's
# parameter names are checked, before the route's own parameters.
api_router = APIRouter(
    prefix="/api/v1",
    dependencies=[
        Depends(refuse_nul_in_url),
        Depends(refuse_unsupported_media_type),
        Depends(refuse_unknown_query),
    ],
)
api_router.include_router(plans_router)
api_router.include_router(plan_imports_router)
api_router.include_router(areas_router)
api_router.include_router(outcomes_router)
api_router.include_router(objectives_router)
api_router.include_router(actions_router)
api_router.include_router(status_updates_router)
api_router.include_router(update_workbooks_router)
api_router.include_router(history_router)
api_router.include_router(success_criteria_router)
api_router.include_router(officers_router)
api_router.include_router(strategies_router)
api_router.include_router(strategy_links_router)
api_router.include_router(inspection_actions_router)
api_router.include_router(reports_router)
api_router.include_router(reminders_router)
api_router.include_router(meetings_router)
api_router.include_router(api_keys_router)
api_router.include_router(me_router)
api_router.include_router(events_router)
api_router.include_router(webhooks_router)

# What a browser reads before it signs in, outside `/api/v1` as it needs no key: the sign-in
# provider's discovery document. The same checks of the URL, without the key's.
public_router = APIRouter(
    dependencies=[Depends(refuse_nul_in_url), Depends(refuse_unknown_query_without_key)],
)
public_router.include_router(sign_in_router)
