"""Analyst briefs: a sourced note on a situation, every sentence cited to the reports behind it.

    from realpolitik.brief import write_brief
    b = write_brief("out/demo.duckdb", actors="RUS,USA,UKR,NATO")
    open("brief.html", "w").write(b.to_html())
"""
from .compose import write_brief
from .model import Brief

__all__ = ["Brief", "write_brief"]
