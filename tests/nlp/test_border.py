"""Distance to the Iraq–Syria border, from the Natural Earth boundary installed with orbat."""

from __future__ import annotations

import pytest

from orbat.nlp.border import Border, distance_to_border_km, haversine_km, load_border


@pytest.fixture(scope="module")
def border() -> Border:
    return load_border("IRQ", "SYR")


def test_border_runs_from_the_jordan_tripoint_to_the_tigris(border: Border) -> None:
    points = [p for line in border.lines for p in line]
    assert min(lat for lat, _ in points) == pytest.approx(33.37, abs=0.05)
    assert max(lat for lat, _ in points) == pytest.approx(37.11, abs=0.05)


def test_al_qaim_is_on_the_border(border: Border) -> None:
    assert distance_to_border_km(34.3925, 40.9895, border=border) < 5  # GeoNames 92138


def test_baghdad_is_hundreds_of_kilometres_away(border: Border) -> None:
    assert 330 <= distance_to_border_km(33.3406, 44.4009, border=border) <= 400


def test_tower_22_is_near_the_tripoint(border: Border) -> None:
    assert distance_to_border_km(33.32, 38.76, border=border) < 30


def test_haversine_one_degree_of_latitude() -> None:
    assert haversine_km(0, 0, 1, 0) == pytest.approx(111.19, abs=0.1)
