"""Reports for the board."""

from fastapi import APIRouter

router = APIRouter(prefix="/reports", tags=["Reports"])
