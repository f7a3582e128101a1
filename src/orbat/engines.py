"""Where the per-document work runs: this process, a pool of local processes, or a Ray cluster.

Every engine maps batch jobs to results **in input order** with a bounded number of batches in
flight, so memory stays flat however large the corpus, and the single writer stores results in
the same order whichever engine computed them: the database comes out identical.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol, TypeVar

from orbat.errors import ConfigError
from orbat.settings import Settings
from orbat.work import AnalyserFactory, BatchJob, BatchResult, Worker, run_in_worker, warm_worker

__all__ = ["Engine", "LocalEngine", "ProcessEngine", "RayEngine", "make_engine"]

M = TypeVar("M")


class Engine(Protocol):
    def map(self, jobs: Iterator[tuple[M, BatchJob]]) -> Iterator[tuple[M, BatchResult]]: ...

    def close(self) -> None: ...


class LocalEngine:
    """Runs every batch in this process."""

    def __init__(self, settings: Settings, factory: AnalyserFactory) -> None:
        self._worker = Worker(settings, factory)

    def map(self, jobs: Iterator[tuple[M, BatchJob]]) -> Iterator[tuple[M, BatchResult]]:
        for meta, job in jobs:
            yield meta, self._worker(job)

    def close(self) -> None:
        return None


class ProcessEngine:
    """A pool of worker processes, each loading the model once."""

    def __init__(self, settings: Settings, factory: AnalyserFactory, workers: int) -> None:
        self._settings, self._factory, self._workers = settings, factory, workers
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
        # the workers start loading their models now, while the caller sets up and reads its first inputs;
        # a warm-up that fails fails again, and is reported, on the worker's first job
        self._warm = [self._pool.submit(warm_worker, settings, factory) for _ in range(workers)]

    def map(self, jobs: Iterator[tuple[M, BatchJob]]) -> Iterator[tuple[M, BatchResult]]:
        def submit(job: BatchJob) -> Future[BatchResult]:
            return self._pool.submit(run_in_worker, job, self._settings, self._factory)

        yield from _ordered_window(jobs, submit, lambda f: f.result(), 2 * self._workers)

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


class RayEngine:
    """Ray actors, one per CPU of the cluster, each holding a Worker (model loaded once per actor)."""

    def __init__(self, settings: Settings, factory: AnalyserFactory, *, address: str | None, cpus: int | None) -> None:
        try:
            import ray
        except ImportError as exc:
            raise ConfigError("the Ray engine needs Ray: pip install 'orbat[ray]'") from exc
        self._ray = ray
        if not ray.is_initialized():
            kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
            ray.init(address=address, **kwargs) if address else ray.init(num_cpus=cpus or os.cpu_count(), **kwargs)
        n = max(int(ray.cluster_resources().get("CPU", 1)), 1)
        actor = ray.remote(num_cpus=1)(_RayWorker)
        self._actors = [actor.remote(settings, factory) for _ in range(n)]

    def map(self, jobs: Iterator[tuple[M, BatchJob]]) -> Iterator[tuple[M, BatchResult]]:
        turn = iter(range(1 << 62))

        def submit(job: BatchJob) -> Any:
            return self._actors[next(turn) % len(self._actors)].run.remote(job)

        yield from _ordered_window(jobs, submit, self._ray.get, 2 * len(self._actors))

    def close(self) -> None:
        for a in self._actors:
            self._ray.kill(a)


class _RayWorker:
    def __init__(self, settings: Settings, factory: AnalyserFactory) -> None:
        self._worker = Worker(settings, factory)

    def run(self, job: BatchJob) -> BatchResult:
        return self._worker(job)


def _ordered_window(jobs: Iterator[tuple[M, BatchJob]], submit: Any, wait: Any, size: int) -> Iterator[Any]:
    """Keep up to ``size`` jobs in flight; yield results in submission order."""
    pending: deque[tuple[Any, Any]] = deque()
    for meta, job in jobs:
        pending.append((meta, submit(job)))
        if len(pending) >= size:
            meta0, handle = pending.popleft()
            yield meta0, wait(handle)
    while pending:
        meta0, handle = pending.popleft()
        yield meta0, wait(handle)


def make_engine(name: str, settings: Settings, factory: AnalyserFactory, *, address: str | None = None) -> Engine:
    if name == "ray":
        return RayEngine(settings, factory, address=address, cpus=settings.workers if settings.workers > 1 else None)
    if name != "local":
        raise ConfigError(f"unknown engine {name!r}; use 'local' or 'ray'")
    if settings.workers > 1:
        return ProcessEngine(settings, factory, settings.workers)
    return LocalEngine(settings, factory)
