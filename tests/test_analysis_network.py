import json

import networkx as nx
import pytest

from realpolitik.analysis import AnalysisError, export_graph, network
from realpolitik.analysis.simulate import events_table, write_events


@pytest.fixture
def blocs(store):
    """Two cooperating blocs {AAA,BBB,CCC} and {DDD,EEE,FFF}, fighting each other through CCC->DDD."""
    rows = []
    coop_pairs = [("AAA", "BBB"), ("BBB", "AAA"), ("BBB", "CCC"), ("CCC", "AAA"),
                  ("DDD", "EEE"), ("EEE", "FFF"), ("FFF", "DDD"), ("EEE", "DDD")]
    for s, t in coop_pairs:
        rows += [{"date": "2024-05-01", "source": s, "target": t, "root": "06"}] * 4
    rows += [{"date": "2024-05-02", "source": "CCC", "target": "DDD", "root": "19"}] * 3
    rows += [{"date": "2024-05-02", "source": "CCC", "target": "DDD", "root": "04"}]
    rows += [{"date": "2024-05-03", "source": "AAA", "target": "FFF", "root": "13", "num_mentions": 5}]
    rows += [{"date": "2024-05-03", "source": "AAA", "target": "AAAGOV", "root": "04"}]  # self-loop: dropped
    for i, r in enumerate(rows):
        r["event_id"] = f"n{i}"
    write_events(store, events_table(rows))
    return store


def test_edges_and_node_measures(blocs):
    res = network(blocs)
    g = res["graph"]
    assert set(g.nodes) == {"AAA", "BBB", "CCC", "DDD", "EEE", "FFF"}
    assert g["CCC"]["DDD"]["conflict"] == 3 and g["CCC"]["DDD"]["coop"] == 1
    assert g["AAA"]["BBB"]["coop"] == 4 and g["AAA"]["BBB"]["conflict"] == 0
    assert not g.has_edge("AAA", "AAA")
    nodes = {n["actor"]: n for n in res["nodes"]}
    assert nodes["CCC"]["out_degree"] == 2 and nodes["CCC"]["conflict_out"] == 3
    assert sum(n["pagerank_coop"] for n in res["nodes"]) == pytest.approx(1.0, abs=1e-4)
    # CCC and DDD are the only bridge between the blocs on the cooperation layer.
    assert nodes["CCC"]["betweenness_coop"] > nodes["AAA"]["betweenness_coop"]
    assert sorted(map(tuple, res["communities"])) == [("AAA", "BBB", "CCC"), ("DDD", "EEE", "FFF")]
    assert nodes["AAA"]["community"] == nodes["CCC"]["community"] != nodes["EEE"]["community"]


def test_min_events_and_mentions_weight(blocs):
    assert not network(blocs, min_events=2)["graph"].has_edge("AAA", "FFF")
    g = network(blocs, weight="mentions", min_events=2)["graph"]
    assert g["AAA"]["FFF"]["conflict"] == 5


def test_exports_round_trip(blocs, tmp_path):
    g = network(blocs)["graph"]
    for suffix in ("graphml", "gexf", "json"):
        path = export_graph(g, tmp_path / f"g.{suffix}")
        if suffix == "graphml":
            back = nx.read_graphml(path)
        elif suffix == "gexf":
            back = nx.read_gexf(path)
        else:
            back = nx.node_link_graph(json.loads(path.read_text()), edges="links")
        assert set(back.nodes) == set(g.nodes)
        assert back.number_of_edges() == g.number_of_edges()
    with pytest.raises(AnalysisError, match="graphml"):
        export_graph(g, tmp_path / "g.txt")


@pytest.fixture
def orgs(store):
    """RUS against NATO, the EU and the UN, an armed group against IRQ; all share a pseudo-country."""
    rows = [{"date": "2024-05-01", "source": "RUS", "target": "IGONATO", "target_country": "IGO", "root": "13"}] * 3
    rows += [{"date": "2024-05-01", "source": "IGOEU", "source_country": "IGO", "target": "RUS", "root": "17"}] * 2
    rows += [{"date": "2024-05-02", "source": "IGOUNO", "source_country": "IGO", "target": "RUS", "root": "02"}]
    rows += [{"date": "2024-05-02", "source": "IGOEU", "source_country": "IGO", "target": "IGONATO",
              "target_country": "IGO", "root": "04"}]
    rows += [{"date": "2024-05-02", "source": "IMGISIS", "source_country": "IMG", "target": "IRQ", "root": "19"}]
    rows += [{"date": "2024-05-02", "source": "RUSGOV", "target": "UKRGOV", "root": "19"}]
    for i, r in enumerate(rows):
        r = rows[i] = dict(r)
        r["event_id"] = f"o{i}"
    write_events(store, events_table(rows))
    return store


def test_country_level_keeps_organisations_apart(orgs):
    res = network(orgs)
    nodes = {n["actor"] for n in res["nodes"]}
    assert {"IGONATO", "IGOEU", "IGOUNO", "IMGISIS", "RUS", "UKR", "IRQ"} == nodes
    edges = {(e["source"], e["target"]): e for e in res["edges"]}
    assert edges[("RUS", "IGONATO")]["conflict"] == 3 and edges[("IGOEU", "RUS")]["events"] == 2
    assert ("IGOEU", "IGONATO") in edges  # two IGOs: not a self-loop of 'IGO'
    assert network(orgs, level="code")["graph"].has_edge("RUSGOV", "UKRGOV")


def test_bare_igo_filter_still_means_every_igo(orgs):
    from realpolitik.analysis import dyad, shifts

    res = dyad(orgs, "RUS", "IGO", freq="month")
    assert sum(r["events"] for r in res["series"] if r["direction"] == "RUS->IGO") == 3
    assert sum(r["events"] for r in res["series"] if r["direction"] == "IGO->RUS") == 3
    alerts = shifts(orgs, start="2024-05-01", end="2024-05-31", freq="month", baseline=2, min_events=1,
                    actor="IGO", limit=50, evidence=0)
    assert alerts and "IGO" not in {a["source"] for a in alerts} | {a["target"] for a in alerts}
    assert {"IGONATO", "IGOEU"} <= {a["source"] for a in alerts} | {a["target"] for a in alerts}
