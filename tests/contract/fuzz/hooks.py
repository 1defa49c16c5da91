"""Schemathesis hooks for `st run` against a live service (tests/contract/test_schemathesis.py).

A list's `cursor` is only valid as the service issued it: it is signed, and any other value is
a 422 by design (docs/api.md, "Lists"). The contract can describe its shape but not its
signature, so a cursor drawn by the fuzzer is taken out of the requests it calls valid; the
requests it calls invalid keep theirs, and are refused.
"""

from __future__ import annotations

from typing import Any

import schemathesis


@schemathesis.hook
def before_call(context: Any, case: Any, **kwargs: Any) -> None:
    meta = case.meta
    positive = meta is None or meta.generation.mode.is_positive
    if positive and isinstance(case.query, dict):
        case.query.pop("cursor", None)
