"""Checks every `/api/v1` request passes once its key is accepted (or, for the few routes
that ask for none, at once): the body's media type
(415) and the query's parameter names (422 for one the route does not take). Both are read
from the route FastAPI matched, so a route declares what it takes once, in its signature,
and these follow it.

Each check depends on `authenticate`, which FastAPI solves once a request whoever asks
for it, so a request without a valid key is a 401 whatever else is wrong with it, as it is
for the route's own parameters."""

from __future__ import annotations

from email.message import Message
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.dependencies.models import Dependant
from fastapi.dependencies.utils import get_validation_alias
from fastapi.routing import APIRoute
from pydantic import BaseModel

from app.core.auth.keys import Principal, authenticate
from app.core.errors import FieldError, RulesBroken, UnsupportedMediaType

JSON_MEDIA_TYPE = "application/json"
_QUERY_NAMES = "_ipa_query_names"


def is_json(content_type: str) -> bool:
    """`application/json` or an `application/…+json` type, with any parameters: the types
    FastAPI reads a body as JSON for."""
    message = Message()
    message["content-type"] = content_type
    subtype = message.get_content_subtype()
    return message.get_content_maintype() == "application" and (
        subtype == "json" or subtype.endswith("+json")
    )


Authenticated = Annotated[Principal, Depends(authenticate)]


async def refuse_unsupported_media_type(request: Request, _caller: Authenticated) -> None:
    """415 for a body sent as another media type than the route's (or with no
    `Content-Type`): JSON for most, `multipart/form-data` for an upload. FastAPI reads only
    a JSON `Content-Type` as JSON, and would otherwise answer that the body is not an
    object."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or route.body_field is None:
        return
    wanted = getattr(route.body_field.field_info, "media_type", JSON_MEDIA_TYPE)
    content_type = request.headers.get("content-type")
    if content_type is not None and _is_media_type(content_type, wanted):
        return
    # Read already, before the route's dependencies: this is the body FastAPI kept.
    if content_type is None and not await request.body():
        return
    accept = {"POST": "Accept-Post", "PATCH": "Accept-Patch"}.get(request.method)
    raise UnsupportedMediaType(
        f"The body must be sent as {wanted} (Content-Type: {wanted}), "
        f"not {content_type or 'without a Content-Type'}.",
        headers={accept: wanted} if accept else None,
    )


def _is_media_type(content_type: str, wanted: str) -> bool:
    if wanted == JSON_MEDIA_TYPE:
        return is_json(content_type)
    message = Message()
    message["content-type"] = content_type
    return message.get_content_type() == wanted


def _model_names(model: type[BaseModel]) -> set[str]:
    names = set()
    for name, info in model.model_fields.items():
        alias = info.validation_alias if isinstance(info.validation_alias, str) else info.alias
        names.add(alias or name)
    return names


def query_names(dependant: Dependant) -> frozenset[str]:
    """Every query parameter the dependant and its dependencies declare, by the name a client
    sends; a Pydantic model taken as the query (`Annotated[Filters, Query()]`) by its fields."""
    names: set[str] = set()
    pending = [dependant]
    while pending:
        current = pending.pop()
        for field in current.query_params:
            annotation: Any = field.field_info.annotation
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                names |= _model_names(annotation)
            else:
                names.add(get_validation_alias(field))
        pending.extend(current.dependencies)
    return frozenset(names)


def _route_query_names(route: APIRoute) -> frozenset[str]:
    # Kept on the route: its dependencies are fixed once the app is built.
    names: frozenset[str] | None = route.__dict__.get(_QUERY_NAMES)
    if names is None:
        names = query_names(route.dependant)
        setattr(route, _QUERY_NAMES, names)
    return names


async def refuse_unknown_query(request: Request, _caller: Authenticated) -> None:
    """422 naming each query parameter the route does not take, so a misspelt filter
    (`rag_status=red`) is not silently ignored."""
    await refuse_unknown_query_without_key(request)


async def refuse_unknown_query_without_key(request: Request) -> None:
    """`refuse_unknown_query`, for the few routes that ask for no key."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not request.scope.get("query_string"):
        return
    known = _route_query_names(route)
    unknown = [name for name in dict.fromkeys(request.query_params) if name not in known]
    if not unknown:
        return
    takes = ", ".join(sorted(known)) or "none"
    message = f"unknown query parameter; this operation takes: {takes}"
    raise RulesBroken(
        f"Unknown query parameter(s): {', '.join(unknown)}. This operation takes: {takes}.",
        errors=[
            FieldError(field=f"query.{name}", message=message, type="unknown_parameter")
            for name in unknown
        ],
    )
