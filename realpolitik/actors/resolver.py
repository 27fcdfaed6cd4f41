"""ActorResolver: names in text -> mentions -> one Actor per noun phrase; lookup by code or name."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from rapidfuzz import fuzz, process

from ..dates import parse_date
from ..records import Actor
from .dictionary import KIND_RANK, ActorDictionary
from .entries import NON_STATE, Entry, safe_date
from .matcher import Mention, scan
from .text import fold

_SOVEREIGNTY_FILE = Path(__file__).resolve().parent / "data" / "sovereignty.tsv"


def _load_sovereignty(path: Path = _SOVEREIGNTY_FILE) -> dict[str, list[tuple[dt.date, str]]]:
    out: dict[str, list[tuple[dt.date, str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        territory, sovereign, start = (line.split("\t") + ["", "", ""])[:3]
        out.setdefault(territory.strip(), []).append((parse_date(start.strip()), sovereign.strip()))
    return out


_SOVEREIGNTY = _load_sovereignty()

_NAME_HEADS_FILE = Path(__file__).resolve().parent / "data" / "name_heads.tsv"


def _load_name_heads(path: Path = _NAME_HEADS_FILE) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, sector = (line.split("\t") + [""])[:2]
        out[word.strip()] = sector.strip()
    return out


_NAME_HEADS = _load_name_heads()

OWNER_KINDS = {"country", "capital", "demonym", "metonym", "org", "ethnic", "place"}
# "Turkish-backed rebels" are not Turkish: the name only modifies. ("Saudi-led" does own the phrase.)
_MODIFIER = re.compile(r"-(backed|allied|supported|sponsored|funded|trained|armed|aligned|friendly|"
                       r"occupied|brokered|made|bound|born)\b")
# "the Hamas-run health ministry" is in Gaza but is not Hamas's armed wing: the name gives the
# country, the agent the sector. Likewise where a body is based ("Pakistan-based militants" are
# Pakistan's, "the Tripoli-based government" is Libya's).
_RUN_BY = re.compile(r"-(run|controlled|held|governed|ruled|administered|based)\b")
_BASED = re.compile(r"-based\b")
# "pro-Kurdish lawmakers", "anti-Assad rebels": the name describes a stance, not the owner.
_PREFIX = re.compile(r"\b(pro|anti|non|ex|post|pre)-$")
_POSSESSIVE = re.compile(r"['\u2019]s?\s")
_CHAINED = re.compile(r"(['\u2019]s?)?\s+")
# Where a coordination or an apposition starts: the head actor is what comes before.
_CONJ = re.compile(r"\s(and|or|&|as well as|along with|together with|with|alongside|plus)\s|\s\(|;|/|,\s")
# Words linking an agent to the person it serves: "spokesman for Erdoğan", "adviser to Trump".
_LINK = re.compile(r"^\s*(for|of|to)\s+(the\s+)?$")
# Sectors an ethnic group keeps from the agent ("Kurdish civilians"); armed or ruling agents take the
# group's own sector ("Kurdish forces" -> REB under the SDF/YPG convention).
_ETHNIC_KEEPS_AGENT = {"CVL", "REF", "MED", "OPP", "PTY", "HLH", "EDU", "REL", "BUS", "LAB", "HRI", "AGR"}
# Armed agents of a people that has no armed body of its own in ethnic.tsv ("Tigrayan fighters",
# "Rohingya militants", "Baloch separatists") are non-state fighters of that people's state.
_ARMED_AGENT = {"MIL", "REB", "UAF", "IMG"}
_GENERIC_INSTITUTION = {"PTY", "LEG", "JUD"}
# Owners a demonym or a people may only describe: in "Afghan Taliban", "Lebanese Hezbollah" or
# "the Kurdish PKK" the named body is the head, the adjective says where it is from.
_NAMED_BODY = {"org", "metonym"}
# Agents that name a kind of non-state body; with a state they become that state's sector.
_STATELESS_AGENT = {"NGO": "NGO", "IMG": "REB"}
_CODE = re.compile(r"^[A-Z]{3}([A-Z]{3})*$")
# "international" right before an official agent, or before "team/panel/mission of": a body of states.
_INTERNATIONAL = re.compile(r"\binternational\s+((team|panel|group|mission|commission|body)\s+of\s+)?"
                            r"((the|a|an)\s+)?$", re.I)
_INTERNATIONAL_AGENT = {"COP", "HRI", "MIL", "JUD", "GOV", "SPY"}
# "a former US ambassador", "ex-army chief": whoever held the post is an elite now, not its holder.
_FORMER = re.compile(r"\b(former|ex-)", re.I)
# ... in the title's own noun phrase: "a former soldier and director of the NGO" is no former director.
_FORMER_BREAK = re.compile(r",|;|\s(and|or|of|for|at|with|to|in)\s")
# A run of capitalised words, allowing short linking words inside ("Centre for a New American Security").
_NAME_WORD = re.compile(r"[\w'\u2019.-]+")
_NAME_LINKS = {"of", "for", "a", "the", "on", "de"}
_NAME_OWNERS = {"country", "demonym", "capital"}


def _first_conjunct_end(text: str) -> int | None:
    m = _CONJ.search(text)
    return m.start() if m else None


def with_sector(actor: Actor, sector: str) -> Actor:
    """A bare state ("Turkey") acting as its government or army: with_sector(a, "GOV") -> TURGOV."""
    if not actor.country or actor.country in NON_STATE:
        return actor
    return Actor(actor.text, actor.country + sector, actor.country, sector, actor.type, actor.name, actor.id)


def with_country(actor: Actor, country: str) -> Actor:
    """Give a bare agent ("the troops": country None, code MIL) the country found from context."""
    code = country + (actor.sector or "") if country not in NON_STATE else country
    return Actor(actor.text, code, country, actor.sector, actor.type, actor.name, actor.id)


def _name_runs(text: str) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """Runs of capitalised words (start, end, words), linking words only between capitalised ones."""
    runs, cur, links = [], [], []
    last = 0
    for m in _NAME_WORD.finditer(text):
        w = m.group()
        gap, last = text[last:m.start()], m.end()
        if cur and gap.strip():  # punctuation between words ends the name
            runs.append(cur)
            cur, links = [], []
        if w[:1].isupper():
            cur += links + [(m.start(), m.end(), w)]
            links = []
        elif cur and w in _NAME_LINKS:
            links.append((m.start(), m.end(), w))
        else:
            if cur:
                runs.append(cur)
            cur, links = [], []
    if cur:
        runs.append(cur)
    return [(r[0][0], r[-1][1], r) for r in runs if sum(w[2][:1].isupper() for w in r) > 1]


def _named_bodies(text: str, ms: list) -> list:
    """A capitalised name holding a demonym or country but headed by a word of name_heads.tsv names a
    body, not the state: "the Chinese Academy of Sciences" is CHNEDU, "Turkish Airlines" TURBUS, the
    "Indian Premier League" no actor. Its mentions give way to one for the body."""
    for start, end, words in _name_runs(text):
        inside = [x for x in ms if x[0] >= start and x[1] <= end]
        owner = next((x for x in inside if x[2].kind in _NAME_OWNERS), None)
        if owner is None:
            continue
        caps = []
        for w in words:
            if not w[2][:1].isupper():
                break
            caps.append(w)
        head = caps[-1]
        sector = _NAME_HEADS.get(head[2])
        if (sector is None or sector == "state"
                or any(_NAME_HEADS.get(w[2]) == "state" for w in words)
                or any(x[2].kind not in _NAME_OWNERS | {"agent"} for x in inside)):
            continue  # not such a name, a state body, or one the dictionaries know ("Arab League")
        rest = [x for x in ms if x[1] <= start or x[0] >= end]
        if sector == "-" or owner[2].country in NON_STATE:
            return rest
        m = owner[2]
        body = Mention(start, end, text[start:end], "org", m.entry_id, m.country, sector, m.country + sector,
                       "STATE", text[start:end], "")
        return sorted(rest + [(start, end, body)], key=lambda x: x[0])
    return ms


def _former(actor: Actor | None, text: str, ms: list) -> Actor | None:
    """An office holder's phrase with "former"/"ex-" before the title is an elite: "a former US
    ambassador" USAELI, "a former Pentagon official" USAELI. People keep their dated coding."""
    agents = [x for x in ms if x[2].kind == "agent"]
    if (actor is None or not agents or actor.type == "PERSON" or actor.sector in (None, "ELI")
            or actor.country in NON_STATE or any(x[2].kind == "person" for x in ms)
            or not any(not _FORMER_BREAK.search(text, f.end(), agents[-1][0])
                       for f in _FORMER.finditer(text, 0, agents[-1][0]))):
        return actor
    code = (actor.country or "") + "ELI"
    return Actor(actor.text, code, actor.country, "ELI", actor.type, actor.name, actor.id)


class ActorResolver:
    def __init__(self, dictionary: ActorDictionary | None = None):
        self.dictionary = dictionary if dictionary is not None else ActorDictionary.default()
        self._country_names: dict[str, str] = {}
        for e in self.dictionary.entries:
            if e.kind == "country":
                self._country_names.setdefault(e.codings[0].country, e.name)

    # -- scanning ---------------------------------------------------------------------------------
    def scan(self, text: str, date=None) -> list[Mention]:
        """Whole-word, case-aware, longest non-overlapping mentions; offsets index `text`."""
        return scan(self.dictionary, text, date)

    def country_name(self, iso3: str | None) -> str:
        return self._country_names.get(iso3 or "", iso3 or "")

    # -- one actor per phrase ------------------------------------------------------------------------
    def resolve(self, text: str, mentions: list[Mention] | None = None, date=None, offset: int = 0,
                bare_state_sector: str | None = None) -> Actor | None:
        """One actor for the noun phrase `text`.

        `mentions` are those inside the phrase, from scan(text) or from scanning a larger text, in which
        case `offset` is the phrase's start in that text. Returns None when nothing in the phrase names an
        actor. A bare agent ("the troops") gives an Actor with country None and code = sector; fill the
        country from context with `with_country`. A bare state ("Turkey") has no sector unless
        `bare_state_sector` is given (sources of events are usually the government: pass "GOV").
        """
        if mentions is None:
            mentions = self.scan(text, date)
        ms = [(m.start - offset, m.end - offset, m) for m in mentions]
        ms = sorted((x for x in ms if x[0] >= 0 and x[1] <= len(text)), key=lambda x: x[0])
        if not ms:
            return None
        actor = None
        cut = _first_conjunct_end(text)
        if cut is not None:
            # "Turkish forces and Arab proxies": the first conjunct is the head of a coordination.
            head = [x for x in ms if x[1] <= cut]
            actor = self._resolve_span(text, head) if head else None
            if actor is not None and actor.country is None:
                actor = None
            rest = [x for x in ms if x[0] >= cut]
            if (actor is not None and actor.type != "PERSON" and rest and rest[0][2].kind == "person"
                    and rest[0][2].country == actor.country and text[cut:cut + 2] in (", ", " (")):
                # Apposition naming the office holder: "Turkey's president, Recep Tayyip Erdoğan".
                p = rest[0][2]
                actor = Actor(text.strip(), p.code, p.country, p.sector, "PERSON", p.name, p.entry_id)
        if actor is None:
            actor = self._resolve_span(text, ms)
        if actor is not None and actor.country in _SOVEREIGNTY:
            actor = self._sovereign(actor, date)
        if (actor is not None and bare_state_sector and actor.sector is None and actor.type == "STATE"
                and actor.country and actor.country not in NON_STATE):
            actor = with_sector(actor, bare_state_sector)
        return actor

    @staticmethod
    def _sovereign(actor: Actor, date) -> Actor:
        """A territory's actors take its sovereign's code from the handover (sovereignty.tsv):
        "protesters in Hong Kong" are Chinese after 1997."""
        d = safe_date(date)
        if d is None:
            return actor
        sovereign = None
        for start, state in sorted(_SOVEREIGNTY[actor.country]):
            if start <= d:
                sovereign = state
        if sovereign is None:
            return actor
        code = sovereign + (actor.sector or "")
        return Actor(actor.text, code, sovereign, actor.sector, actor.type, actor.name, actor.id)

    def _resolve_span(self, text: str, ms: list) -> Actor | None:
        ms = _named_bodies(text, ms)
        if not ms:
            return None
        return _former(self._head_actor(text, ms), text, ms)

    def _head_actor(self, text: str, ms: list) -> Actor | None:
        phrase = text.strip()
        mods = {id(m) for s, e, m in ms if m.kind != "agent" and (_MODIFIER.match(text, e) or
                                                                   _PREFIX.search(text, 0, s))}
        agents = [x for x in ms if x[2].kind == "agent"]
        persons = [x for x in ms if x[2].kind == "person" and id(x[2]) not in mods]
        owners = [x for x in ms if x[2].kind in OWNER_KINDS and id(x[2]) not in mods]

        if persons:
            ps, pe, p = persons[-1]
            after = [a for a in agents if a[0] >= pe]
            linked = [a for a in agents if a[1] <= ps and _LINK.match(text[a[1]:ps])]
            agent = after[-1][2] if after else (linked[-1][2] if linked else None)
            if agent is None:
                return Actor(phrase, p.code, p.country, p.sector, "PERSON", p.name, p.entry_id)
            if p.country in NON_STATE:
                return Actor(phrase, p.code, p.country, p.sector, p.country, p.name, p.entry_id)
            return self._combine(phrase, p.country, _STATELESS_AGENT.get(agent.sector, agent.sector), p.entry_id)

        if not owners:
            if agents:
                a = agents[-1][2]
                if a.sector in _STATELESS_AGENT:
                    # "rights groups" are NGOs and "jihadists" a non-state armed group by definition
                    return Actor(phrase, a.sector, a.sector, None, a.sector, a.name, a.entry_id)
                if a.sector in _INTERNATIONAL_AGENT and _INTERNATIONAL.search(text, 0, agents[-1][0]):
                    # "international investigators", "an international team of inspectors": an IGO body
                    return Actor(phrase, "IGO", "IGO", None, "IGO", a.name, a.entry_id)
                return Actor(phrase, a.sector or a.code, None, a.sector, "STATE", a.name, a.entry_id)
            m = ms[-1][2]  # only modifiers ("US-backed"): better than nothing
            return self._from_mention(phrase, m)

        for (_, e1, a), (s2, _, b) in zip(owners, owners[1:]):
            if (b.kind == "metonym" and b.sector in _GENERIC_INSTITUTION and a.kind in ("country", "demonym")
                    and a.country != b.country and not text[e1:s2].strip()):
                # "Canadian Conservatives", "Indian Congress": party and parliament names recur across states.
                return self._combine(phrase, a.country, b.sector, a.entry_id)
        owner_pos = owners[-1]
        later = [a for a in agents if a[0] >= owner_pos[1]]
        if later:
            agent = later[-1][2]
            if (agent.role == "official" and len(owners) > 1 and owner_pos[2].kind in ("country", "demonym")
                    and not text[owner_pos[1]:later[-1][0]].strip()
                    and _CHAINED.fullmatch(text[owners[-2][1]:owner_pos[0]])):
                # "the UN's Syria envoy", "Russia's Syria envoy": the state before the title is the
                # envoy's brief; the one before it sends the envoy.
                owner_pos = owners[-2]
        elif agents:
            agent = agents[-1][2]
            before = [o for o in owners if o[1] <= agents[-1][0]]
            owner_pos = before[-1] if before else owners[0]
        else:
            agent = None
            # "YPG in Afrin": without an agent the head is the first owner that is not just a place.
            named = [o for o in owners if o[2].kind != "place"] or owners
            # "the Britain-based Syrian Observatory": where a named body is based only describes it.
            named = [o for o in named if not _BASED.match(text, o[1])] or named
            # ... unless it is a possessor: "Turkey's AKP", "Iraq's Kurdistan region".
            heads = [o for o in named if not _POSSESSIVE.match(text, o[1])] or named
            owner_pos = heads[0]
            nxt = [o for o in owners if o[0] >= owner_pos[1]]
            if (owner_pos[2].kind in ("demonym", "ethnic") and nxt and nxt[0][2].kind in _NAMED_BODY
                    and (nxt[0][2].kind == "org" or nxt[0][2].sector)
                    and not text[owner_pos[1]:nxt[0][0]].strip()):
                owner_pos = nxt[0]
        owner = owner_pos[2]
        if agent is not None and owner.country not in NON_STATE and _RUN_BY.match(text, owner_pos[1]):
            return self._combine(phrase, owner.country, _STATELESS_AGENT.get(agent.sector, agent.sector),
                                 owner.entry_id)
        if (agent is not None and agent.sector == "OPP" and owner.kind == "metonym" and owner.sector == "GOV"
                and owner.country not in NON_STATE):
            # "Kremlin critics" oppose the institution: the state's opposition, not the Kremlin.
            return self._combine(phrase, owner.country, "OPP", owner.entry_id)
        if agent is None or owner.kind == "org" or (owner.kind == "metonym" and owner.sector):
            return self._from_mention(phrase, owner)
        if owner.kind == "ethnic":
            sector = agent.sector if agent.sector in _ETHNIC_KEEPS_AGENT else owner.sector
            if owner.sector in _ETHNIC_KEEPS_AGENT and agent.sector in _ARMED_AGENT:
                sector = "REB"
            return self._combine(phrase, owner.country, sector, owner.entry_id, owner.name)
        sector = _STATELESS_AGENT.get(agent.sector, agent.sector)
        return self._combine(phrase, owner.country, sector, owner.entry_id)

    def resolve_phrase(self, phrase: str, date=None, bare_state_sector: str | None = None) -> Actor | None:
        return self.resolve(phrase, None, date, bare_state_sector=bare_state_sector)

    def _combine(self, text: str, country: str | None, sector: str | None, entry_id: str, name: str = "") -> Actor:
        if country in NON_STATE:
            sector = None
        code = (country or "") + (sector or "")
        return Actor(text, code or "---", country, sector, "STATE" if country not in NON_STATE else country,
                     name or self.country_name(country), entry_id)

    @staticmethod
    def _from_mention(text: str, m: Mention) -> Actor:
        return Actor(text, m.code, m.country, m.sector, m.type, m.name, m.entry_id)

    # -- lookup for the CLI/API -------------------------------------------------------------------
    def actor_of(self, entry: Entry, text: str | None = None, date=None) -> Actor | None:
        c = entry.coding_at(safe_date(date))
        if c is None:
            return None
        return Actor(text or entry.name, c.code, c.country, c.sector, c.type, entry.name, entry.id)

    def lookup(self, name_or_code: str, limit: int = 10) -> list[Actor]:
        """Actors for a code ("RUS", "RUSGOV", "IGONATO"), a name or alias ("Putin"), or a near-miss name."""
        q = (name_or_code or "").strip()
        if not q:
            return []
        out: dict[tuple[str, str], Actor] = {}

        def add(a: Actor | None):
            if a is not None and len(out) < limit:
                out.setdefault((a.code, a.id), a)

        if _CODE.match(q):
            for a in self._by_code(q):
                add(a)
        key = fold(q)
        d = self.dictionary
        # Later layers (user files) first, then the more specific kinds, as in matching.
        ranked = sorted(d.candidates(key), key=lambda c: (d.layers[c[0]], KIND_RANK.get(d.entries[c[0]].kind, 0)),
                        reverse=True)
        for idx, _alias in ranked:
            e = self.dictionary.entries[idx]
            if e.kind not in ("agent", "block"):
                add(self.actor_of(e))
        if not out:  # a phrase: "Russian government", "Nato officials"
            a = self.resolve_phrase(q)
            if a is not None and a.country:
                add(a)
        if not out:
            keys = self.dictionary.keys()
            for match, score, _ in process.extract(key, keys, scorer=fuzz.WRatio, limit=limit, score_cutoff=86):
                for idx, _alias in self.dictionary.candidates(match):
                    e = self.dictionary.entries[idx]
                    if e.kind not in ("agent", "block"):
                        add(self.actor_of(e))
        return list(out.values())

    def _by_code(self, code: str) -> list[Actor]:
        country, sector = code[:3], code[3:6] or None
        exact = []
        if sector and country in self._country_names:
            exact.append(self._combine(code, country, sector, f"country:{country}"))
        for e in self.dictionary.entries:
            if e.kind in ("agent", "block", "person", "demonym", "capital"):
                continue
            if any(c.code == code for c in e.codings):
                exact.append(self.actor_of(e))
        if exact:
            return [a for a in exact if a is not None]
        if country in self._country_names or country in NON_STATE:
            return [self._combine(code, country, sector, f"country:{country}")]
        return []
