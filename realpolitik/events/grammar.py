"""Event frames from one parsed sentence: trigger, code, source/target tokens, negation, modality.

The grammar knows nothing about actors: it returns the head tokens of the source and target
phrases; the coder maps those phrases to dictionary actors. Steps:
1. verb triggers (verbal.py): a lexicon pattern chosen by lemma + particle + object + preposition;
2. noun triggers (nominal.py): "air strikes on Z", "talks between A and B", "X's offensive against Y";
3. clause structure: complements of say/agree/urge/refuse/threaten/plan verbs re-code, absorb,
   report or negate the complement's events.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from realpolitik.events import roles as R
from realpolitik.events.attitudes import naming_frames, wanting_frames
from realpolitik.events.clauses import (
    _COPULA, _apply_cues, absorb_nominals, condition_subjects, conditions, derive, joint_frames,
    obligation_frames, protest_frames, relate,
)
from realpolitik.events.frame import Frame
from realpolitik.events.implied import decided_frames, expulsion_orders, finding_frames, ultimatum_frames
from realpolitik.events.lexicon import Lexicon, verb_forms
from realpolitik.events.nominal import _PREVENT_FORMS, noun_frames, repair_by_phrases, repair_relative_attachment
from realpolitik.events.verbal import verb_frames

__all__ = ["Frame", "parse_frames", "verb_frames", "noun_frames"]

# Cooperation announced as never going to happen is a rejection (CAMEO 12x by root).
_REFUSALS = {"04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
# Verbal reactions whose object event is not reported as news in its own right.
_REACTIONS = {"05", "09", "11", "12"}


def _repair_colon_quote(sent: Span, lex: Lexicon) -> None:
    """'Trump tweeted: "Putin, Russia and Iran are responsible ..."': the parser makes what was said
    the root and the verb of saying its complement; turn it round (in place) so that the words
    quoted are the complement of the saying."""
    root = sent.root
    for tok in sent:
        if tok.dep_ not in ("ccomp", "parataxis") or tok.head.i != root.i or root.i <= tok.i:
            continue
        if not any(p.comp == "say" for p in lex.verbs.get(tok.lemma_.lower(), ())):
            continue
        if any(t.text == ":" for t in sent.doc[tok.right_edge.i + 1: root.i]):
            tok.head, tok.dep_ = tok, "ROOT"
            root.head, root.dep_ = tok, "ccomp"
            return


_PERPETRATE = {"carry", "conduct", "stage", "perpetrate", "commit", "mount", "launch"}


def _speakers_own(tok: Token) -> bool:
    """'we', 'our fighters', 'its soldiers', 'one of its soldiers': the speaker's own side."""
    if tok.lower_ in ("we", "i"):
        return True
    heads = [tok] + [o for p in R.children(tok, "prep") if p.lower_ == "of" for o in R.pobjs(p)]
    return any(c.dep_ == "poss" and c.lower_ in ("its", "our", "their", "my") for h in heads for c in h.children)


def _restating(noun: Token) -> bool:
    """A noun set beside the clause after a comma (apposition, or read as a second object)."""
    if not R.is_verbal(noun.head) or noun.head.i > noun.i:
        return False
    if noun.dep_ in ("appos", "npadvmod", "dep"):
        return True
    first = next(iter(noun.subtree))
    return noun.dep_ == "dobj" and first.i > 0 and noun.doc[first.i - 1].text == "," \
        and any(c.dep_ == "dobj" and c.i < noun.i for c in noun.head.children)


def _said_by_document(tok: Token, lex: Lexicon) -> bool:
    """The noun lies in what a document says ('a resolution that threatened Syria with sanctions
    over its crackdown')."""
    for a in tok.ancestors:
        if a.dep_ in ("acl", "relcl") and R.is_verbal(a):
            return lex.in_class(R.phrase_words(a.head), "documents")
    return False


def parse_frames(sent: Span, lex: Lexicon, quoted: bool = False) -> list[Frame]:
    # The parse repairs below re-attach tokens: they work on a copy so that a caller's document
    # (the spaCy component codes the user's own parse) keeps the parser's tree.
    sent = sent.doc.copy()[sent.start:sent.end]
    _repair_colon_quote(sent, lex)
    R.repair_coordination(sent)
    R.repair_speech_conjunct(sent)
    repair_by_phrases(sent, lex)
    repair_relative_attachment(sent, lex)
    verbs = verb_frames(sent, lex)
    covered = {f.obj_token.i for f in verbs if f.obj_token is not None}
    # A noun that is itself the doer of a coded verb ("killed by a US airstrike") is not a second
    # event, nor one that is what a coded verb is about ("condemned Turkey's intervention").
    covered |= {t.i for f in verbs for t in f.sources}
    covered |= {f.doer_event.i for f in verbs if f.doer_event is not None}
    covered |= {t.i for f in verbs if f.root in _REACTIONS for t in f.targets}
    nouns = noun_frames(sent, lex, covered)
    # "ordered a humanitarian pause", "launched an offensive": the noun is the event, not the verb.
    carried = {f.trigger[0].i for f in nouns if len(f.trigger) > 1}
    verbs = [f for f in verbs if not (f.anchor.i in carried and f.obj_token is None)]
    # "vetoed a resolution demanding a ceasefire", "a statement condemning X": what a document
    # says is not an act of its own.
    verbs = [f for f in verbs if not (f.anchor.dep_ in ("acl", "relcl")
                                      and lex.in_class(R.phrase_words(f.anchor.head), "documents"))]
    nouns = [f for f in nouns if not (len(f.trigger) > 1 and f.trigger[0].dep_ in ("acl", "relcl")
                                      and lex.in_class(R.phrase_words(f.trigger[0].head), "documents"))
             and not _said_by_document(f.anchor, lex)]
    # "US warplanes struck Isis positions, ..., the first American air strikes in Iraq since 2011":
    # a noun in apposition to the clause restates its event.
    coded_roots = {f.root for f in verbs}
    nouns = [f for f in nouns if not (_restating(f.anchor) and f.root in coded_roots)]
    # "struck the base, killing 35 people": the killing is the strike's toll, not a second event.
    violent = {f.anchor.i for f in verbs if f.root in ("18", "19", "20")}
    verbs = [f for f in verbs if not (f.root in ("18", "19", "20") and f.anchor.dep_ == "advcl"
                                      and f.anchor.tag_ == "VBG" and f.anchor.head.i in violent)]
    # "sanctions against Russia, targeting tankers": the sanction's aim, not an attack.
    sanction = next((f for f in verbs + nouns if f.root == "16"), None)
    if sanction is not None:
        for f in verbs:
            if f.anchor.lemma_.lower() == "target" and f.anchor.tag_ == "VBG":
                f.code = sanction.code
                f.sources = f.sources or list(sanction.sources)
    # "deter Russia from attacking", "prevent them from returning": what is kept from happening.
    for f in verbs:
        if f.anchor.dep_ == "pcomp" and f.anchor.head.lower_ == "from" \
                and f.anchor.head.head.lower_ in _PREVENT_FORMS:
            f.dropped = True
    # "held consultations on sharing information", "talks about withdrawing": the topic of talks
    # is not yet done.
    talking = {t.i for f in verbs + nouns if f.root == "04" for t in f.trigger}
    for f in verbs + nouns:
        a = f.anchor
        if a.dep_ in ("pcomp", "pobj") and a.head.lower_ in ("on", "about", "over", "regarding") \
                and a.head.head.i in talking and f.root != "04" and f.modality == "action":
            f.modality = "hypothetical"
    frames = verbs + nouns
    frames += naming_frames(sent, lex, frames)
    frames += wanting_frames(sent, frames)
    frames += protest_frames(sent, lex, frames)
    frames += joint_frames(sent, frames)
    relate(frames, lex)
    decided_frames(frames)
    absorb_nominals(frames)
    frames += obligation_frames(sent, frames, quoted, lex)
    frames += ultimatum_frames(frames)
    frames += finding_frames(frames)
    expulsion_orders(frames, lex)
    sayers = [f for f in frames if f.comp == "say" and not f.weak and f.sources]
    for f in frames:
        if not f.speaker and any(t.tag_ == "PRP" for t in f.sources):
            # "The military said it struck ..., accusing ...": "it" inside what was said is the sayer.
            for g in sayers:
                if g is not f and g.anchor in f.anchor.ancestors:
                    f.speaker = g.sources
                    break
    for f in frames:
        if f.root in ("18", "19", "20") and f.speaker and f.modality == "reported" and not f.negated \
                and len(f.trigger) > 1 and f.trigger[0].lemma_.lower() in _PERPETRATE \
                and f.sources and all(_speakers_own(t) for t in f.sources):
            # "Islamic State said one of its soldiers had carried out the bombing": a claim of
            # responsibility by the speaker (CAMEO 015), aimed at whom the act hit. ("The army
            # said its jets struck ..." stays the strike.)
            f.code, f.sources, f.modality = "015", list(f.speaker), "action"
    for f in frames:
        if f.negated and f.root in ("04", "05", "06", "07", "08") and not f.nominal \
                and any(c.lower_ in ("will", "would", "'ll") for c in f.anchor.children if c.dep_ == "aux"):
            # "Belgrade said it would never recognise the new state": a refusal, not a non-event.
            f.code = _REFUSALS.get(f.root, "120")
            f.negated, f.modality = False, "intent"
        elif not f.negated and not f.nominal and not f.mirror and f.root in ("06", "07") \
                and f.speaker and _declared_intent(f, quoted):
            # "Germany said it would supply the peshmerga with rifles": a promise (03x).
            f.code = derive("intent", f.code, f.code)
            f.modality = "intent"
        elif not f.negated and (not f.nominal or len(f.trigger) > 1) and not f.mirror \
                and f.root in _CONDITIONAL_THREATS and _conditional_main(f):
            # "Washington will impose sanctions if Ankara attacks", "said it would retaliate unless
            # ...", "would launch an operation if ...": a hostile act made to depend on the other
            # side's conduct is a threat, aimed at that side when the act names nobody.
            if not f.targets or f.root == "15":  # what one deploys is one's own forces
                f.targets = condition_subjects(f) or f.targets
            f.code = derive("intent", f.code, f.code)
            f.modality = "intent"
        elif not f.negated and not f.nominal and not f.mirror and f.root in _DECLARABLE \
                and _declared_intent(f, quoted):
            # "Erdogan said: we will destroy all terror nests", "Turkey said it would hit back":
            # a stated future violent act is a threat.
            f.code = derive("intent", f.code, f.code)
            f.modality = "intent"
        elif not f.negated and not f.nominal and not f.mirror and f.root in _ANNOUNCEABLE \
                and _reported_would(f):
            # "Trump announced the US would reimpose sanctions", "the Taliban said the group would
            # guarantee safe passage": what one side says it would do is announced, not
            # speculated; concessions and meetings so announced are agreements (03x).
            if f.root in ("04", "05", "08"):
                f.code = derive("intent", f.code, f.code)
            f.modality = "intent"
    for f in frames:
        if f.anchor.lemma_.lower() == "warn" and f.comp == "threaten" and not f.targets \
                and not f.has_event_comp and not f.nominal:
            f.code, f.comp = "010", "say"  # "warned that order was breaking down": a statement
        if f.code[:3] == "045" and not f.targets:
            # "a ceasefire brokered by Egypt": the broker's parties are the main clause's subjects.
            f.targets = [t for t in R.subject_roles(sent.root)[0] if t not in f.sources]
        if f.comp in ("request", "demand") and not f.targets:
            # "demanded that Saddam Hussein leave Iraq": the one asked is the clause's subject.
            for c in f.anchor.children:
                if c.dep_ == "ccomp" and R.is_verbal(c):
                    f.targets = R.subject_roles(c)[0]
                    break
        if f.comp == "say" and f.code.startswith("01"):
            comp = [c for c in f.anchor.children if c.dep_ in ("ccomp", "parataxis", "xcomp")]
            if not quoted and not f.from_speaker and f.anchor.tag_ == "VB" \
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in f.anchor.children) \
                    and (not R.is_verbal(f.anchor.head) or f.anchor.head.lower_ in _COPULA):
                f.dropped = True  # "it is much too soon to claim that ...": nobody claims
            elif comp:
                sub = list(comp[0].subtree)
                f.quote = sent.doc[sub[0].i: sub[-1].i + 1]
                if R.negated(comp[0]) and not f.has_event_comp \
                        and not any(t.lower_ in _DOUBLE_NEGATIVES for t in sub):
                    # "officials noted that X has not carried out a test" ("the measures would not
                    # go unanswered" says they will be answered)
                    f.dropped = True
                elif not f.has_event_comp:
                    _apply_cues(f, comp[0], sub, lex)
            elif not quoted and f.code == "010" and not f.from_speaker and (
                    any(d.lemma_.lower() not in lex.nouns for d in R.children(f.anchor, "dobj"))
                    or f.anchor.tag_ == "VB"
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in f.anchor.children)):
                # "Kotey mentioned Allah", "too soon to claim": nothing said is reported ("claimed
                # a truck bombing" is).
                f.dropped = True
    for f in frames:
        if f.targets:
            f.targets = [x for t in f.targets for x in (_holders(t) or [t])]
    return [f for f in frames if not f.dropped]


# Roots whose acts, announced for the future in speech, are threats (13x). Cooperative acts
# announced ("will arrive", "will withdraw") keep their type (Guardian labels).
_DECLARABLE = {"17", "18", "19", "20"}
# Words that a negation turns into a promise of action ("will not go unpunished").
_DOUBLE_NEGATIVES = {"unanswered", "unpunished", "unchallenged", "unavenged"}

# Deploying forces made to depend on the other side's conduct is a threat of force too (138).
_CONDITIONAL_THREATS = _DECLARABLE | {"15", "16"}


def _conditional_main(f: Frame) -> bool:
    """The frame's verb is the future main clause of a condition ('will strike if ...', 'would
    retaliate unless ...'); 'would' only when someone is reported saying so, else it is the
    writer's speculation."""
    verb = f.trigger[0] if f.nominal else f.anchor
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if not aux & {"will", "shall", "'ll", "would"} or ("would" in aux and not f.speaker):
        return False
    return bool(conditions(f))


_ANNOUNCEABLE = {"04", "05", "08", "15", "16"}


def _reported_would(f: Frame) -> bool:
    """'X said Y would ...': a future in the past reported from someone, not a condition."""
    aux = {c.lower_ for c in f.anchor.children if c.dep_ in ("aux", "auxpass")}
    return "would" in aux and bool(f.speaker) and not any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in f.anchor.children) \
        and not any(c.dep_ == "advcl" and R._conditional(c) for c in f.anchor.children)


def _declared_intent(f: Frame, quoted: bool) -> bool:
    """A future act declared by someone: 'will' in a quoted or said clause, or 'would' reported
    ("said it would hit back"); not a conditional ("if it attacked")."""
    aux = {c.lower_ for c in f.anchor.children if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in f.anchor.children):
        return False
    if aux & {"will", "shall", "'ll"}:
        return bool(f.speaker) or quoted
    return "would" in aux and bool(f.speaker)


# "attacking areas controlled by jihadists", "shelled towns held by the rebels": the holders are hit.
_TERRITORY = {"area", "territory", "town", "village", "city", "region", "position", "district",
              "neighbourhood", "neighborhood", "enclave", "pocket", "stronghold", "base", "province",
              "suburb", "zone", "part", "land", "camp", "outpost", "checkpoint", "county"}
_HOLD = {"control", "hold", "occupy", "run", "seize", "capture", "besiege", "dominate", "govern"}


_HOLD_FORMS = {w for v in _HOLD for w in verb_forms(v)} | {"held", "run", "ran"}


def _holders(tok: Token) -> list[Token]:
    if tok.lemma_.lower() not in _TERRITORY:
        return []
    for acl in R.children(tok, "acl"):
        if (acl.lemma_.lower() in _HOLD or acl.lower_ in _HOLD_FORMS) and acl.tag_ == "VBN":
            return R.agents(acl)
    return []
