"""Exports: one module per format, each rendering query results as a stream."""

from orbat.export.jsonl import write_jsonl

FORMATS = {"jsonl": write_jsonl}

__all__ = ["FORMATS", "write_jsonl"]
