"""Inspection actions."""

from fastapi import APIRouter

router = APIRouter(tags=["Inspection actions"])
