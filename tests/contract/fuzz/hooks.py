"""Schemathesis hooks for `st run` against a live service (tests/contract/test_schemathesis_cli.py).

A list's `cursor` and the change feed's `after` are only valid as the service issued them:
they are signed, and any other value is a 422 by design (docs/api.md, "Lists" and
"Changes"). The contract can describe their shape but not their signature, so one drawn by
the fuzzer is taken out of the requests it calls valid; the requests it calls invalid keep
theirs, and are refused.

An `Idempotency-Key` sent again with another body is a 422 by design (docs/api.md,
"Idempotency"), and the fuzzer draws few distinct keys: a request it calls valid gets a key
of its own, as a careful client's retry-safe request does.
"""

from __future__ import annotations

import uuid
from typing import Any

import schemathesis

SIGNED = ("cursor", "after")


@schemathesis.hook
def before_call(context: Any, case: Any, **kwargs: Any) -> None:
    meta = case.meta
    positive = meta is None or meta.generation.mode.is_positive
    if not positive:
        return
    if isinstance(case.query, dict):
        for name in SIGNED:
            case.query.pop(name, None)
    if isinstance(case.headers, dict) and "Idempotency-Key" in case.headers:
        case.headers["Idempotency-Key"] = uuid.uuid4().hex
