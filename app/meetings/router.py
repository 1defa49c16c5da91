"""Board meetings and their snapshots."""

from fastapi import APIRouter

router = APIRouter(tags=["Meetings"])
