"""Every command and subcommand of `realpolitik` answers --help with exit 0 and a usable description.

The commands are discovered from the Typer app itself (walking the Click command tree), so a command
added later is covered without touching this file.
"""
from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from realpolitik.cli.main import app

runner = CliRunner()


def _is_group(cmd) -> bool:
    # Typer vendors its own Click, so duck-type rather than isinstance(click.Group).
    return isinstance(getattr(cmd, "commands", None), dict)


def _walk(cmd, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], object]]:
    found = [(path, cmd)]
    if _is_group(cmd):
        for name in sorted(cmd.commands):
            sub = cmd.commands[name]
            if not getattr(sub, "hidden", False):
                found += _walk(sub, path + (name,))
    return found


COMMANDS = _walk(typer.main.get_command(app))
IDS = [" ".join(p) or "(root)" for p, _ in COMMANDS]

# The commands the README promises; discovery must find at least these.
PROMISED = {
    ("ingest",), ("status",), ("code",), ("summary",), ("evaluate",), ("import",), ("import", "gdelt"),
    ("import", "icews"), ("import", "events"), ("export",), ("dyad",), ("profile",), ("network",),
    ("shifts",), ("forecast",), ("brief",), ("serve",), ("version",),
}


def test_discovery_finds_every_promised_command():
    found = {p for p, _ in COMMANDS}
    assert PROMISED <= found, sorted(PROMISED - found)


@pytest.mark.parametrize("path,cmd", COMMANDS, ids=IDS)
def test_help_exits_zero_with_usage_and_description(path, cmd):
    r = runner.invoke(app, [*path, "--help"], terminal_width=100)
    assert r.exit_code == 0, r.output
    out = r.output
    assert "Usage:" in out
    assert ("realpolitik " + " ".join(path)).strip() in " ".join(out.split())
    # A user reading --help needs to know what the command does: a non-empty description.
    desc = (cmd.help or cmd.short_help or "").strip()
    assert desc, f"{' '.join(path) or 'realpolitik'} has no help text"
    assert desc.split()[0] in out
    assert "Traceback" not in out


@pytest.mark.parametrize("path,cmd", [(p, c) for p, c in COMMANDS if p], ids=[i for i in IDS if i != "(root)"])
def test_every_option_is_documented(path, cmd):
    """Each option a user can pass has a help string (what it does is not left to guesswork)."""
    missing = [
        p.opts[0] for p in cmd.params
        if getattr(p, "param_type_name", "") == "option" and p.name != "help" and not (p.help or "").strip()
    ]
    assert not missing, f"{' '.join(path)}: options without help: {missing}"


@pytest.mark.parametrize("path", [p for p, c in COMMANDS if _is_group(c)],
                         ids=[" ".join(p) or "(root)" for p, c in COMMANDS if _is_group(c)])
def test_group_without_arguments_shows_help_not_a_traceback(path):
    r = runner.invoke(app, list(path))
    assert "Traceback" not in r.output
    assert "Usage:" in r.output
