"""Event frames from one parsed sentence: trigger, code, source/target tokens, negation, modality.

The grammar knows nothing about actors: it returns the head tokens of the source and target
phrases; the coder maps those phrases to dictionary actors. Steps:
1. verb triggers: a lexicon pattern chosen by lemma + particle + object + preposition;
2. noun triggers: "air strikes on Z", "talks between A and B", "X's offensive against Y";
3. clause structure: complements of say/agree/urge/refuse/threaten/plan verbs re-code, absorb,
   report or negate the complement's events.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from realpolitik.events import roles as R
from realpolitik.events.lexicon import Lexicon, NounPattern, VerbPattern, phrase_matches

# Prepositions that introduce a target when a pattern names none, by CAMEO root family.
_CONFLICT_PREPS = ("against", "on", "at", "into", "toward", "towards", "upon")
_COOP_PREPS = ("with", "to", "for")
# Roots where the object that selects a pattern is also the target ("expelled Russian diplomats",
# "released British sailors"); elsewhere it is the thing moved ("sent aid", "deployed troops").
_OBJECT_IS_TARGET = {"08", "16", "17", "18"}

_QUANTITIES = {"thousand", "thousands", "hundred", "hundreds", "million", "millions", "dozen", "dozens",
               "tens", "scores", "group", "crowd", "number"}
# Verbal reactions whose object event is not reported as news in its own right.
_REACTIONS = {"05", "09", "11", "12"}

# Complement root -> code under a governing verb, per reading (CAMEO's own structure: 03x mirrors
# 06/07/08/04, 02x/10x mirror them as appeals, 12x as refusals, 13x threatens 16-20).
_INTENT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "09": "030", "01": "030"}
_REQUEST = {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025", "09": "020"}
_DEMAND = {"04": "106", "05": "102", "06": "101", "07": "103", "08": "105"}
_REJECT = {"04": "125", "05": "120", "06": "121", "07": "122", "08": "124", "03": "120", "01": "011"}
# Complement roots that make a promise a threat ("vowed to retaliate").
_VIOLENT = {"13", "15", "16", "17", "18", "19", "20"}
# Words that look like prepositional targets but date the event ("called on Monday").
_TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "day",
               "week", "weekend", "month", "year", "morning", "afternoon", "evening", "night",
               "time", "occasion", "behalf", "basis", "condition", "sidelines", "record"}
_THREATEN = {"16": "131", "17": "137", "18": "138", "19": "138", "20": "1385", "15": "138"}


@dataclass
class Frame:
    code: str
    anchor: Token  # the trigger's head word
    trigger: list[Token]
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    negated: bool = False
    modality: str = "action"
    speaker: list[Token] = field(default_factory=list)  # who reported it
    comp: str | None = None
    nominal: bool = False
    weak: bool = False
    place: bool = False  # a place may stand in for the target
    notarget: bool = False
    confidence: float = 0.8
    has_event_comp: bool = False  # a say-verb whose complement held an event
    obj_token: Token | None = None  # object noun that selected the pattern
    quote: Span | None = None  # what was said (for statements)
    context: bool = False  # a nominal event that may take its doer from the document context
    from_speaker: bool = False  # the source is the speaker of the quote the sentence is in
    agentless: bool = False  # a passive without "by" ("was arrested")
    mirror: bool = False  # the reverse direction of a mutual event
    mutual: bool = False  # the actors of `sources` act on each other ("fighting between A and B")
    cue: bool = False  # a statement re-coded by cue words
    dropped: bool = False

    @property
    def root(self) -> str:
        return self.code[:2]


def _conflictual(code: str) -> bool:
    return code[:2] in ("13", "14", "15", "16", "17", "18", "19", "20", "11", "12", "09")


# -- verbs -------------------------------------------------------------------------------------
def _objects(verb: Token) -> list[Token]:
    objs = [o for d in R.children(verb, "dobj", "dative", "attr", "oprd") for o in R.expand(d)]
    # The small parser sometimes makes an object noun a clausal complement ("took people hostage").
    objs += [c for c in R.children(verb, "ccomp", "xcomp") if c.pos_ == "NOUN"]
    if not objs:
        objs = [o for p in R.children(verb, "nsubjpass", "csubjpass") for o in R.expand(p)]
    return objs


def _match_verb(verb: Token, pats: list[VerbPattern]) -> tuple[VerbPattern, Token | None] | None:
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "agent", "advmod")}
    particles |= {c.lower_ for c in verb.children if c.dep_ == "prep"
                  and not any(o.lower_ in _TIME_WORDS for o in c.children if o.dep_ == "pobj")}
    objs = _objects(verb)
    for p in pats:
        if p.part and not particles.intersection(p.part):
            continue
        if p.subj and not any(phrase_matches(R.phrase_words(x), p.subj)
                              for x in R.children(verb, "nsubj")):
            continue
        if p.obj:
            cands = list(objs)
            # "delivered a shipment of arms", "sent 50 lorries of water": the contents count.
            for _ in range(2):  # "tens of thousands of troops"
                cands += [o for x in cands for pr in R.children(x, "prep") if pr.lower_ == "of"
                          for o in R.pobjs(pr) if o not in cands]
            for prep in R.children(verb, "prep"):
                if not p.prep or prep.lower_ in p.prep:
                    cands.extend(R.pobjs(prep))
            hit = next((o for o in cands if phrase_matches(R.phrase_words(o), p.obj)), None)
            if hit is None:
                continue
            return p, hit
        return p, None
    return None


def _targets(anchor: Token, prep_words: tuple[str, ...], code: str, skip: Token | None) -> list[Token]:
    out: list[Token] = []
    for d in R.children(anchor, "dobj", "dative"):
        if d is not skip:
            out.extend(R.expand(d))
    preps = prep_words or (_CONFLICT_PREPS if _conflictual(code) else _COOP_PREPS)
    holders = [anchor] + ([skip] if skip is not None else [])
    for h in holders:  # "imposed sanctions on Russia": the prep may hang on the object noun
        for prep in R.children(h, "prep", "dative"):
            if prep.lower_ in preps:
                out.extend(o for o in R.pobjs(prep) if o.lower_ not in _TIME_WORDS)
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
        if pat.code[:2] == "05" and tok.dep_ in ("acl", "relcl"):
            continue  # "rebels backed by Ankara", "Turkey, which backs ...": background, not news
        sources, patients = R.subject_roles(tok)
        if not sources and patients and pat.code[:2] == "15":
            sources, patients = patients, []  # "the army was put on high alert": its own posture
        targets = [] if pat.notarget else patients + _targets(tok, pat.prep, pat.code, obj)
        if pat.part and set(pat.part) <= set(pat.prep):
            # "discussed the proposal with Kerry": a verb that needs its preposition aims there only.
            targets = [t for t in targets if t.dep_ == "pobj"]
        elif pat.code[:2] == "01":
            # A statement is aimed only at whom it is told to, not at what it is about.
            targets = [t for t in targets if t.dep_ == "dative" or t.head.lower_ == "to"]
        if obj is not None and not patients and pat.code[:2] not in _OBJECT_IS_TARGET:
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
        frames.append(Frame(
            code=pat.code, anchor=tok, trigger=sorted(trig, key=lambda t: t.i), sources=sources,
            targets=targets, negated=R.negated(tok) or R.subject_negated(tok), modality=R.modality(tok),
            comp=pat.comp, weak=pat.weak, place=pat.place, notarget=pat.notarget,
            confidence=0.6 if pat.weak else 0.85, obj_token=obj,
            agentless=bool(patients) and not sources,
        ))
        if pat.mutual and sources and targets:  # "clashed with": the other side fights back
            frames.append(Frame(code=pat.code, anchor=tok, trigger=frames[-1].trigger, sources=list(targets),
                                targets=list(sources), negated=frames[-1].negated,
                                modality=frames[-1].modality, confidence=0.75, mirror=True))
    return frames


# -- nouns -------------------------------------------------------------------------------------
def _match_noun(tok: Token, pats: list[NounPattern]) -> NounPattern | None:
    words = R.phrase_words(tok)
    mods = set(words[:-1])
    for p in pats:
        if p.mods and not phrase_matches(words, [" ".join(p.mods + (p.head,))]):
            continue
        if p.need and not mods.intersection(p.need):
            continue
        if p.needprep and not any(c.dep_ == "prep" and c.lower_ in p.prep for c in tok.children):
            continue
        return p
    return None


# "went on Twitter to denounce", "flew to Kyiv to meet": the purpose is carried out.
_MOTION = {"go", "come", "travel", "fly", "take", "use", "move", "return", "turn", "head", "rush"}

# Nouns that make the event noun after "of" a possibility ("the risk of clashes").
_POSSIBILITY = {"risk", "threat", "fear", "possibility", "prospect", "danger", "plan", "prospects",
                "spectre", "likelihood", "chance", "warning", "rumour", "talk"}


def _nominal_modality(tok: Token) -> str:
    """'could lead to renewed fighting', 'the risk of clashes': the nominal event is hypothetical
    when the clause around it is."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _POSSIBILITY:
        return "hypothetical"
    for anc in tok.ancestors:
        if R.is_verbal(anc):
            return "hypothetical" if R.modality(anc) == "hypothetical" else "action"
    return "action"


def noun_frames(sent: Span, lex: Lexicon, covered: set[int]) -> list[Frame]:
    frames = []
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.i in covered:  # PROPN: "Operation Olive Branch", "Syria Campaign"
            continue
        pats = lex.nouns.get(tok.lemma_.lower()) or lex.nouns.get(tok.lower_)
        if not pats:
            continue
        pat = _match_noun(tok, pats)
        if pat is None:
            continue
        frames.extend(_nominal(tok, pat, lex))
    return frames


def _nominal(tok: Token, pat: NounPattern, lex: Lexicon) -> list[Frame]:
    sources: list[Token] = []
    targets: list[Token] = []
    trigger = [tok]
    neg, mod = False, "action"
    # Modifiers left of the noun carry the doer: "Russia's", "Russian", "US-led", "Turkish army".
    sources.extend(R.children(tok, "poss"))
    sources.extend(c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod", "npadvmod")
                   and c.lower_ not in pat.mods)
    between: list[Token] = []
    located: list[Token] = []  # "strikes in Yemen": the place, used only without a real target
    for prep in R.children(tok, "prep"):
        w = prep.lower_
        if w == "by":
            sources = R.pobjs(prep) + sources
        elif w == "between" and pat.between:
            between = R.pobjs(prep)
        elif w in pat.prep or (not pat.prep and w in _CONFLICT_PREPS):
            (located if w == "in" else targets).extend(R.pobjs(prep))
    for acl in R.children(tok, "acl"):  # "criticism of Turkey voiced by the French minister"
        sources = R.agents(acl) + sources
    carrier = tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN" \
            and tok.head.head.dep_ in ("dobj", "nsubjpass"):
        carrier = tok.head.head  # "held another round of talks", "four hours of talks"
        for prep in R.children(carrier, "prep"):
            if prep.lower_ in pat.prep:
                targets.extend(R.pobjs(prep))
    head = carrier.head
    tok_dep = carrier.dep_
    if tok_dep in ("dobj", "nsubjpass") and head.lemma_.lower() in lex.light_verbs:
        s, _ = R.subject_roles(head)
        sources = s + sources if tok_dep == "dobj" else R.agents(head) + sources
        trigger = [head, tok]
        neg, mod = R.negated(head) or R.subject_negated(head), R.modality(head)
        for prep in R.children(head, "prep"):
            if prep.lower_ in pat.prep or (not pat.prep and prep.lower_ in _CONFLICT_PREPS):
                (located if prep.lower_ == "in" else targets).extend(R.pobjs(prep))
    elif tok.dep_ == "pobj" and R.is_verbal(head.head) and not R.children(tok, "poss") and (
            head.lower_ in ("with", "through") or head.lower_ == "in" and (
            pat.code[:2] < "13" or pat.code[:2] == "14"
            or head.head.lemma_.lower() in ("go", "join", "engage", "participate", "persist"))):
        # "building a port in cooperation with X", "went further in criticism of X": the verb's
        # subject is the doer; "Israel responded with air strikes on Gaza" likewise.
        sources = R.subject_roles(head.head)[0] + [t for t in sources if t.pos_ in ("PROPN", "NOUN")]
    if any(t.tag_ == "PRP$" for t in sources):
        # "Hamas gunmen took hostages during their assault": their = the clause's subject.
        verb = next((a for a in tok.ancestors if R.is_verbal(a)), None)
        subj = [t for t in (R.subject_roles(verb)[0] if verb is not None else []) if t.tag_ != "PRP"]
        if subj:
            sources = subj + [t for t in sources if t.tag_ != "PRP$"]
    if not targets:
        targets = located
    if mod == "action" and len(trigger) == 1:
        mod = _nominal_modality(tok)
    if pat.between and not between and tok.dep_ in ("nsubj", "nsubjpass"):
        # "Heavy fighting broke out between A and B": the between-phrase hangs on the verb.
        between = [o for p in R.children(tok.head, "prep") if p.lower_ == "between" for o in R.pobjs(p)]
    base = dict(code=pat.code, anchor=tok, trigger=trigger, negated=neg, modality=mod, nominal=True,
                weak=pat.weak, place=pat.place, confidence=0.55 if pat.weak else 0.7,
                context=pat.context)
    if len(between) == 1:  # "between Azerbaijani and Armenian forces": the coder pairs the actors
        return [Frame(sources=between, targets=[], mutual=True, **base)]
    if between:
        out = []
        for a in between:
            for b in between:
                if a is not b:
                    out.append(Frame(sources=[a], targets=[b], **base))
        return out
    return [Frame(sources=sources, targets=targets, **base)]


# -- clause structure ----------------------------------------------------------------------------
def _derive(comp: str, governing_code: str, inner_code: str) -> str:
    root = inner_code[:2]
    if comp == "intent":
        if root in _VIOLENT:
            return _THREATEN.get(root, "130")
        return _INTENT.get(root, governing_code)
    if comp == "request":
        return _REQUEST.get(root, governing_code)
    if comp == "demand":
        return _DEMAND.get(root, governing_code)
    if comp == "reject":
        return _REJECT.get(root, governing_code)
    if comp == "threaten":
        return _THREATEN.get(root, governing_code)
    return governing_code


def relate(frames: list[Frame], lex: Lexicon) -> None:
    """Apply governing verbs to the events in their complements (in place)."""
    by_anchor = {f.anchor.i: f for f in frames if not f.nominal and not f.mirror}
    for f in frames:
        if f.comp == "say" and f.weak:
            continue  # "he saw some hope": only frames reported speech, is not an event itself
        cur = f.anchor if not f.nominal or len(f.trigger) == 1 else f.trigger[0]
        hops = 0
        while hops < 6:
            hops += 1
            g, how = R.governor(cur)
            if g is None:
                break
            gf = by_anchor.get(g.i)
            if gf is not None and gf is not f and gf.comp:
                if gf.comp == "say" or (gf.comp == "threaten" and how == "ccomp"):
                    # "X said Y attacked Z", "X warned that Y would pay": Y's act, as reported by X.
                    f.modality = "reported" if f.modality == "action" else f.modality
                    f.speaker = gf.sources
                    gf.has_event_comp = True
                    if gf.negated:
                        f.negated = True
                    if gf.comp != "say" and not gf.targets:
                        gf.targets = list(f.sources)
                    break
                # intent/request/demand/reject/threaten/accuse absorb the complement
                if gf.comp != "accuse":
                    gf.code = _derive(gf.comp, gf.code, f.code)
                if not gf.targets and gf.comp in ("intent", "threaten", "reject"):
                    # "threatened to attack Kurdish forces", "refused to release the sailors"
                    gf.targets = list(f.targets) or ([f.obj_token] if f.obj_token is not None else [])
                if not gf.targets and gf.comp in ("request", "demand") and how == "ccomp":
                    gf.targets = list(f.sources)  # "demanded that Bashir step down"
                f.dropped = True
                break
            if gf is None and how == "comp" and cur.dep_ in ("advcl", "acl") and cur.tag_ == "VB" \
                    and g.lemma_.lower() not in _MOTION:
                # A purpose clause ("a force to fight terrorists"): an aim, not a reported act.
                if f.modality == "action":
                    f.modality = "hypothetical"
                break
            modal = lex.modal_verbs.get(g.lemma_.lower())
            if modal and gf is None:
                if modal == "negated":
                    f.negated = True
                elif modal != "action" and f.modality == "action":
                    f.modality = modal
                if R.negated(g):
                    f.negated = True
            cur = g


# "X said Y should/must ...": an appeal by the speaker to Y (CAMEO 02).
_OBLIGATION_AUX = {"should", "must", "ought"}
_OBLIGATION_VERBS = {"need", "have"}  # "needs to", "has to"


def _obligation(verb: Token) -> list[Token] | None:
    """The trigger words when `verb` is phrased as an obligation, else None."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ in _OBLIGATION_AUX]
    if aux and not R.negated(verb):
        return aux + [verb]
    if verb.lemma_.lower() in _OBLIGATION_VERBS and any(c.dep_ == "xcomp" for c in verb.children) \
            and not R.negated(verb):
        return [verb]
    return None


def obligation_frames(sent: Span, frames: list[Frame], quoted: bool, lex: Lexicon) -> list[Frame]:
    """Appeals phrased as obligations: in the complement of a say-verb (source = the sayer), or as
    the main clause of a quoted sentence (`quoted`; the coder gives the quote's speaker as source)."""
    out = []
    for f in frames:
        if f.comp != "say" or f.weak:
            continue
        for c in f.anchor.children:
            if c.dep_ in ("ccomp", "parataxis") and R.is_verbal(c):
                for v in [c] + [x for x in c.conjuncts if R.is_verbal(x)]:
                    trig = _obligation(v)
                    subj, patients = R.subject_roles(v)
                    if trig and subj:
                        f.has_event_comp = True
                        out.append(Frame(code="020", anchor=v, trigger=trig, sources=list(f.sources),
                                         targets=subj, confidence=0.55, modality="action"))
    if quoted:
        root = sent.root
        trig = _obligation(root)
        subj, _ = R.subject_roles(root)
        if trig and subj and not any(f.anchor.i == root.i for f in frames):
            out.append(Frame(code="020", anchor=root, trigger=trig, sources=[], targets=subj,
                             confidence=0.5, from_speaker=True))
        elif QUOTED_STATEMENTS and not frames and R.is_verbal(root):
            # A quoted sentence with nothing more specific: the speaker's statement.
            f = Frame(code="010", anchor=root, trigger=[root], sources=[], confidence=0.4,
                      from_speaker=True, comp="say", quote=sent)
            _apply_cues(f, root, list(sent), lex)
            out.append(f)
    return out


QUOTED_STATEMENTS = True


def absorb_nominals(frames: list[Frame]) -> None:
    """"called for dialogue between A and B", "demanded a ceasefire", "rejected talks": the noun
    event is what is asked for/refused/promised, so it re-codes the verb instead of standing alone."""
    by_anchor = {f.anchor.i: f for f in frames if not f.nominal and not f.mirror}
    for f in frames:
        if not f.nominal or len(f.trigger) > 1:
            continue
        tok = f.anchor
        gov = tok.head if tok.dep_ == "dobj" else (
            tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("for", "to") else None)
        gf = by_anchor.get(gov.i) if gov is not None else None
        if gf is None or gf.comp not in ("intent", "request", "demand", "reject", "threaten"):
            continue
        gf.code = _derive(gf.comp, gf.code, f.code)
        if not gf.targets or (gf.obj_token is not None and gf.targets == [gf.obj_token]):
            gf.targets = [t for t in f.sources + f.targets]
        f.dropped = True


def joint_frames(sent: Span, frames: list[Frame]) -> list[Frame]:
    """'Nigerian and Chadian troops jointly retook ...': doing something together is cooperation."""
    out = []
    for f in frames:
        if f.nominal or f.mirror or f.root in ("06", "04", "03"):
            continue
        if any(c.lower_ in ("jointly", "together") for c in f.anchor.children if c.dep_ == "advmod"):
            out.append(Frame(code="060", anchor=f.anchor, trigger=f.trigger, sources=list(f.sources),
                             mutual=True, confidence=0.6, modality=f.modality, negated=f.negated))
    return out


def protest_frames(sent: Span, lex: Lexicon, frames: list[Frame]) -> list[Frame]:
    """What protesters do is protest: "demonstrators camped outside army headquarters",
    "farmers blocked highways in protest" (the latter through the "in protest" noun)."""
    taken = {f.anchor.i for f in frames} | {t.i for f in frames for t in f.trigger}
    out = []
    for tok in sent:
        if not R.is_verbal(tok) or tok.i in taken or tok.lemma_.lower() == "be":
            continue
        subj = R.children(tok, "nsubj")
        if subj and subj[0].lemma_.lower() in _QUANTITIES:  # "thousands of demonstrators"
            subj = [o for p in R.children(subj[0], "prep") if p.lower_ == "of" for o in R.pobjs(p)][:1]
        if subj and lex.in_class(R.phrase_words(subj[0]), "protesters"):
            out.append(Frame(code="140", anchor=tok, trigger=[tok], sources=R.expand(subj[0]),
                             confidence=0.6, notarget=True))
    return out


def parse_frames(sent: Span, lex: Lexicon, quoted: bool = False) -> list[Frame]:
    verbs = verb_frames(sent, lex)
    covered = {f.obj_token.i for f in verbs if f.obj_token is not None}
    # A noun that is itself the doer of a coded verb ("killed by a US airstrike") is not a second
    # event, nor one that is what a coded verb is about ("condemned Turkey's intervention").
    covered |= {t.i for f in verbs for t in f.sources}
    covered |= {t.i for f in verbs if f.root in _REACTIONS for t in f.targets}
    nouns = noun_frames(sent, lex, covered)
    # "ordered a humanitarian pause", "launched an offensive": the noun is the event, not the verb.
    carried = {f.trigger[0].i for f in nouns if len(f.trigger) > 1}
    verbs = [f for f in verbs if not (f.anchor.i in carried and f.obj_token is None)]
    # "vetoed a resolution demanding a ceasefire", "a statement condemning X": what a document
    # says is not an act of its own.
    verbs = [f for f in verbs if not (f.anchor.dep_ in ("acl", "relcl")
                                      and lex.in_class(R.phrase_words(f.anchor.head), "documents"))]
    # "struck the base, killing 35 people": the killing is the strike's toll, not a second event.
    violent = {f.anchor.i for f in verbs if f.root in ("18", "19", "20")}
    verbs = [f for f in verbs if not (f.root in ("18", "19", "20") and f.anchor.dep_ == "advcl"
                                      and f.anchor.tag_ == "VBG" and f.anchor.head.i in violent)]
    frames = verbs + nouns
    frames += protest_frames(sent, lex, frames)
    frames += joint_frames(sent, frames)
    relate(frames, lex)
    absorb_nominals(frames)
    frames += obligation_frames(sent, frames, quoted, lex)
    for f in frames:
        if f.anchor.lemma_.lower() == "warn" and f.comp == "threaten" and not f.targets \
                and not f.has_event_comp and not f.nominal:
            f.code, f.comp = "010", "say"  # "warned that order was breaking down": a statement
        if f.comp in ("request", "demand") and not f.targets:
            # "demanded that Saddam Hussein leave Iraq": the one asked is the clause's subject.
            for c in f.anchor.children:
                if c.dep_ == "ccomp" and R.is_verbal(c):
                    f.targets = R.subject_roles(c)[0]
                    break
        if f.comp == "say" and f.code.startswith("01"):
            comp = [c for c in f.anchor.children if c.dep_ in ("ccomp", "parataxis", "xcomp")]
            if comp:
                sub = list(comp[0].subtree)
                f.quote = sent.doc[sub[0].i: sub[-1].i + 1]
                if R.negated(comp[0]) and not f.has_event_comp:
                    f.dropped = True  # "officials noted that X has not carried out a test"
                elif not f.has_event_comp:
                    _apply_cues(f, comp[0], sub, lex)
    return [f for f in frames if not f.dropped]


def _apply_cues(f: Frame, head: Token, toks: list[Token], lex: Lexicon) -> None:
    """A said clause with accusing/threatening/praising words is coded as that, aimed at the
    clause's subject ("Ankara says the militia is the arm of a terror group" -> 112 at the militia)."""
    codes = [lex.statement_cues[t.lemma_.lower()] for t in toks if t.lemma_.lower() in lex.statement_cues]
    if not codes:
        return
    f.code = max(set(codes), key=codes.count)
    f.cue = True
    subj, patients = R.subject_roles(head)
    if not f.targets:
        f.targets = subj or patients
    f.confidence = 0.5
