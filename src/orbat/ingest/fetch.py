"""The only module that touches the network. Fetchers are injected, so tests pass a fake."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Protocol

from orbat.errors import FetchError
from orbat.model import utc_now_iso

__all__ = ["Fetched", "Fetcher", "HttpFetcher", "OfflineFetcher"]

USER_AGENT = "orbat/0.1 (+conflict-reporting research; one request per URL asked for)"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int
    content_type: str
    body: bytes
    retrieved: str


class Fetcher(Protocol):
    def fetch(self, url: str) -> Fetched: ...


@dataclass(frozen=True, slots=True)
class HttpFetcher:
    timeout_s: float = 20.0
    max_bytes: int = 10 * 1024 * 1024

    def fetch(self, url: str) -> Fetched:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:  # noqa: S310 (http/https only)
                body = response.read(self.max_bytes + 1)
                if len(body) > self.max_bytes:
                    raise FetchError(f"{url}: response larger than {self.max_bytes} bytes (fetch_max_bytes)")
                return Fetched(
                    url, response.geturl(), response.status, response.headers.get("Content-Type", ""), body, utc_now_iso()
                )
        except urllib.error.HTTPError as exc:
            raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise FetchError(f"{url}: cannot fetch ({reason})") from exc


@dataclass(frozen=True, slots=True)
class OfflineFetcher:
    """Refuses every request: what runs get when they did not ask for the network."""

    def fetch(self, url: str) -> Fetched:
        raise FetchError(f"{url}: network access is off; pass the URL to `orbat ingest` to fetch it")
