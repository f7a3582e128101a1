"""One function per question; every rendering (CLI, HTTP API, web UI, exports) calls these."""

from orbat.query.documents import DocumentPage, DocumentView, RunView, document_view, list_documents, list_runs, run_view

__all__ = ["DocumentPage", "DocumentView", "RunView", "document_view", "list_documents", "list_runs", "run_view"]
