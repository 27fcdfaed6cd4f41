"""Reading PETRARCH/TABARI dictionaries: actor files (Phoenix.*.actors.txt, PETR.Validate.actors.txt)
and agent files (Phoenix.agents.txt, PETR.Validate.agents.txt).

Actor files: an entry starts with a name at the start of a line, optionally followed by codes;
`+NAME` lines add synonyms; indented `[CODE ...]` lines add codes. A code may carry a date restriction:
`[CODE <YYMMDD]` before that day, `[CODE >YYMMDD]` after it, `[CODE A-B]` from A to B inclusive
(six- or eight-digit dates). `_` joins the words of a name; `#` starts a comment; `<!-- -->` blocks are
skipped. `[---]` codes the name as no actor for those dates.

Agent files: `NAME {PLURALS} [~CODE]` where `~CODE` follows a country (`[~GOV]`) and `CODE~` stands
alone (`[NGO~]`); `{}` means no plural, no braces means a regular plural; `!MACRO! = A, B` lines define
substitutions used inside names (`CONGRESS!PERSON!`).
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .entries import NON_STATE, Coding, Entry, parse_date, split_code
from .text import plural

NULL_CODES = {"---", "+++", "###"}
# Bare agent codes that, on a person's undated line, mean "this person's country, this sector".
SECTORS = {"GOV", "MIL", "REB", "OPP", "PTY", "LEG", "JUD", "COP", "SPY", "MED", "EDU", "BUS", "CVL", "REF",
           "LAB", "ELI", "HLH", "REL", "UAF", "CRM", "INS", "AGR", "DEV", "ENV", "HRI"}
_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _lines(path: Path):
    """Lines without comments; `<!-- ... -->` blocks removed."""
    in_block = False
    with open(path, encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if in_block:
                if "-->" in line:
                    in_block = False
                continue
            if line.lstrip().startswith("<!"):
                in_block = "-->" not in line
                continue
            yield line


def _name(raw: str) -> str:
    """PETRARCH name to an alias: words joined by '_' become spaces; case only kept for acronyms."""
    name = " ".join(raw.replace("_", " ").split())
    letters = re.sub(r"[^A-Za-z]", "", name)
    # PETRARCH writes every name in capitals, so acronyms must be guessed: up to three letters, or
    # dotted (UN, IMF, U.N.). Longer names ("IRAN", "BREE", "NATO") match in any case.
    if " " not in name and name.upper() == name and 0 < len(letters) and (len(letters) <= 3 or "." in name):
        return name
    return name.lower()


def _date_range(spec: str) -> tuple[dt.date | None, dt.date | None]:
    spec = spec.replace(" ", "")
    if not spec:
        return None, None
    if spec.startswith("<"):
        return None, parse_date(spec[1:])
    if spec.startswith(">"):
        return parse_date(spec[1:]) + dt.timedelta(days=1), None
    if "-" in spec:
        a, b = spec.split("-", 1)
        return parse_date(a), parse_date(b) + dt.timedelta(days=1)
    raise ValueError(f"bad date restriction: {spec!r}")


def _codings(line: str) -> list[Coding]:
    out = []
    for block in _CODE_BLOCK.findall(line):
        parts = block.strip().split(None, 1)
        if not parts:
            continue
        code = parts[0].upper().split("/")[0]  # "ELR/GAL": alternatives, keep the first
        try:
            start, end = _date_range(parts[1] if len(parts) > 1 else "")
        except ValueError:
            continue  # malformed restrictions (the validation file tests these) are ignored
        country, sector = split_code(code)
        out.append(Coding(code, country, sector, country if country in NON_STATE else "STATE", start, end))
    return out


def _finish(name: str, aliases: list[str], codings: list[Coding], source: str, n: int) -> Entry | None:
    if not codings or not aliases:
        return None
    ref = next((c for c in codings if c.code not in NULL_CODES and c.code not in SECTORS), None)
    fixed = []
    for c in codings:
        if c.code in SECTORS and ref is not None:
            code = ref.code if ref.country in NON_STATE else ref.country + c.code
            c = Coding(code, ref.country, c.code, ref.type, c.start, c.end)
        fixed.append(c)
    real = [c for c in fixed if c.code not in NULL_CODES]
    if all(len(c.code) == 3 for c in real):
        kind = "country" if not any(c.country in NON_STATE for c in real) else "org"
    elif any(c.dated for c in fixed):
        kind = "person"
    elif real and real[0].country in NON_STATE:
        kind = "org"
    else:
        kind = "metonym"
    if kind == "person":
        fixed = [Coding(c.code, c.country, c.sector, "PERSON", c.start, c.end) for c in fixed]
    return Entry(f"petrarch:{source}:{n}:{name}", kind, name, fixed, aliases, out_of_office=None)


def load_actors(path: str | Path) -> list[Entry]:
    path = Path(path)
    entries: list[Entry] = []
    name, aliases, codings, start_line = "", [], [], 0

    def flush():
        e = _finish(name, aliases, codings, path.name, start_line)
        if e is not None:
            entries.append(e)

    for n, raw in enumerate(_lines(path), 1):
        line = _strip_comment(raw)
        if not line.strip():
            continue
        if line[0] in " \t":
            codings += _codings(line)
            continue
        if line.startswith("+"):
            alias = _name(_CODE_BLOCK.sub("", line[1:]))
            if alias and alias not in aliases:
                aliases.append(alias)
            codings += _codings(line)
            continue
        flush()
        head = _CODE_BLOCK.split(line, 1)[0] if "[" in line else line
        name = " ".join(head.replace("_", " ").split())
        aliases = [_name(head)] if head.strip() else []
        codings = _codings(line)
        start_line = n
    flush()
    return entries


def load_agents(path: str | Path) -> list[Entry]:
    path = Path(path)
    macros: dict[str, list[str]] = {}
    by_code: dict[str, Entry] = {}
    for raw in _lines(path):
        line = _strip_comment(raw).strip()
        if not line:
            continue
        m = _MACRO.match(line)
        if m:
            macros[m.group(1)] = [v.strip() for v in m.group(2).split(",") if v.strip()]
            continue
        codes = _CODE_BLOCK.findall(line)
        if not codes:
            continue
        code = codes[-1].replace(" ", "").upper()
        head = line[: line.index("[")]
        plurals_given = None
        pm = re.search(r"\{([^}]*)\}", head)
        if pm:
            plurals_given = pm.group(1).split()
            head = head[: pm.start()] + head[pm.end():]
        forms = _expand(head.strip(), macros)
        if plurals_given is None:
            forms += [plural(f.lower().replace("_", " ")) for f in forms]
        else:
            forms += [f for p in plurals_given for f in _expand(p, macros)]
        aliases = [a for a in dict.fromkeys(_name(f) for f in forms) if a]
        if code.endswith("~"):  # stands alone: an organisation type such as NGO
            org = code[:-1]
            coding = Coding(org, org[:3], None, org[:3] if org[:3] in NON_STATE else "STATE")
            kind = "org"
        else:
            agent = code.lstrip("~")
            coding = Coding(agent, None, agent[:3] or None, "STATE", role=aliases[0] if aliases else agent)
            kind = "agent"
        e = by_code.get(code)
        if e is None:
            e = by_code[code] = Entry(f"petrarch-agent:{path.name}:{code}", kind,
                                      aliases[0] if aliases else code, [coding], [])
        e.aliases += [a for a in aliases if a not in e.aliases]
    return list(by_code.values())


def _expand(form: str, macros: dict[str, list[str]]) -> list[str]:
    out = [form]
    for key, values in macros.items():
        out = [f.replace(key, v, 1) for f in out for v in values] if any(key in f for f in out) else out
    return [f for f in out if "!" not in f]


def is_agent_file(path: Path) -> bool:
    if "agent" in path.name.lower():
        return True
    with open(path, encoding="utf-8", errors="replace") as fh:
        head = fh.read(20000)
    return head.count("[~") > 5


def load_petrarch(path: str | Path) -> list[Entry]:
    path = Path(path)
    return load_agents(path) if is_agent_file(path) else load_actors(path)
