"""Event frames from one parsed sentence: trigger, code, source/target tokens, negation, modality.

The grammar knows nothing about actors: it returns the head tokens of the source and target
phrases; the coder maps those phrases to dictionary actors. Steps:
1. verb triggers: a lexicon pattern chosen by lemma + particle + object + preposition;
2. noun triggers (nominal.py): "air strikes on Z", "talks between A and B", "X's offensive against Y";
3. clause structure: complements of say/agree/urge/refuse/threaten/plan verbs re-code, absorb,
   report or negate the complement's events.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from realpolitik.events import roles as R
from realpolitik.events.attitudes import naming_frames, wanting_frames
from realpolitik.events.clauses import (
    _COPULA, _derive,
    _apply_cues, absorb_nominals, condition_subjects, conditions, decided_frames, expulsion_orders,
    finding_frames, joint_frames, obligation_frames, protest_frames, relate, ultimatum_frames,
)
from realpolitik.events.frame import Frame, _conflictual
from realpolitik.events.lexicon import Lexicon, VerbPattern, phrase_matches, verb_forms
from realpolitik.events.nominal import (
    _CONFLICT_PREPS, _PREVENT_FORMS, _is_year, event_doers, figurative_target, noun_frames, repair_by_phrases,
    repair_relative_attachment,
)
from realpolitik.events.sides import reciprocal

__all__ = ["Frame", "parse_frames", "verb_frames", "noun_frames"]

# Prepositions that introduce a target when a pattern names none, by CAMEO root family.
_COOP_PREPS = ("with", "to", "for")
# Roots where the object that selects a pattern is also the target ("expelled Russian diplomats",
# "released British sailors"); elsewhere it is the thing moved ("sent aid", "deployed troops").
_OBJECT_IS_TARGET = {"084", "085", "114", "16", "17", "18"}
# Cooperation announced as never going to happen is a rejection (CAMEO 12x by root).
_REFUSALS = {"04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
# Verbal reactions whose object event is not reported as news in its own right.
_REACTIONS = {"05", "09", "11", "12"}
# Words that look like prepositional targets but date the event ("called on Monday").
_TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "day",
               "week", "weekend", "month", "year", "morning", "afternoon", "evening", "night",
               "time", "occasion", "behalf", "basis", "condition", "sidelines", "record"}


# -- verbs -------------------------------------------------------------------------------------
def _objects(verb: Token) -> list[Token]:
    objs = [o for d in R.children(verb, "dobj", "dative", "attr", "oprd") for o in R.expand(d)]
    # The small parser sometimes makes an object noun a clausal complement ("took people hostage").
    objs += [c for c in R.children(verb, "ccomp", "xcomp") if c.pos_ in ("NOUN", "ADJ")]
    if not objs:
        objs = [o for p in R.children(verb, "nsubjpass", "csubjpass") for o in R.expand(p)]
    if not objs and verb.dep_ == "acl" and verb.tag_ == "VBN":
        objs = [verb.head]  # "information supplied by Spanish intelligence"
    return objs


def _full_name(tok: Token) -> bool:
    """A given name + surname ("Alan Gross", "Nazanin Zaghari-Ratcliffe") as a noun phrase."""
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == tok.i - 1 for c in tok.children)


_CURRENCIES = {"$", "€", "£", "¥"}


def _sum(tok: Token) -> bool:
    """'$60bn', '€3.5m', '50 million': an amount of money or things."""
    return tok.like_num or any(c.text in _CURRENCIES or c.like_num for c in tok.children) \
        or tok.lower_ in ("m", "bn", "million", "billion")


# Titles the parser tags as names ("Prime Minister Abdalla Hamdok", "President Morsi").
_TITLES = {"minister", "president", "premier", "chancellor", "king", "leader", "governor", "general", "colonel"}


def _counted_nationals(tok: Token) -> bool:
    """'five Americans', 'two Britons': a number of a nation's people."""
    return tok.text[:1].isupper() and tok.tag_ in ("NNPS", "NNS") and any(c.dep_ == "nummod" for c in tok.children)


def _match_verb(verb: Token, pats: list[VerbPattern]) -> tuple[VerbPattern, Token | None] | None:
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "agent", "advmod")}
    particles |= {c.lower_ for c in verb.children if c.dep_ == "prep"
                  and not any(o.lower_ in _TIME_WORDS for o in c.children if o.dep_ == "pobj")}
    # "ordered the UN mission to leave": an infinitive that completes the verb as a particle would
    # ("gave the rebels 48 hours to surrender": parsed on the object)
    particles |= {c.lower_ for o in [verb] + R.children(verb, "dobj", "npadvmod") for c in o.children
                  if c.dep_ in ("xcomp", "ccomp", "advcl", "relcl", "acl") and c.tag_ == "VB"
                  and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)}
    objs = _objects(verb)
    naming = verb.lower_.startswith("call") and any(c.dep_ == "oprd" for c in verb.children)
    for p in pats:
        if p.part and not particles.intersection(p.part):
            continue
        if p.subj and not any(phrase_matches(R.phrase_words(x), p.subj)
                              for x in R.children(verb, "nsubj")):
            continue
        if p.obj:
            if naming:
                continue  # "called the pause an attempt to ...": naming, not calling a ceasefire
            # "gave the YPG a week to leave": a span of time the parser left as an adverb
            cands = list(objs) + [t for t in R.children(verb, "npadvmod")
                                  if any(c.dep_ in ("det", "nummod") for c in t.children)]
            # "delivered a shipment of arms", "sent 50 lorries of water", "pledged $60bn in new
            # financing": the contents count; so does the currency of a sum ("deposited $3bn").
            for _ in range(2):  # "tens of thousands of troops"
                cands += [o for x in cands for pr in R.children(x, "prep") if pr.lower_ in ("of", "in")
                          and (pr.lower_ == "of" or _sum(x)) for o in R.pobjs(pr) if o not in cands]
            cands += [c for x in cands for c in x.children if c.text in _CURRENCIES and c not in cands]
            # "pulled out of the deal", "walked away from the talks": the parser hangs the
            # preposition on the particle.
            preps = R.children(verb, "prep") + [x for a in R.children(verb, "prt", "advmod", "prep")
                                                for x in R.children(a, "prep")]
            for prep in preps:
                if not p.prep or prep.lower_ in p.prep:
                    cands.extend(R.pobjs(prep))
            # "freed the American contractor Alan Gross", "Evan Gershkovich, a journalist": a name
            # is matched by the title it carries.
            cands += [c for x in cands if x.pos_ == "PROPN" for c in x.children
                      if c.dep_ in ("compound", "appos") and (c.pos_ == "NOUN" or c.lower_ in _TITLES) and c not in cands]
            hit = next((o for o in cands if phrase_matches(R.phrase_words(o), p.obj)), None)
            if hit is None and "prisoner" in p.obj:
                # "freed Alan Gross": a person's full name as the direct object stands for the people
                # the pattern wants (not "fired rockets at Tel Aviv", "flew to Mexico City").
                hit = next((o for o in objs if _full_name(o) or _counted_nationals(o)), None)
            if hit is None:
                continue
            return p, hit
        return p, None
    return None


def _targets(anchor: Token, prep_words: tuple[str, ...], code: str, skip: Token | None) -> list[Token]:
    out: list[Token] = []
    for d in R.children(anchor, "dobj", "dative"):
        if d.pos_ == "ADP":  # "granted asylum to Morales, who flew to Mexico City": the person only
            out.extend(R.pobjs(d))
        elif d is not skip:
            # "fighters that we captured": the relative object stands for the noun it modifies.
            out.extend(R.expand(R.fix_relative(d, anchor)))
    preps = prep_words or (_CONFLICT_PREPS if _conflictual(code) else _COOP_PREPS)
    holders = [anchor] + ([skip] + list(skip.conjuncts) if skip is not None else [])
    for h in holders:  # "imposed sanctions on Russia": the prep may hang on the object noun
        for prep in R.children(h, "prep", "dative"):
            if prep.lower_ in preps:
                out.extend(o for o in R.pobjs(prep) if o.lower_ not in _TIME_WORDS)
    return out


def _prep_object(tok: Token) -> bool:
    """The object of a preposition, or a later member of its list ("sided with Qatar and Jordan")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj"


def _companions(verb: Token, sources: list[Token]) -> list[Token]:
    """'Russia, along with China, vetoed ...', 'Iran, together with Russia and Turkey, agreed ...':
    those named with the subject, before the verb, act with it."""
    if not sources:
        return []
    out: list[Token] = []
    for p in [*verb.children, *(c for t in sources for c in t.children)]:
        if p.dep_ != "prep" or not sources[0].i < p.i < verb.i:
            continue
        if p.lower_ == "along":
            withs = [w for w in p.children if w.dep_ == "prep" and w.lower_ == "with"]
        elif p.lower_ == "with" and any(c.lower_ in ("along", "together") for c in p.children):
            withs = [p]
        else:
            continue
        for w in withs:
            out.extend(R.pobjs(w))
    return out


def verb_frames(sent: Span, lex: Lexicon) -> list[Frame]:
    frames = []
    for tok in sent:
        pats = lex.verbs.get(tok.lemma_.lower())  # the dictionary test first: it is the cheap one
        if not pats or not R.is_verbal(tok):
            continue
        m = _match_verb(tok, pats)
        if m is None:
            continue
        pat, obj = m
        if tok.dep_ == "amod" and tok.tag_ == "VBN":
            continue  # "US-backed forces": a modifier, not a reported act
        if tok.dep_ in ("acl", "relcl") and any(
                _is_year(o) for p in R.children(tok, "prep") if p.lower_ in ("in", "since")
                for o in p.children if o.dep_ == "pobj"):
            continue  # "properties seized by the United States in 2016": background
        code = pat.code
        if any(c.lower_ in ("how", "whether") and c.dep_ in ("advmod", "mark") for c in tok.children):
            continue  # "how the US withdraws from conflicts": a manner or question, not an act
        if tok.dep_ == "relcl" and any(c.dep_ == "auxpass" and c.lower_ in ("is", "are") for c in tok.children):
            continue  # "the PKK, which is listed as a terrorist group by Nato": a standing state
        if R.standing(tok) and pat.comp != "say":
            continue  # "a government the US officially seeks to overthrow", "Hamas, which governs Gaza"
        if _identifying(tok):
            continue  # "the gunmen who stormed the consulate numbered in the dozens": who they are
        if tok.dep_ in ("acl", "relcl") and tok.lemma_.lower() in _STATES_OF_AFFAIRS \
                and not any(c.lemma_.lower() in ("hostage", "captive") for c in tok.children):
            continue  # "areas controlled by jihadists", "US troops stationed there": a state of affairs
        if (pat.code[:2] == "05" or tok.lemma_.lower() in ("back", "support")) \
                and tok.dep_ in ("acl", "relcl") and not R.ordinal_infinitive(tok):
            if not (tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.i > 0 and tok.doc[tok.i - 1].text == ","
                    and tok.lemma_.lower() in ("back", "support") and R.agents(tok)):
                continue  # "rebels backed by Ankara", "Turkey, which backs ...": background, not news
            # "Kurdish forces, backed by US air support, are fighting": the backing is part of the news.
            code = "070"
        sources, patients = R.subject_roles(tok)
        sources = sources + [c for c in _companions(tok, sources) if c not in sources]
        event_noun = None
        if pat.code[:2] in ("17", "18", "19", "20") and len(sources) == 1:
            # "The strikes, carried out by Israeli jets, hit ...", "the bombing of Raqqa by US-led
            # forces killed hundreds": the act's doers are those of the event that does it; what
            # an attack destroys is its toll ("Russian air strikes destroyed two hospitals").
            doers, noun_code = event_doers(sources[0], lex)
            if doers:
                event_noun, sources = sources[0], doers
                if code[:2] == "17" and noun_code and noun_code[:2] in ("18", "19", "20"):
                    code = noun_code
        elif pat.code[:2] in ("18", "19", "20") and not sources and patients:
            # "Two soldiers were killed in a Kurdish attack": the attack's doers did it.
            for noun in (o for p in R.children(tok, "prep") if p.lower_ in ("in", "during")
                         for o in p.children if o.dep_ == "pobj"):
                doers, _ = event_doers(noun, lex)
                if doers:
                    event_noun, sources = noun, doers
                    break
        if not sources and patients and pat.code[:2] == "15":
            sources, patients = patients, []  # "the army was put on high alert": its own posture
        targets = [] if pat.notarget else patients + _targets(tok, pat.prep, pat.code, obj)
        if code[:2] in ("18", "19", "20") and any(figurative_target(t, lex) for t in targets):
            continue  # "senators killed the bill", "exports hit a record high": no violence
        if pat.part and set(pat.part) <= set(pat.prep):
            # "discussed the proposal with Kerry": a verb that needs its preposition aims there only.
            targets = [t for t in targets if _prep_object(t)]
        elif pat.code == "018" and obj is None:
            # "consoled Zelensky", "commiserated with Erdogan": sympathy aims at whom it comforts.
            targets = [t for t in targets if t.dep_ in ("dative", "dobj") or t.head.lower_ in ("to", *pat.prep)]
        elif pat.code[:2] == "01":
            # A statement is aimed only at whom it is told to, not at what it is about.
            targets = [t for t in targets if t.dep_ == "dative" or t.head.lower_ == "to"]
        if obj is not None and not patients and not pat.code.startswith(tuple(_OBJECT_IS_TARGET)):
            # The object selected the pattern ("sent aid", "poured tens of thousands of troops");
            # it is not the target.
            targets = [t for t in targets if t is not obj and obj not in t.subtree]
        if obj is not None and not pat.notarget:
            # "sought Russia's backing", "sought the aid of X": the object's owner is the target.
            targets.extend(R.children(obj, "poss"))
            for prep in R.children(obj, "prep"):
                if prep.lower_ == "of":
                    targets.extend(R.pobjs(prep))
        trig = [tok] + [c for c in tok.children if c.dep_ == "prt"] + ([obj] if obj is not None else [])
        negated = R.negated(tok) or R.subject_negated(tok) or any(
            c.lower_ == "no" and c.dep_ == "det" for d in R.children(tok, "dobj") for c in d.children)
        if tok.lemma_.lower() == "insist" and any(
                c.dep_ == "ccomp" and (c.tag_ in ("VBD", "VBZ") or any(
                    a.dep_ in ("aux", "auxpass") and a.lower_ in ("had", "has", "have", "was", "were", "is", "are")
                    for a in c.children)) for c in tok.children):
            code = "010"  # "insisted that nothing had changed": a firm statement, not a demand
        frames.append(Frame(
            code=code, anchor=tok, trigger=sorted(trig, key=lambda t: t.i), sources=sources,
            targets=targets, negated=negated, modality=R.modality(tok),
            comp="say" if code == "010" and pat.comp == "demand" else pat.comp, weak=pat.weak, place=pat.place, notarget=pat.notarget,
            confidence=0.6 if pat.weak else 0.85, obj_token=obj,
            agentless=bool(patients) and not sources, doer_event=event_noun,
        ))
        if pat.mutual and not targets and (len(sources) > 1 or any(
                c.dep_ == "conj" for x in sources for m in [x, *R.children(x, "amod", "compound")]
                for c in m.children)):
            # "Armenia and Azerbaijan clashed", "Indian and Chinese troops clashed": with each other.
            frames[-1].mutual = True
            continue
        if len(sources) > 1 and any(reciprocal(t) for t in targets):
            # "Armenia and Azerbaijan accused each other": each subject at each other one.
            frames[-1].targets, frames[-1].mutual = [t for t in targets if not reciprocal(t)], True
            continue
        partners = [t for t in targets if t.dep_ in ("pobj", "conj") and any(
            a.lower_ == "with" and a.dep_ == "prep" for a in t.ancestors)]
        if sources and (pat.mutual and targets or partners and _symmetric(code)):
            # "clashed with": the other side fights back; "signed a ceasefire with eight armed
            # groups": so do they.
            frames.append(Frame(code=pat.code if pat.mutual else code, anchor=tok, trigger=frames[-1].trigger,
                                sources=list(targets if pat.mutual else partners),
                                targets=list(sources), negated=frames[-1].negated,
                                modality=frames[-1].modality, confidence=0.75, mirror=True))
    return frames


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


def _identifying(verb: Token) -> bool:
    """A restrictive relative clause on a definite noun that is itself the subject or object of
    another predicate tells which ones are meant ('the gunmen who stormed the consulate had
    numbered in the dozens'), not news of the day."""
    if verb.dep_ != "relcl" or verb.tag_ != "VBD":
        return False
    noun = verb.head
    first = next(iter(verb.subtree))
    if first.i > 0 and verb.doc[first.i - 1].text == ",":
        return False  # "Russia, which bombed ...": a further fact reported
    return noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "those", "these")
                                       for c in noun.children) \
        and noun.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")


def _symmetric(code: str) -> bool:
    """Acts the other party necessarily does too: negotiating, signing an agreement, a truce."""
    return code[:3] in ("046", "057", "087")


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
            f.code = _derive("intent", f.code, f.code)
            f.modality = "intent"
        elif not f.negated and (not f.nominal or len(f.trigger) > 1) and not f.mirror \
                and f.root in _CONDITIONAL_THREATS and _conditional_main(f):
            # "Washington will impose sanctions if Ankara attacks", "said it would retaliate unless
            # ...", "would launch an operation if ...": a hostile act made to depend on the other
            # side's conduct is a threat, aimed at that side when the act names nobody.
            if not f.targets or f.root == "15":  # what one deploys is one's own forces
                f.targets = condition_subjects(f) or f.targets
            f.code = _derive("intent", f.code, f.code)
            f.modality = "intent"
        elif not f.negated and not f.nominal and not f.mirror and f.root in _DECLARABLE \
                and _declared_intent(f, quoted):
            # "Erdogan said: we will destroy all terror nests", "Turkey said it would hit back":
            # a stated future violent act is a threat.
            f.code = _derive("intent", f.code, f.code)
            f.modality = "intent"
        elif not f.negated and not f.nominal and not f.mirror and f.root in _ANNOUNCEABLE \
                and _reported_would(f):
            # "Trump announced the US would reimpose sanctions", "the Taliban said the group would
            # guarantee safe passage": what one side says it would do is announced, not
            # speculated; concessions and meetings so announced are agreements (03x).
            if f.root in ("04", "05", "08"):
                f.code = _derive("intent", f.code, f.code)
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


# Verbs that, as modifiers of a noun, describe who holds or is where, not an act of the day.
_STATES_OF_AFFAIRS = {"control", "hold", "occupy", "run", "station", "base", "dominate", "govern"}


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
