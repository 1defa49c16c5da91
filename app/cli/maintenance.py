"""Looking after the database and the contract: `backup`, `restore`, `purge-idempotency`,
`openapi`."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated

import typer
import yaml

from app.cli.base import cli, safe_url
from app.core.config import get_settings


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
    typer.echo(f"Backed up {safe_url(settings)} to {target}")


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
        f"Restored {safe_url(settings)} from {source}. Run `improvement-plan migrate` if the "
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
