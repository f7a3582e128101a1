"""What relation tests compare: the (predicate, subject, object, role) of every frame found."""

from __future__ import annotations

from orbat.extract.relations import RelationDeps, find_relations
from orbat.model import Analysis


def triples(analysis: Analysis, deps: RelationDeps) -> set[tuple[str, str | None, str | None, str | None]]:
    return {(f.predicate, f.subject.entity, f.object.entity, f.role) for f in find_relations(analysis, deps=deps)}
