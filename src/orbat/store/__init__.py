"""The only code that speaks SQL. SQLite by default; everything goes through these functions."""

from orbat.store.analysis import document_mentions, insert_analysis, replace_analysis, insert_claim, iter_claims, iter_entities, iter_mentions, upsert_entities
from orbat.store.db import connect, migrate, schema_version, transaction
from orbat.store.relation_facts import RelationKey, refresh_relation_facts
from orbat.store.documents import (
    Candidate,
    DocumentFilter,
    add_document_source,
    cluster_members,
    document_cluster,
    find_documents,
    get_document,
    has_document,
    insert_document,
    insert_fingerprint,
    iter_documents,
    merge_clusters,
    near_duplicate_candidates,
    candidate_fingerprints,
)
from orbat.store.runs import close_interrupted_runs, finish_run, list_runs, record_item, run_items, start_run
from orbat.store.versions import analysis_versions, outdated_documents, set_analysis_version

__all__ = [
    "analysis_versions",
    "outdated_documents",
    "set_analysis_version",
    "Candidate",
    "DocumentFilter",
    "add_document_source",
    "close_interrupted_runs",
    "cluster_members",
    "connect",
    "document_cluster",
    "document_mentions",
    "find_documents",
    "finish_run",
    "get_document",
    "has_document",
    "insert_analysis",
    "RelationKey",
    "refresh_relation_facts",
    "insert_claim",
    "insert_document",
    "insert_fingerprint",
    "iter_claims",
    "iter_documents",
    "iter_entities",
    "iter_mentions",
    "list_runs",
    "merge_clusters",
    "migrate",
    "near_duplicate_candidates",
    "candidate_fingerprints",
    "record_item",
    "replace_analysis",
    "run_items",
    "schema_version",
    "start_run",
    "transaction",
    "upsert_entities",
]
