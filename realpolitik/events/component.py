"""spaCy pipeline component: `nlp.add_pipe("realpolitik")` sets `doc._.events` (list of Event).

This module is imported by spaCy's entry-point scan whenever *any* pipeline is loaded, so it must
stay import-cheap: the coder (and the actor dictionaries) load lazily on first use.
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)


class EventComponent:
    """Codes events on a doc parsed by a full pipeline (tagger + parser; NER is not needed)."""

    def __init__(self, nlp: Language, name: str = "realpolitik", doc_id: str = "doc"):
        self.nlp = nlp
        self.name = name
        self.doc_id = doc_id
        self._coder = None

    @property
    def coder(self):
        if self._coder is None:
            from realpolitik.events.coder import Coder

            # Reuse the host pipeline: the coder never loads a second model here.
            self._coder = Coder(nlp=self.nlp)
        return self._coder

    def __call__(self, doc: Doc) -> Doc:
        doc_id = doc.user_data.get("doc_id", self.doc_id) if doc.user_data else self.doc_id
        date = doc.user_data.get("date") if doc.user_data else None
        doc._.events = self.coder.code_parsed(doc, doc_id=doc_id, date=date)
        return doc


@Language.factory("realpolitik", default_config={"doc_id": "doc"})
def make_component(nlp: Language, name: str, doc_id: str = "doc") -> EventComponent:
    return EventComponent(nlp, name, doc_id)
