"""Request rate limits: per API key, and failed authentication per client address.

Counts are kept by the `limits` library in a moving window, in process memory by default or
in a shared store (`IPA_RATE_LIMIT_STORAGE_URI=redis://…`) so several workers count together.
Each application has its own limiter, on `app.state.rate_limiter`.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass

from fastapi import FastAPI
from limits import RateLimitItem, parse
from limits.aio.storage import Storage as AsyncStorage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.errors import StorageError
from limits.storage import storage_from_string

from app.core.config import Settings
from app.core.errors import AppError

logger = logging.getLogger("app.ratelimit")

KEY_SCOPE = "api-key"
FAILURE_SCOPE = "auth-failure"


class TooManyRequests(AppError):
    status_code, slug, title = 429, "too-many-requests", "Too Many Requests"


@dataclass(frozen=True)
class Usage:
    """Where a caller stands against a limit."""

    limit: int
    remaining: int
    reset_after: int
    """Whole seconds until the oldest request in the window stops counting."""

    def headers(self) -> dict[str, str]:
        return {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(self.reset_after),
        }


def _async_storage_uri(uri: str) -> str:
    """The async variant of a storage URI: `memory://` becomes `async+memory://`."""
    return uri if uri.startswith("async+") else f"async+{uri}"


class RateLimiter:
    """The limits of one application, counted in one storage."""

    def __init__(self, settings: Settings) -> None:
        self.per_key: RateLimitItem | None = (
            parse(settings.rate_limit) if settings.rate_limit else None
        )
        self.auth_failures: RateLimitItem | None = (
            parse(settings.auth_failure_rate_limit) if settings.auth_failure_rate_limit else None
        )
        storage = storage_from_string(
            _async_storage_uri(settings.rate_limit_storage_uri), wrap_exceptions=True
        )
        if not isinstance(storage, AsyncStorage):  # pragma: no cover - async+ schemes only
            raise TypeError(f"not an async rate limit storage: {type(storage).__name__}")
        self.storage = storage
        self.strategy = MovingWindowRateLimiter(self.storage)

    async def _usage(self, item: RateLimitItem, *identifiers: str) -> Usage:
        stats = await self.strategy.get_window_stats(item, *identifiers)
        return Usage(
            limit=item.amount,
            remaining=max(stats.remaining, 0),
            reset_after=max(math.ceil(stats.reset_time - time.time()), 0),
        )

    async def _refuse(self, item: RateLimitItem, detail: str, *identifiers: str) -> TooManyRequests:
        usage = await self._usage(item, *identifiers)
        stats = await self.strategy.get_window_stats(item, *identifiers)
        # The oldest request stops counting only once the window has passed it, so wait a
        # whole second beyond: a caller that waits exactly Retry-After seconds gets through.
        retry_after = max(math.floor(stats.reset_time - time.time()) + 1, 1)
        headers = {**usage.headers(), "RateLimit-Remaining": "0", "Retry-After": str(retry_after)}
        error = TooManyRequests(f"{detail} Retry after {retry_after} seconds.")
        error.headers.update(headers)
        return error

    async def hit_key(self, key_id: str) -> Usage | None:
        """Count one request by this key: its usage, or TooManyRequests over the limit."""
        if self.per_key is None:
            return None
        try:
            if not await self.strategy.hit(self.per_key, KEY_SCOPE, key_id):
                raise await self._refuse(
                    self.per_key,
                    f"You may make {self.per_key.amount} requests per {_window(self.per_key)}.",
                    KEY_SCOPE,
                    key_id,
                )
            return await self._usage(self.per_key, KEY_SCOPE, key_id)
        except StorageError as exc:
            _storage_unavailable(exc)
            return None

    async def check_address(self, address: str) -> None:
        """Refuse, before any key is checked, an address that failed too often lately."""
        if self.auth_failures is None:
            return
        try:
            if not await self.strategy.test(self.auth_failures, FAILURE_SCOPE, address):
                raise await self._refuse(
                    self.auth_failures,
                    "Too many requests from your address presented a key that is not valid.",
                    FAILURE_SCOPE,
                    address,
                )
        except StorageError as exc:
            _storage_unavailable(exc)

    async def record_failure(self, address: str) -> None:
        """Count a key from this address that matched no key."""
        if self.auth_failures is None:
            return
        try:
            await self.strategy.hit(self.auth_failures, FAILURE_SCOPE, address)
        except StorageError as exc:
            _storage_unavailable(exc)

    async def reset(self) -> None:
        """Forget every count (the memory storage; shared stores may not support it)."""
        await self.storage.reset()


def _window(item: RateLimitItem) -> str:
    granularity = item.GRANULARITY.name
    return granularity if item.multiples == 1 else f"{item.multiples} {granularity}s"


def _storage_unavailable(exc: StorageError) -> None:
    # Limits protect the service; an unreachable counter store must not take it down.
    logger.warning("rate limit storage unavailable, request not limited: %s", exc.storage_error)


def rate_limiter(app: FastAPI) -> RateLimiter:
    """The application's limiter, made on first use from its settings."""
    limiter: RateLimiter | None = getattr(app.state, "rate_limiter", None)
    if limiter is None:
        limiter = RateLimiter(app.state.settings)
        app.state.rate_limiter = limiter
    return limiter
