"""The web UI: server-rendered Jinja2 pages (autoescaped), our own small JS and CSS, vendored libraries
built from npm into ``static/vendor`` (see ``web/`` at the repository root)."""

from orbat.web.pages import STATIC_DIR, TEMPLATES_DIR, make_environment

__all__ = ["STATIC_DIR", "TEMPLATES_DIR", "make_environment"]
