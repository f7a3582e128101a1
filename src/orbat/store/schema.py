"""Versioned schema migrations. ``PRAGMA user_version`` holds the version applied.

A migration is appended, never edited once released: databases in the field
have run the old text.
"""

from __future__ import annotations

__all__ = ["MIGRATIONS", "SCHEMA_VERSION"]

_V1 = """
CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source_id TEXT,
    source TEXT,
    url TEXT,
    title TEXT,
    outlet TEXT,
    published TEXT,
    updated TEXT,
    retrieved TEXT,
    kind TEXT NOT NULL,
    parent TEXT,
    cluster TEXT,
    text TEXT NOT NULL,
    clean_text TEXT NOT NULL,
    offsets TEXT NOT NULL,
    segments TEXT NOT NULL,
    run_id TEXT
);
CREATE INDEX documents_cluster ON documents(cluster);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_outlet ON documents(outlet);
CREATE INDEX documents_parent ON documents(parent);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, clean_text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, clean_text) VALUES (new.rowid, new.title, new.clean_text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, clean_text)
    VALUES ('delete', old.rowid, old.title, old.clean_text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, clean_text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, clean_text)
    VALUES ('delete', old.rowid, old.title, old.clean_text);
    INSERT INTO documents_fts(rowid, title, clean_text) VALUES (new.rowid, new.title, new.clean_text);
END;

-- every input that yielded a document, including later copies of the same content
CREATE TABLE document_sources (
    document_id TEXT NOT NULL,
    source TEXT NOT NULL,
    source_id TEXT,
    run_id TEXT,
    title TEXT,
    url TEXT,
    outlet TEXT,
    published TEXT,
    PRIMARY KEY (document_id, source)
);

-- near-duplicate index
CREATE TABLE fingerprints (
    document_id TEXT PRIMARY KEY,
    minhash BLOB NOT NULL,
    words INTEGER NOT NULL,
    sentences INTEGER NOT NULL
);
CREATE TABLE lsh_bands (
    band INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    document_id TEXT NOT NULL
);
CREATE INDEX lsh_bands_key ON lsh_bands(band, hash);
CREATE TABLE sentence_hashes (
    hash INTEGER NOT NULL,
    document_id TEXT NOT NULL
);
CREATE INDEX sentence_hashes_key ON sentence_hashes(hash);

CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    status TEXT NOT NULL,          -- running | finished | interrupted
    args TEXT NOT NULL,
    added INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    listing_items INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE run_items (
    run_id TEXT NOT NULL,
    source TEXT NOT NULL,
    status TEXT NOT NULL,          -- added | duplicate | skipped
    reason TEXT,
    document_id TEXT
);
CREATE INDEX run_items_run ON run_items(run_id);

CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    lat REAL,
    lon REAL,
    geonames_id INTEGER,
    feature TEXT,
    precision TEXT,
    provisional INTEGER NOT NULL DEFAULT 0,
    source TEXT,
    description TEXT
);
CREATE TABLE aliases (
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    lang TEXT NOT NULL DEFAULT 'en',
    ambiguous INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity_id, name, source)
);
CREATE INDEX aliases_name ON aliases(name COLLATE NOCASE);

CREATE TABLE mentions (
    document_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    entity_id TEXT,
    score REAL NOT NULL,
    source TEXT NOT NULL,
    time_start TEXT,
    time_end TEXT,
    time_precision TEXT,
    PRIMARY KEY (document_id, start, end, label)
);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL,
    predicate TEXT NOT NULL,
    subject TEXT,
    object TEXT,
    role TEXT,
    place TEXT,
    valid_start TEXT,
    valid_end TEXT,
    valid_precision TEXT NOT NULL DEFAULT 'unknown',
    reported TEXT,
    polarity TEXT NOT NULL,
    modality TEXT NOT NULL,
    claimant TEXT,
    extractor TEXT NOT NULL,
    confidence REAL NOT NULL,
    review TEXT NOT NULL DEFAULT 'machine',
    event_type TEXT,
    mode TEXT,
    context TEXT,
    actors TEXT NOT NULL DEFAULT '[]',
    recipients TEXT NOT NULL DEFAULT '[]',
    size TEXT,
    fatalities_low INTEGER,
    fatalities_best INTEGER,
    fatalities_high INTEGER,
    geo_precision TEXT,
    acled_event_type TEXT,
    acled_sub_event_type TEXT
);
CREATE INDEX claims_subject ON claims(subject, predicate);
CREATE INDEX claims_object ON claims(object, predicate);
CREATE INDEX claims_document ON claims(document_id);
CREATE TABLE evidence (
    claim_id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    quote TEXT NOT NULL,
    PRIMARY KEY (claim_id, document_id, start, end)
);

CREATE TABLE identity_judgements (
    id TEXT PRIMARY KEY,
    left_id TEXT NOT NULL,
    right_id TEXT NOT NULL,
    verdict TEXT NOT NULL,
    source TEXT NOT NULL,
    made TEXT,
    evidence TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX identity_left ON identity_judgements(left_id);
CREATE INDEX identity_right ON identity_judgements(right_id);
"""

MIGRATIONS: tuple[str, ...] = (_V1,)
SCHEMA_VERSION = len(MIGRATIONS)
