"""Is a coded frame news? Tests that reject a frame the grammar found but that reports no event.

The annotation guide (docs/annotation-guide.md, section 2) leaves out background and history,
habitual or generic statements, markets and sport, analysts' forecasts and questions. The grammar
finds an event pattern in them all the same ("the Indian rupee hit a record low"); these tests
look at the frame's clause for the sign that it describes rather than reports. Each test is small,
named, and listed so that its effect can be measured alone: RULES say the frame tells no event
(`doubt`, the coder drops it), SPECULATION that its act is not (yet) done (`speculative`, the coder
makes it hypothetical, kept only with `Coder.hypothetical`). Word lists are in data/plausibility.yaml.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

import yaml
from spacy.tokens import Token

from realpolitik.events.frame import Frame
from realpolitik.events.lexicon import DATA
from realpolitik.events.roles import REPORTING_FORMS, is_verbal, negated
from realpolitik.events.statements import aside_saying

_YEAR = re.compile(r"(1[89]|20)\d\ds?$")
# Verbs of being: an event noun in their clause describes a state ("has been under sanctions since 1979").
_STATES = {"be", "is", "are", "was", "were", "been", "being", "remain", "remains", "remained", "stay", "stays",
           "stayed"}
# Roots of force: coercion, assault, fighting, mass violence.
_FORCE = {"17", "18", "19", "20"}
# Roots of material acts (cooperation, aid, yielding, force), as against things said.
_MATERIAL = {"06", "07", "08", "15", "16", "17", "18", "19", "20"}
# How many years back a story's background begins. Acts two to four years back are still the
# story's own run of events in news (the Guardian labels code "travelled to Syria in 2015" in a 2019
# article); our gold leaves older acts out as background ("Seventy-five years ago an American bomber ...").
_BACKGROUND_YEARS = 5
# Number words that count years back from five on ("seventy years ago", "many years ago").
_MANY = {"five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty",
         "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "many"}


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    with (DATA / "plausibility.yaml").open(encoding="utf-8") as f:
        raw = yaml.safe_load(f)
    return {k: frozenset(str(w).lower() for w in v) for k, v in raw.items()}


def clause_verb(f: Frame) -> Token | None:
    """The verb whose clause the frame's event is told in: the anchor itself, or for an event noun
    the verb it hangs from ("launched an offensive")."""
    tok = f.anchor
    for _ in range(4):
        if is_verbal(tok):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _doc_year(date: str | None) -> int | None:
    if not date or not date[:4].isdigit():
        return None
    return int(date[:4])


def _years(tok: Token) -> list[int]:
    """Years a time phrase names: "2014", "the 1990s", "the 1967 war"."""
    out = []
    for x in (tok, *tok.children):
        if _YEAR.match(x.text):
            out.append(int(x.text[:4]))
    return out


def _ago(tok: Token) -> bool:
    """ "seventy years ago", "two decades ago", "in 2003, 20 years ago": background years back."""
    span = [x.lower_ for x in tok.subtree]
    if not any(u in span for u in _words()["ago_units"]):
        return False
    return "decades" in span or "centuries" in span or any(
        x in _MANY or x.isdigit() and int(x) >= _BACKGROUND_YEARS for x in span)


def _dated_before(verb: Token, year: int) -> bool:
    """The clause is dated to the background, `_BACKGROUND_YEARS` or more before the document: "in
    1979 Soviet forces invaded Afghanistan", "Iraq invaded Kuwait in 1990", "seventy years ago". A
    date phrase after other phrases of the verb more often belongs to a noun in them ("apologised
    for the killing of marchers in 1972")."""
    right = [c for c in verb.rights if c.dep_ not in ("punct", "cc")]
    for c in verb.children:
        if c.lower_ == "ago" and _ago(c):
            return True
        if c.dep_ != "prep" or c.i > verb.i and right.index(c) > 1:
            continue
        back = 10 if c.lower_ == "since" else _BACKGROUND_YEARS  # "since": a long-standing state
        if c.lower_ in ("in", "during", "since") and any(
                o.dep_ == "pobj" and any(y <= year - back for y in _years(o)) for o in c.children):
            return True
    return False


def history(f: Frame, date: str | None) -> bool:
    """Background: an act dated years before the story ("In 1979 Soviet forces invaded Afghanistan",
    "Israel has occupied the West Bank since 1967"). Event nouns only in a clause of being ("has
    been under US sanctions since 1979"): a past event named as a cause ("whose attacks in 2001
    sparked the war on terror") is coded."""
    year = _doc_year(date)
    verb = f.anchor if not f.nominal else clause_verb(f)
    if year is None or verb is None or not is_verbal(verb) or f.nominal and verb.lower_ not in _STATES:
        return False
    while True:
        if _dated_before(verb, year):
            return True
        if verb.dep_ != "conj" or not is_verbal(verb.head):
            return False
        verb = verb.head  # "invaded Kuwait in 1990 and annexed it": the date is the first verb's


def habitual(f: Frame, date: str | None) -> bool:
    """Generic or habitual: "Israel typically responds with airstrikes", "Iran has long supported",
    "has supplied weapons for decades", "has tested missiles over the years"."""
    verb = clause_verb(f)
    if verb is None:
        return False
    w = _words()
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in w["habitual"]:
            return True
        if c.dep_ == "prep" and c.lower_ in ("for", "over") and any(
                o.dep_ == "pobj" and o.lower_ in w["ago_units"] and not any(n.dep_ == "nummod" for n in o.children)
                for o in c.children):
            return True  # a span without a count: "for decades", "over the years" (not "for two years")
    return False


def nonpolitical(f: Frame, date: str | None) -> bool:
    """A market, sport or private subject: "the Indian rupee hit a record low", "Germany's striker
    attacked", "the Chinese actor apologised" (private people count when they protest)."""
    w = _words()
    private = w["private_people"] if f.root != "14" else frozenset()
    return bool(f.sources) and all(t.lower_ in w["nonpolitical_subjects"] or t.lower_ in private
                                   for t in f.sources)


def _named(t: Token) -> bool:
    """The doer's phrase names who they are: "Hamas gunmen", "Islamist gunmen", "gunmen from a militia"."""
    bare = _words()["unnamed"]
    for c in t.children:
        if c.dep_ in ("compound", "nmod", "poss") or c.dep_ == "amod" and c.lower_ not in bare:
            return True
        if c.dep_ == "prep" and c.lower_ in ("from", "of", "with", "linked", "belonging"):
            return True
    return False


def anonymous(f: Frame, date: str | None) -> bool:
    """No political actor: "a gunman opened fire", "unidentified attackers set fire to a warehouse",
    "Somali pirates were holding 15 ships" (annotation guide: violence with no identifiable
    perpetrator is not coded)."""
    w = _words()
    return bool(f.sources) and all(t.lower_ in w["criminals"] or t.lower_ in w["perpetrators"] and not _named(t)
                                   for t in f.sources)


def generic(f: Frame, date: str | None) -> bool:
    """A material act in the simple present describes how things are, not what happened: "Turkey
    hosts 3.6 million refugees", "Russia controls a fifth of Ukraine". Only the third person "-s"
    form that ends in "s" (the small parser tags past forms "retook", "unfroze" as present), and not
    what is said or demanded, which news tells in the present ("Ankara says", "the UN warns")."""
    a = f.anchor
    return not f.nominal and a.tag_ == "VBZ" and a.lower_.endswith("s") and f.root in _MATERIAL \
        and not any(c.dep_ in ("aux", "auxpass") for c in a.children) \
        and any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in a.children)  # a clause ("airstrikes" is tagged VBZ)


def commentary(f: Frame, date: str | None) -> bool:
    """What analysts, historians or polls say is opinion or statistic, not an event ("analysts say
    China will respond", "opinion polls show that most Israelis back the war")."""
    def pundit(t: Token) -> bool:
        # "experts appointed by the commission" are the commission's own inquiry
        return t.lower_ in _words()["commentators"] and not any(c.dep_ in ("acl", "relcl") for c in t.children)

    if f.speaker and all(pundit(t) for t in f.speaker):
        return True
    return any(c.dep_ == "nsubj" and pundit(c) for v in _chain(f) for c in v.children)


def forecast(f: Frame, date: str | None) -> bool:
    """ "China is likely to respond with sanctions": a forecast of an act."""
    verb = clause_verb(f)
    for _ in range(3):
        if verb is None:
            return False
        head = verb.head
        if verb.dep_ == "xcomp" and head.lower_ in _words()["forecast"]:
            return True
        if verb.dep_ not in ("xcomp", "conj") or head.i == verb.i:
            return False
        verb = head
    return False


def too(f: Frame, date: str | None) -> bool:
    """ "too fleeting to deploy fighter jets": what there was no time or means to do."""
    verb = clause_verb(f)
    return verb is not None and verb.dep_ == "xcomp" and any(
        c.lower_ == "too" and c.dep_ == "advmod" for c in verb.head.children)


def question(f: Frame, date: str | None) -> bool:
    """A question asks whether an act happens ("Will Iran retaliate?"): the anchor's own sentence
    ends in a question mark and no reporting verb outside it tells the question."""
    if f.comp is not None or f.speaker:
        return False
    doc = f.anchor.doc
    end = f.anchor.sent.end
    for i in range(end - 1, max(end - 4, 0) - 1, -1):  # the last word, past closing quotes
        if doc[i].text == "?":
            return True
        if not doc[i].is_punct:
            return False
    return False


def statistic(f: Frame, date: str | None) -> bool:
    """A share of a people as the doer is a poll or statistic: "60% of Germans support sending weapons"."""
    shares = _words()["shares"]
    for t in f.sources:
        if t.lower_ in shares and any(c.lower_ == "of" for c in t.children):
            return True  # the grammar may keep the quantity itself as the doer
        if t.head.lower_ == "of" and t.head.head.lower_ in shares:
            return True
    return False


_COMPLEMENTS = ("xcomp", "ccomp", "acomp")


def _chain(f: Frame, deps: tuple[str, ...] = _COMPLEMENTS + ("conj",)):
    """The verbs above the frame's clause that it is a complement (or conjunct) of, nearest first,
    up to a verb of saying (what someone says is judged by the sayer's frame). Not through
    adverbial clauses ("while they agree ..., they hope" does not hope for the agreement) but for
    the infinitive the parser reads as one ("emboldened to attack")."""
    tok = clause_verb(f)
    for _ in range(4):
        if tok is None or tok.head.i == tok.i:
            return
        if tok.dep_ not in deps and not (tok.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
            return
        tok = tok.head
        if tok.lower_ in REPORTING_FORMS:
            return
        yield tok


def wished(f: Frame, date: str | None) -> bool:
    """Hoped for or feared: "the US had hoped that Turkey would join the coalition"."""
    return any(v.lower_ in _words()["wishing"] for v in _chain(f, _COMPLEMENTS))  # a conjunct is not wished


def _inverted(v: Token) -> bool:
    """A condition told by inversion: "Had Russia attacked Poland, ...", "Were China to invade ..."."""
    first = v.left_edge
    return v.dep_ == "advcl" and first.lower_ in ("had", "were", "should") and (
        first.i == v.i or first.head.i == v.i and first.dep_ in ("aux", "auxpass")) and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in v.children)


def conditional(f: Frame, date: str | None) -> bool:
    """Done only if something else happens: "if Iran attacks Israel, the US will defend its ally",
    "if Russia wins, China will feel emboldened to attack Taiwan", "were China to invade Taiwan".
    Threats are conditional by nature and past acts ("retaliated after ...") are not conditions."""
    if f.root == "13":
        return False
    verb = clause_verb(f)
    verbs = ([verb] if verb is not None else []) + list(_chain(f))
    return any(_inverted(v) or v.tag_ != "VBD" and any(c.dep_ == "advcl" and c.lower_ != "anything" and any(
        m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children) for c in v.children)
        for v in verbs)  # "if anything" conditions nothing


def counterfactual(f: Frame, date: str | None) -> bool:
    """An event noun in a clause of what would have been: "the accords would have collapsed without
    American pressure"."""
    verb = clause_verb(f)
    if not f.nominal or verb is None:
        return False
    aux = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return "have" in aux and any(m in aux for m in ("would", "could", "might"))


def neither(f: Frame, date: str | None) -> bool:
    """ "Neither Russia nor Ukraine has accepted the proposal": no doer did it."""
    return any(c.lower_ == "neither" and c.dep_ in ("preconj", "det") for t in f.sources for c in t.children)


def not_held(f: Frame, date: str | None) -> bool:
    """An event noun said not to have happened: "the talks never took place", "the strike did not
    go ahead"."""
    a = f.anchor
    return f.nominal and a.dep_ in ("nsubj", "nsubjpass") and a.head.lower_ in _words()["occurred"] \
        and negated(a.head)


def unfounded(f: Frame, date: str | None) -> bool:
    """Told as what there is no sign of: "there is no evidence that Russia supplied the weapons",
    "Turkey has given them no promises of support", "no sign of a Russian withdrawal", "it had no
    intention of invading Taiwan"."""
    a = f.anchor
    if a.dep_ in ("pobj", "pcomp") and a.head.lower_ == "of":  # "no intention of invading Taiwan"
        head = a.head.head
    else:
        verb = clause_verb(f)
        if verb is None or verb.dep_ not in ("acl", "ccomp"):
            return False
        head = verb.head
    return head.pos_ == "NOUN" and any(c.lower_ == "no" and c.dep_ in ("det", "neg") for c in head.children)


def described(f: Frame, date: str | None) -> bool:
    """A statement named only to describe something the sentence is about: "a conflict that the UN
    envoy has said could match the siege of Aleppo", "figures released by the UN's refugee agency",
    "beliefs which she says are ...". A relative clause on the speaker ("Erdoğan, who said ...") is
    the speaker's statement."""
    return not f.nominal and f.root == "01" and (f.anchor.dep_ == "acl" or aside_saying(f.anchor))


def figurative(f: Frame, date: str | None) -> bool:
    """Force used on an abstraction is no violence: "it will destroy remaining goodwill"."""
    if f.root not in _FORCE:
        return False
    objects = [f.obj_token] if f.obj_token is not None else [c for c in f.anchor.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.lower_ in _words()["abstractions"] for o in objects)


_SCORE = re.compile(r"\d+[-–]\d+$")


def contest(f: Frame, date: str | None) -> bool:
    """Beating someone by a score or a margin is a game or an election, not violence: "beat the
    Christian Democrats by two points", "Brazil beat Argentina 2-0"."""
    verb = clause_verb(f)
    if f.root not in _FORCE or verb is None:
        return False
    units = _words()["margins"]
    for c in verb.children:
        if _SCORE.match(c.text) or any(_SCORE.match(x.text) for x in c.children if x.dep_ == "nummod"):
            return True
        if c.dep_ == "prep" and c.lower_ == "by" and any(o.lower_ in units for o in c.children):
            return True
    return False


def alternative(f: Frame, date: str | None) -> bool:
    """What was done instead is the event, not what it replaced: "instead of attacking Kyiv",
    "rather than sending troops"."""
    a = f.anchor
    if a.dep_ != "pcomp" or a.head.lower_ not in ("of", "than"):
        return False
    left = a.head.doc[a.head.i - 1] if a.head.i > 0 else None
    return left is not None and left.lower_ in ("instead", "rather")


# Tests of a frame that tell no event at all.
RULES: list[tuple[str, Callable[[Frame, str | None], bool]]] = [
    ("history", history),
    ("habitual", habitual),
    ("nonpolitical", nonpolitical),
    ("anonymous", anonymous),
    ("generic", generic),
    ("commentary", commentary),
    ("statistic", statistic),
    ("neither", neither),
    ("not_held", not_held),
    ("unfounded", unfounded),
    ("alternative", alternative),
    ("described", described),
    ("figurative", figurative),
    ("contest", contest),
]
# Tests of a frame that tell an act not (yet) done: it is hypothetical (kept only when the coder
# keeps hypothetical events).
SPECULATION: list[tuple[str, Callable[[Frame, str | None], bool]]] = [
    ("forecast", forecast),
    ("question", question),
    ("wished", wished),
    ("conditional", conditional),
    ("counterfactual", counterfactual),
    ("too", too),
]


def doubt(f: Frame, date: str | None) -> str | None:
    """The name of the first test saying the frame tells no event, else None."""
    for name, test in RULES:
        if test(f, date):
            return name
    return None


def speculative(f: Frame, date: str | None) -> str | None:
    """The name of the first test saying the frame's act is only forecast, asked, wished or
    conditional, else None."""
    for name, test in SPECULATION:
        if test(f, date):
            return name
    return None


