import duckdb
import pytest

from realpolitik.store import SCHEMA_VERSION, open_store


def test_new_store_is_migrated_and_reopens(tmp_path):
    path = tmp_path / "s.duckdb"
    with open_store(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        tables = {r["table_name"] for r in s.rows("SELECT table_name FROM information_schema.tables")}
        assert {"articles", "ingest_log", "events", "mentions", "imports"} <= tables
        s.execute("INSERT INTO ingest_log (item_key, input, status) VALUES ('a', 'a', 'stored')")
    with open_store(path) as s:  # reopening applies nothing twice and keeps the data
        assert s.schema_version() == SCHEMA_VERSION
        assert s.scalar("SELECT count(*) FROM ingest_log") == 1


def test_failed_transaction_leaves_nothing(store):
    with pytest.raises(duckdb.Error):
        with store.transaction() as con:
            con.execute("INSERT INTO ingest_log (item_key, input, status) VALUES ('x', 'x', 'stored')")
            con.execute("INSERT INTO ingest_log (item_key, input, status) VALUES ('y', 'y', 'bogus')")
    assert store.scalar("SELECT count(*) FROM ingest_log") == 0
