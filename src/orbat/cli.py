"""The command line: parse → call one library function → format. Errors become one line and exit 1.

Exit status of every command: 0 success; 1 an orbat error (message on stderr); 2 a usage error.
``orbat ingest`` exits 0 when the run finished, even if some inputs were skipped (each is listed with its
reason, and kept in ``orbat runs``); with ``--strict`` it exits 3 when anything was skipped.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, TextIO

import click

from orbat import query, store
from orbat.errors import OrbatError
from orbat.model import Document, SegmentKind
from orbat.settings import Settings, default_db_path

__all__ = ["main", "cli"]

# the names of orbat.export.FORMATS, listed here so that `orbat --help` does not import the exporters
EXPORT_FORMATS = ("jsonl", "csv", "acled", "geojson", "graphml", "stix")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db_path", metavar="PATH", help="SQLite database (default: $ORBAT_DB or ./orbat.db).")
@click.version_option(package_name="orbat")
@click.pass_context
def cli(ctx: click.Context, db_path: str | None) -> None:
    """orbat: who is where, with whom, since when — and who says so."""
    ctx.obj = Settings(db_path=default_db_path(db_path))


def main() -> None:
    cli(prog_name="orbat")


@contextmanager
def _connection(settings: Settings, *, readonly: bool = False) -> Iterator[sqlite3.Connection]:
    conn = _call(store.connect, settings.db_path, readonly=readonly)
    try:
        yield conn
    finally:
        conn.close()


def _call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a library call; an OrbatError becomes a one-line message and exit status 1."""
    try:
        return fn(*args, **kwargs)
    except OrbatError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


def _echo_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


@cli.command()
@click.argument("targets", nargs=-1, required=True)
@click.option("--no-nlp", is_flag=True, help="Store and clean only; skip recognition and resolution.")
@click.option("--batch", "batch_documents", type=click.IntRange(1), default=None, help="Documents per transaction (default 500).")
@click.option("--strict", is_flag=True, help="Exit 3 when any input was skipped.")
@click.option("--workers", "-j", type=click.IntRange(1), default=1, show_default=True,
              help="Worker processes for cleaning and NLP (one writer either way).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where the per-document stages run: this machine, or a Ray cluster.")
@click.option("--address", metavar="ADDR", help="Ray cluster address (default: start a local Ray).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, summary only.")
@click.pass_obj
def ingest(settings: Settings, targets: tuple[str, ...], no_nlp: bool, batch_documents: int | None,
           strict: bool, workers: int, engine: str, address: str | None, quiet: bool) -> None:  # fmt: skip
    """Ingest files, directories (recursively), .jsonl, .html, .txt, URLs or feeds; '-' reads stdin.

    Idempotent: content already stored is counted as a duplicate and adds nothing.
    """
    from orbat.ingest.fetch import HttpFetcher
    from orbat.pipeline import IngestDeps, ingest as run_ingest

    settings = replace(settings, nlp=not no_nlp, workers=workers,
                       batch_documents=batch_documents or settings.batch_documents)  # fmt: skip
    deps = IngestDeps(
        fetcher=HttpFetcher(settings.fetch_timeout_s, settings.fetch_max_bytes),
        stdin=sys.stdin.buffer if "-" in targets else None,
        engine=engine,
        address=address,
    )
    with _connection(settings) as conn, _progress(quiet) as tick:
        summary = _call(run_ingest, list(targets), conn=conn, settings=settings, deps=deps,
                        args=sys.argv[1:], progress=tick)  # fmt: skip
    _print_summary(summary)
    if strict and summary.skipped:
        sys.exit(3)


@cli.command()
@click.option("--workers", "-j", type=click.IntRange(1), default=1, show_default=True, help="Worker processes.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@click.option("--address", metavar="ADDR", help="Ray cluster address (default: start a local Ray).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, summary only.")
@click.pass_obj
def reanalyse(settings: Settings, workers: int, engine: str, address: str | None, quiet: bool) -> None:
    """Analyse again the stored documents a previous version of recognition, the extractors or the
    theatre pack analysed (or that were ingested with --no-nlp); only those. Reviewed claims are kept."""
    from orbat.pipeline import IngestDeps, reanalyse as run_reanalyse

    settings = replace(settings, workers=workers)
    with _connection(settings) as conn, _progress(quiet) as tick:
        summary = _call(run_reanalyse, conn=conn, settings=settings, deps=IngestDeps(engine=engine, address=address),
                        args=sys.argv[1:], progress=tick)  # fmt: skip
    click.echo(f"run {summary.run_id}: {summary.reanalysed} documents analysed again")


@contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[str], None] | None]:
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    with tqdm(unit=" docs", file=sys.stderr, dynamic_ncols=True, leave=False) as bar:
        yield lambda source: bar.update(1)


def _print_summary(summary: Any) -> None:
    click.echo(
        f"run {summary.run_id}: {summary.added} documents added, {summary.listing_items} listing items split out, "
        f"{summary.duplicates} duplicates, {len(summary.skipped)} skipped"
        + (f", {summary.reanalysed} stored documents analysed again" if summary.reanalysed else "")
    )
    for skip in summary.skipped:
        click.echo(f"  skipped {skip.source}: {skip.reason}")
    if summary.interrupted_runs_closed:
        click.echo(f"  ({summary.interrupted_runs_closed} earlier interrupted run(s) closed; their work was kept)")


@cli.command()
@click.option("--search", "-s", "text", help="Full-text search (FTS5 syntax) over titles and text.")
@click.option("--outlet")
@click.option("--kind", type=click.Choice(["article", "listing", "listing_item", "ocr", "plain"]))
@click.option("--since", "published_from", metavar="DATE", help="Published on or after (ISO date).")
@click.option("--until", "published_to", metavar="DATE", help="Published on or before (ISO date).")
@click.option("--cluster", help="Members of one duplicate cluster.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def documents(settings: Settings, as_json: bool, **filters: Any) -> None:
    """List and filter stored documents."""
    with _connection(settings, readonly=True) as conn:
        page = _call(query.list_documents, conn, store.DocumentFilter(**filters))
    if as_json:
        _echo_json({"total": page.total, "limit": page.limit, "offset": page.offset, "documents": list(page.rows)})
        return
    for r in page.rows:
        dup = "" if r["cluster"] == r["id"] else f"  [dup of {r['cluster']}]"
        click.echo(f"{r['id']}  {r['published'] or '?':10}  {r['kind']:12} {(r['outlet'] or '-')[:22]:22} "
                   f"{(r['title'] or '')[:70]}{dup}")  # fmt: skip
    click.echo(f"-- {len(page.rows)} of {page.total} documents")


@cli.command()
@click.argument("doc_id")
@click.option("--raw", is_flag=True, help="Print the text as ingested instead of the clean text.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def show(settings: Settings, doc_id: str, raw: bool, as_json: bool) -> None:
    """Show one document (id, id prefix or source id): captions and pull quotes marked, duplicates listed."""
    with _connection(settings, readonly=True) as conn:
        view = _call(query.document_view, conn, doc_id)
    doc = view.document
    if as_json:
        _echo_json(_document_json(view))
        return
    for key in ("id", "title", "outlet", "published", "url", "kind", "cluster", "parent", "source"):
        if getattr(doc, key) is not None:
            value = getattr(doc, key)
            click.echo(f"{key:>9}: {getattr(value, 'value', value)}")
    for d in view.duplicates:
        click.echo(f"duplicate: {d['id']}  {d['kind']}  {d['outlet'] or '-'}  {d['title'] or ''}")
    for i in view.items:
        click.echo(f"     item: {i['id']}  {i['title'] or ''}")
    click.echo("")
    click.echo(doc.text if raw else marked_text(doc))


def marked_text(doc: Document) -> str:
    """Clean text with non-body segments wrapped in [caption: …] style markers."""
    text, out, pos = doc.clean_text, [], 0
    shown = {SegmentKind.CAPTION, SegmentKind.CREDIT, SegmentKind.PULL_QUOTE, SegmentKind.BOILERPLATE}
    for seg in sorted((s for s in doc.segments if s.kind in shown), key=lambda s: s.start):
        if seg.start < pos:
            continue
        out += [text[pos : seg.start], f"[{seg.kind.value}: ", text[seg.start : seg.end], "]"]
        pos = seg.end
    out.append(text[pos:])
    return "".join(out)


def _document_json(view: query.DocumentView) -> dict[str, Any]:
    d = view.document
    return {
        "id": d.id, "source_id": d.source_id, "title": d.title, "url": d.url, "outlet": d.outlet,
        "published": d.published, "kind": d.kind.value, "cluster": d.cluster, "parent": d.parent,
        "source": d.source, "text": d.text, "clean_text": d.clean_text,
        "segments": [{"start": s.start, "end": s.end, "kind": s.kind.value, "note": s.note} for s in d.segments],
        "duplicates": list(view.duplicates), "items": list(view.items), "sources": list(view.sources),
    }  # fmt: skip


@cli.command()
@click.argument("run_id", required=False)
@click.option("--status", type=click.Choice(["added", "duplicate", "skipped", "listing_item", "reanalysed"]))
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def runs(settings: Settings, run_id: str | None, status: str | None, limit: int, as_json: bool) -> None:
    """List ingest runs; with RUN_ID, that run's inputs (skipped ones with their reasons)."""
    with _connection(settings, readonly=True) as conn:
        if run_id:
            view = _call(query.run_view, conn, run_id, status=status)
            if as_json:
                _echo_json({"run": view.run, "items": list(view.items)})
                return
            _print_run(view.run)
            for i in view.items:
                click.echo(f"  {i['status']:12} {i['source']}" + (f": {i['reason']}" if i["status"] == "skipped" else ""))
            return
        rows = query.list_runs(conn, limit=limit)
    if as_json:
        _echo_json(list(rows))
        return
    for r in rows:
        _print_run(r)


def _print_run(r: dict[str, Any]) -> None:
    click.echo(f"{r['id']}  {r['status']:11} {r['started']}  added {r['added']}, items {r['listing_items']}, "
               f"duplicates {r['duplicates']}, skipped {r['skipped']}, reanalysed {r['reanalysed']}")  # fmt: skip


@cli.command()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="File (default stdout).")
@click.pass_obj
def export(settings: Settings, fmt: str, output: TextIO) -> None:
    """Export the database (streamed, never truncated)."""
    from orbat.export import FORMATS

    with _connection(settings, readonly=True) as conn:
        counts = _call(FORMATS[fmt], conn, output)
    if output is not sys.stdout:
        click.echo(", ".join(f"{t}: {n}" for t, n in counts.items()) or "nothing to export", err=True)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind; anything but the loopback exposes the database to the network.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--token", metavar="TOKEN", help="Allow reviews (writes) with this token (default: $ORBAT_TOKEN; "
              "without one the server is read-only).")
@click.pass_obj
def serve(settings: Settings, host: str, port: int, token: str | None) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the web UI on HOST:PORT until interrupted."""
    from orbat.api import serve as run_server

    click.echo(f"orbat: http://{host}:{port}/  (API at /api, OpenAPI at /docs; Ctrl-C stops)", err=True)
    _call(run_server, settings, host=host, port=port, token=token)


from orbat import cli_query  # noqa: E402,F401  (registers the query commands on the group)
