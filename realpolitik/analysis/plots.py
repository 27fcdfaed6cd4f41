"""Plotly figures for the analyses, written as self-contained HTML (plotly.js embedded, no CDN)
or, when kaleido is installed (`pip install 'realpolitik[images]'`), as PNG/SVG."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import networkx as nx
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .common import ROOTS, AnalysisError, root_table

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
QUAD_COLORS = {1: "#7fbf7b", 2: "#1b7837", 3: "#f4a582", 4: "#b2182b"}


def dyad_figure(result: dict) -> go.Figure:
    """Per direction: stacked quad-class counts per period, with the mean Goldstein line."""
    directions = [d for d in dict.fromkeys(r["direction"] for r in result["series"]) if d != "both"]
    fig = make_subplots(rows=max(1, len(directions)), cols=1, shared_xaxes=True, subplot_titles=directions,
                        specs=[[{"secondary_y": True}] for _ in range(max(1, len(directions)))])
    for i, d in enumerate(directions, start=1):
        rows = [r for r in result["series"] if r["direction"] == d]
        x = [r["period"] for r in rows]
        for q in (1, 2, 3, 4):
            fig.add_trace(go.Bar(x=x, y=[r[f"quad_{q}"] for r in rows], name=QUAD_NAMES[q],
                                 marker_color=QUAD_COLORS[q], legendgroup=str(q), showlegend=i == 1),
                          row=i, col=1, secondary_y=False)
        fig.add_trace(go.Scatter(x=x, y=[r["goldstein_mean"] for r in rows], name="mean Goldstein",
                                 mode="lines+markers", line=dict(color="black"), legendgroup="g",
                                 showlegend=i == 1), row=i, col=1, secondary_y=True)
        fig.update_yaxes(title_text=result.get("weight", "events"), row=i, col=1, secondary_y=False)
        fig.update_yaxes(title_text="Goldstein", range=[-10, 10], tickmode="linear", dtick=5, showgrid=False,
                         row=i, col=1, secondary_y=True)
    fig.update_layout(barmode="stack", title=f"{result['source']} and {result['target']} by {result['freq']}")
    return fig


def profile_figure(result: dict) -> go.Figure:
    """Log-odds z-scores of every CAMEO root, one bar group per comparison."""
    fig = go.Figure()
    rt = root_table()
    for comp in ("vs_own_baseline", "vs_all_actors"):
        rows = {r["category"]: r for r in result["all_scores"] if r["scheme"] == "cameo_root" and r["comparison"] == comp}
        if rows:
            fig.add_trace(go.Bar(y=[f"{r} {rt[r]['label']}" for r in ROOTS], x=[rows.get(r, {}).get("z", 0) for r in ROOTS],
                                 orientation="h", name=comp.replace("_", " ")))
    who = result["actor"] + (f" toward {result['toward']}" if result.get("toward") else "")
    fig.update_layout(title=f"Distinctive tactics: {who} (weighted log-odds z)", barmode="group",
                      xaxis_title="z (>1.96: used more than the comparison)", height=650,
                      yaxis=dict(autorange="reversed"))
    return fig


def network_figure(result: dict) -> go.Figure:
    """Spring layout; green edges cooperation, red conflict; node size by activity, colour by community."""
    g: nx.DiGraph = result["graph"]
    pos = nx.spring_layout(g.to_undirected(), weight="events", seed=7) if g.number_of_nodes() else {}
    fig = go.Figure()
    # One line per dyad pair, coloured by what dominates it (drawing both layers would overlap exactly).
    layers = {"mostly cooperation": ([], [], "rgba(27,120,55,0.45)"), "mostly conflict": ([], [], "rgba(178,24,43,0.45)")}
    for u, v, d in g.edges(data=True):
        xs, ys, _ = layers["mostly cooperation" if d["coop"] >= d["conflict"] else "mostly conflict"]
        xs += [pos[u][0], pos[v][0], None]
        ys += [pos[u][1], pos[v][1], None]
    for name, (xs, ys, color) in layers.items():
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(color=color, width=1.2), name=name,
                                 hoverinfo="skip"))
    nodes = result["nodes"]
    strength = [n["coop_out"] + n["coop_in"] + n["conflict_out"] + n["conflict_in"] for n in nodes]
    top = max(strength or [1]) or 1
    fig.add_trace(go.Scatter(
        x=[pos[n["actor"]][0] for n in nodes], y=[pos[n["actor"]][1] for n in nodes], mode="markers+text",
        text=[n["actor"] for n in nodes], textposition="top center", name="actors",
        marker=dict(size=[8 + 30 * (s / top) ** 0.5 for s in strength], color=[n["community"] for n in nodes],
                    colorscale="Turbo", line=dict(width=1, color="black")),
        hovertext=[f"{n['actor']}: PageRank coop {n['pagerank_coop']:.3f}, community {n['community']}" for n in nodes],
    ))
    fig.update_layout(title=f"Actor network ({result['level']})", showlegend=True,
                      xaxis=dict(visible=False), yaxis=dict(visible=False))
    return fig


def forecast_figure(result: dict) -> go.Figure:
    rt = root_table()
    fig = make_subplots(rows=1, cols=2, column_widths=[0.8, 0.2], subplot_titles=["CAMEO root", "quad class"])
    roots = result["cameo_root"]
    fig.add_trace(go.Bar(x=[f"{r} {rt[r]['label']}" for r in roots], y=list(roots.values()), name="root",
                         marker_color=[QUAD_COLORS[rt[r]["quad_class"]] for r in roots]), row=1, col=1)
    quads = result["quad_class"]
    fig.add_trace(go.Bar(x=[QUAD_NAMES[int(q)] for q in quads], y=list(quads.values()), name="quad",
                         marker_color=[QUAD_COLORS[int(q)] for q in quads]), row=1, col=2)
    fig.update_yaxes(range=[0, 1], title_text="P(at least one)")
    fig.update_layout(showlegend=False, title=(
        f"{result['source']}->{result['target']} within {result['horizon']} of {result['as_of']}"
        f" (expected Goldstein {result['expected_goldstein']:+.2f})"))
    return fig


def save_figure(fig: go.Figure, path: str | Path) -> Path:
    """HTML embeds plotly.js from the installed package; PNG/SVG need kaleido."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.parent.is_dir():
        raise AnalysisError(f"--plot {path}: directory {path.parent} does not exist")
    if suffix in (".html", ".htm"):
        fig.write_html(str(path), include_plotlyjs=True, full_html=True)
    elif suffix in (".png", ".svg"):
        if importlib.util.find_spec("kaleido") is None:
            raise AnalysisError(f"{path}: PNG/SVG export needs kaleido (pip install 'realpolitik[images]'); use .html")
        fig.write_image(str(path))
    else:
        raise AnalysisError(f"{path}: plot file must end in .html, .png or .svg")
    return path
