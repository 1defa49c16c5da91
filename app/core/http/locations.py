"""A resource's URL by its route's name, as `request.url_for` gives it, without searching
the route table on every request: `url_for` tried each route in turn, which cost a write
more than some of its statements."""

from __future__ import annotations

from starlette.datastructures import URLPath
from starlette.requests import Request
from starlette.routing import Router

# Stands in for the parameter's value in a route's path, found once per route.
_MARK = "\x00"
# Each router's paths found so far, kept on the router (FastAPI's cannot be hashed).
_PATHS = "_ipa_location_paths"


def _path_of(router: Router, name: str, parameter: str) -> URLPath:
    paths: dict[tuple[str, str], URLPath] | None = getattr(router, _PATHS, None)
    if paths is None:
        paths = {}
        setattr(router, _PATHS, paths)
    path = paths.get((name, parameter))
    if path is None:
        path = paths[name, parameter] = router.url_path_for(name, **{parameter: _MARK})
    return path


def url_for(request: Request, name: str, parameter: str, value: str) -> str:
    """The absolute URL of route `name` with its one path parameter set to `value`."""
    if not value or "/" in value:
        # Starlette refuses these; let it say so.
        return str(request.url_for(name, **{parameter: value}))
    path = _path_of(request.scope["router"], name, parameter)
    located = URLPath(path.replace(_MARK, value), protocol=path.protocol, host=path.host)
    return str(located.make_absolute_url(base_url=request.base_url))
