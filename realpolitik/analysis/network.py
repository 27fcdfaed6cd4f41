"""The actor network over a window: who cooperates with and who fights whom.

Nodes are countries (or actor codes with level='code'); at country level organisations and armed
groups (country IGO, NGO, IMG) stay their own nodes (IGONATO, IGOEU, IGOUNO, IMGISIS; see
`common.node_sql`). Each directed edge A->B carries the weighted count of cooperation (quad 1-2) and conflict (quad 3-4) events and their Goldstein sum.
Node measures: in/out degree and strength on each layer, PageRank on cooperation and on conflict,
betweenness on cooperation (distance = 1 / weight, so strong ties are short), and communities
from greedy modularity maximisation (Clauset-Newman-Moore) on the undirected cooperation graph.
"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from .common import AnalysisError, date_window, node_sql, weight_sql, window_sql


def build_graph(store, start=None, end=None, weight: str = "events", level: str = "country",
                min_events: int = 1) -> nx.DiGraph:
    """Directed graph with edge attributes coop, conflict, events, goldstein; edges below min_events dropped."""
    if level not in ("country", "code"):
        raise AnalysisError(f"level {level!r}: use country or code")
    start, end = date_window(start, end)
    w = weight_sql(weight)
    s, t = node_sql("source", level), node_sql("target", level)
    rows = store.execute(
        f"""
        SELECT {s} AS s, {t} AS t,
               sum({w}) FILTER (WHERE quad_class IN (1, 2)) AS coop,
               sum({w}) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
               sum({w}) AS events, sum({w} * goldstein) AS goldstein
        FROM events
        WHERE NOT coalesce(negated, false) AND {window_sql(start, end)}
              AND {s} IS NOT NULL AND {t} IS NOT NULL AND {s} <> '' AND {t} <> '' AND {s} <> {t}
        GROUP BY ALL HAVING sum({w}) >= ?
        """,
        [min_events],
    ).fetchall()
    g = nx.DiGraph(level=level, weight=weight)
    for s, t, coop, conflict, events, gold in rows:
        g.add_edge(s, t, coop=float(coop or 0), conflict=float(conflict or 0), events=float(events),
                   goldstein=float(gold or 0))
    return g


def _layer(g: nx.DiGraph, attr: str) -> nx.DiGraph:
    h = nx.DiGraph()
    h.add_nodes_from(g.nodes)
    h.add_edges_from((u, v, {"weight": d[attr], "distance": 1.0 / d[attr]})
                     for u, v, d in g.edges(data=True) if d[attr] > 0)
    return h


def node_metrics(g: nx.DiGraph) -> tuple[list[dict], list[list[str]]]:
    """Per-node rows (sorted by total strength) and the cooperation communities."""
    if g.number_of_nodes() == 0:
        return [], []
    coop, conf = _layer(g, "coop"), _layer(g, "conflict")
    pr_coop = nx.pagerank(coop, weight="weight") if coop.number_of_edges() else {}
    pr_conf = nx.pagerank(conf, weight="weight") if conf.number_of_edges() else {}
    btw = nx.betweenness_centrality(coop, weight="distance") if coop.number_of_edges() else {}
    und = coop.to_undirected()  # to_undirected keeps one edge; rebuild weights as the sum both ways
    for u, v in und.edges:
        und[u][v]["weight"] = (coop[u][v]["weight"] if coop.has_edge(u, v) else 0.0) + (
            coop[v][u]["weight"] if coop.has_edge(v, u) else 0.0)
    comms = (nx.community.greedy_modularity_communities(und, weight="weight")
             if und.number_of_edges() else [set(g.nodes)])
    comms = [sorted(c) for c in sorted(comms, key=lambda c: (-len(c), sorted(c)))]
    member = {n: i for i, c in enumerate(comms) for n in c}
    rows = []
    for n in g.nodes:
        rows.append({
            "actor": n,
            "out_degree": g.out_degree(n), "in_degree": g.in_degree(n),
            "coop_out": g.out_degree(n, weight="coop"), "coop_in": g.in_degree(n, weight="coop"),
            "conflict_out": g.out_degree(n, weight="conflict"), "conflict_in": g.in_degree(n, weight="conflict"),
            "pagerank_coop": round(pr_coop.get(n, 0.0), 6), "pagerank_conflict": round(pr_conf.get(n, 0.0), 6),
            "betweenness_coop": round(btw.get(n, 0.0), 6), "community": member.get(n, -1),
        })
    rows.sort(key=lambda r: -(r["coop_out"] + r["coop_in"] + r["conflict_out"] + r["conflict_in"]))
    return rows, comms


def network(store, start=None, end=None, weight: str = "events", level: str = "country",
            min_events: int = 1) -> dict:
    """Graph summary as plain data: nodes with metrics, edges, communities."""
    g = build_graph(store, start, end, weight, level, min_events)
    nodes, comms = node_metrics(g)
    for n in nodes:
        g.nodes[n["actor"]].update({k: v for k, v in n.items() if k != "actor"})
    edges = [{"source": u, "target": v, **d} for u, v, d in g.edges(data=True)]
    edges.sort(key=lambda e: -e["events"])
    return {"level": level, "weight": weight, "nodes": nodes, "edges": edges, "communities": comms, "graph": g}


def export_graph(g: nx.DiGraph, path: str | Path) -> Path:
    """Write GraphML, GEXF or node-link JSON, chosen by the file suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".graphml":
        nx.write_graphml(g, path)
    elif suffix == ".gexf":
        nx.write_gexf(g, path)
    elif suffix == ".json":
        path.write_text(json.dumps(nx.node_link_data(g, edges="links"), default=str), encoding="utf-8")
    else:
        raise AnalysisError(f"{path}: graph export needs .graphml, .gexf or .json")
    return path
