"""Versioned schema migrations. ``PRAGMA user_version`` holds the version applied.

A migration is appended, never edited once released: databases in the field
have run the old text.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "MIGRATIONS", "SCHEMA_VERSION", "relation_fact_select", "STATE_COLUMNS", "STATE_POINT", "STATE_CURATED",
    "STATE_NEGATED", "STATE_SWAPPED", "STATE_SYMMETRIC", "STATE_UNREADABLE", "STATE_HOLDS", "STATE_START_BANDS",
    "STATE_SHORT_SPAN_DAYS",
    "STATE_KEY_SEPARATOR", "STATE_MIN_DAY", "STATE_MAX_DAY",
]  # fmt: skip

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


# migration 2: reasoning and queries over claims (claim_actors, claim_spans, reviews, claim_notes)
_STATE_PREDICATES = (
    "'controls', 'present_at', 'part_of', 'subordinate_of', 'commands', 'backed_by', "
    "'allied_with', 'opposed_to', 'leads', 'member_of'"
)


def _day(expr: str, *, last: bool) -> str:
    """SQL for days since 2000-01-01 of a possibly partial ISO date (its first or last day)."""
    year, month = ("'-12-31'", "date({e} || '-01', '+1 month', '-1 day')") if last else ("'-01-01'", "{e} || '-01'")
    month = month.format(e=expr)
    return (
        f"julianday(CASE length({expr}) WHEN 4 THEN {expr} || {year} WHEN 7 THEN {month} "
        f"ELSE substr({expr}, 1, 10) END) - 2451544.5"
    )


def _entity_span_insert(row: str, source: str) -> str:
    """Copy a claim's interval into claim_entity_spans, once per entity it is about (subject, object, place)."""
    return ";\n    ".join(
        "INSERT OR REPLACE INTO claim_entity_spans SELECT s.id * 4 + " + str(slot) + ", s.lo, s.hi, e.rowid, e.rowid "
        f"FROM claim_spans s {source}JOIN entities e ON e.id = {row}.{column} WHERE s.id = {row}.rowid"
        for slot, column in ((0, "subject"), (1, "object"), (2, "place"))
    )


def _span_insert(row: str, source: str) -> str:
    """INSERT of the validity interval of state claims (``row`` is ``new`` in a trigger, ``c`` in a backfill)."""
    start = f"COALESCE({row}.valid_start, {row}.reported)"
    end = f"COALESCE({row}.valid_end, {row}.reported, {row}.valid_start)"
    curated = f"{row}.extractor LIKE 'theatre:%'"
    lo = f"CASE WHEN {row}.valid_start IS NULL AND {curated} THEN -1000000 ELSE COALESCE({_day(start, last=False)}, -1000000) END"
    hi = f"CASE WHEN {row}.valid_end IS NULL AND {curated} THEN 1000000 ELSE COALESCE({_day(end, last=True)}, 1000000) END"
    return (
        f"INSERT OR REPLACE INTO claim_spans SELECT id, min(lo, hi), max(lo, hi) FROM "
        f"(SELECT {row}.rowid AS id, {lo} AS lo, {hi} AS hi {source}"
        f"WHERE {row}.predicate IN ({_STATE_PREDICATES}) "
        f"AND ({row}.valid_start IS NOT NULL OR {row}.reported IS NOT NULL OR {curated}))"
    )


_V2 = f"""
-- curated claims keep the publication their pack cites (beside claims, so that the positional
-- INSERT of store.insert_claim stays valid)
CREATE TABLE claim_notes (
    claim_id TEXT PRIMARY KEY,
    source_note TEXT NOT NULL
);

-- every review decision ever made; the latest per claim wins and is mirrored into claims.review
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    claim_id TEXT NOT NULL,
    decision TEXT NOT NULL,        -- accepted | rejected | machine (a reset)
    reviewer TEXT NOT NULL,
    made TEXT NOT NULL
);
CREATE INDEX reviews_claim ON reviews(claim_id, id);

-- the actors and recipients of event claims, one row per (entity, claim), kept by triggers;
-- date = valid start, else report date: an actor's events come out in date order from the index
CREATE TABLE claim_actors (
    entity_id TEXT NOT NULL,
    claim_id TEXT NOT NULL,
    side TEXT NOT NULL,            -- actor | recipient (actor when both)
    date TEXT,
    reported TEXT,
    place TEXT,
    PRIMARY KEY (entity_id, claim_id)
) WITHOUT ROWID;
CREATE INDEX claim_actors_claim ON claim_actors(claim_id);
CREATE INDEX claim_actors_date ON claim_actors(entity_id, date);
CREATE INDEX claim_actors_reported ON claim_actors(entity_id, reported);
CREATE INDEX claim_actors_place ON claim_actors(entity_id, place);

-- validity intervals of state claims, in days since 2000-01-01, for "valid at date" stabbing queries:
-- lo = valid start (else report date); hi = valid end, else report date, else valid start.
-- Curated claims without a start or an end reach to -/+ 1e6 days. Keyed by claims.rowid.
CREATE VIRTUAL TABLE claim_spans USING rtree(id, lo, hi);
-- the same intervals by entity (entities.rowid of the claim's subject, object or place; id = claim rowid * 4 + slot),
-- for "state of one actor or place as of a date". Entities must be stored before the claims naming them.
CREATE VIRTUAL TABLE claim_entity_spans USING rtree(id, lo, hi, k_lo, k_hi);

CREATE TRIGGER claims_derived_insert AFTER INSERT ON claims BEGIN
    DELETE FROM claim_actors WHERE claim_id = new.id;
    INSERT OR IGNORE INTO claim_actors SELECT value, new.id, 'actor', COALESCE(new.valid_start, new.reported),
        new.reported, new.place FROM json_each(new.actors);
    INSERT OR IGNORE INTO claim_actors SELECT value, new.id, 'recipient', COALESCE(new.valid_start, new.reported),
        new.reported, new.place FROM json_each(new.recipients);
    UPDATE claims SET review = (SELECT decision FROM reviews WHERE claim_id = new.id ORDER BY id DESC LIMIT 1)
        WHERE id = new.id AND EXISTS (SELECT 1 FROM reviews WHERE claim_id = new.id);
    {_span_insert("new", "")};
    {_entity_span_insert("new", "")};
END;
CREATE TRIGGER claims_derived_delete AFTER DELETE ON claims BEGIN
    DELETE FROM claim_actors WHERE claim_id = old.id;
    DELETE FROM claim_spans WHERE id = old.rowid;
    DELETE FROM claim_entity_spans WHERE id BETWEEN old.rowid * 4 AND old.rowid * 4 + 3;
END;

INSERT OR IGNORE INTO claim_actors SELECT j.value, c.id, 'actor', COALESCE(c.valid_start, c.reported), c.reported,
    c.place FROM claims c, json_each(c.actors) j;
INSERT OR IGNORE INTO claim_actors SELECT j.value, c.id, 'recipient', COALESCE(c.valid_start, c.reported), c.reported,
    c.place FROM claims c, json_each(c.recipients) j;
{_span_insert("c", "FROM claims c ")};
{_entity_span_insert("c", "JOIN claims c ON c.rowid = s.id ")};

CREATE INDEX claims_predicate_date ON claims(predicate, COALESCE(valid_start, reported));
CREATE INDEX claims_event_type_date ON claims(event_type, COALESCE(valid_start, reported));
CREATE INDEX claims_place_date ON claims(place, COALESCE(valid_start, reported));
CREATE INDEX claims_claimant ON claims(claimant);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
"""


# migration 3: relation facts, the per-relation aggregate of claims that actor profiles read


FACT_SOURCE = "COALESCE(d.cluster, 'claim:' || c.id)"  # an independent source: a duplicate cluster
FACT_VOICE = "COALESCE(c.claimant, d.outlet, n.source_note)"  # who says so
FACT_FROM = (
    "FROM claims c LEFT JOIN documents d ON d.id = c.document_id LEFT JOIN claim_notes n ON n.claim_id = c.id"
)
FACT_COUNTED = (  # the claims a relation fact counts
    "c.predicate != 'event' AND c.review != 'rejected' AND c.modality NOT IN ('hypothetical', 'future', 'feared')"
)
_CURATED = "c.extractor LIKE 'theatre:%'"


def relation_fact_select(where: str) -> str:
    """SELECT of relation_facts rows (in column order) aggregated over the asserting, unrejected
    non-event claims that also match ``where`` (SQL on ``c`` = claims, ``d`` = documents, ``n`` = claim_notes).

    Migration 3 ran this text: a change to what a fact holds is a new migration that rebuilds the table.
    """
    return (
        "SELECT json_array(c.subject, c.predicate, c.object, c.role), c.subject, c.predicate, c.object, c.role, "
        f"count(*), count(DISTINCT CASE WHEN c.polarity != 'negated' THEN {FACT_SOURCE} END), "
        f"count(DISTINCT CASE WHEN c.polarity = 'negated' THEN {FACT_SOURCE} END), count(DISTINCT {FACT_SOURCE}), "
        "min(c.reported), max(c.reported), min(COALESCE(c.valid_start, c.reported)), "
        f"max(COALESCE(c.valid_end, c.reported)), max({_CURATED} AND c.valid_start IS NULL), "
        f"max({_CURATED} AND c.valid_end IS NULL), max({_CURATED}), "
        f"group_concat(DISTINCT {FACT_VOICE}) {FACT_FROM} "
        f"WHERE {FACT_COUNTED} AND {where} GROUP BY c.subject, c.predicate, c.object, c.role"
    )


def relation_fact_claim_select(where: str) -> str:
    """The same claims one by one, in storage order, with what each adds to its fact: key (4 columns),
    source, negated, voice, reported, valid start, valid end, open start, open end, curated."""
    return (
        f"SELECT c.subject, c.predicate, c.object, c.role, {FACT_SOURCE}, c.polarity = 'negated', {FACT_VOICE}, "
        "c.reported, COALESCE(c.valid_start, c.reported), COALESCE(c.valid_end, c.reported), "
        f"{_CURATED} AND c.valid_start IS NULL, {_CURATED} AND c.valid_end IS NULL, {_CURATED} {FACT_FROM} "
        f"WHERE {FACT_COUNTED} AND {where} ORDER BY c.rowid"
    )


_V3 = f"""
-- per relation (subject, predicate, object, role): its claims over all time, aggregated. Derived data,
-- kept exact by the store functions that write claims, reviews, notes, clusters and outlets (see
-- orbat.store.relation_facts); rebuild_relation_facts recomputes it from claims.
CREATE TABLE relation_facts (
    key TEXT NOT NULL UNIQUE,      -- json_array(subject, predicate, object, role): NULL is not ''
    subject TEXT,
    predicate TEXT NOT NULL,
    object TEXT,
    role TEXT,
    claims INTEGER NOT NULL,
    affirmed INTEGER NOT NULL,     -- independent sources (duplicate clusters; a document-less claim is its own)
    negated INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    first_reported TEXT,
    last_reported TEXT,
    valid_start TEXT,              -- earliest valid start, else report date
    valid_end TEXT,                -- latest valid end, else report date
    open_start INTEGER NOT NULL,   -- a curated claim without a start
    open_end INTEGER NOT NULL,     -- a curated claim without an end
    curated INTEGER NOT NULL,
    claimants TEXT                 -- distinct claimant, else outlet, else cited publication, comma-separated
);
CREATE INDEX relation_facts_subject ON relation_facts(subject, predicate, sources DESC, last_reported DESC);
CREATE INDEX relation_facts_object ON relation_facts(object, predicate, sources DESC, last_reported DESC);
INSERT INTO relation_facts {relation_fact_select("1")};

-- counting an actor's events (claim_actors → predicate and review) without reading the claim rows
CREATE INDEX claims_id_kind ON claims(id, predicate, review);
"""

# migration 4: which version of the analysis (model, recognition, extractors, theatre pack) made each
# document's mentions and claims, so a new version re-processes only the documents it affects
_V4 = """
CREATE TABLE document_analysis (
    document_id TEXT PRIMARY KEY,
    version TEXT NOT NULL
) WITHOUT ROWID;
ALTER TABLE runs ADD COLUMN reanalysed INTEGER NOT NULL DEFAULT 0;
"""


# migration 5: the whole-map state as of a date (store.claims.state_rows). Its candidates are the claims of
# the claim_spans interval index, but at a million claims that means ~35,000 scattered claim rows (over
# 100 ms to read, seconds to turn into records). Two covering partial indexes on claims hold the same
# intervals (one sorted by start for spans up to STATE_SHORT_SPAN_DAYS long, one by end for longer ones)
# together with what the rules read of each usable claim, worked out once when the claim is written: its
# literal interval in days, point observation or not, curated, negated, its fact key and its supersession
# key (see orbat.reason.state and orbat.reason.time). A claim whose dates those rules read differently from
# SQLite (not YYYY, YYYY-MM or YYYY-MM-DD…) or whose ids would make the keys ambiguous is flagged
# STATE_UNREADABLE, and the query falls back to the rules over full records. The text below is what
# migration 5 ran: changing it (or _day) needs a new migration that recreates both indexes.

STATE_POINT, STATE_CURATED, STATE_NEGATED, STATE_SWAPPED, STATE_SYMMETRIC, STATE_UNREADABLE = 1, 2, 4, 8, 16, 32
STATE_HOLDS = 64  # not indexed: store.claims.state_rows adds it, for the claims that reach the day asked
STATE_SHORT_SPAN_DAYS = 366  # longer spans are indexed by their end
STATE_START_BANDS = (("brief", 31), ("short", STATE_SHORT_SPAN_DAYS))  # claims_state_<band>: spans up to so many days
STATE_KEY_SEPARATOR = "\x01"  # between the parts of a fact key; sorts before every character an id may hold
STATE_MIN_DAY, STATE_MAX_DAY = -730119, 2921939  # date.min and date.max in days since 2000-01-01
_PRECISION_DAYS = {"day": 1, "week": 7, "month": 31, "season": 92, "year": 366}  # = orbat.reason.time's
_HEAD_ROLES = (  # = orbat.reason.state.HEAD_ROLES
    "'leader', 'commander', 'secretary-general', 'secretary general', 'president', 'prime minister', "
    "'chairman', 'chief of staff', 'supreme leader', 'emir', 'minister'"
)
_SYMMETRIC = "'allied_with', 'opposed_to'"  # = orbat.reason.facts.SYMMETRIC
_NON_ASSERTING = "'hypothetical', 'future', 'feared'"  # = orbat.reason.facts.NON_ASSERTING


def _readable_date(x: str) -> str:
    """SQL: ``x`` is empty or a date that orbat.reason.time.parse_day and julianday read alike."""
    head = f"substr({x}, 1, 10)"
    return (
        f"({x} IS NULL OR {x} = '' OR (instr({x}, char(0)) = 0 AND substr({x}, 1, 4) != '0000' AND ("
        f"(length({x}) = 4 AND {x} GLOB '[0-9][0-9][0-9][0-9]') "
        f"OR (length({x}) = 7 AND {x} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' "
        f"AND substr({x}, 6, 2) BETWEEN '01' AND '12') "
        f"OR (length({x}) >= 10 AND {head} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' "
        f"AND COALESCE(date(julianday({head})) = {head}, 0)))))"
    )


def _ambiguous_id(x: str) -> str:
    return f"({x} IS NOT NULL AND ({x} = '' OR instr({x}, char(1)) > 0 OR instr({x}, char(0)) > 0))"


def _state_columns() -> dict[str, str]:
    """SQL of what the state rules read of one claim (unqualified columns of claims), by name."""
    like_curated = "extractor LIKE 'theatre:%'"  # as the claim_spans trigger of migration 2 has it
    start, end = "COALESCE(valid_start, reported)", "COALESCE(valid_end, reported, valid_start)"
    span_lo = (f"CASE WHEN valid_start IS NULL AND {like_curated} THEN -1000000 "
               f"ELSE COALESCE({_day(start, last=False)}, -1000000) END")  # fmt: skip
    span_hi = (f"CASE WHEN valid_end IS NULL AND {like_curated} THEN 1000000 "
               f"ELSE COALESCE({_day(end, last=True)}, 1000000) END")  # fmt: skip
    s, e, r = (f"CAST({_day(c, last=c == 'valid_end')} AS INTEGER)" for c in ("valid_start", "valid_end", "reported"))
    curated = "substr(extractor, 1, 8) = 'theatre:'"
    lo0 = f"COALESCE({s}, {e}, {r})"
    hi0 = f"COALESCE({e}, CASE WHEN {s} IS NULL THEN {r} WHEN {r} IS NULL THEN {s} ELSE max({s}, {r}) END)"
    precision = " ".join(f"WHEN '{k}' THEN {v}" for k, v in _PRECISION_DAYS.items())
    point = (f"CASE WHEN {s} IS NULL OR {e} IS NULL THEN {e} IS NULL "
             f"ELSE {e} - {s} < CASE valid_precision {precision} ELSE 1 END END")  # fmt: skip
    swap = f"(predicate IN ({_SYMMETRIC}) AND COALESCE(subject, '') > COALESCE(object, ''))"
    unreadable = " OR ".join([*(f"NOT {_readable_date(c)}" for c in ("valid_start", "valid_end", "reported")),
                              *(_ambiguous_id(c) for c in ("subject", "object", "role")),
                              "subject IS 'leads' OR object IS 'leads'"])  # fmt: skip  (a head-role key's first part)
    first, second = f"CASE WHEN {swap} THEN object ELSE subject END", f"CASE WHEN {swap} THEN subject ELSE object END"
    sep = "char(1)"
    return {
        "span_lo": f"min({span_lo}, {span_hi})",
        "span_hi": f"max({span_lo}, {span_hi})",
        "lo": f"CASE WHEN {curated} THEN COALESCE({s}, {STATE_MIN_DAY}) WHEN {lo0} IS NULL THEN {STATE_MIN_DAY} "
              f"ELSE min({lo0}, {hi0}) END",
        "hi": f"CASE WHEN {curated} THEN COALESCE({e}, {STATE_MAX_DAY}) WHEN {lo0} IS NULL THEN {STATE_MAX_DAY} "
              f"ELSE max({lo0}, {hi0}) END",
        "flags": f"({point}) * {STATE_POINT} + ({curated}) * {STATE_CURATED} "
                 f"+ (polarity = 'negated') * {STATE_NEGATED} + {swap} * {STATE_SWAPPED} "
                 f"+ (predicate IN ({_SYMMETRIC})) * {STATE_SYMMETRIC} "
                 f"+ COALESCE({unreadable}, 1) * {STATE_UNREADABLE}",
        "fact_key": f"predicate || {sep} || COALESCE({first}, '') || {sep} || COALESCE({second}, '') || {sep} "
                    f"|| COALESCE(role, '')",
        # NULL where it is the fact key (no role); else the fact key without its role, or a key of its own
        "supersession_key": (
            "CASE WHEN predicate = 'controls' THEN 'controls' || char(2) || json_quote(CASE WHEN object IS NOT NULL "
            "AND object != '' THEN object ELSE place END) "
            f"WHEN predicate = 'leads' AND lower(COALESCE(role, '')) IN ({_HEAD_ROLES}) "
            f"THEN 'leads' || char(2) || COALESCE(object, '') || {sep} || lower(role) "
            f"WHEN role IS NOT NULL THEN predicate || {sep} || COALESCE({first}, '') || {sep} "
            f"|| COALESCE({second}, '') || {sep} END"
        ),
    }


def _state_keys(columns: dict[str, str], bands: tuple[tuple[str, int], ...]) -> dict[str, str]:
    """The first column of each index, for the usable (not rejected, asserting) state claims that claim_spans
    holds, else NULL (not in the index): the span's start for each band of lengths (``<band>_start``: longer
    than the band before, up to its own bound), and its end for spans longer than the last band."""
    usable = (f"predicate IN ({_STATE_PREDICATES}) AND (valid_start IS NOT NULL OR reported IS NOT NULL "
              f"OR extractor LIKE 'theatre:%') AND review != 'rejected' "
              f"AND modality NOT IN ({_NON_ASSERTING})")  # fmt: skip
    length = f"{columns['span_hi']} - {columns['span_lo']}"
    keys, shorter = {}, None
    for band, longest in bands:
        longer = "" if shorter is None else f" AND {length} > {shorter}"
        keys[f"{band}_start"] = f"CASE WHEN {usable}{longer} AND {length} <= {longest} THEN {columns['span_lo']} END"
        shorter = longest
    keys["long_end"] = f"CASE WHEN {usable} AND {length} > {shorter} THEN {columns['span_hi']} END"
    return keys


_EXPRESSIONS = _state_columns()
# read-only; a query must repeat this text exactly for SQLite to read the values from the indexes
STATE_COLUMNS: Mapping[str, str] = MappingProxyType(_EXPRESSIONS | _state_keys(_EXPRESSIONS, STATE_START_BANDS))
_STATE_COLUMNS_V5 = _EXPRESSIONS | _state_keys(_EXPRESSIONS, (("short", 366),))  # migration 5: one start band
_STATE_RAW = ("review, modality, reported, predicate, subject, object, role, place, valid_start, valid_end, "
              "valid_precision, polarity, extractor")  # fmt: skip  (covering: every column the expressions read)


def _state_index(name: str, first: str, second: str, c: Mapping[str, str] = STATE_COLUMNS) -> str:
    return (
        f"CREATE INDEX {name} ON claims({c[first]}, {c[second]}, {c['lo']}, {c['hi']}, {c['flags']}, "
        f"{c['fact_key']}, {c['supersession_key']}, {_STATE_RAW}) WHERE {c[first]} IS NOT NULL"
    )


_V5 = (
    _state_index("claims_state_short", "short_start", "span_hi", _STATE_COLUMNS_V5) + ";\n"
    + _state_index("claims_state_long", "long_end", "span_lo", _STATE_COLUMNS_V5) + ";\n"
)

# migration 6: a relation's claims by its whole key. Refreshing one fact (store.relation_facts) read every
# claim of its subject and predicate through the old (subject, predicate) index: at a million claims,
# ~100 ms per key and a few keys per document, so writing slowed as the corpus grew. The wider index
# still serves every (subject, predicate) look-up.
_V6 = """
DROP INDEX claims_subject;
CREATE INDEX claims_subject ON claims(subject, predicate, object, role);
"""

# migration 7: documents by source id. The user's document look-up (an id or a source id) scanned the
# whole table for the source id: a second per look-up at 50,000 documents.
_V7 = """
CREATE INDEX documents_source_id ON documents(source_id);
"""

# migration 8: the weapons of an event claim (what an attack was made with, what a confiscation seized),
# as a JSON list of the phrases the text names them by
_V8 = """
ALTER TABLE claims ADD COLUMN weapons TEXT NOT NULL DEFAULT '[]';
"""

# migration 9: the near-duplicate look-ups (store.documents.near_duplicate_candidates) read the document
# ids from the indexes alone. A story copied sixty times has sixty documents behind each of its band and
# sentence hashes; reading each id from the table behind the index was a good part of the writer's cost
# per document at 50,000 documents. And the full-text index is rewritten only when a document's title or
# text changes, not whenever an update names them (filling a copy's metadata re-indexed every new document).
_V9 = """
DROP TRIGGER documents_fts_update;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, clean_text ON documents
WHEN old.title IS NOT new.title OR old.clean_text IS NOT new.clean_text BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, clean_text)
    VALUES ('delete', old.rowid, old.title, old.clean_text);
    INSERT INTO documents_fts(rowid, title, clean_text) VALUES (new.rowid, new.title, new.clean_text);
END;
CREATE INDEX lsh_bands_documents ON lsh_bands(band, hash, document_id);
DROP INDEX lsh_bands_key;
CREATE INDEX sentence_hashes_documents ON sentence_hashes(hash, document_id);
DROP INDEX sentence_hashes_key;
"""

# migration 10: a document's claims indexed with their relation key, so that asking whether a duplicate
# cluster already reported a relation (store.relation_facts) seeks the key in each of the cluster's
# documents instead of reading all their claims (a story copied a hundred times: a hundred documents).
_V10 = """
DROP INDEX claims_document;
CREATE INDEX claims_document ON claims(document_id, subject, predicate, object, role);
"""

# migration 11: spans up to a month long (a claim dated to the day, the week or the month: most of them)
# get an index of their own. The whole map on a day reads the spans started up to a year plus the
# longest short span before it; with the day-long ones in the same index as year-long ones, half the
# entries it read started too early to reach the day (65,000 read for 33,000 kept at a million claims).
_V11 = (
    "DROP INDEX claims_state_short;\n"
    + _state_index("claims_state_brief", "brief_start", "span_hi") + ";\n"
    + _state_index("claims_state_short", "short_start", "span_hi") + ";\n"
)

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9, _V10, _V11)
SCHEMA_VERSION = len(MIGRATIONS)
