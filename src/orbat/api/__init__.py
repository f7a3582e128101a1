"""HTTP API and web UI (``orbat serve``): JSON at ``/api/…``, an HTML twin for every page, OpenAPI at
``/openapi.json`` and Swagger UI from local assets at ``/docs``."""

from __future__ import annotations

import logging
import os

from orbat.api.app import create_app
from orbat.settings import Settings

__all__ = ["create_app", "serve", "LOCAL_HOSTS"]

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Serve until interrupted. Checks the database first; ``token`` (else ``ORBAT_TOKEN``) enables reviews.
    Reads need no token: bind another interface than the loopback only on a network you trust."""
    import uvicorn

    from orbat import store

    token = token or os.environ.get("ORBAT_TOKEN") or None
    if host not in LOCAL_HOSTS:
        logging.getLogger("orbat.api").warning("serving on %s: anyone who can reach it can read the database", host)
    store.connect(settings.db_path, readonly=True).close()  # fails early: missing file, unknown schema
    uvicorn.run(create_app(settings, token=token), host=host, port=port, log_level="info",
                server_header=False, proxy_headers=False)  # fmt: skip
