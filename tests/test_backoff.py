"""The statistical backoff (realpolitik.events.backoff): the shipped JSON model, its mechanics on a
tiny hand-made model, and its behaviour on sentences the rules leave empty."""
from __future__ import annotations

import json

import numpy as np
import pytest

from realpolitik.events import backoff as bo
from realpolitik.events.taxonomy import cameo

DATE = "2020-10-10"
# Written for this test (not in any training file). The rule lexicon had no pattern for
# "pushed ... out of" when the test was written; the backoff is asked directly (events=[]), so the
# test does not depend on whether the rules catch it later.
VIOLENT = "Azerbaijani forces pushed Armenian troops out of several villages in Nagorno-Karabakh."
VIOLENT_2 = "Russian artillery flattened the Ukrainian town of Marinka."
SPORT = "Brazil beat Argentina 2-0 in a World Cup qualifier in Rio de Janeiro."
MARKETS = "The Japanese yen weakened against the dollar on Tuesday."


# -- the shipped model -------------------------------------------------------------------------

def test_shipped_model_loads_as_portable_json():
    raw = json.loads(bo.MODEL_PATH.read_text(encoding="utf-8"))
    assert raw["format"] == "realpolitik-backoff/1"
    model = bo.LinearModel.load()
    assert bo.NONE in model.classes and "ASSAULT" in model.classes
    k = len(model.classes)
    assert model.intercept.shape == (k,)
    assert model.weights and all(w.shape == (k,) for w in model.weights.values())
    assert 0.0 < model.threshold <= 1.01
    # every type it can predict has a generic code of that type in the taxonomy
    for t in model.classes:
        if t != bo.NONE:
            assert cameo(model.codes[t]).plover == t
    assert model.codes["ASSAULT"][:2] in ("18", "19", "20")
    p = model.proba(["bias", "w=attack"])
    assert p.shape == (k,) and abs(p.sum() - 1.0) < 1e-9


def test_load_returns_none_for_a_missing_or_bad_file(tmp_path):
    assert bo.Backoff.load(tmp_path / "nope.json") is None
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something-else"}', encoding="utf-8")
    assert bo.Backoff.load(bad) is None


# -- mechanics on a tiny model -----------------------------------------------------------------

def _tiny() -> bo.LinearModel:
    classes = ["ASSAULT", "NONE"]
    weights = {"w=shell": np.array([3.0, -3.0]), "w=football": np.array([-3.0, 3.0])}
    return bo.LinearModel(classes, weights, np.array([0.0, 0.5]), threshold=0.6,
                          codes={"ASSAULT": "190"})


def test_tiny_model_predicts_and_round_trips(tmp_path):
    m = _tiny()
    assert m.predict(["bias", "w=shell"])[0] == "ASSAULT"
    assert m.predict(["bias", "w=football"])[0] == bo.NONE
    assert m.predict(["bias"])[0] == bo.NONE  # unknown features: the intercept decides
    path = tmp_path / "m.json"
    m.save(path)
    m2 = bo.LinearModel.load(path)
    assert m2.classes == m.classes and m2.threshold == m.threshold and m2.codes == m.codes
    for f in ("w=shell", "w=football"):
        assert np.allclose(m2.weights[f], m.weights[f])
    # 'event' decision: the best non-NONE type with P(event)
    m.decision = "event"
    t, p = m.predict(["bias"])
    assert t == "ASSAULT" and abs(p - m.proba(["bias"])[0]) < 1e-12


def test_tiny_model_trained_in_the_test():
    pytest.importorskip("sklearn")
    from realpolitik.events.train_backoff import fit

    def cand(*feats):
        return bo.Candidate(0, 0, 0, None, [], ["bias", *feats])

    cands = [cand("w=shell", "gov=shell")] * 6 + [cand("w=score", "gov=score")] * 6
    labels = ["ASSAULT"] * 6 + [bo.NONE] * 6
    m = fit(cands, labels, c=10.0)
    assert sorted(m.classes) == ["ASSAULT", bo.NONE]
    assert m.predict(["bias", "w=shell"]) [0] == "ASSAULT"
    assert m.predict(["bias", "w=score"])[0] == bo.NONE
    # and it survives JSON
    m2 = bo.LinearModel.from_json(json.loads(json.dumps(m.to_json())))
    assert m2.predict(["bias", "w=shell"])[0] == "ASSAULT"


# -- with the coder --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def backoff():
    b = bo.Backoff.load()
    assert b is not None
    return b


def test_violent_sentence_gets_an_assault_event(coder, backoff):
    for text in (VIOLENT, VIOLENT_2):
        cands = bo.candidates(coder, text, [], DATE, spans=[(0, len(text))])
        assert len(cands) == 1
        etype, p = backoff.model.predict(cands[0].feats)
        assert etype == "ASSAULT", (text, etype, p)
    # the shipped threshold may switch the backoff off (see train_backoff): test the mechanics at 0.5
    events = bo.Backoff(backoff.model, threshold=min(backoff.threshold, 0.5)).augment(coder, VIOLENT, [], "t", DATE)
    assert len(events) == 1
    e = events[0]
    assert e.plover == "ASSAULT" and e.cameo[:2] in ("18", "19", "20")
    assert e.source.code == "AZEMIL" and e.target is not None and e.target.country == "ARM"
    assert e.modality == "action" and not e.negated
    assert e.trigger == "pushed" and VIOLENT[e.trigger_start:e.trigger_end] == "pushed"
    assert 0 < e.confidence <= bo.CONFIDENCE_SCALE
    assert (e.char_start, e.char_end) == (0, len(VIOLENT))


def test_non_political_sentences_get_nothing(coder, backoff):
    low = bo.Backoff(backoff.model, threshold=0.3)
    for text in (SPORT, MARKETS):
        assert backoff.augment(coder, text, [], "t", DATE) == []
        assert low.augment(coder, text, [], "t", DATE) == []


def test_disabled_backoff_changes_nothing(coder, backoff):
    off = bo.Backoff(backoff.model, threshold=1.01)
    assert not off.enabled
    assert off.augment(coder, VIOLENT, [], "t", DATE) == []


def test_sentences_the_rules_coded_are_left_alone(coder, backoff):
    text = "Russian troops shelled Kharkiv. " + VIOLENT
    rules = coder.code_text(text, "t", DATE)
    out = bo.Backoff(backoff.model, threshold=0.3).augment(coder, text, rules, "t", DATE)
    assert out[: len(rules)] == rules or all(e in out for e in rules)
    first = len("Russian troops shelled Kharkiv.")
    added = [e for e in out if e not in rules]
    assert all(e.char_start > first for e in added)
    assert len(added) <= 1
