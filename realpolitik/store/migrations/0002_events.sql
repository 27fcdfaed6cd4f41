-- Schema version 2: the numeric form of an import's external id (GDELT GlobalEventID, ICEWS
-- Event ID). Imports check "already stored?" with a range filter on this column, which DuckDB's
-- zone maps answer by skipping whole row groups, instead of scanning every stored id per batch.
ALTER TABLE events ADD COLUMN IF NOT EXISTS external_num BIGINT;
