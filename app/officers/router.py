"""Officers."""

from fastapi import APIRouter

router = APIRouter(tags=["Officers"])
