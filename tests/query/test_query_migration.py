"""Migration 2 fills its derived tables from claims stored under schema 1."""

import sqlite3

from orbat import query, store
from orbat.model import Entity, EntityKind
from orbat.store import db
from orbat.store.schema import MIGRATIONS


def test_migration_two_backfills_actor_and_interval_indexes():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.row_factory = sqlite3.Row
    for statement in db._statements(MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    store.upsert_entities(conn, [Entity("kh", EntityKind.ARMED_GROUP, "Kataib Hezbollah"),
                                 Entity("qaim", EntityKind.PLACE, "Al-Qaim")])
    conn.execute(f"INSERT INTO claims VALUES ({', '.join('?' * 29)})",
                 ("k1", "d1", "controls", "kh", "qaim", None, None, "2017-06-01", "2017-06-01", "day", "2017-06-01",
                  "affirmed", "asserted", None, "x", 0.5, "machine", None, None, None, '["kh"]', "[]", None, None,
                  None, None, None, None, None))
    db.migrate(conn)
    assert conn.execute("SELECT entity_id FROM claim_actors").fetchall()[0][0] == "kh"
    assert [e.subject for e in query.state_as_of(conn, "2017-07-01", place="qaim").entries] == ["kh"]
    assert [e.subject for e in query.state_as_of(conn, "2017-07-01").entries] == ["kh"]
