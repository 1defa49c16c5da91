"""A Python client for the Improvement Plan API.

`improvement_plan_client.generated` is generated from the contract (openapi/openapi.json) by
openapi-python-client: one module per operation, one class per schema. `Api` adds what every
script needs over it: paging, ETags for `If-Match`, idempotency keys, retries and problems.
"""

from improvement_plan_client.api import Api, FieldError, PageLike, ProblemError

__all__ = ["Api", "FieldError", "PageLike", "ProblemError"]
