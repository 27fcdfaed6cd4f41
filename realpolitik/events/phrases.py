"""The noun phrase that names an actor: which dependents belong to it, and its contiguous span."""
from __future__ import annotations

from spacy.tokens import Token

# Bare agents that belong to the state (or body) they are "in".
SITED = {"JUD", "COP", "GOV", "LEG"}

# Dependents that belong to the phrase naming an actor; relative clauses, participles and most
# prepositional phrases describe it instead (and often name other actors).
_PHRASE_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case", "punct",
                "appos", "flat", "predet", "hyph", "npadvmod"}  # npadvmod: "US"-led


def phrase_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by `head` (head first, then by position)."""
    keep = [head]
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in _PHRASE_DEPS or (c.dep_ == "prep" and c.lower_ == "of") or (
                    c.dep_ == "pobj" and t.lower_ == "of"):
                keep.append(c)
                stack.append(c)
    return keep


def contiguous(head: Token, toks: list[Token]) -> tuple[int, int]:
    """Token index range [a, b] around `head` made only of `toks`, without edge punctuation.

    Keeps a phrase from swallowing a relative clause between commas ("The US, which armed ...,")."""
    ids = {t.i for t in toks}
    a = b = head.i
    while a - 1 in ids:
        a -= 1
    while b + 1 in ids:
        b += 1
    doc = head.doc
    while a < head.i and (doc[a].is_punct or doc[a].dep_ == "cc"):
        a += 1
    while b > head.i and (doc[b].is_punct or doc[b].dep_ == "cc"):
        b -= 1
    return a, b
