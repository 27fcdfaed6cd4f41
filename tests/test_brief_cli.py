"""`realpolitik brief` on the command line: formats, files, and one-line errors for bad input."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from realpolitik.cli.main import app
from realpolitik.store import open_store
from test_brief_store import build

runner = CliRunner()


def _db(tmp_path):
    path = tmp_path / "b.duckdb"
    s = open_store(path)
    build(s)
    s.close()
    return path


def test_brief_writes_md_html_and_json(tmp_path):
    db = _db(tmp_path)
    for fmt, check in (("md", lambda t: t.startswith("# ") and "## At a Glance" in t),
                       ("html", lambda t: t.startswith("<!DOCTYPE html>") and 'class="cite"' in t),
                       ("json", lambda t: json.loads(t)["passages"])):
        out = tmp_path / f"brief.{fmt}"
        r = runner.invoke(app, ["brief", "--db", str(db), "--actors", "RUS,USA,UKR,NATO", "--format", fmt, "-o", str(out)])
        assert r.exit_code == 0, r.output
        assert check(out.read_text(encoding="utf-8"))


def test_brief_to_stdout_with_names_and_window(tmp_path):
    db = _db(tmp_path)
    r = runner.invoke(app, ["brief", "--db", str(db), "--actors", "Russia,United States", "--from", "2025-02-01",
                            "--to", "2025-02-28", "-f", "json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert [a["code"] for a in d["actors"]] and {a["code"] for a in d["actors"]} == {"RUS", "USA"}
    assert all(p["date"] <= "2025-02-28" for p in d["passages"])


def test_empty_window_is_not_an_error(tmp_path):
    db = _db(tmp_path)
    r = runner.invoke(app, ["brief", "--db", str(db), "--from", "2030-01-01", "--to", "2030-02-01"])
    assert r.exit_code == 0 and "No events" in r.output


def test_bad_input_gives_one_line_errors(tmp_path):
    from realpolitik.cli.output import CliError

    db = _db(tmp_path)
    cases = [(["--actors", "QQQXZ"], "QQQXZ"), (["--from", "yesterday-ish"], "yesterday-ish"),
             (["--actors", ","], "--actors")]
    for args, named in cases:
        r = runner.invoke(app, ["brief", "--db", str(db), *args])
        assert r.exit_code != 0
        assert isinstance(r.exception, CliError) and named in str(r.exception)
        assert "\n" not in str(r.exception)
    r = runner.invoke(app, ["brief", "--db", str(tmp_path / "missing.duckdb")])
    assert isinstance(r.exception, CliError) and "missing.duckdb" in str(r.exception)


def test_help():
    r = runner.invoke(app, ["brief", "--help"])
    assert r.exit_code == 0 and "--actors" in r.output and "--topic" in r.output
