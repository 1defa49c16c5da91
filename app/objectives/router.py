"""Objectives."""

from fastapi import APIRouter

router = APIRouter(tags=["Objectives"])
