"""PETRARCH/TABARI verb dictionaries as extra lexicon patterns: an inline toy file (invented verbs, so
nothing here comes from a real dictionary), the real files in ../shared when present, and the CLI."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from realpolitik.events.lexicon import Lexicon, VerbPattern, default_lexicon
from realpolitik.events.petrarch_verbs import extend_lexicon, read_petrarch_verbs

TOY = """<!-- a toy verb file
     spanning two lines -->
&GADGETS_
+WIDGET
# a comment line inside a set does not end it
+SPROCKET_WHEEL
+&TOOLS   # a nested set

&TOOLS
+SPANNERS

&GUARDS
+SENTRY

--- GRONK [---] ---
GRONK {GRONKS GRONKED GRONKING GRANK}   # invented; the block has no default code
BLORT [190]
+GRONK_AWAY [0874]
+GRONK_AGAINST [111]
QUUX_+GRONK [010]
- * &GADGETS [195]               # object from a set, nested set included
- * (TO) [042:043]               # target in the prepositional phrase; reverse code dropped
- * (INTO INQUIRIES) [090]       # preposition required, its object selects
- * UP AID [070]                 # particle plus object
- * TREATIES [057:057]           # the same code both ways
- &GUARDS * [154]                # subject from a set
- * WITH % [031]                 # compound actor as the preposition's object: like * (WITH)
- $ * + [111]                    # the target marker with no preposition: skipped
- TRIED_TO_* [112]               # word order: skipped
- * MEMO (TO CHIEF) [020]        # object plus phrase: skipped
- * TO_LET_GO [066]              # verb complement: skipped
- * PLAN [903]                   # not a CAMEO code: skipped
- * FRIENDS [---]                # no code: skipped

--- ZIBBLE [051] ---
ZIBBLE                           # the block's namesake: takes the block's code
SNORFLE                          # a synonym without a code of its own: skipped
SAY [051]                        # a verb the shipped lexicon codes: its bare code is skipped
"""


@pytest.fixture
def toy(tmp_path):
    p = tmp_path / "Toy.verbs.txt"
    p.write_text(TOY, encoding="utf-8")
    return p


def _by(pats, lemma, **kw):
    return [p for p in pats if p.lemma == lemma and all(getattr(p, k) == v for k, v in kw.items())]


def test_toy_file_counts(toy):
    rep = read_petrarch_verbs(toy).report
    assert (rep.synsets, rep.blocks, rep.verbs, rep.patterns_read) == (3, 2, 8, 13)
    assert rep.converted == 7
    assert rep.verb_codes == 4  # BLORT [190], +GRONK_AWAY [0874], +GRONK_AGAINST [111], ZIBBLE (block's 051)
    assert rep.skipped == {
        "target marker (+)": 1, "words before the verb": 1,
        "object plus prepositional phrase": 1, "not a noun phrase": 1, "not a CAMEO code": 1,
        "no code [---]": 1, "verb: no code [---]": 1, "multi-word verb: words before the verb": 1,
        "verb: bare code on a verb the shipped lexicon codes": 1, "verb: block code on a synonym": 1,
    }
    assert "13 patterns read, 7 converted, 6 skipped" in rep.summary()


def test_toy_file_conversion(toy):
    pv = read_petrarch_verbs(toy)
    pats = pv.patterns
    # every pattern of the GRONK block applies to both its single-word verbs
    assert {p.lemma for p in pats if p.code == "195"} == {"gronk", "blort"}
    (gadget,) = _by(pats, "gronk", code="195")
    assert gadget.obj == ("widget", "sprocket wheel", "spanner", "spanners")
    (to,) = _by(pats, "gronk", code="042")
    assert (to.part, to.prep, to.mutual) == (("to",), ("to",), False)
    (into,) = _by(pats, "gronk", code="090")
    assert (into.part, into.obj) == (("into",), ("inquiry", "inquiries"))
    (aid,) = _by(pats, "gronk", code="070")
    assert (aid.part, aid.obj) == (("up",), ("aid",))
    assert _by(pats, "gronk", code="057")[0].mutual
    (with_,) = _by(pats, "gronk", code="031")
    assert (with_.part, with_.prep, with_.obj) == (("with",), ("with",), ())
    assert _by(pats, "gronk", code="154")[0].subj == ("sentry",)
    assert _by(pats, "gronk", code="0874")[0].part == ("away",)
    assert _by(pats, "gronk", code="111")[0].part == ("against",)
    assert _by(pats, "blort", code="190", obj=(), part=())
    assert not _by(pats, "gronk", obj=(), part=(), subj=())  # [---]: no bare gronk pattern
    assert not _by(pats, "say") and not _by(pats, "snorfle")
    assert _by(pats, "zibble", code="051")
    assert pv.irregular["gronk"] == ["gronks", "gronked", "gronking", "grank"]


def test_extend_adds_to_a_copy_and_keeps_shipped_patterns_first(toy):
    shipped = default_lexicon()
    n_before = len(shipped.verbs["release"])
    lex, (rep,) = extend_lexicon(shipped, [toy])
    assert rep.added and "gronk" in lex.verbs and "gronk" not in shipped.verbs
    assert "grank" in lex.surface_forms() and "grank" not in shipped.surface_forms()
    assert ("gronk", {"gronk", "gronks", "gronked", "gronking", "grank"}) in [
        (v, f & {"gronk", "gronks", "gronked", "gronking", "grank"}) for v, f in lex.lemma_tables()[0]]
    # Same lemma and object as a shipped pattern: the shipped one stays first.
    first = shipped.verbs["release"][0]
    same = VerbPattern(lemma="release", code="0843", obj=first.obj)
    # More specific than a shipped bare pattern: tried before it.
    bare_lemma = next(k for k, v in shipped.verbs.items() if all(not p.obj and not p.part and not p.subj for p in v))
    specific = VerbPattern(lemma=bare_lemma, code="190", obj=("gizmo",))
    lex2 = shipped.copy()
    assert lex2.extend([same, specific, same]) == 2  # the repeated pattern is added once
    assert lex2.verbs["release"].index(first) < lex2.verbs["release"].index(same)
    assert lex2.verbs[bare_lemma][0] == specific
    assert len(shipped.verbs["release"]) == n_before and specific not in shipped.verbs[bare_lemma]


def test_added_patterns_only_go_first_when_they_refine():
    on = VerbPattern(lemma="zap", code="020", part=("on",))
    lex = Lexicon(verbs={"zap": [on]})
    rival = VerbPattern(lemma="zap", code="013", obj=("partner",))  # more conditions, but not on's
    finer = VerbPattern(lemma="zap", code="021", obj=("aid",), part=("on",))  # on's condition and more
    assert lex.extend([rival, finer]) == 2
    assert lex.verbs["zap"] == [finer, on, rival]


def test_missing_or_empty_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_petrarch_verbs(tmp_path / "nope.txt")
    empty = tmp_path / "empty.txt"
    empty.write_text("&ONLY_A_SET\n+WORD\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no verb blocks"):
        read_petrarch_verbs(empty)


def test_sentence_codes_with_a_user_verb(toy):
    from realpolitik.events.coder import Coder

    text = "Russia gronked widgets at Ukraine on Monday."
    plain = Coder()
    assert "gronk" not in plain.lexicon.verbs
    assert not [e for e in plain.code_text(text, date="2024-05-06") if e.cameo == "195"]
    coder = Coder(verb_files=[str(toy)])
    events = coder.code_text(text, date="2024-05-06")
    assert [(e.source.code, e.target.code, e.cameo) for e in events] == [("RUS", "UKR", "195")]
    assert coder.verb_reports[0].added
    assert default_lexicon() is plain.lexicon and "gronk" not in default_lexicon().verbs


def test_real_verb_files(shared_data):
    d = shared_data / "petrarch2" / "dictionaries"
    for name, min_blocks, min_read in (("PETR.Validate.verbs.txt", 200, 400), ("CAMEO.2.0.txt", 350, 4000)):
        path = d / name
        if not path.is_file():
            pytest.skip(f"{path} is absent")
        rep = read_petrarch_verbs(path).report
        assert rep.blocks >= min_blocks and rep.patterns_read >= min_read and rep.verbs >= rep.blocks
        assert 0 < rep.converted < rep.patterns_read
        assert rep.converted + sum(n for r, n in rep.skipped.items() if not r.startswith(("verb", "multi"))) \
            == rep.patterns_read
    # CAMEO.2.0 is a CAMEO dictionary: most of its patterns convert.
    assert rep.converted > 0.6 * rep.patterns_read


def test_cli_verb_file_errors(tmp_path):
    from realpolitik.cli.main import app
    from realpolitik.cli.output import CliError

    src = tmp_path / "x.jsonl"
    src.write_text('{"id": "a", "text": "x"}\n')
    res = CliRunner().invoke(app, ["code", str(src), "-o", "-", "--verbs-petrarch", str(tmp_path / "no.verbs.txt")])
    assert isinstance(res.exception, CliError)
    assert str(res.exception) == f"{tmp_path / 'no.verbs.txt'}: verb dictionary file not found"
    bad = tmp_path / "bad.verbs.txt"
    bad.write_text("just some words\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["code", str(src), "-o", "-", "--verbs-petrarch", str(bad)])
    assert isinstance(res.exception, CliError) and "invalid verb dictionary" in str(res.exception)


def test_cli_codes_with_a_verb_file(tmp_path, toy):
    import json

    from realpolitik.cli.main import app

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Russia gronked widgets at Ukraine on Monday.",
                               "date": "2024-05-06"}) + "\n")
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(app, ["code", str(src), "-o", str(out), "-w", "1", "--verbs-petrarch", str(toy)])
    assert res.exit_code == 0, res.output
    assert "patterns read" in res.output  # the conversion report
    events = [json.loads(x) for x in out.read_text().splitlines()]
    assert [(e["source"]["code"], e["target"]["code"], e["cameo"]) for e in events] == [("RUS", "UKR", "195")]


def test_code_with_a_letter_after_it_keeps_its_cameo_digits(tmp_path):
    p = tmp_path / "Suffix.verbs.txt"
    p.write_text("--- GRONK [---] ---\nGRONK\n- * ASYLUM [174K]\n- * FRIENDS [023?]\n- * PLAN [903B]\n",
                 encoding="utf-8")
    pv = read_petrarch_verbs(p)
    assert {(v.obj[0], v.code) for v in pv.patterns} == {("asylum", "174"), ("friend", "023")}
    assert pv.report.skipped == {"not a CAMEO code": 1, "verb: no code [---]": 1}  # 903: no CAMEO root
    assert pv.report.notes["with a letter or ? after the code dropped"] == 2


def test_file_first_codes_a_verb_as_the_file_says(toy):
    shipped = default_lexicon()
    lex, _ = extend_lexicon(shipped, [toy])
    assert not _by(lex.verbs["say"], "say", code="051")  # by default the shipped "say" stays as it is
    lex, (rep,) = extend_lexicon(shipped, [toy], file_first=True)
    assert "verb: bare code on a verb the shipped lexicon codes" not in rep.skipped
    assert lex.verbs["say"][0] == VerbPattern(lemma="say", code="051")
    assert lex.verbs["say"][1:] == shipped.verbs["say"]  # the shipped patterns stay, behind the file's
    # The file's own patterns: most specific first, its bare code last among them.
    gronk = lex.verbs["gronk"]
    assert [p.specificity for p in gronk] == sorted((p.specificity for p in gronk), reverse=True)


def test_file_first_sentence_takes_the_file_code(tmp_path):
    from realpolitik.events.coder import Coder

    p = tmp_path / "Restore.verbs.txt"
    p.write_text("--- RESTORE [064] ---\nRESTORE\n- * TIES [064]\n", encoding="utf-8")
    text = "Egypt restored diplomatic ties with Qatar on Monday."
    plain = [(e.source.code, e.target.code, e.cameo) for e in Coder(verb_files=[str(p)]).code_text(text)]
    assert plain and plain[0][2] != "064"  # the shipped "restore ties" pattern is tried first
    lex, _ = extend_lexicon(default_lexicon(), [p], file_first=True)
    first = [(e.source.code, e.target.code, e.cameo) for e in Coder(lexicon=lex).code_text(text)]
    assert first[0] == ("EGY", "QAT", "064")


def test_file_first_object_words_may_be_anywhere_in_the_phrase(tmp_path):
    from realpolitik.events.coder import Coder
    from realpolitik.events.lexicon import phrase_matches

    assert phrase_matches(["full", "diplomatic", "tie"], ["diplomatic *"])
    assert phrase_matches(["artillery", "shell"], ["artillery *"]) and not phrase_matches(["shell"], ["artillery *"])
    # No shipped pattern uses the wildcard: the default lexicon matches heads as before.
    lex = default_lexicon()
    assert not any(o.endswith("*") for pats in lex.verbs.values() for p in pats for o in p.obj)
    p = tmp_path / "Gronk.verbs.txt"
    p.write_text("--- GRONK [042] ---\nGRONK\n- * ARTILLERY [194]\n", encoding="utf-8")
    assert _by(read_petrarch_verbs(p).patterns, "gronk", code="194")[0].obj == ("artillery",)
    assert _by(read_petrarch_verbs(p, file_first=True).patterns, "gronk", code="194")[0].obj == ("artillery *",)
    lex, _ = extend_lexicon(lex, [p], file_first=True)
    events = Coder(lexicon=lex).code_text("North Korea gronked two artillery shells at South Korea on Thursday.")
    assert [(e.source.code, e.target.code, e.cameo) for e in events] == [("PRK", "KOR", "194")]


def test_actor_markers_in_the_default_roles_convert(tmp_path):
    p = tmp_path / "Markers.verbs.txt"
    p.write_text("--- GRONK [---] ---\nGRONK\n"
                 "- * FEAST AT ^ WITH + [043]\n"     # object, a skipped phrase, the target after WITH
                 "- * THEIR ^ ABOUT + [162]\n"       # any object, the target after ABOUT
                 "- % * TALKS [031]\n"               # the compound source is the subject
                 "- + * FROM $ [066]\n"              # roles turned round: skipped
                 "- * OF $ FROM + [012]\n",          # the source after the verb: skipped
                 encoding="utf-8")
    pv = read_petrarch_verbs(p)
    (feast,) = _by(pv.patterns, "gronk", code="043")
    assert (feast.obj, feast.part, feast.prep) == (("feast",), ("with",), ("with",))
    (about,) = _by(pv.patterns, "gronk", code="162")
    assert (about.obj, about.part, about.prep) == ((), ("about",), ("about",))
    assert _by(pv.patterns, "gronk", code="031")[0].obj == ("talk", "talks")
    assert pv.report.skipped == {"source marker ($)": 2, "verb: no code [---]": 1}


def test_celebrated_with_a_target_marker(tmp_path):
    from realpolitik.events.coder import Coder

    p = tmp_path / "Feast.verbs.txt"
    p.write_text("--- CELEBRATE [---] ---\nCELEBRATE\n- * FEAST AT ^ WITH + [043]\n", encoding="utf-8")
    lex, _ = extend_lexicon(default_lexicon(), [p], file_first=True)
    events = Coder(lexicon=lex).code_text("Egypt celebrated the feast at Cairo with Jordan on Monday.")
    assert ("EGY", "JOR", "043") in [(e.source.code, e.target and e.target.code, e.cameo) for e in events]


def test_file_first_no_code_stops_the_shipped_patterns(tmp_path):
    from realpolitik.events.coder import Coder
    from realpolitik.events.petrarch_verbs import NO_EVENT

    p = tmp_path / "Burn.verbs.txt"
    p.write_text("--- BURN [---] ---\nBURN\n- * FLAGS [181]\n", encoding="utf-8")
    assert not read_petrarch_verbs(p).patterns[1:]  # by default [---] converts to nothing
    pv = read_petrarch_verbs(p, file_first=True)
    assert VerbPattern(lemma="burn", code=NO_EVENT) in pv.patterns
    assert pv.report.notes["kept as no-event patterns [---]"] == 1
    text = "Protesters burned down the Danish embassy in Tehran on Monday."
    assert Coder().code_text(text)  # the shipped lexicon codes the burning
    lex, _ = extend_lexicon(default_lexicon(), [p], file_first=True)
    assert not Coder(lexicon=lex).code_text(text)  # the file lists "burn" with no code: no event


def test_a_preposition_without_brackets_is_a_prepositional_phrase(tmp_path):
    p = tmp_path / "Prep.verbs.txt"
    p.write_text("--- GRONK [---] ---\nGRONK\n- * FOR &SANCTIONS [172]\n- *_UPON [097]\n- * DOWN FROM [013]\n"
                 "\n&SANCTIONS\n+ECONOMIC_SANCTIONS\n+TOTAL_BOYCOTT\n", encoding="utf-8")
    pv = read_petrarch_verbs(p)
    (sanct,) = _by(pv.patterns, "gronk", code="172")
    assert (sanct.part, sanct.prep, sanct.obj) == (("for",), (), ("economic sanction", "economic sanctions",
                                                                  "total boycott"))
    (upon,) = _by(pv.patterns, "gronk", part=("upon",))
    assert (upon.part, upon.prep) == (("upon",), ("upon",))
    assert pv.report.skipped["particle plus prepositional phrase"] == 1  # "* DOWN FROM"


def test_cli_verbs_first_lets_the_file_recode_a_shipped_verb(tmp_path, toy):
    import json

    from realpolitik.cli.main import app
    from realpolitik.cli.output import CliError

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Russia said Ukraine was ready for talks.",
                               "date": "2024-05-06"}) + "\n")

    def codes(*extra):
        out = tmp_path / "out.jsonl"
        res = CliRunner().invoke(app, ["code", str(src), "-o", str(out), "-w", "1",
                                       "--verbs-petrarch", str(toy), *extra])
        assert res.exit_code == 0, res.output
        return [json.loads(x)["cameo"] for x in out.read_text().splitlines()]

    # The toy file codes SAY as 051: ignored while the shipped lexicon goes first, used with --verbs-first.
    assert "051" not in codes()
    assert "051" in codes("--verbs-first")
    res = CliRunner().invoke(app, ["code", str(src), "-o", "-", "--verbs-first"])
    assert isinstance(res.exception, CliError) and "--verbs-petrarch" in str(res.exception)
