"""Outcomes."""

from fastapi import APIRouter

router = APIRouter(tags=["Outcomes"])
