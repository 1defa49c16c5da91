"""The `improvement-plan` command."""

from __future__ import annotations

import asyncio
import json
import logging
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
import yaml

from app.core.config import Settings, get_settings
from app.models import Role

cli = typer.Typer(
    help="Improvement Plan API: run the service and look after its database.",
    no_args_is_help=True,
    add_completion=False,
)
keys_cli = typer.Typer(help="Manage API keys.", no_args_is_help=True)
cli.add_typer(keys_cli, name="keys")
reminders_cli = typer.Typer(
    help="Remind lead officers of the updates they owe.", no_args_is_help=True
)
cli.add_typer(reminders_cli, name="reminders")
logger = logging.getLogger("app.cli")


@cli.callback()
def _start() -> None:
    """Every command that writes records its changes in the change feed."""
    from app.events import outbox

    outbox.install()


# Where production writes the first admin key unless IPA_ADMIN_KEY_FILE says otherwise:
# beside the default SQLite database, /srv/var in the image.
PRODUCTION_ADMIN_KEY_FILE = Path("var/first-admin-key")


def _report(settings: Settings, message: str) -> None:
    """Tell whoever started the command: a log record when logs are JSON, so that a
    container's log stream stays one JSON object a line; plain text for a terminal."""
    if settings.log_format == "json":
        logger.info(message)
    else:
        typer.echo(message)


@cli.command()
def migrate(
    revision: Annotated[str, typer.Option(help="The revision to upgrade to.")] = "head",
) -> None:
    """Apply pending database migrations, and nothing else."""
    from app.core.db.migrations import upgrade
    from app.core.logging import configure_logging

    settings = get_settings()
    configure_logging(settings)
    upgrade(settings.database_url, revision)
    _report(settings, f"Database at {revision}: {_safe_url(settings)}")


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    migrate_first: Annotated[
        bool, typer.Option("--migrate/--no-migrate", help="Apply pending migrations first.")
    ] = True,
    run_worker: Annotated[
        bool | None,
        typer.Option(
            "--worker/--no-worker",
            help="Run the background worker (webhook deliveries) in the web process. "
            "Default: IPA_RUN_WORKER, else on for SQLite.",
            show_default=False,
        ),
    ] = None,
    load_seed: Annotated[
        bool | None,
        typer.Option(
            "--seed/--no-seed",
            help="Load the Stockton plan when the database has no plan. "
            "Default: IPA_SEED, else only outside production.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Run the service: migrate, load the Stockton plan into an empty database (outside
    production unless told to), make the first admin key if none exists, serve."""
    import uvicorn

    from app.core.db.migrations import upgrade
    from app.core.http.metrics_server import multiprocess_metrics, serve_metrics
    from app.core.logging import configure_logging

    settings = get_settings()
    configure_logging(settings)
    if run_worker is None:
        run_worker = settings.run_worker or settings.is_sqlite
    # The app is built by uvicorn from the environment: the choice travels in it.
    os.environ["IPA_RUN_WORKER"] = "true" if run_worker else "false"
    get_settings.cache_clear()
    if migrate_first:
        upgrade(settings.database_url)
    if should_seed(settings, load_seed):
        asyncio.run(_seed_empty_database(settings))
    if settings.create_admin_key_on_start:
        key_file = _admin_key_file(settings)
        if key_file is None:
            key = asyncio.run(_first_admin_key(settings))
            if key is not None:
                typer.echo(
                    "\nNo API key existed, so an admin key was created. It is shown only now:\n\n"
                    f"    {key}\n\n"
                    "Use it as a bearer token, for example:\n"
                    f"    curl -H 'Authorization: Bearer {key}' http://{host}:{port}/api/v1/me\n"
                    f"API docs: http://{host}:{port}/docs\n"
                )
        else:
            _first_admin_key_to_file(settings, key_file)
    with multiprocess_metrics(workers) as metrics_folder:
        if settings.metrics_port is not None:
            try:
                serve_metrics(settings.metrics_host, settings.metrics_port, metrics_folder)
            except OSError as exc:
                typer.echo(
                    f"Cannot serve /metrics on {settings.metrics_host}:{settings.metrics_port}"
                    f" ({exc.strerror or exc}); set IPA_METRICS_HOST and IPA_METRICS_PORT.",
                    err=True,
                )
                raise typer.Exit(code=1) from exc
        uvicorn.run(
            "app.main:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_config=None,
            proxy_headers=True,
            server_header=False,
        )


@cli.command()
def worker() -> None:
    """Run the background worker until stopped: webhook deliveries and other periodic
    jobs. Run as many as you like, beside `serve --no-worker`."""
    import signal

    from app.core.db.engine import create_engine, create_session_factory
    from app.core.logging import configure_logging
    from app.worker import run, worker_for

    settings = get_settings()
    configure_logging(settings)

    async def main() -> None:
        engine = create_engine(settings)
        write_engine = create_engine(settings, for_writes=True) if settings.is_sqlite else engine
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        try:
            async with worker_for(
                settings, create_session_factory(engine), create_session_factory(write_engine)
            ) as running:
                _report(settings, f"Worker {running.name} started.")
                await run(running, stop)
        finally:
            await engine.dispose()
            await write_engine.dispose()

    asyncio.run(main())


def should_seed(settings: Settings, flag: bool | None) -> bool:
    """`--seed`/`--no-seed`, else IPA_SEED, else everywhere but production."""
    if flag is not None:
        return flag
    if settings.seed is not None:
        return settings.seed
    return settings.environment != "production"


def _admin_key_file(settings: Settings) -> Path | None:
    """Where the first admin key goes; None to show it on the terminal (development)."""
    if settings.admin_key_file is not None:
        return settings.admin_key_file
    return PRODUCTION_ADMIN_KEY_FILE if settings.environment == "production" else None


def _first_admin_key_to_file(settings: Settings, path: Path) -> None:
    """Create the first admin key into a file only its owner can read (0600), never into
    the log. The file is made before the key, so a key nobody can read is never created."""
    partial = path.with_name(path.name + ".part")

    def make_file() -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))

    try:
        key = asyncio.run(_first_admin_key(settings, before_creating=make_file))
        if key is None:
            return
        partial.write_text(key + "\n")  # the file exists, so its mode stays 0600
        partial.replace(path)
    except OSError as exc:
        logger.error(
            "Cannot write the first admin key to %s (%s). Set IPA_ADMIN_KEY_FILE to a "
            "writable path, or make a key with `improvement-plan keys create --role admin`.",
            path.absolute(),
            exc.strerror or exc,
            extra={"admin_key_file": str(path.absolute())},
        )
        raise typer.Exit(code=1) from exc
    logger.info(
        "No API key existed, so an admin key was created and written to %s, readable by its "
        "owner only. Read it, keep it somewhere safe and delete the file.",
        path.absolute(),
        extra={"admin_key_file": str(path.absolute())},
    )


async def _first_admin_key(
    settings: Settings, before_creating: Callable[[], None] | None = None
) -> str | None:
    """An admin key when no key exists yet; None otherwise."""
    from app.api_keys.service import any_key_exists, create_api_key
    from app.core.db.engine import create_engine, create_session_factory

    engine = create_engine(settings)
    try:
        async with create_session_factory(engine)() as session:
            if await any_key_exists(session=session):
                return None
            if before_creating is not None:
                before_creating()
            _, generated = await create_api_key(
                session=session, name="First admin key", role=Role.admin, actor=None
            )
            return generated.key
    finally:
        await engine.dispose()


async def _seed_empty_database(settings: Settings) -> None:
    from app.core.db.engine import create_engine, create_session_factory
    from app.seeding.loader import any_plan_exists, default_seed_path, load_seed, read_seed_file

    engine = create_engine(settings)
    try:
        async with create_session_factory(engine)() as session:
            if await any_plan_exists(session):
                return
            result = await load_seed(session, read_seed_file(default_seed_path()))
            _report(settings, f"Loaded the seed plan '{result.key}' ({result.plan_id}).")
    finally:
        await engine.dispose()


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


@cli.command()
def backup(
    target: Annotated[Path, typer.Argument(help="The backup file to write; it must not exist.")],
) -> None:
    """Back up the database while the service runs: SQLite by its online backup API,
    PostgreSQL by pg_dump's custom format."""
    from app.core.db.backup import BackupError
    from app.core.db.backup import backup as write_backup

    settings = get_settings()
    try:
        write_backup(settings, target)
    except BackupError as exc:
        typer.echo(f"No backup was made: {exc}", err=True)
        raise typer.Exit(code=1) from exc
    typer.echo(f"Backed up {_safe_url(settings)} to {target}")


@cli.command()
def restore(
    source: Annotated[Path, typer.Argument(help="A file `improvement-plan backup` wrote.")],
    replace: Annotated[
        bool, typer.Option("--replace", help="Write over a database that holds data.")
    ] = False,
) -> None:
    """Put the database back as a backup holds it. Stop the service first. A database that
    holds data is refused unless --replace is given."""
    from app.core.db.backup import BackupError
    from app.core.db.backup import restore as read_backup

    settings = get_settings()
    try:
        read_backup(settings, source, replace=replace)
    except BackupError as exc:
        typer.echo(f"Nothing was restored: {exc}", err=True)
        raise typer.Exit(code=1) from exc
    typer.echo(
        f"Restored {_safe_url(settings)} from {source}. Run `improvement-plan migrate` if the "
        "backup came from an older release."
    )


@cli.command("purge-idempotency")
def purge_idempotency(
    older_than_hours: Annotated[
        int | None,
        typer.Option(min=1, help="Default: IPA_IDEMPOTENCY_RETENTION_HOURS.", show_default=False),
    ] = None,
) -> None:
    """Delete stored Idempotency-Key responses older than the retention period; a retry
    after that is a new request. `serve` does this every hour as well."""
    from app.core.db.engine import create_engine, create_session_factory
    from app.core.http.idempotency import purge_idempotency_records

    settings = get_settings()
    hours = older_than_hours or settings.idempotency_retention_hours

    async def run() -> int:
        engine = create_engine(settings, for_writes=True)
        try:
            async with create_session_factory(engine)() as session:
                return await purge_idempotency_records(session, older_than_hours=hours)
        finally:
            await engine.dispose()

    purged = asyncio.run(run())
    typer.echo(f"Purged {purged} idempotency records older than {hours} hours.")


@cli.command()
def openapi(
    output_dir: Annotated[Path, typer.Option(help="Where to write openapi.json and .yaml.")] = Path(
        "openapi"
    ),
) -> None:
    """Write the OpenAPI document the code defines to openapi/openapi.json and .yaml, and the
    plan import format's JSON Schema to openapi/plan-import.schema.json."""
    from app.main import create_app

    document = create_app().openapi()
    output_dir.mkdir(parents=True, exist_ok=True)
    (output_dir / "openapi.json").write_text(
        json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    )
    (output_dir / "openapi.yaml").write_text(
        yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
    )
    from app.plan_imports.service import import_format_schema

    (output_dir / "plan-import.schema.json").write_text(
        json.dumps(import_format_schema(), indent=2, ensure_ascii=False) + "\n"
    )
    typer.echo(
        f"Wrote {output_dir}/openapi.json, {output_dir}/openapi.yaml and "
        f"{output_dir}/plan-import.schema.json"
    )


def _safe_url(settings: Settings) -> str:
    from sqlalchemy.engine import make_url

    return make_url(settings.database_url).render_as_string(hide_password=True)


def main() -> None:
    # Settings are read before any command, so that a wrong one stops every command with a
    # line naming it rather than a traceback.
    from pydantic import ValidationError

    from app.core.config import settings_problems
    from app.models import clock

    try:
        settings = get_settings()
    except ValidationError as exc:
        for line in settings_problems(exc):
            typer.echo(f"improvement-plan: {line}", err=True)
        raise SystemExit(2) from None
    clock.set_time_zone(settings.timezone)
    cli()


if __name__ == "__main__":
    main()
