"""Success criteria."""

from fastapi import APIRouter

router = APIRouter(tags=["Success criteria"])
