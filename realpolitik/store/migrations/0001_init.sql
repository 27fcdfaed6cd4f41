-- Schema version 1: articles, the ingest log, events, their mentions, and imports.
-- events and mentions carry no index constraints on purpose: bulk imports of millions of rows
-- stay fast, and uniqueness is guaranteed by content-derived ids plus anti-joins on insert.

CREATE TABLE IF NOT EXISTS articles (
    article_id    VARCHAR PRIMARY KEY,      -- 'a' + 16 hex chars of the content hash
    content_hash  VARCHAR NOT NULL UNIQUE,  -- sha256 of the normalised text
    doc_id        VARCHAR,                  -- id given by the input, if any
    title         VARCHAR,
    text          VARCHAR NOT NULL,
    date          DATE,
    source        VARCHAR,                  -- outlet / publisher
    url           VARCHAR,
    language      VARCHAR,
    origin        VARCHAR,                  -- the input item it came from
    synthetic     BOOLEAN DEFAULT FALSE,
    meta          JSON,
    minhash       BLOB,                     -- for near-duplicate detection across runs
    ingested_at   TIMESTAMP DEFAULT current_timestamp,
    coded_at      TIMESTAMP,
    coder_version VARCHAR
);

-- Every input item (file, JSONL line, feed entry, URL) ends as exactly one row here.
CREATE TABLE IF NOT EXISTS ingest_log (
    item_key     VARCHAR PRIMARY KEY,       -- path, path#L12, url, feed#entry-id
    input        VARCHAR NOT NULL,          -- the argument the user gave
    status       VARCHAR NOT NULL CHECK (status IN ('stored', 'duplicate', 'skipped', 'failed')),
    article_id   VARCHAR,
    duplicate_of VARCHAR,
    reason       VARCHAR,
    logged_at    TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS events (
    event_id        VARCHAR NOT NULL,
    date            DATE NOT NULL,
    source_code     VARCHAR,
    source_country  VARCHAR,
    source_sector   VARCHAR,
    source_type     VARCHAR,
    source_name     VARCHAR,
    target_code     VARCHAR,
    target_country  VARCHAR,
    target_sector   VARCHAR,
    target_type     VARCHAR,
    target_name     VARCHAR,
    cameo           VARCHAR NOT NULL,
    cameo_root      VARCHAR NOT NULL,
    cameo_label     VARCHAR,
    quad_class      TINYINT,
    goldstein       DOUBLE,
    plover          VARCHAR,
    plover_mode     VARCHAR,
    negated         BOOLEAN DEFAULT FALSE,
    modality        VARCHAR DEFAULT 'action',
    num_mentions    INTEGER DEFAULT 1,
    num_sources     INTEGER DEFAULT 1,
    num_articles    INTEGER DEFAULT 1,
    avg_tone        DOUBLE,
    origin          VARCHAR NOT NULL DEFAULT 'realpolitik',  -- realpolitik | gdelt | icews | import
    external_id     VARCHAR,                 -- GlobalEventID, ICEWS Event ID, ...
    source_url      VARCHAR,
    geo_country     VARCHAR,
    geo_name        VARCHAR,
    geo_lat         DOUBLE,
    geo_lon         DOUBLE,
    import_file     VARCHAR
);

-- One row per report of an event: the article sentence it was coded from.
CREATE TABLE IF NOT EXISTS mentions (
    mention_id     VARCHAR NOT NULL,
    event_id       VARCHAR NOT NULL,
    article_id     VARCHAR NOT NULL,
    sentence_index INTEGER,
    sentence       VARCHAR,
    char_start     INTEGER,                 -- sentence span in the article text
    char_end       INTEGER,
    trigger        VARCHAR,
    trigger_start  INTEGER,
    trigger_end    INTEGER,
    source_text    VARCHAR,
    target_text    VARCHAR,
    speaker        JSON,
    quote          VARCHAR,
    confidence     DOUBLE,
    coded_at       TIMESTAMP DEFAULT current_timestamp
);

-- Files imported with `realpolitik import`: re-importing the same content is a no-op.
CREATE TABLE IF NOT EXISTS imports (
    file_hash   VARCHAR PRIMARY KEY,
    path        VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,           -- gdelt1 | gdelt2 | icews | events
    rows_ok     BIGINT,
    rows_bad    BIGINT,
    imported_at TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS import_errors (
    file_hash VARCHAR NOT NULL,
    line      BIGINT,
    reason    VARCHAR
);
