"""The ASGI app: the route table registered twice (JSON at its API path, HTML at its page path), one error
handler, security headers, a bound on request bodies, static assets, OpenAPI and local Swagger UI."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from starlette.responses import HTMLResponse, JSONResponse, Response

from orbat.api.errors import install_error_handlers
from orbat.api.render import to_json
from orbat.api.routes import ROUTES, Route
from orbat.api.security import BodyLimit, SecurityHeaders
from orbat.settings import Settings
from orbat.web import STATIC_DIR, make_environment

__all__ = ["create_app"]


def create_app(settings: Settings, *, token: str | None = None) -> FastAPI:
    """The app over ``settings.db_path``; writes (reviews) are allowed only with ``token``."""
    app = FastAPI(title="orbat", version="0.1.0", docs_url=None, redoc_url=None, openapi_url="/openapi.json",
                  description="Sourced claims: who is where, with whom, since when — and who says so.")  # fmt: skip
    app.state.settings, app.state.token = settings, token or None
    env = make_environment()
    for route in ROUTES:
        app.add_api_route(route.api, _json_endpoint(route.handler), methods=[route.method],
                          name=f"api:{route.handler.__name__}", summary=_summary(route.handler))  # fmt: skip
        if route.page and route.template:
            app.add_api_route(route.page, _html_endpoint(route, env), methods=["GET"], include_in_schema=False,
                              name=f"page:{route.handler.__name__}", response_class=HTMLResponse)  # fmt: skip
    app.add_api_route("/docs", _template_page(env, "docs.html"), include_in_schema=False)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR), check_dir=False), name="static")
    install_error_handlers(app, functools.partial(_error_page, env))
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)
    return app


def _summary(handler: Callable[..., Any]) -> str:
    return (inspect.getdoc(handler) or handler.__name__).split("\n")[0]


def _signature(handler: Callable[..., Any], *, with_request: bool) -> inspect.Signature:
    sig = inspect.signature(handler, eval_str=True)
    params = [p for p in sig.parameters.values() if p.name != "request"]
    request = inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request)
    return sig.replace(parameters=[request, *params] if with_request else params)


def _json_endpoint(handler: Callable[..., Any]) -> Callable[..., Any]:
    wants_request = "request" in inspect.signature(handler).parameters

    @functools.wraps(handler)
    def endpoint(**kwargs: Any) -> Response:
        result = handler(**kwargs)
        return result if isinstance(result, Response) else JSONResponse(to_json(result))

    endpoint.__signature__ = _signature(handler, with_request=wants_request)  # type: ignore[attr-defined]
    return endpoint


def _html_endpoint(route: Route, env: jinja2.Environment) -> Callable[..., Any]:
    template = env.get_template(route.template or "")
    wants_request = "request" in inspect.signature(route.handler).parameters

    @functools.wraps(route.handler)
    def endpoint(request: Request, **kwargs: Any) -> Response:
        data = route.handler(request=request, **kwargs) if wants_request else route.handler(**kwargs)
        html = template.render(**_context(request, route.api), data=data)
        return HTMLResponse(html)

    endpoint.__signature__ = _signature(route.handler, with_request=True)  # type: ignore[attr-defined]
    return endpoint


def _context(request: Request, api_path: str) -> dict[str, Any]:
    """What every page knows: the request's path and parameters, its JSON twin, whether writes are on."""
    api_url = api_path.format(**request.path_params)
    query = str(request.url.query)
    return {"path": request.url.path, "params": dict(request.query_params), "json_url": api_url + (
        "?" + query if query else ""), "writable": bool(request.app.state.token)}  # fmt: skip


def _template_page(env: jinja2.Environment, name: str) -> Callable[..., Any]:
    def endpoint(request: Request) -> Response:
        return HTMLResponse(env.get_template(name).render(**_context(request, "/openapi.json"), data=None))

    return endpoint


def _error_page(env: jinja2.Environment, request: Request, status: int, code: str, message: str) -> Response:
    context = {"path": request.url.path, "params": {}, "json_url": None, "writable": False}
    html = env.get_template("error.html").render(**context, data=None, status=status, code=code, message=message)
    return HTMLResponse(html, status_code=status)
