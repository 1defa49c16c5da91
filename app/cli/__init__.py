"""The `improvement-plan` command: `base` holds its groups; `serving`, `data` and
`maintenance` add their commands to them when imported here."""

from __future__ import annotations

import typer

# Commands are listed in the order they are added: serving, then data, then maintenance.
from app.cli import serving  # isort: split

from app.cli import data  # isort: split

from app.cli import maintenance
from app.cli.base import cli
from app.cli.serving import should_seed
from app.core.config import get_settings

__all__ = ["cli", "data", "main", "maintenance", "serving", "should_seed"]


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
