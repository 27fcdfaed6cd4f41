"""TriggerScanner.has_trigger stops at the first whole-word trigger; it must agree with find()."""
from __future__ import annotations

from realpolitik.nlp.prefilter import TriggerScanner


def test_has_trigger_agrees_with_find():
    scan = TriggerScanner(["attack", "attacked", "talks", "sanction"])
    cases = [
        ("Russia attacked Ukraine.", True),
        ("The counterattacks failed.", False),  # inside a word
        ("Sanctions were lifted.", False),  # "sanction" is not a whole word here
        ("Peace talks resumed.", True),
        ("", False),
        ("attack", True),
    ]
    for text, want in cases:
        assert scan.has_trigger(text) is want, text
        assert bool(scan.find(text)) is want, text


def test_find_lists_every_whole_word_in_order():
    scan = TriggerScanner(["attack", "attacked"])
    assert scan.find("They attacked, then attack again.") == [(5, 13, "attacked"), (20, 26, "attack")]
