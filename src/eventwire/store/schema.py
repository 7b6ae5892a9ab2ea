"""The store's schema, as numbered migrations.

Each migration runs once, in its own transaction, and is recorded in ``schema_version``;
a store written by an older eventwire is upgraded in place when it is next opened for
writing. Never edit a migration that has shipped: add the next one.

The tables, from raw to merged:

    documents       one row per article (content hash, id, outlet, url, date, text)
    reports         one row per event the coder found in one article (its full record)
    event_mentions  one row per article sentence that reported an event
    actor_mentions  one row per actor mention in a report, with character offsets
    actors          every actor seen: knowledge-base people and groups, and learned ones
    learned_actors  people the text introduced ("spokesman X"), with provenance
    quotes          words attributed to an actor: quoted, or a reported claim
    doc_topics      what each document is about, with the evidence
    events          one row per distinct real-world event, merged across articles, with
                    GDELT-style counts (mentions, sources, articles)
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: documents and events, one row per coded event with its full record as JSON
    """
    CREATE TABLE documents (
        id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        published DATE,
        title VARCHAR,
        text VARCHAR NOT NULL,
        coded_at TIMESTAMP DEFAULT current_timestamp
    );
    CREATE TABLE events (
        id VARCHAR PRIMARY KEY,
        doc_id VARCHAR NOT NULL,
        sentence_index INTEGER,
        event_date DATE,
        date_precision VARCHAR,
        cameo VARCHAR NOT NULL,
        plover_category VARCHAR,
        plover_mode VARCHAR,
        plover_context VARCHAR,
        goldstein DOUBLE,
        quad_class INTEGER,
        source_country VARCHAR,
        source_sector VARCHAR,
        target_country VARCHAR,
        target_sector VARCHAR,
        modality VARCHAR,
        rule VARCHAR,
        confidence DOUBLE,
        mentions INTEGER,
        record JSON NOT NULL
    );
    """,
    # 2: actors the text introduced (learned), with provenance
    """
    CREATE TABLE learned_actors (
        name VARCHAR NOT NULL,
        country VARCHAR,
        sector VARCHAR,
        role VARCHAR,
        mention VARCHAR,
        how VARCHAR,
        doc_id VARCHAR NOT NULL,
        published DATE,
        sentence_index INTEGER
    );
    """,
    # 3: per-article events become `reports`; `events` now holds one row per real-world
    # event merged across articles; mentions, actor mentions and actors get tables
    """
    ALTER TABLE events RENAME TO reports;
    ALTER TABLE reports ADD COLUMN event_id BIGINT;
    ALTER TABLE documents ADD COLUMN source VARCHAR;
    ALTER TABLE documents ADD COLUMN url VARCHAR;
    ALTER TABLE documents ADD COLUMN origin VARCHAR;
    CREATE SEQUENCE event_ids START 1;
    CREATE TABLE events (
        id BIGINT PRIMARY KEY,
        event_date DATE,
        date_precision VARCHAR,
        cameo VARCHAR NOT NULL,
        cameo_root VARCHAR NOT NULL,
        cameo_name VARCHAR,
        plover_category VARCHAR,
        plover_mode VARCHAR,
        plover_context VARCHAR,
        goldstein DOUBLE,
        quad_class INTEGER,
        source_name VARCHAR,
        source_country VARCHAR,
        source_sector VARCHAR,
        source_kb VARCHAR,
        target_name VARCHAR,
        target_country VARCHAR,
        target_sector VARCHAR,
        target_kb VARCHAR,
        place VARCHAR,
        num_mentions INTEGER NOT NULL,
        num_sources INTEGER NOT NULL,
        num_articles INTEGER NOT NULL,
        first_report VARCHAR NOT NULL,
        source_url VARCHAR,
        added_at TIMESTAMP DEFAULT current_timestamp
    );
    CREATE TABLE event_mentions (
        event_id BIGINT NOT NULL,
        report_id VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        sentence_index INTEGER,
        sentence_start INTEGER,
        sentence_end INTEGER,
        trigger_start INTEGER,
        trigger_end INTEGER,
        trigger_text VARCHAR,
        sentence VARCHAR
    );
    CREATE TABLE actor_mentions (
        report_id VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        role VARCHAR NOT NULL,
        text VARCHAR,
        start_char INTEGER,
        end_char INTEGER,
        name VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        kb_id VARCHAR,
        how VARCHAR,
        evidence VARCHAR
    );
    CREATE TABLE actors (
        key VARCHAR PRIMARY KEY,
        name VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        kb_id VARCHAR,
        origin VARCHAR NOT NULL,
        mentions BIGINT NOT NULL,
        first_seen DATE,
        last_seen DATE
    );
    """,
    # 4: where each event happened (places/locate.py), for maps and GDELT's ActionGeo fields
    """
    ALTER TABLE events ADD COLUMN location_name VARCHAR;
    ALTER TABLE events ADD COLUMN location_kind VARCHAR;
    ALTER TABLE events ADD COLUMN location_country VARCHAR;
    ALTER TABLE events ADD COLUMN location_admin1 VARCHAR;
    ALTER TABLE events ADD COLUMN location_lat DOUBLE;
    ALTER TABLE events ADD COLUMN location_lon DOUBLE;
    ALTER TABLE events ADD COLUMN location_geonameid BIGINT;
    """,
    # 5: who said what (context/quotes.py): quoted words and reported claims with their speaker
    """
    CREATE TABLE quotes (
        doc_id VARCHAR NOT NULL,
        sentence_index INTEGER,
        kind VARCHAR NOT NULL,
        verb VARCHAR,
        text VARCHAR NOT NULL,
        start_char INTEGER,
        end_char INTEGER,
        speaker_name VARCHAR,
        speaker_country VARCHAR,
        speaker_sector VARCHAR,
        speaker_kb VARCHAR,
        addressee_name VARCHAR,
        addressee_country VARCHAR,
        medium VARCHAR,
        quote_date DATE,
        date_precision VARCHAR
    );
    """,
    # 6: what each document is about (context/topics.py), with the words or actors that say so
    """
    CREATE TABLE doc_topics (
        doc_id VARCHAR NOT NULL,
        topic VARCHAR NOT NULL,
        label VARCHAR,
        evidence VARCHAR
    );
    """,
)

LATEST = len(MIGRATIONS)
