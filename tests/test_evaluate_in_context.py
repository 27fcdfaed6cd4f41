"""`realpolitik evaluate --articles`: gold sentences coded inside their whole articles."""
import json

import pytest
from typer.testing import CliRunner

from realpolitik.cli.main import app
from realpolitik.cli.output import CliError
from realpolitik.events.gold import sentences_from_records
from realpolitik.events.in_context import ContextError, check_articles, code_in_context

ARTICLE = ("Russian Foreign Minister Sergei Lavrov arrived in Ankara on Monday. "
           "He accused Turkey of arming militants in northern Syria. "
           "The weather was mild.")


def _gold():
    out = []
    for i, (sent, events) in enumerate([
        ("He accused Turkey of arming militants in northern Syria.",
         [{"type": "ACCUSE", "source": {"country": "RUS", "sector": "GOV"},
           "target": {"country": "TUR", "sector": "GOV"}}]),
        ("The weather was mild.", []),
    ]):
        start = ARTICLE.index(sent)
        out.append({"id": f"s{i}", "article": "a1", "start": start, "end": start + len(sent),
                    "date": "2019-05-06", "text": sent, "events": events})
    return out


def test_context_resolves_the_pronoun_that_a_lone_sentence_cannot(coder):
    sents = sentences_from_records(_gold())
    assert (sents[0].article, sents[0].start) == ("a1", ARTICLE.index("He accused"))
    preds = code_in_context(coder, sents, {"a1": {"id": "a1", "text": ARTICLE, "date": "2019-05-06"}})
    got = [(e.plover, e.source.country, e.target.country) for e in preds["s0"]]
    assert ("ACCUSE", "RUS", "TUR") in got
    assert preds["s1"] == []
    # the first sentence is not labelled: its events are credited to no gold sentence
    assert all(e.char_start >= ARTICLE.index("He accused") for es in preds.values() for e in es)
    alone = coder.code_text(sents[0].text, "alone", date="2019-05-06")
    assert not any(e.source.country == "RUS" for e in alone)


def test_misplaced_or_missing_articles_are_named():
    sents = sentences_from_records(_gold())
    with pytest.raises(ContextError, match="s0.*not in the articles file"):
        check_articles(sents, {})
    with pytest.raises(ContextError, match="s0: its text is not at"):
        check_articles(sents, {"a1": {"text": "Something else entirely. " + ARTICLE}})
    bare = sentences_from_records([{"id": "x", "text": "Iran protested.", "events": []}])
    with pytest.raises(ContextError, match="x: no 'article'"):
        check_articles(bare, {})


def test_cli_articles_option(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in _gold()), encoding="utf-8")
    arts = tmp_path / "articles.jsonl"
    arts.write_text(json.dumps({"id": "a1", "text": ARTICLE, "date": "2019-05-06"}) + "\n", encoding="utf-8")
    saved = tmp_path / "pred.jsonl"
    res = CliRunner().invoke(app, ["evaluate", str(gold), "--articles", str(arts), "-f", "json",
                                   "--save-predictions", str(saved)])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert report["micro_recall"] == 1.0 and report["false_event_rate"] == 0.0
    # saved events are keyed by gold sentence, so they score the same again
    again = CliRunner().invoke(app, ["evaluate", str(gold), "--coder-output", str(saved), "-f", "json"])
    assert json.loads(again.stdout)["micro_recall"] == 1.0
    missing = CliRunner().invoke(app, ["evaluate", str(gold), "--articles", str(tmp_path / "nope.jsonl")])
    assert isinstance(missing.exception, CliError) and "nope.jsonl: no such file" in str(missing.exception)
