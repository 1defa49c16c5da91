"""Every `/api/v1` router, one line each."""

from fastapi import APIRouter

from app.api_keys.router import me_router
from app.api_keys.router import router as api_keys_router
from app.plans.router import router as plans_router

api_router = APIRouter(prefix="/api/v1")
api_router.include_router(plans_router)
api_router.include_router(api_keys_router)
api_router.include_router(me_router)
