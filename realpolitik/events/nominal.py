"""Noun triggers: events named by nouns ("air strikes on Z", "talks between A and B",
"X's offensive against Y"), and when such a noun is background rather than news of the day."""
from __future__ import annotations

from spacy.tokens import Span, Token

from realpolitik.events import roles as R
from realpolitik.events.frame import Frame
from realpolitik.events.lexicon import Lexicon, NounPattern, phrase_matches, verb_forms

# Prepositions that introduce a target of a conflictual act when a pattern names none.
_CONFLICT_PREPS = ("against", "on", "at", "into", "toward", "towards", "upon")

# The parser's lemmas are filled only for lexicon words: these sets are matched on word forms.
_PREVENT = {"prevent", "deter", "stop", "keep", "bar", "discourage", "dissuade", "ban", "prohibit",
            "block", "restrain", "refrain", "stave"}
_PREVENT_FORMS = {w for v in _PREVENT for w in verb_forms(v)} | {"kept", "stopped", "barred", "banned"}
_RISK_FORMS = verb_forms("risk") | verb_forms("threaten") | verb_forms("avert") | verb_forms("avoid")


_ATTACK_VERBS = {"carry", "conduct", "launch", "mount", "stage", "unleash", "intensify", "escalate", "step"}


def _attack_by_light_verb(tok: Token, pats: list[NounPattern], lex: Lexicon) -> NounPattern | None:
    """'carried out hundreds of strikes in Syria', 'launched strikes': an ambiguous event word
    done with a verb of attacking is the attack."""
    carrier = tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ in ("dobj", "nsubjpass"):
        carrier = tok.head.head  # "hundreds of strikes", "a series of raids"
    if carrier.dep_ not in ("dobj", "nsubjpass") or carrier.head.lemma_.lower() not in _ATTACK_VERBS:
        return None
    # Only words that need a modifier to be strikes ("strikes", "raids"); a bare "campaign" or
    # "operation" conducted is too vague to be an attack.
    return next((p for p in pats if p.code == "195" and not p.mods), None)


def _use_of(tok: Token, lex: Lexicon) -> NounPattern | None:
    """'the use of chemical weapons by X', 'Russia's use of cluster munitions': the noun 'use' with
    its 'of' object is the verb 'use' with that object, read by the verb patterns that name one."""
    if tok.lower_ not in ("use", "uses"):
        return None
    objs = [o for p in R.children(tok, "prep") if p.lower_ == "of" for o in R.pobjs(p)]
    for p in lex.verbs.get("use", ()):
        if p.obj and p.code[:2] in ("17", "18", "19", "20") and not p.part \
                and any(phrase_matches(R.phrase_words(o), p.obj) for o in objs):
            return NounPattern(head="use", code=p.code, prep=("against", "on"), context=True)
    return None


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


# Nouns that make the event noun after "of" a possibility ("the risk of clashes").
_POSSIBILITY = {"risk", "threat", "fear", "possibility", "prospect", "danger", "plan", "prospects",
                "report", "allegation", "claim", "accusation", "rumour", "suspicion",
                "spectre", "likelihood", "chance", "warning", "rumour", "talk"}


def _nominal_modality(tok: Token) -> str:
    """'could lead to renewed fighting', 'the risk of clashes': the nominal event is hypothetical
    when the clause around it is."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _POSSIBILITY:
        return "hypothetical"
    if any(c.dep_ == "det" and c.lower_ in ("any", "every", "no") for c in tok.children):
        return "hypothetical"  # "any further advances had to be approved", "any attack"
    if tok.dep_ == "dobj" and (head.lower_ in _RISK_FORMS or head.lower_ in _PREVENT_FORMS):
        return "hypothetical"  # "risks a broader confrontation", "deter Turkey's offensive"
    if tok.dep_ == "nsubj" and (head.lower_ in _RISK_FORMS or head.lower_ in _PREVENT_FORMS) \
            and not _definite(tok):
        # "a clash risks a broader confrontation" is a possibility; "Turkey's incursion risks
        # confrontation", "the strikes averted ..." happened.
        return "hypothetical"
    if tok.dep_ in ("nsubj", "nsubjpass") and _definite(tok) and head.lower_ not in _OCCUR_FORMS:
        # "Mr Trump's recent threats against Iran should be seen as ...": what is said of an
        # event that happened does not make it hypothetical ("the talks could resume" does).
        return "action"
    if tok.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "aux" and c.lower_ in R.MODAL_HYPOTHETICAL
                                                  for c in head.children):
        # "said a generalised assault would lead to the displacement of 800,000": an event that
        # would have consequences is itself only foreseen (a reported 'would' is the speaker's
        # will only for what the speaker does).
        return "hypothetical"
    for anc in tok.ancestors:
        if R.is_verbal(anc):
            return "hypothetical" if R.modality(anc) == "hypothetical" else "action"
    return "action"


# Verbs saying that an event takes place, starts or stops: their modality is the event's own.
_OCCUR_FORMS = {w for v in ("resume", "begin", "start", "continue", "happen", "occur", "proceed", "go",
                            "take", "break", "erupt", "end", "restart", "commence", "last", "escalate",
                            "spread", "intensify", "succeed", "fail", "collapse", "stop", "cease")
                for w in verb_forms(v)} | {"began", "begun", "went", "gone", "took", "broke"}


def _definite(tok: Token) -> bool:
    """Owned or definite ('Turkey's incursion', 'the strikes'), or a bare plural named by its doer
    ('army advances', 'Russian strikes'): events that took place."""
    if any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
           for c in tok.children):
        return True
    return tok.tag_ == "NNS" and not R.children(tok, "det") and any(
        c.dep_ in ("compound", "amod") and (c.pos_ in ("PROPN", "NOUN") or c.text[:1].isupper())
        for c in tok.lefts)


# Time references to something already past, not news of the day: "since the invasion", "the
# third anniversary of the invasion", "in the aftermath of the war", "the 2014 annexation". After/
# before/during an event of the day ("after the North's bombardment") it is still reported news
# (gold dev codes those), so those words mark background only for states of affairs ("after the war").
_SINCE = {"since"}
# "ahead of the summit", "on the eve of the vote", "in the run-up to the talks": not yet news.
_AHEAD = {"ahead", "eve", "run-up", "prior", "lead-up", "runup"}
_TEMPORAL = {"after", "before", "during", "following", "until", "till", "prior"}
_BACKGROUND_HEADS = {"anniversary", "aftermath", "wake", "outbreak", "legacy", "memory",
                     "commemoration", "memorial", "history", "anniversaries"}
_STATES = {"war", "conflict", "invasion", "annexation", "occupation", "revolution", "uprising",
           "coup", "genocide", "intervention", "incursion", "insurgency", "siege", "blockade",
           "crackdown", "campaign", "civil war"}


def _is_year(t: Token) -> bool:
    return len(t.text) == 4 and t.text.isdigit() and t.text[:2] in ("19", "20")


def background(tok: Token) -> bool:
    """A nominal event used as a time reference or about the past, not reported as news: "since
    the Ukrainian incursion began", "after the war", "the anniversary of Moscow's invasion", "the
    2014 annexation", "last year's assault"."""
    for c in tok.children:
        if _is_year(c) and c.dep_ in ("nummod", "compound", "nmod", "amod", "npadvmod"):
            return True  # "the 2014 annexation"
        if c.dep_ == "poss" and (_is_year(c) or c.lemma_.lower() in ("year", "decade")
                                 and any(x.lower_ in ("last", "previous", "past") for x in c.children)):
            return True  # "last year's assault"
    head = tok.head
    state = tok.lemma_.lower() in _STATES
    if tok.dep_ == "pobj":
        w = head.lower_
        if w in _SINCE or (w in _TEMPORAL and state):
            return True
        if w == "of" and head.head.lemma_.lower() in _BACKGROUND_HEADS:
            return True
        if w in ("of", "to") and head.head.lower_ in _AHEAD:
            return True
        if w == "of" and head.head.dep_ == "pobj" and head.head.head.lower_ in _SINCE:
            return True  # "since the end of the war", "since the start of the invasion"
    if tok.dep_ in ("nsubj", "nsubjpass") and R.is_verbal(head):
        # "since the incursion began", "after the war ended"
        marks = {c.lower_ for c in head.children if c.dep_ == "mark"}
        if marks & _SINCE or (marks & _TEMPORAL and state):
            return True
    return False


_FIGURATIVE = {"legal", "political", "court", "courtroom", "diplomatic", "electoral", "verbal", "bureaucratic",
               "judicial", "media", "rhetorical", "trade", "price", "custody", "propaganda", "cyber", "budget",
               "leadership", "succession", "uphill", "parliamentary", "election", "campaign", "tariff", "currency",
               "word", "term", "label"}  # "the use of the word genocide": a word mentioned


def _common_noun(tok: Token) -> bool:
    """A noun, or a lower-case word the tagger took for a name ("the Russian-led air blitz")."""
    return tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.text.islower()


def figurative_target(t: Token, lex: Lexicon) -> bool:
    """What violence cannot be done to: a document, a record, an abstraction ("killed the bill",
    "hit a record high", "a war on drugs")."""
    words = R.phrase_words(t)
    return lex.in_class(words, "documents") or lex.in_class(words, "abstract_objects")


def noun_frames(sent: Span, lex: Lexicon, covered: set[int]) -> list[Frame]:
    frames = []
    for tok in sent:
        if not _common_noun(tok) or tok.i in covered:  # PROPN: "Operation Olive Branch", "Syria Campaign"
            continue
        pats = lex.nouns.get(tok.lemma_.lower()) or lex.nouns.get(tok.lower_)
        if not pats:
            pat = _use_of(tok, lex)
            if pat is not None and not background(tok):
                frames.extend(_nominal(tok, pat, lex))
            continue
        pat = _match_noun(tok, pats) or _attack_by_light_verb(tok, pats, lex)
        if pat is None or background(tok):
            continue
        if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() not in lex.nouns:
            continue  # "air raid sirens", "protest movement": a modifier, not an event
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.pos_ == "NOUN" and nxt.dep_ == tok.dep_ and nxt.head.i == tok.head.i \
                and nxt.lemma_.lower() not in lex.nouns:
            continue  # "extradited a genocide suspect" read as two objects: still a modifier
        if pat.code[:2] in ("18", "19", "20") and any(
                c.lower_ in _FIGURATIVE and c.dep_ in ("amod", "compound", "nmod") for c in tok.children):
            continue  # "a decade-long legal battle", "a political fight": no violence
        if pat.code[:2] in ("18", "19", "20") and any(
                figurative_target(o, lex) for p in R.children(tok, "prep")
                if p.lower_ in pat.prep + _CONFLICT_PREPS for o in R.pobjs(p)):
            continue  # "the war on drugs", "a campaign against poverty"
        frames.extend(_nominal(tok, pat, lex))
    return frames


def event_doers(tok: Token, lex: Lexicon) -> tuple[list[Token], str | None]:
    """The doers named around an event noun ("Israeli strikes", "the bombing of Raqqa by US-led
    forces", "the strikes, carried out by Israeli jets"), when the noun is the subject of a verb
    that reports its effect ("... hit Iranian positions", "... killed hundreds"), and the noun's
    own code when it names the event unambiguously."""
    pats = lex.nouns.get(tok.lemma_.lower()) or lex.nouns.get(tok.lower_)
    use = _use_of(tok, lex) if not pats and tok.pos_ == "NOUN" else None
    if use is not None:  # "the use of chlorine gas by government forces killed dozens"
        return _nominal(tok, use, lex)[0].sources, use.code
    if not pats or tok.pos_ != "NOUN":
        return [], None
    pat = _match_noun(tok, pats)
    if pat is not None and pat.between:
        return [], None
    if pat is None and not any(p.code[:2] in ("18", "19", "20") for p in pats):
        return [], None  # "Kurdish-led forces, backed by US air support": not an event word
    # An ambiguous event word ("strikes") names its doer only through an agent phrase.
    doers = _nominal(tok, pat, lex)[0].sources if pat is not None else \
        [o for p in R.children(tok, "prep") if p.lower_ == "by" for o in R.pobjs(p)]
    doers += [a for acl in R.children(tok, "acl") for a in R.agents(acl) if a not in doers]
    return doers, pat.code if pat is not None else None


def repair_by_phrases(sent: Span, lex: Lexicon) -> None:
    """'rescued civilians from airstrikes by the Syrian regime and Russia': the parser hangs the
    by-phrase on the active verb; right after an event noun it names that event's doers (in place)."""
    for prep in sent:
        if prep.dep_ == "prep" and prep.lower_ == "by" and prep.head.dep_ == "pobj":
            _agent_of_passive(prep, lex)
        if prep.dep_ != "prep" or prep.lower_ != "by" or not R.is_verbal(prep.head) or prep.i == 0:
            continue
        noun = prep.doc[prep.i - 1]
        if noun.pos_ != "NOUN" or noun.head.dep_ != "prep" or noun.i <= prep.head.i \
                or not any(c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") for c in prep.children):
            continue
        if lex.nouns.get(noun.lemma_.lower()) or lex.nouns.get(noun.lower_):
            prep.head = noun


_HOSTILE = ("13", "15", "16", "17", "18", "19", "20")


def _relative_owner(poss: Token) -> Token:
    if poss.lower_ != "whose":
        return poss
    clause = next((a for a in poss.ancestors if a.dep_ == "relcl"), None)
    return clause.head if clause is not None else poss


def repair_relative_attachment(sent: Span, lex: Lexicon) -> None:
    """'the suicide bombing outside Kabul airport that killed 13 service members': a violent
    relative clause hung on the place noun of an event's prepositional phrase belongs to the event
    (re-attached in place)."""
    for verb in sent:
        if verb.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.lower_ in ("that", "which")
                                           for c in verb.children):
            continue
        if not any(p.code[:2] in ("18", "19", "20") for p in lex.verbs.get(verb.lemma_.lower(), ())):
            continue
        place = verb.head
        if place.dep_ != "pobj" or place.head.dep_ != "prep" or _event_word(place, lex):
            continue
        event = place.head.head
        if event.pos_ == "NOUN" and _event_word(event, lex):
            verb.head = event


def _event_word(tok: Token, lex: Lexicon) -> bool:
    return bool(lex.nouns.get(tok.lemma_.lower()) or lex.nouns.get(tok.lower_))


def _agent_of_passive(prep: Token, lex: Lexicon) -> None:
    """'Kotey was captured at the start of this year by the Syrian Democratic Forces': a by-phrase
    hung on a noun of a time or place phrase is the agent of the passive verb above (in place)."""
    noun = prep.head
    if lex.nouns.get(noun.lemma_.lower()) or lex.nouns.get(noun.lower_):
        return  # "airstrikes by the regime": the event's own doer
    verb = next((a for a in noun.ancestors if R.is_verbal(a)), None)
    if verb is None or not any(c.dep_ == "auxpass" for c in verb.children) \
            or any(c.dep_ == "agent" for c in verb.children):
        return
    if all(a.dep_ in ("prep", "pobj") for a in noun.ancestors if a.i != verb.i and verb in a.ancestors):
        prep.head = verb
        prep.dep_ = "agent"


# Acts done in words, and the participles saying who uttered them.
_SPOKEN = ("11", "12", "13")
_UTTERED = {"voiced", "expressed", "levelled", "leveled", "made", "issued", "aired", "delivered", "uttered"}


_DURATIONS = {"hour", "day", "week", "month", "year", "hours", "days", "weeks", "months", "years"}
_DURING = {"after", "during", "following", "amid", "throughout"}


def time_of_clause(tok: Token) -> bool:
    """The event noun dates the clause it is in: 'after (weeks of) fighting', 'three weeks into the
    siege'."""
    t = tok
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in _DURATIONS:
        t = t.head.head  # "weeks of fighting"
    if t.dep_ != "pobj":
        return False
    w = t.head.lower_
    return w in _DURING or w == "into" and any(c.lower_ in _DURATIONS for c in t.head.children)


def _participle_targets(toks: list[Token], lex: Lexicon) -> list[Token]:
    """'an attack by a swarm of drones targeting a Russian airbase', 'a raid targeting Hamas': the
    object of a violent participle hung on the event or its doers is what the event hit."""
    heads = list(toks) + [o for t in toks for p in R.children(t, "prep") if p.lower_ == "of" for o in R.pobjs(p)]
    return [o for t in heads for acl in R.children(t, "acl") if acl.tag_ == "VBG"
            and any(p.code[:2] in ("18", "19", "20") for p in lex.verbs.get(acl.lemma_.lower(), ()))
            for o in R.children(acl, "dobj")]


def _rebuking_verb(tok: Token, pat: NounPattern) -> Token:
    """The verb whose subject does the event of 'in <event noun>': "Kalin said the YPG was a terror
    group, in a rebuke to Bolton" - a disapproval set off by a comma after what was said is the
    sayer's, not the said clause's subject's."""
    verb = tok.head.head
    if pat.code[:2] == "11" and tok.head.i > 0 and tok.doc[tok.head.i - 1].text == ",":
        while verb.dep_ == "ccomp" and verb.i < tok.i and R.is_verbal(verb.head):
            verb = verb.head
    return verb


def _nominal(tok: Token, pat: NounPattern, lex: Lexicon) -> list[Frame]:
    sources: list[Token] = []
    targets: list[Token] = []
    trigger = [tok]
    neg, mod = False, "action"
    # Modifiers left of the noun carry the doer: "Russia's", "Russian", "US-led", "Turkish army";
    # "al-Qaida, whose attacks on New York ...": the relative owner is the noun it refers to.
    sources.extend(_relative_owner(p) for p in R.children(tok, "poss"))
    sources.extend(c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod", "npadvmod")
                   and c.lower_ not in pat.mods)
    between: list[Token] = []
    located: list[Token] = []  # "strikes in Yemen": the place, used only without a real target
    for prep in R.children(tok, "prep"):
        w = prep.lower_
        if w == "by":
            sources = R.pobjs(prep) + sources
        elif w == "from" and pat.code[:2] in _HOSTILE and "from" not in pat.prep:
            sources = R.pobjs(prep) + sources  # "under assault from Turkey", "rocket fire from Hamas"
        elif w == "between" and pat.between:
            between = R.pobjs(prep)
        elif w in pat.prep or (not pat.prep and w in _CONFLICT_PREPS):
            (located if w == "in" else targets).extend(R.pobjs(prep))
    for acl in R.children(tok, "acl"):  # "criticism of Turkey voiced by the French minister"
        if acl.lemma_.lower() not in lex.verbs:  # "a ceasefire brokered by Egypt": Egypt brokered
            sources = R.agents(acl) + sources
    if pat.code[:2] in _SPOKEN:
        # "criticism of Turkish actions voiced by the French minister": the parser hangs the
        # uttering on the last noun; who voiced the words did the act.
        sources = [a for t in targets for acl in R.children(t, "acl") if acl.lower_ in _UTTERED
                   for a in R.agents(acl)] + sources
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
    elif tok.dep_ == "pobj" and R.is_verbal(head.head) and not R.children(tok, "poss") \
            and not any(p.lower_ == "by" for p in R.children(tok, "prep")) and (
            head.lower_ in ("with", "through")
            or head.lower_ in ("after", "during") and pat.code[:2] == "04" or head.lower_ == "in" and (
            pat.code[:2] < "13" or pat.code[:2] == "14"
            or head.head.lemma_.lower() in ("go", "join", "engage", "participate", "persist"))):
        # "building a port in cooperation with X", "went further in criticism of X": the verb's
        # subject is the doer; "Israel responded with air strikes on Gaza" likewise.
        sources = R.subject_roles(_rebuking_verb(tok, pat))[0] + [t for t in sources if t.pos_ in ("PROPN", "NOUN")]
    if not sources and pat.code[:2] == "14" and tok.dep_ == "pobj" and head.lower_ in ("in", "at", "during"):
        # "Farmers blocked highways for a week in protest at ...", "burned headscarves at protests":
        # the protesters are the clause's subject.
        verb = next((a for a in tok.ancestors if R.is_verbal(a)), None)
        if verb is not None:
            sources = R.subject_roles(verb)[0]
    if any(t.tag_ == "PRP$" for t in sources):
        # "Hamas gunmen took hostages during their assault": their = the clause's subject.
        verb = next((a for a in tok.ancestors if R.is_verbal(a)), None)
        subj = [t for t in (R.subject_roles(verb)[0] if verb is not None else []) if t.tag_ != "PRP" and t.i != tok.i]
        if verb is not None and tok.dep_ == "pobj" and head.lower_ in ("for", "over") and head.head.i == verb.i:
            # "criticised Turkey for its offensive", "sanctioned Iran over its crackdown": the
            # object's act
            subj = [x for o in R.children(verb, "dobj") for x in R.expand(o)] or subj
        if subj:
            sources = subj + [t for t in sources if t.tag_ != "PRP$"]
    if not targets and tok.dep_ == "pobj" and head.lower_ == "under" and R.is_verbal(head.head) \
            and pat.code[:2] in _HOSTILE:
        # "Kurdish militias are under assault from Turkey", "Aleppo came under bombardment":
        # the clause's subject is hit.
        s_, p_ = R.subject_roles(head.head)
        targets = [t for t in s_ + p_ if t not in sources]
    if not targets and pat.code[:2] == "02" and tok.dep_ == "pobj" and head.lower_ == "at" \
            and R.is_verbal(head.head):
        # "held consultations at Turkey's request": the clause's subject was asked.
        s_, p_ = R.subject_roles(head.head)
        targets = s_ or p_
    if not sources and targets and pat.code[:2] in ("18", "19", "20") and time_of_clause(tok):
        # "Rebel fighters captured Sirte after weeks of fighting against loyalist forces", "three
        # weeks into the siege of the camp, the army shelled ...": the clause's subject fought.
        verb = next((a for a in tok.ancestors if R.is_verbal(a)), None)
        if verb is not None:
            sources = R.subject_roles(verb)[0]
    if not targets and pat.code[:2] in _HOSTILE:
        targets = _participle_targets([tok] + sources, lex)
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
