"""`realpolitik serve`: options reach the app, the token is printed or taken from the env."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from realpolitik.cli.main import app
from realpolitik.cli.output import CliError

runner = CliRunner()


@pytest.fixture
def started(monkeypatch):
    """Replace uvicorn.run: record what would be served instead of serving it."""
    calls = []
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda web_app, **kw: calls.append((web_app, kw)))
    return calls


def test_generated_token_is_printed_and_used(tmp_path, started, monkeypatch):
    monkeypatch.delenv("REALPOLITIK_TOKEN", raising=False)
    r = runner.invoke(app, ["serve", "--db", str(tmp_path / "s.duckdb"), "--port", "8123", "--closed-reads"])
    assert r.exit_code == 0, r.output
    (web_app, kw), = started
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8123
    token = web_app.state.settings.token
    assert len(token) >= 20 and f"token for writes and reads: {token}" in r.output
    assert web_app.state.settings.closed_reads is True
    web_app.state.hub.close()


def test_token_from_env_is_not_printed_and_open_host_warns(tmp_path, started, monkeypatch):
    monkeypatch.setenv("REALPOLITIK_TOKEN", "env-secret-token")
    r = runner.invoke(app, ["serve", "--db", str(tmp_path / "s.duckdb"), "--host", "0.0.0.0"])
    assert r.exit_code == 0, r.output
    (web_app, _), = started
    assert web_app.state.settings.token == "env-secret-token" and "env-secret-token" not in r.output
    assert "reads are open to anyone" in r.output
    web_app.state.hub.close()


def test_a_file_that_is_not_a_store_is_a_one_line_error(tmp_path, started):
    bad = tmp_path / "bad.duckdb"
    bad.write_text("not a database")
    r = runner.invoke(app, ["serve", "--db", str(bad)])
    # `realpolitik` (cli.main.run) prints a CliError as one line and exits with its code.
    assert isinstance(r.exception, CliError) and r.exception.exit_code == 2
    assert "cannot open" in str(r.exception) and str(bad) in str(r.exception)
    assert not started


@pytest.fixture
def locked(tmp_path):
    """A store held open for writing by another process, as a running `realpolitik serve` holds it."""
    import subprocess
    import sys

    from realpolitik.store import open_store

    path = tmp_path / "held.duckdb"
    open_store(path).close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]);"
                               " print('ready', flush=True); time.sleep(60)", str(path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        yield path, holder.pid
    finally:
        holder.kill()
        holder.wait()


def test_serve_says_it_holds_the_store(tmp_path, started):
    db = tmp_path / "s.duckdb"
    r = runner.invoke(app, ["serve", "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert f"no other process open {db}" in r.output and "idle" in r.output and "copy" in r.output
    started[0][0].state.hub.close()


def test_a_store_held_by_another_process_is_named_in_use(locked, started):
    path, pid = locked
    r = runner.invoke(app, ["serve", "--db", str(path)])
    assert isinstance(r.exception, CliError) and not started
    assert f"in use by process {pid}" in str(r.exception) and "copy" in str(r.exception)
    for cmd in (["network"], ["dyad", "RUS", "UKR"], ["profile", "RUS"]):
        r = runner.invoke(app, cmd + ["--db", str(path)])
        assert isinstance(r.exception, CliError), r.output
        assert f"in use by process {pid}" in str(r.exception) and "realpolitik serve" in str(r.exception)
        assert "copy" in str(r.exception)


def _other_process_can_open(path) -> bool:
    import subprocess
    import sys

    code = "import duckdb, sys; duckdb.connect(sys.argv[1], read_only=True).execute('SELECT 1')"
    return subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True).returncode == 0


def test_the_server_lets_go_of_an_idle_store_and_reopens_it(tmp_path):
    import time

    from realpolitik.web.storeaccess import StoreHub

    hub = StoreHub(tmp_path / "idle.duckdb", idle_close=0.2)
    try:
        view = hub.view()
        assert view.scalar("SELECT count(*) FROM events") == 0
        assert not _other_process_can_open(hub.path)  # in use: the CLI cannot open it
        view.close()
        time.sleep(0.6)
        assert hub.store is None and _other_process_can_open(hub.path)
        again = hub.view()  # the next request opens it again, writable
        assert hub.writable and again.scalar("SELECT count(*) FROM events") == 0
        again.close()
    finally:
        hub.close()


def test_a_request_while_another_process_writes_is_503(locked):
    from fastapi.testclient import TestClient

    from realpolitik.web import Settings, create_app
    from realpolitik.web.storeaccess import StoreBusy, StoreHub

    path, pid = locked
    with pytest.raises(StoreBusy, match=f"process {pid}"):
        StoreHub(path)
    app_ = create_app(Settings(db=path.parent / "free.duckdb", token="t"))
    hub = app_.state.hub
    hub._close_if_idle()  # idle: the server let go of its file ...
    hub.path = path  # ... and the next request finds it held by another process
    with TestClient(app_) as c:
        r = c.get("/api/status")
        assert r.status_code == 503 and f"process {pid}" in r.json()["error"]
        assert c.get("/network").status_code == 503
