"""The stylesheet plotly.js would inject at run time, served as a file instead.

plotly.js adds its base CSS (layer positioning, mode bar, notifier) by creating <style> elements,
which a strict Content-Security-Policy (style-src 'self') refuses; the charts then draw their
layers out of place. The rules ship inside the installed plotly.min.js as one object literal of
selector -> declarations, with 'X' standing for '.js-plotly-plot .plotly' and 'Y' for
'.plotly-notifier'; this module reads that object from the installed file and writes the CSS, so
it always matches the plotly.js version that is served.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_STRING = r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\''
_PAIR = re.compile(rf"\s*({_STRING})\s*:\s*({_STRING})\s*(,|}})")
START = '"X,X div"'


def _unquote(s: str) -> str:
    return re.sub(r"\\(.)", r"\1", s[1:-1])


def rules_from(js: str) -> list[tuple[str, str]]:
    """(selector, declarations) pairs of plotly's base stylesheet, [] if not found."""
    i = js.find(START)
    if i < 0:
        return []
    out, pos = [], i
    while True:
        m = _PAIR.match(js, pos)
        if not m:
            break
        out.append((_unquote(m.group(1)), _unquote(m.group(2))))
        pos = m.end()
        if m.group(3) == "}":
            break
    return out


def selector(raw: str) -> str:
    return raw.replace("X", ".js-plotly-plot .plotly").replace("Y", ".plotly-notifier")


@lru_cache(maxsize=2)
def stylesheet(path: Path) -> str:
    rules = rules_from(Path(path).read_text(encoding="utf-8", errors="replace"))
    return "\n".join(f"{selector(s)} {{{d}}}" for s, d in rules) + "\n"
