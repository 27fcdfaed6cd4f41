"""Events implied by another frame's words: the act a decision noun announces ("Trump's decision to
withdraw troops"), the accusation in an inquiry's finding, the ultimatum in a demand with a penalty, the
expulsion in an order to leave."""
from __future__ import annotations

from realpolitik.events import roles as R
from realpolitik.events.clauses import derive
from realpolitik.events.frame import Frame
from realpolitik.events.lexicon import Lexicon, verb_forms

# Nouns whose infinitive is an act their owner has settled on ("Trump's decision to withdraw
# troops", "the US move to reimpose sanctions"), by how the act is then coded.
_DECISIONS = {"decision": "", "move": "", "order": "", "bid": "", "pledge": "intent", "promise": "intent",
              "vow": "intent", "commitment": "intent", "offer": "intent", "refusal": "reject",
              "threat": "threaten", "ultimatum": "threaten"}


def decided_frames(frames: list[Frame]) -> None:
    """An act in the infinitive of a decision noun is the decision's owner's, announced (in place):
    'Trump's decision to withdraw 2,000 troops' (a withdrawal, intended), 'the court's decision not
    to extradite him' (a refusal), 'Turkey's threat to invade' (a threat)."""
    for f in frames:
        a = f.anchor
        if f.nominal or f.mirror or a.dep_ != "acl" or a.tag_ != "VB" \
                or not any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children):
            continue
        noun = a.head
        how = _DECISIONS.get(noun.lemma_.lower(), _DECISIONS.get(noun.lower_))
        if how is None:
            continue
        owners = R.children(noun, "poss") + [c for c in noun.lefts if c.dep_ in ("compound", "amod")
                                             and c.pos_ in ("PROPN", "ADJ", "NOUN")]
        if owners:
            f.sources = [x for o in owners for x in R.expand(o)]
        elif any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
            f.sources, f.context = [], True  # "The decision not to extradite him": the one in the news
        else:
            continue
        if f.negated:
            how, f.negated = "reject", False  # "the decision not to extradite"
        if how:
            f.code = derive(how, f.code, f.code)
        f.modality = "intent"


# Verbs that report the outcome of an inquiry: what they establish about a deed accuses its doer.
_FINDING_FORMS = verb_forms("conclude") | verb_forms("determine") | verb_forms("establish") | {"found"}


def finding_frames(frames: list[Frame]) -> list[Frame]:
    """'Investigators concluded that a North Korean torpedo had sunk the warship', 'the US had
    concluded that genocide had been committed by Sudanese militias': the finder accuses the doer
    (CAMEO 112), besides the deed reported."""
    out = []
    for f in frames:
        if f.dropped or f.negated or f.root not in ("17", "18", "19", "20") or not f.sources:
            continue
        g, how = R.governor(f.trigger[0] if f.nominal else f.anchor)
        if g is None or how != "ccomp" or g.lower_ not in _FINDING_FORMS or g.i > f.anchor.i:
            continue  # "..., UN investigators concluded": a source named, not a finding reported
        finders = R.subject_roles(g)[0]
        if finders:
            out.append(Frame(code="112", anchor=g, trigger=[g], sources=finders, targets=list(f.sources),
                             confidence=0.6, negated=R.negated(g), modality=R.modality(g)))
    return out


_PENALTY_FORMS = verb_forms("face") | verb_forms("risk")


def ultimatum_frames(frames: list[Frame]) -> list[Frame]:
    """'demanded that Saddam leave Iraq within 48 hours or face military action': a demand with a
    penalty for refusing is also an ultimatum (CAMEO 139) from the demander to the demanded."""
    out = []
    for f in frames:
        if f.comp not in ("request", "demand") or f.negated or not f.sources:
            continue
        for c in R.children(f.anchor, "ccomp", "xcomp"):
            for v in c.conjuncts:
                if v.lower_ in _PENALTY_FORMS and v.i > c.i and R.children(v, "dobj") \
                        and any(x.dep_ == "cc" and x.lower_ == "or" for x in c.children):
                    out.append(Frame(code="139", anchor=v, trigger=[v], sources=list(f.sources),
                                     targets=list(f.targets) or R.subject_roles(c)[0], confidence=0.6,
                                     modality=f.modality))
                    break
    return out


# Orders to go: "ordered the UN mission to leave the country", "ordered the British Council to close
# its offices" expel the one ordered (CAMEO 166; diplomats 161), they do not ask it to act.
_ORDERING = {w for v in ("order", "instruct", "command", "tell") for w in verb_forms(v)} | {"told"}
_GOING = {w for v in ("leave", "close", "quit", "depart", "vacate", "exit", "shut") for w in verb_forms(v)} \
    | {"left", "shut"}


def expulsion_orders(frames: list[Frame], lex: Lexicon) -> None:
    """Recode (in place) a demand that someone leave or close down as their expulsion."""
    for f in frames:
        if f.comp != "demand" or f.negated or f.anchor.lower_ not in _ORDERING:
            continue
        if not any(c.dep_ in ("xcomp", "ccomp") and c.lower_ in _GOING for c in f.anchor.children):
            continue
        objs = R.children(f.anchor, "dobj")
        if objs and lex.in_class(R.phrase_words(objs[0]), "forces"):
            continue  # "ordered the army to leave Kherson": one's own forces, or a demand to foreign ones
        f.code = "161" if objs and lex.in_class(R.phrase_words(objs[0]), "diplomats") else "166"
        f.comp = None

