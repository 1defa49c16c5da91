"""Commands over the plans' data: `seed`, `reminders send`, `report`, `keys create`."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from app.cli.base import cli, keys_cli, reminders_cli
from app.core.config import get_settings
from app.models import Role


@cli.command()
def seed(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Seed files (improvement-plan/v1 YAML); default: the Stockton plan."),
    ] = None,
) -> None:
    """Load plans from seed files. A plan already loaded (by its key) is left unchanged."""
    from app.core.db.engine import create_engine, create_session_factory
    from app.seeding.loader import SeedError, default_seed_path, load_seed, read_seed_file

    try:
        files = [read_seed_file(path) for path in (paths or [default_seed_path()])]
    except SeedError as exc:
        typer.echo(f"Nothing was loaded. {exc}", err=True)
        raise typer.Exit(code=1) from exc

    async def run() -> None:
        engine = create_engine(get_settings())
        try:
            for seed_file in files:
                async with create_session_factory(engine)() as session:
                    result = await load_seed(session, seed_file)
                if result.created:
                    made = ", ".join(f"{n} {name}" for name, n in sorted(result.counts.items()))
                    typer.echo(f"Loaded '{result.key}' as {result.plan_id}: {made}.")
                else:
                    typer.echo(f"'{result.key}' is already loaded as {result.plan_id}; unchanged.")
        finally:
            await engine.dispose()

    asyncio.run(run())


@reminders_cli.command("send")
def send_reminders(
    as_of: Annotated[
        str | None, typer.Option(help="The day to send for (YYYY-MM-DD); today when left out.")
    ] = None,
) -> None:
    """Email each lead officer the actions they owe an update on, once per update cycle,
    from `IPA_REMINDER_DAYS_BEFORE` days before the cycle ends. Safe to run often: an
    officer already reminded this cycle is not reminded again."""
    from datetime import date

    from app.core.db.engine import create_engine, create_session_factory
    from app.models import utcnow
    from app.reminders.service import send_reminders as send

    day = date.fromisoformat(as_of) if as_of else utcnow().date()

    async def run() -> None:
        settings = get_settings()
        engine = create_engine(settings)
        try:
            async with create_session_factory(engine)() as session:
                result = await send(session=session, settings=settings, as_of=day)
        finally:
            await engine.dispose()
        typer.echo(
            f"Sent {len(result.sent)}, already sent this cycle {len(result.already_sent)}, "
            f"no email address {len(result.no_email)}."
        )

    asyncio.run(run())


@cli.command()
def report(
    quarter: Annotated[
        str | None,
        typer.Argument(
            help="A financial-year quarter, such as 2023-24-Q2; default: the last closed."
        ),
    ] = None,
    plans: Annotated[
        list[str] | None,
        typer.Option(
            "--plan", help="A plan's id or key (repeat for more); default: every live plan."
        ),
    ] = None,
    format_: Annotated[str, typer.Option("--format", help="pdf, html, xlsx, csv or json.")] = "pdf",
    output_dir: Annotated[Path, typer.Option(help="Where to write the files.")] = Path("."),
) -> None:
    """Write the quarterly QA report of one or every plan, from the database, as files named
    by plan key and quarter (stockton-2023-quarterly-report-2023-24-Q2.pdf)."""
    from app.core.db.engine import create_engine, create_session_factory
    from app.models import utcnow
    from app.reports.files import UnknownPlan, plans_named, quarterly_file, write_file
    from app.reports.quarters import Quarter
    from app.reports.rendering import ReportFormat

    try:
        period = Quarter.parse(quarter) if quarter else Quarter.last_closed(utcnow().date())
        chosen = ReportFormat(format_)
    except ValueError as exc:
        formats = "|".join(f.value for f in ReportFormat)
        typer.echo(f"Nothing was written. {exc} (formats: {formats}).", err=True)
        raise typer.Exit(code=2) from exc

    async def run() -> list[tuple[str, bytes]]:
        engine = create_engine(get_settings())
        try:
            async with create_session_factory(engine)() as session:
                return [
                    await quarterly_file(session=session, plan=plan, quarter=period, chosen=chosen)
                    for plan in await plans_named(session, plans or [])
                ]
        finally:
            await engine.dispose()

    try:
        files = asyncio.run(run())
    except UnknownPlan as exc:
        typer.echo(f"Nothing was written: {exc}.", err=True)
        raise typer.Exit(code=1) from exc
    for name, body in files:
        typer.echo(f"wrote {write_file(output_dir, name, body)}")


@keys_cli.command("create")
def create_key(
    name: Annotated[str, typer.Option(help="Who or what will use the key.")],
    role: Annotated[Role, typer.Option(help="viewer, contributor, editor or admin.")] = Role.viewer,
    officer_id: Annotated[str | None, typer.Option(help="The officer the key acts for.")] = None,
    system: Annotated[
        str | None, typer.Option(help="The integrating system the key is for.")
    ] = None,
    expires_at: Annotated[
        datetime | None,
        typer.Option(
            help="When the key stops working (UTC).", formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]
        ),
    ] = None,
) -> None:
    """Create an API key and print it once."""
    from datetime import UTC

    if officer_id is not None and system is not None:
        raise typer.BadParameter("a key acts for an officer or for a system, not both")
    if system is not None and not 0 < len(system.strip()) <= 200:
        raise typer.BadParameter("--system takes 1 to 200 characters")

    from app.api_keys.service import create_api_key
    from app.core.db.engine import create_engine, create_session_factory

    async def run() -> str:
        engine = create_engine(get_settings())
        try:
            async with create_session_factory(engine)() as session:
                _, generated = await create_api_key(
                    session=session,
                    name=name,
                    role=role,
                    actor=None,
                    officer_id=officer_id,
                    system=system,
                    expires_at=expires_at.replace(tzinfo=UTC) if expires_at else None,
                )
                return generated.key
        finally:
            await engine.dispose()

    typer.echo(asyncio.run(run()))
