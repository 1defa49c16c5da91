"""Running the service: `migrate`, `serve` (with the first admin key and the seed plan on an
empty database) and `worker`."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from app.cli.base import cli, logger, safe_url, tell
from app.core.config import Settings, get_settings
from app.models import Role

# Where production writes the first admin key unless IPA_ADMIN_KEY_FILE says otherwise:
# beside the default SQLite database, /srv/var in the image.
PRODUCTION_ADMIN_KEY_FILE = Path("var/first-admin-key")


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
    tell(settings, f"Database at {revision}: {safe_url(settings)}")


# Long only by its options' declarations; what it does is a few steps.
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
        _make_first_admin_key(settings, host, port)
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
                tell(settings, f"Worker {running.name} started.")
                await run(running, stop)
        finally:
            await engine.dispose()
            await write_engine.dispose()

    asyncio.run(main())


def _make_first_admin_key(settings: Settings, host: str, port: int) -> None:
    """The first admin key when none exists: on the terminal in development, else in a file."""
    key_file = _admin_key_file(settings)
    if key_file is not None:
        _first_admin_key_to_file(settings, key_file)
        return
    key = asyncio.run(_first_admin_key(settings))
    if key is not None:
        typer.echo(
            "\nNo API key existed, so an admin key was created. It is shown only now:\n\n"
            f"    {key}\n\n"
            "Use it as a bearer token, for example:\n"
            f"    curl -H 'Authorization: Bearer {key}' http://{host}:{port}/api/v1/me\n"
            f"API docs: http://{host}:{port}/docs\n"
        )


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
            tell(settings, f"Loaded the seed plan '{result.key}' ({result.plan_id}).")
    finally:
        await engine.dispose()
