"""Clause structure: how governing words re-code, absorb, report or negate the events below them.

"X said Y attacked Z" (reported), "X agreed/urged/refused/threatened to ..." (absorbed into 03/02/
12/13 codes), "X demanded the release of ..." (a nominal event absorbed), "X said Y should ..."
(an appeal), what protesters do, what is done jointly, and cue words that turn a said clause into
an accusation, threat or praise.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from realpolitik.events import roles as R
from realpolitik.events.frame import Frame
from realpolitik.events.lexicon import Lexicon, verb_forms

_QUANTITIES = {"thousand", "thousands", "hundred", "hundreds", "million", "millions", "dozen", "dozens",
               "tens", "scores", "group", "crowd", "number"}
# Complement root -> code under a governing verb, per reading (CAMEO's own structure: 03x mirrors
# 06/07/08/04, 02x/10x mirror them as appeals, 12x as refusals, 13x threatens 16-20).
_INTENT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "09": "030", "01": "030"}
_REQUEST = {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025", "09": "020"}
_DEMAND = {"04": "106", "05": "102", "06": "101", "07": "103", "08": "105"}
_REJECT = {"04": "125", "05": "120", "06": "121", "07": "122", "08": "124", "03": "120", "01": "011"}
# Complement roots that make a promise a threat ("vowed to retaliate").
_VIOLENT = {"13", "15", "16", "17", "18", "19", "20"}
_THREATEN = {"16": "131", "17": "137", "18": "138", "19": "138", "20": "1385", "15": "138"}
# "went on Twitter to denounce", "flew to Kyiv to meet": the purpose is carried out.
_MOTION = {"go", "come", "travel", "fly", "take", "use", "move", "return", "turn", "head", "rush",
           "visit", "arrive", "meet", "call", "gather", "assemble", "converge", "march", "rally",
           "flock", "pour", "return"}
_MOTION_FORMS = {w for v in _MOTION for w in verb_forms(v)} | {"went", "came", "flew", "took", "met", "rallied"}
# "discussed imposing sanctions", "is considering sending troops", "weighing whether to strike":
# an act only deliberated on is not done (hypothetical, dropped unless the coder keeps them).
_DELIBERATE = {"discuss", "consider", "weigh", "debate", "study", "explore", "contemplate", "mull",
               "ponder", "examine", "entertain", "eye", "float", "moot"}
_DELIBERATE_FORMS = {w for v in _DELIBERATE for w in verb_forms(v)}
_COPULA = {"is", "was", "be", "been", "are", "were", "'s"}


# -- clause structure ----------------------------------------------------------------------------
def conditions(f: Frame) -> list[Token]:
    """The 'if'/'unless' clauses of the frame's verb (the light verb of a nominal event)."""
    verb = f.trigger[0] if f.nominal else f.anchor
    return [c for c in verb.children if c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)]


def condition_subjects(f: Frame) -> list[Token]:
    """'would retaliate if India attacked': whose conduct the act depends on."""
    return [t for c in conditions(f) for t in R.subject_roles(c)[0] if t not in f.sources]


def derive(comp: str, governing_code: str, inner_code: str) -> str:
    root = inner_code[:2]
    if comp == "intent":
        if root in _VIOLENT:
            return _THREATEN.get(root, "130")
        if inner_code == "045":
            return "039"  # "offered to mediate": CAMEO's own code for an offer of mediation
        if root == "01" and governing_code.startswith("13"):
            return governing_code  # "Iran vowed to respond": a vow to answer is a threat
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
    absorbing: set[int] = set()
    for f in frames:
        if f.comp == "say" and f.weak:
            continue  # "he saw some hope": only frames reported speech, is not an event itself
        cur = f.anchor if not f.nominal or len(f.trigger) == 1 else f.trigger[0]
        hops = 0
        while hops < 6:
            hops += 1
            g, how = R.governor(cur)
            if g is None:
                if cur.i != f.anchor.i and R.standing(cur) and f.comp != "say":
                    f.dropped = True  # "a government the US seeks to overthrow": standing policy
                break
            gf = by_anchor.get(g.i)
            if how == "comp" and g.lower_ in _COPULA and cur.tag_ == "VB" \
                    and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in g.children):
                # "it was right to provide help", "it is time to act": an act judged, not done.
                if f.modality in ("action", "reported"):
                    f.modality = "hypothetical"
                break
            if how == "comp" and (g.lemma_.lower() in _DELIBERATE or g.lower_ in _DELIBERATE_FORMS):
                if f.modality in ("action", "reported", "intent"):
                    f.modality = "hypothetical"
                break
            if gf is not None and gf is not f and gf.comp:
                if gf.comp == "threaten" and how == "ccomp" and f.root in _VIOLENT \
                        and f.modality in ("intent", "hypothetical") and not f.negated:
                    # "Erdogan warned that Turkey would strike the Kurdish militias": one threat,
                    # of the announced act, at whom it is aimed.
                    gf.code = derive("threaten", gf.code, f.code)
                    gf.targets = gf.targets or list(f.targets)
                    if not f.targets and condition_subjects(f):
                        # "warned that Pakistan would retaliate if India attacked": at India.
                        gf.targets = condition_subjects(f)
                    f.dropped = True
                    break
                if gf.comp == "say" or (gf.comp == "threaten" and how == "ccomp"):
                    # "X said Y attacked Z", "X warned that Y would pay": Y's act, as reported by X.
                    f.modality = "reported" if f.modality == "action" else f.modality
                    f.speaker = gf.sources
                    gf.has_event_comp = True
                    if gf.negated or g.lemma_.lower() in ("deny", "dismiss", "reject") \
                            and (how == "comp" or any(c.dep_ == "mark" and c.lower_ == "that" for c in cur.children)):
                        # "Moscow denies deliberately targeting civilians", "Iran denied that it
                        # had supplied the Houthis"
                        f.negated = True
                    if gf.comp != "say" and not gf.targets:
                        # "warned that Y attacked Z" is aimed at Y; "warned that Moscow would
                        # respond", "... that Turkey would strike the Kurds": at whom the
                        # announced act is aimed, the doer being the warner's side.
                        future = f.modality in ("intent", "hypothetical")
                        gf.targets = list(f.targets if future else f.sources)
                    break
                if gf.comp == "intent" and f.root == "16" and gf.code.startswith("03"):
                    # "Western allies agreed to cut Russian banks off": the sanction itself, intended.
                    f.modality = "intent" if f.modality == "action" else f.modality
                    gf.dropped = True
                    break
                if gf.comp == "accuse" and not gf.sources and any(c.dep_ == "nsubjpass" for c in g.children):
                    # "Russia was accused of bombing hospitals": no accuser named, the alleged act
                    # is what the sentence reports.
                    f.modality = "reported" if f.modality == "action" else f.modality
                    if not f.sources:
                        subj = [c for c in g.children if c.dep_ == "nsubjpass"]
                        subj += [c for s_ in subj for c in s_.children if c.dep_ == "conj"]
                        f.sources = subj
                        f.targets = [t for t in f.targets if t not in subj]
                    break
                if gf.comp == "request" and _persuaded(gf, lex):
                    # "mediators persuaded the army to sign a ceasefire": the signing is the news.
                    gf.dropped = True
                    break
                # intent/request/demand/reject/threaten/accuse absorb the complement
                if gf.comp != "accuse":
                    gf.code = derive(gf.comp, gf.code, f.code)
                absorbing.add(id(gf))
                if not gf.targets and gf.comp in ("intent", "threaten", "reject"):
                    # "threatened to attack Kurdish forces", "refused to release the sailors"
                    gf.targets = list(f.targets) or ([f.obj_token] if f.obj_token is not None else [])
                if not gf.targets and gf.comp in ("request", "demand") and how == "ccomp":
                    gf.targets = list(f.sources)  # "demanded that Bashir step down"
                f.dropped = True
                for n in frames:
                    if n.nominal and n.anchor.dep_ == "dobj" and n.anchor.head.i == f.anchor.i:
                        # "offered to host talks between Russia and Ukraine": the talks are offered too.
                        n.dropped = True
                break
            if gf is None and how == "comp" and cur.dep_ in ("advcl", "acl") and cur.tag_ == "VB" \
                    and g.lemma_.lower() not in _MOTION and g.lower_ not in _MOTION_FORMS \
                    and not R.ordinal_infinitive(cur):
                # A purpose clause ("a force to fight terrorists"): an aim, not a reported act.
                if f.modality == "action":
                    f.modality = "hypothetical"
                break
            if how == "comp" and g.pos_ == "NOUN" and g.lemma_.lower() in _PROPOSALS and not f.nominal:
                # "floated the idea of restoring ties with Assad": an act proposed, offered like
                # "is ready to"; "rejected the idea of restoring ties": the rejection is the event.
                hf = by_anchor.get(g.head.i) if g.dep_ == "dobj" else None
                if hf is not None and hf.comp in ("reject", "intent", "request", "demand"):
                    hf.code = derive(hf.comp, hf.code, f.code)
                    hf.targets = hf.targets or list(f.targets)
                    f.dropped = True
                elif hf is None or not hf.comp:
                    _offered(f, g)
                break
            modal = lex.modal_verbs.get(g.lemma_.lower())
            # "would also help create an evacuation route", "will continue to supply arms": an
            # act announced for later, offered like "is ready to" (a "help" frame of its own has
            # no complement reading and does not stop it).
            later = modal == "action" and _future(g)
            if modal and (gf is None or later and not gf.comp):
                refused = False
                if modal == "offer" or later:
                    refused = _offered(f, g)
                elif modal == "negated":
                    f.negated = True
                elif modal != "action" and f.modality == "action":
                    f.modality = modal
                if _modal_negated(g) and not refused:
                    f.negated = True
            cur = g
    for f in frames:
        if f.comp == "intent" and f.code == "130" and id(f) not in absorbing and not f.nominal \
                and _benign_promise(f.anchor):
            f.code = "030"  # "vowed to stand by Ukraine", "vowed to rebuild the city": a promise


# What makes a vow to do something otherwise uncoded a threat: "vowed to drive the YPG out",
# "to hold Russia accountable", "to continue the war", "to make them pay".
_HOSTILE_WORDS = {"drive", "expel", "crush", "punish", "avenge", "retaliate", "fight", "defeat", "hunt",
                  "wipe", "eradicate", "annihilate", "eliminate", "accountable", "pay", "justice", "resist",
                  "topple", "overthrow", "oust", "retake", "recapture", "reclaim", "kill", "target", "strike",
                  "hit", "attack", "respond", "confront", "counter", "block", "prevent", "war", "offensive",
                  "operation", "campaign", "battle", "struggle", "resistance", "jihad", "revenge", "vengeance",
                  "pressure", "sanction", "purge", "veto", "oppose", "challenge", "sue", "prosecute"}


def _benign_promise(verb: Token) -> bool:
    """A vow whose infinitive complement carries no coded act and no hostile word ("vowed to stand
    by Ukraine"); a 'vowed that ...' clause keeps the threat ("America would not know security")."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return False
    comps = [c for c in verb.children if c.dep_ == "xcomp"]
    return bool(comps) and not any(t.lemma_.lower() in _HOSTILE_WORDS or t.lower_ in _HOSTILE_WORDS
                                   for c in comps for t in c.subtree)


# Nouns naming an act put forward, not done: "the idea of restoring ties".
_PROPOSALS = {"idea", "prospect", "possibility", "proposal", "option", "notion"}
_PERSUADE = {"persuade", "convince", "cajole", "coax"}


def _persuaded(gf: Frame, lex: Lexicon) -> bool:
    """'persuaded X to sign': the persuading worked and X's act is what happened; 'trying to persuade
    X to relent', 'is persuading X' is an appeal to X."""
    a = gf.anchor
    if a.lemma_.lower() not in _PERSUADE or gf.modality != "action" or a.tag_ not in ("VBD", "VBN"):
        return False
    g, how = R.governor(a)
    return not (g is not None and how == "comp" and lex.modal_verbs.get(g.lemma_.lower()) not in (None, "action"))


# Roots whose acts, when one says one is ready or plans to do them, are intents to cooperate (03x).
_COOPERATIVE = {"04", "05", "06", "07", "08", "09"}


def _modal_negated(g: Token) -> bool:
    """'did not plan to', and for adjectives the copula's negation: 'is not willing to'."""
    return R.negated(g) or (g.dep_ == "acomp" and g.head.lemma_.lower() == "be" and R.negated(g.head))


def _offered(f: Frame, g: Token) -> bool:
    """'Iran is ready to work with anyone', 'China was willing to provide help', 'is planning to send
    invitations': a stated readiness to cooperate is itself the event (CAMEO 03x, both guides);
    'not planning to send officials' is a refusal (12x; True: the negation is used up). Other acts
    keep their code, intended."""
    if f.modality == "action":
        f.modality = "intent"
    if f.root not in _COOPERATIVE or f.comp or f.nominal or f.negated:
        return False
    if _modal_negated(g):
        f.code = derive("reject", f.code, f.code)
        return True
    f.code = derive("intent", f.code, f.code)
    return False


def _future(g: Token) -> bool:
    """'would help', 'will continue to': the governing verb is a plain future, not a condition."""
    aux = {c.lower_ for c in g.children if c.dep_ == "aux"}
    return bool(aux & {"will", "would", "'ll", "shall"}) and not any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in g.children)


# "X said Y should/must ...": an appeal by the speaker to Y (CAMEO 02).
_OBLIGATION_AUX = {"should", "must", "ought"}
_OBLIGATION_VERBS = {"need", "have", "ought"}  # "needs to", "has to", "ought to"


def _obligation(verb: Token) -> list[Token] | None:
    """The trigger words when `verb` is phrased as an obligation, else None."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ in _OBLIGATION_AUX]
    if aux and not R.negated(verb):
        return aux + [verb]
    if verb.lemma_.lower() in _OBLIGATION_VERBS and any(c.dep_ == "xcomp" for c in verb.children) \
            and not R.negated(verb) and R.modality(verb) == "action":
        return [verb]  # "needs to", not "might need to"
    return None


_EVERYONE = {"people", "everyone", "everybody", "anyone", "anybody", "one", "nobody", "all", "someone"}


def _self(subj: list) -> bool:
    """'He said he must ...', 'we need to ...': an obligation of the speaker is no appeal; nor is
    one of everybody ('people must be careful')."""
    return bool(subj) and all(t.tag_ == "PRP" and t.lower_ in ("i", "we", "he", "she")
                              or t.lower_ in _EVERYONE for t in subj)


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
                    subj = subj or patients  # "each country must be pressed to repatriate"
                    if trig and subj and not _self(subj):
                        f.has_event_comp = True
                        out.append(Frame(code="020", anchor=v, trigger=trig, sources=list(f.sources),
                                         targets=subj, confidence=0.55, modality="action"))
    if quoted:
        root = sent.root
        trig = _obligation(root)
        subj, patients = R.subject_roles(root)
        subj = subj or patients
        if trig and subj and not _self(subj) and not any(f.anchor.i == root.i for f in frames):
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
        gf.code = derive(gf.comp, gf.code, f.code)
        if not gf.targets or (gf.obj_token is not None and gf.targets == [gf.obj_token]) \
                or all(t.i == tok.i for t in gf.targets):
            # "called for renewed dialogue between Israelis and Palestinians": at its parties.
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


def _apply_cues(f: Frame, head: Token, toks: list[Token], lex: Lexicon) -> None:
    """A said clause with accusing/threatening/praising words is coded as that, aimed at the
    clause's subject ("Ankara says the militia is the arm of a terror group" -> 112 at the militia)."""
    doc = head.doc
    # "... a plan the UN agency criticised as unfair": a relative clause with its own subject holds
    # that subject's words, not the sayer's.
    theirs = {x.i for t in toks if t.dep_ == "relcl" and t.i != head.i
              and any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in t.children) for x in t.subtree}
    cues = [t for t in toks if t.lemma_.lower() in lex.statement_cues and t.i not in theirs
            # "counter-terrorism measures", "anti-terror law" accuse nobody
            and not (t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ in ("counter", "anti"))]
    if not cues:
        return
    codes = [lex.statement_cues[t.lemma_.lower()] for t in cues]
    f.code = max(set(codes), key=codes.count)
    f.cue = True
    subj, patients = R.subject_roles(head)
    # "Tehran held Israel responsible for ...", "called the militia a terror group": the cue is
    # said of the object.
    judged = [o for t in cues if t.dep_ in ("oprd", "xcomp", "ccomp") and t.head.i == head.i
              for o in R.children(head, "dobj")]
    if not f.targets:
        f.targets = [x for o in judged[:1] for x in R.expand(o)] or subj or patients
    f.confidence = 0.5
