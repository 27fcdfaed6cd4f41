"""The CAMEO/PLOVER table: completeness, value ranges and the PLOVER mapping of the annotation guide."""
from __future__ import annotations

import pytest

from realpolitik.events import taxonomy as tx

# The mapping in docs/ARCHITECTURE.md, written out independently of the data file.
EXPECTED_PLOVER_BY_ROOT = {
    "01": "STATEMENT", "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT",
    "06": "COOPERATE", "07": "AID", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE",
    "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION",
    "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}


def expected_plover(code: str) -> str:
    if code[:2] == "08":
        # Releases and lifted sanctions are concessions; only military de-escalation (087) is a retreat.
        return "RETREAT" if code[:3] == "087" else "CONCEDE"
    return EXPECTED_PLOVER_BY_ROOT[code[:2]]


def test_all_twenty_roots_present():
    assert [r.code for r in tx.roots()] == [f"{i:02d}" for i in range(1, 21)]


def test_table_size_and_unique_codes():
    codes = [c.code for c in tx.all_codes()]
    assert len(codes) == len(set(codes))
    # CAMEO 1.1b3 has 20 roots and a little under 300 sub-codes.
    assert 290 <= len(codes) <= 320
    assert all(len(c) in (2, 3, 4) and c.isdigit() for c in codes)


def test_goldstein_in_range_and_labels_present():
    for c in tx.all_codes():
        assert -10.0 <= c.goldstein <= 10.0, c
        assert c.label.strip(), c


def test_quad_class_per_root():
    for c in tx.all_codes():
        r = int(c.root)
        want = 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4
        assert c.quad_class == want, c
        assert c.root == c.code[:2]


def test_plover_mapping_follows_the_guide():
    for c in tx.all_codes():
        assert c.plover == expected_plover(c.code), c
    assert set(tx.PLOVER_TYPES) == set(EXPECTED_PLOVER_BY_ROOT.values()) | {"CONCEDE", "RETREAT"}
    assert len(tx.PLOVER_TYPES) == 17


def test_every_subcode_has_a_parent():
    table = {c.code for c in tx.all_codes()}
    for c in tx.all_codes():
        if len(c.code) > 2:
            assert c.code[:-1] in table, c
            assert tx.parent(c.code).code == c.code[:-1]
    assert tx.parent("19") is None


def test_known_goldstein_anchor_values():
    # A few well-known anchors of the scale.
    assert tx.cameo("057").goldstein == 8.0
    assert tx.cameo("0874").goldstein == 10.0
    assert tx.cameo("190").goldstein == -10.0
    assert tx.cameo("042").goldstein == 1.9
    assert tx.cameo("163").goldstein == -8.0


def test_lookup_forms_and_lost_leading_zero():
    assert tx.cameo("19").code == "19"
    assert tx.cameo("190").code == "190"
    assert tx.cameo("0231").plover == "REQUEST"
    assert tx.cameo(" 0231 ").code == "0231"
    assert tx.cameo("42").code == "042"  # GDELT-style numeric code
    assert tx.cameo("231").code == "0231"
    assert tx.cameo("21").code == "021"  # no root 21, so a stripped 021
    assert tx.cameo(1).code == "01"
    assert tx.cameo(190).code == "190"
    # Two-digit 10..20 are roots, not zero-stripped 010..020.
    assert tx.cameo("10").plover == "REQUEST" and tx.cameo("10").quad_class == 3
    assert tx.cameo("110").code == "110"


@pytest.mark.parametrize("bad", ["999", "300", "", "abc", "0", "00", "01234", "-19"])
def test_unknown_codes(bad):
    with pytest.raises(KeyError):
        tx.cameo(bad)
    assert tx.cameo_or_none(bad) is None


def test_modes_and_helpers():
    assert tx.cameo("0871").plover_mode == "ceasefire"
    assert tx.cameo("0841").plover_mode == "release"
    assert tx.cameo("073").plover_mode == "humanitarian"
    assert {c.code for c in tx.children("023")} == {"0231", "0232", "0233", "0234"}
    retreat = {c.code for c in tx.codes_for_plover("retreat")}
    assert "0874" in retreat and "084" not in retreat and "083" not in retreat
    assert tx.plover_for("1823") == "ASSAULT" and tx.plover_for("xx") is None


def test_frozen():
    c = tx.cameo("01")
    with pytest.raises(Exception):
        c.label = "x"  # type: ignore[misc]
