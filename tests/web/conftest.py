"""Browser tests: the real server on 127.0.0.1 and a free port, driven by Playwright in Debian's Chromium.

They need ``/usr/bin/chromium`` (``apt-get install chromium``) and the vendored assets
(``cd web && npm ci --ignore-scripts && npm run build``); without them they fail with that message.
Every page a test opens records its requests: any that leaves localhost fails the test.
"""

from __future__ import annotations

import importlib.util
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from orbat.settings import Settings
from orbat.web import STATIC_DIR

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
TOKEN = "browser-token-51c2"
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives Debian's Chromium through Playwright (needs the built assets)")


def _world_builder():
    path = Path(__file__).resolve().parents[1] / "api" / "conftest.py"
    spec = importlib.util.spec_from_file_location("orbat_api_test_world", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.build_world


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def base_url(tmp_path_factory) -> Iterator[str]:
    import uvicorn

    from orbat.api import create_app

    missing = [p for p in ("leaflet/leaflet.js", "cytoscape/cytoscape.min.js", "world-atlas/countries-10m.json")
               if not (STATIC_DIR / "vendor" / p).exists()]  # fmt: skip
    assert not missing, f"vendored assets missing ({missing}); run: cd web && npm ci --ignore-scripts && npm run build"
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} missing; install Debian's chromium: apt-get install -y chromium"
    folder = tmp_path_factory.mktemp("browser-world")
    _world_builder()(str(folder / "orbat.db"), folder)
    port = _free_port()
    app = create_app(Settings(db_path=str(folder / "orbat.db")), token=TOKEN)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True, name="orbat-test-server")
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the test server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def token() -> str:
    return TOKEN


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Watch:
    """What a page did that a test may need to assert on."""

    outside: list[str] = field(default_factory=list)  # requests that left localhost
    dialogs: list[str] = field(default_factory=list)  # alert/confirm/prompt that fired
    csp: list[str] = field(default_factory=list)  # Content-Security-Policy violations
    errors: list[str] = field(default_factory=list)  # uncaught page errors


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def page(browser, base_url, watch):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, base_url=base_url)
    pg = context.new_page()
    pg.on("request", lambda r: r.url.startswith((base_url + "/", "data:")) or watch.outside.append(r.url))
    pg.on("dialog", lambda d: (watch.dialogs.append(d.message), d.dismiss()))
    pg.on("console", lambda m: "Content Security Policy" in m.text and watch.csp.append(m.text))
    pg.on("pageerror", lambda e: watch.errors.append(str(e)))
    yield pg
    context.close()
    assert not watch.outside, f"requests left localhost: {watch.outside}"
    assert not watch.csp, f"CSP violations: {watch.csp}"
    assert not watch.errors, f"page errors: {watch.errors}"


@pytest.fixture
def shot(page):
    """shot(name): a screenshot in build/screenshots/ for people to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    return lambda name: page.screenshot(path=str(SHOTS / f"{name}.png"))
