"""Strategies."""

from fastapi import APIRouter

router = APIRouter(tags=["Strategies"])
