"""The event coder: text in, `Event` records out.

Per document: split sentences cheaply (no model), find actor mentions (dictionary automaton) and
trigger words (lexicon automaton), and parse only sentences that have both (or a pronoun/definite
description coreference may resolve) with the pipeline minus NER. The grammar turns each parse
into frames; `Binder` maps their role phrases to actors; frames become `Event`s with taxonomy
fields. See docs/ARCHITECTURE.md for the contract.
"""
from __future__ import annotations

import hashlib
import re
from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from realpolitik.config import DEFAULT_MODEL
from realpolitik.events.binding import Binder
from realpolitik.events.context import ArticleContext, adjacent, subject_at, wants_context
from realpolitik.events.grammar import Frame, parse_frames
from realpolitik.events.lexicon import DATA, Lexicon, default_lexicon
from realpolitik.events.nominal import time_of_clause
from realpolitik.events.plausibility import doubt, speculative
from realpolitik.events.quotes import Quote, find_quotes, quote_at
from realpolitik.events.roles import phrase_words
from realpolitik.events.sides import (
    aside, one_side, organisation, reciprocal, same_actor, side, speaker_pronoun,
)
from realpolitik.events.statements import (
    aside_saying, can_state, named_speaker, quote_speaker, quoted_statement, restated, speaks_for,
)
from realpolitik.events.taxonomy import CameoCode, cameo_or_none
from realpolitik.nlp.fastlemma import FastLemmas
from realpolitik.nlp.model import disabled_for_parsing, load_parser
from realpolitik.nlp.prefilter import TriggerScanner, has_referent
from realpolitik.nlp.sentences import split_sentences
from realpolitik.records import Actor, Event

_DATELINE = re.compile(r"[A-Z][A-Z .'/-]{1,40}(?:, [A-Z][A-Za-z .]{1,30})?,? (?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
                       r"Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2} )?\([^)]{1,40}\) ?[-–—]+ ")
CODER_VERSION = "0.2"
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


def taxonomy_entry(code: str) -> CameoCode | None:
    """The taxonomy row for `code`, backing off to the parent code when a leaf is unknown."""
    c = cameo_or_none(code)
    while c is None and len(code) > 2:
        code = code[:-1]
        c = cameo_or_none(code)
    return c


def _lexicon_hash() -> str:
    h = hashlib.sha1()
    for name in ("verbs.yaml", "nouns.yaml"):
        h.update((DATA / name).read_bytes())
    return h.hexdigest()[:8]


class Coder:
    """One per process. `nlp` may be a loaded pipeline to reuse (NER is switched off while coding)."""

    def __init__(self, model: str = DEFAULT_MODEL, actor_files: Iterable[str] = (),
                 petrarch_files: Iterable[str] = (), nlp: Language | None = None,
                 lexicon: Lexicon | None = None, batch_size: int = 64, hypothetical: bool = False,
                 verb_files: Iterable[str] = (), verbs_first: bool = False):
        from realpolitik.actors import ActorDictionary, ActorResolver

        self.model = model
        self._nlp = nlp
        self.batch_size = batch_size
        # Conditional and speculative events ("could attack", "if it intervened") are not coded by
        # default (CAMEO practice; on the Guardian tuning split 2 of 11 were right); True keeps
        # them with modality "hypothetical".
        self.hypothetical = hypothetical
        # Parse sentences whose only possible actor is a pronoun? Definite descriptions ("the
        # government", "troops") are dictionary agent mentions anyway; on the Guardian tuning split
        # pronoun-only sentences added no correct event, 12% more parsing and more false events.
        self.pronoun_sentences = False
        # Guess a target for targetless events (see `_fallback_target`).
        self.guess_targets = True
        self.lexicon = lexicon or default_lexicon()
        verb_files = tuple(verb_files)
        self.verb_reports: list = []  # one VerbFileReport per verb file: what was converted, skipped
        if verb_files:  # PETRARCH verb files add patterns to a copy (the default lexicon is shared)
            from .petrarch_verbs import extend_lexicon

            # verbs_first: the files' codes win over the shipped lexicon's, as PETRARCH reads them.
            self.lexicon, self.verb_reports = extend_lexicon(self.lexicon, verb_files, file_first=verbs_first)
        self.triggers = TriggerScanner(self.lexicon.surface_forms())
        dictionary = ActorDictionary.default()
        for path in actor_files:
            dictionary.add_yaml(path)
        for path in petrarch_files:
            dictionary.add_petrarch(path)
        self.resolver = ActorResolver(dictionary)
        self.version = f"realpolitik-coder/{CODER_VERSION} lexicon/{_lexicon_hash()} model/{model}"
        self.stats = {"sentences": 0, "parsed": 0}
        self._lemmas: FastLemmas | None = None  # set when we load our own (fast) parser

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            # Our own pipeline: parse without NER, attribute_ruler and lemmatizer; FastLemmas
            # fills the lemmas the lexicon needs (about twice as fast on news text).
            self._nlp = load_parser(self.model, fast=True)
            self._lemmas = FastLemmas.from_forms(*self.lexicon.lemma_tables())
        return self._nlp

    # -- public API ------------------------------------------------------------------------
    def code_text(self, text: str, doc_id: str = "doc", date: str | None = None) -> list[Event]:
        for _, events in self.code_docs([{"id": doc_id, "text": text, "date": date}]):
            return events
        return []

    def code_docs(self, docs: Iterable[dict]) -> Iterator[tuple[dict, list[Event]]]:
        """Code documents (dicts with id, text, date?), parsing their candidate sentences in batches."""
        chunk: list[dict] = []
        for d in docs:
            chunk.append(d)
            if len(chunk) >= max(1, self.batch_size // 4):
                yield from self._code_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._code_chunk(chunk)

    def code_parsed(self, doc: Doc, doc_id: str = "doc", date: str | None = None) -> list[Event]:
        """Code a doc already parsed by a full pipeline (the spaCy component's path)."""
        ctx = self._context(doc.text, date)
        events: list[Event] = []
        for si, sent in enumerate(doc.sents):
            start, end = sent.start_char, sent.end_char
            found = self._code_sentence(sent, 0, si, start, end, ctx, doc_id, date)
            events.extend(found or self._quoted_statement(ctx, si, start, end, doc_id, date))
            self._observe(ctx, start, end, sent, 0)
        return events

    # -- internals ---------------------------------------------------------------------------
    def _context(self, text: str, date: str | None) -> dict[str, Any]:
        from realpolitik.actors import CorefTracker

        mentions = sorted(self.resolver.scan(text, date=date), key=lambda m: m.start)
        coref = CorefTracker(self.resolver, date)
        binder = Binder(self.resolver, coref, text, mentions, date)
        binder.article = ArticleContext()  # the events coded so far, for doer-less ones
        return {"text": text, "binder": binder, "quotes": find_quotes(text)}

    def _prepare(self, d: dict) -> dict[str, Any]:
        text = d.get("text") or ""
        date = d.get("date")
        ctx = self._context(text, date)
        spans = split_sentences(text)
        if spans:
            # "KYIV, March 7 (Reuters) - A Russian attack ...": the dateline is no subject.
            m = _DATELINE.match(text, spans[0][0], spans[0][1])
            if m:
                spans[0] = (m.end(), spans[0][1])
        todo = []
        for si, (s, e) in enumerate(spans):
            sent = text[s:e]
            want = self.triggers.has_trigger(sent) and (
                bool(ctx["binder"].mentions_in(s, e))
                or (self.pronoun_sentences and has_referent(sent)))
            todo.append(want)
        ctx.update(spans=spans, todo=todo, doc=d)
        return ctx

    def _code_chunk(self, chunk: list[dict]) -> Iterator[tuple[dict, list[Event]]]:
        ctxs = [self._prepare(d) for d in chunk]
        texts = [c["text"][s:e] for c in ctxs for (s, e), want in zip(c["spans"], c["todo"]) if want]
        nlp = self.nlp
        with nlp.select_pipes(disable=disabled_for_parsing(nlp)):
            docs = list(nlp.pipe(texts, batch_size=self.batch_size))
        if self._lemmas is not None:
            docs = [self._lemmas(d) for d in docs]
        parsed = iter(docs)
        for c in ctxs:
            d = c["doc"]
            doc_id = str(d.get("id") or d.get("doc_id") or "doc")
            events: list[Event] = []
            for si, ((s, e), want) in enumerate(zip(c["spans"], c["todo"])):
                self.stats["sentences"] += 1
                found: list[Event] = []
                if want:
                    self.stats["parsed"] += 1
                    sdoc = next(parsed)
                    found = self._code_sentence(sdoc[:], s, si, s, e, c, doc_id, d.get("date"))
                events.extend(found or self._quoted_statement(c, si, s, e, doc_id, d.get("date")))
                self._observe(c, s, e, sdoc[:] if want else None, s)
            yield d, events

    def _observe(self, ctx: dict, start: int, end: int, sent: Span | None = None, offset: int = 0) -> None:
        """Feed the sentence's actors to coreference, in reading order; adjacent mentions are one
        actor ("the Syrian army" is SYRMIL, not Syria and then an army of nowhere). The sentence's
        subject is remembered last, as the likeliest antecedent: "Erdoğan met Putin. He threatened
        ..." is Erdoğan, "Turkey launched an offensive against the YPG. It accused ..." is Turkey."""
        b: Binder = ctx["binder"]
        s0, e0 = subject_at(sent, offset) if sent is not None else (-1, -1)
        topic = None
        for group in adjacent(b.mentions_in(start, end), ctx["text"]):
            whole = b.resolve_span(group[0].start, group[-1].end, group) if len(group) > 1 else None
            if whole is not None and whole.country:
                seen = [(ctx["text"][group[0].start:group[-1].end], group[0].start, whole)]
            else:
                seen = [(m.text, m.start, b.resolve_span(m.start, m.end, [m])) for m in group]
            for text, at, a in seen:
                b.observe(a, text)
                # A town is where, not who: never the topic.
                if topic is None and s0 <= at < e0 and a is not None and not a.id.startswith("place:"):
                    topic = (a, text)
        if topic is not None:
            b.observe(*topic)

    def _speaker(self, ctx: dict, q: Quote | None) -> Actor | None:
        if q is None:
            return None
        return quote_speaker(ctx["binder"], ctx["text"], q)

    def _quoted_statement(self, ctx: dict, si: int, start: int, end: int, doc_id: str,
                          date: str | None) -> list[Event]:
        """A sentence inside a political actor's quotation that coded nothing else is its
        statement (see statements.py)."""
        q = quote_at(ctx["quotes"], start, end)
        if q is None:
            return []
        speaker = self._speaker(ctx, q)
        if speaker is None or not speaker.country or not can_state(speaker):
            return []
        ev = quoted_statement(speaker, q, taxonomy_entry("010"), ctx["text"], si, start, end, doc_id, date)
        return [ev] if ev is not None else []

    def _code_sentence(self, sent: Span, offset: int, si: int, start: int, end: int, ctx: dict,
                       doc_id: str, date: str | None) -> list[Event]:
        q = quote_at(ctx["quotes"], start, end)
        frames = parse_frames(sent, self.lexicon, quoted=q is not None)
        if not frames:
            return []
        b: Binder = ctx["binder"]
        b.quote_speaker = self._speaker(ctx, q)
        text = ctx["text"]
        out: list[tuple[Frame, Event]] = []
        for f in frames:
            if f.comp == "say" and (f.weak or f.has_event_comp or aside_saying(f.anchor)):
                # "believe", "think" only frame reported speech; a saying whose complement held an
                # event is reported through that event; one describing a thing in passing ("a
                # claim Berlin said had been settled") is no report of its own.
                continue
            out.extend(self._events(f, sent, offset, si, start, end, text, q, doc_id, date, b))
        b.quote_speaker = None
        # STATEMENT only when nothing more specific was coded in the saying's own clause or by
        # the same speaker: "Trump phoned Erdoğan, and Erdoğan later said he had received positive
        # answers" keeps Erdoğan's statement beside Trump's call.
        out = [(f, e) for f, e in out if not e.cameo.startswith("01") or not restated(f, e, out)]
        out = [(f, e) for f, e in out
               if not e.cameo.startswith("01") or named_speaker(b, text, ctx["quotes"], f, e, offset)]
        # "arrived in Beijing ..., the first visit to China": a noun restating a coded verb's event.
        verbal = {(e.cameo[:2], e.source.country, e.target.country if e.target else None)
                  for f, e in out if not f.nominal}
        # One that dates the clause ("captured Sirte after weeks of fighting") is an earlier event.
        out = [(f, e) for f, e in out if not f.nominal or time_of_clause(f.anchor) or (
            e.cameo[:2], e.source.country, e.target.country if e.target else None) not in verbal]
        # "arrived in Moscow for a state visit": the targetless copy of an event is redundant.
        # A guessed target counts as none here.
        aimed = {(e.cameo[:2], e.source.code) for f, e in out if e.target is not None and not f.guessed}
        out = [(f, e) for f, e in out if (e.target is not None and not f.guessed)
               or (e.cameo[:2], e.source.code) not in aimed]
        seen, events = set(), []
        for _, e in out:
            key = (e.cameo[:2], e.source.code, e.target.code if e.target else None, e.negated)
            if key in seen:
                continue
            seen.add(key)
            e.event_id = f"{doc_id}:{si}:{len(events)}"
            events.append(e)
        b.article.observe(si, events)
        return events

    def _events(self, f: Frame, sent: Span, offset: int, si: int, start: int, end: int, text: str,
                q: Quote | None, doc_id: str, date: str | None, b: Binder) -> list[tuple[Frame, Event]]:
        if speculative(f, date):  # forecast, asked, wished for, on a condition: not (yet) done
            f.modality = "hypothetical"
        if f.modality == "hypothetical" and not self.hypothetical:
            return []
        if doubt(f, date):  # history, habits, markets and sport, commentary, statistics: no event
            return []
        speaker = (speaks_for(f.speaker[0], offset, b) or b.bind(f.speaker[0], offset)[0]) if f.speaker else None
        if speaker is None and q is not None:
            speaker = b.quote_speaker
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
        patients: set[str] = set()
        if f.root == "10":
            # "demanded the expulsion of the German ambassador": the ambassador is what the act is
            # done to; the demand goes to whoever would do it (found below by `_fallback_target`).
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
            # one's own that the phrase mentions is where, not with whom; left to `_fallback_target`.
            own = {a.country for a, _ in sources if a.country}
            targets = [(a, c) for a, c in targets
                       if not (a.id.startswith(("place:", "capital:")) and a.country in own)]
        if f.root in _HOSTILE and targets:
            # "Turkey said it would hit back at the troops": bare troops that coreference placed in
            # the doer's own state are another state's; left to `_fallback_target` below.
            own = {a.country for a, _ in sources if a.country and a.sector in (None, "", "GOV", "MIL")}
            targets = [(a, c) for a, c in targets
                       if not (c and a.country in own and a.sector == "MIL")]
        if not sources and f.agentless and (f.root in _STATE_ACTS or f.code in _LEGAL_ACTS):
            # "He was arrested in Turkey": coercion by an unnamed agent is the state's doing.
            loc = b.location(start, end, set(), True)
            if loc is not None:
                sources = [(loc, True)]
        if f.code in ("173", "1711") and f.anchor.lemma_.lower() in ("capture", "seize", "take") \
                and targets and all(a.id.startswith(("place:", "capital:", "country:")) for a, _ in targets) \
                and not (f.obj_token is not None and f.obj_token.lemma_.lower() in _VESSELS):
            f.code = "192"  # "rebels captured Goma": a town is taken, not arrested
        if not sources and f.root == "14" and (f.anchor.dep_ in ("nsubj", "nsubjpass", "dobj") or not f.nominal):
            # "protests over the death of Mahsa Amini" in Iran, "tens of thousands rallied in
            # Tbilisi": the people of the place protest.
            loc = b.location(start, end, set(), False)
            if loc is not None:
                sources = [(loc, True)]
        if not sources and f.context:
            # "The overnight airstrikes": the doer is the state the article has just been about.
            ctx_actor = b.context_actor({a.country for a, _ in targets if a.country}, f.code.startswith("195"))
            if ctx_actor is not None:
                sources = [(ctx_actor, True)]
        # International organisations and NGOs are political actors whatever their field (UNHCR, WHO);
        # so are religious leaders and protesters making appeals ("the Pope called for dialogue").
        sources = [(a, c) for a, c in sources if a.sector not in _APOLITICAL or f.root in _POPULAR
                   or organisation(a) or (f.root == "02" and (a.sector == "REL" or self._protesters(f)))]
        if f.root == "01":
            # Statements need an identified speaker: not "officials" placed by document context.
            sources = [(a, c) for a, c in sources if can_state(a)
                       and not (c and a.id.startswith("agent:"))]
        if not sources and wants_context(f):
            # "Fighting ... continued into Saturday": the sides of the article's latest like event.
            lent = b.article.lend(f.root, si, {a.country for a, _ in targets if a.country})
            if lent is not None:
                sources = [(lent[0], True)]
                targets = targets or ([(lent[1], True)] if lent[1] is not None else [])
        if not sources:
            return []
        if f.root in ("18", "19") and all(a.sector == "COP" for a, _ in sources) \
                and f.anchor.lemma_.lower() in _POLICE_COERCION:
            f.code = "170"  # "armed police raided the resort", "police surrounded us": coercion
        if f.root in ("18", "19") and all(a.sector == "COP" for a, _ in sources) and any(
                self.lexicon.in_class(phrase_words(t), "protesters") for t in f.targets):
            f.code = "175"  # "police shot dead more than 70 protesters": violent repression
        if f.root == "14" and not f.nominal and all(a.sector == "GOV" for a, _ in sources):
            f.code = "114"  # "Beijing summoned Norway's ambassador to protest": a diplomatic protest
        if len(sources) > 1 and not targets and not f.mirror and self._two_way(f):
            # "India and Pakistan exchanged fire": a two-way verb whose sides are its joint subject
            # acts both ways, whatever place it names.
            f.mutual = True
        if f.weak and not targets and not f.notarget and not f.mutual:
            return []
        if f.root in ("18", "19", "20") and targets:
            # A doer guessed from context is never the state being hit ("Drones struck Saudi
            # facilities" does not make Saudi Arabia the attacker). Its rebels or civilians hit may
            # be (see _OWN_VICTIMS).
            hit = {a.country for a, _ in targets if a.sector not in _OWN_VICTIMS}
            sources = [(a, c) for a, c in sources
                       if not (c and a.country in hit and a.sector in (None, "MIL", "GOV"))]
            if not sources:
                return []
        if len(sources) > 1 and any(reciprocal(t) for t in f.targets):
            # "Azerbaijan and Armenia accused each other", "shelled each other's positions": each
            # side is the other's target, whatever place the phrase names.
            f.mutual, targets = True, []
        if not targets and (f.root in _MUTUAL or f.mutual or f.code == "0871") \
                and len({a.code for a, _ in sources}) > 1:
            # "Saudi Arabia and Iran agreed to restore relations": each with the other.
            return [x for src in sources
                    for x in self._emit(f, [src], [t for t in sources if not same_actor(t[0], src[0])
                                                   and not one_side(t[0], src[0])],
                                        speaker, q, si, start, end, text, offset, doc_id, date)]
        if f.mutual:
            return []  # one side only: who fought whom is unknown
        if f.root == "16" and targets and all(a.country == s.country and a.country not in _BLOCS
                                              for a, _ in targets for s, _ in sources):
            # "Egypt recalled its ambassador to Ethiopia": one's own envoy is what is cut, the
            # state named beside it is whom relations are cut with.
            targets = self._fallback_target(f, sources, start, end, offset, b) or targets
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
        if not targets and (f.root in _PLACE_TARGET_ROOTS or f.place):
            # Violence and aid happen somewhere: the place (else the document's state) is the target.
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
            if loc is not None:
                targets = [(loc, True)]
        if not targets and f.root != "01" and self.guess_targets:
            targets = self._fallback_target(f, sources, start, end, offset, b, patients)
            f.guessed = bool(targets)

        return self._emit(f, sources, targets, speaker, q, si, start, end, text, offset, doc_id, date)

    def _two_way(self, f: Frame) -> bool:
        """The lexicon marks the frame's verb as one both sides do ("clash", "exchange fire")."""
        return not f.nominal and any(p.mutual and p.code == f.code
                                     for p in self.lexicon.verbs.get(f.anchor.lemma_.lower(), ()))

    def _protesters(self, f: Frame) -> bool:
        """The doers are protesters: their appeals ("protesters called on the army to side with
        them") are political, like their demands; pleas of other private people are not (gold labels)."""
        return any(self.lexicon.in_class([w.lemma_.lower()], "protesters") for t in f.sources for w in t.subtree)

    def _fallback_target(self, f: Frame, sources: list, start: int, end: int, offset: int,
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

    def _emit(self, f: Frame, sources: list, targets: list, speaker: Actor | None, q: Quote | None,
              si: int, start: int, end: int, text: str, offset: int, doc_id: str,
              date: str | None) -> list[tuple[Frame, Event]]:
        """One Event per (source, target) pair of a frame."""
        tax = taxonomy_entry(f.code)
        if tax is None:
            return []
        quote = q.text_in(text) if q is not None else (f.quote.text if f.quote is not None else None)
        trig = f.trigger
        t_start = offset + min(t.idx for t in trig)
        t_end = offset + max(t.idx + len(t.text) for t in trig)
        trigger = text[t_start:t_end] if len(trig) == 1 else " ".join(t.text for t in trig)
        out = []
        for src, src_coref in sources:
            # A bare country is redundant beside a more specific actor of the same country:
            # "blamed the Assad regime for the attack on Khan Sheikhoun" is aimed at SYRGOV only.
            specific = {t.country for t, _ in targets if t.sector}
            tlist = [(t, c) for t, c in targets if not same_actor(t, src)
                     and (t.sector or t.country not in specific)]
            tlist = list({t.code: (t, c) for t, c in tlist}.values()) or [(None, False)]
            for tgt, tgt_coref in tlist:
                # Confidence: the grammar's trust in the pattern, lowered for each guess made.
                conf = f.confidence
                if src_coref:
                    conf *= 0.8
                if tgt is None and not f.notarget:
                    conf *= 0.85
                if tgt_coref:
                    conf *= 0.9
                if f.modality == "reported":
                    conf *= 0.9
                out.append((f, Event(
                    doc_id=doc_id, event_id="", date=date, source=src, target=tgt, cameo=tax.code,
                    cameo_label=tax.label, plover=tax.plover, plover_mode=tax.plover_mode or None,
                    quad_class=tax.quad_class, goldstein=tax.goldstein, negated=f.negated,
                    modality=f.modality, trigger=trigger, speaker=speaker, quote=quote,
                    sentence=text[start:end], char_start=start, char_end=end,
                    confidence=round(min(1.0, max(0.0, conf)), 3), sentence_index=si,
                    trigger_start=t_start, trigger_end=t_end,
                )))
        return out
