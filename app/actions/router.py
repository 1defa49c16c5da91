"""Actions."""

from fastapi import APIRouter

router = APIRouter(tags=["Actions"])
