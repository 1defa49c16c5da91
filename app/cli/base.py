"""The `improvement-plan` command's groups, and what its commands share."""

from __future__ import annotations

import logging

import typer

from app.core.config import Settings

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


def tell(settings: Settings, message: str) -> None:
    """Tell whoever started the command: a log record when logs are JSON, so that a
    container's log stream stays one JSON object a line; plain text for a terminal."""
    if settings.log_format == "json":
        logger.info(message)
    else:
        typer.echo(message)


def safe_url(settings: Settings) -> str:
    from sqlalchemy.engine import make_url

    return make_url(settings.database_url).render_as_string(hide_password=True)
