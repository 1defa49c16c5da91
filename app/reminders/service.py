"""Who owes an update in the current cycle, and the reminders that tell them: each lead
officer gets one email per plan and cycle, some days before the cycle ends, never two."""

from __future__ import annotations

import asyncio
import logging
import smtplib
import ssl
from dataclasses import dataclass, field
from datetime import date, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.config import Settings
from app.models import (
    Action,
    ActionLeadOfficer,
    DeliveryStatus,
    Officer,
    Plan,
    PlanStatus,
    ReminderSent,
    new_id,
)
from app.reminders.schemas import OfficerOwes, OwedAction, UpdatesOwed

logger = logging.getLogger("app.reminders")
CLOSED = (DeliveryStatus.complete, DeliveryStatus.cancelled)


def current_cycle(plan: Plan, as_of: date) -> tuple[date, date]:
    """The update cycle `as_of` falls in: `update_interval_days` long, counted from the day
    the plan was created."""
    first = plan.created_at.date()
    interval = plan.update_interval_days
    passed = max((as_of - first).days, 0) // interval
    start = first + timedelta(days=passed * interval)
    return start, start + timedelta(days=interval - 1)


async def updates_owed(*, session: AsyncSession, plan: Plan, as_of: date) -> UpdatesOwed:
    """Open actions with no update since the cycle began, by lead officer: one statement."""
    start, end = current_cycle(plan, as_of)
    rows = (
        await session.execute(
            sa.select(Action, Officer)
            .outerjoin(ActionLeadOfficer, col(ActionLeadOfficer.action_id) == col(Action.id))
            .outerjoin(Officer, col(Officer.id) == col(ActionLeadOfficer.officer_id))
            .where(
                col(Action.plan_id) == plan.id,
                col(Action.archived_at).is_(None),
                col(Action.status).not_in(CLOSED),
                sa.or_(
                    col(Action.last_update_date).is_(None), col(Action.last_update_date) < start
                ),
            )
            .order_by(col(Officer.name), col(Action.area_id), col(Action.position), col(Action.ref))
        )
    ).all()
    owes: dict[str | None, OfficerOwes] = {}
    for action, officer in rows:
        key = officer.id if officer else None
        if key not in owes:
            owes[key] = OfficerOwes(
                officer_id=key,
                name=officer.name if officer else None,
                email=officer.email if officer else None,
                actions=[],
            )
        owes[key].actions.append(
            OwedAction(
                id=action.id,
                ref=action.ref,
                title=action.title,
                last_update_date=action.last_update_date,
            )
        )
    return UpdatesOwed(
        plan_id=plan.id, cycle_start=start, cycle_end=end, officers=list(owes.values())
    )


@dataclass
class ReminderRun:
    """What one run of `send_reminders` did."""

    sent: list[str] = field(default_factory=list)
    already_sent: list[str] = field(default_factory=list)
    no_email: list[str] = field(default_factory=list)
    not_yet: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SmtpTarget:
    host: str
    port: int
    username: str | None
    password: str | None
    tls: bool
    starttls: bool


def smtp_target(url: str) -> SmtpTarget:
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise ValueError("IPA_SMTP_URL must be smtp://host:port or smtps://host:port")
    query = parse_qs(parts.query)
    return SmtpTarget(
        host=parts.hostname,
        port=parts.port or (465 if parts.scheme == "smtps" else 25),
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        tls=parts.scheme == "smtps",
        starttls=query.get("starttls", ["false"])[0].lower() == "true",
    )


def _send(target: SmtpTarget, message: EmailMessage) -> None:
    context = ssl.create_default_context()
    client: smtplib.SMTP = (
        smtplib.SMTP_SSL(target.host, target.port, context=context, timeout=30)
        if target.tls
        else smtplib.SMTP(target.host, target.port, timeout=30)
    )
    with client:
        if target.starttls:
            client.starttls(context=context)
        if target.username:
            client.login(target.username, target.password or "")
        client.send_message(message)


def _message(settings: Settings, title: str, owes: OfficerOwes, owed: UpdatesOwed) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.reminder_from
    message["To"] = Address(display_name=owes.name or "", addr_spec=owes.email or "")
    title = " ".join(title.split())[:150]
    message["Subject"] = f"Status updates due by {owed.cycle_end:%d %B %Y}: {title}"
    lines = [
        f"Dear {owes.name},",
        "",
        f"These actions you lead have had no status update since {owed.cycle_start:%d %B %Y}. "
        f"Please post one for each before {owed.cycle_end:%d %B %Y}:",
        "",
        *[f"- {a.ref} {a.title}" for a in owes.actions],
        "",
        f"Plan: {title}",
    ]
    message.set_content("\n".join(lines))
    return message


async def send_reminders(*, session: AsyncSession, settings: Settings, as_of: date) -> ReminderRun:
    """Email each lead officer who owes updates in a live plan's current cycle, once per
    cycle: a row is claimed before sending, so two runs never both send."""
    run = ReminderRun()
    if settings.smtp_url is None:
        logger.info("IPA_SMTP_URL is not set: no reminders sent")
        return run
    target = smtp_target(settings.smtp_url.get_secret_value())
    plans = (
        await session.scalars(
            sa.select(Plan).where(
                col(Plan.archived_at).is_(None), col(Plan.status) != PlanStatus.closed
            )
        )
    ).all()
    # Worked out before anything is written: a rollback below expires the loaded plans.
    work = [
        (plan.id, plan.title, await updates_owed(session=session, plan=plan, as_of=as_of))
        for plan in plans
    ]
    for plan_id, title, owed in work:
        if as_of < owed.cycle_end - timedelta(days=settings.reminder_days_before):
            run.not_yet += [o.name or "" for o in owed.officers if o.officer_id]
            continue
        for owes in owed.officers:
            if owes.officer_id is None:
                continue
            if not owes.email:
                run.no_email.append(owes.name or owes.officer_id)
                continue
            session.add(
                ReminderSent(
                    id=new_id("rem"),
                    plan_id=plan_id,
                    officer_id=owes.officer_id,
                    cycle_start=owed.cycle_start,
                    email=owes.email,
                    action_count=len(owes.actions),
                )
            )
            try:
                await session.flush()
            except IntegrityError:
                await session.rollback()
                run.already_sent.append(owes.email)
                continue
            try:
                await asyncio.to_thread(_send, target, _message(settings, title, owes, owed))
            except (OSError, smtplib.SMTPException):
                await session.rollback()  # not sent, so the next run tries again
                logger.warning("reminder to %s not sent", owes.email, exc_info=True)
                continue
            await session.commit()
            run.sent.append(owes.email)
    return run
