"""The spaCy component: nlp.add_pipe("realpolitik") sets doc._.events on full-pipeline docs."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture
def nlp_with_component(nlp):
    import realpolitik.events.component  # noqa: F401  (registers the factory)

    nlp.add_pipe("realpolitik", last=True)
    try:
        yield nlp
    finally:
        nlp.remove_pipe("realpolitik")  # the session pipeline is shared with other tests


def test_component_sets_events(nlp_with_component):
    doc = nlp_with_component("Markets were calm. Turkey shelled Kurdish positions near Afrin on Monday.")
    events = doc._.events
    assert events, "the component coded nothing"
    e = events[0]
    assert e.cameo.startswith("19") and e.source.country == "TUR" and e.target.country == "SYR"
    assert e.sentence_index == 1
    assert doc.text[e.trigger_start:e.trigger_end] == "shelled"
    assert doc.text[e.char_start:e.char_end].startswith("Turkey shelled")


def test_component_uses_doc_id_from_user_data(nlp_with_component):
    doc = nlp_with_component.make_doc("Iran attacked Iraq.")
    doc.user_data["doc_id"] = "article-7"
    for _, proc in nlp_with_component.pipeline:
        doc = proc(doc)
    assert [e.event_id for e in doc._.events] == ["article-7:0:0"]


def test_component_no_events(nlp_with_component):
    assert nlp_with_component("It rained all day in the north.")._.events == []


def test_entry_point_factory_is_registered():
    from spacy.language import Language

    import realpolitik.events.component  # noqa: F401

    assert Language.has_factory("realpolitik")
