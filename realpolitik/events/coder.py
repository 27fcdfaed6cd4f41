"""The event coder: text in, `Event` records out.

Per document: split sentences cheaply (no model), find actor mentions (dictionary automaton) and
trigger words (lexicon automaton), and parse only sentences that have both (or a pronoun/definite
description coreference may resolve) with the pipeline minus NER. The grammar turns each parse
into frames; `Binder` maps their role phrases to actors; admit.py decides which of those a frame
takes as source and target; frames become `Event`s with taxonomy fields. See docs/ARCHITECTURE.md
for the contract.
"""
from __future__ import annotations

import hashlib
import re
from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from realpolitik.config import DEFAULT_MODEL
from realpolitik.events import admit
from realpolitik.events.binding import Binder
from realpolitik.events.context import ArticleContext, adjacent, subject_at
from realpolitik.events.grammar import Frame, parse_frames
from realpolitik.events.lexicon import DATA, Lexicon, default_lexicon
from realpolitik.events.nominal import time_of_clause
from realpolitik.events.plausibility import doubt, speculative
from realpolitik.events.quotes import Quote, find_quotes, quote_at
from realpolitik.events.sides import one_side, same_actor
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
        # Guess a target for targetless events (see `admit.fallback_target`).
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
        """The frame's events: which actors it admits as source and target is decided in admit.py."""
        if speculative(f, date):  # forecast, asked, wished for, on a condition: not (yet) done
            f.modality = "hypothetical"
        if f.modality == "hypothetical" and not self.hypothetical:
            return []
        if doubt(f, date):  # history, habits, markets and sport, commentary, statistics: no event
            return []
        speaker = (speaks_for(f.speaker[0], offset, b) or b.bind(f.speaker[0], offset)[0]) if f.speaker else None
        if speaker is None and q is not None:
            speaker = b.quote_speaker
        sources = admit.bind_sources(f, offset, b, speaker)
        patients = admit.take_patients(f, offset, b)
        targets = admit.bind_targets(f, sources, offset, b)
        # Doers no phrase names, in this order (a seizure re-coded as taking ground is no arrest).
        sources = sources or admit.state_doer(f, start, end, b)
        admit.recode_seizure(f, targets)
        sources = sources or admit.protest_doer(f, start, end, b)
        sources = sources or admit.context_doer(f, targets, b)
        sources = admit.political(f, sources, self.lexicon)
        if not sources:
            sources, targets = admit.lent_sides(f, si, targets, b)
        if not sources:
            return []
        admit.recode_by_doers(f, sources, self.lexicon)
        if len(sources) > 1 and not targets and not f.mirror and admit.two_way(f, self.lexicon):
            # "India and Pakistan exchanged fire": a two-way verb whose sides are its joint subject
            # acts both ways, whatever place it names.
            f.mutual = True
        if f.weak and not targets and not f.notarget and not f.mutual:
            return []
        sources = admit.not_the_hit(f, sources, targets)
        if not sources:
            return []
        targets = admit.each_other(f, sources, targets)
        if admit.with_each_other(f, sources, targets):
            return [x for src in sources
                    for x in self._emit(f, [src], [t for t in sources if not same_actor(t[0], src[0])
                                                   and not one_side(t[0], src[0])],
                                        speaker, q, si, start, end, text, offset, doc_id, date)]
        if f.mutual:
            return []  # one side only: who fought whom is unknown
        targets = admit.own_side_targets(f, sources, targets, start, end, offset, b)
        if not targets:
            targets = admit.place_target(f, sources, start, end, offset, b)
        if not targets and f.root != "01" and self.guess_targets:
            targets = admit.fallback_target(f, sources, start, end, offset, b, patients)
            f.guessed = bool(targets)

        return self._emit(f, sources, targets, speaker, q, si, start, end, text, offset, doc_id, date)

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
