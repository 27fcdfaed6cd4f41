"""Sanity checks on the hand-labelled gold standard (eval/gold/dev.jsonl, eval/gold/test.jsonl)."""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parent.parent / "eval" / "gold"
SPLITS = ("dev", "test")

TYPE_BY_ROOT = {
    "01": "STATEMENT", "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT",
    "06": "COOPERATE", "07": "AID", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE",
    "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION",
    "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}
SPECIAL = {"IGO", "NGO", "IMG"}


def expected_type(cameo: str) -> str:
    if cameo[:2] == "08":
        return "RETREAT" if cameo[:3] == "087" else "CONCEDE"
    return TYPE_BY_ROOT[cameo[:2]]


def _load(split: str) -> list[dict]:
    path = GOLD / f"{split}.jsonl"
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:  # pragma: no cover - failure path
                    pytest.fail(f"{path.name}:{n} does not parse: {exc}")
    return rows


@pytest.fixture(scope="module")
def gold() -> dict[str, list[dict]]:
    return {s: _load(s) for s in SPLITS}


@pytest.fixture(scope="module")
def rows(gold) -> list[dict]:
    return gold["dev"] + gold["test"]


def main_root(row: dict) -> str:
    return row["events"][0]["cameo_root"] if row["events"] else "none"


def test_files_parse_and_have_fields(rows):
    assert rows
    for r in rows:
        assert set(r) >= {"id", "date", "text", "events", "split"}, r.get("id")
        dt.date.fromisoformat(r["date"])
        assert isinstance(r["text"], str) and r["text"].strip()
        assert isinstance(r["events"], list)


def test_ids_unique(rows):
    ids = [r["id"] for r in rows]
    dup = [k for k, v in Counter(ids).items() if v > 1]
    assert not dup, dup[:10]


def test_texts_unique(rows):
    texts = Counter(r["text"] for r in rows)
    assert not [t for t, v in texts.items() if v > 1]


def test_split_field_matches_file(gold):
    for split, rs in gold.items():
        assert all(r["split"] == split for r in rs), split


def test_splits_disjoint(gold):
    dev_ids = {r["id"] for r in gold["dev"]}
    test_ids = {r["id"] for r in gold["test"]}
    assert not dev_ids & test_ids
    dev_txt = {r["text"] for r in gold["dev"]}
    test_txt = {r["text"] for r in gold["test"]}
    assert not dev_txt & test_txt


def test_event_shape_and_type_consistency(rows):
    for r in rows:
        for e in r["events"]:
            assert set(e) >= {"type", "cameo", "cameo_root", "source", "target", "trigger", "negated"}, r["id"]
            code = e["cameo"]
            assert code.isdigit() and 3 <= len(code) <= 4, (r["id"], code)
            assert e["cameo_root"] == code[:2], (r["id"], code, e["cameo_root"])
            assert 1 <= int(e["cameo_root"]) <= 20, r["id"]
            assert e["type"] == expected_type(code), (r["id"], code, e["type"])
            assert e["negated"] is False, r["id"]
            assert e["trigger"] and e["trigger"].lower() in r["text"].lower(), (r["id"], e["trigger"])
            for role in ("source", "target"):
                a = e[role]
                if a is None:
                    assert role == "target", r["id"]
                    continue
                assert set(a) >= {"country", "sector", "name"}, r["id"]
                c = a["country"]
                assert c in SPECIAL or (len(c) == 3 and c.isupper()), (r["id"], c)
                assert c != "KUR", r["id"]
                assert a["name"], r["id"]


def test_size(rows):
    assert len(rows) >= 800


def test_per_root_minimum(rows):
    counts = Counter(main_root(r) for r in rows)
    for root in (f"{i:02d}" for i in range(1, 21)):
        assert counts[root] >= 25, (root, counts[root])


def test_no_event_minimum(rows):
    assert sum(1 for r in rows if not r["events"]) >= 150


def test_split_roughly_balanced(gold, rows):
    n_dev = len(gold["dev"])
    assert abs(n_dev - len(rows) / 2) <= 0.05 * len(rows)
    for root in {main_root(r) for r in rows}:
        d = sum(1 for r in gold["dev"] if main_root(r) == root)
        t = sum(1 for r in gold["test"] if main_root(r) == root)
        assert abs(d - t) <= 2, (root, d, t)


def test_lengths(rows):
    for r in rows:
        n = len(r["text"].split())
        assert 10 <= n <= 45, (r["id"], n)


def _build_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("gold_build", GOLD / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_built_files_match_parts(rows):
    """dev.jsonl/test.jsonl are up to date with the parts (same texts, same ids)."""
    build = _build_module()
    parts = build.load_parts()
    assert {r["id"]: r["text"] for r in parts} == {r["id"]: r["text"] for r in rows}


def test_adding_sentences_keeps_existing_splits(gold):
    """A new sentence is dealt without moving any existing sentence between dev and test."""
    build = _build_module()
    prior = {r["text"]: s for s, rs in gold.items() for r in rs}
    rows = build.load_parts()
    ev = {"type": "ASSAULT", "cameo": "190", "cameo_root": "19",
          "source": {"country": "USA", "sector": "MIL", "name": "x"}, "target": None,
          "trigger": "x", "negated": False}
    extra = [{"date": "2020-01-01", "text": f"Synthetic new sentence number {i} for the split test.",
              "events": [dict(ev)] if i % 3 else [], "_part": "zz_test"} for i in range(7)]
    build.assign_splits(rows + extra, prior)
    moved = [r["id"] for r in rows if r["split"] != prior[r["text"]]]
    assert not moved, moved[:10]
    assert all(r["split"] in ("dev", "test") for r in extra)
    # the new sentences are dealt so each root stays balanced
    for root in ("19", "none"):
        grp = [r for r in rows + extra if build.group_of(r) == root]
        d = sum(r["split"] == "dev" for r in grp)
        assert abs(d - (len(grp) - d)) <= 2, (root, d, len(grp) - d)
    # and the result does not depend on which sentences were already known
    again = [dict(r) for r in rows + extra]
    build.assign_splits(again, prior)
    assert [r["split"] for r in again] == [r["split"] for r in rows + extra]
