"""Quarterly reports as files, for the `improvement-plan report` command."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.models import Plan
from app.reports.pack import quarterly_pack
from app.reports.quarterly import quarterly_report
from app.reports.quarters import Quarter
from app.reports.rendering import EXTENSIONS, ReportFormat, render


class UnknownPlan(LookupError):
    """A plan asked for by id or key that does not exist."""


async def plans_named(session: AsyncSession, names: Sequence[str]) -> list[Plan]:
    """The plans with these ids or keys, in the order asked; every live plan when none."""
    if not names:
        return list(
            (
                await session.scalars(
                    sa.select(Plan)
                    .where(col(Plan.archived_at).is_(None))
                    .order_by(col(Plan.created_at), col(Plan.id))
                )
            ).all()
        )
    found = (
        await session.scalars(
            sa.select(Plan).where(sa.or_(col(Plan.id).in_(names), col(Plan.seed_key).in_(names)))
        )
    ).all()
    by_name = {plan.id: plan for plan in found} | {
        plan.seed_key: plan for plan in found if plan.seed_key
    }
    missing = [name for name in names if name not in by_name]
    if missing:
        raise UnknownPlan(f"no plan with id or key {', '.join(map(repr, missing))}")
    return list({by_name[name].id: by_name[name] for name in names}.values())


async def quarterly_file(
    *, session: AsyncSession, plan: Plan, quarter: Quarter, chosen: ReportFormat
) -> tuple[str, bytes]:
    """The plan's report in the format, and the name a download of it gets (by the plan's
    key and the quarter)."""
    report = await quarterly_report(session=session, plan=plan, quarter=quarter)
    rendered = render(report, chosen, None)
    return f"{quarterly_pack(report).filename}.{EXTENSIONS[chosen]}", rendered.body


def write_file(folder: Path, name: str, body: bytes) -> Path:
    """Write through a temporary file, so a failure leaves no half-written report."""
    path = folder / name
    partial = path.with_name(name + ".part")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        partial.write_bytes(body)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
