"""What every council script needs over the generated client: paging, the ETag of the last read
kept for `If-Match`, an `Idempotency-Key` per write (the same one on each retry), retries on 429
and 503 that wait as `Retry-After` says, and problem details raised as `ProblemError`."""

from __future__ import annotations

import inspect
import json
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any, Protocol, TypeVar

from improvement_plan_client.generated.client import AuthenticatedClient
from improvement_plan_client.generated.types import Response, Unset

T = TypeVar("T")
I_co = TypeVar("I_co", covariant=True)

RETRIED = frozenset({HTTPStatus.TOO_MANY_REQUESTS, HTTPStatus.SERVICE_UNAVAILABLE})


class PageLike(Protocol[I_co]):
    """A page of any list: its rows and the cursor of the next page."""

    @property
    def items(self) -> Sequence[I_co]: ...

    @property
    def next_cursor(self) -> str | Unset | None: ...


@dataclass(frozen=True)
class FieldError:
    """One thing wrong with a request: `body.title`, `query.limit`, `header.If-Match`."""

    field: str
    message: str
    type: str


@dataclass
class ProblemError(Exception):
    """An answer of 4xx or 5xx, with its RFC 9457 problem details."""

    status: int
    type: str
    title: str
    detail: str
    errors: list[FieldError] = field(default_factory=list)
    body: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.status} {self.title}: {self.detail}"

    @classmethod
    def from_response(cls, response: Response[Any]) -> ProblemError:
        try:
            body = json.loads(response.content)
        except ValueError:
            body = {}
        if not isinstance(body, dict):
            body = {}
        return cls(
            status=int(response.status_code),
            type=str(body.get("type", "about:blank")),
            title=str(body.get("title", HTTPStatus(response.status_code).phrase)),
            detail=str(body.get("detail", "")),
            errors=[
                FieldError(str(e.get("field")), str(e.get("message")), str(e.get("type")))
                for e in body.get("errors") or []
            ],
            body=body,
        )


def retry_after(headers: Any, default: float = 1.0) -> float:
    """Seconds `Retry-After` asks for (the service sends a number of seconds)."""
    value = headers.get("retry-after")
    try:
        return max(float(value), 0.0)
    except (TypeError, ValueError):
        return default


class Api:
    """The generated client with the rules every caller needs.

    `call(operation.sync_detailed, Model, ...)` returns the parsed body, checked to be a
    `Model`, and raises `ProblemError` for a problem. Writes that take an `Idempotency-Key`
    get a new one, kept across the retries of that write; updates and archives get the ETag
    of the last read of the same resource as `If-Match` unless one is given.
    """

    def __init__(
        self,
        base_url: str,
        key: str,
        *,
        retries: int = 3,
        longest_wait: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.client = AuthenticatedClient(base_url=base_url.rstrip("/"), token=key)
        self.retries = retries
        self.longest_wait = longest_wait
        self.sleep = sleep
        self.etags: dict[str, str] = {}
        self.retried = 0

    def send(self, operation: Callable[..., Response[Any]], **arguments: Any) -> Response[Any]:
        """Call a generated `sync_detailed`, retrying on 429 and 503; raise on a problem."""
        accepts = inspect.signature(operation).parameters
        if "idempotency_key" in accepts and "idempotency_key" not in arguments:
            arguments["idempotency_key"] = str(uuid.uuid4())
        if "if_match" in accepts and "if_match" not in arguments:
            resource = next((str(v) for k, v in arguments.items() if k.endswith("_id")), None)
            if resource in self.etags:
                arguments["if_match"] = self.etags[resource]
        attempt = 0
        while True:
            response = operation(client=self.client, **arguments)
            if response.status_code not in RETRIED or attempt >= self.retries:
                break
            attempt += 1
            self.retried += 1
            self.sleep(min(retry_after(response.headers), self.longest_wait))
        if response.status_code >= 400:
            raise ProblemError.from_response(response)
        self._keep_etag(response)
        return response

    def call(
        self, operation: Callable[..., Response[Any]], expected: type[T], **arguments: Any
    ) -> T:
        """The parsed body of a successful call, which must be an `expected`."""
        parsed = self.send(operation, **arguments).parsed
        if not isinstance(parsed, expected):
            raise TypeError(f"expected {expected.__name__}, got {type(parsed).__name__}")
        return parsed

    def pages(
        self,
        operation: Callable[..., Response[Any]],
        page: type[PageLike[T]],
        **arguments: Any,
    ) -> Iterator[T]:
        """Every row of a list, page after page, following `next_cursor`."""
        cursor: str | None = None
        while True:
            if cursor is not None:
                arguments["cursor"] = cursor
            current = self.call(operation, page, **arguments)
            yield from current.items
            following = current.next_cursor
            if not isinstance(following, str):
                return
            cursor = following

    def _keep_etag(self, response: Response[Any]) -> None:
        etag = response.headers.get("etag")
        resource = getattr(response.parsed, "id", None)
        if etag and isinstance(resource, str):
            self.etags[resource] = etag
