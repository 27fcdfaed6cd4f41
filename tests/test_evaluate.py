"""Evaluation metrics on a hand-made gold set whose numbers are worked out by hand below."""
from __future__ import annotations

import json
import sys
import types

import pytest
from typer.testing import CliRunner

from realpolitik.cli.main import app
from realpolitik.cli.output import CliError
from realpolitik.events.evaluate import evaluate, greedy_match
from realpolitik.events.gold import LabeledEvent, load_gold, sentences_from_records


def actor(country, sector=""):
    return {"country": country, "sector": sector, "name": country}


GOLD = [
    {"id": "s1", "text": "Russian troops attacked Ukraine.", "split": "dev",
     "events": [{"type": "ASSAULT", "cameo": "190", "cameo_root": "19", "source": actor("RUS", "MIL"),
                 "target": actor("UKR"), "trigger": "attacked"}]},
    {"id": "s2", "text": "Washington urged Beijing to talk and criticised Tehran.", "split": "dev",
     "events": [{"type": "REQUEST", "cameo_root": "10", "source": actor("USA", "GOV"),
                 "target": actor("CHN", "GOV"), "trigger": "urged"},
                {"type": "ACCUSE", "cameo_root": "11", "source": actor("USA", "GOV"),
                 "target": actor("IRN", "GOV"), "trigger": "criticised"}]},
    {"id": "s3", "text": "It rained in Nairobi.", "split": "test", "events": []},
    {"id": "s4", "text": "Kenya's government said the border was calm.", "split": "test",
     "events": [{"type": "STATEMENT", "cameo_root": "01", "source": actor("KEN", "GOV"), "target": None,
                 "trigger": "said"}]},
    {"id": "s5", "text": "Markets were quiet.", "split": "test", "events": []},
    # A negated gold event is not coded, so s6 counts as a sentence without events.
    {"id": "s6", "text": "Israel did not strike Gaza.", "split": "test",
     "events": [{"type": "ASSAULT", "cameo_root": "19", "source": actor("ISR"), "target": actor("PSE"),
                 "trigger": "strike", "negated": True}]},
]


def ev(doc, plover, cameo, src, tgt, negated=False):
    return {"doc_id": doc, "plover": plover, "cameo": cameo, "source": src, "target": tgt, "negated": negated}


PREDS = [
    ev("s1", "ASSAULT", "190", actor("RUS", "MIL"), actor("UKR", "MIL")),
    ev("s1", "THREATEN", "138", actor("RUS", "MIL"), actor("UKR")),  # spurious
    ev("s2", "REQUEST", "1041", actor("USA", "GOV"), actor("IRN", "GOV")),  # wrong target: loses the match
    ev("s2", "REQUEST", "020", actor("USA", "GOV"), actor("CHN", "GOV")),  # matched, but root 02 != 10
    ev("s5", "PROTEST", "141", actor("KEN", "CVL"), None),  # false event on an empty sentence
    ev("s6", "ASSAULT", "190", actor("ISR"), actor("PSE"), negated=True),  # ignored
]


@pytest.fixture
def report():
    return evaluate(GOLD, PREDS)


def per(report, t):
    return next(r for r in report.per_type if r["type"] == t)


def test_counts_per_type(report):
    assert report.sentences == 6 and report.gold_events == 4 and report.predicted_events == 5
    assert (per(report, "ASSAULT")["precision"], per(report, "ASSAULT")["recall"]) == (1.0, 1.0)
    req = per(report, "REQUEST")
    assert req["precision"] == pytest.approx(0.5) and req["recall"] == 1.0
    assert req["f1"] == pytest.approx(2 / 3)
    assert per(report, "ACCUSE")["f1"] == 0.0 and per(report, "ACCUSE")["support"] == 1
    assert per(report, "THREATEN")["support"] == 0 and per(report, "THREATEN")["predicted"] == 1
    assert per(report, "STATEMENT")["recall"] == 0.0


def test_macro_and_micro(report):
    # macro over gold types ASSAULT, REQUEST, ACCUSE, STATEMENT: (1 + 2/3 + 0 + 0) / 4
    assert report.macro_f1 == pytest.approx(5 / 12)
    # TP 2, FP 3 (THREATEN, REQUEST->IRN, PROTEST), FN 2 (ACCUSE, STATEMENT)
    assert report.micro_precision == pytest.approx(2 / 5)
    assert report.micro_recall == pytest.approx(2 / 4)
    assert report.micro_f1 == pytest.approx(2 * 0.4 * 0.5 / 0.9)


def test_actor_and_cameo_accuracy(report):
    acc = {k: (v["value"], v["n"]) for k, v in report.accuracy.items()}
    assert acc["source country accuracy"] == (1.0, 2)
    assert acc["target country accuracy"] == (1.0, 2)  # greedy picked the CHN-targeted REQUEST
    assert acc["target sector accuracy"] == (0.5, 2)  # UKR: gold no sector, predicted MIL
    assert acc["CAMEO root accuracy"] == (0.5, 2)
    assert acc["CAMEO code accuracy"] == (1.0, 1)


def test_false_event_rate(report):
    assert report.empty_sentences == 3  # s3, s5, s6
    assert report.false_event_sentences == 1
    assert report.false_event_rate == pytest.approx(1 / 3)


def test_confusion(report):
    c = report.confusion
    assert c["ASSAULT"]["ASSAULT"] == 1 and c["REQUEST"]["REQUEST"] == 1
    assert c["ACCUSE"]["REQUEST"] == 1  # leftovers of s2 pair across types
    assert c["NONE"]["THREATEN"] == 1 and c["NONE"]["PROTEST"] == 1
    assert c["STATEMENT"]["NONE"] == 1
    assert c["NONE"]["NONE"] == 2  # s3 and s6
    total = sum(n for row in c.values() for n in row.values())
    assert total == 8
    assert report.confusion_labels[-1] == "NONE"


def test_greedy_prefers_actor_agreement():
    g = [LabeledEvent("REQUEST", "USA", "GOV", "CHN", "GOV")]
    p = [LabeledEvent("REQUEST", "USA", "GOV", "IRN", None), LabeledEvent("REQUEST", "USA", "GOV", "CHN", "GOV")]
    assert greedy_match(p, g) == [(1, 0)]
    assert greedy_match([LabeledEvent("ACCUSE", "USA")], g) == []
    assert greedy_match([LabeledEvent("ACCUSE", "USA")], g, same_type=False) == [(0, 0)]


def test_plover_style_gold_grouped_by_id():
    recs = [
        {"id": "p1", "text": "Turkey shelled Kurdish positions.", "event": "ASSAULT",
         "source": [{"actorText": "Turkey", "code": "TURMIL"}], "target": [{"actorText": "PKK", "code": "TURREB"}]},
        {"id": "p1", "text": "Turkey shelled Kurdish positions.", "event": "threaten",
         "source": [{"actorText": "Turkey", "code": "TUR", "sector": "GOV"}], "target": []},
        {"text": "Nothing happened.", "event": "", "source": [], "target": []},
    ]
    sents = sentences_from_records(recs)
    assert [s.id for s in sents] == ["p1", "Nothing happened."]
    a, b = sents[0].events
    assert (a.type, a.source_country, a.source_sector, a.target_country, a.target_sector) == (
        "ASSAULT", "TUR", "MIL", "TUR", "REB")
    assert (b.type, b.source_sector, b.target_country) == ("THREATEN", "GOV", None)
    assert sents[1].events == []
    r = evaluate(recs, {"p1": [{"plover": "ASSAULT", "cameo": "195", "source": {"country": "TUR"},
                                "target": {"country": "TUR"}}]})
    assert r.micro_precision == 1.0 and r.micro_recall == 0.5


def test_plover_draft_type_names_read_as_2021_types():
    recs = [
        {"id": "a", "text": "Iran condemned the strike.", "event_type": "disapprove",
         "source": [{"actorText": "Iran", "code": "IRNGOV"}], "target": []},
        {"id": "a", "text": "Iran condemned the strike.", "event": "Demand",
         "source": [{"actorText": "Iran", "code": "IRNGOV"}], "target": []},
        {"id": "b", "text": "Talks went on.", "event": "CONSULT", "source": [], "target": []},
    ]
    a, b = sentences_from_records(recs)
    assert [e.type for e in a.events] == ["ACCUSE", "REQUEST"]
    assert [e.type for e in b.events] == ["CONSULT"]


def _write(tmp_path, name, rows):
    p = tmp_path / name
    p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return p


def test_cli_json_with_coder_output_and_split(tmp_path):
    gold = _write(tmp_path, "gold.jsonl", GOLD)
    preds = _write(tmp_path, "preds.jsonl", PREDS)
    res = CliRunner().invoke(app, ["evaluate", str(gold), "--coder-output", str(preds), "--format", "json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["micro_f1"] == pytest.approx(4 / 9)
    res = CliRunner().invoke(app, ["evaluate", str(gold), "--coder-output", str(preds), "--split", "dev",
                                   "-f", "json"])
    out = json.loads(res.stdout)
    assert out["sentences"] == 2 and out["empty_sentences"] == 0
    assert out["micro_precision"] == pytest.approx(2 / 4) and out["micro_recall"] == pytest.approx(2 / 3)
    table = CliRunner().invoke(app, ["evaluate", str(gold), "--coder-output", str(preds)])
    assert table.exit_code == 0 and "REQUEST" in table.stdout and "micro-F1" in table.stdout


def test_cli_errors(tmp_path):
    runner = CliRunner()
    res = runner.invoke(app, ["evaluate", str(tmp_path / "missing.jsonl")])
    assert isinstance(res.exception, CliError) and "missing.jsonl" in str(res.exception)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(GOLD[0]) + "\n{not json\n", encoding="utf-8")
    res = runner.invoke(app, ["evaluate", str(bad), "--coder-output", str(bad)])
    assert isinstance(res.exception, CliError) and "bad.jsonl:2" in str(res.exception)
    gold = _write(tmp_path, "gold.jsonl", GOLD)
    res = runner.invoke(app, ["evaluate", str(gold), "--split", "train", "--coder-output", str(gold)])
    assert isinstance(res.exception, CliError) and "--split train" in str(res.exception)
    other = _write(tmp_path, "other.jsonl", [dict(PREDS[0], doc_id="zzz")])
    res = runner.invoke(app, ["evaluate", str(gold), "--coder-output", str(other)])
    assert isinstance(res.exception, CliError) and "doc_id" in str(res.exception)


class _FakeCoder:
    """Codes every sentence mentioning 'attacked' as a RUS->UKR assault."""

    def __init__(self, *a, **k):
        pass

    def code_text(self, text, doc_id="doc", date=None):
        from realpolitik.records import Actor, Event

        if "attacked" not in text:
            return []
        return [Event(doc_id=doc_id, event_id="e1", date=date, source=Actor("Russia", "RUSMIL", "RUS", "MIL"),
                      target=Actor("Ukraine", "UKR", "UKR"), cameo="190", cameo_label="", plover="ASSAULT",
                      plover_mode=None, quad_class=4, goldstein=-10.0)]


def test_cli_runs_the_coder(tmp_path, monkeypatch):
    fake = types.ModuleType("realpolitik.events.coder")
    fake.Coder = _FakeCoder
    monkeypatch.setitem(sys.modules, "realpolitik.events.coder", fake)
    gold = _write(tmp_path, "gold.jsonl", GOLD)
    saved = tmp_path / "pred.jsonl"
    res = CliRunner().invoke(app, ["evaluate", str(gold), "-f", "json", "--save-predictions", str(saved)])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["micro_precision"] == 1.0 and out["micro_recall"] == pytest.approx(1 / 4)
    assert [json.loads(x)["doc_id"] for x in saved.read_text().splitlines()] == ["s1"]


@pytest.mark.shared
def test_guardian_labels_read_as_is(shared_data):
    path = shared_data / "news" / "guardian_dev_labels.jsonl"
    raw = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    sents = load_gold(path)
    assert len(sents) == len(raw)
    assert sum(len(s.events) for s in sents) == sum(
        1 for r in raw for e in r["events"] if not e.get("negated"))
    # Gold scored against itself must be perfect; against nothing, recall 0 and no false events.
    perfect = evaluate(sents, {s.id: list(s.events) for s in sents})
    assert perfect.micro_f1 == 1.0 and perfect.false_event_rate == 0.0
    empty = evaluate(sents, {})
    assert empty.micro_recall == 0.0 and empty.confusion["NONE"]["NONE"] == sum(1 for r in raw if not r["events"])
