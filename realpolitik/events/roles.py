"""Who did it and to whom: reading semantic roles off a spaCy dependency parse.

Small, pure functions over spaCy tokens, used by `grammar.py`. Labels are ClearNLP-style
(nsubj, nsubjpass, agent, dobj, dative, prep/pobj, xcomp, ccomp, conj, relcl, acl), which is what
spaCy's English pipelines produce.
"""
from __future__ import annotations

from spacy.tokens import Token

from realpolitik.events.lexicon import verb_forms

RELATIVE = {"who", "which", "that", "whom"}
MODAL_HYPOTHETICAL = {"would", "could", "may", "might", "should", "must", "can", "ought"}
MODAL_INTENT = {"will", "shall", "'ll"}
NEGATORS = {"not", "n't", "never", "no", "nt"}


# Verbs whose object does what their infinitive says ("persuaded X to sign", "forced X to retreat").
_OBJECT_CONTROL = {"persuade", "convince", "force", "compel", "allow", "permit", "enable", "encourage",
                   "urge", "ask", "order", "invite", "push", "press", "pressure", "lead", "cause", "get",
                   "tell", "instruct", "prompt", "oblige", "help", "authorise", "authorize", "induce"}
# The parser's lemmas are only filled for lexicon words: match the inflected forms.
_OBJECT_CONTROL_FORMS = {f for v in _OBJECT_CONTROL for f in verb_forms(v)} | {"got", "told", "led", "forced"}
# Speech acts: a participle of these set off after what someone said is the sayer's ("HRW said the police
# torture detainees, calling it a crime"), where a deed would be the said clause's subject's.
_SPEECH_ACTS = {"call", "accuse", "describe", "brand", "label", "blame", "condemn", "denounce", "term",
                "dub", "criticise", "criticize", "urge", "warn", "insist", "vow", "threaten", "reject"}
_SPEECH_ACT_FORMS = {f for v in _SPEECH_ACTS for f in verb_forms(v)}
_SAY_FORMS = {f for v in ("say", "tell", "state", "report", "announce", "claim", "allege", "write", "tweet",
                          "argue", "add", "insist", "note", "conclude", "find") for f in verb_forms(v)} \
    | {"said", "told", "wrote", "found"}
_ACCUSING_FORMS = {f for v in ("accuse", "charge", "suspect", "blame", "convict", "indict") for f in verb_forms(v)}
# Verbs whose object is kept from the act of their "against"/"from" gerund ("warned Hezbollah against
# attacking", "stopped Turkey from invading"): the object would be its doer, and it is not done.
_DETERRING_FORMS = {f for v in ("warn", "caution", "deter", "stop", "prevent", "bar", "ban", "dissuade", "discourage",
                                "restrain", "block", "prohibit") for f in verb_forms(v)} | {"barred", "banned", "stopped"}
# Nouns whose "of"-gerund is their owner's own plan or act ("the idea of restoring ties").
_PLAN_NOUNS = {"idea", "plan", "prospect", "possibility", "option", "goal", "aim", "policy", "process",
               "effort", "strategy", "hope", "intention", "proposal", "way", "means", "task", "job",
               "business", "work", "cost", "risk", "threat", "habit", "practice", "tactic", "method"}


def _misattached_subject(noun: Token) -> bool:
    """The small English parser often reads "X expelled diplomats and Britain imposed ..." with
    "Britain" as a conjunct of "diplomats"; a conjunct noun directly followed by a conjoined verb is
    really that verb's subject."""
    nxt = noun.i + 1
    if nxt >= len(noun.doc) or noun.dep_ != "conj":
        return False
    v = noun.doc[nxt]
    return v.dep_ == "conj" and is_verbal(v) and not any(c.dep_.startswith("nsubj") for c in v.children)


# Participles that in a list usually describe people or places rather than report a second act
# ("evacuated civilians, wounded soldiers and displaced families").
_STATE_PARTICIPLES = {"wounded", "injured", "displaced", "armed", "disabled", "elected", "exiled",
                      "detained", "imprisoned", "jailed", "abducted", "kidnapped", "killed", "trapped",
                      "stranded", "deported", "missing", "unarmed", "affected", "dead", "named",
                      "trained", "skilled", "retired", "related", "based", "led", "backed"}
_LIST_JOINS = {",", "and", "or", "but", ";"}


def repair_coordination(sent) -> None:
    """The small parser reads a second predicate of a list of acts as a noun modifier: in "forces
    shelled towns, bombed hospitals and besieged Aleppo" "bombed" modifies "hospitals", itself a
    conjunct of "towns"; in "hit targets including hospitals, used chemical weapons" "used" is a
    participle of "hospitals" (which a passive participle with an object cannot be). Such a
    participle is re-attached (in place) as a verb conjoined with the clause's verb, so that it
    shares the clause's subject; a noun it modified in front becomes its object."""
    for tok in sent:
        if tok.dep_ not in ("amod", "acl") or tok.tag_ not in ("VBN", "VBD") \
                or tok.lower_ in _STATE_PARTICIPLES:
            continue
        if tok.i == 0 or tok.doc[tok.i - 1].lower_ not in _LIST_JOINS:
            continue
        noun = tok.head
        own_object = any(c.dep_ == "dobj" for c in tok.children)
        if tok.dep_ == "acl":
            if not own_object or noun.i > tok.i:
                continue
        elif noun.i <= tok.i or noun.dep_ not in ("conj", "dep", "appos") or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        elif not own_object and any(c.dep_ not in ("advmod", "neg") for c in tok.children):
            continue  # "US-backed", "Russian-made": a compound modifier
        verb = next((a for a in noun.ancestors if is_verbal(a) and a.dep_ not in ("amod", "prep")), None)
        if verb is None or verb.tag_ not in ("VBD", "VBN") or verb.i > tok.i:
            continue
        while verb.dep_ == "conj" and is_verbal(verb.head):
            verb = verb.head
        tok.head = verb
        tok.dep_ = "conj"
        if not own_object:
            noun.head = tok
            noun.dep_ = "dobj"


def repair_speech_conjunct(sent) -> None:
    """In "Assad said his troops would liberate the country and warned Kurdish forces ..." the
    parser joins "warned" to "liberate"; a past-tense verb without its own subject conjoined with
    the modal verb of a reported clause is the reporter's second act, re-attached (in
    place) to the verb of saying so that it takes the sayer as subject."""
    for tok in sent:
        if tok.dep_ != "conj" or tok.tag_ != "VBD" or any(c.dep_.startswith("nsubj") for c in tok.children):
            continue
        head = tok.head
        if head.dep_ != "ccomp" or not is_verbal(head.head) or head.head.tag_ not in ("VBD", "VBZ"):
            continue
        aux = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
        # (after a pluperfect, "had attacked its soldiers and killed two" is usually one clause)
        if head.tag_ == "VB" and aux & {"would", "will", "could", "should", "might", "must"}:
            tok.head = head.head


def expand(tok: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("Jordan and Britain" -> both)."""
    out = [tok]
    for c in tok.children:  # "Saudi Arabia, the UAE, Bahrain and Egypt": a list read as apposition
        if c.dep_ == "appos" and c.conjuncts and tok.pos_ == "PROPN":
            out.append(c)
            out.extend(x for x in c.conjuncts if x.i > c.i)
    for c in tok.conjuncts:
        if c.i > tok.i and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM", "X") \
                and not _misattached_subject(c):
            out.append(c)
    return out


def _of_members(tok: Token) -> list[Token]:
    """'The leaders of North and South Korea', 'foreign ministers of India and China': a plural
    head whose of-phrase coordinates several actors stands for each of them."""
    if tok.tag_ != "NNS":
        return []
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objs = [o for o in prep.children if o.dep_ == "pobj"]
            if objs and objs[0].conjuncts:
                return expand(objs[0])
    return []


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def pobjs(prep: Token) -> list[Token]:
    out: list[Token] = []
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp") and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "X", "ADJ"):
            out.extend(expand(c))
    return out


def fix_relative(tok: Token, verb: Token) -> Token:
    """`who`/`which` as a subject stands for the noun the relative clause modifies."""
    if tok.lower_ in RELATIVE and verb.dep_ == "relcl":
        return verb.head
    return tok


def is_verbal(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def agents(verb: Token) -> list[Token]:
    out = []
    for a in children(verb, "agent"):
        out.extend(pobjs(a))
    return out


def subject_roles(verb: Token, depth: int = 0) -> tuple[list[Token], list[Token]]:
    """(sources, patients): the doer(s) of `verb`, and for a passive the undergoer(s)."""
    if depth > 4:
        return [], []
    subj = children(verb, "nsubj", "csubj", "expl")
    subj = [s for s in subj if s.dep_ != "expl"]
    pas = children(verb, "nsubjpass", "csubjpass")
    ag = agents(verb)
    if not pas and not subj and verb.dep_ == "conj" and is_verbal(verb.head) \
            and (ag or any(c.dep_ == "auxpass" for c in verb.children)):
        # "Isis fighters had sneaked in and were later arrested": the first verb's doers are the
        # passive conjunct's undergoers.
        hs, hp = subject_roles(verb.head, depth + 1)
        return ag, hp or hs
    if pas or ag:
        patients = [fix_relative(p, verb) for p in pas]
        return ag, [x for p in patients for x in expand(p)]
    if subj:
        # Usually one subject; the small parser sometimes splits "the opposition figure Mohamed
        # ElBaradei" into two, so every one is kept (the binder drops those naming no actor).
        out: list[Token] = []
        for x in subj:
            x = fix_relative(x, verb)
            out.extend(_of_members(x) or expand(x))
        return out, []
    dep = verb.dep_
    head = verb.head
    if dep == "conj" and verb.i > 0 and _misattached_subject(verb.doc[verb.i - 1]):
        return expand(verb.doc[verb.i - 1]), []
    if dep == "conj" and is_verbal(head):
        return subject_roles(head, depth + 1)
    if dep == "xcomp" and head.lower_ in _OBJECT_CONTROL_FORMS and children(head, "dobj"):
        # "mediators persuaded Sudan's army and the RSF to sign a ceasefire": the persuaded sign.
        return [x for o in children(head, "dobj") for x in expand(o)], []
    if dep == "advcl" and verb.tag_ == "VBG" and verb.lower_ in _SPEECH_ACT_FORMS and head.dep_ == "ccomp" \
            and head.head.lower_ in _SAY_FORMS and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        return subject_roles(head.head, depth + 1)  # "HRW said ..., calling it a crime": HRW calls
    # "by attacking", "Having captured Raqqa, the SDF ...": the clause's subject acts.
    if dep in ("xcomp",) or (dep == "advcl" and (verb.tag_ in ("VBG", "VB") or any(
            c.dep_ == "aux" and c.lower_ == "having" for c in verb.children))):
        src, pat = subject_roles(head, depth + 1)
        if not src and pat and dep == "xcomp":
            return pat, []  # "Turkey is expected to launch": the raised subject acts
        return src, pat
    if dep == "pcomp" and head.dep_ == "prep" and children(head.head, "dobj") and (
            head.lower_ in ("of", "for", "with") and head.head.lower_ in _ACCUSING_FORMS
            or head.lower_ in ("against", "from") and head.head.lower_ in _DETERRING_FORMS):
        # "a report that accused Kigali of arming the rebels": the accused did it; "warned
        # Hezbollah against attacking": Hezbollah would
        return [x for o in children(head.head, "dobj") for x in expand(o)], []
    if dep == "pcomp" and head.dep_ == "prep":  # "by attacking", "after meeting"
        if is_verbal(head.head):
            return subject_roles(head.head, depth + 1)
        # "refloated the idea of restoring ties": the doer of the verb governing the noun
        gov = next((a for a in head.head.ancestors if is_verbal(a)), None)
        if gov is not None and head.head.lemma_.lower() in _PLAN_NOUNS:
            return subject_roles(gov, depth + 1)
        return [], []
    if ordinal_infinitive(verb) and head.dep_ in ("attr", "oprd") and is_verbal(head.head):
        return subject_roles(head.head, depth + 1)  # "Germany was the first country to recognise ..."
    if dep == "relcl":
        return [head], []
    if dep == "acomp" and head.tag_.startswith("VB"):
        return subject_roles(head, depth + 1)  # "Russia is ready to hold talks": the copula's subject
    if dep == "acl":
        if verb.tag_ == "VBN":  # "civilians killed by X"
            return ag, [head]
        if verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == "," \
                and head.dep_ not in ("nsubj", "nsubjpass", "ROOT"):
            # "adopted sanctions on Monday, the anniversary of ..., blacklisting dozens": the
            # participle after a comma belongs to the clause, not to the noun it was attached to.
            clause = next((a for a in verb.ancestors if is_verbal(a)), None)
            if clause is not None:
                return subject_roles(clause, depth + 1)
        return [head], []  # "forces fighting Isis"
    if dep == "amod" and verb.tag_ == "VBN":  # "US-backed forces" -> no subject of its own
        return [], []
    return [], []


def standing(verb: Token) -> bool:
    """A simple-present relative clause ('a government the US seeks to overthrow', 'Hamas, which
    governs Gaza'): a standing state of affairs, not news of the day."""
    return verb.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)


_ORDINALS = {"first", "second", "third", "last", "only", "latest"}


def ordinal_infinitive(verb: Token) -> bool:
    """'the first country to recognise Croatia', 'the latest state to join': an infinitive that
    says what its noun did, not what it is for."""
    return verb.dep_ in ("relcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and any(c.lower_ in _ORDINALS for c in verb.head.children if c.dep_ in ("amod", "advmod"))


def negated(tok: Token) -> bool:
    """Negation on the verb itself or on its auxiliaries ("did not", "has never"), or on the verb
    it is coordinated with ("has never confirmed or denied")."""
    if tok.dep_ == "conj" and tok.head.i < tok.i and is_verbal(tok.head) and negated(tok.head) and \
            not any(c.dep_.startswith("nsubj") or c.dep_ in ("aux", "auxpass") for c in tok.children):
        return True
    for c in tok.children:
        if c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in ("advmod", "neg", "det")):
            return True
        if c.dep_ in ("aux", "auxpass") and any(g.dep_ == "neg" for g in c.children):
            return True
        if c.dep_ == "dobj" and any(g.lower_ == "no" and g.dep_ in ("det", "neg") for x in (c, *(
                m for m in c.children if m.dep_ == "amod")) for g in x.children):
            return True  # "imposed no new sanctions", "has sent no further jets" ('no' on 'further')
    return False


def subject_negated(verb: Token) -> bool:
    """'No country has recognised ...', 'no further assistance will be provided'."""
    for s in children(verb, "nsubj", "nsubjpass"):
        if any(c.lower_ in ("no", "neither") and c.dep_ == "det" for c in s.children):
            return True
    return False


# Verbs of saying whose "would" clause is a reported "will" ("Russia said it would send troops").
REPORTING_FORMS = {f for v in ("say", "announce", "tell", "add", "state", "declare", "confirm", "pledge",
                               "promise", "vow", "insist", "reiterate", "indicate", "signal", "write",
                               "tweet", "decide", "agree") for f in verb_forms(v)} | {"said", "told"}


def _reported_future(tok: Token) -> bool:
    """'would' in the complement of a verb of saying, with no condition: the speaker's 'will'."""
    if tok.dep_ != "ccomp" or tok.head.lower_ not in REPORTING_FORMS:
        return False
    return not any(c.dep_ in ("advcl", "mark") and (c.lower_ in ("if", "unless") or any(
        m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)) for c in tok.children)


# Adjectives of ease and ability whose infinitive is only possible or impossible.
_EASE = {"hard", "harder", "hardest", "difficult", "easy", "easier", "easiest", "impossible", "possible",
         "tough", "tougher", "able", "unable", "costly", "dangerous", "safe", "safer"}


def modality(tok: Token) -> str:
    """action, intent (will; a reported 'would'), or hypothetical (would/could/may/conditional)."""
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass"):
            lw = c.lower_
            if lw == "would" and _reported_future(tok):
                return "intent"
            if lw in MODAL_HYPOTHETICAL:
                return "hypothetical"
            if lw in MODAL_INTENT:
                return "intent"
        if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
            return "hypothetical"
        if c.dep_ == "mark" and c.lower_ == "until" and tok.dep_ == "advcl" and any(
                a.dep_ == "aux" and a.lower_ in ("will", "would", "'ll") for a in tok.head.children):
            return "hypothetical"  # "would not release hostages until Israel halted its offensive"
    if tok.dep_ == "pcomp" and tok.head.lower_ in ("against", "from") and tok.head.head.lower_ in _DETERRING_FORMS:
        return "hypothetical"  # "warned Hezbollah against attacking", "stopped X from invading"
    if tok.dep_ == "xcomp" and tok.head.lower_ in _EASE:
        return "hypothetical"  # "making it harder to strike Russian artillery": a capacity, not an act
    if tok.tag_ != "VBD" and not (tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have"
                                                             for c in tok.children)) \
            and any(c.dep_ == "advcl" and _conditional(c) for c in tok.children):
        return "hypothetical"  # "means to destroy the bases if they are used": done only on a condition
    if tok.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
            and not ordinal_infinitive(tok):
        return "hypothetical"  # "a force to fight terrorists": what it is for
    if tok.dep_ == "conj" and is_verbal(tok.head) and tok.head.i < tok.i:
        return modality(tok.head)
    if tok.dep_ == "xcomp" and _conditional(tok.head):
        return "hypothetical"  # "if they are used to prosecute the war", "unless Moscow agrees to withdraw"
    return "action"


def _conditional(tok: Token, depth: int = 0) -> bool:
    """The verb heads (or is an infinitive under) a clause marked 'if'/'unless'."""
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
        return True
    return depth < 3 and tok.dep_ == "xcomp" and tok.head is not tok and _conditional(tok.head, depth + 1)


def governor(tok: Token) -> tuple[Token | None, str]:
    """The word whose clausal complement `tok` is, and how: 'comp' (xcomp/pcomp/infinitive,
    sharing the governor's subject), 'ccomp' (a clause with its own subject), or ''."""
    dep = tok.dep_
    head = tok.head
    if head is tok:
        return None, ""
    if dep == "conj":
        return governor(head) if is_verbal(head) else (None, "")
    if dep == "xcomp":
        return head, "comp"
    if dep == "ccomp" or (dep == "parataxis" and is_verbal(head)):
        return head, "ccomp"
    if dep in ("advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return head, "comp"  # "called on Turkey to withdraw" (parsed as advcl); "a force to fight"
    if dep == "pcomp" and head.dep_ == "prep":  # "accused X of attacking"
        return head.head, "comp"
    if dep == "pobj" and head.dep_ == "prep" and head.head.dep_ == "acomp":
        return head.head, "comp"
    return None, ""


def phrase_words(tok: Token) -> list[str]:
    """Modifier words + head lemma of a noun phrase, lower-cased ("chemical weapon")."""
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod")]
    words: list[str] = []
    for m in mods:
        words.extend(w.lower_ for w in m.subtree if w.dep_ not in ("det", "punct"))
    lemma = tok.lemma_.lower() if tok.pos_ != "PROPN" else tok.lower_
    return words + [lemma]
