// Charts for the dashboard. Data comes from <script type="application/json"> blocks written by the
// server (the CSP allows no inline script), drawn with the plotly.js served from the plotly package.
(function () {
  "use strict";
  var QUADS = {
    "1": ["verbal cooperation", "#7fbf7b"], "2": ["material cooperation", "#1b7837"],
    "3": ["verbal conflict", "#f4a582"], "4": ["material conflict", "#b2182b"]
  };
  var CONFIG = { responsive: true, displaylogo: false };

  function readJson(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function activity(el) {
    var data = readJson(el.dataset.activity);
    if (!data || !data.weeks.length) { el.textContent = "No events yet."; return; }
    var traces = Object.keys(QUADS).map(function (q) {
      return { type: "bar", x: data.weeks, y: data.series[q], name: QUADS[q][0], marker: { color: QUADS[q][1] },
               customdata: data.weeks.map(function () { return q; }) };
    });
    window.Plotly.newPlot(el, traces, {
      barmode: "stack", height: 320, margin: { t: 20, r: 10, b: 40, l: 50 },
      yaxis: { title: { text: "events per week" } }, legend: { orientation: "h" }
    }, CONFIG);
    // A click on a bar opens the explorer on that week's events of that quad class.
    el.on("plotly_click", function (ev) {
      var pt = ev.points && ev.points[0];
      if (!pt) { return; }
      var start = new Date(pt.x + "T00:00:00Z");
      window.location.href = "/events?" + new URLSearchParams({
        from: isoDay(start), to: isoDay(periodEnd(start, "week")), quad_class: pt.customdata, negated: "false"
      }).toString();
    });
  }

  function figure(el) {
    var fig = readJson(el.dataset.figure);
    if (!fig) { return; }
    var layout = fig.layout || {};
    layout.autosize = true;
    window.Plotly.newPlot(el, fig.data || [], layout, CONFIG);
    if (el.dataset.dyadA) { linkDyadBars(el); }
  }

  function isoDay(d) { return d.toISOString().slice(0, 10); }

  function periodEnd(start, freq) {
    if (freq === "month") { return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0)); }
    return new Date(start.getTime() + (freq === "week" ? 6 : 0) * 86400000);
  }

  // Dyad timeline: the first subplot (y axes y, y2) is A->B, the second B->A; bar traces are named
  // after their quad class. A click opens the explorer on that direction, period and quad class.
  function linkDyadBars(el) {
    var quadByName = {};
    Object.keys(QUADS).forEach(function (q) { quadByName[QUADS[q][0]] = q; });
    el.on("plotly_click", function (ev) {
      var pt = ev.points && ev.points[0];
      if (!pt || pt.data.type !== "bar") { return; }
      var first = ["y", "y2"].indexOf(pt.data.yaxis || "y") >= 0;
      var start = new Date(String(pt.x).slice(0, 10) + "T00:00:00Z");
      var params = {
        source: first ? el.dataset.dyadA : el.dataset.dyadB, target: first ? el.dataset.dyadB : el.dataset.dyadA,
        from: isoDay(start), to: isoDay(periodEnd(start, el.dataset.freq)), negated: "false"
      };
      if (quadByName[pt.data.name]) { params.quad_class = quadByName[pt.data.name]; }
      window.location.href = "/events?" + new URLSearchParams(params).toString();
    });
  }

  function draw() {
    if (!window.Plotly) { return; }
    document.querySelectorAll("[data-activity]").forEach(activity);
    document.querySelectorAll("[data-figure]").forEach(figure);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
