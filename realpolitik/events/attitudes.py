"""Frames from what one actor calls or wants of another: 'calling Ankara a party to the fighting' (an
accusation by the cue words of the name), 'the US wants Ankara to halt its offensive' (an appeal)."""
from __future__ import annotations

from spacy.tokens import Span

from realpolitik.events import roles as R
from realpolitik.events.clauses import _apply_cues
from realpolitik.events.frame import Frame
from realpolitik.events.lexicon import Lexicon, verb_forms

_HOSTILE_NAMES = {"party", "threat", "danger", "enemy", "obstacle", "menace", "accomplice", "sponsor"}
_NAMING = {"call", "describe", "brand", "label", "term", "dub", "denounce", "portray", "depict"}


def naming_frames(sent: Span, lex: Lexicon, frames: list[Frame]) -> list[Frame]:
    """'calling Ankara a party to the fighting', 'described the campaign as ethnic cleansing': what
    a name says (accusation, threat, praise, by the cue words of the predicate) aimed at the named."""
    taken = {f.anchor.i for f in frames if f.comp != "say"}
    out = []
    for tok in sent:
        if tok.lower_ not in _NAMING_FORMS or not R.is_verbal(tok) or tok.i in taken:
            continue
        objs = R.children(tok, "dobj")
        preds = R.children(tok, "oprd") + [c for c in R.children(tok, "ccomp", "xcomp") if c.pos_ == "NOUN"]
        preds += [o for p in R.children(tok, "prep") if p.lower_ == "as" for o in p.children if o.dep_ == "pobj"]
        if not objs or not preds:
            continue
        sources, _ = R.subject_roles(tok)
        f = Frame(code="010", anchor=tok, trigger=[tok], sources=sources, targets=[], confidence=0.5,
                  negated=R.negated(tok), modality=R.modality(tok))
        _apply_cues(f, tok, [t for p in preds for t in p.subtree], lex)
        if not f.cue and any(p.lemma_.lower() in _HOSTILE_NAMES for p in preds):
            f.code, f.cue = "112", True  # "calling Ankara a party to the fighting", "a threat"
        if f.cue:
            # the one named, or the owner of what is named ("the army's campaign")
            obj = objs[0]
            owners = R.children(obj, "poss") + [t for t in obj.lefts if t.dep_ in ("amod", "compound")]
            f.targets = R.expand(obj) if obj.pos_ == "PROPN" or not owners else owners + [obj]
            out.append(f)
    return out


_WANT_FORMS = verb_forms("want") | verb_forms("expect") | verb_forms("wish") | {"wanted"}


def wanting_frames(sent: Span, frames: list[Frame]) -> list[Frame]:
    """'Moscow expected Turkey to hand over Afrin', 'the US wants Ankara to halt its offensive': what
    one state wants another to do is an appeal to it (CAMEO 02), with the wanted act absorbed."""
    taken = {f.anchor.i for f in frames}
    out = []
    for tok in sent:
        if tok.lower_ not in _WANT_FORMS or not R.is_verbal(tok) or tok.i in taken:
            continue
        comps = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and R.is_verbal(c)
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        if not comps:
            continue
        # "wants Turkey to halt": Turkey is the object, or the infinitive's own subject
        objs = R.children(tok, "dobj") or R.children(comps[0], "nsubj")
        if not objs:
            continue
        sources, patients = R.subject_roles(tok)
        if not sources or patients:
            continue  # "X is expected to ...": a prediction
        out.append(Frame(code="020", anchor=tok, trigger=[tok], sources=sources,
                         targets=[x for o in objs for x in R.expand(o)], comp="request", confidence=0.5,
                         negated=R.negated(tok), modality=R.modality(tok)))
    return out


# The parser's lemmas are filled only for lexicon words: these sets are matched on word forms.
_NAMING_FORMS = {w for v in _NAMING for w in verb_forms(v)} | {"dubbed"}
