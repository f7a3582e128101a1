"""Fixtures for the exporter tests: the hand-made world of world.py in a temporary database file."""

from __future__ import annotations

import pytest

from orbat import store
from tests.export.world import build_export_world


@pytest.fixture
def world(tmp_path):
    conn = store.connect(str(tmp_path / "orbat.db"))
    build_export_world(conn)
    yield conn
    conn.close()


@pytest.fixture
def empty(tmp_path):
    conn = store.connect(str(tmp_path / "empty.db"))
    yield conn
    conn.close()
