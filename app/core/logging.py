"""Logging: plain text for people, or one JSON object a line with the request id."""

from __future__ import annotations

import logging
import logging.config
from datetime import UTC, datetime

import pythonjsonlogger.json

from app.core.config import Settings


def iso_time(record: logging.LogRecord) -> str:
    """When the record was made, in ISO 8601 with its zone (UTC), to the millisecond."""
    return datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")


class JsonFormatter(pythonjsonlogger.json.JsonFormatter):
    """One JSON object a line, its `time` in ISO 8601 with a zone."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802
        return iso_time(record)


class TextFormatter(logging.Formatter):
    """A line for people, its time in ISO 8601 with a zone."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802
        return iso_time(record)


def configure_logging(settings: Settings) -> None:
    formatter = (
        {
            "()": JsonFormatter,
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(correlation_id)s",
            "rename_fields": {
                "asctime": "time",
                "levelname": "level",
                "correlation_id": "request_id",
            },
            "timestamp": False,
        }
        if settings.log_format == "json"
        else {
            "()": TextFormatter,
            "fmt": "%(asctime)s %(levelname)-7s [%(correlation_id)s] %(name)s: %(message)s",
        }
    )
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "filters": {
                "correlation_id": {
                    "()": "asgi_correlation_id.CorrelationIdFilter",
                    "uuid_length": 32,
                    "default_value": "-",
                }
            },
            "formatters": {"default": formatter},
            "handlers": {
                "console": {
                    "class": "logging.StreamHandler",
                    "formatter": "default",
                    "filters": ["correlation_id"],
                }
            },
            "root": {"handlers": ["console"], "level": settings.log_level.upper()},
            "loggers": {
                "uvicorn": {"handlers": ["console"], "level": "INFO", "propagate": False},
                "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
                "uvicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
            },
        }
    )
