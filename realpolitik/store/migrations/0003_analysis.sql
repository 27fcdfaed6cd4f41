-- Schema version 3 (analysis): a daily country-dyad roll-up of non-negated events.
-- Filled by realpolitik.analysis.refresh_dyad_daily(store); analyses use it only while its
-- signature in meta matches the events table, so it is safe to leave stale.
CREATE TABLE IF NOT EXISTS dyad_daily (
    date               DATE NOT NULL,
    source_country     VARCHAR NOT NULL,
    target_country     VARCHAR NOT NULL,
    cameo_root         VARCHAR NOT NULL,
    quad_class         TINYINT,
    events             BIGINT NOT NULL,
    mentions           BIGINT NOT NULL,
    goldstein          DOUBLE,          -- sum of Goldstein over events
    goldstein_mentions DOUBLE           -- sum of Goldstein x mentions
);
