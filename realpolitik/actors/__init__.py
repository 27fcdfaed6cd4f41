"""Actors: dictionaries of who is who, matching names in text, resolving noun phrases, coreference.

    from realpolitik.actors import ActorResolver
    r = ActorResolver()
    r.resolve_phrase("Moscow's foreign ministry")        # Actor(code='RUSGOV', ...)
    r.scan("Ukrainian soldiers shelled ...", date="2022-03-01")
"""
from .coref import CorefTracker
from .dictionary import ActorDictionary
from .entries import Coding, Entry
from .matcher import Mention
from .resolver import ActorResolver, with_country, with_sector

__all__ = ["ActorDictionary", "ActorResolver", "CorefTracker", "Mention", "Entry", "Coding", "with_country", "with_sector"]
