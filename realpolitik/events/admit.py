"""Which actors a frame admits as its source and target.

`Binder` maps a frame's role phrases to actors; the rules here decide which of those actors may
stand as the doer and whom it acts on, find a doer or target the phrases do not name (the state
of an agentless arrest, the people of a place that protests, the actor the article is about), and
re-code a frame whose doers change what the act is (police raiding is coercion, not an assault).
`Coder._events` applies them in order; each takes and returns plain (actor, by-coreference) lists.
"""
from __future__ import annotations

from realpolitik.events.binding import Binder
from realpolitik.events.context import wants_context
from realpolitik.events.frame import Frame
from realpolitik.events.lexicon import Lexicon
from realpolitik.events.roles import phrase_words
from realpolitik.events.sides import aside, organisation, reciprocal, side, speaker_pronoun
from realpolitik.events.statements import can_state, speaks_for
from realpolitik.records import Actor

# Roots whose events without a named target take the place they happen in as the target.
_PLACE_TARGET_ROOTS = {"14", "15", "17", "18", "19", "20", "07"}
# Roots of events that coordinated subjects do with each other when no target is named.
_MUTUAL = {"03", "04", "05", "06"}
# Roots that, in the passive without a doer ("was arrested", "were accused"), are acts of the state
# where they happen.
_STATE_ACTS = {"17"}
# Court acts (sue/prosecute 115, convict 116) in the passive without a doer ("was prosecuted under
# terrorism law") are likewise the state's; a bare "was accused of" (112) is as often the press's.
_LEGAL_ACTS = {"115", "116"}
# Sectors whose members are rarely political actors in their own right (the labelling guide codes
# generic people only when they protest): their events are dropped, except protests.
_APOLITICAL = {"CVL", "MED", "EDU", "BUS", "HLH", "REF", "AGR", "LAB", "REL", "MNC"}
# Roots whose acts, with nobody else named, are mostly done at home (gold: resigning, releasing
# prisoners, arrests, protests, civil war); a consultation or praise aimed at one's own state is not.
_DOMESTIC = {"08", "10", "14", "15", "17", "18", "19", "20"}
# Pseudo-countries: two of their actors are not one state ("Western donors" and UNRWA).
_BLOCS = {"IGO", "NGO", "IMG", "MNC"}
# Things seized that are property, not ground: "seized the Bahamas-flagged tanker" names a flag state.
_VESSELS = {"ship", "tanker", "vessel", "boat", "freighter", "trawler", "yacht", "aircraft", "plane", "jet",
            "cargo", "shipment", "consignment", "asset", "property", "embassy"}
# What police do to people that the lexicon reads as an assault when soldiers do it.
_POLICE_COERCION = {"raid", "storm", "surround", "encircle", "besiege", "sweep", "round", "occupy"}
# What ordinary people do politically: protest, and demand ("protesters demanded ...").
_POPULAR = {"14", "10"}
# Nouns whose "of" object undergoes an act someone else does ("the release of the tanker", "the
# expulsion of the ambassador"): a demand for it is aimed at whoever holds or hosts that object.
_PATIENT_NOUNS = {"release", "expulsion", "extradition", "deportation", "freeing", "handover"}
# Hostile roots and mobilising: a state's own troops placed by coreference are rarely whom it acts
# against or deploys against (arrests, 17, of one's own soldiers are common).
_HOSTILE = {"12", "13", "15", "16", "18", "19", "20"}
# A state's own people in a civil war: its forces placed by coreference may well hit them ("Government
# forces have repeatedly hit civilian targets", "It then attacked rebel positions").
_OWN_VICTIMS = {"REB", "OPP", "CVL"}


# -- sources named in the sentence ------------------------------------------------------------
def bind_sources(f: Frame, offset: int, b: Binder, speaker: Actor | None) -> list:
    """The frame's doers as actors, with the speaker standing in for what a saying's phrases leave open."""
    # "Lavrov said he had discussed ...": a pronoun subject of what was said is the speaker.
    sources = [x for t in f.sources for x in (
        [(speaker, True)] if speaker is not None and speaker_pronoun(t, speaker)
        else [(a, False) for a in [speaks_for(t, offset, b)] if a is not None] or b.bind_many(t, offset))]
    for t in f.sources:
        # "airstrikes by the Syrian regime, Russia and US-led forces": a list the parser hung
        # as an apposition under the first doer names further doers, not someone else.
        for ap in t.children:
            if ap.dep_ == "appos" and ap.conjuncts:
                have = {a.country for a, _ in sources}
                for x in (ap, *ap.conjuncts):
                    for a, c in b.bind_many(x, offset):
                        if a.country and a.country not in have:
                            sources.append((a, c))
                            have.add(a.country)
    if not sources and f.speaker and len(f.sources) == 1 and f.sources[0].tag_ == "PRP" \
            and f.sources[0].lower_ == "they" \
            and (len(f.speaker) > 1 or f.speaker[0].tag_ in ("NNS", "NNPS")):
        # "The ministers of France and Germany said they welcomed ...": 'they' are the sayers.
        sources = [x for t in f.speaker for x in b.bind_many(t, offset)]
    if speaker is not None and speaker.country and f.speaker:
        # "The defence ministry said its forces had struck ...": "its" is the speaker's.
        from realpolitik.actors import with_country

        owned = {t.i for t in f.sources if any(c.dep_ == "poss" and c.lower_ in ("its", "our", "their")
                                               for c in t.children)}
        if f.sources and all(t.i in owned for t in f.sources):
            sources = [(with_country(a, speaker.country) if a.country != speaker.country else a, c)
                       for a, c in sources]
    if f.nominal:
        # "the Afrin offensive": a place names where, not who.
        sources = [(a, c) for a, c in sources if not a.id.startswith("place:")]
    if f.from_speaker and b.quote_speaker is not None:
        sources = [(b.quote_speaker, True)]
    return sources


# -- targets named in the sentence ------------------------------------------------------------
def take_patients(f: Frame, offset: int, b: Binder) -> set[str]:
    """The countries of what a demand wants done to someone ("demanded the expulsion of the German
    ambassador"), taken out of `f.targets`: the demand goes to whoever would do it (found by
    `fallback_target`), not to the ambassador the act is done to."""
    patients: set[str] = set()
    if f.root == "10":
        undergone = []
        for t in f.targets:
            if t.lemma_.lower() in _PATIENT_NOUNS:  # the noun itself ("the expulsion of X")
                undergone += [o for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                              for o in p.children if o.dep_ == "pobj"]
            elif t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in _PATIENT_NOUNS:
                undergone.append(t)  # the grammar already took X out of "the expulsion of X"
        for o in undergone:
            patients |= {a.country for a, _ in b.bind_many(o, offset, wide=True) if a.country}
        if patients:
            f.targets = [t for t in f.targets if t.lemma_.lower() not in _PATIENT_NOUNS and t not in undergone]
    return patients


def bind_targets(f: Frame, sources: list, offset: int, b: Binder) -> list:
    """The frame's target phrases as actors, less the doer's own people and towns that
    coreference or a passing mention put there."""
    targets = [x for t in f.targets for x in b.bind_many(t, offset, wide=True)]
    if f.root in ("03", "04", "05", "06", "07"):
        # "Zelensky thanked the leaders": a bare description placed by coreference in the doer's
        # own state is a poor guess for whom one meets, praises or helps.
        own = {a.country for a, _ in sources if a.country}
        targets = [(a, c) for a, c in targets
                   if not (c and a.id.startswith("agent:") and a.country in own)]
    if f.root in ("03", "05", "06") and not f.place and targets:
        # "Damascus agreed to let UN convoys deliver food to the city of Homs", "promised to
        # cooperate with French investigators examining the explosion at Beirut port": a town of
        # one's own that the phrase mentions is where, not with whom; left to `fallback_target`.
        own = {a.country for a, _ in sources if a.country}
        targets = [(a, c) for a, c in targets
                   if not (a.id.startswith(("place:", "capital:")) and a.country in own)]
    if f.root in _HOSTILE and targets:
        # "Turkey said it would hit back at the troops": bare troops that coreference placed in
        # the doer's own state are another state's; left to `fallback_target`.
        own = {a.country for a, _ in sources if a.country and a.sector in (None, "", "GOV", "MIL")}
        targets = [(a, c) for a, c in targets
                   if not (c and a.country in own and a.sector == "MIL")]
    return targets


# -- doers no phrase names --------------------------------------------------------------------
def state_doer(f: Frame, start: int, end: int, b: Binder) -> list:
    """"He was arrested in Turkey": coercion by an unnamed agent is the state's doing."""
    if f.agentless and (f.root in _STATE_ACTS or f.code in _LEGAL_ACTS):
        loc = b.location(start, end, set(), True)
        if loc is not None:
            return [(loc, True)]
    return []


def recode_seizure(f: Frame, targets: list) -> None:
    """"rebels captured Goma": a town is taken, not arrested (a seized tanker stays seized)."""
    if f.code in ("173", "1711") and f.anchor.lemma_.lower() in ("capture", "seize", "take") \
            and targets and all(a.id.startswith(("place:", "capital:", "country:")) for a, _ in targets) \
            and not (f.obj_token is not None and f.obj_token.lemma_.lower() in _VESSELS):
        f.code = "192"


def protest_doer(f: Frame, start: int, end: int, b: Binder) -> list:
    """"protests over the death of Mahsa Amini" in Iran, "tens of thousands rallied in Tbilisi":
    the people of the place protest."""
    if f.root == "14" and (f.anchor.dep_ in ("nsubj", "nsubjpass", "dobj") or not f.nominal):
        loc = b.location(start, end, set(), False)
        if loc is not None:
            return [(loc, True)]
    return []


def context_doer(f: Frame, targets: list, b: Binder) -> list:
    """"The overnight airstrikes": the doer is the state the article has just been about."""
    if f.context:
        ctx_actor = b.context_actor({a.country for a, _ in targets if a.country}, f.code.startswith("195"))
        if ctx_actor is not None:
            return [(ctx_actor, True)]
    return []


def political(f: Frame, sources: list, lexicon: Lexicon) -> list:
    """The doers that may act politically in this frame."""
    # International organisations and NGOs are political actors whatever their field (UNHCR, WHO);
    # so are religious leaders and protesters making appeals ("the Pope called for dialogue").
    sources = [(a, c) for a, c in sources if a.sector not in _APOLITICAL or f.root in _POPULAR
               or organisation(a) or (f.root == "02" and (a.sector == "REL" or protesters(f, lexicon)))]
    if f.root == "01":
        # Statements need an identified speaker: not "officials" placed by document context.
        sources = [(a, c) for a, c in sources if can_state(a)
                   and not (c and a.id.startswith("agent:"))]
    return sources


def protesters(f: Frame, lexicon: Lexicon) -> bool:
    """The doers are protesters: their appeals ("protesters called on the army to side with
    them") are political, like their demands; pleas of other private people are not (gold labels)."""
    return any(lexicon.in_class([w.lemma_.lower()], "protesters") for t in f.sources for w in t.subtree)


def lent_sides(f: Frame, si: int, targets: list, b: Binder) -> tuple[list, list]:
    """"Fighting ... continued into Saturday": the sides of the article's latest like event."""
    if wants_context(f):
        lent = b.article.lend(f.root, si, {a.country for a, _ in targets if a.country})
        if lent is not None:
            return [(lent[0], True)], targets or ([(lent[1], True)] if lent[1] is not None else [])
    return [], targets


# -- what the doers make of the act ----------------------------------------------------------
def recode_by_doers(f: Frame, sources: list, lexicon: Lexicon) -> None:
    """Police, and a government protesting, do something else than the lexicon's reading."""
    if f.root in ("18", "19") and all(a.sector == "COP" for a, _ in sources) \
            and f.anchor.lemma_.lower() in _POLICE_COERCION:
        f.code = "170"  # "armed police raided the resort", "police surrounded us": coercion
    if f.root in ("18", "19") and all(a.sector == "COP" for a, _ in sources) and any(
            lexicon.in_class(phrase_words(t), "protesters") for t in f.targets):
        f.code = "175"  # "police shot dead more than 70 protesters": violent repression
    if f.root == "14" and not f.nominal and all(a.sector == "GOV" for a, _ in sources):
        f.code = "114"  # "Beijing summoned Norway's ambassador to protest": a diplomatic protest


def not_the_hit(f: Frame, sources: list, targets: list) -> list:
    """A doer guessed from context is never the state being hit ("Drones struck Saudi facilities"
    does not make Saudi Arabia the attacker). Its rebels or civilians hit may be (see _OWN_VICTIMS)."""
    if f.root in ("18", "19", "20") and targets:
        hit = {a.country for a, _ in targets if a.sector not in _OWN_VICTIMS}
        sources = [(a, c) for a, c in sources
                   if not (c and a.country in hit and a.sector in (None, "MIL", "GOV"))]
    return sources


def each_other(f: Frame, sources: list, targets: list) -> list:
    """"Azerbaijan and Armenia accused each other", "shelled each other's positions": each side is
    the other's target, whatever place the phrase names (`f.mutual` is set, the targets cleared)."""
    if len(sources) > 1 and any(reciprocal(t) for t in f.targets):
        f.mutual, targets = True, []
    return targets


def with_each_other(f: Frame, sources: list, targets: list) -> bool:
    """"Saudi Arabia and Iran agreed to restore relations": each with the other."""
    return not targets and (f.root in _MUTUAL or f.mutual or f.code == "0871") \
        and len({a.code for a, _ in sources}) > 1


def own_side_targets(f: Frame, sources: list, targets: list, start: int, end: int, offset: int,
                     b: Binder) -> list:
    """Targets of the doer's own state and side: whom relations are cut with instead, or none (a
    statement, `f.code` set back to 010)."""
    if f.root == "16" and targets and all(a.country == s.country and a.country not in _BLOCS
                                          for a, _ in targets for s, _ in sources):
        # "Egypt recalled its ambassador to Ethiopia": one's own envoy is what is cut, the
        # state named beside it is whom relations are cut with.
        targets = fallback_target(f, sources, start, end, offset, b) or targets
    if f.code == "020" and targets and any(t.dep_ in ("aux", "auxpass") for t in f.trigger) \
            and all(a.country == s.country and a.country not in _BLOCS and side(a) == side(s)
                    for a, _ in targets for s, _ in sources):
        # "Germany “must be able to ensure prosecution”, the German defence minister said": what
        # one's own state must do is a statement of policy, not an appeal to anyone.
        f.code, targets = "010", []
    if f.cue and targets and all(a.country == s.country and side(a) == side(s)
                                 for a, _ in targets for s, _ in sources):
        # Cue words about one's own side ("Russia would keep a force to fight terrorists") make
        # no accusation: it stays a statement.
        f.code, targets = "010", []
    return targets


# -- targets no phrase names ------------------------------------------------------------------
def place_target(f: Frame, sources: list, start: int, end: int, offset: int, b: Binder) -> list:
    """Violence and aid happen somewhere: the place (else the document's state) is the target."""
    if not (f.root in _PLACE_TARGET_ROOTS or f.place):
        return []
    head = f.trigger[0] if f.nominal else f.anchor
    sub = list(head.subtree)
    busy = {a.country for a, _ in sources if a.country}
    s0, e0 = offset + sub[0].idx, offset + sub[-1].idx + len(sub[-1].text)
    loc = None
    if f.root in ("18", "19", "20"):
        # "airstrikes aimed at preventing arms transfers to Hizbullah ... from the Golan
        # Heights": a group the act's own phrase names is whom it hits, before the place.
        for m in b.mentions_in(s0, e0):
            if m.kind in ("country", "capital", "place", "demonym"):
                continue
            a = b.resolve_span(m.start, m.end, [m])
            if a is not None and a.country and len(a.country) == 3 and a.country not in busy \
                    and a.country not in ("IGO", "NGO", "MNC") and a.type != "PERSON":
                loc = a
                break
    loc = loc or b.location(s0, e0, busy, False)
    if loc is None and f.root in ("18", "19", "20"):
        # "genocide committed in Darfur by Sudanese militias": a town or region of the doer's
        # own state that the violent act's own phrase names is where it struck (civil wars;
        # where one protests or deploys is no target).
        loc = b.location(s0, e0, set(), False)
        if loc is not None and not loc.id.startswith(("place:", "capital:")):
            loc = None
    loc = loc or b.location(start, end, busy)
    return [(loc, True)] if loc is not None else []


def fallback_target(f: Frame, sources: list, start: int, end: int, offset: int,
                    b: Binder, skip: set[str] = frozenset()) -> list:
    """Events are nearly always aimed at someone (gold targets are missing for 1-5% of
    non-statement events): with no target phrase, the nearest other state/actor the sentence
    names after the trigger (else before it), else the doer's own state (domestic acts:
    resigning, releasing prisoners, repressing, protesting)."""
    own = {a.country for a, _ in sources if a.country}
    pos = offset + f.anchor.idx
    # Names inside the doer's own phrase ("the Syrian regime, Russia and ...") are not whom it
    # acts on.
    # Its clauses ("Turkey, one of the bodies sponsoring the SNC, had been urging it") may be.
    inside = set()
    for t in f.sources:
        clauses = {y.i for x in t.subtree if x.dep_ in ("relcl", "acl", "advcl", "ccomp") for y in x.subtree}
        inside |= {offset + x.idx for x in t.subtree if x.i not in clauses}
    at = {offset + t.idx: t for t in f.anchor.sent}
    near = {f.anchor.i} | {x.i for t in f.sources for x in t.subtree}
    after, before = [], []
    for m in b.mentions_in(start, end):
        if m.start in inside:
            continue
        tok = at.get(m.start)
        if tok is not None and aside(tok, m.kind, near):
            continue
        a = b.resolve_span(m.start, m.end, [m])
        if a is None or not a.country or a.country in own or a.country in skip \
                or a.country in ("IGO", "NGO", "MNC") \
                and a.code == next((s.code for s, _ in sources), None):
            continue
        (after if m.start >= pos else before).append((m.kind not in ("country", "capital", "place"), a))
    # Actors named as such before bare places ("refused to take back fighters ... in Syria").
    pick = next((a for named, a in after if named), None) or next(
        (a for named, a in reversed(before) if named), None) or (after[0][1] if after else (
            before[-1][1] if before else None))
    if pick is not None:
        return [(pick, True)]
    if len(own) == 1 and f.root in _DOMESTIC:
        c = next(iter(own))
        if len(c) == 3 and c not in ("IGO", "NGO", "MNC", "IMG"):
            return [(Actor("", c, c, None, "STATE", c, "context"), True)]
    return []


def two_way(f: Frame, lexicon: Lexicon) -> bool:
    """The lexicon marks the frame's verb as one both sides do ("clash", "exchange fire")."""
    return not f.nominal and any(p.mutual and p.code == f.code for p in lexicon.verbs.get(f.anchor.lemma_.lower(), ()))
