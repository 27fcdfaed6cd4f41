"""Loading spaCy pipelines once per process.

The coder finds actors with dictionaries, so it parses with the pipeline minus NER (NER is nearly
half the cost of the small English pipeline). `load_parser` keeps tok2vec, tagger, parser,
attribute_ruler and lemmatizer, whatever other components a pipeline has.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from realpolitik.config import DEFAULT_MODEL

# Components the grammar never reads; excluding them at load time saves memory as well as time.
_NOT_NEEDED = ("ner", "entity_ruler", "entity_linker", "textcat", "textcat_multilabel", "spancat")


# With `fast=True` the lemmas and coarse POS come from realpolitik.nlp.fastlemma instead.
_LEMMA_PIPES = ("attribute_ruler", "lemmatizer")


@lru_cache(maxsize=4)
def load_parser(model: str = DEFAULT_MODEL, fast: bool = False) -> Language:
    """The pipeline `model` without the components the coder does not need (cached per process).

    `fast` also drops attribute_ruler and lemmatizer (the caller must then fill lemmas and POS,
    see fastlemma.FastLemmas); they cost about as much as the parser itself."""
    exclude = list(_NOT_NEEDED) + (list(_LEMMA_PIPES) if fast else [])
    try:
        return spacy.load(model, exclude=exclude)
    except OSError as exc:  # a clear message beats spaCy's generic "can't find model"
        raise OSError(
            f"spaCy pipeline {model!r} is not installed; install it or pass model=... "
            f"(default comes from REALPOLITIK_MODEL / realpolitik.config.DEFAULT_MODEL)"
        ) from exc


def has_parser(nlp: Language) -> bool:
    return "parser" in nlp.pipe_names or any(
        getattr(p, "name", "") == "parser" for _, p in nlp.pipeline
    )


def disabled_for_parsing(nlp: Language) -> list[str]:
    """Names of active components to disable when a full pipeline is handed to the coder."""
    return [n for n in nlp.pipe_names if n in _NOT_NEEDED or n == "realpolitik"]
