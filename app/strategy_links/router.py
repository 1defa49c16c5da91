"""Strategy links."""

from fastapi import APIRouter

router = APIRouter(tags=["Strategy links"])
